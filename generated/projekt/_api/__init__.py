# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: c6a82d6a7ee29b5786a63b676c3774f56d884574bbdc8ae1dc2ff20ea40ea289
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
