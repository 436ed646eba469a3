"""Web pages where the API's JSON should be: how one is told apart, and what its title says.

The API answers JSON, or nothing. A page of HTML comes from something else: the web app
(a base URL without its /api), a captive portal, a firewall or a CDN in front of the API,
a proxy's stock error page. Its title often names which ("Attention Required! |
Cloudflare", "Hotel WiFi - Log in"), which an error can then say, on one line, as it
says what another server's body does (failures.py).
"""

from __future__ import annotations

import html
import re

import httpx

__all__ = ["CHECK_BASE_URL", "is_web_page", "one_line", "page_title"]

# What a web page answering a call means: a base URL without its /api reaches the web app.
CHECK_BASE_URL = "check that base_url is the API's (it ends in /api), not the web app's"
# What a page may start with before its first "<": white space, and a UTF-8 byte order mark.
_BEFORE_A_TAG = b" \t\r\n\xef\xbb\xbf"
# A page's title; not one that starts with a status, a proxy's stock page for it ("413
# Request Entity Too Large", "504 Gateway Time-out"), which the status's phrase says already.
_TITLE = re.compile(r"<title[^>]*>(?!\s*\d{3}\b)(.*?)</title>", re.IGNORECASE | re.DOTALL)
_MOST_SHOWN = 200  # characters of what a page or a body says: a line of a message, not a page
_HEAD = 65_536  # of a page, what is searched for its title, which is in its head


def is_web_page(response: httpx.Response) -> bool:
    """A page of HTML, which the API never answers. A server may label JSON text/html too, as
    some label every answer, so the body decides: JSON never starts with "<"."""
    kind: str = response.headers.get("content-type", "")
    is_html = kind.partition(";")[0].strip().lower() == "text/html"
    return is_html and response.content.lstrip(_BEFORE_A_TAG)[:1] == b"<"


def page_title(page: str | bytes) -> str | None:
    """What a web page's title says, on one line, unless it is a stock page's status."""
    if isinstance(page, bytes):
        page = page[:_HEAD].decode("utf-8", "replace")
    found = _TITLE.search(page, 0, _HEAD)
    return one_line(html.unescape(found.group(1))) if found else None


def one_line(said: str) -> str | None:
    """`said` as a line of a message: its white space collapsed, at most _MOST_SHOWN long."""
    line = " ".join(said.split())
    if len(line) > _MOST_SHOWN:
        return line[: _MOST_SHOWN - 1] + "…"
    return line or None
