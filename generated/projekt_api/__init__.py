# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: a03754677f9b4b1d71d723156e231a2fccd15e23eadcf202c5ca40530eeb4db3
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
