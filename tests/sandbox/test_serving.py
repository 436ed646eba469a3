"""The sandbox's listening socket: every connection it accepts answers at once."""

from __future__ import annotations

import asyncio
import socket

from projekt_sandbox.serving import listening_socket
from tests.helpers import free_port


async def nagle_off_on_an_accepted_connection(listener: socket.socket) -> bool:
    """Whether asyncio (uvicorn's loop) turns Nagle's algorithm off on a connection
    accepted on `listener`, as it must for an answer written in parts to leave at once."""
    loop = asyncio.get_running_loop()
    accepted: asyncio.Future[bool] = loop.create_future()

    class Accepting(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            accepted.set_result(bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)))

    server = await loop.create_server(Accepting, sock=listener)
    host, port = listener.getsockname()[:2]
    _, writer = await asyncio.open_connection(host, port)
    try:
        return await asyncio.wait_for(accepted, timeout=10)
    finally:
        writer.close()
        server.close()
        await server.wait_closed()


def test_a_connection_to_the_sandbox_sends_each_answer_without_waiting() -> None:
    # Without IPPROTO_TCP on the listener, asyncio leaves Nagle on: a small answer's body
    # then waits for the client's delayed ACK on each request after a connection's first.
    assert asyncio.run(nagle_off_on_an_accepted_connection(listening_socket("127.0.0.1", 0)))


def test_the_listening_socket_is_a_tcp_socket_on_the_port_asked_for() -> None:
    port = free_port()
    listener = listening_socket("127.0.0.1", port)
    with listener:
        assert listener.getsockname() == ("127.0.0.1", port)
        assert listener.proto == socket.IPPROTO_TCP
