"""The target of a response's Link header for one relation type (RFC 8288): the next
page's, a deprecation notice's.

Read here rather than through httpx's `Response.links`, which keys each link by its `rel`
as written and splits the header at every `;` and `,`, and strips quotes, even inside a
URL or a quoted value. So it missed `rel="next last"` (a link may have several types) and
`REL=NEXT` (names and types are case-insensitive), and it cut a URL whose query holds `;`
or ends in `'`, all of which the spec's `Link` allows: the list ended after its first
page, or asked for another one, with nothing said. Its `unquoted()` also reads an
Idempotency-Key header, an RFC 8941 string (errors/safety.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx

__all__ = ["link_to", "unquoted"]

# link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param ), links joined by ",".
_TARGET = re.compile(r"<([^>]*)>")
# link-param = token BWS [ "=" BWS ( token / quoted-string ) ]
_PARAM = re.compile(r'[ \t]*;[ \t]*([^\s;,=]+)[ \t]*(?:=[ \t]*("(?:[^"\\]|\\.)*"|[^\s;,]*))?')
_ESCAPED = re.compile(r"\\(.)")


def link_to(response: httpx.Response, relation: str) -> str | None:
    """The target of the first link of that relation type; None when there is none."""
    value = response.headers.get("link")
    if value is None:
        return None
    for target, rel in _links(value):
        if relation in rel.lower().split():
            return target or None
    return None


def _links(value: str) -> Iterator[tuple[str, str]]:
    """Each link's target and its `rel`; only the first `rel` counts (RFC 8288, 3.3)."""
    position = 0
    while (link := _TARGET.search(value, position)) is not None:
        position, rel = link.end(), None
        while (param := _PARAM.match(value, position)) is not None:
            position = param.end()
            if rel is None and param.group(1).lower() == "rel":
                rel = unquoted(param.group(2) or "")
        yield link.group(1).strip(), rel or ""


def unquoted(value: str) -> str:
    """A quoted string's content, unescaped (RFC 9110's quoted-string, of which RFC 8941's
    strings are one); any other value as it is."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return _ESCAPED.sub(r"\1", value[1:-1])
    return value
