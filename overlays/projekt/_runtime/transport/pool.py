"""The SDK's own connection to the network: an httpcore pool that honours deadlines.

httpx's `HTTPTransport` takes no network backend, and the deadline (deadline.py)
lives in one: every socket operation gets only the time left in its attempt.
So, as httpx's docs suggest for custom transports, this transport builds the
httpcore pool itself through httpcore's public `ConnectionPool(network_backend=...)`
and maps httpcore's exceptions to httpx's, as `HTTPTransport` does. Imported on
the first client, as httpx itself imports httpcore only then.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import Any

import httpcore
import httpx

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
        backend = DeadlineBackend(httpcore.SyncBackend())
        self._connections = httpcore.ConnectionPool(
            **_pool_options(limits, proxy, trust_env), network_backend=backend
        )

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


class AsyncPoolTransport(httpx.AsyncBaseTransport):
    def __init__(self, *, limits: httpx.Limits, proxy: httpx.Proxy | None, trust_env: bool) -> None:
        # AnyIO runs under asyncio and trio alike, as httpcore's own default does.
        backend = AsyncDeadlineBackend(httpcore.AnyIOBackend())
        self._connections = httpcore.AsyncConnectionPool(
            **_pool_options(limits, proxy, trust_env), network_backend=backend
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        with _as_httpx_errors():
            response = await self._connections.handle_async_request(
                _core_request(request, request.stream)
            )
        assert isinstance(response.stream, AsyncIterable)
        return httpx.Response(
            response.status,
            headers=response.headers,
            stream=_AsyncStream(response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self._connections.aclose()
