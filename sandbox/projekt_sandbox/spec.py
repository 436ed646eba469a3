"""The spec the sandbox implements, and the one `$ref` resolver the repository uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def spec_path() -> Path:
    """openapi.yaml in the repository the sandbox runs from."""
    return Path(__file__).resolve().parents[2] / "openapi.yaml"


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follows local `$ref`s to the node they name; keys beside a `$ref` win."""
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node
