"""openapi.yaml's operations, each bound to the handler registered under its operationId.

The sandbox has no hand-written routes: every path and method comes from the spec,
and it refuses to start when an operation has no handler or a handler no operation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import projekt_sandbox_models as models
from pydantic import BaseModel

from . import handlers as _handlers  # noqa: F401  (registering the operations is the import)
from .operations import HANDLERS, Handler
from .spec import resolve

__all__ = ["BoundOperation", "Routes", "bind"]

ORG_SCHEME = "orgId"  # the spec's security scheme for the X-Org-Id header


@dataclass(frozen=True)
class BoundOperation:
    operation_id: str
    handler: Handler
    parameters: list[dict[str, Any]]  # path-level and operation-level, `$ref`s resolved
    body_model: type[BaseModel] | None
    non_nullable: frozenset[str]  # body fields the spec does not let be null
    org_scoped: bool
    roles: frozenset[str]  # who may call it: the spec's x-projekt-roles


Routes = dict[str, dict[str, BoundOperation]]  # path -> method -> operation


def bind(spec: dict[str, Any]) -> Routes:
    routes: Routes = {}
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method, op in item.items():
            if method != "parameters":
                routes.setdefault(path, {})[method.upper()] = _bind(spec, op, shared)
    unbound = set(HANDLERS) - {op.operation_id for ops in routes.values() for op in ops.values()}
    if unbound:
        raise RuntimeError(f"handlers for operations not in openapi.yaml: {sorted(unbound)}")
    return routes


def _bind(spec: dict[str, Any], op: dict[str, Any], shared: list[Any]) -> BoundOperation:
    operation_id = op["operationId"]
    if operation_id not in HANDLERS:
        raise RuntimeError(f"openapi.yaml has {operation_id}, but no handler implements it")
    parameters = [resolve(spec, p) for p in [*shared, *op.get("parameters", [])]]
    body_model, non_nullable = None, frozenset[str]()
    if "requestBody" in op:
        ref = op["requestBody"]["content"]["application/json"]["schema"]
        body_model = getattr(models, ref["$ref"].rsplit("/", 1)[1])
        properties = resolve(spec, ref).get("properties", {})
        non_nullable = frozenset(
            name
            for name, prop in properties.items()
            if "null" not in resolve(spec, prop).get("type", [])
        )
    requirements = op.get("security", spec.get("security", []))
    return BoundOperation(
        operation_id,
        HANDLERS[operation_id],
        parameters,
        body_model,
        non_nullable,
        org_scoped=any(ORG_SCHEME in requirement for requirement in requirements),
        roles=frozenset(op["x-projekt-roles"]["allowed"]),
    )
