# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 57cc9f2b904eac5a262b8d6d39dd0566b40c80e588d945cf91930f34d4d6cb10
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
