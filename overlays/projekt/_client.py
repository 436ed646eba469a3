"""`Projekt` and `AsyncProjekt`: settings, and the httpx client they run on.

The httpx client is composed the way httpx intends: `BearerAuth` for the token,
`RetryTransport` around the SDK's own connection pool (or around the user's
client or transport), and the generated facade (`_projekt_resources`) on top.
The settings are one `ClientSettings` (`_settings.py`), where each default lives.
"""

from __future__ import annotations

import copy
import dataclasses
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Self

import httpx

from _projekt_resources import AsyncNamespaces, SyncNamespaces
from _projekt_runtime.auth import REDACTED, BearerAuth, check_transport_security
from _projekt_runtime.clients import ApiAsyncClient, ApiClient
from _projekt_runtime.errors import ConfigurationError
from _projekt_runtime.proxies import proxy_mounts
from _projekt_runtime.throttle import Throttle
from _projekt_runtime.transport import (
    AsyncClientTransport,
    AsyncRetryTransport,
    ClientTransport,
    RetryBudget,
    RetryPolicy,
    RetryTransport,
)

from ._settings import DEFAULTS, ClientSettings
from ._version import __version__

__all__ = ["AsyncProjekt", "Projekt"]

# httpx keeps only 20 idle connections by default: with more concurrent calls than
# that, connections would be closed and opened again instead of reused.
POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)
# platform.python_version() would cost `import platform`, a quarter of the SDK's own import.
PYTHON_VERSION = "{}.{}.{}".format(*sys.version_info[:3])
USER_AGENT = f"projekt-python/{__version__} httpx/{httpx.__version__} python/{PYTHON_VERSION}"


@dataclass
class _Shared:
    """What a client and its copies (`with_org`, `with_options`) share: the connection
    pools (one per proxy and trust_env), the retry budget and the throttle's state."""

    budget: RetryBudget = field(default_factory=RetryBudget)
    throttles: dict[int, Throttle] = field(default_factory=dict)  # by throttle_floor
    pools: dict[tuple[bool, str | None], Any] = field(default_factory=dict)

    def throttle(self, settings: ClientSettings) -> Throttle | None:
        if not settings.throttle:
            return None
        floor = settings.throttle_floor
        return self.throttles.setdefault(floor, Throttle(floor=floor))

    def pool(self, make: Any, trust_env: bool, proxy: httpx.Proxy | None) -> Any:
        key = (trust_env, None if proxy is None else str(proxy.url))
        if key not in self.pools:
            self.pools[key] = make(limits=POOL_LIMITS, proxy=proxy, trust_env=trust_env)
        return self.pools[key]


def _checked(settings: ClientSettings) -> dict[str, Any]:
    """The httpx client's options (base_url, auth, headers, timeout), once every setting
    is known to be usable; raises ConfigurationError before anything is sent."""
    if not settings.api_key:
        raise ConfigurationError(
            "No API key: pass api_key=... or set the PROJEKT_API_KEY environment variable."
        )
    auth = BearerAuth(settings.api_key)
    raw_url = settings.base_url or ""
    try:
        url = httpx.URL(raw_url)
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"base_url is not a valid URL: {raw_url!r}") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base_url must be an http(s) URL with a host: {raw_url!r}")
    check_transport_security(url)
    for name in ("max_retries", "throttle_floor"):
        value = getattr(settings, name)
        if not isinstance(value, int) or value < 0:
            raise ConfigurationError(f"{name} must be an integer >= 0")
    if settings.total_timeout is not None and not settings.total_timeout > 0:
        raise ConfigurationError("total_timeout must be a number of seconds > 0, or None")
    if not isinstance(settings.max_response_bytes, int) or settings.max_response_bytes < 1:
        raise ConfigurationError("max_response_bytes must be an integer >= 1")
    if settings.http_client is not None and settings.transport is not None:
        raise ConfigurationError("pass http_client= or transport=, not both")
    user = settings.http_client
    headers = httpx.Headers(user.headers if user is not None else None)
    headers["User-Agent"] = USER_AGENT
    headers["Accept"] = "application/json"
    return {"base_url": url, "auth": auth, "headers": headers, "timeout": settings.timeout}


def _given(settings: ClientSettings, client_type: type, transport_type: type) -> Any:
    """The user's own client or transport, if any, once it is of the kind this client needs."""
    for name, kind in (("http_client", client_type), ("transport", transport_type)):
        value = getattr(settings, name)
        if value is not None and not isinstance(value, kind):
            raise ConfigurationError(f"{name}= must be an {kind.__module__}.{kind.__name__} here")
    return settings.http_client if settings.http_client is not None else settings.transport


class _Configured:
    _settings: ClientSettings
    _shared: _Shared
    _org_id: str | None
    _last_response: httpx.Response | None
    _http: Any

    if TYPE_CHECKING:  # provided by the generated SyncNamespaces / AsyncNamespaces

        def _init_namespaces(self) -> None: ...

    def _build(self, settings: ClientSettings, shared: _Shared) -> None:
        raise NotImplementedError

    @classmethod
    def _from(cls, settings: ClientSettings, shared: _Shared) -> Self:
        client = cls.__new__(cls)
        client._build(settings.resolved(), shared)
        return client

    @property
    def settings(self) -> ClientSettings:
        """This client's settings, resolved from the arguments and the environment."""
        return self._settings

    def with_options(self, **changes: Any) -> Self:
        """A copy of this client with some settings changed (any `ClientSettings` field).

        The copy shares the connection pool, the retry budget and the rate-limit
        state with this client (closing either closes the pool of both), so a copy
        made for one call, `client.with_options(max_retries=5).issues.create(...)`,
        opens no new connections.
        """
        return self._from(dataclasses.replace(self._settings, **changes), self._shared)

    def with_org(self, org_id: str) -> Self:
        """A copy of this client that acts in another organization.

        The copy shares the connection pool and the retry budget with this client.
        """
        if not org_id:
            raise ConfigurationError("with_org() needs an organization id")
        scoped = copy.copy(self)
        scoped._settings = dataclasses.replace(self._settings, org_id=org_id)
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

    Every argument is optional and keyword-only, and is a field of
    `projekt.ClientSettings`, whose docstring and the README's table say what
    each means and its default. `api_key`, `org_id` and `base_url` fall back to
    `PROJEKT_API_KEY`, `PROJEKT_ORG_ID` and `PROJEKT_BASE_URL` (production).
    `timeout=` and `max_retries=` also work per call. `with_org()` and
    `with_options()` make copies that share this client's connections.

    Set `PROJEKT_LOG=debug` to log each request (the token is never logged).
    """

    def __init__(
        self,
        *,
        api_key: str | None = DEFAULTS.api_key,
        org_id: str | None = DEFAULTS.org_id,
        base_url: str | None = DEFAULTS.base_url,
        timeout: float | httpx.Timeout | None = DEFAULTS.timeout,
        max_retries: int = DEFAULTS.max_retries,
        total_timeout: float | None = DEFAULTS.total_timeout,
        throttle: bool = DEFAULTS.throttle,
        throttle_floor: int = DEFAULTS.throttle_floor,
        max_response_bytes: int = DEFAULTS.max_response_bytes,
        trust_env: bool = DEFAULTS.trust_env,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        # Every argument is the ClientSettings field of the same name.
        settings = ClientSettings(**{k: v for k, v in locals().items() if k != "self"})
        self._build(settings.resolved(), _Shared())

    def _build(self, settings: ClientSettings, shared: _Shared) -> None:
        options = _checked(settings)
        policy = RetryPolicy(
            max_retries=settings.max_retries,
            total_timeout=settings.total_timeout,
            budget=shared.budget,
        )
        throttle, limit = shared.throttle(settings), settings.max_response_bytes

        def own(proxy: httpx.Proxy | None = None) -> RetryTransport:
            from _projekt_runtime.pool import PoolTransport  # httpcore: paid on first client

            inner = shared.pool(PoolTransport, settings.trust_env, proxy)
            return RetryTransport(inner, policy, throttle, limit)

        given = _given(settings, httpx.Client, httpx.BaseTransport)
        if isinstance(given, httpx.Client):
            given = ClientTransport(given)
        self._settings, self._shared, self._org_id = settings, shared, settings.org_id
        self._last_response = None
        self._http = ApiClient(
            **options,
            transport=RetryTransport(given, policy, throttle, limit)
            if given is not None
            else own(),
            mounts=proxy_mounts(settings.trust_env, own) if given is None else None,
            trust_env=settings.trust_env,
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
        api_key: str | None = DEFAULTS.api_key,
        org_id: str | None = DEFAULTS.org_id,
        base_url: str | None = DEFAULTS.base_url,
        timeout: float | httpx.Timeout | None = DEFAULTS.timeout,
        max_retries: int = DEFAULTS.max_retries,
        total_timeout: float | None = DEFAULTS.total_timeout,
        throttle: bool = DEFAULTS.throttle,
        throttle_floor: int = DEFAULTS.throttle_floor,
        max_response_bytes: int = DEFAULTS.max_response_bytes,
        trust_env: bool = DEFAULTS.trust_env,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        # Every argument is the ClientSettings field of the same name.
        settings = ClientSettings(**{k: v for k, v in locals().items() if k != "self"})
        self._build(settings.resolved(), _Shared())

    def _build(self, settings: ClientSettings, shared: _Shared) -> None:
        options = _checked(settings)
        policy = RetryPolicy(
            max_retries=settings.max_retries,
            total_timeout=settings.total_timeout,
            budget=shared.budget,
        )
        throttle, limit = shared.throttle(settings), settings.max_response_bytes

        def own(proxy: httpx.Proxy | None = None) -> AsyncRetryTransport:
            from _projekt_runtime.pool import AsyncPoolTransport  # httpcore: on first client

            inner = shared.pool(AsyncPoolTransport, settings.trust_env, proxy)
            return AsyncRetryTransport(inner, policy, throttle, limit)

        given = _given(settings, httpx.AsyncClient, httpx.AsyncBaseTransport)
        if isinstance(given, httpx.AsyncClient):
            given = AsyncClientTransport(given)
        self._settings, self._shared, self._org_id = settings, shared, settings.org_id
        self._last_response = None
        self._http = ApiAsyncClient(
            **options,
            transport=(
                AsyncRetryTransport(given, policy, throttle, limit) if given is not None else own()
            ),
            mounts=proxy_mounts(settings.trust_env, own) if given is None else None,
            trust_env=settings.trust_env,
        )
        self._init_namespaces()

    async def close(self) -> None:
        """Closes the connection pool (a user-supplied http_client stays open)."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
