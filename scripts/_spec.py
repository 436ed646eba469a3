"""Small helpers the pipeline scripts (and tests) share for reading openapi.yaml."""

from __future__ import annotations

import re

from projekt_sandbox.spec import resolve

__all__ = ["resolve", "snake"]


def snake(name: str) -> str:
    """SDK naming: `listMyOrgs` -> `list_my_orgs`, `api-keys` -> `api_keys`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").replace(" ", "_").lower()
