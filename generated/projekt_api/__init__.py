# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: dcc00c836a0129a3801288c213abc155e34cf503c37bd60098f230f9cc4ddb8e
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
