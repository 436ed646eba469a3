"""The sandbox's HTTP layer, driven by openapi.yaml.

Routes are not written by hand: at start-up every operation in the spec is
bound to the handler registered under its operationId (handlers.py), and the
app refuses to start if one is missing or extra. Parameters are checked against
the spec's own schemas, bodies against the pydantic models that
datamodel-code-generator made from it, and every response body is passed
through the model of its schema before it is sent. Every response carries
X-Request-Id and the X-RateLimit-* headers.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import projekt_sandbox_models as models
import yaml
from pydantic import BaseModel, ValidationError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from . import handlers as _handlers  # noqa: F401  (registering the operations is the import)
from .cors import PreflightCORS
from .faults import Faults
from .inputs import check_quietly, check_value, printable
from .limits import RateLimiter
from .operations import HANDLERS, ApiError, Context, Handler, new_request_id
from .spec import docs_path, resolve, spec_path
from .store import Caller, Store, effective_role

logger = logging.getLogger("projekt_sandbox")
ORG_HEADER = "x-org-id"
ORG_SCHEME = "orgId"


@dataclass
class BoundOperation:
    operation_id: str
    handler: Handler
    parameters: list[dict[str, Any]]
    body_model: type[BaseModel] | None
    non_nullable: frozenset[str]
    org_scoped: bool
    roles: frozenset[str]  # who may call it: the spec's x-projekt-roles


MAX_BODY_BYTES = 1024 * 1024
MAX_DETAILS = 100  # the spec's maxItems for an error's details
API_PREFIX = "/api"


class Sandbox:
    def __init__(
        self,
        store: Store,
        limiter: RateLimiter,
        *,
        max_body_bytes: int = MAX_BODY_BYTES,
        public_url: str | None = None,
    ) -> None:
        self.store, self.limiter, self.max_body_bytes = store, limiter, max_body_bytes
        self.public_url = public_url
        self.faults = Faults()
        self.spec_bytes = spec_path().read_bytes()
        self.spec = yaml.safe_load(self.spec_bytes)
        self.routes: dict[str, dict[str, BoundOperation]] = {}
        for path, item in self.spec["paths"].items():
            shared = item.get("parameters", [])
            for method, op in item.items():
                if method == "parameters":
                    continue
                self.routes.setdefault(path, {})[method.upper()] = self.bind(op, shared)
        unbound = set(HANDLERS) - {
            op.operation_id for ops in self.routes.values() for op in ops.values()
        }
        if unbound:
            raise RuntimeError(f"handlers for operations not in openapi.yaml: {sorted(unbound)}")

    def bind(self, op: dict[str, Any], shared: list[dict[str, Any]]) -> BoundOperation:
        operation_id = op["operationId"]
        if operation_id not in HANDLERS:
            raise RuntimeError(f"openapi.yaml has {operation_id}, but no handler implements it")
        parameters = [resolve(self.spec, p) for p in [*shared, *op.get("parameters", [])]]
        body_model, non_nullable = None, frozenset[str]()
        if "requestBody" in op:
            ref = op["requestBody"]["content"]["application/json"]["schema"]
            body_model = getattr(models, ref["$ref"].rsplit("/", 1)[1])
            properties = resolve(self.spec, ref).get("properties", {})
            non_nullable = frozenset(
                name
                for name, prop in properties.items()
                if "null" not in resolve(self.spec, prop).get("type", [])
            )
        # X-Org-Id is the spec's orgId security scheme, required beside the token.
        requirements = op.get("security", self.spec.get("security", []))
        org_scoped = any(ORG_SCHEME in requirement for requirement in requirements)
        roles = frozenset(op["x-projekt-roles"]["allowed"])
        return BoundOperation(
            operation_id,
            HANDLERS[operation_id],
            parameters,
            body_model,
            non_nullable,
            org_scoped,
            roles,
        )

    def app(self, docs: Path | None = None) -> Starlette:
        routes: list[BaseRoute] = [Route("/openapi.yaml", self.serve_spec, methods=["GET"])]
        if docs is not None and docs.is_dir():
            # Same origin as the API, so the docs' try-it console needs no CORS.
            routes.append(Mount("/docs", app=StaticFiles(directory=docs, html=True)))
        # No methods (an empty list; None would mean GET only): every method reaches the
        # handler, which answers one the spec does not list with a 405 envelope.
        routes += [Route(p, self.endpoint_for(p), methods=()) for p in self.routes]
        # Also under /api, as in production, so swapping only the host of the
        # production base URL (https://projekt.3xa.es/api) works against the sandbox.
        routes += [Route(API_PREFIX + p, self.endpoint_for(p), methods=()) for p in self.routes]
        cors = Middleware(
            PreflightCORS,
            # Bearer tokens, not cookies: any origin may call, none with credentials.
            allow_origins=["*"],
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "X-Org-Id", "Content-Type"],
            expose_headers=[
                "X-Request-Id",
                "X-RateLimit-Limit",
                "X-RateLimit-Remaining",
                "X-RateLimit-Reset",
                "Retry-After",
                "Link",
            ],
            max_age=600,
        )
        return Starlette(routes=routes, middleware=[cors], exception_handlers={404: self.not_found})

    async def serve_spec(self, request: Request) -> Response:
        return Response(self.spec_bytes, media_type="application/yaml")

    async def not_found(self, request: Request, exc: Exception) -> Response:
        _, rate_headers = self.admit(request)
        error = ApiError(404, "not_found", "No such endpoint.")
        return self.respond(error, rate_headers, new_request_id())

    def admit(self, request: Request) -> tuple[Caller | None, dict[str, str]]:
        """Who is calling, and their rate-limit headers. Unauthenticated calls count too."""
        caller = self.authenticate(request)
        client = request.client.host if request.client else ""
        return caller, self.limiter.hit(caller.key_id if caller else f"anon:{client}")

    def endpoint_for(self, route: str) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            return await self.handle(route, request)

        return endpoint

    async def handle(self, route: str, request: Request) -> Response:
        request_id = new_request_id()
        rate_headers: dict[str, str] = {}
        try:
            planned = self.faults.take(request.method, request.url.path)
            if planned is not None:
                raise planned
            caller, rate_headers = self.admit(request)
            if "Retry-After" in rate_headers:
                raise ApiError(
                    429,
                    "rate_limited",
                    f"Too many requests. Retry in {rate_headers['Retry-After']} seconds.",
                )
            operations = self.routes[route]
            # HEAD is served wherever GET is (RFC 9110, 9.3.2); the server drops the body.
            method = "GET" if request.method == "HEAD" else request.method
            bound = operations.get(method)
            if bound is None:
                allow = ", ".join(sorted({*operations, *(["HEAD"] if "GET" in operations else [])}))
                raise ApiError(
                    405,
                    "method_not_allowed",
                    f"{request.method} is not supported here.",
                    headers={"Allow": allow},
                )
            if caller is None:
                raise ApiError(401, "unauthorized", "The token is missing, invalid or revoked.")
            context = await self.context(request, bound, caller)
            role = effective_role(caller.role)
            if role not in bound.roles:
                message = f"The {caller.role} role may not call {bound.operation_id}."
                raise ApiError(403, "forbidden", message)
            result = bound.handler(context)
        except ApiError as error:
            return self.respond(error, rate_headers, request_id)
        except Exception:
            logger.exception("unhandled error in %s %s", request.method, request.url.path)
            failure = ApiError(500, "internal_error", "Something went wrong. Quote the request id.")
            return self.respond(failure, rate_headers, request_id)
        headers = {**rate_headers, **result.headers, "X-Request-Id": request_id}
        if result.status == 204:
            return Response(status_code=204, headers=headers)
        return JSONResponse(result.body, status_code=result.status, headers=headers)

    def respond(self, error: ApiError, rate_headers: dict[str, str], request_id: str) -> Response:
        body: dict[str, Any] = {
            "code": error.code,
            "message": error.message,
            "request_id": request_id,
        }
        if error.details:
            body["details"] = error.details[:MAX_DETAILS]
        headers = {**rate_headers, **error.headers, "X-Request-Id": request_id}
        if error.status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="projekt"'  # RFC 9110, 11.6.1
        return JSONResponse({"error": body}, status_code=error.status, headers=headers)

    def authenticate(self, request: Request) -> Caller | None:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        return self.store.authenticate(token.strip())

    async def context(self, request: Request, bound: BoundOperation, caller: Caller) -> Context:
        path: dict[str, str] = {}
        query: dict[str, Any] = {}
        org_id = ""
        known = {p["name"] for p in bound.parameters if p["in"] == "query"}
        unknown = sorted(printable(name) for name in set(request.query_params) - known)
        if unknown:
            raise ApiError(
                422,
                "validation_failed",
                f"Unknown query parameter: {unknown[0]}.",
                [{"field": name, "message": "Unknown parameter."} for name in unknown],
            )
        if bound.org_scoped:
            org_id = self.check_org(request.headers.get(ORG_HEADER), caller)
        for param in bound.parameters:
            name, where, schema = param["name"], param["in"], resolve(self.spec, param["schema"])
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
        body = await self.parse_body(request, bound) if bound.body_model else None
        return Context(
            self.store, request, caller, path, query, body, org_id, public_url=self.public_url
        )

    def check_org(self, raw: str | None, caller: Caller) -> str:
        if not raw:
            raise ApiError(400, "org_required", "This operation needs the X-Org-Id header.")
        if check_quietly(raw, self.spec["components"]["schemas"]["Uuid"]) is None:
            raise ApiError(400, "bad_request", "X-Org-Id must be an organization id (a UUID).")
        if raw.lower() != caller.org_id:
            raise ApiError(403, "org_forbidden", "This token is not bound to that organization.")
        return caller.org_id

    async def read_body(self, request: Request) -> bytes:
        """The body, as UTF-8 JSON, read no further than `max_body_bytes`."""
        media, _, parameters = request.headers.get("content-type", "").partition(";")
        charset = parameters.strip().lower().removeprefix("charset=").strip('"') or "utf-8"
        if media.strip().lower() != "application/json" or charset != "utf-8":
            raise ApiError(415, "unsupported_media_type", "Send the body as application/json.")
        too_large = ApiError(
            413,
            "content_too_large",
            f"The request body is larger than {self.max_body_bytes} bytes.",
            headers={"Connection": "close"},  # the rest of it is never read
        )
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            raise too_large
        chunks, size = [], 0
        try:
            async for chunk in request.stream():  # chunked bodies are counted as they arrive
                size += len(chunk)
                if size > self.max_body_bytes:
                    raise too_large
                chunks.append(chunk)
        except ClientDisconnect:  # gone mid-body (or cut off for being too slow)
            raise ApiError(400, "bad_request", "The request body did not arrive.") from None
        return b"".join(chunks)

    async def parse_body(self, request: Request, bound: BoundOperation) -> BaseModel:
        assert bound.body_model is not None
        raw = await self.read_body(request)
        try:
            data = json.loads(raw.decode("utf-8"))  # bytes alone would also take UTF-16
        except (ValueError, RecursionError):  # RecursionError: nested too deep to decode
            raise ApiError(400, "bad_request", "The request body is not valid JSON.") from None
        # The models let optional fields be null; the spec allows null only where it says so.
        nulls = (
            sorted(k for k, v in data.items() if v is None and k in bound.non_nullable)
            if isinstance(data, dict)
            else []
        )
        if nulls:
            raise ApiError(
                422,
                "validation_failed",
                "The request body is invalid.",
                [{"field": name, "message": "Cannot be null."} for name in nulls],
            )
        try:
            return bound.body_model.model_validate(data)
        except ValidationError as exc:
            details = [
                {
                    "field": printable(".".join(str(p) for p in err["loc"])) or "body",
                    "message": printable(err["msg"], 1000),
                }
                for err in exc.errors()[:100]
            ]
            raise ApiError(
                422, "validation_failed", "The request body is invalid.", details
            ) from None


def create_app(
    db: Path | str,
    *,
    rate_limit: tuple[int, float] = (600, 60.0),
    docs: Path | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    public_url: str | None = None,
) -> Starlette:
    sandbox = Sandbox(
        Store(db), RateLimiter(*rate_limit), max_body_bytes=max_body_bytes, public_url=public_url
    )
    return sandbox.app(docs if docs is not None else docs_path())
