"""`timeout` as a real deadline for each attempt, whatever a server drip-feeds.

httpx's timeouts bound each socket operation, so a server that sends one byte
at a time never trips them: the call lasts as long as the server likes. Here
every socket operation an attempt makes is given at most the time left before
that attempt's deadline, so connect, headers and body together end by then.

The deadline travels in a context variable, set by the retrying transport around
each attempt and read by the network streams that httpcore reads and writes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import httpx

from projekt._runtime import clock

_DEADLINE: ContextVar[float | None] = ContextVar("projekt_deadline", default=None)

TIMEOUTS = "a number of seconds > 0, an httpx.Timeout of such numbers, or None"


def usable_timeout(value: object) -> bool:
    """Is `value` one of TIMEOUTS? A string (from the environment, say), 0 or a negative
    number would otherwise fail every call, or time it out at once."""
    if isinstance(value, httpx.Timeout):
        parts = (value.connect, value.read, value.write, value.pool)
        return all(part is None or usable_timeout(part) for part in parts)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value is None
    try:
        return math.isfinite(value) and value > 0
    except OverflowError:  # an int past any float: no clock counts that far
        return False


@contextmanager
def deadline_in(seconds: float | None) -> Iterator[None]:
    """Everything sent or received inside ends within `seconds` (None: no deadline)."""
    token = _DEADLINE.set(None if seconds is None else clock.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def time_left(timeout: float | None, timed_out: type[Exception]) -> float | None:
    """A socket operation's timeout, shortened to the deadline; raises once it has passed."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    remaining = deadline - clock.monotonic()
    if remaining <= 0:
        raise timed_out("The attempt's deadline passed.")  # which one: failures.py says
    return remaining if timeout is None else min(timeout, remaining)


def attempt_seconds(request: httpx.Request) -> float | None:
    """An attempt's deadline: the longest of the timeouts httpx was given for it."""
    timeouts = request.extensions.get("timeout", {})
    given = [value for value in timeouts.values() if value is not None]
    return max(given) if given else None
