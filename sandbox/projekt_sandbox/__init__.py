"""A local Projekt API server that implements openapi.yaml, backed by SQLite."""

from .app import create_app

__all__ = ["create_app"]
