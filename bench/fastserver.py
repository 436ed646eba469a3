"""A fast local HTTP/1.1 keep-alive server for benchmarks over real sockets.

It answers every request at once with one fixed JSON body (a user, as GET /me returns)
and the rate-limit headers of a window that never runs out, so that the SDK's throttle
tracks it. Run it in its own process, so the client measured does not share its GIL:

    python bench/fastserver.py PORT
"""

from __future__ import annotations

import json
import socket
import sys
import threading

BODY = json.dumps(
    {"id": "u", "email": "you@example.com", "name": "You", "username": "you", "locale": "es"}
).encode()
HEAD = (
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    "X-RateLimit-Limit: 1000000\r\nX-RateLimit-Remaining: 999999\r\nX-RateLimit-Reset: 60\r\n"
    "X-Request-Id: req_bench\r\n"
    f"Content-Length: {len(BODY)}\r\n\r\n"
).encode()


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
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(buffer) < length:
                buffer += connection.recv(65536)
            buffer = buffer[length:]
            connection.sendall(HEAD + BODY)


def main(port: int) -> None:
    listener = socket.create_server(("127.0.0.1", port))
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    while True:
        connection, _ = listener.accept()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=serve, args=(connection,), daemon=True).start()


if __name__ == "__main__":
    main(int(sys.argv[1]))
