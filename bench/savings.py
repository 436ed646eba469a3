"""make bench, what each optimisation kept for speed saves of a real call: the SDK without
it, timed against the SDK as it is, in the same rounds (docs/adr/ keeps each by its figure).

Each case takes the optimisation out of the SDK for the loops it times, and puts it back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cases import Timed, Wire, sdk_list


def httpx_joined(base_url: Any, path: str, params: dict[str, Any] | None) -> Any:
    """The URL as `httpx.Client.build_request` makes it, in its three parses: the path, the
    path joined onto the base URL, and that URL with the query merged in."""
    import httpx

    joined = base_url.copy_with(raw_path=base_url.raw_path + httpx.URL(path).raw_path.lstrip(b"/"))
    return joined.copy_merge_params(params) if params else joined


def sdk_list_httpx_joins_urls(wire: Wire) -> Timed:
    """Without transport/urls.py: the URL joined as httpx joins it."""
    from projekt._runtime.calls import pipeline

    timed = sdk_list(wire)

    def without(loops: int) -> float:
        pipeline.absolute_url = httpx_joined
        try:
            return timed(loops)
        finally:
            pipeline.absolute_url = absolute_url

    absolute_url = pipeline.absolute_url
    return without


def sdk_list_url_parsed_each_call(wire: Wire) -> Timed:
    """Without transport/urls.py's cache: the URL parsed anew for every call."""
    import httpx

    from projekt._runtime.transport import urls

    timed = sdk_list(wire)
    cached = urls._parsed

    def without(loops: int) -> float:
        urls._parsed = httpx.URL  # type: ignore[assignment]
        try:
            return timed(loops)
        finally:
            urls._parsed = cached

    return without


def sdk_list_with_cookie_jar(wire: Wire) -> Timed:
    """Without transport/clients.py's jar that keeps nothing: httpx's own cookie jar."""
    import httpx

    import projekt._client

    own = projekt._client.ApiClient
    projekt._client.ApiClient = httpx.Client  # type: ignore[misc]
    try:
        return sdk_list(wire)
    finally:
        projekt._client.ApiClient = own  # type: ignore[misc]


def sdk_list_body_copied(wire: Wire) -> Timed:
    """Without transport/body.py's direct read of a body sent as it is: every body through
    iter_bytes() into a second response, as a compressed one goes."""
    from projekt._runtime.transport import body

    timed = sdk_list(wire)
    direct = body._sent_as_is

    def without(loops: int) -> float:
        body._sent_as_is = lambda _: False
        try:
            return timed(loops)
        finally:
            body._sent_as_is = direct

    return without


CASES: dict[str, Callable[[Wire], Timed]] = {
    "sdk_list_httpx_joins_urls": sdk_list_httpx_joins_urls,
    "sdk_list_url_parsed_each_call": sdk_list_url_parsed_each_call,
    "sdk_list_with_cookie_jar": sdk_list_with_cookie_jar,
    "sdk_list_body_copied": sdk_list_body_copied,
}
