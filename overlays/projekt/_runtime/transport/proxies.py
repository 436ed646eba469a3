"""The proxy environment, read as curl and requests read it.

httpx honours HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY only for a client
it builds the transport of. The SDK always brings its own transport (retries,
throttle, a larger pool), so it reads the environment here and gives its own
transport the proxy, where httpx would have mounted a plain one.

Every call goes to the client's base URL: the SDK follows no redirect, and no link
to another origin. So the environment comes down to one proxy, or none, for that
URL. A proxy for the other scheme, or one that NO_PROXY turns off for its host, is
neither built nor required to be usable (a SOCKS proxy's socksio, say).

Unlike httpx, it goes direct to loopback and to the hosts named in plain_http_hosts,
where the token may travel in plain text, unless the proxy is one of those too. A proxy
elsewhere would read the token; and through it, loopback is the proxy's own, not this
machine's. Go's net/http and Ruby's Net::HTTP never proxy loopback either.
"""

from __future__ import annotations

import importlib
import ipaddress
import urllib.request
from collections.abc import Callable

import httpx

from projekt._runtime.errors.exceptions import ConfigurationError
from projekt._runtime.hosts import unresolvable
from projekt._runtime.observability.redaction import SPLIT_USERINFO, breaks_its_userinfo, mask_url

__all__ = ["environment_proxy"]

_DEFAULT_PORTS = {"http": "80", "https": "443"}


def environment_proxy(
    trust_env: bool, base_url: httpx.URL, plain_http_allowed: Callable[[str], bool]
) -> httpx.Proxy | None:
    """The proxy the environment names for calls to `base_url`; None: they go direct.
    The standard library reads the variables (and, on Windows and macOS, the system's
    settings), as httpx itself does."""
    if not trust_env:
        return None
    found = urllib.request.getproxies()
    url = found.get(base_url.scheme) or found.get("all")
    if not url or _no_proxy_covers(found.get("no", ""), base_url):
        return None
    url = url if "://" in url else f"http://{url}"
    if plain_http_allowed(base_url.host) and not plain_http_allowed(_host_of(url)):
        return None
    return _usable_proxy(url)


def _no_proxy_covers(no_proxy: str, url: httpx.URL) -> bool:
    """Whether NO_PROXY sends calls to `url` direct, each entry read as curl and requests
    read it: "*" turns every proxy off; a name covers itself and its subdomains, with a
    leading dot or without; an IP address, or a range (10.0.0.0/8, fd00::/8), covers the
    addresses it holds. localhost is a name: it does not cover 127.0.0.1. The forms httpx
    reads as well: an entry with a port covers that port alone (as for requests), one with
    a scheme (`https://example.com`) that scheme alone, and `*.example.com` is read as
    `.example.com`."""
    port = str(url.port) if url.port else _DEFAULT_PORTS.get(url.scheme, "")
    for entry in no_proxy.lower().split(","):
        scheme, _, entry = entry.strip().rpartition("://")
        if entry == "*":
            return True
        if scheme in ("", "all", url.scheme) and _covers(entry, url.host, port):
            return True
    return False


def _covers(entry: str, host: str, port: str) -> bool:
    name, entry_port = _split_port(entry)
    if not name or (entry_port and entry_port != port):
        return False
    try:
        network = ipaddress.ip_network(name, strict=False)
    except ValueError:
        name = name.lstrip("*.")  # ".example.com" and "*.example.com" read as "example.com"
        return bool(name) and (host == name or host.endswith(f".{name}"))
    try:
        return ipaddress.ip_address(host) in network
    except ValueError:  # a host name: no address or range holds it
        return False


def _split_port(entry: str) -> tuple[str, str]:
    """An entry's host and its port ("" if it names none): [::1]:8080, 10.0.0.1:8080."""
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        return host, rest.removeprefix(":")
    if entry.count(":") == 1:
        host, _, port = entry.partition(":")
        return host, port
    return entry, ""  # a name, an IPv4 address or range, or a bare IPv6 one


def _host_of(proxy: str) -> str:
    try:
        return httpx.URL(proxy).host
    except (httpx.InvalidURL, UnicodeError):  # UnicodeError: idna's, for an "xn--" name
        return ""  # no host to trust; _usable_proxy() says what is wrong with it


# httpx refuses these too as it builds a client, but with a bare ValueError or ImportError
# that names no variable (and, for SOCKS, on the first call here, where httpcore imports it).
_FROM_ENV = "from HTTP_PROXY, HTTPS_PROXY or ALL_PROXY: unset it, or pass trust_env=False"


def _usable_proxy(url: str) -> httpx.Proxy:
    if breaks_its_userinfo(url):  # httpx would read a piece of the password as the port
        raise ConfigurationError(f"The proxy {mask_url(url)!r} ({_FROM_ENV}): {SPLIT_USERINFO}.")
    try:
        proxy = httpx.Proxy(url)
        proxy.url.host  # noqa: B018  (idna's IDNAError for an "xn--" name that is no punycode)
    except (httpx.InvalidURL, UnicodeError):  # whose words may quote a piece of the password
        raise ConfigurationError(
            f"The proxy {mask_url(url)!r} ({_FROM_ENV}) is not a URL httpx can read."
        ) from None
    except ValueError:
        raise ConfigurationError(
            f"The proxy {mask_url(url)!r} ({_FROM_ENV}) is not http, https, socks5 or socks5h."
        ) from None
    # A port httpx reads, out of range: httpcore's pool would raise a bare ValueError.
    if proxy.url.port is not None and not 0 < proxy.url.port < 65536:
        raise ConfigurationError(
            f"The proxy {mask_url(url)!r} ({_FROM_ENV}) has a port that is not 1 to 65535."
        )
    if problem := unresolvable(proxy.url.host):
        raise ConfigurationError(f"The proxy {mask_url(url)!r} ({_FROM_ENV}): its host {problem}.")
    if proxy.url.scheme.startswith("socks"):
        try:
            importlib.import_module("socksio")  # what httpcore imports for a SOCKS proxy
        except ImportError:
            raise ConfigurationError(
                f"The proxy {mask_url(url)!r} ({_FROM_ENV}) is a SOCKS proxy, which needs "
                "socksio: pip install 'httpx[socks]'."
            ) from None
    return proxy
