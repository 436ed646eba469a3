"""Idempotency-Key: a retried write acts at most once (openapi.yaml, "Idempotency").

The key's record (the request's fingerprint and its answer) is written in the
same SQLite transaction as the write itself, so the two survive a crash
together: an answered write is replayable, and a write whose transaction never
committed never happened and runs again. While a key's first request is being
processed, another one with the key is a 409; that state lives in memory only,
so a crash cannot leave a key stuck.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .operations import ApiError, Context, Result, retry_in
from .store import Caller, Store

__all__ = ["Idempotency", "key_of"]

HEADER = "Idempotency-Key"
KEPT_SECONDS = 24 * 3600
IN_USE_RETRY_AFTER = "1"
# RFC 8941 sf-string of printable ASCII (\" and \\ escaped), or the bare form
# Stripe-style clients send (no quotes, no spaces).
_SF_STRING = re.compile(r'"((?:[ !#-\[\]-~]|\\["\\])*)"')
_BARE = re.compile(r"[!#-~]+")
_ESCAPE = re.compile(r'\\(["\\])')


def key_of(headers: Any) -> str | None:
    """The Idempotency-Key a request carries (None without one); a malformed one is a 400."""
    raw = headers.get(HEADER)
    if raw is None:
        return None
    quoted = _SF_STRING.fullmatch(raw.strip())
    key = _ESCAPE.sub(r"\1", quoted.group(1)) if quoted else raw.strip()
    if not 1 <= len(key) <= 255 or (quoted is None and not _BARE.fullmatch(key)):
        raise ApiError(
            400,
            "invalid_idempotency_key",
            "The Idempotency-Key must be a string of 1 to 255 printable ASCII characters, "
            'such as "8e03978e-40d5-43e8-bc93-6894a57f9324".',
        )
    return key


class Idempotency:
    """The keys being processed now, and the replay of those already answered."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._in_flight: set[tuple[str, str, str]] = set()
        self._lock = threading.Lock()

    @contextmanager
    def claim(self, caller: Caller, key: str) -> Iterator[None]:
        """Holds the key while its request is processed; a second holder gets a 409."""
        scope = (caller.membership_id, caller.org_id, key)
        with self._lock:
            if scope in self._in_flight:
                raise ApiError(
                    409,
                    "idempotency_key_in_use",
                    "A request with this Idempotency-Key is still being processed. "
                    + retry_in(IN_USE_RETRY_AFTER),
                    headers={"Retry-After": IN_USE_RETRY_AFTER},
                )
            self._in_flight.add(scope)
        try:
            yield
        finally:
            with self._lock:
                self._in_flight.discard(scope)

    def busy(self) -> bool:
        """Is any key's request being processed now?"""
        with self._lock:
            return bool(self._in_flight)

    def run(self, ctx: Context, operation_id: str, key: str, act: Callable[[], Result]) -> Result:
        """The first answer to this key and request, replayed; else `act()`'s, remembered."""
        scope = (ctx.caller.membership_id, ctx.caller.org_id, key)
        fingerprint = _fingerprint(ctx, operation_id)
        now = clock()
        with self.store.transaction() as db:
            db.execute("DELETE FROM idempotency_keys WHERE expires_at <= ?", (now,))
            first = db.execute(
                "SELECT fingerprint, status, headers, body FROM idempotency_keys "
                "WHERE membership_id = ? AND org_id = ? AND key = ?",
                scope,
            ).fetchone()
            if first is not None:
                return _replay(first, fingerprint, self.store.sealer.open(first["body"]))
            result = act()
            if 200 <= result.status < 300:  # only a write that acted is kept
                db.execute(
                    "INSERT INTO idempotency_keys VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        *scope,
                        fingerprint,
                        result.status,
                        json.dumps(result.headers),
                        self.store.sealer.seal(json.dumps(result.body)),  # a token, maybe
                        now + KEPT_SECONDS,
                    ),
                )
        return result


def clock() -> float:
    """Seconds since the epoch: when a key was stored, and when it expires."""
    return time.time()


def _fingerprint(ctx: Context, operation_id: str) -> str:
    """What makes two requests the same: operation, path, org and body (as JSON)."""
    body = ctx.body.model_dump(mode="json", exclude_unset=True) if ctx.body is not None else None
    text = json.dumps([operation_id, ctx.path, ctx.org_id, body], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _replay(first: Any, fingerprint: str, body: str | None) -> Result:
    if first["fingerprint"] != fingerprint:
        raise ApiError(
            422,
            "idempotency_key_reused",
            "This Idempotency-Key was already used for a different request. "
            "Use a new key for each intended write.",
        )
    if body is None:  # the write acted, but its answer cannot be read back
        raise ApiError(
            500,
            "internal_error",
            "The answer kept for this Idempotency-Key cannot be read: the sandbox's key "
            "file beside its database was replaced. The write was made once.",
        )
    headers = {**json.loads(first["headers"]), "Idempotent-Replayed": "true"}
    return Result(first["status"], json.loads(body), headers)
