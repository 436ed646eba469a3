"""A small loopback HTTP server that answers whatever a test scripts, however badly.

For the SDK's hardening tests: the wire is real (sockets, headers, encodings),
and each answer is a plain function of the request path.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = tuple[int, dict[str, str], bytes]
Script = Callable[[str], Answer]


@contextmanager
def hostile_server(script: Script) -> Iterator[tuple[str, list[str]]]:
    """Serves `script(path)` for every request; yields the base URL and the paths seen."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            seen.append(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            status, headers, body = script(self.path)
            self.send_response(status)
            for name, value in {"Content-Length": str(len(body)), **headers}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PATCH = do_DELETE = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def drip_server(drip_headers: bool, interval: float = 0.1) -> Iterator[str]:
    """Answers 200 one byte every `interval` seconds: the headers, or only the body.

    Each byte comes well within any read timeout, so only a deadline ends the
    call. The server gives up by itself after 10 seconds.
    """
    import socket
    import time

    body = b'{"id": "u", "email": "e", "name": "n", "username": "u", "locale": "es"}' * 50
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    head += f"Content-Length: {len(body)}\r\n\r\n".encode()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.05)
    stop = threading.Event()

    def drip(connection: socket.socket) -> None:
        with connection:
            connection.recv(65536)
            slow, fast = (head + body, b"") if drip_headers else (body, head)
            connection.sendall(fast)
            give_up = time.monotonic() + 10
            for byte in slow:
                if stop.is_set() or time.monotonic() > give_up:
                    return
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(interval)

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=drip, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()
