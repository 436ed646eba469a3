"""Idempotency keys: one per call of a write, made once and sent with each of its retries.

The header is the IETF draft's (draft-ietf-httpapi-idempotency-key-header): an RFC 8941
string. The SDK makes a UUIDv4 when the caller gives no key; a caller's own key (say,
derived from a job's id) is checked here before anything is sent.
"""

from __future__ import annotations

import uuid

from projekt._runtime.errors.exceptions import InvalidArgumentError

__all__ = ["checked_key", "new_key", "sf_string"]


def new_key() -> str:
    """A random UUID (version 4)."""
    return str(uuid.uuid4())


def checked_key(operation: str, key: object) -> str:
    """A caller's own key: 1 to 255 printable ASCII characters, as the API accepts; a
    `uuid.UUID` as its text, as an id held as one goes out."""
    if isinstance(key, uuid.UUID):
        key = str(key)
    valid = isinstance(key, str) and 1 <= len(key) <= 255 and key.isascii() and key.isprintable()
    if not valid:
        raise InvalidArgumentError(
            f"{operation}(): idempotency_key must be 1 to 255 printable ASCII characters "
            "(for example a UUID, or one derived from your job's id). Nothing was sent."
        )
    return str(key)


def sf_string(value: str) -> str:
    """`value` as an RFC 8941 string, the form the Idempotency-Key draft specifies."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
