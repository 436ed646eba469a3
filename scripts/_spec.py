"""Small helpers the pipeline scripts share for reading openapi.yaml."""

from __future__ import annotations

import re
from typing import Any


def snake(name: str) -> str:
    """SDK naming: `listMyOrgs` -> `list_my_orgs`, `api-keys` -> `api_keys`."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").replace(" ", "_").lower()


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follows local `$ref`s to the node they name."""
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node
