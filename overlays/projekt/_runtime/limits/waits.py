"""Long waits, said out loud: a job paused for the rate limit must not look hung.

The throttle's wait for a window to reset, and the wait before a retry, can last
seconds or minutes. Each one of 1 s or more is one INFO line on the `projekt`
logger, naming the operation, the seconds and why; a shorter one is a DEBUG line
(OpenTelemetry users also get it as an event on the call's span, telemetry.waited).
The record also carries `projekt_wait`, (seconds, "the rate limit" or "a retry"),
for a program that shows it its own way (the CLI's progress line does).
"""

from __future__ import annotations

import logging

import httpx

from projekt._runtime.limits.ratelimit import RateLimit
from projekt._runtime.observability.hooks import guarded
from projekt._runtime.observability.log import logger
from projekt._runtime.options import options_of

__all__ = ["announce", "retry_reason"]

THROTTLED = "for the rate-limit window to reset"


@guarded("logging of long waits")
def announce(request: httpx.Request, seconds: float, why: str) -> None:
    """A wait of 1 s or more at INFO; a shorter one at DEBUG (PROJEKT_LOG=debug)."""
    level = logging.INFO if seconds >= 1.0 else logging.DEBUG
    if seconds > 0 and logger.isEnabledFor(level):
        op = options_of(request).operation
        name = f"{op.name}()" if op is not None else f"{request.method} {request.url.path}"
        kind = "the rate limit" if why == THROTTLED else "a retry"
        text = "%.0f s" if seconds >= 1.0 else "%.2f s"
        logger.log(
            level,
            f"%s waits {text} %s.",
            name,
            seconds,
            why,
            extra={"projekt_wait": (seconds, kind)},
        )


def retry_reason(response: httpx.Response, delay: float) -> str:
    """Why the SDK waits `delay` s: the server's Retry-After only when that set the wait, not
    when the SDK's own backoff was longer (a `Retry-After: 0` is not a wait of 0.2 s)."""
    asked = RateLimit.of(response).retry_after
    named = " (the server's Retry-After)" if asked is not None and asked >= delay else ""
    return f"to retry after a {response.status_code}{named}"
