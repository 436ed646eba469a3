# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: d6e08e405bdbf7dc0cadcc0c5710bfd31ab88431f6ceed4c78b29e2350204b9e
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
