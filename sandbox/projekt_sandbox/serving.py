"""Serving over HTTP/1.1 with a bound on slow clients, and answers lost on request.

The listening socket says it is TCP (`listening_socket`), so that every connection
answers at once: asyncio turns Nagle's algorithm off on an accepted connection only
when its socket was made with `IPPROTO_TCP`, as asyncio's own servers make theirs.
Otherwise an answer written in two parts (its head, then a small body) waits for the
client's delayed acknowledgement on every request after the first of a kept-alive
connection.

uvicorn closes an idle keep-alive connection (`timeout_keep_alive`), but a client
that sends its request one byte at a time keeps its connection, and a worker's
attention, for as long as it likes. This protocol gives each request a deadline
to arrive whole, head and body, counted from the connection (or from the previous
response): past it, the connection is closed.

ASGI has no way for an application to drop a connection without answering, which
is what the test kit's `lose_next_response` needs; this protocol offers one to the
application, as a scope extension (`LostAnswer` uses it).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from typing import Any

import h11
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["LostAnswer", "bounded_h11", "listening_socket"]

ABORT_EXTENSION = "projekt.abort_connection"
DEFAULT_REQUEST_TIMEOUT = 10.0  # as `projekt-sandbox serve --request-timeout`'s default


class LostAnswer(Response):
    """No answer at all: the connection is dropped after the request was acted on."""

    def __init__(self) -> None:
        super().__init__(status_code=200)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        abort = scope.get("extensions", {}).get(ABORT_EXTENSION)
        if abort is None:  # served by another server: lose the answer after its head
            head = [(b"content-length", b"1")]
            await send({"type": "http.response.start", "status": 200, "headers": head})
            return
        abort()
        # Let the server see the connection go before this returns, so it does not
        # try to answer on it (and log that it could not).
        await asyncio.sleep(0)


def _abortable(app: ASGIApp, abort: Callable[[], None]) -> ASGIApp:
    async def with_abort(scope: Scope, receive: Receive, send: Send) -> None:
        extensions = {**scope.get("extensions", {}), ABORT_EXTENSION: abort}
        await app({**scope, "extensions": extensions}, receive, send)

    return with_abort


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
            self.app = _abortable(self.app, transport.abort)
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


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket listening on host:port (0: a free port), for uvicorn's `sockets=`."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.create_server((host, port), family=family)
    # The same socket, saying it is TCP: create_server leaves its `proto` at 0.
    return socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, listener.detach())
