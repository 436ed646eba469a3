# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 64c8e52748854b3f8cdb5d5eeb17bbe1edd98e1848b62294ae514f4d75ae4372
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
