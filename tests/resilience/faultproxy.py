"""A loopback HTTP/1.1 proxy that sits in front of the sandbox and misbehaves on cue.

Each request the proxy reads takes the next action from its script (forwarding
when the script is empty). It counts what reached the sandbox, so a test can
tell how many times a request was really acted on. Given a TLS context, it serves
https, as the real API does, in front of the sandbox's plain http; with `gzip_chunked`, it
answers as nginx with gzip on does: each body compressed and in chunks, with no length.
"""

from __future__ import annotations

import asyncio
import gzip
import socket
import ssl
import struct
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import trustme


@dataclass
class Forward:
    """Pass the request on and the answer back, optionally changing the answer."""

    delay: float = 0.0  # seconds to hold the answer back
    until_client_leaves: bool = False  # hold the answer until the client gives up and closes
    truncate: bool = False  # cut the body in half, keeping Content-Length, then close
    headers: dict[str, str] = field(default_factory=dict)  # headers to set on the answer
    body: bytes | None = None  # a body to send instead of the sandbox's
    close_after: bool = False  # then close the connection, as a server's idle timeout does


@dataclass
class Respond:
    """Answer without asking the sandbox."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0  # seconds to hold the answer back
    held: bool = False  # then hold it until the test calls FaultProxy.release()


@dataclass
class Reset:
    """Reset the connection: without passing the request on, or after passing it on."""

    after_forward: bool = False
    meanwhile: Callable[[], None] | None = None  # run (in a thread) before the reset


Action = Forward | Respond | Reset


@dataclass
class Request:
    head: bytes
    body: bytes

    @property
    def method(self) -> str:
        return self.head.split(b" ", 1)[0].decode()


class FaultProxy:
    def __init__(
        self, upstream_port: int, tls: ssl.SSLContext | None = None, gzip_chunked: bool = False
    ) -> None:
        self.upstream_port = upstream_port
        self.gzip_chunked = gzip_chunked
        self.script: deque[Action] = deque()
        self.forwarded: list[str] = []  # "METHOD status" of each request that reached the sandbox
        self.connections = 0  # client connections accepted
        # Those the client closed after they had sat idle `idle_expiry` seconds or more (its
        # pool's keep-alive expiry), which it may then replace with new ones.
        self.idle_expiry: float | None = None
        self.expired = 0
        self.held = self.most_held = 0  # answers held until the client leaves: now, at most
        self.closed = threading.Semaphore(0)  # released as each close_after has closed
        self._released = asyncio.Event()  # set by release(), for the answers held
        # Each connection's handler, held: the event loop keeps only weak references to tasks
        # (CPython issue 91887), and a handler collected mid-test closes its connection with
        # the request unread, which the client sees as a reset.
        self._handlers: set[asyncio.Task[None]] = set()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._accept, "127.0.0.1", 0, ssl=tls), self._loop
        ).result()
        self.port = self._server.sockets[0].getsockname()[1]
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"

    def then(self, *actions: Action) -> FaultProxy:
        self.script.extend(actions)
        return self

    def release(self) -> None:
        """Sends every answer held (Respond(held=True)), and each one held from now on."""
        self._loop.call_soon_threadsafe(self._released.set)

    def refuse_connections(self) -> None:
        """Stops listening, as a server that went down: a new connection is refused."""
        self._loop.call_soon_threadsafe(self._server.close)

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(timeout=5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    async def _shutdown(self) -> None:
        self._server.close()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        handler = asyncio.current_task()
        assert handler is not None
        self._handlers.add(handler)
        handler.add_done_callback(self._handlers.discard)
        await self._serve(reader, writer)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                idle_since = self._loop.time()  # since it connected, or had its last answer
                request = await _read_request(reader)
                if request is None:
                    idle = self._loop.time() - idle_since
                    self.expired += self.idle_expiry is not None and idle >= self.idle_expiry
                    return
                action = self.script.popleft() if self.script else Forward()
                if isinstance(action, Reset) and not action.after_forward:
                    return _reset(writer)
                if isinstance(action, Respond):
                    await asyncio.sleep(action.delay)
                    if action.held:
                        await self._released.wait()
                    writer.write(_response(action.status, action.headers, action.body))
                    await writer.drain()
                    continue
                status, headers, body = await self._forward(request)
                if isinstance(action, Reset):
                    if action.meanwhile is not None:
                        await asyncio.to_thread(action.meanwhile)
                    return _reset(writer)
                await asyncio.sleep(action.delay)
                if action.until_client_leaves:  # the answer comes after any timeout: never
                    self.held += 1
                    self.most_held = max(self.most_held, self.held)
                    try:
                        await reader.read()
                    finally:
                        self.held -= 1
                    return writer.close()
                for name, value in action.headers.items():  # replace, whatever the case
                    headers = {k: v for k, v in headers.items() if k.lower() != name.lower()}
                    headers[name] = value
                if action.body is not None:
                    body = action.body
                    headers["Content-Length"] = str(len(body))
                if self.gzip_chunked and body and b"gzip" in request.head.lower():
                    headers, body = _gzipped_in_chunks(headers, body)
                if action.truncate:
                    writer.write(_response(status, headers, body)[: -max(len(body) // 2, 1)])
                    await writer.drain()
                    return writer.close()
                writer.write(_response(status, headers, body))
                await writer.drain()
                if action.close_after:  # a FIN: over TLS, with no close_notify to wait on
                    writer.get_extra_info("socket").shutdown(socket.SHUT_WR)
                    writer.transport.abort()
                    return self.closed.release()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            # CancelledError: the proxy is shutting down; end the connection quietly.
            writer.close()

    async def _forward(self, request: Request) -> tuple[int, dict[str, str], bytes]:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        writer.write(request.head + request.body)
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = dict(line.split(": ", 1) for line in lines[1:] if line)
        length = int(next((v for k, v in headers.items() if k.lower() == "content-length"), "0"))
        body = await reader.readexactly(length)
        writer.close()
        self.forwarded.append(f"{request.method} {status}")
        return status, {k.title(): v for k, v in headers.items()}, body


async def _read_request(reader: asyncio.StreamReader) -> Request | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return Request(head, await reader.readexactly(length))


def _response(status: int, headers: dict[str, str], body: bytes) -> bytes:
    if "Transfer-Encoding" not in headers:
        headers = {**headers, "Content-Length": headers.get("Content-Length", str(len(body)))}
    lines = [f"HTTP/1.1 {status} Whatever"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _gzipped_in_chunks(headers: dict[str, str], body: bytes) -> tuple[dict[str, str], bytes]:
    """The answer as nginx sends it with gzip on: compressed, in chunks of 100 bytes."""
    headers = {k: v for k, v in headers.items() if k.lower() != "content-length"}
    headers.update({"Content-Encoding": "gzip", "Transfer-Encoding": "chunked"})
    packed = gzip.compress(body)
    pieces = [packed[start : start + 100] for start in range(0, len(packed), 100)]
    framed = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces)
    return headers, framed + b"0\r\n\r\n"


def _reset(writer: asyncio.StreamWriter) -> None:
    """Closes with a TCP RST rather than a FIN."""
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class Tunnel(FaultProxy):
    """A proxy that only tunnels, as a company's proxy does for https (CONNECT), to one
    upstream port. It keeps each CONNECT's head and every byte it relays: what it could read.
    Given a status (b"407 Proxy Authentication Required"), it refuses every tunnel with it."""

    def __init__(self, upstream_port: int, refuse: bytes | None = None) -> None:
        self.heads: list[bytes] = []
        self.relayed = bytearray()
        self.refuse = refuse
        super().__init__(upstream_port)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.heads.append(await reader.readuntil(b"\r\n\r\n"))
        if self.refuse is not None:
            writer.write(b"HTTP/1.1 " + self.refuse + b"\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()
            return writer.close()
        upstream_reader, upstream_writer = await asyncio.open_connection(
            "127.0.0.1", self.upstream_port
        )
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await asyncio.gather(
            self._relay(reader, upstream_writer),
            self._relay(upstream_reader, writer),
            return_exceptions=True,
        )

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                self.relayed += data
                writer.write(data)
                await writer.drain()
        finally:
            writer.close()


@contextmanager
def serving_tls(
    ca: trustme.CA, upstream_port: int, host: str = "127.0.0.1", gzip_chunked: bool = False
) -> Iterator[FaultProxy]:
    """A fault proxy serving https in front of `upstream_port`, as `host`, signed by `ca`."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(host).configure_cert(context)
    proxy = FaultProxy(upstream_port, tls=context, gzip_chunked=gzip_chunked)
    try:
        yield proxy
    finally:
        proxy.close()
