"""Sealed text: what the database keeps but must not give away.

The answer to a write is kept for its Idempotency-Key's replays (idempotency.py), and
the answer to `POST /api-keys` carries the new key's token, in plaintext, once. So the
database keeps every such answer sealed: encrypted and authenticated with a key kept in a
file beside it (`<database>.key`, readable by its owner only), and the database alone
shows no token. The standard library has no cipher: the keystream is SHAKE-256 of the key
and a random nonce, and HMAC-SHA256 authenticates the nonce and the ciphertext
(encrypt-then-MAC), each with a key of its own derived from the file's.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
from pathlib import Path

__all__ = ["Sealer"]

KEY_BYTES, NONCE_BYTES, TAG_BYTES = 32, 16, 32
# Text without it was kept unsealed, by a sandbox before 0.15.4: it reads as it is.
PREFIX = "sealed:v1:"


class Sealer:
    def __init__(self, key: bytes) -> None:
        self._stream_key = hashlib.sha256(b"projekt-sandbox stream\0" + key).digest()
        self._tag_key = hashlib.sha256(b"projekt-sandbox tag\0" + key).digest()

    @classmethod
    def beside(cls, database: Path | str) -> Sealer:
        """The sealer of the database at `database`, whose key file is made on first use
        (by whichever process comes first); an in-memory database's key lives with it."""
        if str(database) in ("", ":memory:"):
            return cls(secrets.token_bytes(KEY_BYTES))
        path = Path(f"{database}.key")
        if not path.exists():
            # Written whole under another name, then linked: a process that finds the file
            # always reads a whole key, and of two processes racing, one key wins.
            draft = path.with_name(f"{path.name}.{secrets.token_hex(8)}")
            descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as file:
                file.write(secrets.token_bytes(KEY_BYTES))
            try:
                os.link(draft, path)
            except FileExistsError:
                pass
            except OSError:  # a file system without hard links: the last one written wins
                os.replace(draft, path)
            finally:
                draft.unlink(missing_ok=True)
        return cls(path.read_bytes())

    def seal(self, text: str) -> str:
        nonce = secrets.token_bytes(NONCE_BYTES)
        plain = text.encode()
        cipher = _xor(plain, self._keystream(nonce, len(plain)))
        tag = hmac.digest(self._tag_key, nonce + cipher, "sha256")
        return PREFIX + base64.b64encode(nonce + tag + cipher).decode()

    def open(self, sealed: str) -> str | None:
        """The text `seal` sealed; None when this key did not seal it (the key file was
        replaced, or the text altered)."""
        if not sealed.startswith(PREFIX):
            return sealed
        try:
            raw = base64.b64decode(sealed.removeprefix(PREFIX), validate=True)
        except binascii.Error:  # not base64 at all: altered
            return None
        nonce, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES : NONCE_BYTES + TAG_BYTES]
        cipher = raw[NONCE_BYTES + TAG_BYTES :]
        if not hmac.compare_digest(tag, hmac.digest(self._tag_key, nonce + cipher, "sha256")):
            return None
        return _xor(cipher, self._keystream(nonce, len(cipher))).decode()

    def _keystream(self, nonce: bytes, size: int) -> bytes:
        return hashlib.shake_256(self._stream_key + nonce).digest(size)


def _xor(data: bytes, stream: bytes) -> bytes:
    return (int.from_bytes(data, "big") ^ int.from_bytes(stream, "big")).to_bytes(len(data), "big")
