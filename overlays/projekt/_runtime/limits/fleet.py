"""One rate-limit budget for a fleet of processes and hosts, kept in Redis (`projekt[redis]`).

The local throttle (throttle.py) spends one process's view of the window. With
`throttle_url="redis://..."` every client with the same base URL, token and org
spends one budget in Redis instead: the server's own view (its X-RateLimit-*
headers) less what the fleet has in flight. Reserving and settling are each one
Lua script, so they are atomic, and time is Redis's (`TIME`), so the hosts'
clocks do not matter. In-flight requests are leases that expire, so a process
killed mid-request cannot hold the budget forever. The key is a SHA-256 of the
base URL, the token and the org: the token never reaches Redis.

A call waits for at most one round trip (its reservation); settling is sent in the
background. What waits in this process to be sent, and the thread that sends it, are
leases.py; the Redis clients every budget of a client shares, and whether Redis is up,
are fleet_redis.py. No call fails because of Redis.
"""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from contextvars import ContextVar
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import httpx

from projekt._runtime.forks import start_afresh_in_children
from projekt._runtime.hosts import unresolvable
from projekt._runtime.limits.fleet_redis import OTHER_FAILURES, FleetRedis
from projekt._runtime.limits.leases import MOST_AHEAD, Leases, ended, unsent
from projekt._runtime.limits.ratelimit import RateLimit
from projekt._runtime.limits.throttle import PROBE_FOR, Budget
from projekt._runtime.observability.redaction import SPLIT_USERINFO, breaks_its_userinfo

__all__ = ["SharedBudget", "check_redis_url", "fleet_redis"]

LEASE_MS = 120_000  # an in-flight request's hold on the budget, should it never settle
# The shortest wait while another member of the fleet probes a window nobody knows yet.
PROBE_POLL_MS = 20
# How long the others wait for a probe's answer before another request probes: a probe's
# process may be killed before it settles, and its lease lasts LEASE_MS.
PROBE_MS = int(PROBE_FOR * 1000)

# The lease of the request this thread or task is sending (None: taken locally). Module
# level, as contextvars asks: each ContextVar lives as long as any context that saw it.
_LEASE: ContextVar[str | None] = ContextVar("projekt_fleet_lease", default=None)

# The Lua scripts: what they share (fleet_settle.lua), then each one's body.
_SHARED = resources.files(__package__).joinpath("fleet_settle.lua").read_text("utf-8")
RESERVE = _SHARED + resources.files(__package__).joinpath("fleet_reserve.lua").read_text("utf-8")
SETTLE = _SHARED + "settle_all(now_ms(), 1)\nreturn 0\n"  # settles alone, when none reserve


def check_redis_url(url: str) -> None:
    """Raises ImportError with what to install when redis-py is missing, and ValueError
    naming what is wrong with `url`: a password that splits it, no host (or socket path), a
    port or a database that is not a number, or anything else redis-py cannot read. Nothing
    connects yet."""
    try:
        import redis
    except ImportError:
        raise ImportError(
            "throttle_url, given or read from PROJEKT_THROTTLE_URL, needs redis-py: pip install "
            "'projekt[redis]' (without one, each process keeps a rate-limit budget of its own)"
        ) from None
    if breaks_its_userinfo(url):  # read as it is, a piece of the password would be the port
        raise ValueError(SPLIT_USERINFO)
    parts = urlsplit(url)
    if parts.scheme == "unix":
        if not parts.path:
            raise ValueError("it names no socket path (unix:///path/to/redis.sock)")
    else:
        if not parts.hostname:
            raise ValueError("it names no host (redis://host:6379/0)")
        if problem := unresolvable(parts.hostname):
            raise ValueError(f"its host {problem}")
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
        database = parts.path.strip("/")
        if database and not database.isdigit():
            raise ValueError(f"the database {database!r} is not a number (redis://host:6379/0)")
    redis.ConnectionPool.from_url(url)  # whatever else redis-py itself refuses


def fleet_redis(url: str, timeout: float) -> FleetRedis:
    """The Redis a client's budgets share, each reply waited for at most `timeout` s."""
    return FleetRedis(url, timeout, RESERVE)


def budget_key(netloc: str, authorization: str, org: str) -> str:
    digest = hashlib.sha256("\0".join((netloc, authorization, org)).encode()).hexdigest()
    return "projekt:throttle:{" + digest + "}"  # {...}: both keys in one cluster slot


def _settle_args(lease: str, response: httpx.Response, state: RateLimit) -> str:
    """One settle, as fleet_settle.lua reads it: five fields, empty where absent."""
    fields = (response.status_code, state.remaining, state.reset_after, state.retry_after)
    return " ".join((lease, *("" if field is None else str(field) for field in fields)))


class SharedBudget:
    """A `Budget` kept in Redis; the local one while Redis cannot be reached.

    A call makes at most one round trip, its reservation, which also carries the
    settles (a lease ended, with what the server said) of the calls this process
    finished since its last one; while calls stream, a reservation takes leases
    ahead for the next ones (leases.py). A settle no reservation has taken soon is
    sent by a background thread, with the sync Redis client for sync and async
    clients alike (a settle needs no event loop).
    """

    def __init__(
        self, redis: FleetRedis, key: str, floor: int, *, owns_redis: bool = False
    ) -> None:
        """`redis`: the one the client's other budgets use too; `owns_redis`: this budget's
        alone, closed with it."""
        self._redis, self._owns_redis = redis, owns_redis
        self._keys, self._floor = [key, key + ":leases"], floor
        self._local = Budget(floor=floor)
        self._leases = Leases(self._send_settles)
        start_afresh_in_children(self)

    def after_fork(self) -> None:
        """A forked child starts settling afresh: the parent's flusher thread did not come
        along, its lock may have been held at the fork, and its queued settles are its own
        to send."""
        self._leases = Leases(self._send_settles)

    # --- reserving: at most one round trip on the caller's path, carrying the pending settles

    def _taken_ahead(self) -> bool:
        """A lease taken ahead by an earlier reservation is this call's: no round trip."""
        lease = self._leases.take_ahead()
        _LEASE.set(lease)
        return lease is not None

    def _reserve_args(self, max_wait: float, settles: list[str]) -> list[Any]:
        lease = str(uuid.uuid4())
        _LEASE.set(lease)
        wanted = self._leases.wanted()
        # In fleet_reserve.lua's ARGV order.
        limits = [self._floor, int(max_wait * 1000)]
        return [*limits, lease, LEASE_MS, PROBE_POLL_MS, PROBE_MS, wanted, *settles]

    def _reserved(self, reply: Any) -> float:
        self._redis.answered()
        waited_ms, granted = (int(number) for number in reply)
        lease = _LEASE.get()
        if waited_ms or lease is None:
            _LEASE.set(None)  # nothing was reserved
        else:
            self._leases.granted(lease, granted)
        return waited_ms / 1000

    def _reserve_failed(self, error: Exception, settles: list[str]) -> None:
        """The script may have run with its reply lost: its settles are sent again (they
        can be: each ends a lease and takes the lowest count), and the leases it may have
        taken are ended: this call's (it is sent all the same, on the local budget), and
        those ahead, given back (only one still held counts, fleet_settle.lua)."""
        lease = _LEASE.get()
        _LEASE.set(None)
        if lease is not None:
            ahead = (f"{lease}/{n}" for n in range(2, MOST_AHEAD + 1))
            settles = [*settles, ended(lease), *map(unsent, ahead)]
        self._leases.queue(*settles)
        self._redis.failed(error)

    def reserve(self, max_wait: float) -> float:
        """0 once a request is reserved, else the seconds to wait first.

        One reservation is in flight at a time in a process (in an event loop, for async
        clients; fleet_redis.py): a burst of calls each reserving at once ran past the
        connections redis-py's pool allows. Calls wait for it in turn, each taking a lease
        it brought, if any, or making the next one. Each reply waits at most
        `throttle_timeout`, and a streak of failures sends the process to its own budget,
        so a stalled Redis holds the calls waiting behind it for a few timeouts at most.
        """
        if self._taken_ahead():
            return 0.0
        with self._redis.turn:
            if self._taken_ahead():  # the reservation this call waited for brought one
                return 0.0
            if self._redis.up():
                return self._reserve_in_redis(max_wait)
        return self._local.reserve(max_wait)

    def _reserve_in_redis(self, max_wait: float) -> float:
        import redis

        settles = self._leases.take()
        try:
            reserve = self._redis.sync()[1]
            waited = reserve(keys=self._keys, args=self._reserve_args(max_wait, settles))
            return self._reserved(waited)
        except (redis.RedisError, *OTHER_FAILURES) as error:
            self._reserve_failed(error, settles)
        return self._local.reserve(max_wait)

    async def _reserve_in_a_thread(self, max_wait: float) -> float:
        """Under trio, where redis-py's async client cannot run: the sync client's
        reservation, in a worker thread. Not abandoned when the call is cancelled (trio
        delivers the cancellation once the thread is done), so a lease taken in Redis
        always reaches the call, which settles it."""
        import anyio.to_thread

        def reserve() -> tuple[float, str | None]:
            _LEASE.set(None)  # a worker thread's context may still hold an earlier call's
            return self.reserve(max_wait), _LEASE.get()

        wait, lease = await anyio.to_thread.run_sync(reserve)  # by default, never abandoned
        _LEASE.set(lease)
        return wait

    async def areserve(self, max_wait: float) -> float:
        if self._taken_ahead():
            return 0.0
        if not self._redis.up():
            return self._local.reserve(max_wait)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio: trio
            return await self._reserve_in_a_thread(max_wait)
        reserve, reserving = await self._redis.in_loop(loop)
        async with reserving:
            if self._taken_ahead():  # the reservation this call waited for brought one
                return 0.0
            if self._redis.up():
                return await self._areserve_in_redis(reserve, max_wait)
        return self._local.reserve(max_wait)

    async def _areserve_in_redis(self, reserve: Any, max_wait: float) -> float:
        import redis

        settles = self._leases.take()
        try:
            args = self._reserve_args(max_wait, settles)
            return self._reserved(await reserve(keys=self._keys, args=args))
        except (redis.RedisError, *OTHER_FAILURES) as error:
            self._reserve_failed(error, settles)
        return self._local.reserve(max_wait)

    # --- settling: queued for the next reservation, or sent by the flusher

    def observe(self, response: httpx.Response | None) -> None:
        lease = _LEASE.get()
        if lease is None:
            return self._local.observe(response)
        _LEASE.set(None)
        if response is None:
            return self._leases.queue(ended(lease))
        state = RateLimit.of(response)
        nearly_spent = state.remaining is not None and state.remaining <= self._floor + MOST_AHEAD
        if nearly_spent or response.status_code == 429:
            # What this process took ahead is given back first, so that this answer's count
            # is not lowered for leases no call will use.
            self._leases.give_back()
        self._leases.queue(_settle_args(lease, response, state))

    async def aobserve(self, response: httpx.Response | None) -> None:
        self.observe(response)

    def idle(self, now: float) -> bool:
        """Holds nothing Redis does not: no settle to send, no lease taken ahead, and an idle
        local budget (what it uses while Redis cannot be reached)."""
        return self._leases.idle() and self._local.idle(now)

    def _send_settles(self, settles: list[str]) -> None:
        if not settles:
            return
        import redis

        try:
            with self._redis.turn:
                self._redis.sync()[0].eval(SETTLE, 2, *self._keys, *settles)
        except (redis.RedisError, *OTHER_FAILURES) as error:  # the leases expire anyway
            self._redis.failed(error)

    # --- closing, with the SDK client

    def close(self) -> None:
        """Sends what is left to settle (and closes its Redis, if its own)."""
        self._send_settles(self._leases.close())
        if self._owns_redis:
            self._redis.close()

    async def aclose(self) -> None:
        self._send_settles(self._leases.close())
        if self._owns_redis:
            await self._redis.aclose()
