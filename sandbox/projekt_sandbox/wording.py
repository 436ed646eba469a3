"""What a validation failure says to a person, in the spec's terms.

The validator's own messages are its implementer's ("is not valid under any of the
schemas listed in the 'anyOf' keyword", "is shorter than 36 characters"). Here each
kind of rule the spec uses gets a sentence a person would write ("must be one of …",
"must be a UUID", "must be at most 200 characters"), from the rule's own schema in the
spec, found by the error's schema path. A rule of a kind the spec does not use yet
keeps the validator's message.
"""

from __future__ import annotations

from typing import Any

__all__ = ["said"]

TYPE_NAMES = {
    "string": "text",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "object": "an object",
    "array": "a list",
    "null": "null",
}
# Patterns that forbid characters, in words; any other pattern is quoted.
PATTERN_WORDS = {
    "^[^\\x00]*$": "must not contain a NUL character",
    "^[^\\x00]+$": "must not be empty or contain a NUL character",
    "^[^\\x00-\\x1f\\x7f]+$": "must not be empty or contain control characters",
}
FORMAT_WORDS = {
    "date-time": "a date-time such as 2026-12-04T09:30:00Z",
    "email": "an email address",
    "int32": "a 32-bit integer",
}


def node(document: Any, path: list[str]) -> Any:
    for part in path:
        document = document[int(part)] if isinstance(document, list) else document.get(part, {})
    return document


def resolved(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref", "")
    return resolved(spec, node(spec, ref.split("#/")[-1].split("/"))) if ref else schema


def said(kind: str, details: dict[str, Any], rule: dict[str, Any], spec: dict[str, Any]) -> str:
    """The sentence for one failed rule: `kind` (the validator's name for it), its
    `details`, and `rule`, the schema that holds it (its `$ref`s point into `spec`)."""
    limit = details.get("limit")
    if kind in ("MinLength", "MaxLength", "Pattern") and is_uuid(rule):
        return "must be a UUID, such as 9f1c7a2e-6d4b-4e8a-b3c1-2f5d6e7a8b9c"
    if kind == "Type":
        names = [TYPE_NAMES.get(t, t) for t in details.get("types", [rule.get("type")])]
        return "must be " + " or ".join(sorted(names, key=lambda n: n == "null"))
    if kind == "MinLength":
        return "must not be empty" if limit == 1 else f"must be at least {limit} characters"
    if kind == "MaxLength":
        return f"must be at most {limit} characters"
    if kind in ("Minimum", "Maximum"):
        return f"must be at {'least' if kind == 'Minimum' else 'most'} {limit}"
    if kind in ("MinItems", "MaxItems"):
        return f"must have at {'least' if kind == 'MinItems' else 'most'} {limit} items"
    if kind == "MinProperties":
        return f"must have at least {limit} field{'s' if limit != 1 else ''}"
    if kind == "Enum":
        return "must be one of " + ", ".join(str(v) for v in rule.get("enum", []))
    if kind == "AnyOf":
        return open_enum(rule, spec)
    if kind == "Pattern":
        return PATTERN_WORDS.get(details["pattern"]) or described(
            f"must match {details['pattern']}", rule
        )
    if kind == "Format":
        return "must be " + FORMAT_WORDS.get(details.get("format", ""), str(details))
    if kind == "Required":
        return "this field is required"
    if kind == "AdditionalProperties":
        known = ", ".join(rule.get("properties", {}))
        return f"is not a field here (the fields are: {known})"
    return ""


def described(text: str, rule: dict[str, Any]) -> str:
    """`text`, with the rule's own description after it when it has one."""
    description = " ".join(str(rule.get("description", "")).split()).rstrip(".")
    return f"{text} ({description[:1].lower()}{description[1:]})" if description else text


def is_uuid(rule: dict[str, Any]) -> bool:
    return "{8}-[0-9a-fA-F]{4}-" in str(rule.get("pattern", ""))


def open_enum(rule: dict[str, Any], spec: dict[str, Any]) -> str:
    """An open enum (anyOf the known values, or any other text): its known values first."""
    branches = [resolved(spec, branch) for branch in rule.get("anyOf", [])]
    known = [str(v) for branch in branches for v in branch.get("enum", [])]
    other = next((b for b in branches if "enum" not in b and b.get("type") == "string"), None)
    if not known:
        return "matches none of the forms this field takes"
    text = "must be one of " + ", ".join(known)
    if other is not None:
        text += (
            f" (or another value of {other.get('minLength', 0)} to "
            f"{other.get('maxLength', 'any number of')} characters, without control characters)"
        )
    return text
