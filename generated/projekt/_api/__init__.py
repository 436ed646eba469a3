# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 0e6ca3fad043e3498bcca42336c8359f0821bd64562f29fbce2418eb4a2126fa
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
