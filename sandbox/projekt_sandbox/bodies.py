"""A request's JSON body: read within a size limit, then checked against its model."""

from __future__ import annotations

import codecs
import json

from pydantic import BaseModel
from starlette.requests import ClientDisconnect, Request

from .binding import BoundOperation
from .operations import ApiError
from .schemas import printable, problems

__all__ = ["MAX_BODY_BYTES", "MAX_DEPTH", "body_of"]

MAX_BODY_BYTES = 1024 * 1024
# Far deeper than any body the spec describes (three levels), and far shallower than
# the recursion limits of the validator and the models behind it.
MAX_DEPTH = 32
TOO_DEEP = f"The request body is nested more than {MAX_DEPTH} deep."


async def body_of(request: Request, bound: BoundOperation, max_bytes: int) -> BaseModel:
    """The operation's body model, from a UTF-8 JSON body of at most `max_bytes`."""
    assert bound.body_model is not None
    raw = await _read(request, max_bytes)
    try:
        # Bytes alone would also take UTF-16; and Python's json reads NaN and Infinity,
        # which JSON has not (httpx 0.27 writes a NaN so).
        data = json.loads(raw.decode("utf-8"), parse_constant=_not_json)
    except ValueError:
        raise ApiError(400, "bad_request", "The request body is not valid JSON.") from None
    except RecursionError:  # valid JSON, nested too deep for Python's decoder
        raise ApiError(400, "bad_request", TOO_DEEP) from None
    _check_shape(data)
    request.state.json_body = data  # what the test kit's `requests` shows of it
    assert bound.body_check is not None
    details = problems(bound.body_check, data)
    if details:
        raise ApiError(422, "validation_failed", "The request body is invalid.", details)
    # Valid against the spec's schema, so valid for the model generated from it.
    return bound.body_model.model_validate(data)


def _not_json(constant: str) -> object:
    raise ValueError(f"{constant} is not JSON")


def _check_shape(data: object) -> None:
    """Refuses what JSON's grammar allows but no validator should be handed: nesting
    deeper than MAX_DEPTH, and a lone surrogate escape ("\\ud800"), which is no text."""
    pending: list[tuple[object, int]] = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str):
            _check_text(value)
            continue
        if not isinstance(value, (dict, list)):
            continue
        if depth > MAX_DEPTH:
            raise ApiError(400, "bad_request", TOO_DEEP)
        if isinstance(value, dict):
            for key in value:
                _check_text(key)
            value = list(value.values())
        pending.extend((item, depth + 1) for item in value)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(
            400,
            "bad_request",
            "The request body has a string that is not Unicode text "
            "(a \\u escape of a lone surrogate).",
        ) from None


def _check_media_type(content_type: str) -> None:
    """application/json, with any parameters, and a charset (if named) that is UTF-8 by any
    of its names (`utf8`), or ASCII, which is UTF-8 too. Only `charset=utf-8` alone passed:
    `utf8`, as some clients write it, or a second parameter was "Send the body as
    application/json", which the client had named."""
    media, *parameters = content_type.split(";")
    if media.strip().lower() != "application/json":
        raise ApiError(415, "unsupported_media_type", "Send the body as application/json.")
    for name, _, value in (parameter.partition("=") for parameter in parameters):
        charset = value.strip().strip('"')
        if name.strip().lower() == "charset" and _codec(charset) not in ("utf-8", "ascii"):
            raise ApiError(
                415,
                "unsupported_media_type",
                f"Send the body in UTF-8, as JSON is: charset={printable(charset, 40)} is not.",
            )


def _codec(charset: str) -> str | None:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


async def _read(request: Request, max_bytes: int) -> bytes:
    _check_media_type(request.headers.get("content-type", ""))
    coding = request.headers.get("content-encoding", "identity").strip().lower()
    if coding != "identity":  # read as JSON, it would be called "not valid JSON"
        raise ApiError(
            415,
            "unsupported_media_type",
            f"The API takes request bodies as they are, not {printable(coding, 40)}-encoded: "
            "send it without Content-Encoding.",
            headers={"Accept-Encoding": "identity"},  # RFC 9110, 15.5.16
        )
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
