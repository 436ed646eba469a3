"""Credentials, set the way httpx intends: an `httpx.Auth` flow.

The same flow serves the sync and the async client. It also refuses to put a
token on the wire where it could be read: plain http to a host that is neither
loopback nor named in `plain_http_hosts` (a sandbox in another container). A token
or an org id that no header can carry is refused up front.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Generator, Iterable

import httpx

from projekt._runtime.errors.exceptions import ConfigurationError

PAT_PREFIX = "pjk_"
PAT_PATTERN = re.compile(r"pjk_live_[0-9A-Za-z]{32}")
REDACTED = "pjk_live_***"


# A credential (the token, the org id) never holds whitespace or a control character; one
# that does was pasted with its line ending, or read from a file saved with Windows line
# endings. The wire refuses such a header, but only once the call has begun.
UNSENDABLE = (
    "contains whitespace or control characters (a line ending pasted with it, or a .env file "
    "saved with Windows line endings?); remove them"
)


def unsendable(value: str) -> bool:
    return any(char.isspace() or not char.isprintable() for char in value)


# A setting read from a .env file can arrive with the file's quotes around it.
QUOTED = (
    "is in quotes (`docker run --env-file` and some .env readers keep those around a value); "
    "remove them"
)


def quoted(value: str) -> bool:
    return value[:1] in ("'", '"') or value[-1:] in ("'", '"')


def unusable(value: str) -> str | None:
    """What keeps a setting's text (an org id, a URL, a host) from being used as it is, in
    words; None when nothing does."""
    if unsendable(value):
        return UNSENDABLE
    return QUOTED if quoted(value) else None


def check_api_key(api_key: str) -> str:
    """Returns the key, or raises ConfigurationError without ever echoing it."""
    if not api_key:
        raise ConfigurationError("The API key is empty.")
    # Neither can be part of a token (RFC 6750's b64token): each was the server's 401, or the
    # message about line endings, for a key that is likely right once they are removed.
    if api_key[:7].lower() == "bearer ":
        raise ConfigurationError(
            "The API key starts with 'Bearer ': pass the token alone; the SDK sends "
            "'Authorization: Bearer <token>' itself."
        )
    if '"' in api_key or "'" in api_key:
        raise ConfigurationError(
            "The API key contains quotes (`docker run --env-file` and some .env readers keep "
            "those around a value); remove them."
        )
    if unsendable(api_key):  # sent, a token with a newline would also be echoed in errors
        raise ConfigurationError(f"The API key {UNSENDABLE}.")
    if not api_key.isascii():  # httpx would send it as UTF-8, and the server answer 401
        raise ConfigurationError(
            "The API key holds a character that is not ASCII (a typographic quote or dash, "
            "pasted from a document or a chat?); a token is ASCII only: copy it again."
        )
    if api_key.startswith(PAT_PREFIX) and not PAT_PATTERN.fullmatch(api_key):
        raise ConfigurationError(
            "The API key looks like a Projekt token but is malformed: a token is "
            "'pjk_live_' followed by exactly 32 letters and digits."
        )
    return api_key


def is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def checked_plain_http_hosts(hosts: object) -> frozenset[str]:
    """The hosts besides loopback that the token may go to over plain http, each in lower
    case, as `url.host` writes it (an IPv6 address without its brackets)."""
    if hosts is None:
        return frozenset()
    if isinstance(hosts, str) or not isinstance(hosts, Iterable):  # "sandbox" is not 7 hosts
        raise ConfigurationError(
            f"plain_http_hosts must be a list of host names, such as ['sandbox'], not {hosts!r}"
        )
    named = set()
    for written in hosts:
        if isinstance(written, str) and (problem := unusable(written)):
            raise ConfigurationError(f"plain_http_hosts has {written!r}, which {problem}")
        host = _host_alone(written)
        if host is None:
            raise ConfigurationError(
                f"plain_http_hosts has {written!r}, which is not a host name or an address "
                "alone (no scheme, port or path): 'sandbox', say"
            )
        named.add(host)
    return frozenset(named)


def _host_alone(written: object) -> str | None:
    """`written` as a URL's host, when it is a host and nothing more."""
    if not isinstance(written, str) or not written:
        return None
    bare = written.removeprefix("[").removesuffix("]")
    try:
        url = httpx.URL(f"http://[{bare}]/" if ":" in bare else f"http://{written}/")
        host = url.host  # an "xn--" name that is no punycode raises idna's IDNAError here
    except (httpx.InvalidURL, UnicodeError):
        return None
    alone = url.port is None and url.raw_path == b"/" and not url.userinfo
    # A name may be written in Unicode or in its punycode ("xn--bcher-kva"), as a URL shows it.
    as_written = (host.lower(), url.raw_host.decode("ascii").lower())
    return host.lower() if alone and bare.lower() in as_written else None


def plain_http_allowed(host: str, plain_http_hosts: frozenset[str]) -> bool:
    """May `host` see the token in plain text: is it loopback, or named?"""
    return is_loopback(host) or host.lower() in plain_http_hosts


def check_transport_security(url: httpx.URL, plain_http_hosts: frozenset[str]) -> None:
    if url.scheme == "https":
        return
    host = url.host
    if not plain_http_allowed(host, plain_http_hosts):
        raise ConfigurationError(
            f"Refusing to send the API key over plain {url.scheme}:// to {host}; "
            "use https. Plain http is allowed to loopback, and to the hosts named in "
            "plain_http_hosts= or PROJEKT_PLAIN_HTTP_HOSTS (a sandbox in another container)."
        )


class BearerAuth(httpx.Auth):
    """Sends the token as `Authorization: Bearer`, and only over a safe channel."""

    def __init__(self, api_key: str, plain_http_hosts: frozenset[str] = frozenset()) -> None:
        self._api_key = check_api_key(api_key)
        self._plain_http_hosts = plain_http_hosts

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.sign(request)
        yield request

    def sign(self, request: httpx.Request) -> None:
        """Puts the token on `request`, where it is safe to send."""
        check_transport_security(request.url, self._plain_http_hosts)
        request.headers["Authorization"] = f"Bearer {self._api_key}"

    def plain_http_allowed(self, host: str) -> bool:
        return plain_http_allowed(host, self._plain_http_hosts)

    def __repr__(self) -> str:
        return f"BearerAuth(api_key={REDACTED!r})"
