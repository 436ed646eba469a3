"""The Python SDK for the Projekt API."""

__version__ = "0.1.0"

__all__ = ["__version__"]
