# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 97b9809e9e91631949827c9a23aac5ba26764803f67a5f6d5defffa55ac05771
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
