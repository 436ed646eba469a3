"""A request's JSON body: read within a size limit, then checked against its model."""

from __future__ import annotations

import json

from pydantic import BaseModel
from starlette.requests import ClientDisconnect, Request

from .binding import BoundOperation
from .operations import ApiError
from .schemas import problems

__all__ = ["MAX_BODY_BYTES", "body_of"]

MAX_BODY_BYTES = 1024 * 1024


async def body_of(request: Request, bound: BoundOperation, max_bytes: int) -> BaseModel:
    """The operation's body model, from a UTF-8 JSON body of at most `max_bytes`."""
    assert bound.body_model is not None
    raw = await _read(request, max_bytes)
    try:
        data = json.loads(raw.decode("utf-8"))  # bytes alone would also take UTF-16
    except (ValueError, RecursionError):  # RecursionError: nested too deep to decode
        raise ApiError(400, "bad_request", "The request body is not valid JSON.") from None
    assert bound.body_check is not None
    details = problems(bound.body_check, data)
    if details:
        raise ApiError(422, "validation_failed", "The request body is invalid.", details)
    # Valid against the spec's schema, so valid for the model generated from it.
    return bound.body_model.model_validate(data)


async def _read(request: Request, max_bytes: int) -> bytes:
    media, _, parameters = request.headers.get("content-type", "").partition(";")
    charset = parameters.strip().lower().removeprefix("charset=").strip('"') or "utf-8"
    if media.strip().lower() != "application/json" or charset != "utf-8":
        raise ApiError(415, "unsupported_media_type", "Send the body as application/json.")
    too_large = ApiError(
        413,
        "content_too_large",
        f"The request body is larger than {max_bytes} bytes.",
        headers={"Connection": "close"},  # the rest of it is never read
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    chunks, size = [], 0
    try:
        async for chunk in request.stream():  # chunked bodies are counted as they arrive
            size += len(chunk)
            if size > max_bytes:
                raise too_large
            chunks.append(chunk)
    except ClientDisconnect:  # gone mid-body (or cut off for being too slow)
        raise ApiError(400, "bad_request", "The request body did not arrive.") from None
    return b"".join(chunks)
