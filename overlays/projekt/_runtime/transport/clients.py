"""The httpx clients the SDK builds for itself: plain httpx, minus the cookie jar; and
the transports that send through a user's own client instead.

Through a user's client, each request gets the SDK's token before the SDK's retry transport
(as on the SDK's own client, whose `httpx.Auth` runs before its transport), which calls that
client's `send()`, and nothing else of httpx stands between: a second client's send would
only do again what the user's does (log each request, time it, close it on error).

An API authenticated by a bearer token has no use for cookies, yet httpx parses
every response's headers into its jar through `http.cookiejar`. Overriding the
public `cookies` property with a jar that keeps nothing removes that work and
nothing else; docs/adr/0002-no-cookie-jar.md keeps what it saves a real call.
A client the user passes as `http_client=` is theirs: its jar keeps the cookies the API
sets, and sends them back, and its default query parameters go on every request.
Its `follow_redirects=True` is not the SDK's, which follows no redirect (failures.py): a
write redirected would be sent again elsewhere, or turned into a GET whose answer read as
the write's, and its X-Org-Id and Idempotency-Key would go to another origin.
"""

from __future__ import annotations

from collections.abc import Callable
from http.cookiejar import Cookie, CookieJar
from typing import TypeVar

import httpx

from projekt._runtime.errors.exceptions import ClientClosedError
from projekt._runtime.errors.failures import BODY_NOT_READ
from projekt._runtime.transport.body import with_body

__all__ = [
    "ApiAsyncClient",
    "ApiClient",
    "AsyncClientTransport",
    "ClientTransport",
    "as_the_users_client_builds",
]

Sent = TypeVar("Sent")  # a response, or (async) what awaits one

# The request carries the SDK's token already (as_the_users_client_builds); the user's
# client's own auth= is never applied to it.
SIGNED = httpx.Auth()
USERS_CLIENT_CLOSED = "The http_client= this client sends through is closed. Nothing was sent."
# Why a request failed on a connection of the user's client that another event loop opened
# (`asyncio.run()` once per job, or a loop in another thread, the client made once): the
# request may have gone out on it before it failed, in asyncio's words alone.
OTHER_LOOP = (
    "a connection of your http_client= belongs to another event loop, one that has closed or "
    "runs elsewhere (make the httpx.AsyncClient in the loop that uses it, or leave "
    "http_client= out: the SDK's own pool keeps one per loop)"
)
_OTHER_LOOPS = (
    "Event loop is closed",
    "bound to a different event loop",
    "attached to a different loop",
)
HOOK_CLOSED_IT = (
    "a response hook of your http_client= raised for it, and httpx closed it; call "
    "response.read() in the hook to keep it"
)


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


def raised_for(error: httpx.HTTPStatusError) -> httpx.Response:
    """The answer a response hook of the user's client raised for (`raise_for_status()`,
    as httpx's docs show), for the SDK to read as it reads any: its typed error, retries and
    the throttle. httpx closed it: its body is there if the hook read it, else it is lost."""
    try:
        error.response.content  # noqa: B018  (raises when the hook did not read it)
    except httpx.ResponseNotRead:
        answer = with_body(error.response, b"")
        # A dict of its own: the hook's response, which shares the old one, is not changed.
        answer.extensions = {**answer.extensions, BODY_NOT_READ: HOOK_CLOSED_IT}
        return answer
    return error.response


def as_the_users_client_builds(
    client: httpx.Client | httpx.AsyncClient,
    sign: Callable[[httpx.Request], None],
    send: Callable[[httpx.Request], Sent],
) -> Callable[[httpx.Request], Sent]:
    """`send` (the retries, then the user's client), each request first given the default
    query parameters the user's client puts on a request it builds (the SDK's own client
    built this one), the call's own winning, and the SDK's token (`sign`). Before the
    retries, as on the SDK's own client, so that the throttle keys its budget by the token
    sent, and the spans and errors on the way show the request as sent."""

    def sent(request: httpx.Request) -> Sent:
        if client.params:
            request.url = request.url.copy_with(params=client.params.merge(request.url.params))
        sign(request)
        return send(request)

    return sent


def with_users_cookies(client: httpx.Client | httpx.AsyncClient, request: httpx.Request) -> None:
    """The cookies the user's jar holds as this attempt goes (a load balancer's sticky
    session, say), as the client would add them to a request it builds."""
    if client.cookies:
        client.cookies.set_cookie_header(request)


class ClientTransport(httpx.BaseTransport):
    """Sends through a user's own httpx.Client, keeping its transport and settings, with the
    SDK's credentials."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._client.is_closed:
            raise ClientClosedError(USERS_CLIENT_CLOSED)
        with_users_cookies(self._client, request)
        try:
            return self._client.send(request, stream=True, auth=SIGNED, follow_redirects=False)
        except httpx.HTTPStatusError as error:
            return raised_for(error)

    def close(self) -> None:
        """The user's client is theirs to close."""


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """Sends through a user's own httpx.AsyncClient, keeping its transport and settings,
    with the SDK's credentials."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._client.is_closed:
            raise ClientClosedError(USERS_CLIENT_CLOSED)
        with_users_cookies(self._client, request)
        try:
            return await self._client.send(
                request, stream=True, auth=SIGNED, follow_redirects=False
            )
        except httpx.HTTPStatusError as error:
            return raised_for(error)
        except RuntimeError as error:
            if not any(said in str(error) for said in _OTHER_LOOPS):
                raise
            raise httpx.ReadError(OTHER_LOOP, request=request) from error

    async def aclose(self) -> None:
        """The user's client is theirs to close."""
