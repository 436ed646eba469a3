"""What the pipeline scripts share for reading openapi.yaml: the spec, loaded once
(projekt_sandbox.openapi, the same reader the sandbox uses), and the SDK's naming rules."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from projekt_sandbox.openapi import Operation, load, open_enums, operations, resolve

__all__ = [
    "ORG_SCHEME",
    "SPEC",
    "Operation",
    "open_enums",
    "operations",
    "org_scoped",
    "resolve",
    "snake",
    "spec",
]

SPEC = Path(__file__).resolve().parent.parent / "openapi.yaml"
# The security scheme of the X-Org-Id header; the token is the other one.
ORG_SCHEME = "orgId"


def spec() -> dict[str, Any]:
    """openapi.yaml, read once (YAML 1.2, as the generator reads it). Do not mutate it."""
    return load(SPEC)


def snake(name: str) -> str:
    """SDK naming: `listMyOrgs` -> `list_my_orgs`, `api-keys` -> `api_keys`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").replace(" ", "_").lower()


def org_scoped(spec: dict[str, Any], op: dict[str, Any]) -> bool:
    """Does the operation act inside an organization (its security requires the org scheme)?"""
    return any(ORG_SCHEME in requirement for requirement in op.get("security", spec["security"]))
