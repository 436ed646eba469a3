"""Idempotency keys: one per call of a write, made once and sent with each of its retries.

The header is the IETF draft's (draft-ietf-httpapi-idempotency-key-header): an RFC 8941
string. The SDK makes a UUIDv4 when the caller gives no key; a caller's own key (say,
derived from a job's id) is checked here before anything is sent.
"""

from __future__ import annotations

import os

from .errors import InvalidArgumentError

__all__ = ["checked_key", "new_key", "sf_string"]


def new_key() -> str:
    """A random UUID (version 4), as `str(uuid.uuid4())` gives, without its class's cost."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # the RFC 9562 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def checked_key(operation: str, key: object) -> str:
    """A caller's own key: 1 to 255 printable ASCII characters, as the API accepts."""
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
