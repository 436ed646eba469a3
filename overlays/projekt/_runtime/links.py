"""The target of a response's Link header for one relation type (RFC 8288): the next
page's, a deprecation notice's.

httpx's `Response.links` keys each link by its `rel` as written, so it finds `rel="next"`
but neither `rel="next last"` (a link may have several types, space-separated) nor
`REL=NEXT` (names and types are case-insensitive): a list ended at its first page with
nothing said, and a deprecation's notice lost its link.
"""

from __future__ import annotations

import httpx

__all__ = ["link_to"]


def link_to(response: httpx.Response, relation: str) -> str | None:
    """The target of the first link of that relation type; None when there is none, or the
    header cannot be read."""
    try:
        links = list(response.links.values())
    except (ValueError, KeyError, IndexError):
        return None
    for link in links:
        types = next((value for name, value in link.items() if name.lower() == "rel"), "")
        if relation in types.lower().split():
            return link.get("url") or None
    return None
