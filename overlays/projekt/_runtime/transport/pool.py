"""The SDK's own connection to the network: an httpcore pool that honours deadlines.

httpx's `HTTPTransport` takes no network backend, and the deadline (deadline.py)
lives in one: every socket operation gets only the time left in its attempt.
So, as httpx's docs suggest for custom transports, this transport builds the
httpcore pool itself through httpcore's public `ConnectionPool(network_backend=...)`
and maps httpcore's exceptions to httpx's, as `HTTPTransport` does. Imported on
the first client, as httpx itself imports httpcore only then.

A process forked from one that used the client (gunicorn's `--preload`, Celery's
prefork pool, multiprocessing) inherits its open connections. Were both to send on
one, each could read the other's answer. So each transport's pool is its process's
own: the child starts an empty one. A sync child closes its copies of the inherited
sockets, which leaves the parent's connections open. An async child leaves them as
they are: they belong to the parent's event loop, and closing them through it would
also remove the parent's sockets from the epoll instance both processes share.

A client dropped without `close()` (a script's, a test's) does not leave its sockets to
the collector, which warns of each one (a ResourceWarning, an error under `-W error`). A
sync pool closes its connections when it is collected, as openai-python's client does, or
at exit if it is still alive then. That is a `weakref.finalize`, not a `__del__`: a client
is in a reference cycle (with its namespaces), and the collector finalizes the objects of
a cycle in no set order, so a `__del__` often came after the sockets' own finalizers had
warned. A finalizer's callback runs first, and holds the connections it closes.
An async connection can only close through its event loop, which may be gone by then: an
async pool closes its connections as that loop shuts down instead. `asyncio.run()`,
`asyncio.Runner`, pytest-asyncio and `trio.run()` close every async generator still open
before they end, and each pool keeps one open for that (loops.py), a new one
in each loop or run; a client collected while the loop runs has that generator closed
through the loop then.

Requests enter httpcore's pool one at a time, each once the one before has a connection
of its own (its first connect or write tells, network.py). httpcore hands an idle
connection to every request that enters before the first of them has started on it, and
all but one go back to wait for another (encode/httpcore#822): a burst of calls on one
client churned through the pool and overran their deadlines. The wait for a turn, or for
a free connection, ends by the attempt's deadline, as a `PoolTimeout`: nothing was sent.

An async connection also works only in the event loop that opened it. So an async
client keeps a pool for each event loop it is used in (under trio, for each thread's
run): in two at once (`asyncio.run()` in two threads, asgiref's `async_to_sync`), or one
after another (`asyncio.run()` once per job, a test framework's loop per test). A pool
whose loop has closed is dropped: its connections were closed with their loop, or,
under a runner that does not close async generators, can no longer be used or closed,
and each one's socket closes when it is collected.

Why one module: the sync and the async transport are one lifecycle told twice (made,
forked, entered in turn, closed), and share the request, the error mapping and the turn's
rules; apart, each would reach into the other's privates.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import weakref
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Callable,
    Iterable,
    Iterator,
)
from typing import Any

import anyio
import httpcore
import httpx

from projekt._runtime.errors.failures import NO_CONNECTION
from projekt._runtime.forks import start_afresh_in_children
from projekt._runtime.limits.deadline import time_left
from projekt._runtime.loops import Closers, has_run
from projekt._runtime.transport.mocks import PlainTransport, in_place_of_httpx
from projekt._runtime.transport.network import ENTERING, AsyncDeadlineBackend, DeadlineBackend
from projekt._runtime.transport.tls import ssl_context

__all__ = ["AsyncPoolTransport", "PoolTransport"]

# httpcore's errors, each to the httpx error httpx would raise; most specific first.
_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)
# What a proxy's 407 to the tunnel means, by whether its URL gave credentials.
_PROXY_ASKS = "; the proxy asks for a user name and password: add them to its URL there"
_PROXY_REFUSED = "; the proxy refused the user name and password in its URL"


@contextlib.contextmanager
def _as_httpx_errors(proxy: httpx.Proxy | None = None) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        said = str(exc)
        if proxy is not None and isinstance(
            exc, (httpcore.ConnectError, httpcore.ConnectTimeout, httpcore.ProxyError)
        ):
            # The connection that failed went through the proxy, which the message would
            # not say: the server it names may well be up. httpx keeps the URL's credentials
            # apart from it.
            said += f" (through the proxy {proxy.url}, from HTTP_PROXY, HTTPS_PROXY or ALL_PROXY)"
            if said.startswith("407 "):  # httpcore's words for the CONNECT the proxy refused
                said += _PROXY_REFUSED if proxy.auth else _PROXY_ASKS
        for core_error, httpx_error in _ERRORS:
            if isinstance(exc, core_error):
                raise httpx_error(said) from exc
        raise


def _pool_options(
    limits: httpx.Limits, proxy: httpx.Proxy | None, trust_env: bool
) -> dict[str, Any]:
    through = None
    if proxy is not None:
        through = httpcore.Proxy(
            url=str(proxy.url),
            auth=proxy.raw_auth,
            headers=proxy.headers.raw,
            ssl_context=proxy.ssl_context,
        )
    return {
        "ssl_context": ssl_context(trust_env),
        "proxy": through,
        "max_connections": limits.max_connections,
        "max_keepalive_connections": limits.max_keepalive_connections,
        "keepalive_expiry": limits.keepalive_expiry,
    }


def _wait_seconds(request: httpx.Request) -> float | None:
    """How long a request may wait for a connection: its pool timeout, and no longer than
    its attempt's deadline."""
    return time_left(request.extensions.get("timeout", {}).get("pool"), httpx.PoolTimeout)


@contextlib.contextmanager
def _turn_taken(give_back: Callable[[], None]) -> Iterator[None]:
    """Inside, the request holds the turn until its first connect or write (network.py), or
    until it leaves, whichever comes first."""
    given = False

    def let_next_in() -> None:
        nonlocal given
        if not given:
            given = True
            give_back()

    entering = ENTERING.set(let_next_in)
    try:
        yield
    finally:
        ENTERING.reset(entering)
        let_next_in()


def _core_request(request: httpx.Request, content: object) -> httpcore.Request:
    url = request.url
    timeouts = {**request.extensions.get("timeout", {}), "pool": _wait_seconds(request)}
    return httpcore.Request(
        method=request.method,
        url=httpcore.URL(
            scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
        ),
        headers=request.headers.raw,
        content=content,  # type: ignore[arg-type]
        extensions={**request.extensions, "timeout": timeouts},
    )


class _Stream(httpx.SyncByteStream):
    def __init__(self, inner: Iterable[bytes]) -> None:
        self._inner = inner

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._inner

    def close(self) -> None:
        close = getattr(self._inner, "close", None)
        if close is not None:
            close()


class PoolTransport(httpx.BaseTransport):
    def __init__(self, *, limits: httpx.Limits, proxy: httpx.Proxy | None, trust_env: bool) -> None:
        self._options = _pool_options(limits, proxy, trust_env)
        self._proxy = proxy
        self._connections = self._new_pool()
        self._turn = threading.RLock()  # see the module's docstring, and _let_go
        self._plain = PlainTransport(httpx.HTTPTransport, trust_env)
        start_afresh_in_children(self)

    def _new_pool(self) -> httpcore.ConnectionPool:
        backend = DeadlineBackend(httpcore.SyncBackend())
        pool = httpcore.ConnectionPool(**self._options, network_backend=backend)
        self._closes_at_the_end = weakref.finalize(self, _close_connections, pool)
        return pool

    def after_fork(self) -> None:
        """A forked child's pool is its own (see the module's docstring)."""
        self._closes_at_the_end.detach()
        inherited, self._connections = self._connections, self._new_pool()
        self._turn = threading.RLock()
        _close_connections(inherited)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if in_place_of_httpx(httpx.HTTPTransport.handle_request):  # a test's mock (mocks.py)
            return self._plain.get().handle_request(request)
        entering, answer = ENTERING.set(self._let_go), None
        try:  # from before the turn is taken until the answer is handed on: see _let_go
            if not self._turn.acquire(blocking=False):  # free, the common case
                wait = _wait_seconds(request)
                if not self._turn.acquire(timeout=-1 if wait is None else wait):
                    raise httpx.PoolTimeout(NO_CONNECTION)
            with _as_httpx_errors(self._proxy):
                answer = self._connections.handle_request(_core_request(request, request.stream))
            assert isinstance(answer.stream, Iterable)
            return httpx.Response(
                answer.status,
                headers=answer.headers,
                stream=_Stream(answer.stream),
                extensions=answer.extensions,
            )
        except BaseException:
            self._let_go()
            if answer is not None:
                # An interrupt too: an answer left open keeps its connection for good.
                answer.close()
            ENTERING.reset(entering)
            raise

    def _let_go(self) -> None:
        """Gives back every hold this thread has on the turn, on the request's first connect
        or write (network.py), or as it fails.

        An interrupt (Ctrl-C, a Celery time limit: whatever a signal handler raises) can
        come between any two steps: after the turn is taken and before anything would give
        it back, a plain lock would stay held, and every later request wait for it in vain.
        The turn knows its thread, and each request gives back all its thread holds, so a
        thread's next request ends a hold an interrupt left."""
        with contextlib.suppress(RuntimeError):  # none left: RLock.release() says so
            while True:
                self._turn.release()

    def close(self) -> None:
        self._connections.close()
        if self._plain.made is not None:
            self._plain.made.close()


def _close_connections(pool: httpcore.ConnectionPool) -> None:
    # Not pool.close(), which takes the pool's lock: the collector may run this inside any
    # call, one holding that lock too.
    with contextlib.suppress(Exception):
        for connection in pool.connections:
            connection.close()


class _AsyncStream(httpx.AsyncByteStream):
    def __init__(self, inner: AsyncIterable[bytes]) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _as_httpx_errors():
            async for part in self._inner:
                yield part

    async def aclose(self) -> None:
        aclose = getattr(self._inner, "aclose", None)
        if aclose is not None:
            await aclose()


def _this_loop() -> object:
    """The asyncio event loop running this call; under trio, this thread, whose one run
    it is."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return threading.get_ident()


def _closed(loop: object) -> bool:
    return isinstance(loop, asyncio.AbstractEventLoop) and loop.is_closed()


class _LoopPool:
    """One event loop's connections, what closes them as that loop ends, and the turn to
    enter (see the module's docstring)."""

    def __init__(self, connections: httpcore.AsyncConnectionPool) -> None:
        self.connections = connections
        self.closer: AsyncGenerator[None] | None = None
        self.turn = anyio.Lock()

    async def take_turn(self, request: httpx.Request) -> None:
        try:
            self.turn.acquire_nowait()  # no checkpoint when it is free, the common case
        except anyio.WouldBlock:
            try:
                with anyio.fail_after(_wait_seconds(request)):
                    await self.turn.acquire()
            except TimeoutError:
                raise httpx.PoolTimeout(NO_CONNECTION) from None


class AsyncPoolTransport(httpx.AsyncBaseTransport):
    def __init__(self, *, limits: httpx.Limits, proxy: httpx.Proxy | None, trust_env: bool) -> None:
        self._options = _pool_options(limits, proxy, trust_env)
        self._proxy = proxy
        self._pools: dict[object, _LoopPool] = {}  # by event loop (see _this_loop)
        self._lock = threading.Lock()  # loops in other threads add theirs too
        self._inherited: list[object] = []  # a forked child's, kept and never used
        self._closers = Closers(self)
        self._plain = PlainTransport(httpx.AsyncHTTPTransport, trust_env)
        start_afresh_in_children(self)

    def _new_pool(self) -> httpcore.AsyncConnectionPool:
        # AnyIO runs under asyncio and trio alike, as httpcore's own default does.
        backend = AsyncDeadlineBackend(httpcore.AnyIOBackend())
        return httpcore.AsyncConnectionPool(**self._options, network_backend=backend)

    def after_fork(self) -> None:
        """A forked child's pools are its own (see the module's docstring). The inherited
        ones are kept, with what would close them: closing them would go through the
        parent's event loops, and collecting them would warn of transports never closed."""
        self._inherited.append(self._pools)
        self._pools, self._lock = {}, threading.Lock()

    def _loop_pool(self) -> _LoopPool:
        """This event loop's pool (see the module's docstring)."""
        loop = _this_loop()
        pool = self._pools.get(loop)
        if pool is None:
            with self._lock:
                self._pools = {key: kept for key, kept in self._pools.items() if not _closed(key)}
                pool = self._pools[loop] = _LoopPool(self._new_pool())
        return pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if in_place_of_httpx(httpx.AsyncHTTPTransport.handle_async_request):  # mocks.py
            return await self._plain.get().handle_async_request(request)
        pool = self._loop_pool()
        # None yet, or the last one has run: its loop shut down, or its trio.run() ended.
        if has_run(pool.closer):
            # Started here, so that this loop's shutdown closes it.
            pool.closer = await self._closers.start(pool.connections)
            pool.turn = anyio.Lock()  # a new run: no request of an old one holds it
        await pool.take_turn(request)
        with _turn_taken(pool.turn.release), _as_httpx_errors(self._proxy):
            core = _core_request(request, request.stream)
            response = await pool.connections.handle_async_request(core)
        assert isinstance(response.stream, AsyncIterable)
        return httpx.Response(
            response.status,
            headers=response.headers,
            stream=_AsyncStream(response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        """Closes this event loop's connections; another loop's close as that loop ends."""
        pool = self._pools.get(_this_loop())
        if pool is not None:
            await pool.connections.aclose()
        if self._plain.made is not None:
            await self._plain.made.aclose()
