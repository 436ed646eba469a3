"""The SDK's sense of time, in one place, so that tests can replace it.

Its clocks are the machine's, whatever a test does to the time its own code sees.
freezegun, which tests use to freeze that time, replaces `time.monotonic` and `time.time`
in the time module and in every module that holds one: under a frozen clock, the throttle
waited for a rate-limit window that never ended, and the call never returned. freezegun
replaces no attribute of a class, so `_Machine` keeps the real ones.
"""

from __future__ import annotations

import time


class _Machine:
    monotonic = staticmethod(time.monotonic)
    time = staticmethod(time.time)


def monotonic() -> float:
    """Seconds on the machine's monotonic clock: what deadlines and leases count."""
    return _Machine.monotonic()


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
