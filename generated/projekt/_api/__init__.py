# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 8bab54d0c0ccd04413365be38dc62363d8f9ae1b37c73849a9c060a0aeb31efc
"""A client library for accessing Projekt API"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = (
    "AuthenticatedClient",
    "Client",
)
