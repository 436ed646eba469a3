"""One typed object per call carried down through httpx to the transport, one back up.

The pipeline makes a frozen `CallOptions` for each call, and a fresh `CallOutcome` for
each exchange (the call, or one page of a list), and puts them in the request's
extensions `projekt.call` and `projekt.outcome`: httpx hands extensions to the transport
untouched, through a user's own `http_client=` too. The layers below read the options
(the retrying transport, the telemetry, the error mapping) and record in the outcome what
happened, which the pipeline and the answer read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from projekt._runtime.calls.operation import Operation
    from projekt._runtime.limits.ratelimit import RateLimit

__all__ = [
    "CALL",
    "COUNT",
    "OUTCOME",
    "CallOptions",
    "CallOutcome",
    "is_count",
    "options_of",
    "outcome_of",
]

CALL, OUTCOME = "projekt.call", "projekt.outcome"
COUNT = "an integer >= 0"


def is_count(value: object) -> bool:
    """Is `value` a number of times (max_retries)? Not a bool, a float or a string, which
    the retry loop would take for one, or fail on once the request had gone."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


@dataclass(slots=True)
class CallOutcome:
    """What the layers below did for one exchange."""

    attempts: int = 0  # requests sent, retries included
    # The latest answer and the rate-limit state its headers gave when it arrived (read
    # then, so that a reset counted from that moment stays right when it is read later).
    response: httpx.Response | None = None
    rate_limit: RateLimit | None = None
    # The latest attempt's X-Request-Id and status, from its headers on: kept when its body
    # is cut short.
    request_id: str | None = None
    status: int | None = None
    # The call's total_timeout, when what was left of it, rather than the attempt's own
    # timeout, was the latest attempt's deadline.
    total_timeout: float | None = None
    # Why an answer the SDK retries was returned as it was, with retries left: the error
    # says so, or a 503 raised at once reads as a broken retry.
    not_retried: str | None = None
    # What an earlier attempt of a write left, which a retry that surely did nothing (one
    # refused, or answered 429) does not undo: how the first that may have acted failed, the
    # first request id one of those was answered with (support finds the write by it), and
    # the 2xx status of one whose answer's body was cut short (it did act).
    unsure: str | None = None
    unsure_request_id: str | None = None
    took_effect: int | None = None

    @property
    def retries(self) -> int:
        return max(self.attempts - 1, 0)

    def retried_after(self, failure: str | None) -> None:
        """Keeps what the attempt just failed tells of its write, for the error a later
        attempt may end in: `failure` says how, when it may have acted."""
        if failure is not None:
            self.unsure = self.unsure or failure
            self.unsure_request_id = self.unsure_request_id or self.request_id
        if failure is not None and 200 <= (self.status or 0) < 300:
            self.took_effect = self.status

    def headers_came(self, response: httpx.Response) -> None:
        """What an answer's headers tell, kept before its body is read: a body cut short
        still names its request to support, and says whether a write took effect."""
        self.request_id, self.status = response.headers.get("x-request-id"), response.status_code


@dataclass(frozen=True, slots=True)
class CallOptions:
    """What one call asks of the layers below, each page of a list alike."""

    operation: Operation[Any] | None = None
    max_retries: int | None = None  # None: the client's
    idempotency_key: str | None = None  # the key a write is sent with, unquoted
    without_headers: tuple[str, ...] = ()  # the SDK's headers the caller removed
    # What telemetry found for this call (None: no one traces, or measures), looked up
    # once per call rather than once per attempt.
    tracer: Any = None
    histogram: Any = None


def options_of(request: httpx.Request | None) -> CallOptions:
    """The request's options; a request the pipeline did not make gets empty ones."""
    found = request.extensions.get(CALL) if request is not None else None
    return found if isinstance(found, CallOptions) else CallOptions()


def outcome_of(request: httpx.Request) -> CallOutcome:
    """The request's outcome; a request the pipeline did not make gets one of its own."""
    found = request.extensions.get(OUTCOME)
    return found if isinstance(found, CallOutcome) else CallOutcome()
