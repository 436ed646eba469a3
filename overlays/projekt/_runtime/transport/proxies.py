"""The proxy environment, read as httpx reads it.

httpx honours HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY only for a client
it builds the transport of. The SDK always brings its own transport (retries,
throttle, a larger pool), so it reads the environment here and mounts one of its
own transports per proxy, where httpx would have mounted a plain one.

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
from typing import TypeVar

import httpx

from projekt._runtime.errors.exceptions import ConfigurationError
from projekt._runtime.observability.redaction import mask_url

TransportT = TypeVar("TransportT")


def environment_proxies(host: str) -> dict[str, str | None]:
    """URL pattern -> proxy URL, or None where NO_PROXY says to go direct, for calls to
    `host`.

    The standard library reads the variables (and, on Windows and macOS, the
    system's settings), as httpx itself does; the patterns are httpx's `mounts=`
    keys, with NO_PROXY's entries read as curl reads them: "*" turns every proxy
    off, ".example.com" matches its subdomains, "example.com" the domain and its
    subdomains, IP addresses and localhost match as written, and a CIDR range
    (10.0.0.0/8, fd00::/8) matches the addresses it holds. httpx's own patterns cannot
    say a range (and fail on an IPv6 one), so a range is matched here, against `host`,
    and an entry no URL could match is left out rather than fail the client.
    """
    found = urllib.request.getproxies()
    mounts: dict[str, str | None] = {}
    for scheme in ("http", "https", "all"):  # not TRAVIS_APT_PROXY and the like
        if url := found.get(scheme):
            mounts[f"{scheme}://"] = url if "://" in url else f"http://{url}"
    for entry in (entry.strip() for entry in found.get("no", "").split(",")):
        if entry == "*":
            return {}
        if entry and (pattern := _no_proxy_pattern(entry, host)):
            mounts[pattern] = None
    return mounts


def _no_proxy_pattern(entry: str, host: str) -> str | None:
    if "://" in entry:
        return entry if _is_pattern(entry) else None
    try:
        network = ipaddress.ip_network(entry.removeprefix("[").removesuffix("]"), strict=False)
    except ValueError:
        pattern = f"all://{entry}" if entry.lower() == "localhost" else f"all://*{entry}"
        return pattern if _is_pattern(pattern) else None
    if network.num_addresses == 1 and "/" not in entry:
        return _direct_to(str(network.network_address))
    try:
        return _direct_to(host) if ipaddress.ip_address(host) in network else None
    except ValueError:  # a host name: no range holds it
        return None


def _direct_to(host: str) -> str:
    """The `mounts=` key of `host` (as `URL.host` writes it) alone."""
    return f"all://[{host}]" if ":" in host else f"all://{host}"


def _is_pattern(pattern: str) -> bool:
    try:
        httpx.URL(pattern)
    except httpx.InvalidURL:
        return False
    return True


def proxy_mounts(
    trust_env: bool,
    build: Callable[[httpx.Proxy], TransportT],
    base_url: httpx.URL,
    plain_http_allowed: Callable[[str], bool],
) -> dict[str, TransportT | None]:
    """httpx `mounts=` for the proxy environment; None routes to the client's own transport.

    Every call goes to `base_url`, so only the proxy for its scheme can carry one: another
    is neither built nor required to be usable (a SOCKS proxy's socksio, say)."""
    if not trust_env:
        return {}
    host = base_url.host
    found = environment_proxies(host)
    proxy = found.get(f"{base_url.scheme}://") or found.get("all://")
    if proxy is None or (plain_http_allowed(host) and not plain_http_allowed(_host_of(proxy))):
        return {}  # every call goes direct
    return {
        pattern: None if url is None else build(usable_proxy(url))
        for pattern, url in found.items()
        if url in (None, proxy)
    }


def _host_of(proxy: str) -> str:
    try:
        return httpx.URL(proxy).host
    except httpx.InvalidURL:
        return ""  # no host to trust; usable_proxy() says what is wrong with it


# httpx refuses these too as it builds a client, but with a bare ValueError or ImportError
# that names no variable (and, for SOCKS, on the first call here, where httpcore imports it).
_FROM_ENV = "from HTTP_PROXY, HTTPS_PROXY or ALL_PROXY: unset it, or pass trust_env=False"


def usable_proxy(url: str) -> httpx.Proxy:
    try:
        proxy = httpx.Proxy(url)
    except ValueError:
        raise ConfigurationError(
            f"The proxy {mask_url(url)!r} ({_FROM_ENV}) is not http, https, socks5 or socks5h."
        ) from None
    if proxy.url.scheme.startswith("socks"):
        try:
            importlib.import_module("socksio")  # what httpcore imports for a SOCKS proxy
        except ImportError:
            raise ConfigurationError(
                f"The proxy {mask_url(url)!r} ({_FROM_ENV}) is a SOCKS proxy, which needs "
                "socksio: pip install 'httpx[socks]'."
            ) from None
    return proxy
