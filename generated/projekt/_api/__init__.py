# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 4bf35e9a8797efb8e0ce9d3bf9bb9ab0104e4eacc441ae0d17b373bd306fdf60
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
