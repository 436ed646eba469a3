"""A request's URL, parsed once.

Given a relative path and `params=`, httpx parses three URLs per request: the path,
the path joined onto `base_url`, and the URL again with the query merged in. Here
the same URL is written out whole and parsed once (docs/adr/0001-one-url-parse.md
keeps what it saves a real call); httpx then takes the `httpx.URL` as it is. The text is built the
way httpx builds it (its base URL ends in "/", the path is appended without its
leading "/", the query is `httpx.QueryParams`' own encoding), so the result is the
same URL: tests/sdk/test_urls.py compares the two.

A URL called again (each create in a loop posts to one, each poll of one issue reads one) is
not parsed again: an `httpx.URL` never changes once made, so the last few hundred are kept and
shared (the same ADR keeps what that saves).
"""

from __future__ import annotations

import functools
from typing import Any

import httpx

__all__ = ["absolute_url"]


def absolute_url(base_url: httpx.URL, path: str, params: dict[str, Any] | None) -> httpx.URL:
    """The URL httpx would send `path` and `params` to (a base URL has no query of its own:
    the client's settings refuse one)."""
    prefix = str(base_url)
    if not prefix.endswith("/"):  # a bare host prints without the "/" of its path
        prefix += "/"
    text = prefix + path.lstrip("/")
    query = str(httpx.QueryParams(params)) if params else ""
    return _parsed(f"{text}?{query}" if query else text)


@functools.lru_cache(maxsize=256)
def _parsed(text: str) -> httpx.URL:
    """The URL `text` names (one call's path, filled in, and its query)."""
    return httpx.URL(text)
