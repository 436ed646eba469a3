"""Serving over HTTP/1.1 with a bound on slow clients.

uvicorn closes an idle keep-alive connection (`timeout_keep_alive`), but a client
that sends its request one byte at a time keeps its connection, and a worker's
attention, for as long as it likes. This protocol gives each request a deadline
to arrive whole, head and body, counted from the connection (or from the previous
response): past it, the connection is closed.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


def bounded_h11(request_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol, closing a connection whose request is not in by the deadline."""

    class BoundedH11Protocol(H11Protocol):
        # Built on uvicorn's own protocol class: `conn` (the h11 state machine),
        # `loop` and `transport` are its attributes, as its keep-alive timer uses them.
        _request_deadline: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            self._disarm()
            self._request_deadline = self.loop.call_later(request_timeout, self._too_slow)

        def _disarm(self) -> None:
            if self._request_deadline is not None:
                self._request_deadline.cancel()
                self._request_deadline = None

        def _too_slow(self) -> None:
            if self.conn.their_state is not h11.DONE and not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is h11.DONE:  # the whole request is in
                self._disarm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

    return BoundedH11Protocol
