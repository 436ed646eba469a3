"""The httpx clients the SDK builds for itself: plain httpx, minus the cookie jar; and
the transports that send through a user's own client instead.

An API authenticated by a bearer token has no use for cookies, yet httpx parses
every response's headers into its jar through `http.cookiejar`. Overriding the
public `cookies` property with a jar that keeps nothing removes that work and
nothing else; docs/adr/0002-no-cookie-jar.md keeps what it saves a real call.
A client the user passes as `http_client=` is theirs, and keeps its cookies.
"""

from __future__ import annotations

from http.cookiejar import Cookie, CookieJar

import httpx

from projekt._runtime.errors.exceptions import ClientClosedError

__all__ = ["ApiAsyncClient", "ApiClient", "AsyncClientTransport", "ClientTransport"]

USERS_CLIENT_CLOSED = "The http_client= this client sends through is closed. Nothing was sent."


class _EmptyJar(CookieJar):
    def set_cookie(self, cookie: Cookie) -> None:
        """Nothing is kept."""


class _NoCookies(httpx.Cookies):
    def extract_cookies(self, response: httpx.Response) -> None:
        """Set-Cookie is ignored: the API authenticates by token, never by cookie."""


_NO_COOKIES = _NoCookies(_EmptyJar())


class _Cookieless:
    @property
    def cookies(self) -> httpx.Cookies:
        return _NO_COOKIES

    @cookies.setter
    def cookies(self, cookies: object) -> None:
        """Cookies given to the SDK's own client are not kept."""


class ApiClient(_Cookieless, httpx.Client):
    pass


class ApiAsyncClient(_Cookieless, httpx.AsyncClient):
    pass


class ClientTransport(httpx.BaseTransport):
    """Sends through a user's own httpx.Client, keeping its transport and settings."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._client.is_closed:
            raise ClientClosedError(USERS_CLIENT_CLOSED)
        return self._client.send(request, stream=True)

    def close(self) -> None:
        """The user's client is theirs to close."""


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """Sends through a user's own httpx.AsyncClient, keeping its transport and settings."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._client.is_closed:
            raise ClientClosedError(USERS_CLIENT_CLOSED)
        return await self._client.send(request, stream=True)

    async def aclose(self) -> None:
        """The user's client is theirs to close."""
