"""SQLite persistence, through the standard library only.

API keys are stored as SHA-256 hashes: the plaintext exists once, in the mint
response, which the idempotency record keeps sealed (sealing.py). Every query that
reads tenant data is scoped by org_id.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import string
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .sealing import Sealer

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    username TEXT NOT NULL UNIQUE, locale TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS orgs (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS memberships (
    id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id),
    user_id TEXT NOT NULL REFERENCES users(id), role TEXT NOT NULL, UNIQUE (org_id, user_id));
CREATE TABLE IF NOT EXISTS projects (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL REFERENCES orgs(id), name TEXT NOT NULL, key TEXT NOT NULL,
    description TEXT, created_at TEXT NOT NULL, UNIQUE (org_id, key));
CREATE TABLE IF NOT EXISTS issues (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL REFERENCES orgs(id), project_id TEXT NOT NULL REFERENCES projects(id),
    title TEXT NOT NULL, description TEXT, status TEXT NOT NULL, priority TEXT NOT NULL,
    assignee_id TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS comments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL REFERENCES orgs(id), issue_id TEXT NOT NULL REFERENCES issues(id),
    author_id TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    membership_id TEXT NOT NULL REFERENCES memberships(id),
    name TEXT NOT NULL, token_prefix TEXT NOT NULL, token_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL, last_used_at TEXT, revoked_at TEXT);
CREATE INDEX IF NOT EXISTS api_keys_prefix ON api_keys (token_prefix);
CREATE TABLE IF NOT EXISTS idempotency_keys (
    membership_id TEXT NOT NULL, org_id TEXT NOT NULL, key TEXT NOT NULL,
    fingerprint TEXT NOT NULL, status INTEGER NOT NULL, headers TEXT NOT NULL,
    body TEXT NOT NULL, expires_at REAL NOT NULL, PRIMARY KEY (membership_id, org_id, key));
CREATE INDEX IF NOT EXISTS idempotency_keys_expiry ON idempotency_keys (expires_at);
"""

TABLES_CHILDREN_FIRST = (
    "idempotency_keys",
    "api_keys",
    "comments",
    "issues",
    "projects",
    "memberships",
    "orgs",
    "users",
)
KEY_ROLES = frozenset({"owner", "admin", "manager"})
# Highest first. A role the sandbox does not know ranks as a guest (the least privilege).
ROLES = ("owner", "admin", "manager", "member", "guest")


def effective_role(role: str) -> str:
    return role if role in ROLES else "guest"


def rank(role: str) -> int:
    """0 for an owner; higher numbers for less privileged roles."""
    return ROLES.index(effective_role(role))


BASE62 = string.ascii_letters + string.digits


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id() -> str:
    return str(uuid.uuid4())


def sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Caller:
    """Who a valid API key acts as."""

    key_id: str
    org_id: str
    membership_id: str
    user_id: str
    role: str


def _tables_unlike_this_release(db: sqlite3.Connection) -> list[str]:
    """The tables of the file whose columns differ from the ones SCHEMA makes: a file another
    release of the sandbox made, whose requests would otherwise fail one by one, as 500s."""
    made = sqlite3.connect(":memory:")
    try:
        made.executescript(SCHEMA)
        changed = []
        for table in reversed(TABLES_CHILDREN_FIRST):
            found = [tuple(column) for column in db.execute(f"PRAGMA table_info({table})")]
            if found and found != made.execute(f"PRAGMA table_info({table})").fetchall():
                changed.append(table)
        return changed
    finally:
        made.close()


def _unopenable(path: Path) -> str | None:
    """What sqlite's "unable to open database file" means of this path, which it does not say."""
    if path.is_dir():
        return "it is a folder; give the path of a file in it"
    if not path.absolute().parent.is_dir():
        return f"its folder {path.absolute().parent} does not exist"
    return None


class Store:
    def __init__(self, path: Path | str) -> None:
        if why := _unopenable(Path(path)):
            raise sqlite3.OperationalError(why)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        if changed := _tables_unlike_this_release(self._db):
            self._db.close()
            raise sqlite3.DatabaseError(
                f"the columns of {', '.join(changed)} are not those this projekt-sandbox makes: "
                "another release made it. Start from a new file (delete it, or give another path)"
            )
        self._db.executescript(SCHEMA)  # makes the tables a file lacks, and changes no other
        self.sealer = Sealer.beside(path)  # for what the database keeps but must not show
        # Re-entrant: a handler's writes join the transaction the idempotency record is in.
        self._lock = threading.RLock()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction; inside another one (on this thread), part of that one."""
        with self._lock:
            if self._db.in_transaction:
                yield self._db
                return
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def one(self, sql: str, *args: Any) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute(sql, args).fetchone()
        return dict(row) if row else None

    def all(self, sql: str, *args: Any) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(row) for row in self._db.execute(sql, args).fetchall()]

    def insert(self, table: str, **values: Any) -> dict[str, Any]:
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        with self.transaction() as db:
            db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values()))
        return values

    def reset(self) -> None:
        """Empties every table, as if the database had just been created."""
        with self.transaction() as db:
            for table in TABLES_CHILDREN_FIRST:
                db.execute(f"DELETE FROM {table}")
            db.execute("DELETE FROM sqlite_sequence")

    # API keys -----------------------------------------------------------------

    def mint_key(
        self, membership_id: str, name: str, key_id: str | None = None
    ) -> tuple[dict[str, Any], str]:
        membership = self.one("SELECT * FROM memberships WHERE id = ?", membership_id)
        if membership is None:
            raise LookupError(membership_id)
        token = "pjk_live_" + "".join(secrets.choice(BASE62) for _ in range(32))
        row = self.insert(
            "api_keys",
            id=key_id or new_id(),
            org_id=membership["org_id"],
            membership_id=membership_id,
            name=name,
            token_prefix=token[:13],
            token_sha256=sha256(token),
            created_at=now(),
            last_used_at=None,
            revoked_at=None,
        )
        return row, token

    def authenticate(self, token: str) -> Caller | None:
        """The caller a token acts as, or None. Hashes are compared in constant time."""
        digest = sha256(token)
        match = None
        for row in self.all("SELECT * FROM api_keys WHERE token_prefix = ?", token[:13]):
            if hmac.compare_digest(row["token_sha256"], digest):
                match = row
        if match is None or match["revoked_at"] is not None:
            return None
        membership = self.one("SELECT * FROM memberships WHERE id = ?", match["membership_id"])
        if membership is None:
            return None
        with self.transaction() as db:
            db.execute("UPDATE api_keys SET last_used_at = ? WHERE id = ?", (now(), match["id"]))
        return Caller(
            match["id"],
            match["org_id"],
            membership["id"],
            membership["user_id"],
            membership["role"],
        )
