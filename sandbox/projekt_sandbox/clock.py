"""The sandbox's clock: the machine's, whatever a test does to the time.

The sandbox stands in for a server elsewhere, whose rate-limit windows and held answers
run on a clock of its own. freezegun, which a test may use to freeze the time its own code
sees, replaces `time.monotonic` in the time module and in every module that holds it, and
asyncio's event loops read it there: under a frozen clock a held answer never came, a
spent window never ended, and the test kit's server, whose timers had been set by it, did
not stop. freezegun replaces no attribute of a class, so `_Machine` keeps the real one.
"""

from __future__ import annotations

import asyncio
import time

__all__ = ["MachineClockLoop", "monotonic"]


class _Machine:
    monotonic = staticmethod(time.monotonic)


def monotonic() -> float:
    """Seconds on the machine's monotonic clock."""
    return _Machine.monotonic()


class MachineClockLoop(asyncio.SelectorEventLoop):
    """An event loop whose timers run on the machine's clock: the test kit's server's."""

    def time(self) -> float:
        return monotonic()
