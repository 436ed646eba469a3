"""`Projekt` and `AsyncProjekt`: settings, and the httpx client they run on.

The httpx client is composed the way httpx intends: `BearerAuth` for the token,
`RetryTransport` around the real transport (or around the user's own client),
and the generated facade (`_projekt_resources`) on top.
"""

from __future__ import annotations

import copy
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from _projekt_resources import AsyncNamespaces, SyncNamespaces
from _projekt_runtime.auth import REDACTED, BearerAuth, check_transport_security
from _projekt_runtime.clients import ApiAsyncClient, ApiClient
from _projekt_runtime.errors import ConfigurationError
from _projekt_runtime.proxies import proxy_mounts
from _projekt_runtime.throttle import Throttle
from _projekt_runtime.transport import (
    DEFAULT_MAX_RESPONSE_BYTES,
    AsyncClientTransport,
    AsyncRetryTransport,
    ClientTransport,
    RetryPolicy,
    RetryTransport,
)

from ._version import __version__

__all__ = ["AsyncProjekt", "Projekt"]

DEFAULT_BASE_URL = "https://projekt.3xa.es/api"
DEFAULT_TIMEOUT = 15.0  # the quickstart's own value
DEFAULT_MAX_RETRIES = 2
# Three attempts at the default timeout, with backoff or a short Retry-After between.
DEFAULT_TOTAL_TIMEOUT = 60.0
# httpx keeps only 20 idle connections by default: with more concurrent calls than
# that, connections would be closed and opened again instead of reused.
POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)
# platform.python_version() would cost `import platform`, a quarter of the SDK's own import.
PYTHON_VERSION = "{}.{}.{}".format(*sys.version_info[:3])
USER_AGENT = f"projekt-python/{__version__} httpx/{httpx.__version__} python/{PYTHON_VERSION}"


@dataclass(frozen=True)
class _Settings:
    """What the sync and the async client are built from, checked before anything is sent."""

    org_id: str | None
    client_options: dict[str, Any]  # base_url, auth, headers, timeout for the httpx client
    policy: RetryPolicy
    throttle: Throttle | None
    max_response_bytes: int


def _settings(
    api_key: str | None,
    org_id: str | None,
    base_url: str | None,
    timeout: float | httpx.Timeout | None,
    max_retries: int,
    user_client: httpx.Client | httpx.AsyncClient | None,
    throttle: bool,
    throttle_floor: int,
    max_response_bytes: int,
    total_timeout: float | None,
) -> _Settings:
    api_key = api_key if api_key is not None else os.environ.get("PROJEKT_API_KEY")
    if not api_key:
        raise ConfigurationError(
            "No API key: pass api_key=... or set the PROJEKT_API_KEY environment variable."
        )
    auth = BearerAuth(api_key)
    org_id = org_id if org_id is not None else os.environ.get("PROJEKT_ORG_ID") or None
    raw_url = base_url or os.environ.get("PROJEKT_BASE_URL") or DEFAULT_BASE_URL
    try:
        url = httpx.URL(raw_url)
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"base_url is not a valid URL: {raw_url!r}") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base_url must be an http(s) URL with a host: {raw_url!r}")
    check_transport_security(url)
    if not isinstance(max_retries, int) or max_retries < 0:
        raise ConfigurationError("max_retries must be an integer >= 0")
    if not isinstance(throttle_floor, int) or throttle_floor < 0:
        raise ConfigurationError("throttle_floor must be an integer >= 0")
    if total_timeout is not None and not total_timeout > 0:
        raise ConfigurationError("total_timeout must be a number of seconds > 0, or None")
    if not isinstance(max_response_bytes, int) or max_response_bytes < 1:
        raise ConfigurationError("max_response_bytes must be an integer >= 1")
    headers = httpx.Headers(user_client.headers if user_client is not None else None)
    headers["User-Agent"] = USER_AGENT
    headers["Accept"] = "application/json"
    return _Settings(
        org_id=org_id,
        client_options={"base_url": url, "auth": auth, "headers": headers, "timeout": timeout},
        policy=RetryPolicy(max_retries=max_retries, total_timeout=total_timeout),
        throttle=Throttle(floor=throttle_floor) if throttle else None,
        max_response_bytes=max_response_bytes,
    )


TransportT = TypeVar("TransportT", httpx.BaseTransport, httpx.AsyncBaseTransport)


def _one_of(transport: TransportT | None, from_client: TransportT | None) -> TransportT | None:
    if transport is not None and from_client is not None:
        raise ConfigurationError("pass http_client= or transport=, not both")
    return transport if transport is not None else from_client


class _Configured:
    _org_id: str | None
    _last_response: httpx.Response | None
    _http: Any

    if TYPE_CHECKING:  # provided by the generated SyncNamespaces / AsyncNamespaces

        def _init_namespaces(self) -> None: ...

    def with_org(self, org_id: str) -> Self:
        """A copy of this client that acts in another organization.

        The copy shares the connection pool and the retry budget with this client.
        """
        if not org_id:
            raise ConfigurationError("with_org() needs an organization id")
        scoped = copy.copy(self)
        scoped._org_id = org_id
        scoped._last_response = None
        scoped._init_namespaces()
        return scoped

    @property
    def org_id(self) -> str | None:
        return self._org_id

    @property
    def base_url(self) -> httpx.URL:
        url: httpx.URL = self._http.base_url
        return url

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={str(self.base_url)!r}, org_id={self._org_id!r}, "
            f"api_key={REDACTED!r})"
        )


class Projekt(_Configured, SyncNamespaces):
    """The Projekt API client.

    Every argument is optional and keyword-only. Unset ones come from the
    environment:

    - `api_key`: `PROJEKT_API_KEY`. A Personal Access Token (`pjk_live_` plus 32
      letters and digits) or an OAuth access token. Required.
    - `org_id`: `PROJEKT_ORG_ID`. The organization sent as `X-Org-Id` on
      org-scoped calls; `with_org()` makes a copy for another one.
    - `base_url`: `PROJEKT_BASE_URL`, else `https://projekt.3xa.es/api`.
    - `timeout`: seconds (or an `httpx.Timeout`) each attempt may take, 15 by
      default: a deadline for connecting, sending, the headers and the whole body
      together, however slowly a server sends them. Per call too (`timeout=`).
    - `max_retries`: retries of a failed request that is safe to retry, 2 by default.
    - `total_timeout`: seconds a call may take in all, attempts and the waits between
      them included (60 by default; None for no limit). A retry that could not
      start in time is not made: the last error is raised instead. Waiting for
      the rate-limit window (`throttle`) is not counted.
    - `throttle`: wait for the rate-limit window to reset, rather than collect a
      429, once `throttle_floor` requests are left in it (True and 0 by default).
    - `http_client`: your own `httpx.Client`, whose transport and settings are
      kept; the SDK adds its base URL, auth, org header, timeout, retries and errors.
    - `transport`: or only an `httpx` transport to send through (a proxy-aware
      transport, `httpx.MockTransport` in tests); cheaper than a whole client.
    - `max_response_bytes`: the largest response body read, once decoded (64 MiB
      by default); a larger one raises `ResponseTooLargeError`, with memory bounded.
    - `trust_env`: read `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY`, `NO_PROXY` and
      `SSL_CERT_FILE` as plain httpx does (True by default; a `transport=` or
      `http_client=` you pass keeps its own settings).

    Set `PROJEKT_LOG=debug` to log each request (the token is never logged).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        org_id: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        throttle: bool = True,
        throttle_floor: int = 0,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        trust_env: bool = True,
        total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
    ) -> None:
        config = _settings(
            api_key,
            org_id,
            base_url,
            timeout,
            max_retries,
            http_client,
            throttle,
            throttle_floor,
            max_response_bytes,
            total_timeout,
        )

        def retrying(inner: httpx.BaseTransport) -> RetryTransport:
            return RetryTransport(inner, config.policy, config.throttle, config.max_response_bytes)

        def own(proxy: httpx.Proxy | None = None) -> RetryTransport:
            from _projekt_runtime.pool import PoolTransport  # httpcore: paid on first client

            return retrying(PoolTransport(limits=POOL_LIMITS, proxy=proxy, trust_env=trust_env))

        wrapped = ClientTransport(http_client) if http_client is not None else None
        given = _one_of(transport, wrapped)
        self._org_id = config.org_id
        self._http = ApiClient(
            **config.client_options,
            transport=retrying(given) if given is not None else own(),
            mounts=proxy_mounts(trust_env, own) if given is None else None,
            trust_env=trust_env,
        )
        self._init_namespaces()

    def close(self) -> None:
        """Closes the connection pool (a user-supplied http_client stays open)."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncProjekt(_Configured, AsyncNamespaces):
    """The async Projekt API client; the same settings as `Projekt`.

    Every method is awaited, except `list()` methods, which return an iterator
    for `async for`.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        org_id: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        throttle: bool = True,
        throttle_floor: int = 0,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        trust_env: bool = True,
        total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
    ) -> None:
        config = _settings(
            api_key,
            org_id,
            base_url,
            timeout,
            max_retries,
            http_client,
            throttle,
            throttle_floor,
            max_response_bytes,
            total_timeout,
        )

        def retrying(inner: httpx.AsyncBaseTransport) -> AsyncRetryTransport:
            return AsyncRetryTransport(
                inner, config.policy, config.throttle, config.max_response_bytes
            )

        def own(proxy: httpx.Proxy | None = None) -> AsyncRetryTransport:
            from _projekt_runtime.pool import AsyncPoolTransport  # httpcore: on first client

            transport = AsyncPoolTransport(limits=POOL_LIMITS, proxy=proxy, trust_env=trust_env)
            return retrying(transport)

        wrapped = AsyncClientTransport(http_client) if http_client is not None else None
        given = _one_of(transport, wrapped)
        self._org_id = config.org_id
        self._http = ApiAsyncClient(
            **config.client_options,
            transport=retrying(given) if given is not None else own(),
            mounts=proxy_mounts(trust_env, own) if given is None else None,
            trust_env=trust_env,
        )
        self._init_namespaces()

    async def close(self) -> None:
        """Closes the connection pool (a user-supplied http_client stays open)."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
