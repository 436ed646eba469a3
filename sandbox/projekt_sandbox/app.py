"""The sandbox's HTTP application: openapi.yaml's paths as Starlette routes.

Each path of the spec is a route that accepts the methods the spec lists
(Starlette adds HEAD wherever GET is, and answers any other method with 405 and
`Allow`); the exception handlers below turn Starlette's 404 and 405 into the API's
error envelope. What happens to a request that reaches an operation is in
dispatch.py, in the order it happens.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from .binding import API_PREFIX, BoundOperation
from .bodies import MAX_BODY_BYTES
from .cors import PreflightCORS
from .dispatch import Sandbox
from .limits import DEFAULT_RATE_LIMIT, RateLimiter
from .notices import Deprecation
from .operations import ApiError
from .spec import docs_path
from .store import Store

__all__ = ["API_PREFIX", "Sandbox", "build_app", "create_app"]

CORS = Middleware(
    PreflightCORS,
    # Bearer tokens, not cookies: any origin may call, none with credentials.
    allow_origins=["*"],
    allow_methods=["GET", "POST", "PATCH", "DELETE"],
    # W3C Trace Context too, which OpenTelemetry's fetch instrumentation adds to a request to
    # an API it traces into, and whose trace id `--log-requests` prints.
    allow_headers=[
        *("Authorization", "X-Org-Id", "Content-Type", "Idempotency-Key"),
        *("traceparent", "tracestate", "baggage"),
    ],
    expose_headers=[
        "X-Request-Id",
        "X-RateLimit-Limit",
        "X-RateLimit-Remaining",
        "X-RateLimit-Reset",
        "Retry-After",
        "Link",
        "Idempotent-Replayed",
        "Deprecation",
        "Sunset",
    ],
    max_age=600,
)


def build_app(sandbox: Sandbox, docs: Path | None = None) -> Starlette:
    spec_json = json.dumps(sandbox.spec, ensure_ascii=False).encode()

    async def serve_spec(request: Request) -> Response:
        return Response(sandbox.spec_bytes, media_type="application/yaml")

    async def serve_spec_json(request: Request) -> Response:
        return Response(spec_json, media_type="application/json")

    async def not_found(request: Request, exc: Exception) -> Response:
        return await sandbox.refuse(request, ApiError(404, "not_found", "No such endpoint."))

    async def method_not_allowed(request: Request, exc: Exception) -> Response:
        headers = exc.headers if isinstance(exc, HTTPException) else None
        allowed = (headers or {}).get("Allow", "")
        allow = ", ".join(sorted(method.strip() for method in allowed.split(",") if method))
        message = f"{request.method} is not supported here."
        error = ApiError(405, "method_not_allowed", message, headers={"Allow": allow})
        return await sandbox.refuse(request, error)

    routes: list[BaseRoute] = [
        Route("/openapi.yaml", serve_spec, methods=["GET"]),
        Route("/openapi.json", serve_spec_json, methods=["GET"]),
    ]
    if docs is not None and docs.is_dir():
        # Same origin as the API, so the docs' try-it console needs no CORS.
        routes.append(Route("/docs", _to_docs, methods=["GET"]))
        routes.append(Mount("/docs", app=StaticFiles(directory=docs, html=True)))
    for prefix in ("", API_PREFIX):
        routes += [
            Route(prefix + path, _endpoint(sandbox, operations), methods=list(operations))
            for path, operations in sandbox.routes.items()
        ]
    handlers = {404: not_found, 405: method_not_allowed}
    app = Starlette(routes=routes, middleware=[CORS], exception_handlers=handlers)
    # `/issues/` is no path of the spec: a 404 in the envelope, as for any other. Starlette's
    # bare 307 to `/issues` had no envelope and no request id, and a client that follows
    # redirects got an answer the API may well not give.
    app.router.redirect_slashes = False
    return app


async def _to_docs(request: Request) -> Response:
    return RedirectResponse("/docs/")


def _endpoint(
    sandbox: Sandbox, operations: dict[str, BoundOperation]
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        # HEAD is served wherever GET is (RFC 9110, 9.3.2); the server drops the body.
        method = "GET" if request.method == "HEAD" else request.method
        return await sandbox.handle(operations[method], request)

    return endpoint


def create_app(
    db: Path | str,
    *,
    rate_limit: tuple[int, float] = DEFAULT_RATE_LIMIT,
    docs: Path | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    public_url: str | None = None,
    deprecations: dict[str, Deprecation] | None = None,
) -> Starlette:
    sandbox = Sandbox(
        Store(db), RateLimiter(*rate_limit), max_body_bytes=max_body_bytes, public_url=public_url
    )
    for operation_id, deprecation in (deprecations or {}).items():
        sandbox.deprecate(operation_id, deprecation)
    return build_app(sandbox, docs if docs is not None else docs_path())
