"""One handler per operationId in openapi.yaml. app.py binds them to the spec's
routes and checks the inputs; handlers only apply the business rules. Every
query is scoped to the caller's organization."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from typing import Any

import projekt_sandbox_models as models

from .operations import ApiError, Context, Result, operation, out
from .seed import EXAMPLE_IDS
from .store import KEY_ROLES, new_id, now, rank

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


def require(row: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if row is None:
        raise ApiError(404, "not_found", f"No {what} with that id exists in this organization.")
    return row


def check_assignee(ctx: Context, assignee_id: str | None) -> None:
    if assignee_id is None:
        return
    member = ctx.store.one(
        "SELECT 1 FROM memberships WHERE org_id = ? AND user_id = ?",
        ctx.org_id,
        assignee_id.lower(),
    )
    if member is None:
        raise ApiError(
            404, "not_found", "No member with that assignee_id exists in this organization."
        )


# me ---------------------------------------------------------------------------


@operation("getMe")
def get_me(ctx: Context) -> Result:
    user = require(ctx.store.one("SELECT * FROM users WHERE id = ?", ctx.caller.user_id), "user")
    return Result(200, out(models.User, user))


@operation("listMyOrgs")
def list_my_orgs(ctx: Context) -> Result:
    memberships = ctx.store.all(
        "SELECT m.id AS employee_id, o.id AS org_id, o.name AS org_name, o.slug AS org_slug, "
        "m.role "
        "FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.user_id = ? ORDER BY o.slug",
        ctx.caller.user_id,
    )
    for membership in memberships:
        membership["projects"] = ctx.store.all(
            "SELECT id, name, key FROM projects WHERE org_id = ? ORDER BY seq", membership["org_id"]
        )
    return Result(200, out(models.MyOrgs, {"orgs": memberships, "count": len(memberships)}))


# issues -------------------------------------------------------------------------


def find_issue(ctx: Context) -> dict[str, Any]:
    issue = ctx.store.one(
        "SELECT * FROM issues WHERE id = ? AND org_id = ?", ctx.path["issue_id"].lower(), ctx.org_id
    )
    return require(issue, "issue")


@operation("listIssues")
def list_issues(ctx: Context) -> Result:
    project_id = ctx.query["project_id"].lower()
    require(
        ctx.store.one("SELECT 1 FROM projects WHERE id = ? AND org_id = ?", project_id, ctx.org_id),
        "project",
    )
    return page(
        ctx,
        models.IssueSummary,
        "SELECT * FROM issues WHERE project_id = ? AND org_id = ?",
        project_id,
        ctx.org_id,
    )


@operation("createIssue")
def create_issue(ctx: Context) -> Result:
    body: models.IssueCreate = ctx.body
    project_id = body.project_id.lower()
    require(
        ctx.store.one("SELECT 1 FROM projects WHERE id = ? AND org_id = ?", project_id, ctx.org_id),
        "project",
    )
    check_assignee(ctx, body.assignee_id)
    stamp = now()
    issue = ctx.store.insert(
        "issues",
        id=new_id(),
        org_id=ctx.org_id,
        project_id=project_id,
        title=body.title,
        description=body.description,
        status=plain(body.status) or "Backlog",
        priority=plain(body.priority) or "medium",
        assignee_id=body.assignee_id.lower() if body.assignee_id else None,
        created_at=stamp,
        updated_at=stamp,
    )
    return Result(201, out(models.Issue, public(issue)))


def plain(value: Any) -> Any:
    """An open-enum value as its string (pydantic wraps unknown values in a RootModel)."""
    return getattr(value, "root", value)


@operation("getIssue")
def get_issue(ctx: Context) -> Result:
    return Result(200, out(models.Issue, public(find_issue(ctx))))


@operation("updateIssue")
def update_issue(ctx: Context) -> Result:
    issue = find_issue(ctx)
    body: models.IssueUpdate = ctx.body
    changes = {name: plain(getattr(body, name)) for name in body.model_fields_set}
    if not changes:
        raise ApiError(
            422,
            "validation_failed",
            "Send at least one field to change.",
            [{"field": "body", "message": "No fields to change."}],
        )
    if "assignee_id" in changes:
        check_assignee(ctx, changes["assignee_id"])
        changes["assignee_id"] = changes["assignee_id"] and changes["assignee_id"].lower()
    changes["updated_at"] = now()
    assignments = ", ".join(f"{name} = ?" for name in changes)
    with ctx.store.transaction() as db:
        db.execute(
            f"UPDATE issues SET {assignments} WHERE id = ?", (*changes.values(), issue["id"])
        )
    return Result(200, out(models.Issue, public({**issue, **changes})))


@operation("deleteIssue")
def delete_issue(ctx: Context) -> Result:
    issue = find_issue(ctx)
    with ctx.store.transaction() as db:
        db.execute("DELETE FROM comments WHERE issue_id = ?", (issue["id"],))
        db.execute("DELETE FROM issues WHERE id = ?", (issue["id"],))
    return Result(204)


# comments -----------------------------------------------------------------------


@operation("listComments")
def list_comments(ctx: Context) -> Result:
    issue = find_issue(ctx)
    return page(
        ctx,
        models.Comment,
        "SELECT * FROM comments WHERE issue_id = ? AND org_id = ?",
        issue["id"],
        ctx.org_id,
    )


@operation("createComment")
def create_comment(ctx: Context) -> Result:
    issue = find_issue(ctx)
    body: models.CommentCreate = ctx.body
    comment = ctx.store.insert(
        "comments",
        id=new_id(),
        org_id=ctx.org_id,
        issue_id=issue["id"],
        author_id=ctx.caller.user_id,
        body=body.body,
        created_at=now(),
    )
    return Result(201, out(models.Comment, public(comment)))


# projects -----------------------------------------------------------------------


@operation("listProjects")
def list_projects(ctx: Context) -> Result:
    return page(ctx, models.Project, "SELECT * FROM projects WHERE org_id = ?", ctx.org_id)


@operation("createProject")
def create_project(ctx: Context) -> Result:
    body: models.ProjectCreate = ctx.body
    if ctx.store.one("SELECT 1 FROM projects WHERE org_id = ? AND key = ?", ctx.org_id, body.key):
        raise ApiError(409, "conflict", f"A project with key {body.key} already exists.")
    project = ctx.store.insert(
        "projects",
        id=new_id(),
        org_id=ctx.org_id,
        name=body.name,
        key=body.key,
        description=body.description,
        created_at=now(),
    )
    return Result(201, out(models.Project, public(project)))


@operation("getProject")
def get_project(ctx: Context) -> Result:
    project = ctx.store.one(
        "SELECT * FROM projects WHERE id = ? AND org_id = ?",
        ctx.path["project_id"].lower(),
        ctx.org_id,
    )
    return Result(200, out(models.Project, public(require(project, "project"))))


# api keys -----------------------------------------------------------------------


KEY_COLUMNS = (
    "k.seq, k.id, k.name, k.token_prefix, m.role, k.created_at, k.last_used_at, k.revoked_at, "
    "k.membership_id FROM api_keys k JOIN memberships m ON m.id = k.membership_id"
)


@operation("listApiKeys")
def list_api_keys(ctx: Context) -> Result:
    if ctx.caller.role in KEY_ROLES:
        return page(
            ctx,
            models.ApiKey,
            f"SELECT * FROM (SELECT {KEY_COLUMNS} WHERE k.org_id = ?) WHERE 1",
            ctx.org_id,
            newest_first=True,
        )
    return page(  # members and guests see only their own keys
        ctx,
        models.ApiKey,
        f"SELECT * FROM (SELECT {KEY_COLUMNS} WHERE k.org_id = ? AND k.membership_id = ?) WHERE 1",
        ctx.org_id,
        ctx.caller.membership_id,
        newest_first=True,
    )


@operation("createApiKey")
def create_api_key(ctx: Context) -> Result:
    body: models.ApiKeyCreate = ctx.body
    row, token = ctx.store.mint_key(ctx.caller.membership_id, body.name)
    key = ctx.store.one(f"SELECT {KEY_COLUMNS} WHERE k.id = ?", row["id"])
    return Result(201, out(models.ApiKeyCreated, {**public(require(key, "key")), "token": token}))


@operation("revokeApiKey")
def revoke_api_key(ctx: Context) -> Result:
    key = ctx.store.one(
        f"SELECT {KEY_COLUMNS} WHERE k.id = ? AND k.org_id = ?",
        ctx.path["key_id"].lower(),
        ctx.org_id,
    )
    key = require(key, "API key")
    if rank(key["role"]) < rank(ctx.caller.role):
        raise ApiError(
            403, "forbidden", f"A {ctx.caller.role} may not revoke a {key['role']}'s key."
        )
    with ctx.store.transaction() as db:
        db.execute(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
            (now(), key["id"]),
        )
    return Result(204)
