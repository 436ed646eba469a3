"""Proactive throttling: stop before the 429, not after it.

Each response's rate-limit headers tell how many requests are left in the
window and when it resets. One `Budget` per (base URL, token, org), shared by a
client, its `with_org()` copies and all their threads or tasks, spends the
window locally as requests go out, and makes senders wait for the reset once it
reaches the floor. While the state is unknown (the first request, or a fresh
window) only one request is in flight, so a burst cannot overshoot the limit
before the first headers arrive. Once that probe gets no answer, or none within
PROBE_FOR, the others go: a server that answers nothing has no window to
overshoot, and held back, they would fail one after another. A server that sends
no rate-limit headers is not throttled at all. A budget that has gone idle
(nothing in flight, its window over) is dropped once a client has made many, so
that one used with a token per tenant keeps only those in use.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from projekt._runtime import clock
from projekt._runtime.forks import start_afresh_in_children
from projekt._runtime.limits.ratelimit import RateLimit

if TYPE_CHECKING:
    from projekt._runtime.limits.fleet import SharedBudget
    from projekt._runtime.limits.fleet_redis import FleetRedis

# Seconds a Redis reply may take before that call uses the process's own budget (fleet.py).
DEFAULT_REDIS_TIMEOUT = 0.25
# While another request probes the window, seconds between looks: a quarter of the time the
# probe has taken so far, within these bounds. So a fast answer is seen soon after it comes,
# and a slow one is not looked for hundreds of times a second by each call waiting for it.
_PROBE_POLL, _PROBE_POLL_MOST = 0.005, 0.05
# How long the others wait for a probe's answer before they all go: a probe's call may be
# interrupted between its reservation and its request, and never settle, and a server may
# take connections and answer nothing. The same as a fleet's (fleet.py's PROBE_MS).
PROBE_FOR = 2.0
_RESET_GRANULARITY = 1.0  # X-RateLimit-Reset is in whole seconds
# How many budgets a client holds before it drops the idle ones (Throttle._drop_idle).
_DROP_IDLE_FROM = 256


@dataclass
class Budget:
    floor: int = 0
    tracked: bool | None = None  # does the server send rate-limit headers? None: not known yet
    remaining: int | None = None
    reset_at: float | None = None
    in_flight: int = 0
    probed_at: float = 0.0  # since when the window is unknown, with a request out
    unanswered: bool = False  # a request into the unknown window got no answer: none waits

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        start_afresh_in_children(self)

    def after_fork(self) -> None:
        """A forked child's budget starts with a new lock and no request in flight: the
        parent's requests never settle in the child (counted, they would keep a window
        nobody knows yet waiting for ever). What the parent knew of the window holds."""
        self._lock, self.in_flight = threading.Lock(), 0

    def reserve(self, max_wait: float) -> float:
        """Takes one request from the window, or returns how long to wait first (> 0)."""
        with self._lock:
            now = clock.now()
            if self.reset_at is not None and now >= self.reset_at:
                # The window ended: the requests still in flight probe the next one.
                self.remaining, self.reset_at, self.probed_at = None, None, now
                self.unanswered = False
            if self.tracked is not False:  # False: no answer so far counted: nothing to spend
                if self.remaining is None:
                    if wait := self._wait_for_probe(now):
                        return wait
                elif self.remaining <= self.floor and self.reset_at is not None:
                    wait = self.reset_at - now
                    if wait <= max_wait:
                        return max(wait, _PROBE_POLL)
                    # a longer wait than the caller allows: send, and let the server answer
                else:
                    self.remaining -= 1
            self.in_flight += 1
            return 0.0

    def _wait_for_probe(self, now: float) -> float:
        """While nobody knows the window: how long to wait for the probe's answer, or 0 for
        a request that goes (the probe itself, or any once the probe has failed)."""
        if self.unanswered:
            return 0.0
        probing_for = now - self.probed_at
        if not self.in_flight:
            self.probed_at = now  # this one probes
        elif probing_for < PROBE_FOR:
            return probe_poll(probing_for)
        else:  # nothing heard for PROBE_FOR: all go, and the lost ones stop counting
            self.in_flight, self.unanswered = 0, True
        return 0.0

    async def areserve(self, max_wait: float) -> float:
        return self.reserve(max_wait)  # in memory: nothing to wait for

    def idle(self, now: float) -> bool:
        """Holds nothing a new budget would not learn from its first answer: no request in
        flight, and no window still running."""
        with self._lock:
            return not self.in_flight and (self.reset_at is None or now >= self.reset_at)

    async def aobserve(self, response: httpx.Response | None) -> None:
        self.observe(response)

    def observe(self, response: httpx.Response | None) -> None:
        """Settles a reservation with what the response said (None: no response)."""
        state = RateLimit.of(response) if response is not None else RateLimit()
        with self._lock:
            self.in_flight = max(self.in_flight - 1, 0)
            if response is None and self.remaining is None:
                self.unanswered = True  # until an answer tells the window, or it ends
            if response is not None and not self.tracked:
                # Known once an answer counts; a gateway's 502 without the headers may come first.
                self.tracked = state.is_known or response.status_code == 429
            if response is not None and response.status_code == 429:
                if wait := state.wait_for():
                    self.remaining, self.reset_at = 0, state.observed_at + wait
            elif state.remaining is not None and state.reset_after is not None:
                # Reset counts whole seconds, so 0 means within this one. A window with
                # requests left holds them until the next: ended by each answer at once, it
                # would have every next call probe alone.
                lasts = state.reset_after if not state.remaining else _RESET_GRANULARITY
                reset_at = state.observed_at + max(state.reset_after, lasts)
                if self.reset_at is None or reset_at > self.reset_at + _RESET_GRANULARITY:
                    # A new window: trust the server, less what is still in flight.
                    self.remaining = max(state.remaining - self.in_flight, 0)
                    self.reset_at = reset_at
                else:
                    # The same window. Whole seconds of Reset make each reading an upper
                    # bound up to 1 s late; the earliest reading is the best estimate.
                    self.reset_at = min(self.reset_at, reset_at)
                    if self.remaining is not None:
                        self.remaining = min(self.remaining, state.remaining)


def probe_poll(probing_for: float) -> float:
    """Seconds to wait before looking again, once a probe has been out `probing_for` s."""
    return min(max(probing_for / 4, _PROBE_POLL), _PROBE_POLL_MOST)


class Throttle:
    """A client's budgets, one per (base URL, token, org); in Redis when `url` names one,
    each Redis reply waited for at most `timeout` seconds."""

    def __init__(
        self, *, floor: int = 0, url: str | None = None, timeout: float = DEFAULT_REDIS_TIMEOUT
    ) -> None:
        self.floor, self.url, self.timeout = floor, url, timeout
        # No lock: get(), setdefault() and copy() are atomic, and a process forked while
        # another thread held a lock would never get it back.
        self._budgets: dict[tuple[str, str, str], Budget | SharedBudget] = {}
        self._look_at = _DROP_IDLE_FROM  # how many budgets there are when idle ones are dropped
        # The Redis every shared budget uses (one per org): nothing connects until a call.
        self._redis = None if url is None else _fleet_redis(url, timeout)

    def budget_for(self, request: httpx.Request) -> Budget | SharedBudget:
        # The key holds the Authorization value only in memory, like the client itself.
        key = (
            request.url.netloc.decode(),
            request.headers.get("authorization", ""),
            request.headers.get("x-org-id", ""),
        )
        budget = self._budgets.get(key)
        if budget is None:
            self._drop_idle()
            made = (
                Budget(floor=self.floor) if self._redis is None else self._shared(self._redis, key)
            )
            # Of threads making the first call at once, all get the same budget. A budget
            # made and not kept holds nothing yet: a shared one connects on first use.
            budget = self._budgets.setdefault(key, made)
        return budget

    def _drop_idle(self) -> None:
        """A client used with many tokens or orgs (a copy per tenant, OAuth tokens renewed
        every hour, `with_org()` across thousands) would keep a budget for each one it ever
        used, and the token in its key. So, once the budgets have doubled since the last
        look, the idle ones are dropped: a call that comes back makes a new one, and a call
        that took one just before settles on it all the same."""
        if len(self._budgets) < self._look_at:
            return
        budgets = self._budgets.copy()
        now = clock.now()  # after the copy: each budget in it was last told before now
        for key, budget in budgets.items():
            if budget.idle(now):
                self._budgets.pop(key, None)
        self._look_at = max(2 * len(self._budgets), _DROP_IDLE_FROM)

    def _shared(self, redis: FleetRedis, key: tuple[str, str, str]) -> SharedBudget:
        from projekt._runtime.limits.fleet import SharedBudget, budget_key

        return SharedBudget(redis, budget_key(*key), self.floor)

    def _shared_budgets(self) -> list[SharedBudget]:
        return [b for b in self._budgets.copy().values() if not isinstance(b, Budget)]

    def close(self) -> None:
        """Sends what a fleet's budgets have left to settle, then closes their Redis
        clients (the local budgets hold nothing)."""
        for budget in self._shared_budgets():
            budget.close()
        if self._redis is not None:
            self._redis.close()

    async def aclose(self) -> None:
        for budget in self._shared_budgets():
            await budget.aclose()
        if self._redis is not None:
            await self._redis.aclose()


def _fleet_redis(url: str, timeout: float) -> FleetRedis:
    from projekt._runtime.limits.fleet import fleet_redis  # only a fleet pays for it

    return fleet_redis(url, timeout)
