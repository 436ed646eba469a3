# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: e29b935bc9d3f0d5b326dfe8964e93bf7a99467221ab6fb11ce1c46cc5d344af
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
