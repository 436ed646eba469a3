"""Retries, as a transport that wraps the real one.

It sits beneath auth and the event hooks, so a retry re-sends the same, already
authenticated request and re-runs nothing above it. The decisions live in
`RetryPolicy`, shared by the sync and the async transport, which differ only in
how they sleep.

Writes are never duplicated: a POST or PATCH is re-sent only with its
Idempotency-Key (the server then acts on it at most once), or when the server
provably did not act on it (the connection was never made, or it answered 429).

Why one module: the policy's rules and the loop that applies them are one lifecycle of an
attempt (reserve, send, read, decide, wait), told twice for sync and async; read apart, the
loop's every branch would send its reader to the other module's rules.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from projekt._runtime import clock
from projekt._runtime.errors.failures import connection_failed
from projekt._runtime.errors.safety import (
    attempt_failure,
    fails_again,
    idempotency_key_of,
    safe_to_resend,
)
from projekt._runtime.forks import start_afresh_in_children
from projekt._runtime.limits import waits
from projekt._runtime.limits.deadline import attempt_seconds, deadline_in
from projekt._runtime.limits.ratelimit import RateLimit
from projekt._runtime.limits.throttle import Throttle
from projekt._runtime.observability import telemetry
from projekt._runtime.options import options_of, outcome_of
from projekt._runtime.transport.body import aread_capped, read_capped

__all__ = ["DEFAULT_MAX_RESPONSE_BYTES", "RetryPolicy"]

# Two orders of magnitude above the largest page the API sends (200 issues with
# long descriptions), and small enough that a hostile or broken server cannot
# exhaust memory: a 1 MiB gzip bomb would otherwise grow to gigabytes.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

# A 5xx may come after the work was done, so it is retried only where resending is safe.
# Every 5xx but these two: a gateway's or a CDN's own (Cloudflare's 520 to 527) passes as
# an outage does, while these say the request as it is can never succeed.
NEVER_RETRIED_5XX = frozenset({501, 505})  # not implemented; HTTP version not supported
# A 409 with this code: the key's first request is still being processed. Its
# answer will be replayed to a retry sent after the Retry-After it gives.
KEY_IN_USE = "idempotency_key_in_use"
BUDGET_SPENT = (
    "the client's retry budget is spent, by failures in a row; it refills as calls succeed"
)
# The jitter's randomness is the operating system's. The random module's generator is the
# program's: drawing from it changed what a seeded program drew next, and processes that each
# seed it alike (a fleet of workers, for reproducible runs) would retry in step.
ENTROPY = random.SystemRandom()


class RetryBudget:
    """A client-wide token bucket, so an outage does not multiply traffic.

    Each retry spends one token; each first-try success earns back a tenth of
    one, and a call that succeeds after retrying gets back what it spent: the
    server answered, so those retries multiplied nothing (a write whose answer
    was lost is one). Thread-safe; the async client uses it from one event loop.
    """

    def __init__(self, capacity: float = 10.0, refill_per_success: float = 0.1) -> None:
        self._capacity = capacity
        self._refill = refill_per_success
        self._tokens = capacity
        self._lock = threading.Lock()
        start_afresh_in_children(self)

    def after_fork(self) -> None:
        self._lock = threading.Lock()  # one held at the fork is never released in the child

    def try_spend(self) -> bool:
        with self._lock:
            if self._tokens < 1.0:
                return False
            self._tokens -= 1.0
            return True

    def earn(self) -> None:
        with self._lock:
            self._tokens = min(self._capacity, self._tokens + self._refill)

    def refund(self, retries: int) -> None:
        with self._lock:
            self._tokens = min(self._capacity, self._tokens + retries)


@dataclass
class RetryPolicy:
    """When to retry and how long to wait.

    Backoff is exponential with full jitter (0.5 s * 2^n, capped at 8 s). A wait
    the server asks for (Retry-After, or the rate-limit reset) is honoured up to
    `max_wait` seconds; past that, the response is returned for the caller to
    raise, with its `retry_after`.
    """

    max_retries: int = 2
    total_timeout: float | None = 60.0
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    max_wait: float = 60.0
    budget: RetryBudget = field(default_factory=RetryBudget)
    jitter: Callable[[float, float], float] = ENTROPY.uniform

    def attempts_allowed(self, request: httpx.Request) -> int:
        value = options_of(request).max_retries
        return self.max_retries if value is None else value

    def attempt_deadline(self, request: httpx.Request, started: float) -> float | None:
        """Seconds this attempt may take: its timeout, or what is left of the total (which
        the outcome records, for the error to name)."""
        per_attempt = attempt_seconds(request)
        left = None if self.total_timeout is None else self.total_timeout - (clock.now() - started)
        by_total = left is not None and (per_attempt is None or left < per_attempt)
        outcome_of(request).total_timeout = self.total_timeout if by_total else None
        return left if by_total else per_attempt

    def out_of_time(self, request: httpx.Request, started: float, delay: float) -> bool:
        """Would waiting `delay` before the next attempt pass the call's total timeout?"""
        if self.total_timeout is None or clock.now() - started + delay < self.total_timeout:
            return False
        outcome_of(request).not_retried = (
            f"a retry in {round(delay, 1):g} s would pass the call's total_timeout "
            f"of {self.total_timeout:g} s"
        )
        return True

    def backoff(self, attempt: int) -> float:
        return self.jitter(0.0, min(self.max_backoff, self.initial_backoff * 2**attempt))

    def after_error(
        self, request: httpx.Request, error: httpx.TransportError, attempt: int
    ) -> float:
        """The delay before retrying, or raises: the original error, or outcome-unknown."""
        if fails_again(error):
            raise error
        if not safe_to_resend(request, error=error):
            raise connection_failed(error, request) from error
        if attempt >= self.attempts_allowed(request):
            raise error
        if not self.budget.try_spend():
            outcome_of(request).not_retried = BUDGET_SPENT
            raise error
        return self.backoff(attempt)

    def after_response(
        self, request: httpx.Request, response: httpx.Response, attempt: int
    ) -> float | None:
        """The delay before retrying, or None to return this response."""
        status = response.status_code
        if status < 400:
            if attempt == 0:
                self.budget.earn()
            else:
                self.budget.refund(attempt)
            return None
        retryable = (
            retryable_status(status) and safe_to_resend(request, status=status)
        ) or key_in_use(response)
        if not retryable or attempt >= self.attempts_allowed(request):
            return None
        wait = RateLimit.of(response).wait_for()
        if wait > self.max_wait:
            outcome_of(request).not_retried = (
                f"the server asks to wait {round(wait, 1):g} s, longer than the "
                f"{self.max_wait:g} s the SDK waits by itself"
            )
            return None
        if not self.budget.try_spend():
            outcome_of(request).not_retried = BUDGET_SPENT
            return None
        return max(wait, self.backoff(attempt))


def retryable_status(status: int) -> bool:
    return status in (408, 429) or (500 <= status <= 599 and status not in NEVER_RETRIED_5XX)


def key_in_use(response: httpx.Response) -> bool:
    """A 409 saying this request's idempotency key is still being processed."""
    if response.status_code != 409 or idempotency_key_of(response.request) is None:
        return False
    try:
        return bool(response.json()["error"]["code"] == KEY_IN_USE)
    except (ValueError, KeyError, TypeError):  # not the envelope: an ordinary conflict
        return False


class RetryTransport(httpx.BaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy,
        throttle: Throttle | None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._throttle = throttle
        self._max_response_bytes = max_response_bytes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        budget = self._throttle.budget_for(request) if self._throttle else None
        outcome = outcome_of(request)
        attempt, started = 0, clock.now()
        while True:
            delay: float | None
            throttled = 0.0
            if budget is not None:
                while wait := budget.reserve(self._policy.max_wait):
                    waits.announce(request, wait, waits.THROTTLED)
                    clock.sleep(wait)
                    throttled += wait
                started += throttled  # the throttle's wait is not the call's time
            # From here on the budget is reserved: whatever happens, it is settled below.
            outcome.attempts, outcome.request_id, outcome.status = attempt + 1, None, None
            try:
                telemetry.waited(request, "throttle.wait", throttled)
                deadline = self._policy.attempt_deadline(request, started)
                with deadline_in(deadline), telemetry.attempt(request, attempt) as observed:
                    response = self._receive(request)
                    observed.answered(response)
            except httpx.TransportError as error:
                if budget is not None:
                    budget.observe(None)
                delay = self._policy.after_error(request, error, attempt)
                if self._policy.out_of_time(request, started, delay):
                    raise
                outcome.retried_after(attempt_failure(request, error=error))
                why = f"to retry after {type(error).__name__}"
            except BaseException:  # anything else, an interrupt too: give the reservation back
                if budget is not None:
                    budget.observe(None)
                raise
            else:
                if budget is not None:
                    budget.observe(response)
                delay = self._policy.after_response(request, response, attempt)
                if delay is None or self._policy.out_of_time(request, started, delay):
                    return response
                outcome.retried_after(attempt_failure(request, status=response.status_code))
                response.close()
                why = waits.retry_reason(response, delay)
            waits.announce(request, delay, why)
            telemetry.waited(request, "retry.wait", delay)
            clock.sleep(delay)
            attempt += 1

    def _receive(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        try:
            outcome_of(request).headers_came(response)
            # The SDK never streams: reading here lets a body cut short count as a failed
            # attempt (retried when safe) rather than surface later.
            response = read_capped(response, request, self._max_response_bytes)
        except BaseException:  # an interrupt too: an answer left open keeps its connection
            response.close()
            raise
        RateLimit.of(response)  # read on arrival, so its reset counts from now
        return response

    def close(self) -> None:
        self._inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        throttle: Throttle | None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._throttle = throttle
        self._max_response_bytes = max_response_bytes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        budget = self._throttle.budget_for(request) if self._throttle else None
        outcome = outcome_of(request)
        attempt, started = 0, clock.now()
        while True:
            delay: float | None
            throttled = 0.0
            if budget is not None:
                while wait := await budget.areserve(self._policy.max_wait):
                    waits.announce(request, wait, waits.THROTTLED)
                    await clock.asleep(wait)
                    throttled += wait
                started += throttled  # the throttle's wait is not the call's time
            # From here on the budget is reserved: whatever happens, it is settled below.
            outcome.attempts, outcome.request_id, outcome.status = attempt + 1, None, None
            try:
                telemetry.waited(request, "throttle.wait", throttled)
                deadline = self._policy.attempt_deadline(request, started)
                with deadline_in(deadline), telemetry.attempt(request, attempt) as observed:
                    response = await self._receive(request)
                    observed.answered(response)
            except httpx.TransportError as error:
                if budget is not None:
                    await budget.aobserve(None)
                delay = self._policy.after_error(request, error, attempt)
                if self._policy.out_of_time(request, started, delay):
                    raise
                outcome.retried_after(attempt_failure(request, error=error))
                why = f"to retry after {type(error).__name__}"
            except BaseException:  # anything else, a cancellation too: give the reservation back
                if budget is not None:
                    await budget.aobserve(None)
                raise
            else:
                if budget is not None:
                    await budget.aobserve(response)
                delay = self._policy.after_response(request, response, attempt)
                if delay is None or self._policy.out_of_time(request, started, delay):
                    return response
                outcome.retried_after(attempt_failure(request, status=response.status_code))
                await response.aclose()
                why = waits.retry_reason(response, delay)
            waits.announce(request, delay, why)
            telemetry.waited(request, "retry.wait", delay)
            await clock.asleep(delay)
            attempt += 1

    async def _receive(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        try:  # as _receive's
            outcome_of(request).headers_came(response)
            response = await aread_capped(response, request, self._max_response_bytes)
        except BaseException:
            await response.aclose()
            raise
        RateLimit.of(response)  # read on arrival, so its reset counts from now
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()
