"""Whom the SDK's own connections trust: one SSL context per process for each set of CA
certificates.

Loading the CA bundle was most of what making a client cost, in time and in memory (a
context holds every certificate it trusts). A context is made to be shared by many
connections, so clients that trust the same certificates share one: a service that makes
a client per tenant, or a test suite one per test, loads the bundle once.
What httpx reads from the environment (SSL_CERT_FILE, SSL_CERT_DIR, SSLKEYLOGFILE) picks
the context, and so does the CA file's state (its modification time, size and inode): a
client made after these change, or after a renewed bundle replaces the file (written over
it, or swapped in as a mounted secret is), trusts what they say then.
Each connection sets the same ALPN protocols on it (HTTP/1.1), so sharing it changes
nothing a connection sees.
"""

from __future__ import annotations

import functools
import os
import ssl

import httpx

from projekt._runtime.errors.exceptions import ConfigurationError

__all__ = ["ssl_context"]

_READ_BY_HTTPX = ("SSL_CERT_FILE", "SSL_CERT_DIR", "SSLKEYLOGFILE")


def ssl_context(trust_env: bool) -> ssl.SSLContext:
    """The context for connections that honour the environment's CA settings, or not."""
    if not trust_env:
        return _shared(False, (), None)
    settings = tuple(os.environ.get(name) for name in _READ_BY_HTTPX)
    return _shared(True, settings, _state(settings[0]))


def _state(path: str | None) -> tuple[int, int, int] | None:
    try:
        found = os.stat(path) if path else None
    except OSError:
        return None  # httpx says what is wrong with it (below)
    return None if found is None else (found.st_mtime_ns, found.st_size, found.st_ino)


@functools.lru_cache(maxsize=8)
def _shared(
    trust_env: bool, settings: tuple[str | None, ...], state: tuple[int, int, int] | None
) -> ssl.SSLContext:
    """`settings` and `state` only key the cache: httpx reads the environment itself.
    A failure is not cached, so each client made while it lasts says so."""
    try:
        return httpx.create_ssl_context(trust_env=trust_env)
    except OSError as error:  # ssl.SSLError too: a file, but not of certificates
        # httpx raises it bare (FileNotFoundError: "No such file or directory"), naming nothing.
        cafile = settings[0] if settings else None
        said = f"The CA certificates cannot be loaded ({error})"
        if cafile:
            said = f"SSL_CERT_FILE={cafile!r} cannot be loaded ({error}): correct or unset it, "
            said += "or pass trust_env=False"
        raise ConfigurationError(said + ".") from None
