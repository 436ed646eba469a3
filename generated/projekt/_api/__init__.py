# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 2d6ff275434277392b4ff5fe8eb07abc547977b97ae4160b1f489151f6172297
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
