"""The SDK's sense of time, in one place, so that tests can replace it."""

from __future__ import annotations

import asyncio
import time


def now() -> float:
    return time.monotonic()


def sleep(seconds: float) -> None:
    time.sleep(seconds)


async def asleep(seconds: float) -> None:
    await asyncio.sleep(seconds)
