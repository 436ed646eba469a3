"""A test's mock of httpx's transports, honoured by the SDK's own connection pool.

pytest-httpx and VCR.py, which users' tests put under httpx, stand in for the two methods
every plain httpx client sends through, `httpx.HTTPTransport.handle_request` and
`httpx.AsyncHTTPTransport.handle_async_request`, for the length of a test. The SDK's own
pool (pool.py) is a transport of its own that never calls them, so a test that mocked the
API had the SDK's calls sent over the network, to the API itself. While one of them is not
httpx's own, the pool sends each request through a plain httpx transport instead, which
calls it just as a plain client's does: a mock's function gets that transport, to pass on
what it does not match, and a `unittest.mock` the request alone. All that stands above the
pool (the token, retries, the throttle, typed errors) runs as over the wire. respx patches
httpcore's pool, which the SDK's is, and needs nothing here.
"""

from __future__ import annotations

import inspect
import threading
import types
from collections.abc import Callable
from typing import Generic, TypeVar

import httpx

__all__ = ["PlainTransport", "in_place_of_httpx"]

T = TypeVar("T")

ONE_ANSWER_EACH = httpx.Limits(max_keepalive_connections=0)
HTTPX_OWN = frozenset({"HTTPTransport.handle_request", "AsyncHTTPTransport.handle_async_request"})


def in_place_of_httpx(method: object) -> bool:
    """Has a test put a function in place of this method of httpx's: one of its own
    (pytest-httpx's), or one wrapping httpx's (VCR.py's)? Tracing's instrumentation wraps it
    in an object that is no function (wrapt's), and the SDK traces its calls itself."""
    own = inspect.unwrap(method)  # type: ignore[arg-type]
    if getattr(own, "__qualname__", None) not in HTTPX_OWN:
        return True
    return type(method) is types.FunctionType and method is not own


class PlainTransport(Generic[T]):
    """A plain httpx transport, made when a mock first asks for one (outside tests, never).
    It keeps no connection once its answer is read: a client never closed, whose own pool
    closes its sockets as it is collected, leaves none of this one's open either."""

    def __init__(self, kind: Callable[..., T], trust_env: bool) -> None:
        self._kind, self._trust_env, self._lock = kind, trust_env, threading.Lock()
        self.made: T | None = None

    def get(self) -> T:
        with self._lock:
            if self.made is None:
                self.made = self._kind(trust_env=self._trust_env, limits=ONE_ANSWER_EACH)
            return self.made
