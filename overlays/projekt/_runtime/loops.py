"""What closes a client's async connections as the event loop that holds them shuts down.

An async connection (httpcore's, redis-py's) can only close through its event loop. A
client dropped without `close()` (a script's, a test's) would leave its sockets to the
collector, which warns of each one (a ResourceWarning, an error under `-W error`), and
by then the loop may be gone. But `asyncio.run()`, `asyncio.Runner`, pytest-asyncio and
`trio.run()` close every async generator still open before they end: each resource is
kept with one, started in its loop, whose end closes it.

A client collected while its loop still runs (one made per request and dropped) would go
with its resources, and the collector finalizes the objects it takes in no set order: each
socket would warn first. So the closers are held apart from the client, by a finalizer of
its own: when the client goes, the finalizer lets them go, and each, unfinished, is closed
in its loop by the loop's hook for async generators, which closes its resource. (asyncio's
hook does so quietly; trio's also warns that the generator was collected.)
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import AsyncGenerator
from typing import Protocol

__all__ = ["Closers", "has_run"]


class Closes(Protocol):
    async def aclose(self) -> None: ...


async def closed_with_its_loop(resource: Closes) -> AsyncGenerator[None]:
    """Started in an event loop (`await closer.asend(None)`), closes `resource` when the
    loop shuts down, or when the generator is closed. Keep a reference to it: collected
    sooner, it would close the resource at once.

    Not at collection, unless held apart from its client (`Closers`): a client is collected
    with its resources (they refer to each other), and the collector finalizes their sockets
    along with this generator, before a close could run.
    """
    try:
        yield
    finally:
        with contextlib.suppress(Exception):  # a connection that fails to close is gone anyway
            await resource.aclose()


class Closers:
    """Starts the closers of `owner`'s resources, and holds them until `owner` is collected
    (see the module's docstring)."""

    def __init__(self, owner: object) -> None:
        # Each closer, and its asyncio loop (None under trio).
        self._held: dict[AsyncGenerator[None], asyncio.AbstractEventLoop | None] = {}
        weakref.finalize(owner, self._held.clear)

    async def start(self, resource: Closes) -> AsyncGenerator[None]:
        """A closer of `resource`, started in this loop (see closed_with_its_loop)."""
        closer = closed_with_its_loop(resource)
        await closer.asend(None)
        for held, loop in list(self._held.items()):  # a copy: loops in other threads add
            # Its loop has shut down: it ran then, or, a loop closed without closing its
            # generators, it never will.
            if has_run(held) or (loop is not None and loop.is_closed()):
                self._held.pop(held, None)
        self._held[closer] = _asyncio_loop()
        return closer


def has_run(closer: AsyncGenerator[None] | None) -> bool:
    """Has `closer` closed its resource (or is there none yet)? A finished async generator
    has no frame."""
    return getattr(closer, "ag_frame", None) is None


def _asyncio_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:  # trio's run
        return None
