# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 615c41d7c5271eb3f958149cc8ba3dd79d93663f85fa8cc47fa2b4e3041abe07
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
