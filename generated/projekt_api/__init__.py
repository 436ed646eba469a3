# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 0ff5d90a6d16ad75310a9de41ce97f9d96a9af8652f20c64f171a6745e80b4af
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
