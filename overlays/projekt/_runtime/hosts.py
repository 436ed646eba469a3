"""Whether a host name is one the machine could ever look up.

The socket module encodes a name with Python's idna codec before it asks DNS, and that
refuses an empty label (a doubled dot: `api..example.com`) and one over 63 characters. So a
base URL, a proxy or a Redis URL with such a name failed each call with a bare
UnicodeError as it connected. Their checks ask here, so the client refuses it as it is made.
"""

from __future__ import annotations

__all__ = ["unresolvable"]


def unresolvable(host: str) -> str | None:
    """Why no lookup of `host` can succeed, in words that follow "its host ..."; None when
    it may (DNS alone knows whether the name exists)."""
    try:
        host.encode("idna")
    except UnicodeError:
        return (
            f"{host!r} is no name DNS can look up: a part between its dots is empty or over 63 "
            "characters, or it holds a character no name can"
        )
    return None
