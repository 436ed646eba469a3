"""CORS for try-it consoles on other origins, with preflights that follow the spec's rules."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse, Response

from .operations import new_request_id


class PreflightCORS(CORSMiddleware):
    """Starlette's CORS layer, whose preflight answers carry `X-Request-Id`, and whose
    refusals are the error envelope. Preflights are not counted against the rate
    limit and carry no rate-limit headers: the spec states that exemption."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers=request_headers)
        request_id = new_request_id()
        if response.status_code >= 400:
            message = bytes(response.body).decode()  # "Disallowed CORS origin", for example
            error = {"code": "cors_refused", "message": message, "request_id": request_id}
            cors = {k: v for k, v in response.headers.items() if k.lower().startswith("access-")}
            status = response.status_code
            response = JSONResponse({"error": error}, status_code=status, headers=cors)
        response.headers["X-Request-Id"] = request_id
        return response
