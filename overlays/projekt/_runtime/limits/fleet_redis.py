"""The Redis that a client's shared budgets use (fleet.py): one for a client and its copies,
whatever the number of orgs they call.

Every budget (there is one per org) reserves and settles through the same Redis clients:
one sync client, and one async client per event loop (an async client works only in its
own loop), each with a lock that keeps one command in flight on it at a time. So a client
that calls a thousand orgs holds a connection or two, not one per org, and a burst of
calls stays within redis-py's pool (100 connections since redis-py 8.0).

Whether Redis is up is known here too. A reply that fails or comes later than
`throttle_timeout` makes that call use the process's own budget; only a streak of such
failures, or one that will not heal (a refusal of the URL's credentials, a Redis Cluster's
node or a replica in the URL), or a failed connection before Redis ever answered (a wrong
host, port or socket, or a client certificate it asks for: likelier than an outage), sends
every budget of the process to its own for a few seconds, with one warning. No call fails
because of Redis.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from projekt._runtime import clock
from projekt._runtime.forks import start_afresh_in_children
from projekt._runtime.loops import Closers
from projekt._runtime.observability.log import logger

__all__ = ["OTHER_FAILURES", "FleetRedis"]

# A streak that sends the process to its own budget for a while: this many failures in a
# row, over at least this long (threads stalled by one slow reply fail together).
FALLBACK_AFTER = (3, 0.5)  # (failures, seconds)
RETRY_REDIS_AFTER = 5.0  # seconds between attempts to get back to Redis after such a streak
# What a failing Redis raises besides redis.RedisError: the socket's errors, and a client
# used from another event loop than its own. None of them may fail a call.
OTHER_FAILURES = (OSError, RuntimeError)
# What a user an ACL restricts needs: the budget's scripts, and what they run on its keys.
BUDGET_ACL = "~projekt:throttle:* +@scripting +@hash +@sortedset +pexpire +time"


def _lasting(error: Exception) -> str | None:
    """Why Redis will go on failing so, when it will: it refused the URL's credentials, or its
    certificate, or the URL names a server that cannot hold the budget. That does not heal by
    itself, so it is said at once, where a process calling seldom would never make a streak,
    and would spend its own budget unaware."""
    from redis.exceptions import AskError, AuthenticationError, NoPermissionError, ReadOnlyError

    if isinstance(error, AuthenticationError):
        return "it refused the URL's user or password"
    if isinstance(error, NoPermissionError):  # an ACL: the user signed in, and may not do this
        return f"its user lacks a permission the budget needs ({error}): grant it {BUDGET_ACL}"
    # MOVED (an AskError): the budget's key is on another node. redis-py before 6.0 reads
    # that reply as a plain ResponseError outside its cluster client.
    if isinstance(error, AskError) or str(error).startswith(("MOVED ", "ASK ")):
        return "the URL names a node of a Redis Cluster; the budget needs a Redis server of its own"
    if isinstance(error, ReadOnlyError):
        return "the URL names a read-only replica; give the URL of its primary"
    if "CERTIFICATE_VERIFY_FAILED" in str(error):  # OpenSSL's reason, which redis-py quotes
        return (
            "its TLS certificate is not one this machine trusts; name the CA that signed it "
            "in the URL: ?ssl_ca_certs=/path/to/ca.pem"
        )
    return None


def _unreached(error: Exception, url: str) -> str | None:
    """Why a Redis never reached yet fails, when the URL is the likelier cause than an
    outage: a refused connection, an unknown host, a TLS handshake the server ended (as one
    that asks its clients for a certificate does, in words that vary with the moment it
    ends it). Said at once, for a process that calls seldom, or whose calls all come within
    a streak's half second. redis-py's words name the host and port, never the password."""
    from redis.exceptions import ConnectionError, TimeoutError

    if not isinstance(error, ConnectionError) or isinstance(error, TimeoutError):
        return None
    said = f"it has not answered since this client was made ({str(error).rstrip('.')})"
    if url.startswith("rediss://"):
        return (
            f"{said}; check the URL's host and port, and, if it asks its clients for a "
            "certificate, give one in the URL: ?ssl_certfile=/path/to/cert.pem&ssl_keyfile=..."
        )
    if url.startswith("unix://"):
        return f"{said}; check the socket's path, and that Redis listens there"
    return f"{said}; check the URL's host, port and scheme (rediss:// for TLS)"


class FleetRedis:
    """The Redis clients at `url`, each reply waited for at most `timeout` seconds, and the
    reservation script `reserve` registered with each."""

    def __init__(self, url: str, timeout: float, reserve: str) -> None:
        self._url, self._timeout, self._reserve = url, timeout, reserve
        self._failures, self._failing_since, self._down_until = 0, 0.0, 0.0
        self._reached = False  # whether Redis has answered once, since this client was made
        self._sync: tuple[Any, Any] | None = None  # the sync client, its script
        # Each event loop's async client, its script, what closes it as the loop ends
        # (loops.py), and its reservation lock.
        self._async: dict[asyncio.AbstractEventLoop, tuple[Any, Any, Any, asyncio.Lock]] = {}
        self._inherited: list[Any] = []  # see after_fork
        self._closers = Closers(self)
        self._lock = threading.Lock()
        # One command at a time on the sync client (a reservation, or a flusher's settles),
        # so that it holds one connection whatever the number of budgets and threads.
        self.turn = threading.Lock()
        start_afresh_in_children(self)

    def after_fork(self) -> None:
        """A forked child starts with new locks: one may have been held at the fork.
        redis-py's sync client starts afresh by itself; the async ones are the parent's
        event loops', and closing them through those loops would also remove the parent's
        sockets from the epoll instance both processes share, so they are kept, unused."""
        self._inherited.append(self._async)
        self._async = {}
        self._lock, self.turn = threading.Lock(), threading.Lock()

    # --- failures: one is that call's alone; a streak sends the process to its own budget

    def failed(self, error: Exception) -> None:
        failures, seconds = FALLBACK_AFTER
        lasting = _lasting(error) or (None if self._reached else _unreached(error, self._url))
        with self._lock:
            now = clock.now()
            self._failing_since = self._failing_since or now
            self._failures += 1
            if not self.up():
                return
            if not lasting and (self._failures < failures or now - self._failing_since < seconds):
                return
            self._down_until = now + RETRY_REDIS_AFTER
        why = lasting or f"{self._failures} times in a row"
        logger.warning(
            "The shared rate-limit budget in Redis is unavailable (%s, %s); "
            "using this process's own throttle, and trying Redis again in %.0f s.",
            type(error).__name__,
            why,
            RETRY_REDIS_AFTER,
        )

    def answered(self) -> None:
        self._failures, self._failing_since, self._reached = 0, 0.0, True

    def up(self) -> bool:
        return clock.now() >= self._down_until

    # --- the clients

    def _client(self, asynchronous: bool = False) -> Any:
        """A client that waits `throttle_timeout` for a reply and never retries: a script
        sent twice would spend the window twice, and a failure costs only this call."""
        from redis.backoff import NoBackoff

        if asynchronous:
            from redis.asyncio import Redis
            from redis.asyncio.retry import Retry
        else:
            from redis import Redis  # type: ignore[assignment]
            from redis.retry import Retry  # type: ignore[assignment]
        return Redis.from_url(
            self._url,
            socket_timeout=self._timeout,
            socket_connect_timeout=self._timeout,
            retry=Retry(NoBackoff(), 0),
        )

    def sync(self) -> tuple[Any, Any]:
        """The sync client and its reservation script, made once: of threads making their
        first call at once (trio's worker threads among them), one makes it, so that close()
        closes every connection opened. Nothing connects until a command is sent."""
        with self._lock:
            if self._sync is None:
                client = self._client()
                self._sync = (client, client.register_script(self._reserve))
            return self._sync

    async def in_loop(self, loop: asyncio.AbstractEventLoop) -> tuple[Any, asyncio.Lock]:
        """The reservation script of `loop`'s own client, and the loop's reservation lock.
        Each event loop used, one after another or at once, gets one, closed as that loop
        shuts down; once the loop has closed, it is dropped. Nothing here suspends, so the
        loop's tasks make one."""
        mine = self._async.get(loop)
        if mine is None:
            client = self._client(asynchronous=True)
            closer = await self._closers.start(client)
            mine = (client, client.register_script(self._reserve), closer, asyncio.Lock())
            with self._lock:  # loops in other threads add theirs too
                self._async = {
                    other: kept for other, kept in self._async.items() if not other.is_closed()
                }
                self._async[loop] = mine
        return mine[1], mine[3]

    def close(self) -> None:
        if self._sync is not None:
            self._sync[0].close()
            self._sync = None

    async def aclose(self) -> None:
        """Also closes this event loop's async client (another loop's cannot be closed from
        here; under trio there is none)."""
        self.close()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        mine = self._async.pop(loop, None)
        if mine is not None:
            await mine[2].aclose()  # its closer: closes the client
