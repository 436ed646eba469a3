"""openapi.yaml, read once and walked operation by operation: for the sandbox and the pipeline.

It reads YAML 1.2 with ruamel.yaml, as openapi-python-client does, so the build
scripts, the generator and the sandbox all see the same document; `dump` writes a
document back as YAML 1.2 (the bundled spec in dist/). It depends on
nothing of this project: the scripts use it without the sandbox's runtime package,
and the sandbox's wheel carries it beside that package.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

__all__ = [
    "METHODS",
    "OPEN_ENUM",
    "Operation",
    "dump",
    "load",
    "open_enums",
    "operations",
    "resolve",
]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# The marker of an open enumeration (Speakeasy's name for it, so their users get one too):
# `enum` lists the values known when the version was published; the API accepts and
# returns others.
OPEN_ENUM = "x-speakeasy-unknown-values"


@functools.cache
def _load(path: Path, mtime_ns: int) -> dict[str, Any]:
    spec: dict[str, Any] = YAML(typ="safe").load(path.read_bytes())
    return spec


def load(path: Path) -> dict[str, Any]:
    """The spec at `path`, parsed once (again only when the file changed). Do not mutate it."""
    return _load(path.resolve(), path.stat().st_mtime_ns)


def dump(document: dict[str, Any]) -> str:
    """`document` as YAML 1.2, keys in their order, text as written (no line folding)."""
    yaml = YAML()  # round-trip: plain dicts keep their key order
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()


def open_enums(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as the API's own code reads it: each component schema marked open becomes
    `anyOf: [Known<Name>, a string]`, so the sandbox accepts and the SDK decodes a value the
    enumeration does not list. The published document keeps the plain `enum`, which every
    generator types; JSON Schema has no open enumeration to write instead."""
    schemas = dict(spec["components"]["schemas"])
    for name, schema in spec["components"]["schemas"].items():
        if schema.get(OPEN_ENUM) != "allow":
            continue
        other = {k: v for k, v in schema.items() if k not in ("enum", "description", OPEN_ENUM)}
        schemas[f"Known{name}"] = {
            "type": "string",
            "description": "The values known when this version of the API was published.",
            "enum": schema["enum"],
        }
        schemas[name] = {
            "description": schema.get("description", ""),
            "anyOf": [{"$ref": f"#/components/schemas/Known{name}"}, other],
        }
    return {**spec, "components": {**spec["components"], "schemas": schemas}}


@dataclass(frozen=True)
class Operation:
    path: str
    method: str  # lower case, as the spec writes it
    op: dict[str, Any]  # the operation object
    parameters: list[dict[str, Any]]  # path-level, then operation-level, `$ref`s resolved

    @property
    def operation_id(self) -> str:
        return str(self.op["operationId"])


def operations(spec: dict[str, Any]) -> Iterator[Operation]:
    """Every operation, in the spec's order."""
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method, op in item.items():
            if method in METHODS:
                parameters = [resolve(spec, p) for p in [*shared, *op.get("parameters", [])]]
                yield Operation(path, method, op, parameters)


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follows local `$ref`s to the node they name; keys beside a `$ref` win."""
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node
