"""Pages of a list: `limit` items in the list's order, and a `Link` to the next page.

A cursor carries the position itself: the sort key (`seq`, the row's place in the list's
order) and the id of the last item of the page, with a signature over them and the query
(its SQL and arguments, so the caller's org and filters), as base64url JSON. Reading it,
the sandbox continues after that position without looking the item up, so a cursor
survives the deletion of its item, or of the whole next page, and a restart. One that is
not base64url JSON of that shape is malformed; one whose signature does not match was
altered, forged, or issued for another query or org. Both are a 400 that says which.

The key is fixed: a cursor must be one the sandbox issued, and the same seed issues the
same cursors, which is what the spec's example cursors are. It keeps no secret (the
position says how many rows the sandbox's table held then).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any

from .operations import ApiError, Context, Result, out

__all__ = ["page", "public"]

_KEY = b"projekt-sandbox cursor v2"


def _signature(sql: str, args: tuple[Any, ...], seq: int, item_id: str) -> str:
    signed = json.dumps([sql, list(args), seq, item_id], separators=(",", ":")).encode()
    return hmac.new(_KEY, signed, hashlib.sha256).hexdigest()[:32]


def _cursor(sql: str, args: tuple[Any, ...], row: dict[str, Any]) -> str:
    position = {
        "after": [row["seq"], row["id"]],
        "sig": _signature(sql, args, row["seq"], row["id"]),
    }
    text = json.dumps(position, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(text).decode().rstrip("=")


def _position(cursor: str, sql: str, args: tuple[Any, ...]) -> int:
    """The sort key the cursor continues after; a 400 when it is not one issued here."""
    try:
        position = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error):  # not base64, not UTF-8, not JSON
        position = None
    shaped = isinstance(position, dict) and position.keys() == {"after", "sig"}
    after = position["after"] if shaped else None
    if not (shaped and isinstance(after, list) and len(after) == 2):
        raise _malformed()
    seq, item_id, sig = after[0], after[1], position["sig"]
    if not (type(seq) is int and isinstance(item_id, str) and isinstance(sig, str)):
        raise _malformed()
    if not hmac.compare_digest(sig, _signature(sql, args, seq, item_id)):
        raise ApiError(
            400,
            "bad_request",
            "The cursor was issued for another list (another query, filter or organization), "
            "or it was altered. Start from the first page, or copy the cursor whole from the "
            "Link header of the page before.",
        )
    return seq


def _malformed() -> ApiError:
    return ApiError(
        400,
        "bad_request",
        "The cursor is malformed: copy it whole from the Link header of the page before.",
    )


def page(
    ctx: Context, model: type[Any], sql: str, *args: Any, newest_first: bool = False
) -> Result:
    """One page of `sql` (which selects rows with `seq` and `id`), with a Link to the next."""
    limit: int = ctx.query["limit"]
    query, bound = sql, args  # what the cursor is bound to
    cursor = ctx.query.get("cursor")
    if cursor is not None:
        sql += " AND seq < ?" if newest_first else " AND seq > ?"
        args = (*args, _position(cursor, query, bound))
    sql += f" ORDER BY seq {'DESC' if newest_first else 'ASC'} LIMIT ?"
    rows = ctx.store.all(sql, *args, limit + 1)
    headers = {}
    if len(rows) > limit:
        rows = rows[:limit]
        headers["Link"] = ctx.link_to_next(_cursor(query, bound, rows[-1]))
    return Result(200, [out(model, public(row)) for row in rows], headers)


def public(row: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v for k, v in row.items() if k not in ("seq", "org_id", "token_sha256", "membership_id")
    }
