# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: f7248dfbc0e4f88dea80329181c8c8f66f8d6ae5bf58f0103c89cddc54c640ec
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
