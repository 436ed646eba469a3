"""The proxy environment, read exactly as httpx reads it.

httpx honours HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY only for a client
it builds the transport of. The SDK always brings its own transport (retries,
throttle, a larger pool), so it reads the environment here and mounts one of its
own transports per proxy, where httpx would have mounted a plain one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import httpx

TransportT = TypeVar("TransportT")


def environment_proxies() -> dict[str, str | None]:
    """URL pattern -> proxy URL, or None where NO_PROXY says to go direct."""
    # httpx has no public API for this. Its own helper is the only way to honour the
    # variables exactly as a plain httpx.Client does (NO_PROXY's "*", domain, IP and
    # localhost rules included), so the private import is kept to this one place.
    from httpx._utils import get_environment_proxies

    return get_environment_proxies()


def proxy_mounts(
    trust_env: bool, build: Callable[[httpx.Proxy], TransportT]
) -> dict[str, TransportT | None]:
    """httpx `mounts=` for the proxy environment; None routes to the client's own transport."""
    if not trust_env:
        return {}
    return {
        pattern: None if url is None else build(httpx.Proxy(url))
        for pattern, url in environment_proxies().items()
    }
