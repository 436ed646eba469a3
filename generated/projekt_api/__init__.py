# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: dcc00c836a0129a3801288c213abc155e34cf503c37bd60098f230f9cc4ddb8e
"""A client library for accessing Projekt API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
