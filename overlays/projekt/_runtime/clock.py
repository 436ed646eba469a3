"""The SDK's sense of time, in one place, so that tests can replace it.

Its clocks are the machine's, whatever a test does to the time its own code sees.
freezegun, which tests use to freeze that time, replaces `time.monotonic`, `time.perf_counter`
and `time.time` in the time module and in every module that holds one: under a frozen clock,
the throttle waited for a rate-limit window that never ended, and the call never returned;
every attempt took 0 ms. freezegun replaces no attribute of a class, so `_Machine` keeps the
real ones. Below every concern of the runtime: its limits, its transport and its
observability all tell time by it.
"""

from __future__ import annotations

import time


class _Machine:
    monotonic = staticmethod(time.monotonic)
    perf_counter = staticmethod(time.perf_counter)
    time = staticmethod(time.time)


def monotonic() -> float:
    """Seconds on the machine's monotonic clock: what deadlines and leases count."""
    return _Machine.monotonic()


def counter() -> float:
    """Seconds on the machine's finest clock, to time an attempt by (for its metric and its
    debug line)."""
    return _Machine.perf_counter()


def wall() -> float:
    """The machine's time of day (seconds since the epoch), to read a server's dates by."""
    return _Machine.time()


def now() -> float:
    """What the throttle and the retries count time by, and tests replace."""
    return monotonic()


def sleep(seconds: float) -> None:
    time.sleep(seconds)


async def asleep(seconds: float) -> None:
    # Through AnyIO, as the async client's connections run: under asyncio and trio alike.
    import httpcore  # only async users pay for importing it

    await httpcore.AnyIOBackend().sleep(seconds)
