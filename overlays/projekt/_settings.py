"""Every setting of a client, each default stated once: `ClientSettings`.

`Projekt(...)` and `AsyncProjekt(...)` take these as keyword arguments, keep
them (resolved from the environment) as `client.settings`, and
`client.with_options(**changes)` makes a copy with some of them changed. The
README's settings table is checked against this class by a test.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

import httpx

from projekt._api.types import NotGiven
from projekt._runtime.calls.arguments import check_keywords
from projekt._runtime.limits.throttle import DEFAULT_REDIS_TIMEOUT
from projekt._runtime.observability.redaction import MASK, mask_url
from projekt._runtime.transport.retries import DEFAULT_MAX_RESPONSE_BYTES

__all__ = ["DEFAULT_BASE_URL", "ClientSettings", "SettingsChanges"]

DEFAULT_BASE_URL = "https://projekt.3xa.es/api"


def _env(variable: str, meaning: str) -> dict[str, str]:
    return {"env": variable, "doc": meaning}


def _doc(meaning: str) -> dict[str, str]:
    return {"doc": meaning}


@dataclass(frozen=True, kw_only=True)
class ClientSettings:
    """The settings of a `Projekt` or `AsyncProjekt` client.

    Unset ones (None) of `api_key`, `org_id`, `base_url`, `plain_http_hosts` and
    `throttle_url` come from the environment variable named in their metadata. The
    token never appears in a repr, nor does a URL's password. `client.settings` holds
    them resolved; `client.with_options(...)` and `dataclasses.replace(settings, ...)`
    change some.
    """

    api_key: str | None = field(
        default=None,
        repr=False,
        metadata=_env("PROJEKT_API_KEY", "a Personal Access Token or an OAuth access token"),
    )
    org_id: str | None = field(
        default=None,
        metadata=_env("PROJEKT_ORG_ID", "the organization sent as X-Org-Id on org-scoped calls"),
    )
    base_url: str | None = field(
        default=None,
        metadata=_env("PROJEKT_BASE_URL", f"the API's base URL; else {DEFAULT_BASE_URL}"),
    )
    plain_http_hosts: Sequence[str] | None = field(
        default=None,
        metadata=_env(
            "PROJEKT_PLAIN_HTTP_HOSTS",
            "hosts besides loopback the token may go to over plain http (a sandbox in "
            "another container); the variable separates them with commas",
        ),
    )
    timeout: float | httpx.Timeout | None = field(
        default=15.0,  # the quickstart's own value
        metadata=_doc("seconds each attempt may take, connect to last byte (a deadline)"),
    )
    max_retries: int = field(
        default=2, metadata=_doc("retries of a failed request that is safe to retry")
    )
    total_timeout: float | None = field(
        # Three attempts at the default timeout, with backoff or a short Retry-After between.
        default=60.0,
        metadata=_doc("seconds a call may take in all, retries and their waits included"),
    )
    throttle: bool = field(
        default=True,
        metadata=_doc("wait for the rate-limit window to reset rather than collect a 429"),
    )
    throttle_floor: int = field(
        default=0, metadata=_doc("requests left in the window at which the throttle waits")
    )
    throttle_url: str | None = field(
        default=None,
        metadata=_env(
            "PROJEKT_THROTTLE_URL",
            "a Redis URL: every process with it shares one rate-limit budget (projekt[redis])",
        ),
    )
    throttle_timeout: float = field(
        default=DEFAULT_REDIS_TIMEOUT,
        metadata=_doc("seconds a Redis reply may take before that call uses its own budget"),
    )
    max_response_bytes: int = field(
        default=DEFAULT_MAX_RESPONSE_BYTES,
        metadata=_doc("the largest response body read, once decoded"),
    )
    trust_env: bool = field(
        default=True,
        metadata=_doc("honour HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY, SSL_CERT_FILE"),
    )
    default_headers: Mapping[str, str | None] | None = field(
        default=None,
        metadata=_doc("headers sent on every call; a None value removes one the SDK sends"),
    )
    tracer_provider: Any = field(
        default=None,
        metadata=_doc("an OpenTelemetry TracerProvider for the SDK's spans; else the global one"),
    )
    meter_provider: Any = field(
        default=None,
        metadata=_doc("an OpenTelemetry MeterProvider for the SDK's metric; else the global one"),
    )
    http_client: httpx.Client | httpx.AsyncClient | None = field(
        default=None, metadata=_doc("your own httpx client to send through (its settings kept)")
    )
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = field(
        default=None, metadata=_doc("or only an httpx transport, such as httpx.MockTransport")
    )

    def __repr__(self) -> str:
        """Every setting but the token, with any URL's password masked (a Redis URL's), and
        the default headers' values (a gateway's key, say) too."""
        parts = []
        for f in dataclasses.fields(self):
            if f.repr:
                value = getattr(self, f.name)
                shown = repr(mask_url(value)) if isinstance(value, str) else repr(value)
                if f.name == "default_headers" and isinstance(value, Mapping):
                    shown = repr({k: MASK if v is not None else None for k, v in value.items()})
                parts.append(f"{f.name}={shown}")
        return f"ClientSettings({', '.join(parts)})"

    def resolved(self) -> ClientSettings:
        """These settings with `api_key`, `org_id`, `base_url`, `plain_http_hosts` and
        `throttle_url` read from the environment where they are unset."""
        return dataclasses.replace(
            self,
            api_key=self.api_key if self.api_key is not None else os.environ.get("PROJEKT_API_KEY"),
            org_id=self.org_id
            if self.org_id is not None
            else os.environ.get("PROJEKT_ORG_ID") or None,
            base_url=self.base_url or os.environ.get("PROJEKT_BASE_URL") or DEFAULT_BASE_URL,
            throttle_url=self.throttle_url or os.environ.get("PROJEKT_THROTTLE_URL") or None,
            plain_http_hosts=self.plain_http_hosts
            if self.plain_http_hosts is not None
            else _listed(os.environ.get("PROJEKT_PLAIN_HTTP_HOSTS", "")),
        )


def variable_holding(settings: ClientSettings, name: str) -> str | None:
    """The environment variable setting `name` is read from, when it holds the value
    `settings` has (it was read from there, or given as it is there)."""
    variable = {f.name: f for f in dataclasses.fields(ClientSettings)}[name].metadata.get("env")
    raw = os.environ.get(variable or "")
    if variable is None or raw is None:
        return None
    value = getattr(settings, name)
    return variable if value == (_listed(raw) if name == "plain_http_hosts" else raw) else None


def _listed(variable: str) -> tuple[str, ...] | None:
    """A variable's comma-separated list (`sandbox, other`), or None when it lists nothing."""
    return tuple(item.strip() for item in variable.split(",") if item.strip()) or None


class SettingsChanges(TypedDict, total=False):
    """What `with_options()` takes: any `ClientSettings` field, typed, so that a type checker
    finds a misspelt or mistyped one, and an editor completes them (a test keeps the two in
    step)."""

    api_key: str | None
    org_id: str | None
    base_url: str | None
    plain_http_hosts: Sequence[str] | None
    timeout: float | httpx.Timeout | None
    max_retries: int
    total_timeout: float | None
    throttle: bool
    throttle_floor: int
    throttle_url: str | None
    throttle_timeout: float
    max_response_bytes: int
    trust_env: bool
    default_headers: Mapping[str, str | None] | None
    tracer_provider: Any
    meter_provider: Any
    http_client: httpx.Client | httpx.AsyncClient | None
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None


SETTINGS = frozenset(SettingsChanges.__optional_keys__)


def check_names(called: str, names: Iterable[str]) -> None:
    """Raises the TypeError Python raises for an unknown keyword, naming the method called
    (`dataclasses.replace()` would name `ClientSettings.__init__`)."""
    check_keywords(called, names, SETTINGS)


DEFAULTS = ClientSettings()
# What `httpx.Client()` takes when not told otherwise (httpx's documented default).
HTTPX_DEFAULT_TIMEOUT = httpx.Timeout(5.0)


def timeout_for(given: object, http_client: object) -> Any:
    """`timeout=` as given; else, as openai-python reads it, the timeout set on your own
    `http_client=` (its settings are kept), unless that is httpx's default; else 15 s."""
    if not isinstance(given, NotGiven):
        return given
    if not isinstance(http_client, httpx.Client | httpx.AsyncClient):
        return DEFAULTS.timeout
    set_on_it = http_client.timeout != HTTPX_DEFAULT_TIMEOUT
    return http_client.timeout if set_on_it else DEFAULTS.timeout


def defaults_table() -> list[tuple[str, Any, str, str]]:
    """(name, default, environment variable, meaning) per setting, as the README shows them."""
    return [
        (f.name, f.default, f.metadata.get("env", ""), f.metadata["doc"])
        for f in dataclasses.fields(ClientSettings)
    ]
