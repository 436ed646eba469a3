"""A request's path and query parameters, checked against the operation's in the spec."""

from __future__ import annotations

from typing import Any

from projekt_spec import resolve
from starlette.requests import Request

from .binding import BoundOperation
from .inputs import check_quietly, check_value, printable
from .operations import ApiError

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


def parameters_of(
    spec: dict[str, Any], request: Request, bound: BoundOperation
) -> tuple[dict[str, str], dict[str, Any]]:
    """(path, query): each parameter checked and converted; defaults filled in."""
    path: dict[str, str] = {}
    query: dict[str, Any] = {}
    for param in bound.parameters:
        name, where, schema = param["name"], param["in"], resolve(spec, param["schema"])
        if where == "path":
            raw = request.path_params[name]
            if check_quietly(raw, schema) is None:
                raise ApiError(404, "not_found", f"No resource with that {name} exists.")
            path[name] = raw
        elif where == "query":
            if name in request.query_params:
                query[name] = check_value(name, request.query_params[name], schema)
            elif param.get("required"):
                raise ApiError(
                    422,
                    "validation_failed",
                    f"The query parameter {name} is required.",
                    [{"field": name, "message": "This field is required."}],
                )
            elif "default" in schema:
                query[name] = schema["default"]
    return path, query
