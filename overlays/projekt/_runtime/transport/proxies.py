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


def environment_proxies() -> dict[str, str | None]:
    """URL pattern -> proxy URL, or None where NO_PROXY says to go direct.

    The standard library reads the variables (and, on Windows and macOS, the
    system's settings), as httpx itself does; the patterns are httpx's `mounts=`
    keys, with NO_PROXY's entries read as curl reads them: "*" turns every proxy
    off, ".example.com" matches its subdomains, "example.com" the domain and its
    subdomains, and IP addresses, CIDR ranges and localhost match as written.
    """
    found = urllib.request.getproxies()
    mounts: dict[str, str | None] = {}
    for scheme in ("http", "https", "all"):  # not TRAVIS_APT_PROXY and the like
        if url := found.get(scheme):
            mounts[f"{scheme}://"] = url if "://" in url else f"http://{url}"
    for host in (entry.strip() for entry in found.get("no", "").split(",")):
        if host == "*":
            return {}
        if host:
            mounts[_no_proxy_pattern(host)] = None
    return mounts


def _no_proxy_pattern(host: str) -> str:
    if "://" in host:
        return host
    try:
        address = ipaddress.ip_address(host.split("/")[0])
    except ValueError:
        return f"all://{host}" if host.lower() == "localhost" else f"all://*{host}"
    return f"all://[{host}]" if address.version == 6 else f"all://{host}"


def proxy_mounts(
    trust_env: bool,
    build: Callable[[httpx.Proxy], TransportT],
    base_url: httpx.URL,
    plain_http_allowed: Callable[[str], bool],
) -> dict[str, TransportT | None]:
    """httpx `mounts=` for the proxy environment; None routes to the client's own transport.
    Every call goes to `base_url`'s host, so that host alone may need to go direct."""
    if not trust_env:
        return {}
    found = environment_proxies()
    mounts = {
        pattern: None if url is None else build(usable_proxy(url)) for pattern, url in found.items()
    }
    proxy = found.get(f"{base_url.scheme}://") or found.get("all://")
    host = base_url.host
    if proxy and plain_http_allowed(host) and not plain_http_allowed(httpx.URL(proxy).host):
        mounts[f"all://[{host}]" if ":" in host else f"all://{host}"] = None
    return mounts


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
