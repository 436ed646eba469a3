"""Small helpers the pipeline scripts (and tests) share for reading openapi.yaml."""

from __future__ import annotations

import re
from typing import Any

from projekt_sandbox.spec import resolve

__all__ = ["ORG_SCHEME", "org_scoped", "resolve", "snake"]

# The security scheme of the X-Org-Id header; the token is the other one.
ORG_SCHEME = "orgId"


def snake(name: str) -> str:
    """SDK naming: `listMyOrgs` -> `list_my_orgs`, `api-keys` -> `api_keys`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").replace(" ", "_").lower()


def org_scoped(spec: dict[str, Any], op: dict[str, Any]) -> bool:
    """Does the operation act inside an organization (its security requires the org scheme)?"""
    return any(ORG_SCHEME in requirement for requirement in op.get("security", spec["security"]))
