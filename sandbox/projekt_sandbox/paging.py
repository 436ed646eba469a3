"""Pages of a list: `limit` items in the list's order, and a `Link` to the next page.

A cursor is a keyset position: the id of the last item of the page, base64url
JSON (`{"after": "<id>"}`). Reading it, the sandbox looks that id up *inside the
same query* (the caller's org, the same filters) and continues after it. So a
cursor holds nothing its caller did not already see, needs no secret, survives a
restart, and one that is forged, altered or used in another query or org finds
no item there: a 400. The spec's example cursors are simply the cursors a fresh
sandbox issues after its seeded items.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from .operations import ApiError, Context, Result, out

__all__ = ["cursor_after", "page", "public"]


def cursor_after(item_id: str) -> str:
    """The cursor of the position after the item `item_id`."""
    position = json.dumps({"after": item_id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(position).decode().rstrip("=")


def _item_of(cursor: str) -> str:
    try:
        position = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error):  # not base64, not UTF-8, not JSON
        position = None
    item = position.get("after") if isinstance(position, dict) else None
    if not isinstance(item, str) or position.keys() != {"after"}:
        raise _refused()
    return item


def _refused() -> ApiError:
    return ApiError(400, "bad_request", "The cursor is not one this API issued for this query.")


def page(
    ctx: Context, model: type[Any], sql: str, *args: Any, newest_first: bool = False
) -> Result:
    """One page of `sql` (which selects rows with `seq` and `id`), with a Link to the next."""
    limit: int = ctx.query["limit"]
    cursor = ctx.query.get("cursor")
    if cursor is not None:
        after = ctx.store.one(f"SELECT seq FROM ({sql}) WHERE id = ?", *args, _item_of(cursor))
        if after is None:  # no such item in this query: forged, altered, or another's
            raise _refused()
        sql += " AND seq < ?" if newest_first else " AND seq > ?"
        args = (*args, after["seq"])
    sql += f" ORDER BY seq {'DESC' if newest_first else 'ASC'} LIMIT ?"
    rows = ctx.store.all(sql, *args, limit + 1)
    headers = {}
    if len(rows) > limit:
        rows = rows[:limit]
        headers["Link"] = ctx.link_to_next(cursor_after(rows[-1]["id"]))
    return Result(200, [out(model, public(row)) for row in rows], headers)


def public(row: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v for k, v in row.items() if k not in ("seq", "org_id", "token_sha256", "membership_id")
    }
