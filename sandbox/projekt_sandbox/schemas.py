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
from dataclasses import dataclass
from typing import Any

import jsonschema_rs

from .operations import ApiError
from .wording import node, said

__all__ = ["Check", "Schemas", "from_query", "printable", "problems"]

_URI = "urn:projekt:openapi"
_INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,17})")


@dataclass(frozen=True)
class Check:
    """A compiled schema, with the schema itself, so that an error can be put in its words."""

    validator: jsonschema_rs.Validator
    schema: dict[str, Any]  # as compiled: its `$ref`s point into `spec`
    spec: dict[str, Any]

    def is_valid(self, value: Any) -> bool:
        return bool(self.validator.is_valid(value))

    def rule_of(self, error: Any) -> dict[str, Any]:
        """The schema holding the keyword `error` broke (its last schema-path step)."""
        path = [str(part) for part in error.schema_path][:-1]
        in_spec = bool(path) and path[0] == "components"
        rule = node(self.spec if in_spec else self.schema, path)
        return rule if isinstance(rule, dict) else {}


class Schemas:
    """Validators for schemas of one spec, by JSON pointer or by (resolved) schema."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self._plain = json.loads(json.dumps(spec))  # the spec as plain JSON values
        self._registry = jsonschema_rs.Registry([(_URI, self._plain)])
        self._uuid = self.at("/components/schemas/Uuid")

    def at(self, pointer: str) -> Check:
        """The validator of the schema at `pointer` in the spec (`#` + pointer)."""
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
        validator = jsonschema_rs.validator_for(
            {**schema, "$ref": f"{_URI}#{pointer}"}, registry=self._registry
        )
        return Check(validator, {"$ref": f"#{pointer}"}, self._plain)

    def of(self, schema: dict[str, Any]) -> Check:
        """The validator of a schema taken from the spec (its `$ref`s point into the spec)."""
        refs = json.loads(json.dumps(schema).replace('"#/', f'"{_URI}#/'))
        validator = jsonschema_rs.validator_for(refs, registry=self._registry)
        return Check(validator, json.loads(json.dumps(schema)), self._plain)

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
        errors = list(check.validator.iter_errors(value))
    except Exception as exc:
        what = f"The parameter {printable(field)}" if field else "The request body"
        message = f"{what} could not be checked: {type(exc).__name__}."
        raise ApiError(400, "bad_request", message) from None
    found: dict[str, str] = {}
    for error in errors:
        path = [str(part) for part in error.instance_path]
        details = error.kind.as_dict()
        missing = details.get("property") or (details.get("unexpected") or [None])[0]
        if isinstance(missing, str):  # a required field left out, or one that is not a field
            path.append(missing)
        name = ".".join([field, *path] if field else path) or "body"
        words = said(type(error.kind).__name__, details, check.rule_of(error), check.spec)
        message = f"{words[0].upper()}{words[1:]}." if words else error.message
        found.setdefault(printable(name), printable(message, 1000))
    return [{"field": name, "message": message} for name, message in found.items()]


def printable(text: str, limit: int = 200) -> str:
    """Untrusted input, made safe to echo in an error: no control characters, bounded."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)[:limit]
