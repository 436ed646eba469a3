"""This process's side of its leases on a fleet's budget (fleet.py keeps the Redis side).

A lease ends with a settle: the lease, and what the server said of the window. A settle
waits here for this process's next reservation, which carries it to Redis in the same
round trip; one still waiting after SETTLE_WITHIN is sent by a background thread, the
flusher, so that a process gone quiet holds no lease.

While the window is wide, a reservation also takes leases ahead, for this process's next
calls, which then make no round trip. How many it asks for starts at one and doubles
while the calls use them up within STOCK_WITHIN (at most MOST_AHEAD); those not used by
then are given back by the flusher, to count again in the window, and the next
reservation asks for one again. So a steady stream of calls goes to Redis once in
MOST_AHEAD, and an occasional call takes only its own lease.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from projekt._runtime import clock

__all__ = [
    "MOST_AHEAD",
    "QUIET_FOR",
    "SETTLE_WITHIN",
    "STOCK_WITHIN",
    "Leases",
    "ended",
    "unsent",
]

SETTLE_WITHIN = 0.01  # seconds a settle waits for a reservation before the flusher sends it
# Seconds with nothing to send before the flusher ends (the next settle starts another): a
# client used for many orgs has a budget, and a flusher, per org.
QUIET_FOR = 1.0
STOCK_WITHIN = 0.1  # seconds a lease taken ahead waits for a call before it is given back
MOST_AHEAD = 16  # the most leases one reservation takes


def ended(lease: str) -> str:
    """The settle of a lease that brought no answer: it only ends (the request may have
    reached the server, which counted it)."""
    return f"{lease}    "


def unsent(lease: str) -> str:
    """The settle of a lease taken ahead that no call used: the window gets it back."""
    return f"{lease} -   "


class Leases:
    """The leases taken ahead, the settles waiting to be sent, and the flusher that sends
    the late ones with `send` (which never raises: a failed settle only leaves its lease to
    expire)."""

    def __init__(self, send: Callable[[list[str]], None]) -> None:
        self._send = send
        self._lock = threading.Lock()
        self._pending: list[tuple[float, str]] = []  # (when, a settle's argument)
        # What the flusher is sending: until Redis has it, a reservation carries it too, or
        # this process's own ended lease would count as another's in flight.
        self._sending: list[str] = []
        self._wake = threading.Condition(self._lock)
        self._flusher: threading.Thread | None = None
        self._idle = False
        self._queued_lately = False  # a settle was queued since the flusher last looked
        self._closing = False
        self._stock: list[str] = []  # leases taken ahead, not yet used
        self._granted, self._granted_at = 0, 0.0  # the last reservation's leases, and when

    def queue(self, *settles: str) -> None:
        """Queues settles at once, so that the flusher sends them together (one round trip,
        and one failure at most while Redis stalls)."""
        with self._lock:
            now = clock.monotonic()
            self._pending += [(now, settle) for settle in settles]
            self._queued_lately = True
            self._nudge()

    def _nudge(self) -> None:
        """Has the flusher look (it starts on first use); under the lock."""
        if self._idle:  # the flusher saw nothing queued lately: it waits without a timeout
            self._wake.notify()
        if self._flusher is None and not self._closing:
            self._flusher = threading.Thread(
                target=self._flush, name="projekt-fleet-settle", daemon=True
            )
            self._flusher.start()

    # --- leases taken ahead

    def wanted(self) -> int:
        """How many leases the next reservation asks for: twice as many as the last one
        took, when the calls used them all within STOCK_WITHIN; else one."""
        with self._lock:
            busy = not self._stock and clock.monotonic() - self._granted_at < STOCK_WITHIN
            return min(2 * self._granted, MOST_AHEAD) if busy else 1

    def granted(self, lease: str, granted: int) -> None:
        """A reservation took `lease` and granted - 1 more, lease/2 to lease/<granted>."""
        with self._lock:
            self._granted, self._granted_at = granted, clock.monotonic()
            if granted > 1:
                self._stock += [f"{lease}/{n}" for n in range(2, granted + 1)]
                self._nudge()  # to give them back, should no call come for them

    def take_ahead(self) -> str | None:
        """A lease taken ahead, for a call to use; None when none is left."""
        with self._lock:
            return self._stock.pop() if self._stock else None

    def give_back(self) -> None:
        """Ends the leases taken ahead: the window is nearly spent, or calls stopped."""
        with self._lock:
            self._give_back()

    def _give_back(self) -> None:
        now = clock.monotonic()
        self._pending += [(now - SETTLE_WITHIN, unsent(lease)) for lease in self._stock]
        self._stock, self._granted_at = [], 0.0  # the next reservation asks for one

    def take(self) -> list[str]:
        """The settles for a reservation to carry: the queued ones, and any the flusher has
        not yet sent (a settle is safe to send twice: it ends a lease and takes the lowest
        count)."""
        with self._lock:
            pending, self._pending = self._pending, []
            return [*self._sending, *(settle for _, settle in pending)]

    def idle(self) -> bool:
        """Nothing to send, and no lease taken ahead to give back."""
        with self._lock:
            return not (self._pending or self._sending or self._stock)

    def close(self) -> list[str]:
        """Stops the flusher, and returns what is left to send."""
        with self._lock:
            self._give_back()
            self._closing = True
            self._wake.notify()  # idle or not
            flusher, self._flusher = self._flusher, None
        if flusher is not None:
            flusher.join()
        return self.take()

    def _flush(self) -> None:
        """Sends the settles that waited SETTLE_WITHIN for a reservation, until closed.

        A busy process queues a settle on every call, and its next reservation carries it:
        woken for each one, the flusher cost every call a thread switch, with nothing to
        send. So with nothing pending it looks again after SETTLE_WITHIN (a settle queued
        meanwhile is still on time then), and sleeps until woken only once nothing was
        queued for that long; after QUIET_FOR more, it ends.
        """
        while True:
            with self._lock:
                if not self._pending and not self._stock:
                    self._queued_lately = False
                    self._wake.wait(SETTLE_WITHIN)
                    # Leases taken ahead meanwhile are given back on time, not at the next
                    # settle, which may come from a call that takes minutes.
                    if not self._queued_lately and not self._stock and not self._closing:
                        self._idle = True
                        self._wake.wait(QUIET_FOR)
                        self._idle = False
                        if not self._pending and not self._stock:
                            self._flusher = None  # quiet: the next settle starts another
                            return
                if self._closing:
                    return
                if self._stock and clock.monotonic() - self._granted_at >= STOCK_WITHIN:
                    self._give_back()  # no call came for them
                if not self._pending and not self._stock:  # the reservations carried them
                    continue
                due = self._due() - clock.monotonic()
                if due > 0:
                    self._wake.wait(due)
                    continue
                cutoff = clock.monotonic() - SETTLE_WITHIN
                self._sending = [settle for at, settle in self._pending if at <= cutoff]
                self._pending = [item for item in self._pending if item[0] > cutoff]
            self._send(self._sending)
            with self._lock:
                self._sending = []

    def _due(self) -> float:
        """When the flusher has something to do: send the oldest settle, or give back the
        leases taken ahead (the monotonic clock; under the lock)."""
        due = [at + SETTLE_WITHIN for at, _ in self._pending[:1]]
        if self._stock:
            due.append(self._granted_at + STOCK_WITHIN)
        return min(due)
