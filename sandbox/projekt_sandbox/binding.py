"""openapi.yaml's operations, each bound to the handler registered under its operationId.

The sandbox has no hand-written routes: every path and method comes from the spec,
and it refuses to start when an operation has no handler or a handler no operation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import projekt_sandbox_models as models
from projekt_spec import Operation, operations, resolve
from pydantic import BaseModel

from . import handlers as _handlers  # noqa: F401  (registering the operations is the import)
from .operations import HANDLERS, Handler

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
    for operation in operations(spec):
        routes.setdefault(operation.path, {})[operation.method.upper()] = _bind(spec, operation)
    unbound = set(HANDLERS) - {op.operation_id for ops in routes.values() for op in ops.values()}
    if unbound:
        raise RuntimeError(f"handlers for operations not in openapi.yaml: {sorted(unbound)}")
    return routes


def _bind(spec: dict[str, Any], operation: Operation) -> BoundOperation:
    op, operation_id = operation.op, operation.operation_id
    if operation_id not in HANDLERS:
        raise RuntimeError(f"openapi.yaml has {operation_id}, but no handler implements it")
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
        operation.parameters,
        body_model,
        non_nullable,
        org_scoped=any(ORG_SCHEME in requirement for requirement in requirements),
        roles=frozenset(op["x-projekt-roles"]["allowed"]),
    )
