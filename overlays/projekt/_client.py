"""`Projekt` and `AsyncProjekt`: settings, and the httpx client they run on.

The httpx client is composed the way httpx intends: `BearerAuth` for the token,
`RetryTransport` around the SDK's own connection pool (or around the user's
client or transport), and the generated facade (`projekt._resources`) on top.
The settings are one `ClientSettings` (`_settings.py`), where each default lives.

Why one module: the two clients and the base they share are one lifecycle (made, copied,
closed), and each client's constructor lists the same settings, which stay in step only
side by side.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn, Self, Unpack

import httpx

from projekt._api.types import NOT_GIVEN, NotGiven
from projekt._resources import AsyncNamespaces, SyncNamespaces
from projekt._runtime.auth import REDACTED
from projekt._runtime.calls.namespaces import forget_namespaces
from projekt._runtime.calls.operation import import_what_calls_share
from projekt._runtime.errors.exceptions import ConfigurationError
from projekt._runtime.observability.deprecation import Deprecation, Deprecations
from projekt._runtime.observability.redaction import mask_url
from projekt._runtime.transport.clients import (
    ApiAsyncClient,
    ApiClient,
    AsyncClientTransport,
    ClientTransport,
    as_the_users_client_builds,
)
from projekt._runtime.transport.proxies import environment_proxy
from projekt._runtime.transport.retries import AsyncRetryTransport, RetryTransport

from ._checks import check_org_id, checked
from ._settings import DEFAULTS, ClientSettings, SettingsChanges, check_names, timeout_for
from ._wiring import Shared, given, with_default_headers

__all__ = ["AsyncProjekt", "Projekt"]


class _Configured:
    _settings: ClientSettings
    _shared: Shared
    _org_id: str | None
    _last_response: httpx.Response | None
    _http: Any
    _transmit: Any
    _deprecations: Deprecations
    _tracer_provider: Any
    _meter_provider: Any
    # Only the client the user made closes what it shares with its copies; a copy's close()
    # closes the copy alone, so `with client.with_org(org) as scoped:` leaves `client` open.
    _owner = True
    _closed = False

    def _build(self, settings: ClientSettings, shared: Shared) -> None:
        raise NotImplementedError

    def _from(self, settings: ClientSettings) -> Self:
        """A copy of this client built on `settings`, sharing what this one shares."""
        client = object.__new__(type(self))
        client._build(settings.resolved(), self._shared)
        client._owner, client._closed = False, False
        # A subclass's own attributes (the tenant its __init__ kept, say) come along, as
        # with_org()'s copy keeps them; what the SDK built and its namespaces are the copy's.
        for name, value in self.__dict__.items():
            client.__dict__.setdefault(name, value)
        forget_namespaces(client)
        return client

    def _is_closed(self) -> bool:
        return self._closed or self._shared.closed or bool(self._http.is_closed)

    def _closing(self) -> bool:
        """Marks this client closed; True when it is the one that closes what it shares."""
        self._closed = True
        if self._owner:
            self._shared.closed = True
        return self._owner

    @property
    def settings(self) -> ClientSettings:
        """This client's settings, resolved from the arguments and the environment."""
        return self._settings

    def with_options(self, **changes: Unpack[SettingsChanges]) -> Self:
        """A copy of this client with some settings changed (any `ClientSettings` field).

        The copy shares the connection pool, the retry budget and the rate-limit
        state with this client, so a copy made for one call,
        `client.with_options(max_retries=5).issues.create(...)`, opens no new
        connections. Closing the copy closes only the copy; closing this client
        closes its copies too. `default_headers=` adds to this client's (a None value
        removes one), as openai-python's `copy()` does, so a copy that tags its calls
        keeps a gateway's key; `default_headers=None` sends none.
        """
        check_names(f"{type(self).__name__}.with_options", changes)
        added, own = changes.get("default_headers"), self._settings.default_headers
        if isinstance(added, Mapping) and isinstance(own, Mapping):
            changes["default_headers"] = {**own, **added}
        return self._from(dataclasses.replace(self._settings, **changes))

    def with_org(self, org_id: str) -> Self:
        """A copy of this client that acts in another organization.

        The copy shares the connection pool and the retry budget with this client.
        Closing the copy closes only the copy; closing this client closes its copies too.
        """
        if not org_id:
            raise ConfigurationError("with_org() needs an organization id")
        check_org_id(org_id)
        # A shallow clone, this client's httpx client included: the org goes out per call,
        # from `_org_id`. (copy.copy() would make a with_options() copy: see __copy__.)
        scoped = object.__new__(type(self))
        scoped.__dict__.update(self.__dict__)
        scoped._settings = dataclasses.replace(self._settings, org_id=org_id)
        scoped._org_id = org_id
        scoped._last_response = None
        scoped._owner, scoped._closed = False, False
        forget_namespaces(scoped)  # `scoped.issues` is made anew, for the other org
        return scoped

    def __copy__(self) -> Self:
        """`copy.copy(client)` and `copy.deepcopy(client)` make what `with_options()` makes: a
        copy sharing the connections, the retry budget and the rate-limit state, whose close()
        closes only itself (a plain copy would close this client's connections with it)."""
        return self.with_options()

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        return self.with_options()

    def __reduce__(self) -> NoReturn:
        raise TypeError(
            f"A {type(self).__name__} cannot be pickled: it holds connections, and pickled it "
            "would write its API key out. Make one in each process (from the environment, "
            "PROJEKT_API_KEY and the rest, or from your own settings)."
        )

    @property
    def org_id(self) -> str | None:
        return self._org_id

    @property
    def deprecations(self) -> list[Deprecation]:
        """The deprecated operations the API has announced to this client (and its copies),
        each with its sunset date and documentation link, in the order they were seen."""
        return list(self._deprecations)

    @property
    def base_url(self) -> httpx.URL:
        url: httpx.URL = self._http.base_url
        return url

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={mask_url(str(self.base_url))!r}, "
            f"org_id={self._org_id!r}, "
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
        plain_http_hosts: Sequence[str] | None = DEFAULTS.plain_http_hosts,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int = DEFAULTS.max_retries,
        total_timeout: float | None = DEFAULTS.total_timeout,
        throttle: bool = DEFAULTS.throttle,
        throttle_floor: int = DEFAULTS.throttle_floor,
        throttle_url: str | None = DEFAULTS.throttle_url,
        throttle_timeout: float = DEFAULTS.throttle_timeout,
        max_response_bytes: int = DEFAULTS.max_response_bytes,
        trust_env: bool = DEFAULTS.trust_env,
        default_headers: Mapping[str, str | None] | None = DEFAULTS.default_headers,
        tracer_provider: Any = DEFAULTS.tracer_provider,
        meter_provider: Any = DEFAULTS.meter_provider,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        timeout = timeout_for(timeout, http_client)
        # Every argument is the ClientSettings field of the same name.
        settings = ClientSettings(**{k: v for k, v in locals().items() if k != "self"})
        self._build(settings.resolved(), Shared())

    def _build(self, settings: ClientSettings, shared: Shared) -> None:
        user = given(settings, httpx.Client, httpx.BaseTransport)
        options = checked(settings)
        policy = shared.policy(settings)
        throttle, limit = shared.throttle(settings), settings.max_response_bytes

        def own() -> httpx.BaseTransport:
            from projekt._runtime.transport.pool import (
                PoolTransport,  # httpcore: paid on first client
            )

            trust_env, base_url, auth = settings.trust_env, options["base_url"], options["auth"]
            proxy = environment_proxy(trust_env, base_url, auth.plain_http_allowed)
            pool: httpx.BaseTransport = shared.pool(PoolTransport, trust_env, proxy)
            return pool

        users_client = user if isinstance(user, httpx.Client) else None
        if users_client is not None:
            user = ClientTransport(users_client)
        self._settings, self._shared, self._org_id = settings, shared, settings.org_id
        self._deprecations = shared.deprecations
        self._tracer_provider = settings.tracer_provider
        self._meter_provider = settings.meter_provider
        self._last_response = None
        inner = user if user is not None else own()
        transport = RetryTransport(inner, policy, throttle, limit)
        self._http = ApiClient(**options, transport=transport, trust_env=settings.trust_env)
        with_default_headers(self._http, settings)
        # Through a user's client, the SDK's own only builds each request: sent on through
        # both, it would be logged and timed twice.
        self._transmit = (
            as_the_users_client_builds(users_client, options["auth"].sign, transport.handle_request)
            if users_client is not None
            else self._http.send
        )

    def close(self) -> None:
        """Closes the connection pool and the shared budget's Redis connections (a
        user-supplied http_client stays open), and so this client's copies; a copy
        (`with_org`, `with_options`) closes only itself."""
        if self._closing():
            self._http.close()
            self._shared.close()

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
        plain_http_hosts: Sequence[str] | None = DEFAULTS.plain_http_hosts,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int = DEFAULTS.max_retries,
        total_timeout: float | None = DEFAULTS.total_timeout,
        throttle: bool = DEFAULTS.throttle,
        throttle_floor: int = DEFAULTS.throttle_floor,
        throttle_url: str | None = DEFAULTS.throttle_url,
        throttle_timeout: float = DEFAULTS.throttle_timeout,
        max_response_bytes: int = DEFAULTS.max_response_bytes,
        trust_env: bool = DEFAULTS.trust_env,
        default_headers: Mapping[str, str | None] | None = DEFAULTS.default_headers,
        tracer_provider: Any = DEFAULTS.tracer_provider,
        meter_provider: Any = DEFAULTS.meter_provider,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        timeout = timeout_for(timeout, http_client)
        # Every argument is the ClientSettings field of the same name.
        settings = ClientSettings(**{k: v for k, v in locals().items() if k != "self"})
        self._build(settings.resolved(), Shared())
        # Now rather than by the first call, which runs in an event loop: the loop, and every
        # task on it, would stand still for the imports.
        import_what_calls_share()

    def _build(self, settings: ClientSettings, shared: Shared) -> None:
        user = given(settings, httpx.AsyncClient, httpx.AsyncBaseTransport)
        options = checked(settings)
        policy = shared.policy(settings)
        throttle, limit = shared.throttle(settings), settings.max_response_bytes

        def own() -> httpx.AsyncBaseTransport:
            from projekt._runtime.transport.pool import (
                AsyncPoolTransport,  # httpcore: on first client
            )

            trust_env, base_url, auth = settings.trust_env, options["base_url"], options["auth"]
            proxy = environment_proxy(trust_env, base_url, auth.plain_http_allowed)
            pool: httpx.AsyncBaseTransport = shared.pool(AsyncPoolTransport, trust_env, proxy)
            return pool

        users_client = user if isinstance(user, httpx.AsyncClient) else None
        if users_client is not None:
            user = AsyncClientTransport(users_client)
        self._settings, self._shared, self._org_id = settings, shared, settings.org_id
        self._deprecations = shared.deprecations
        self._tracer_provider = settings.tracer_provider
        self._meter_provider = settings.meter_provider
        self._last_response = None
        inner = user if user is not None else own()
        transport = AsyncRetryTransport(inner, policy, throttle, limit)
        self._http = ApiAsyncClient(**options, transport=transport, trust_env=settings.trust_env)
        with_default_headers(self._http, settings)
        # Through a user's client, the SDK's own only builds each request: sent on through
        # both, it would be logged and timed twice.
        self._transmit = (
            as_the_users_client_builds(
                users_client, options["auth"].sign, transport.handle_async_request
            )
            if users_client is not None
            else self._http.send
        )

    async def close(self) -> None:
        """Closes the connection pool and the shared budget's Redis connections (a
        user-supplied http_client stays open), and so this client's copies; a copy
        (`with_org`, `with_options`) closes only itself."""
        if self._closing():
            await self._http.aclose()
            await self._shared.aclose()

    async def aclose(self) -> None:
        """`close()`, by the name httpx, `contextlib.aclosing()` and anyio close things with."""
        await self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
