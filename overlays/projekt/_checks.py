"""Every setting of a client checked before anything is sent: `checked()` gives the httpx
client's options once each is known to be usable, and raises ConfigurationError otherwise.

A bad value read from the environment is named by its variable too: a user who never wrote
`base_url=` would look for it in their code in vain (a `.env` file's, a deployment's
stale secret).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx

from projekt._runtime.auth import (
    QUOTED,
    BearerAuth,
    check_transport_security,
    checked_plain_http_hosts,
    plain_http_allowed,
    quoted,
    unusable,
)
from projekt._runtime.calls.arguments import BODY_HEADERS
from projekt._runtime.errors.exceptions import ConfigurationError
from projekt._runtime.hosts import unresolvable
from projekt._runtime.limits.deadline import TIMEOUTS, usable_timeout
from projekt._runtime.observability.redaction import breaks_its_userinfo, mask_url
from projekt._runtime.options import COUNT, is_count

from ._settings import ClientSettings, variable_holding

__all__ = ["check_org_id", "checked"]

# A scheme whose "://" slipped (`http//localhost:8787`): the host decides, as for none.
SLIPPED_SCHEME = re.compile(r"https?(?::/?|//?)(?=[^/])", re.IGNORECASE)


def checked(settings: ClientSettings) -> dict[str, Any]:
    """The httpx client's options (base_url, auth, timeout), once every setting is known
    to be usable; raises ConfigurationError before anything is sent."""
    for name in ("api_key", "base_url", "throttle_url"):  # org_id: check_org_id below
        check_str(name, getattr(settings, name))
    for name in ("throttle", "trust_env"):
        # A string ("false", from the environment) would be true.
        if not isinstance(value := getattr(settings, name), bool):
            raise ConfigurationError(f"{name} must be True or False, not {value!r}")
    if not settings.api_key:
        raise ConfigurationError(
            "No API key: pass api_key=... or set the PROJEKT_API_KEY environment variable."
        )
    with _named_by_variable(settings, "plain_http_hosts"):
        plain_http_hosts = checked_plain_http_hosts(settings.plain_http_hosts)
    with _named_by_variable(settings, "api_key"):
        auth = BearerAuth(settings.api_key, plain_http_hosts)
    with _named_by_variable(settings, "base_url"):
        url = checked_base_url(settings.base_url or "", plain_http_hosts)
    if settings.org_id is not None:
        with _named_by_variable(settings, "org_id"):
            check_org_id(settings.org_id)
    for name in ("max_retries", "throttle_floor"):
        if not is_count(getattr(settings, name)):
            raise ConfigurationError(f"{name} must be {COUNT}")
    if not usable_timeout(settings.timeout):
        raise ConfigurationError(f"timeout must be {TIMEOUTS}")
    if settings.total_timeout is not None and not is_seconds(settings.total_timeout):
        raise ConfigurationError("total_timeout must be a number of seconds > 0, or None")
    if not is_seconds(settings.throttle_timeout):
        raise ConfigurationError("throttle_timeout must be a number of seconds > 0")
    if not (is_count(settings.max_response_bytes) and settings.max_response_bytes >= 1):
        raise ConfigurationError("max_response_bytes must be an integer >= 1")
    check_providers(settings)
    if settings.throttle_url is not None:
        with _named_by_variable(settings, "throttle_url"):
            check_throttle_url(settings.throttle_url)
    if settings.http_client is not None and settings.transport is not None:
        raise ConfigurationError("pass http_client= or transport=, not both")
    check_default_headers(settings.default_headers)
    return {"base_url": url, "auth": auth, "timeout": settings.timeout}


@contextmanager
def _named_by_variable(settings: ClientSettings, name: str) -> Iterator[None]:
    try:
        yield
    except ConfigurationError as error:
        variable = variable_holding(settings, name)
        if variable is None or variable in str(error):
            raise
        ended = str(error).endswith((".", "?"))
        told = f"{error}{'' if ended else '.'} It came from the environment variable {variable}."
        raise ConfigurationError(told) from None


# A header name: RFC 9110's token.
HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# Headers that are not a client's to set. As a default, each would be wrong on some call:
# Authorization would skip api_key's checks, X-Org-Id would not follow with_org(), one
# Idempotency-Key would make every later write a replay of the first, and the body's own
# headers would describe some other body (a JSON one sent as form data, refused with a 415).
NOT_A_DEFAULT = {
    "authorization": "pass api_key= instead",
    "x-org-id": "pass org_id= (or use client.with_org()) instead",
    "idempotency-key": "pass idempotency_key= to a write instead",
    **dict.fromkeys(  # a call's may set Content-Type and Content-Encoding
        BODY_HEADERS, "the SDK writes each request's body, and these headers with it"
    ),
}


def check_default_headers(defaults: object) -> None:
    """Refuses `default_headers` that a call could not send, or should not. A value is never
    echoed in the error: it may be a secret (a gateway's key)."""
    if defaults is None:
        return
    if not isinstance(defaults, Mapping):
        kind = type(defaults).__name__
        raise ConfigurationError(f"default_headers must be a mapping (a dict), not {kind}")
    for name, value in defaults.items():
        if not (isinstance(name, str) and HEADER_NAME.fullmatch(name)):
            raise ConfigurationError(f"default_headers has {name!r}, which is not a header name")
        if name.lower() in NOT_A_DEFAULT:
            raise ConfigurationError(
                f"default_headers cannot set {name}; {NOT_A_DEFAULT[name.lower()]}"
            )
        if not (value is None or _sendable(value)):
            raise ConfigurationError(
                f"default_headers[{name!r}] must be printable ASCII text with no space around "
                "it, or None to remove the header (its value is not shown here)"
            )


def _sendable(value: object) -> bool:
    """Can a header carry `value` as it is? (h11 refuses a value with space around it.)"""
    return (
        isinstance(value, str)
        and value.isascii()
        and value.isprintable()
        and value == value.strip()
    )


def checked_base_url(raw_url: str, plain_http_hosts: frozenset[str]) -> httpx.URL:
    """The base URL, once every path can be appended to it and its token sent there."""
    if problem := unusable(raw_url):
        raise ConfigurationError(f"base_url {mask_url(raw_url)!r} {problem}.")
    try:
        url = httpx.URL(raw_url)
        url.host  # noqa: B018  (an "xn--" host that is no punycode: idna's IDNAError)
    except (httpx.InvalidURL, UnicodeError):  # whose words may quote a piece of a password
        raise ConfigurationError(f"base_url is not a valid URL: {mask_url(raw_url)!r}") from None
    if url.scheme not in ("http", "https") or not url.host:
        shown, hint = mask_url(raw_url), scheme_hint(raw_url, plain_http_hosts)
        raise ConfigurationError(f"base_url must be an http(s) URL with a host: {shown!r}{hint}")
    if url.port is not None and not 0 < url.port < 65536:  # httpx takes any number
        raise ConfigurationError(f"base_url's port is not 1 to 65535: {mask_url(raw_url)!r}")
    if problem := unresolvable(url.host):
        raise ConfigurationError(f"base_url's host {problem}: {mask_url(raw_url)!r}")
    if url.userinfo or breaks_its_userinfo(raw_url):  # a "/" in a password splits the URL
        # The token takes the Authorization header, so the URL's credentials could never be
        # sent; kept in the URL, they would show in each line httpx logs.
        shown = mask_url(raw_url)
        raise ConfigurationError(
            f"base_url must have no user name or password: {shown!r}; the SDK authenticates "
            "with api_key"
        )
    if "?" in raw_url or "#" in raw_url:  # an empty one too, which httpx reads as none
        # Every path is appended to the base URL: a query or fragment would end up inside it.
        shown = mask_url(raw_url)
        raise ConfigurationError(f"base_url must have no query and no fragment: {shown!r}")
    check_transport_security(url, plain_http_hosts)
    return url


def scheme_hint(raw_url: str, plain_http_hosts: frozenset[str]) -> str:
    """For a URL written without its scheme (`localhost:8787`), the one it likely lacks:
    http for a host the token may go to over plain http, else https."""
    if "://" in raw_url:
        return ""
    rest = SLIPPED_SCHEME.sub("", raw_url, count=1)
    try:
        host = httpx.URL(f"http://{rest}").host
    except (httpx.InvalidURL, UnicodeError):  # UnicodeError: idna's, for an "xn--" name
        return ""
    scheme = "http" if plain_http_allowed(host, plain_http_hosts) else "https"
    return f"; did you mean {mask_url(f'{scheme}://{rest}')!r}?"


def is_seconds(value: object) -> bool:
    """A number of seconds > 0 (infinity: no bound). Not a bool, nor a string from the
    environment, which would fail the comparison, or every call, later; nor an int past any
    float, which no clock counts to."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    try:
        return float(value) > 0
    except OverflowError:
        return False


def check_providers(settings: ClientSettings) -> None:
    """An OpenTelemetry provider, not the tracer or meter one makes: the SDK asks each for
    its own, and would otherwise record nothing, the calls going on without spans."""
    for name, method in (("tracer_provider", "get_tracer"), ("meter_provider", "get_meter")):
        value = getattr(settings, name)
        if value is not None and not callable(getattr(value, method, None)):
            raise ConfigurationError(
                f"{name} must be an OpenTelemetry provider, with {method}(), not "
                f"{type(value).__name__}"
            )


def check_str(name: str, value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise ConfigurationError(f"{name} must be a str, not {type(value).__name__}")


def check_org_id(org_id: str) -> None:
    check_str("org_id", org_id)
    if problem := unusable(org_id):
        raise ConfigurationError(f"The org_id {org_id!r} {problem}.")
    if not org_id.isascii():
        raise ConfigurationError(
            f"The org_id {org_id!r} is not ASCII: an organization's id is a UUID "
            "(client.me.orgs() lists yours)."
        )


def check_throttle_url(url: str) -> None:
    """A Redis URL redis-py can use, checked before anything is sent (it connects later)."""
    if quoted(url):
        raise ConfigurationError(f"throttle_url {mask_url(url)!r} {QUOTED}.")
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigurationError(f"throttle_url must be a redis:// URL: {mask_url(url)!r}")
    from projekt._runtime.limits.fleet import check_redis_url  # only a fleet pays for it

    try:
        check_redis_url(url)
    except ImportError as error:
        raise ConfigurationError(str(error)) from None
    except ValueError as error:
        shown, problem = mask_url(url), mask_url(str(error))
        raise ConfigurationError(f"throttle_url {shown!r} is not usable: {problem}") from None
