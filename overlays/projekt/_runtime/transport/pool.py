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
sync pool closes its connections when it is collected, as openai-python's client does.
An async connection can only close through its event loop, which may be gone by then: an
async pool closes its connections as that loop shuts down instead. `asyncio.run()`,
`asyncio.Runner`, pytest-asyncio and `trio.run()` close every async generator still open
before they end, and each pool keeps one open for that (`_closed_with_its_loop`), a new one
in each loop or run.

An async client used again after its event loop closed (`asyncio.run()` once per job,
a test framework's loop per test) starts an empty pool too: the old connections were
closed with their loop, or, under a runner that does not close async generators, can
no longer be used or closed, and each one's socket closes when it is collected.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import Any

import httpcore
import httpx

from projekt._runtime.forks import start_afresh_in_children
from projekt._runtime.transport.network import AsyncDeadlineBackend, DeadlineBackend

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


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        for core_error, httpx_error in _ERRORS:
            if isinstance(exc, core_error):
                raise httpx_error(str(exc)) from exc
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
        "ssl_context": httpx.create_ssl_context(trust_env=trust_env),
        "proxy": through,
        "max_connections": limits.max_connections,
        "max_keepalive_connections": limits.max_keepalive_connections,
        "keepalive_expiry": limits.keepalive_expiry,
    }


def _core_request(request: httpx.Request, content: object) -> httpcore.Request:
    url = request.url
    return httpcore.Request(
        method=request.method,
        url=httpcore.URL(
            scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
        ),
        headers=request.headers.raw,
        content=content,  # type: ignore[arg-type]
        extensions=request.extensions,
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
        self._connections = self._new_pool()
        start_afresh_in_children(self)

    def _new_pool(self) -> httpcore.ConnectionPool:
        backend = DeadlineBackend(httpcore.SyncBackend())
        return httpcore.ConnectionPool(**self._options, network_backend=backend)

    def after_fork(self) -> None:
        """A forked child's pool is its own (see the module's docstring)."""
        inherited, self._connections = self._connections, self._new_pool()
        for connection in inherited.connections:
            connection.close()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with _as_httpx_errors():
            response = self._connections.handle_request(_core_request(request, request.stream))
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            response.status,
            headers=response.headers,
            stream=_Stream(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._connections.close()

    def __del__(self) -> None:
        # No lock here: the collector may run this inside any call, one holding a lock too.
        with contextlib.suppress(Exception):  # at interpreter exit, what it needs may be gone
            for connection in self._connections.connections:
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


def _running_loop() -> asyncio.AbstractEventLoop | None:
    """The asyncio event loop running this call; None under trio."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


async def _closed_with_its_loop(pool: httpcore.AsyncConnectionPool) -> AsyncGenerator[None]:
    """Once started in an event loop, closes `pool` when the loop shuts down.

    Not sooner: a client is collected with its resources (they refer to each other), and
    the collector finalizes its sockets along with this generator, before a close could run.
    """
    try:
        yield
    finally:
        with contextlib.suppress(Exception):  # a connection that fails to close is gone anyway
            await pool.aclose()


class AsyncPoolTransport(httpx.AsyncBaseTransport):
    def __init__(self, *, limits: httpx.Limits, proxy: httpx.Proxy | None, trust_env: bool) -> None:
        self._options = _pool_options(limits, proxy, trust_env)
        self._connections = self._new_pool()
        self._inherited: list[object] = []  # a forked child's, kept and never used
        self._loop: asyncio.AbstractEventLoop | None = None  # where its connections live
        self._closer: AsyncGenerator[None] | None = None  # closes them as that loop ends
        start_afresh_in_children(self)

    def _new_pool(self) -> httpcore.AsyncConnectionPool:
        # AnyIO runs under asyncio and trio alike, as httpcore's own default does.
        backend = AsyncDeadlineBackend(httpcore.AnyIOBackend())
        return httpcore.AsyncConnectionPool(**self._options, network_backend=backend)

    def after_fork(self) -> None:
        """A forked child's pool is its own (see the module's docstring). The inherited one
        is kept, with what would close it: closing it would go through the parent's event
        loop, and collecting it would warn of transports never closed."""
        self._inherited.append((self._connections, self._closer))
        self._connections, self._loop, self._closer = self._new_pool(), None, None

    def _loop_pool(self) -> httpcore.AsyncConnectionPool:
        """The pool for this event loop (see the module's docstring)."""
        if self._loop is None:
            self._loop = _running_loop()
        elif self._loop.is_closed():
            self._connections, self._loop = self._new_pool(), _running_loop()
            self._closer = None
        return self._connections

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        pool = self._loop_pool()
        # None yet, or the last one has run (a finished async generator has no frame): its
        # loop, or its trio.run(), has ended.
        if getattr(self._closer, "ag_frame", None) is None:
            self._closer = _closed_with_its_loop(pool)
            await self._closer.asend(None)  # started here, so that this loop's shutdown closes it
        with _as_httpx_errors():
            response = await pool.handle_async_request(_core_request(request, request.stream))
        assert isinstance(response.stream, AsyncIterable)
        return httpx.Response(
            response.status,
            headers=response.headers,
            stream=_AsyncStream(response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self._loop_pool().aclose()
