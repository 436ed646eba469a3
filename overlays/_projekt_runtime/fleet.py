"""One rate-limit budget for a fleet of processes and hosts, kept in Redis (`projekt[redis]`).

The local throttle (throttle.py) spends one process's view of the window. With
`throttle_url="redis://..."` every client with the same base URL, token and org
spends one budget in Redis instead: the server's own view (its X-RateLimit-*
headers) less what the fleet has in flight. Reserving and settling are each one
Lua script, so they are atomic, and time is Redis's (`TIME`), so the hosts'
clocks do not matter. In-flight requests are leases that expire, so a process
killed mid-request cannot hold the budget forever. The key is a SHA-256 of the
base URL, the token and the org: the token never reaches Redis.

Redis down, slow or unreachable: the budget falls back to a local one, logs one
warning, and tries Redis again a few seconds later. No call fails because of it.
"""

from __future__ import annotations

import hashlib
import threading
from contextvars import ContextVar
from typing import Any

import httpx

from . import clock
from .keys import new_key
from .log import logger
from .ratelimit import RateLimit
from .throttle import Budget

__all__ = ["SharedBudget", "check_redis_url"]

REDIS_TIMEOUT = 0.25  # seconds: a slow Redis is a down one (an event loop adds its own delay)
RETRY_REDIS_AFTER = 5.0  # seconds between attempts to get back to Redis after a failure
LEASE_MS = 120_000  # an in-flight request's hold on the budget, should it never settle
PROBE_POLL_MS = 20  # while another member of the fleet probes a window nobody knows yet
# What a failing Redis raises besides redis.RedisError: the socket's errors, and a client
# used from another event loop than its own. None of them may fail a call.
OTHER_FAILURES = (OSError, RuntimeError)

# KEYS: the budget (a hash), its leases (a sorted set: request -> expiry).
# ARGV: floor, max_wait (ms), lease id, lease length (ms), the probe's poll (ms).
# Returns 0 (reserved: the lease is taken), or the milliseconds to wait first.
RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local floor, max_wait = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local in_flight = redis.call('ZCARD', KEYS[2])
local s = redis.call('HMGET', KEYS[1], 'remaining', 'reset_at', 'tracked')
local remaining, reset_at, tracked = tonumber(s[1]), tonumber(s[2]), s[3]
if reset_at and now >= reset_at then
  remaining, reset_at = nil, nil
  redis.call('HDEL', KEYS[1], 'remaining', 'reset_at')
end
if tracked == '0' then
elseif remaining == nil then
  if in_flight > 0 then return tonumber(ARGV[5]) end
elseif remaining <= floor and reset_at then
  if reset_at - now <= max_wait then return math.max(reset_at - now, 1) end
else
  redis.call('HSET', KEYS[1], 'remaining', remaining - 1)
end
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[3])
local ttl = tonumber(ARGV[4]) + math.max((reset_at or now) - now, 0)
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
return 0
"""

# ARGV: lease id, status ('' when no response), the server's remaining, reset (s) and
# Retry-After (s), each '' when absent. Mirrors throttle.Budget.observe.
SETTLE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[2], ARGV[1])
if ARGV[2] == '' then return 0 end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local in_flight = redis.call('ZCARD', KEYS[2])
local status, server_remaining = tonumber(ARGV[2]), tonumber(ARGV[3])
local reset_after, retry_after = tonumber(ARGV[4]), tonumber(ARGV[5])
local s = redis.call('HMGET', KEYS[1], 'remaining', 'reset_at', 'tracked')
local remaining, reset_at = tonumber(s[1]), tonumber(s[2])
if s[3] == false then
  local known = server_remaining ~= nil and reset_after ~= nil
  redis.call('HSET', KEYS[1], 'tracked', (known or status == 429) and '1' or '0')
end
if status == 429 then
  local wait = retry_after or ((server_remaining == 0) and reset_after) or 0
  if wait > 0 then
    redis.call('HSET', KEYS[1], 'remaining', 0, 'reset_at', now + math.floor(wait * 1000))
  end
elseif server_remaining ~= nil and reset_after ~= nil then
  local new_reset = now + math.floor(reset_after * 1000)
  if reset_at == nil or new_reset > reset_at + 1000 then
    redis.call('HSET', KEYS[1], 'remaining', math.max(server_remaining - in_flight, 0),
               'reset_at', new_reset)
  else
    redis.call('HSET', KEYS[1], 'reset_at', math.min(reset_at, new_reset))
    if remaining ~= nil then
      redis.call('HSET', KEYS[1], 'remaining', math.min(remaining, server_remaining))
    end
  end
end
return 0
"""


def check_redis_url(url: str) -> None:
    """Raises ImportError with what to install when redis-py is missing, and ValueError
    when redis-py cannot read `url` (a port that is not a number, a database that is not
    one). Nothing connects yet."""
    try:
        import redis
    except ImportError:
        raise ImportError("throttle_url needs redis-py: pip install 'projekt[redis]'") from None
    redis.ConnectionPool.from_url(url)


def budget_key(netloc: str, authorization: str, org: str) -> str:
    digest = hashlib.sha256("\0".join((netloc, authorization, org)).encode()).hexdigest()
    return "projekt:throttle:{" + digest + "}"  # {...}: both keys in one cluster slot


def _settle_args(lease: str, response: httpx.Response | None) -> list[Any]:
    if response is None:
        return [lease, "", "", "", ""]
    state = RateLimit.of(response)
    return [
        lease,
        response.status_code,
        "" if state.remaining is None else state.remaining,
        "" if state.reset_after is None else state.reset_after,
        "" if state.retry_after is None else state.retry_after,
    ]


class SharedBudget:
    """A `Budget` kept in Redis; the local one while Redis cannot be reached."""

    def __init__(self, url: str, key: str, floor: int) -> None:
        self._url, self._keys, self._floor = url, [key, key + ":leases"], floor
        self._local = Budget(floor=floor)
        self._down_until = 0.0
        self._lock = threading.Lock()
        self._sync: Any = None
        self._async: Any = None
        # The lease of the request this thread or task is sending (None: taken locally).
        self._lease: ContextVar[str | None] = ContextVar("projekt_lease", default=None)

    def _reserve_args(self, max_wait: float) -> list[Any]:
        lease = new_key()
        self._lease.set(lease)
        return [self._floor, int(max_wait * 1000), lease, LEASE_MS, PROBE_POLL_MS]

    def _reserved(self, waited_ms: Any) -> float:
        if waited_ms:
            self._lease.set(None)  # nothing was reserved
        return int(waited_ms) / 1000

    def _down(self, error: Exception) -> None:
        with self._lock:
            already = clock.now() < self._down_until
            self._down_until = clock.now() + RETRY_REDIS_AFTER
        if not already:
            logger.warning(
                "The shared rate-limit budget in Redis is unavailable (%s); using this "
                "process's own throttle, and trying Redis again in %.0f s.",
                type(error).__name__,
                RETRY_REDIS_AFTER,
            )
        self._lease.set(None)

    def _up(self) -> bool:
        return clock.now() >= self._down_until

    # --- sync --------------------------------------------------------------------

    def _scripts(self) -> Any:
        if self._sync is None:
            import redis

            client = redis.Redis.from_url(
                self._url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT
            )
            self._sync = (client.register_script(RESERVE), client.register_script(SETTLE))
        return self._sync

    def reserve(self, max_wait: float) -> float:
        """0 once a request is reserved, else the seconds to wait first."""
        if self._up():
            import redis

            try:
                script = self._scripts()[0]
                return self._reserved(script(keys=self._keys, args=self._reserve_args(max_wait)))
            except (redis.RedisError, *OTHER_FAILURES) as error:
                self._down(error)
        return self._local.reserve(max_wait)

    def observe(self, response: httpx.Response | None) -> None:
        lease = self._lease.get()
        if lease is None:
            return self._local.observe(response)
        self._lease.set(None)
        import redis

        try:
            self._scripts()[1](keys=self._keys, args=_settle_args(lease, response))
        except (redis.RedisError, *OTHER_FAILURES) as error:  # the lease expires by itself
            self._down(error)

    # --- async -------------------------------------------------------------------

    def _ascripts(self) -> Any:
        if self._async is None:
            import redis.asyncio

            client = redis.asyncio.Redis.from_url(
                self._url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT
            )
            self._async = (client.register_script(RESERVE), client.register_script(SETTLE))
        return self._async

    async def areserve(self, max_wait: float) -> float:
        if self._up():
            import redis

            try:
                script = self._ascripts()[0]
                waited = await script(keys=self._keys, args=self._reserve_args(max_wait))
                return self._reserved(waited)
            except (redis.RedisError, *OTHER_FAILURES) as error:
                self._down(error)
        return self._local.reserve(max_wait)

    async def aobserve(self, response: httpx.Response | None) -> None:
        lease = self._lease.get()
        if lease is None:
            return self._local.observe(response)
        self._lease.set(None)
        import redis

        try:
            await self._ascripts()[1](keys=self._keys, args=_settle_args(lease, response))
        except (redis.RedisError, *OTHER_FAILURES) as error:
            self._down(error)
