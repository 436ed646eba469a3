"""The sandbox's rate limit: a fixed window per API key, as the spec's headers describe."""

from __future__ import annotations

import math
import threading

from .clock import monotonic

# A default that is the same everywhere the sandbox starts: `serve`, `make sandbox`, the test kit.
DEFAULT_RATE_LIMIT = (600, 60.0)  # requests per seconds, per API key


def checked_rate_limit(limit: object, window: object) -> tuple[int, float]:
    """`limit` requests per `window` seconds, as a real server could announce them, else a
    ValueError: a limit below 1 would answer nothing but 429s, a fractional one headers no
    server sends."""
    if (
        isinstance(limit, int)
        and not isinstance(limit, bool)
        and limit >= 1
        and isinstance(window, (int, float))
        and not isinstance(window, bool)
        and math.isfinite(window)
        and window > 0
    ):
        return limit, float(window)
    raise ValueError(
        "a rate limit is a whole number of requests, at least 1, per a number of seconds "
        f"above 0; not {limit!r} per {window!r}"
    )


class RateLimiter:
    """A fixed window per API key (per client address for unauthenticated calls)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = checked_rate_limit(limit, window)
        self._windows: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def hit(self, bucket: str) -> dict[str, str]:
        """Counts one request; the headers carry Retry-After when it is refused."""
        now = monotonic()
        with self._lock:
            start, count = self._windows.get(bucket, (now, 0))
            if now - start >= self.window:
                start, count = now, 0
            allowed = count < self.limit
            count += 1 if allowed else 0
            self._windows[bucket] = (start, count)
        reset = max(1, math.ceil(start + self.window - now))
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(max(self.limit - count, 0)),
            "X-RateLimit-Reset": str(reset),
        }
        if not allowed:
            headers["Retry-After"] = str(reset)
        return headers
