# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: f1e58ea3446b85e0063172da9445b92bc2e37fc87b7c6b1df093957a1d079987
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
