"""A request's path and query parameters, checked against the operation's in the spec."""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request

from .binding import BoundOperation
from .operations import ApiError, not_found
from .schemas import Check, from_query, printable, problems

__all__ = ["parameters_of", "refuse_unknown_query"]


def refuse_unknown_query(request: Request, bound: BoundOperation) -> None:
    known = {p["name"] for p in bound.parameters if p["in"] == "query"}
    unknown = sorted(printable(name) for name in set(request.query_params) - known)
    if unknown:
        raise ApiError(
            422,
            "validation_failed",
            f"Unknown query parameter: {unknown[0]}.",
            [{"field": name, "message": "Unknown parameter."} for name in unknown],
        )


def parameters_of(request: Request, bound: BoundOperation) -> tuple[dict[str, str], dict[str, Any]]:
    """(path, query): each parameter checked against its schema in the spec; defaults filled in."""
    path: dict[str, str] = {}
    query: dict[str, Any] = {}
    for param in bound.parameters:
        name, where, check = param["name"], param["in"], bound.checks[param["name"]]
        if where == "path":
            raw = request.path_params[name]
            if not check.is_valid(raw):  # names nothing, as an unknown id does: the same 404
                raise not_found(_named_by(param))
            path[name] = raw
        elif where == "query" and name in request.query_params:
            given = request.query_params.getlist(name)
            if len(given) > 1:  # which one was meant is not the server's to guess
                raise ApiError(
                    422,
                    "validation_failed",
                    f"The query parameter {name} is given {len(given)} times; give it once.",
                    [{"field": name, "message": "Give it once."}],
                )
            query[name] = _query_value(name, given[0], param["schema"], check)
        elif where == "query" and param.get("required"):
            raise ApiError(
                422,
                "validation_failed",
                f"The query parameter {name} is required.",
                [{"field": name, "message": "This field is required."}],
            )
        elif where == "query" and "default" in param["schema"]:
            query[name] = param["schema"]["default"]
    return path, query


def _named_by(param: dict[str, Any]) -> str:
    """What a path parameter's id names, from its description in the spec ("The issue's id.")."""
    said = re.fullmatch(r"The (.+)'s id\.", param.get("description", ""))
    return said[1] if said else "resource"


def _query_value(name: str, raw: str, schema: dict[str, Any], check: Check) -> Any:
    value = from_query(raw, schema)
    details = (
        [{"field": name, "message": "Must be an integer."}]
        if value is None
        else problems(check, value, field=name)
    )
    if details:
        raise ApiError(422, "validation_failed", f"The query parameter {name} is invalid.", details)
    return value
