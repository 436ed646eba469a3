"""Failures on request, for testing how a client copes: `fail_next(503)` and the like.

A planned failure is answered before the sandbox looks at the request, so a
failed POST creates nothing: exactly what a client's retry and outcome-unknown
handling needs to be tested against.
"""

from __future__ import annotations

import fnmatch
import threading
from dataclasses import dataclass, field

from .operations import ApiError

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    422: "validation_failed",
    429: "rate_limited",
}


@dataclass
class PlannedFailure:
    status: int
    times: int
    method: str | None = None
    path: str | None = None  # exact, or a glob such as "/issues*"
    headers: dict[str, str] = field(default_factory=dict)

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method.upper() == method) and (
            self.path is None or fnmatch.fnmatchcase(path, self.path)
        )


class Faults:
    """The failures planned for the next matching requests, taken in order."""

    def __init__(self) -> None:
        self._planned: list[PlannedFailure] = []
        self._lock = threading.Lock()

    def plan(self, failure: PlannedFailure) -> None:
        if not 400 <= failure.status <= 599 or failure.times < 1:
            raise ValueError("fail_next() takes a 4xx or 5xx status and times >= 1")
        with self._lock:
            self._planned.append(failure)

    def clear(self) -> None:
        with self._lock:
            self._planned.clear()

    def take(self, method: str, path: str) -> ApiError | None:
        """The error to answer this request with instead of acting on it, if one is planned."""
        with self._lock:
            failure = next((f for f in self._planned if f.matches(method, path)), None)
            if failure is None:
                return None
            failure.times -= 1
            if failure.times == 0:
                self._planned.remove(failure)
        code = _CODES.get(failure.status, "internal_error" if failure.status >= 500 else "error")
        message = f"A failure planned with fail_next({failure.status}); nothing was done."
        return ApiError(failure.status, code, message, headers=dict(failure.headers))
