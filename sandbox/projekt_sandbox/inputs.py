"""Checking untrusted input against the spec's schemas, and echoing it safely."""

from __future__ import annotations

import re
from typing import Any

from .operations import ApiError

_INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,17})")


def check_value(name: str, raw: str, schema: dict[str, Any]) -> Any:
    """Checks one parameter against its (resolved) schema; returns it converted."""
    if schema.get("type") == "integer":
        # Canonical ASCII digits only: int() would also take "1_0", "+5", " 5 " and "٣".
        if not _INTEGER.fullmatch(raw):
            raise ApiError(
                422,
                "validation_failed",
                f"{name} must be an integer.",
                [{"field": name, "message": "Must be an integer."}],
            )
        value: Any = int(raw)
        low, high = schema.get("minimum"), schema.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            raise ApiError(
                422,
                "validation_failed",
                f"{name} is out of range.",
                [{"field": name, "message": f"Must be from {low} to {high}."}],
            )
        return value
    too_long = "maxLength" in schema and len(raw) > schema["maxLength"]
    too_short = "minLength" in schema and len(raw) < schema["minLength"]
    if too_long or too_short or ("pattern" in schema and not re.search(schema["pattern"], raw)):
        raise ApiError(
            422,
            "validation_failed",
            f"{name} is malformed.",
            [{"field": name, "message": "Does not match the expected format."}],
        )
    return raw


def printable(text: str, limit: int = 200) -> str:
    """Untrusted input, made safe to echo in an error: no control characters, bounded."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)[:limit]


def check_quietly(raw: str, schema: dict[str, Any]) -> str | None:
    try:
        return str(check_value("value", raw, schema))
    except ApiError:
        return None
