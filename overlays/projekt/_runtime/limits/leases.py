"""This process's side of its leases on a fleet's budget (fleet.py keeps the Redis side).

A lease ends with a settle: the lease, and what the server said of the window. A settle
waits here for this process's next reservation, which carries it to Redis in the same
round trip; one still waiting after SETTLE_WITHIN is sent by a background thread, the
flusher, so that a process gone quiet holds no lease.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

__all__ = ["SETTLE_WITHIN", "Leases"]

SETTLE_WITHIN = 0.01  # seconds a settle waits for a reservation before the flusher sends it


class Leases:
    """The settles waiting to be sent, and the flusher that sends the late ones with `send`
    (which never raises: a failed settle only leaves its lease to expire)."""

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

    def queue(self, settle: str) -> None:
        with self._lock:
            if self._idle:  # the flusher saw nothing queued lately: it waits without a timeout
                self._wake.notify()
            self._pending.append((time.monotonic(), settle))
            self._queued_lately = True
            if self._flusher is None and not self._closing:
                self._flusher = threading.Thread(
                    target=self._flush, name="projekt-fleet-settle", daemon=True
                )
                self._flusher.start()

    def take(self) -> list[str]:
        """The settles for a reservation to carry: the queued ones, and any the flusher has
        not yet sent (a settle is safe to send twice: it ends a lease and takes the lowest
        count)."""
        with self._lock:
            pending, self._pending = self._pending, []
            return [*self._sending, *(settle for _, settle in pending)]

    def close(self) -> list[str]:
        """Stops the flusher, and returns what is left to send."""
        with self._lock:
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
        queued for that long.
        """
        while True:
            with self._lock:
                if not self._pending:
                    self._queued_lately = False
                    self._wake.wait(SETTLE_WITHIN)
                    if not self._queued_lately and not self._closing:
                        self._idle = True
                        self._wake.wait()
                        self._idle = False
                if self._closing:
                    return
                if not self._pending:  # the reservations carried what was queued
                    continue
                due = self._pending[0][0] + SETTLE_WITHIN - time.monotonic()
                if due > 0:
                    self._wake.wait(due)
                cutoff = time.monotonic() - SETTLE_WITHIN
                self._sending = [settle for at, settle in self._pending if at <= cutoff]
                self._pending = [item for item in self._pending if item[0] > cutoff]
            self._send(self._sending)
            with self._lock:
                self._sending = []
