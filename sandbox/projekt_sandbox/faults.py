"""Failures on request, for testing how a client copes: `fail_next(503)` and the like.

A planned failure is answered before the sandbox looks at the request, so a
failed POST creates nothing: exactly what a client's retry and outcome-unknown
handling needs to be tested against. A planned loss (`lose_next_response`) is
the mirror image: the sandbox acts and commits, then drops the connection
without answering, as when a network or a proxy loses the answer. A planned
delay (`delay_next`) acts and commits too, then holds the answer, as a slow
server or network does: what a client's timeout meets.
"""

from __future__ import annotations

import asyncio
import fnmatch
import itertools
import math
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, TypeVar

from .clock import monotonic
from .operations import HEADER_NAME, ApiError, carried

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    422: "validation_failed",
    429: "rate_limited",
}


# What frames the answer, and the id its envelope repeats: a planned header would contradict it.
_SANDBOX_SETS = frozenset({"content-length", "transfer-encoding", "connection", "x-request-id"})
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

# The longest delay_next() holds an answer: long past any client's timeout a test sets.
MAX_DELAY = 60
# How often a held answer looks whether the plans were cleared (the next test's reset, or
# the server's stop), which sends it at once rather than keep a shutdown waiting for it.
_HOLD_TICK = 0.05


class _Planned:
    """Which requests a plan applies to: `method`, and `path` (exact, a glob, or the spec's
    template, "/issues/{issue_id}"), matched by any of the paths a request goes by."""

    call: ClassVar[str]  # the test kit's method that makes the plan
    times: int
    method: str | None
    path: str | None
    met = 0  # how many requests it has applied to
    made = 0  # its place among the plans, in the order the test made them

    def matches(self, method: str, paths: Collection[str]) -> bool:
        return (self.method is None or self.method.upper() == method) and (
            self.path is None or any(fnmatch.fnmatchcase(path, self.path) for path in paths)
        )

    def given(self) -> list[str]:
        """What the test gave before `method` and `path`."""
        return []

    def __str__(self) -> str:  # as the test wrote it: fail_next(503, path='/isues')
        narrowed = {"method": self.method, "path": self.path}
        given = self.given() + [
            f"{name}={value!r}" for name, value in narrowed.items() if value is not None
        ]
        return f"{self.call}({', '.join(given)})"

    def refusal(self) -> str | None:
        """Why no request could meet the plan: a method or path no request has."""
        if self.method is not None and str(self.method).upper() not in _METHODS:
            return f"a method such as 'POST', not {self.method!r}"
        if self.path is not None and not (
            isinstance(self.path, str) and self.path[:1] in ("/", "*")
        ):
            return (
                "a path such as '/issues' (a glob, '/issues*', or the spec's template, "
                f"'/issues/{{issue_id}}'), not {self.path!r}"
            )
        return None


P = TypeVar("P", bound=_Planned)


@dataclass
class PlannedLoss(_Planned):
    call = "lose_next_response"
    times: int
    method: str | None = None
    path: str | None = None  # exact, a glob ("/issues*") or a template ("/issues/{issue_id}")


@dataclass
class PlannedDelay(_Planned):
    call = "delay_next"
    seconds: float
    times: int
    method: str | None = None
    path: str | None = None  # exact, a glob ("/issues*") or a template ("/issues/{issue_id}")

    def given(self) -> list[str]:
        return [repr(self.seconds)]


@dataclass
class PlannedFailure(_Planned):
    call = "fail_next"
    status: int
    times: int
    method: str | None = None
    path: str | None = None  # exact, a glob ("/issues*") or a template ("/issues/{issue_id}")
    headers: dict[str, str] = field(default_factory=dict)
    code: str | None = None  # the envelope's code; by default the status's usual one
    message: str | None = None  # the envelope's message; by default one naming the plan

    def given(self) -> list[str]:
        return [repr(self.status)]


class Faults:
    """The plans for the next matching requests, met in the order they were made (one a
    request matches waits while an earlier one matches it too). `allows_code` and
    `allows_message` say whether the spec's error envelope allows a code and a message: a
    planned failure's are ones the API may send."""

    def __init__(
        self, allows_code: Callable[[object], bool], allows_message: Callable[[object], bool]
    ) -> None:
        self._allows_code, self._allows_message = allows_code, allows_message
        self._planned: list[PlannedFailure] = []
        self._losses: list[PlannedLoss] = []
        self._delays: list[PlannedDelay] = []
        self._cleared = 0  # how many times clear() ran: a held answer's cue to go
        self._made = itertools.count(1)
        self._lock = threading.Lock()

    def plan(self, failure: PlannedFailure) -> None:
        status, times = failure.status, failure.times
        if not (_whole(status) and 400 <= status <= 599 and _whole(times) and times >= 1):
            raise ValueError(
                "fail_next() takes a 4xx or 5xx status (an int, such as 503) and times >= 1; "
                f"not {status!r}, times={times!r}"
            )
        for name, value in failure.headers.items():
            if not (HEADER_NAME.fullmatch(name) and carried(value)):
                raise ValueError(
                    "fail_next() takes headers of a name (letters, digits and !#$%&'*+-.^_`|~) "
                    "and a value of text (printable ASCII, not padded) or a whole number; "
                    f"not {name!r}: {value!r}"
                )
            if name.lower() in _SANDBOX_SETS:
                raise ValueError(
                    f"fail_next() takes no {name} header: the sandbox sends its own, which the "
                    "body and the envelope's request_id must agree with"
                )
        code = failure.code
        if code is not None and not (isinstance(code, str) and self._allows_code(code)):
            raise ValueError(
                "fail_next() takes a code the spec's error envelope allows (its ErrorBody.code, "
                f"such as 'quota_exceeded'); not {code!r}"
            )
        message = failure.message
        if message is not None and not (isinstance(message, str) and self._allows_message(message)):
            shown = repr(message)
            if isinstance(message, str) and len(shown) > 80:  # its start and length say which
                shown = f"{shown[:60]}... ({len(message):,} characters)"
            raise ValueError(
                "fail_next() takes a message the spec's error envelope allows (its "
                f"ErrorBody.message: text of at most 1,000 characters, with no NUL); not {shown}"
            )
        self._add(self._planned, failure)

    def plan_loss(self, loss: PlannedLoss) -> None:
        if not (_whole(loss.times) and loss.times >= 1):
            raise ValueError("lose_next_response() takes times >= 1")
        self._add(self._losses, loss)

    def plan_delay(self, delay: PlannedDelay) -> None:
        seconds = delay.seconds
        number = isinstance(seconds, (int, float)) and not isinstance(seconds, bool)
        if not (number and math.isfinite(seconds) and 0 < seconds <= MAX_DELAY):
            raise ValueError(
                f"delay_next() takes seconds above 0 and at most {MAX_DELAY} (to meet a "
                f"timeout, set the client's below it); not {seconds!r}"
            )
        if not (_whole(delay.times) and delay.times >= 1):
            raise ValueError("delay_next() takes times >= 1")
        self._add(self._delays, delay)

    def _add(self, plans: list[P], plan: P) -> None:
        refusal = plan.refusal()
        if refusal is not None:
            raise ValueError(f"{plan.call}() takes {refusal}")
        with self._lock:
            plan.made = next(self._made)
            plans.append(plan)

    def unmet(self) -> list[str]:
        """The plans no request has met yet, as the test made them."""
        with self._lock:
            every = [*self._planned, *self._losses, *self._delays]
        return [str(plan) for plan in every if not plan.met]

    def clear(self) -> None:
        with self._lock:
            self._planned.clear()
            self._losses.clear()
            self._delays.clear()
            self._cleared += 1

    def lose(self, method: str, paths: Collection[str]) -> bool:
        """True when the answer to this request, already acted on, is to be lost."""
        return self._use(self._losses, method, paths, after=[self._delays]) is not None

    def delay(self, method: str, paths: Collection[str]) -> float:
        """Seconds to hold the answer to this request, already acted on (0: none)."""
        delay = self._use(self._delays, method, paths)
        return 0.0 if delay is None else delay.seconds

    async def hold(self, seconds: float) -> None:
        """Waits `seconds`, or until the plans are cleared."""
        cleared, deadline = self._cleared, monotonic() + seconds
        while self._cleared == cleared and (left := deadline - monotonic()) > 0:
            await asyncio.sleep(min(left, _HOLD_TICK))

    def _use(
        self,
        plans: list[P],
        method: str,
        paths: Collection[str],
        after: Sequence[Sequence[_Planned]] = (),
    ) -> P | None:
        """The first plan matching this request, counted once (and dropped when spent); none
        while a plan of `after`'s made before it matches too, which this request meets first:
        `lose_next_response()` then `fail_next(429)` loses an answer, then refuses the retry."""
        with self._lock:
            plan = next((plan for plan in plans if plan.matches(method, paths)), None)
            if plan is not None and any(
                earlier.made < plan.made and earlier.matches(method, paths)
                for others in after
                for earlier in others
            ):
                plan = None
            if plan is not None:
                plan.met += 1
                plan.times -= 1
                if plan.times == 0:
                    plans.remove(plan)
        return plan

    def take(self, method: str, paths: Collection[str]) -> ApiError | None:
        """The error to answer this request with instead of acting on it, if one is planned."""
        failure = self._use(self._planned, method, paths, after=[self._losses, self._delays])
        if failure is None:
            return None
        code = failure.code or _CODES.get(
            failure.status, "internal_error" if failure.status >= 500 else "error"
        )
        message = failure.message
        if message is None:
            message = f"A failure planned with fail_next({failure.status}); nothing was done."
        return ApiError(failure.status, code, message, headers=dict(failure.headers))


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
