"""The demo data, created once per database, and minting keys for it."""

from __future__ import annotations

from typing import Any

from .store import Store, new_id, now

USERS = [
    ("you@example.com", "You", "you", "es"),
    ("member@example.com", "Member", "member", "en"),
    ("other@example.com", "Other", "other", "en"),
    ("admin@example.com", "Admin", "admin", "en"),
    ("manager@example.com", "Manager", "manager", "en"),
    ("guest@example.com", "Guest", "guest", "en"),
]
ORGS = [("Acme Inc", "acme"), ("Globex", "globex")]
MEMBERSHIPS = [
    ("you@example.com", "acme", "owner"),
    ("member@example.com", "acme", "member"),
    ("other@example.com", "globex", "owner"),
    ("admin@example.com", "acme", "admin"),
    ("manager@example.com", "acme", "manager"),
    ("guest@example.com", "acme", "guest"),
]
PROJECTS = [("acme", "Website redesign", "WEB"), ("globex", "Hammock factory", "HAM")]
ISSUES = [
    ("Fix login bug", "In Progress", "high", "Users are logged out after one minute."),
    ("Write the launch post", "Backlog", "medium", None),
    ("Compress hero images", "Todo", "low", "The landing page ships 4 MB of PNGs."),
    ("Add dark mode", "Backlog", "low", None),
    ("Migrate DNS", "Done", "urgent", "Moved to the new provider; TTLs lowered first."),
    ("Replace the carousel", "Canceled", "none", None),
]


# The ids the examples in openapi.yaml use, so that every example (in the docs'
# console too) works against a freshly seeded sandbox as written.
EXAMPLE_IDS = {
    "you@example.com": "ad8c5e1f-3b2a-4c7d-9e0f-1a2b3c4d5e6f",
    "acme": "9f1c7a2e-6d4b-4e8a-b3c1-2f5d6e7a8b9c",
    "you@acme": "5b7e9d1c-2a4f-4b6e-8c0d-3e5f7a9b1c2d",
    "WEB": "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b",
    "Fix login bug": "7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d",
    "CI pipeline": "2e4a6c8e-0b2d-4f6a-a8c0-4e6a8c0e2b4d",
    "the first comment": "6d8f0b2d-4e6a-4c8e-9a0b-3d5f7b9d1f3a",
}


def example_id(name: str) -> str:
    return EXAMPLE_IDS.get(name) or new_id()


def seed(store: Store) -> None:
    """Creates the demo data unless it is already there."""
    if store.one("SELECT 1 FROM users WHERE email = ?", "you@example.com"):
        return
    users = {email: example_id(email) for email, *_ in USERS}
    orgs = {slug: example_id(slug) for _, slug in ORGS}
    for email, name, username, locale in USERS:
        store.insert(
            "users", id=users[email], email=email, name=name, username=username, locale=locale
        )
    for name, slug in ORGS:
        store.insert("orgs", id=orgs[slug], name=name, slug=slug)
    for email, slug, role in MEMBERSHIPS:
        membership = example_id(f"{email.split('@')[0]}@{slug}")
        store.insert(
            "memberships", id=membership, org_id=orgs[slug], user_id=users[email], role=role
        )
    projects = {}
    for slug, name, key in PROJECTS:
        projects[slug] = example_id(key)
        store.insert(
            "projects",
            id=projects[slug],
            org_id=orgs[slug],
            name=name,
            key=key,
            description=None,
            created_at=now(),
        )
    for title, status, priority, description in ISSUES:
        assignee = users["you@example.com"] if status == "In Progress" else None
        _issue(
            store, orgs["acme"], projects["acme"], title, status, priority, description, assignee
        )
    # The key the spec's examples show (its token is never shown): revoking it, as
    # the revokeApiKey sample does, works on a fresh sandbox and locks nobody out.
    you_at_acme = example_id("you@acme")
    store.mint_key(you_at_acme, "CI pipeline", key_id=example_id("CI pipeline"))
    _issue(store, orgs["globex"], projects["globex"], "Globex-only issue", "Todo", "medium")
    store.insert(
        "comments",
        id=example_id("the first comment"),
        org_id=orgs["acme"],
        issue_id=example_id("Fix login bug"),
        author_id=users["you@example.com"],
        body="Reproduced on main; looks like a race in the token refresh.",
        created_at=now(),
    )


def _issue(
    store: Store,
    org_id: str,
    project_id: str,
    title: str,
    status: str,
    priority: str,
    description: str | None = None,
    assignee_id: str | None = None,
) -> None:
    stamp = now()
    store.insert(
        "issues",
        id=example_id(title),
        org_id=org_id,
        project_id=project_id,
        title=title,
        description=description,
        status=status,
        priority=priority,
        assignee_id=assignee_id,
        created_at=stamp,
        updated_at=stamp,
    )


def mint(store: Store, email: str, org_slug: str, name: str = "sandbox") -> dict[str, Any]:
    """Mints a key for a membership: {"api_key", "org_id", "project_id", "user_id"}.

    An email address and a slug are matched whatever their case, as a mail server matches an
    address; a miss names who or what there is, where it said "not a member" of an org that
    does not exist."""
    members = store.all(
        "SELECT m.id, m.org_id, m.user_id, u.email FROM memberships m "
        "JOIN users u ON u.id = m.user_id JOIN orgs o ON o.id = m.org_id "
        "WHERE lower(o.slug) = lower(?) ORDER BY u.email",
        org_slug,
    )
    found = [member for member in members if member["email"].lower() == email.lower()]
    if not members:
        slugs = ", ".join(org["slug"] for org in store.all("SELECT slug FROM orgs ORDER BY slug"))
        raise LookupError(f"no organization {org_slug!r} (the organizations: {slugs})")
    if not found:
        emails = ", ".join(member["email"] for member in members)
        raise LookupError(f"{email} is not a member of {org_slug} (its members: {emails})")
    membership = found[0]
    project = store.one(
        "SELECT id FROM projects WHERE org_id = ? ORDER BY seq LIMIT 1", membership["org_id"]
    )
    _, token = store.mint_key(membership["id"], name)
    return {
        "api_key": token,
        "org_id": membership["org_id"],
        "project_id": project["id"] if project else None,
        "user_id": membership["user_id"],
    }
