# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: cdebd6db5afd9c422cd75af8b8cdb1a0ebc540fa1055f2bfe34e29c9c6b715d1
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
