"""One handler per operationId in openapi.yaml. app.py binds them to the spec's
routes and checks the inputs; handlers only apply the business rules. Every
query is scoped to the caller's organization."""

from __future__ import annotations

from typing import Any

import projekt_sandbox._models as models

from .operations import ApiError, Context, Result, not_found, operation, out
from .paging import page, public
from .store import KEY_ROLES, new_id, now, rank


def require(row: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if row is None:
        raise not_found(what)
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
