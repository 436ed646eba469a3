"""httpcore network backends and streams that honour the attempt's deadline.

Every read, write, connect and TLS handshake gets at most the time left before
the deadline that `deadline.deadline_in` set (see deadline.py). Imported on the
first client, as httpx itself imports httpcore only then. The SDK's pool never connects
over a Unix socket (httpcore's `uds=`), so neither backend offers one.

A host with several addresses (a load balancer's, one per zone; IPv6 and IPv4)
shares the time among them, as Go's net.Dialer does: `socket.create_connection`
gives each the whole timeout, so a dead first address took all of it and the next
as much again. The async backend's happy eyeballs (AnyIO) need no such help.

The lookup of a host's name is bounded by the deadline too. `getaddrinfo` cannot be
interrupted, and a resolver whose query was lost waits its own timeout (5 s by default,
then asks again) whatever the call's. So the sync backend looks a name up in a thread of
its own and waits for it only as long as the deadline allows, as AnyIO does for the async
one. A call for a host whose lookup is still running waits for that one rather than start
another: a resolver that stalls holds one thread per host, however many calls time out on
it. An address needs no lookup, and gets no thread.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import Any

import httpcore

from projekt._runtime.limits.deadline import time_left

# Set while a request enters the pool (pool.py) until it has a connection of its own: its
# first connect or write on one tells so, and lets the next request in.
ENTERING: ContextVar[Callable[[], None] | None] = ContextVar("projekt_entering", default=None)


def _has_a_connection() -> None:
    let_next_in = ENTERING.get()
    if let_next_in is not None:
        ENTERING.set(None)
        let_next_in()


class DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, time_left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        _has_a_connection()
        self._inner.write(buffer, time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = time_left(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner
        self._lookups = _Lookups()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        _has_a_connection()
        *others, last = addresses = self._lookups.addresses(host, port, timeout)
        for tried, address in enumerate(others):
            shares = len(addresses) - tried  # this address's, and the ones after it
            try:
                return self._connect(address, port, timeout, shares, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue  # the next one, as socket.create_connection tries each
        return self._connect(last, port, timeout, 1, local_address, socket_options)

    def _connect(
        self,
        address: str,
        port: int,
        timeout: float | None,
        shares: int,
        local_address: str | None,
        socket_options: Iterable[Any] | None,
    ) -> httpcore.NetworkStream:
        left = time_left(timeout, httpcore.ConnectTimeout)
        share = None if left is None else left / shares
        stream = self._inner.connect_tcp(address, port, share, local_address, socket_options)
        return DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _Lookups:
    """The addresses of the hosts one pool connects to, each looked up within the deadline
    of the call that needs it (see the module's docstring)."""

    def __init__(self) -> None:
        # (host, port) -> the lookup running for it: set once it ends, and what it found.
        self._running: dict[tuple[str, int], tuple[threading.Event, list[Any]]] = {}
        self._lock = threading.Lock()

    def addresses(self, host: str, port: int, timeout: float | None) -> list[str]:
        """The addresses to try for `host`, in the resolver's order, each once."""
        left = time_left(timeout, httpcore.ConnectTimeout)
        running = None if left is None or _is_address(host) else self._running_for(host, port)
        if running is None:
            found = _look_up(host, port)
        else:
            ended, outcome = running
            if not ended.wait(left):
                raise httpcore.ConnectTimeout(f"no answer from DNS for {host} in {left:.3g} s")
            found = outcome[0]
        if isinstance(found, OSError):  # as httpcore maps the lookup's failure in create_connection
            raise httpcore.ConnectError(found) from found
        if isinstance(found, Exception):
            raise found
        return list(dict.fromkeys(str(sockaddr[0]) for *_, sockaddr in found)) or [host]

    def _running_for(self, host: str, port: int) -> tuple[threading.Event, list[Any]] | None:
        """The lookup running for `host`, started if none is; None if no thread can start
        (at the interpreter's exit, say): the caller then looks it up itself."""
        with self._lock:
            running = self._running.get((host, port))
            if running is None:
                running = self._running[host, port] = (threading.Event(), [])
                look_up = threading.Thread(
                    target=self._run_lookup, args=(host, port, *running), name="projekt-dns"
                )
                look_up.daemon = True
                try:
                    look_up.start()
                except RuntimeError:
                    del self._running[host, port]
                    return None
            return running

    def _run_lookup(self, host: str, port: int, ended: threading.Event, outcome: list[Any]) -> None:
        try:
            outcome.append(_look_up(host, port))
        finally:
            with self._lock:  # the next call for the host looks it up afresh
                del self._running[host, port]
            ended.set()


def _look_up(host: str, port: int) -> list[Any] | Exception:
    """What the resolver found, or why it found nothing (an idna label too long, say)."""
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except Exception as error:
        return error


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class AsyncDeadlineStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, time_left(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        _has_a_connection()
        await self._inner.write(buffer, time_left(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = time_left(timeout, httpcore.ConnectTimeout)
        stream = await self._inner.start_tls(ssl_context, server_hostname, timeout)
        return AsyncDeadlineStream(stream)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class AsyncDeadlineBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        _has_a_connection()
        timeout = time_left(timeout, httpcore.ConnectTimeout)
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return AsyncDeadlineStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
