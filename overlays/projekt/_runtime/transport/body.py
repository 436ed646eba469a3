"""Reading a response body whole, within `max_response_bytes` once decoded.

The SDK never streams: the retrying transport reads every body before it decides
anything, so a body cut short counts as a failed attempt (retried when safe)
rather than surfacing later. Decoded bytes are counted as they arrive, so a
compressed body that would expand past the limit is abandoned after at most one
chunk more, with memory bounded. A body its Content-Encoding does not decode is an
answer all the same: its status, its request id and, for a write, that it took effect.

Only public httpx API is used. A body sent as it is (no Content-Encoding, the
API's usual answer) is read by `response.read()` itself through a counting
wrapper around `response.stream`: no copy, no second response (what that saves a
real call is in docs/adr/0004-direct-body-read.md). A compressed one is decoded
through `iter_bytes()` and handed to a new `httpx.Response`, the public way to
give a response a body.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx

from projekt._runtime.errors.exceptions import (
    APIResponseValidationError,
    ResponseTooLargeError,
    UnreadableWriteResponseError,
)
from projekt._runtime.errors.safety import took_effect_message, write_took_effect
from projekt._runtime.limits.deadline import time_left

__all__ = ["aread_capped", "read_capped", "with_body"]


def _sent_as_is(response: httpx.Response) -> bool:
    encoding: str = response.headers.get("content-encoding", "identity")
    return encoding.strip().lower() == "identity"


class _Counted:
    """Counts the bytes that pass, and stops the read past the limit or the deadline."""

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self.response, self.limit, self.size = response, limit, 0

    def passed(self, chunk: bytes) -> bytes:
        time_left(None, httpx.ReadTimeout)  # a transport without sockets honours it too
        self.size += len(chunk)
        if self.size > self.limit:
            raise too_large(self.response, self.limit)
        return chunk


class _CountedStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, counter: _Counted) -> None:
        self._inner, self._counter = inner, counter

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            yield self._counter.passed(chunk)

    def close(self) -> None:
        self._inner.close()


class _AsyncCountedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, counter: _Counted) -> None:
        self._inner, self._counter = inner, counter

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield self._counter.passed(chunk)

    async def aclose(self) -> None:
        await self._inner.aclose()


def read_capped(response: httpx.Response, request: httpx.Request, limit: int) -> httpx.Response:
    """The response with its body read and decoded, as long as that stays within `limit`."""
    response.request = request
    counter = _Counted(response, limit)
    try:
        if _already_read(response, counter):
            return response
        if _sent_as_is(response) and isinstance(response.stream, httpx.SyncByteStream):
            response.stream = _CountedStream(response.stream, counter)
            response.read()
            return response
        body = b"".join(counter.passed(chunk) for chunk in response.iter_bytes())
    except httpx.DecodingError as error:
        body = undecodable(response, error)
    finally:
        response.close()  # also when abandoned: the connection goes back or away
    return with_body(response, body)


async def aread_capped(
    response: httpx.Response, request: httpx.Request, limit: int
) -> httpx.Response:
    response.request = request
    counter = _Counted(response, limit)
    try:
        if _already_read(response, counter):
            return response
        if _sent_as_is(response) and isinstance(response.stream, httpx.AsyncByteStream):
            response.stream = _AsyncCountedStream(response.stream, counter)
            await response.aread()
            return response
        body = b"".join([counter.passed(chunk) async for chunk in response.aiter_bytes()])
    except httpx.DecodingError as error:
        body = undecodable(response, error)
    finally:
        await response.aclose()
    return with_body(response, body)


def _already_read(response: httpx.Response, counter: _Counted) -> bool:
    """True for a response built with its body (a mock's), once that is within the limit."""
    try:
        counter.passed(response.content)
    except httpx.ResponseNotRead:
        return False
    return True


def with_body(response: httpx.Response, body: bytes) -> httpx.Response:
    """A response like `response`, holding `body`, decoded (so no longer encoded)."""
    headers = response.headers.copy()
    headers.pop("content-encoding", None)
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=body,
        request=response.request,
        extensions=response.extensions,
    )


def undecodable(response: httpx.Response, error: httpx.DecodingError) -> bytes:
    """For a 2xx, the error of an answer that cannot be read (a write's says it took effect);
    for another status, no body: the status is the answer, and decides the retry."""
    if not response.is_success:
        return b""
    encoding = response.headers.get("content-encoding")
    problem = f"The response body is not the {encoding} its Content-Encoding says ({error})."
    request_id = response.headers.get("x-request-id")
    if write_took_effect(response):
        message = took_effect_message(response, problem)
        raise UnreadableWriteResponseError(message, response=response, request_id=request_id)
    raise APIResponseValidationError(problem, response=response, request_id=request_id)


def too_large(response: httpx.Response, limit: int) -> ResponseTooLargeError:
    problem = (
        f"The response body grew past max_response_bytes ({limit:,} bytes once decoded); "
        "it was not read further."
    )
    if (page_size := response.request.url.params.get("limit")) is not None:  # a list's page
        problem += (
            f" Ask for fewer items a page (limit=, {page_size} here), or raise max_response_bytes."
        )
    if write_took_effect(response):  # never let a retry of a write that acted look safe
        problem = took_effect_message(response, problem)
    return ResponseTooLargeError(
        problem, response=response, request_id=response.headers.get("x-request-id")
    )
