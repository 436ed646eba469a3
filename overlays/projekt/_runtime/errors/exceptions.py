"""Every failure the SDK can meet, as one exception hierarchy.

    ProjektError
    ├── ConfigurationError              bad or missing settings; nothing was sent
    ├── InvalidArgumentError            an argument no request may carry (also a ValueError)
    ├── ClientClosedError               used after close(); nothing was sent (also a RuntimeError)
    └── APIError                        something happened on the way to or from the API
        ├── APIConnectionError          no usable response: refused, reset, DNS, TLS...
        │   ├── APITimeoutError         the request timed out
        │   └── ConnectionOutcomeUnknownError   (also an APIOutcomeUnknownError)
        ├── APIStatusError              the API answered 4xx or 5xx (or another non-2xx status);
        │                               each has retry_after and the rate-limit state
        │   ├── BadRequestError             400
        │   ├── AuthenticationError         401
        │   ├── PermissionDeniedError       403
        │   ├── NotFoundError               404
        │   ├── ConflictError               409
        │   │   └── IdempotencyConflictError    the key's first request is still in progress
        │   ├── UnprocessableEntityError    422
        │   │   └── IdempotencyKeyReusedError   the key was used for a different request
        │   ├── RateLimitError              429
        │   └── InternalServerError         5xx
        │       └── ServerOutcomeUnknownError   (also an APIOutcomeUnknownError)
        ├── APIOutcomeUnknownError      a write (POST, PATCH) was sent and then failed, so
        │                               whether it took effect is unknown; its retries (with
        │                               the same idempotency_key) are spent
        └── APIResponseValidationError  a body that cannot be read, decoded or matched to the spec
            ├── UnreadableWriteResponseError  a write succeeded (2xx), but its answer is
            │                                 unreadable; do not send it again
            ├── PaginationCycleError    a next-page link that leads back to a page already seen
            └── ResponseTooLargeError   a body larger than max_response_bytes once decoded

Every APIError has `status_code`, `code`, `message` and `request_id` (None where no
answer gave one). An answered error's `str(error)` leads with the status, the error
code (none is made up), the message and the request id, for a support ticket to quote; a
connection error's says what was tried, and its request id when the answer's headers
came. Which exception a response or a failed exchange becomes is decided in one place,
failures.py.

Why one module: the hierarchy is one tree, drawn above and read whole; where a class
sits in it (what it also is, what a caller may catch it as) is what it means.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from projekt._runtime.errors.safety import idempotency_key_of
from projekt._runtime.limits.ratelimit import RateLimit
from projekt._runtime.observability.redaction import (
    request_without_credentials,
    response_without_credentials,
)
from projekt._runtime.options import outcome_of

if TYPE_CHECKING:
    from projekt._api.models.error_detail import ErrorDetail

# str(error) lists this many of a 422's field errors; `error.details` has them all.
MAX_DETAILS_SHOWN = 10
# repr(error) shows those of these an error has, in this order.
REPR_FIELDS = ("status_code", "code", "message", "request_id")

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIOutcomeUnknownError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "ConnectionOutcomeUnknownError",
    "IdempotencyConflictError",
    "IdempotencyKeyReusedError",
    "InternalServerError",
    "InvalidArgumentError",
    "NotFoundError",
    "PaginationCycleError",
    "PermissionDeniedError",
    "ProjektError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ServerOutcomeUnknownError",
    "UnprocessableEntityError",
    "UnreadableWriteResponseError",
]


class ProjektError(Exception):
    """The base of every exception the SDK raises."""


class ConfigurationError(ProjektError):
    """The client is missing a setting or has a bad one. Nothing was sent."""


class InvalidArgumentError(ProjektError, ValueError):
    """An argument that no request may carry, such as ".." for an id. Nothing was sent."""


class ClientClosedError(ProjektError, RuntimeError):
    """The client, or the `http_client=` it sends through, was closed. Nothing was sent."""


class APIError(ProjektError):
    """A request was attempted. `request` is the last request sent, when there was one.

    `status_code`, `code` and `request_id` are what the answer said, on every subclass:
    None where no answer came (a connection error, a timeout), but a request id when the
    answer's headers came and its body was cut short.
    """

    message: str
    request: httpx.Request | None
    status_code: int | None = None
    code: str | None = None
    request_id: str | None = None

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request

    def __repr__(self) -> str:
        # What a debugger, pytest's report or a printed list of results shows: the fields a
        # support ticket quotes, rather than the message alone.
        fields = vars(self)
        shown = (f"{name}={fields[name]!r}" for name in REPR_FIELDS if name in fields)
        return f"{type(self).__name__}({', '.join(shown)})"

    @property
    def idempotency_key(self) -> str | None:
        """The key to send the write again with, when it may have taken effect and its retries
        are spent (every APIOutcomeUnknownError, and a 4xx answering the retry of an attempt
        that may have acted); None for any other error."""
        state: dict[str, str | None] = self.__dict__
        if "_pickled_key" in state:  # a pickled request has no extensions to read it from
            return state["_pickled_key"]
        unsure = self.request is not None and outcome_of(self.request).unsure is not None
        return idempotency_key_of(self.request) if unsure else None

    def __reduce__(self) -> tuple[Any, ...]:
        # pickle (multiprocessing, concurrent.futures, Celery's results) remakes an exception
        # by calling its class with its args; these take keyword arguments, so it is remade
        # from its attributes instead. A pickle leaves the process (to a result backend, say),
        # so the request and the response it carries go without the credentials they held:
        # the request's headers and query, the cookies the response set. A pickled request
        # keeps no extensions, where the key is read from: kept apart, a worker's error still
        # tells its caller the key to send the write again with.
        state = {**self.__dict__, "_pickled_key": self.idempotency_key}
        if self.request is not None:
            state["request"] = request_without_credentials(self.request)
        response = state.get("response")
        if isinstance(response, httpx.Response):
            state["response"] = response_without_credentials(response, state["request"])
        return (_remade, (type(self), self.message), state)


def _remade(kind: type[APIError], message: str) -> APIError:
    error = kind.__new__(kind)
    Exception.__init__(error, message)
    return error


class APIConnectionError(APIError):
    """No usable response arrived: the connection was refused, reset or broken."""

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        request: httpx.Request | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, request=request)
        if request_id is not None:
            self.request_id = request_id

    def __str__(self) -> str:
        if self.request_id is None:
            return self.message
        return f"{self.message} (request_id: {self.request_id})"


class APITimeoutError(APIConnectionError):
    """The request did not complete within its timeout."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        request: httpx.Request | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, request=request, request_id=request_id)


class APIOutcomeUnknownError(APIError):
    """A write (POST or PATCH) was sent, and then the exchange failed.

    The server may or may not have acted on it. When the request carried an
    Idempotency-Key, the SDK already retried it with that key until its retries
    were spent: send it again with `idempotency_key=error.idempotency_key` (the
    server acts on a key at most once). Without a key, check (for example by
    listing) before you send it again. Catch this class to handle both kinds: a
    broken connection (`ConnectionOutcomeUnknownError`, whose `__cause__` is the
    failure) and a 5xx answer (`ServerOutcomeUnknownError`).
    """

    @property
    def idempotency_key(self) -> str | None:
        """The key the request was sent with (the SDK's, or yours), to send it again with."""
        state: dict[str, str | None] = self.__dict__
        if "_pickled_key" in state:  # a pickled request has no extensions to read it from
            return state["_pickled_key"]
        return idempotency_key_of(self.request)


class ConnectionOutcomeUnknownError(APIConnectionError, APIOutcomeUnknownError):
    """The connection failed after a write was sent (by its last retry, or by an earlier
    attempt): it may have taken effect. It did when an answer's headers came with a 2xx
    status before its body was cut short, and the message says so: sent again with its key,
    the write gets that answer back."""


class APIStatusError(APIError):
    """The API answered with a status that is not 2xx.

    `retry_after` is the number of seconds its `Retry-After` asked to wait (None when it did
    not say): a 429's, or a 503's during maintenance, longer than the SDK waits by itself.
    `rate_limit` is the state its headers described.
    """

    status_code: int
    code: str | None
    request_id: str | None
    body: object
    response: httpx.Response

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object,
        code: str | None,
        request_id: str | None,
    ) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.code = code
        self.request_id = request_id

    @property
    def rate_limit(self) -> RateLimit:
        return RateLimit.of(self.response)

    @property
    def retry_after(self) -> float | None:
        return self.rate_limit.retry_after

    @property
    def details(self) -> list[ErrorDetail]:
        """The envelope's `details`: one entry per offending field (empty when none)."""
        from projekt._api.models.error_detail import ErrorDetail  # attrs: paid on first use

        envelope = self.body.get("error") if isinstance(self.body, dict) else None
        entries = envelope.get("details") if isinstance(envelope, dict) else None
        return [
            ErrorDetail(field=entry["field"], message=entry["message"])
            for entry in (entries if isinstance(entries, list) else [])
            if isinstance(entry, dict)
            and isinstance(entry.get("field"), str)
            and isinstance(entry.get("message"), str)
        ]

    def __str__(self) -> str:
        text = describe(self.status_code, self.code, self.message, self.request_id)
        details = self.details
        if not details:
            return text
        shown = "; ".join(f"{d.field}: {d.message}" for d in details[:MAX_DETAILS_SHOWN])
        more = len(details) - MAX_DETAILS_SHOWN
        return f"{text} [{shown}" + (f"; and {more} more]" if more > 0 else "]")


class BadRequestError(APIStatusError):
    """400: the request is malformed (for example a missing X-Org-Id)."""


class AuthenticationError(APIStatusError):
    """401: the token is missing, unknown, expired or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the token may not do this (another org, or a role without the right)."""


class NotFoundError(APIStatusError):
    """404: nothing with that id exists in this organization."""


class ConflictError(APIStatusError):
    """409: the request conflicts with existing data."""


class IdempotencyConflictError(ConflictError):
    """409 `idempotency_key_in_use`: the key's first request is still in progress.

    Raised once the retries that waited for it are spent; send it again later.
    """


class UnprocessableEntityError(APIStatusError):
    """422: a field is invalid; `details` names each one."""


class IdempotencyKeyReusedError(UnprocessableEntityError):
    """422 `idempotency_key_reused`: the key was used for a different request before."""


class RateLimitError(APIStatusError):
    """429: the rate-limit window is spent; `retry_after` says for how long."""


class InternalServerError(APIStatusError):
    """5xx: something failed on the server's side."""


class ServerOutcomeUnknownError(InternalServerError, APIOutcomeUnknownError):
    """A write was answered with a 5xx: it may have taken effect before the failure."""


class APIResponseValidationError(APIError):
    """A response whose body could not be read, decoded or matched to the spec.

    `body` is what arrived: the decoded JSON when it is JSON, else the text
    (None when the body was not read).
    """

    status_code: int
    code: str | None = "invalid_response"  # the SDK's: the answer said none it could read
    request_id: str | None
    response: httpx.Response
    body: object

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        request_id: str | None,
        body: object = None,
    ) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.request_id = request_id
        self.body = body

    def __str__(self) -> str:
        return describe(self.status_code, self.code, self.message, self.request_id)


class UnreadableWriteResponseError(APIResponseValidationError):
    """A write (POST, PATCH, PUT, DELETE) succeeded, but its 2xx answer could not be read.

    The server acted: do not send the request again, or it may act twice. `body`
    holds what it answered (for a create, usually the new object's `id`), and
    `request_id` identifies the request to support.
    """


class PaginationCycleError(APIResponseValidationError):
    """A next-page link led back to a page already fetched; following it would never end."""


class ResponseTooLargeError(APIResponseValidationError):
    """The body grew past `max_response_bytes` once decoded, and was not read further."""


def describe(status: int, code: str | None, message: str, request_id: str | None) -> str:
    head = f"{status} {code}" if code else str(status)
    return f"{head}: {message} (request_id: {request_id or 'none'})"
