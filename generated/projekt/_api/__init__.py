# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: da4c2da4234849fe0753c1018aa625e4ec2c76d9f5f52af57aa5775387dc573d
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
