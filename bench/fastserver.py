"""A fast local HTTP/1.1 keep-alive server for benchmarks over real sockets.

It answers every request at once: `GET /issues?limit=N` with N issues (as the API's
list does), `POST /issues` with the issue created, anything else with a user (as GET /me
returns); always with the rate-limit headers of a window that never runs out, so that
the SDK's throttle tracks it. The mock wire (cases.py) answers with the same `answer`.
Run it in its own process, so the client measured does not share its GIL:

    python bench/fastserver.py PORT
"""

from __future__ import annotations

import functools
import json
import socket
import sys
import threading
from urllib.parse import parse_qs, urlsplit

from cases import full_issue

HEADERS = {
    "Content-Type": "application/json",
    "X-RateLimit-Limit": "1000000",
    "X-RateLimit-Remaining": "999999",
    "X-RateLimit-Reset": "60",
    "X-Request-Id": "req_bench0001",
}
USER = {"id": "u", "email": "you@example.com", "name": "You", "username": "you", "locale": "es"}


@functools.cache
def answer(method: str, target: str) -> tuple[int, bytes]:
    """(status, body) for a request line's method and target."""
    url = urlsplit(target)
    if method == "POST":
        return 201, json.dumps(full_issue(1)).encode()
    if url.path.endswith("/issues"):
        size = int(parse_qs(url.query).get("limit", ["1"])[0])
        return 200, json.dumps([full_issue(n) for n in range(size)]).encode()
    return 200, json.dumps(USER).encode()


def response(method: str, target: str) -> bytes:
    status, body = answer(method, target)
    head = f"HTTP/1.1 {status} {'Created' if status == 201 else 'OK'}\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in HEADERS.items())
    return (head + f"Content-Length: {len(body)}\r\n\r\n").encode() + body


def serve(connection: socket.socket) -> None:
    with connection:
        buffer = b""
        while True:
            while b"\r\n\r\n" not in buffer:
                chunk = connection.recv(65536)
                if not chunk:
                    return
                buffer += chunk
            head, _, buffer = buffer.partition(b"\r\n\r\n")
            lines = head.split(b"\r\n")
            method, target, _ = lines[0].decode().split(" ", 2)
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(buffer) < length:
                buffer += connection.recv(65536)
            buffer = buffer[length:]
            connection.sendall(response(method, target))


def main(port: int) -> None:
    listener = socket.create_server(("127.0.0.1", port))
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    while True:
        connection, _ = listener.accept()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=serve, args=(connection,), daemon=True).start()


if __name__ == "__main__":
    main(int(sys.argv[1]))
