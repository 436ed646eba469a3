"""Input checked against openapi.yaml's own schemas, by a maintained JSON Schema validator.

OpenAPI 3.1 schemas are JSON Schema 2020-12, so jsonschema-rs checks a parameter
or a body against the spec's schema itself (`$ref`s resolved in the spec) and
enforces every constraint the spec states: type, pattern, range, enum, length,
required, nullable. Nothing here restates a schema. Each validator is compiled
once, when the sandbox binds the spec; checking a body takes microseconds.

Only the wire is ours: a query value is text, and an integer parameter must be
canonical ASCII digits (`int()` alone would take "1_0", "+5", " 5 " and "٣")
before the schema sees it as a number.
"""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema_rs

from .operations import ApiError

__all__ = ["Check", "Schemas", "from_query", "printable", "problems"]

_URI = "urn:projekt:openapi"
_INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,17})")

Check = jsonschema_rs.Validator


class Schemas:
    """Validators for schemas of one spec, by JSON pointer or by (resolved) schema."""

    def __init__(self, spec: dict[str, Any]) -> None:
        plain = json.loads(json.dumps(spec))  # the spec as plain JSON values
        self._registry = jsonschema_rs.Registry([(_URI, plain)])
        self._uuid = self.at("/components/schemas/Uuid")

    def at(self, pointer: str) -> Check:
        """The validator of the schema at `pointer` in the spec (`#` + pointer)."""
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
        return jsonschema_rs.validator_for(
            {**schema, "$ref": f"{_URI}#{pointer}"}, registry=self._registry
        )

    def of(self, schema: dict[str, Any]) -> Check:
        """The validator of a schema taken from the spec (its `$ref`s point into the spec)."""
        refs = json.loads(json.dumps(schema).replace('"#/', f'"{_URI}#/'))
        return jsonschema_rs.validator_for(refs, registry=self._registry)

    def is_uuid(self, value: str) -> bool:
        return bool(self._uuid.is_valid(value))


def from_query(raw: str, schema: dict[str, Any]) -> Any:
    """A query value as the schema's type; None when it is not canonical for that type."""
    if schema.get("type") == "integer":
        return int(raw) if _INTEGER.fullmatch(raw) else None
    return raw


def problems(check: Check, value: Any, field: str = "") -> list[dict[str, str]]:
    """One {"field", "message"} per offending field (its first problem), for `details`.

    Input the validator itself cannot take (it raises) is the client's fault, never a 500.
    """
    try:
        errors = list(check.iter_errors(value))
    except Exception as exc:
        what = f"The parameter {printable(field)}" if field else "The request body"
        message = f"{what} could not be checked: {type(exc).__name__}."
        raise ApiError(400, "bad_request", message) from None
    found: dict[str, str] = {}
    for error in errors:
        path = [str(part) for part in error.instance_path]
        missing = getattr(error.kind, "property", None)  # a required property left out
        if isinstance(missing, str):
            path.append(missing)
        name = ".".join([field, *path] if field else path) or "body"
        found.setdefault(printable(name), printable(error.message, 1000))
    return [{"field": name, "message": message} for name, message in found.items()]


def printable(text: str, limit: int = 200) -> str:
    """Untrusted input, made safe to echo in an error: no control characters, bounded."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)[:limit]
