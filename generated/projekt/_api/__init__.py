# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: f3569983f4d9f9c91e2c9c4ccdc84ea9a82b5f37c6c8e2e8c4900c8aa5a92982
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
