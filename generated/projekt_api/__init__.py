# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 8eb3ccf7a947c580db3bff5bac7aad9f63648e56a8c5bce4b7a80c70a820c50d
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
