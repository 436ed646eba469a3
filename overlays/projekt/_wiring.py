"""How a client is put together: the parts it shares with its copies, and its headers."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

import httpx

from projekt._runtime.calls.arguments import BODY_HEADERS
from projekt._runtime.errors.exceptions import ConfigurationError
from projekt._runtime.limits.throttle import Throttle
from projekt._runtime.observability.deprecation import Deprecations
from projekt._runtime.transport.retries import RetryBudget, RetryPolicy

from ._settings import ClientSettings
from ._version import __version__

__all__ = ["POOL_LIMITS", "USER_AGENT", "Shared", "given", "with_default_headers"]

# httpx keeps only 20 idle connections by default: with more concurrent calls than
# that, connections would be closed and opened again instead of reused.
POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)
# The interpreter's version, as platform.python_version() prints it.
PYTHON_VERSION = "{}.{}.{}".format(*sys.version_info[:3])
USER_AGENT = f"projekt-python/{__version__} httpx/{httpx.__version__} python/{PYTHON_VERSION}"
HTTPX_USER_AGENT = f"python-httpx/{httpx.__version__}"  # what an httpx.Client sends unless told


@dataclass
class Shared:
    """What a client and its copies (`with_org`, `with_options`) share: the connection
    pools (one per proxy and trust_env), the retry budget, the throttle's state and
    the deprecations already announced."""

    budget: RetryBudget = field(default_factory=RetryBudget)
    throttles: dict[tuple[int, str | None, float], Throttle] = field(default_factory=dict)
    pools: dict[tuple[bool, str | None], Any] = field(default_factory=dict)
    deprecations: Deprecations = field(default_factory=Deprecations)
    closed: bool = False  # by the client the user made: its copies are closed with it

    def policy(self, settings: ClientSettings) -> RetryPolicy:
        return RetryPolicy(
            max_retries=settings.max_retries,
            total_timeout=settings.total_timeout,
            budget=self.budget,
        )

    def throttle(self, settings: ClientSettings) -> Throttle | None:
        if not settings.throttle:
            return None
        key = (settings.throttle_floor, settings.throttle_url, settings.throttle_timeout)
        if key not in self.throttles:
            floor, url, timeout = key
            self.throttles[key] = Throttle(floor=floor, url=url, timeout=timeout)
        return self.throttles[key]

    def close(self) -> None:
        for throttle in self.throttles.values():
            throttle.close()

    async def aclose(self) -> None:
        for throttle in self.throttles.values():
            await throttle.aclose()

    def pool(self, make: Any, trust_env: bool, proxy: httpx.Proxy | None) -> Any:
        key = (trust_env, None if proxy is None else str(proxy.url))
        if key not in self.pools:
            self.pools[key] = make(limits=POOL_LIMITS, proxy=proxy, trust_env=trust_env)
        return self.pools[key]


def with_default_headers(
    client: httpx.Client | httpx.AsyncClient, settings: ClientSettings
) -> None:
    """The SDK's httpx client's headers: an `http_client=`'s own (but those of a body, which
    describe its own calls' bodies, not the SDK's), the SDK's User-Agent and Accept, then
    `default_headers`, merged last, a None value removing a header it would send (httpx's
    own defaults among them). An `http_client=`'s own User-Agent (an application's name,
    which its gateway logs show) follows the SDK's, as a second product of the header."""
    user_agent = USER_AGENT
    if settings.http_client is not None:
        users = settings.http_client.headers.multi_items()
        client.headers.update([(k, v) for k, v in users if k.lower() not in BODY_HEADERS])
        theirs = settings.http_client.headers.get("User-Agent")
        if theirs and theirs != HTTPX_USER_AGENT:
            user_agent = f"{USER_AGENT} {theirs}"
    client.headers.update({"User-Agent": user_agent, "Accept": "application/json"})
    for name, value in (settings.default_headers or {}).items():
        if value is None:
            client.headers.pop(name, None)
        else:
            client.headers[name] = value


def given(settings: ClientSettings, client_type: type, transport_type: type) -> Any:
    """The user's own client or transport, if any, once it is of the kind this client needs."""
    for name, kind in (("http_client", client_type), ("transport", transport_type)):
        value = getattr(settings, name)
        if value is not None and not isinstance(value, kind):
            raise ConfigurationError(f"{name}= must be an {kind.__module__}.{kind.__name__} here")
    return settings.http_client if settings.http_client is not None else settings.transport
