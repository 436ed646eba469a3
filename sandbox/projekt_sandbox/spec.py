"""The spec the sandbox implements, its docs, and the one `$ref` resolver the repository uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

# What an installed sandbox carries (`make build` puts it there); a checkout has none
# and reads the live files of the repository it runs from instead.
BUNDLE = Path(__file__).resolve().parent / "bundle"
REPOSITORY = Path(__file__).resolve().parents[2]


def spec_path() -> Path:
    """The openapi.yaml this sandbox implements."""
    bundled = BUNDLE / "openapi.yaml"
    return bundled if bundled.is_file() else REPOSITORY / "openapi.yaml"


def docs_path() -> Path:
    """The built docs site it serves at /docs (`make docs` writes it in a checkout)."""
    bundled = BUNDLE / "docs"
    return bundled if bundled.is_dir() else REPOSITORY / "build" / "docs"


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follows local `$ref`s to the node they name; keys beside a `$ref` win."""
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node
