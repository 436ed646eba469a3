"""openapi.yaml's operations, each bound to the handler registered under its operationId.

The sandbox has no hand-written routes: every path and method comes from the spec,
and it refuses to start when an operation has no handler or a handler no operation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

import projekt_sandbox._models as models
from projekt_sandbox.openapi import Operation, operations

from . import handlers as _handlers  # noqa: F401  (registering the operations is the import)
from . import idempotency
from .operations import HANDLERS, Handler
from .schemas import Check, Schemas

__all__ = ["BoundOperation", "Routes", "bind"]

ORG_SCHEME = "orgId"  # the spec's security scheme for the X-Org-Id header


@dataclass(frozen=True)
class BoundOperation:
    operation_id: str
    handler: Handler
    parameters: list[dict[str, Any]]  # path-level and operation-level, `$ref`s resolved
    checks: dict[str, Check]  # each parameter's schema, by name
    body_model: type[BaseModel] | None
    body_check: Check | None  # the request body's schema
    org_scoped: bool
    roles: frozenset[str]  # who may call it: the spec's x-projekt-roles
    idempotent: bool = False  # takes the Idempotency-Key header
    tag: str = ""  # the spec's first tag: where the docs list the operation
    path: str = ""  # the spec's path template, "/issues/{issue_id}"


Routes = dict[str, dict[str, BoundOperation]]  # path -> method -> operation

# Every operation is also served under /api, as in production, so swapping only the
# host of the production base URL (https://projekt.3xa.es/api) works against the sandbox.
API_PREFIX = "/api"


def bind(spec: dict[str, Any], schemas: Schemas) -> Routes:
    routes: Routes = {}
    for operation in operations(spec):
        bound = _bind(spec, schemas, operation)
        routes.setdefault(operation.path, {})[operation.method.upper()] = bound
    unbound = set(HANDLERS) - {op.operation_id for ops in routes.values() for op in ops.values()}
    if unbound:
        raise RuntimeError(f"handlers for operations not in openapi.yaml: {sorted(unbound)}")
    return routes


def _bind(spec: dict[str, Any], schemas: Schemas, operation: Operation) -> BoundOperation:
    op, operation_id = operation.op, operation.operation_id
    if operation_id not in HANDLERS:
        raise RuntimeError(f"openapi.yaml has {operation_id}, but no handler implements it")
    checks = {p["name"]: schemas.of(p["schema"]) for p in operation.parameters}
    body_model, body_check = None, None
    if "requestBody" in op:
        ref = op["requestBody"]["content"]["application/json"]["schema"]
        body_model = getattr(models, ref["$ref"].rsplit("/", 1)[1])
        body_check = schemas.of(ref)
    requirements = op.get("security", spec.get("security", []))
    return BoundOperation(
        operation_id,
        HANDLERS[operation_id],
        operation.parameters,
        checks,
        body_model,
        body_check,
        org_scoped=any(ORG_SCHEME in requirement for requirement in requirements),
        roles=frozenset(op["x-projekt-roles"]["allowed"]),
        tag=op["tags"][0],
        path=operation.path,
        idempotent=any(
            p["in"] == "header" and p["name"].lower() == idempotency.HEADER.lower()
            for p in operation.parameters
        ),
    )
