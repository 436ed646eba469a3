"""The SDK's sense of time, in one place, so that tests can replace it."""

from __future__ import annotations

import time


def now() -> float:
    return time.monotonic()


def sleep(seconds: float) -> None:
    time.sleep(seconds)


async def asleep(seconds: float) -> None:
    # Through AnyIO, as the async client's connections run: under asyncio and trio alike.
    import httpcore  # only async users pay for importing it

    await httpcore.AnyIOBackend().sleep(seconds)
