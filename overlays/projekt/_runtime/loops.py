"""What closes a client's async connections as the event loop that holds them shuts down.

An async connection (httpcore's, redis-py's) can only close through its event loop. A
client dropped without `close()` (a script's, a test's) would leave its sockets to the
collector, which warns of each one (a ResourceWarning, an error under `-W error`), and
by then the loop may be gone. But `asyncio.run()`, `asyncio.Runner`, pytest-asyncio and
`trio.run()` close every async generator still open before they end: each resource is
kept with one, started in its loop, whose end closes it.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator
from typing import Protocol

__all__ = ["closed_with_its_loop"]


class Closes(Protocol):
    async def aclose(self) -> None: ...


async def closed_with_its_loop(resource: Closes) -> AsyncGenerator[None]:
    """Started in an event loop (`await closer.asend(None)`), closes `resource` when the
    loop shuts down, or when the generator is closed. Keep a reference to it: collected
    sooner, it would close the resource at once.

    Not at collection: a client is collected with its resources (they refer to each
    other), and the collector finalizes their sockets along with this generator, before a
    close could run.
    """
    try:
        yield
    finally:
        with contextlib.suppress(Exception):  # a connection that fails to close is gone anyway
            await resource.aclose()
