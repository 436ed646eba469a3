"""The test kit: a Projekt sandbox served in a thread, and each test's view of it.

`SandboxServer` runs one sandbox server, in a thread, on a free loopback port; the
`projekt_sandbox` fixture (fixtures.py) starts one per test session. `server.sandbox()` gives a
test a freshly seeded database, its own API key, the default rate limit and no planned
failures, so no test sees another's data or settings: a `ProjektSandbox`.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sqlite3
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import uvicorn

from .app import Sandbox, build_app
from .clock import MachineClockLoop, monotonic
from .faults import PlannedDelay, PlannedFailure, PlannedLoss

# The pytest plugin was this module until 0.24.9: a conftest's `pytest_plugins`, or a `-p`,
# that names it still gets the fixture.
from .fixtures import _projekt_sandbox_server, projekt_sandbox  # noqa: F401
from .limits import DEFAULT_RATE_LIMIT, RateLimiter
from .notices import Deprecation, Received, parse_sunset
from .seed import mint, seed
from .serving import DEFAULT_REQUEST_TIMEOUT, bounded_h11, listening_socket
from .spec import docs_path
from .store import Store

if TYPE_CHECKING:
    from projekt import AsyncProjekt, Projekt

__all__ = ["ProjektSandbox", "SandboxServer", "projekt_sandbox"]

_START_TIMEOUT = 10.0


def _as_text(headers: dict[str, str | int] | None) -> dict[str, Any]:
    """The headers a test gave, a whole number (Retry-After's seconds) as its text: what
    the fault plan then checks an answer can carry."""
    return {
        name: str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        for name, value in dict(headers or {}).items()
    }


def _store(directory: Path) -> Store:
    """The database in `directory`, or an error that names its file (one another release of
    the sandbox made, say, for the test to delete)."""
    path = directory / "sandbox.db"
    try:
        return Store(path)
    except sqlite3.Error as error:
        raise type(error)(f"cannot use {path} as the sandbox's database: {error}") from None


def _guest_config(app: Any) -> uvicorn.Config:
    """uvicorn's settings for a server in another program's process, a test session's,
    whose logging, event loop policy and warnings filters are that program's own.

    - uvicorn's default log_config goes through logging.config.dictConfig, which closes every
      handler the process has (pytest's --log-file among them, whose file then kept nothing
      more), and a log_level sets the level of uvicorn's loggers, which an app under test may
      log on too: neither is given.
    - The sandbox serves no WebSocket. uvicorn's "auto" imports whichever websockets library
      is installed, in older releases (0.30) through its legacy module, which warns: a session
      that makes warnings errors (`-W error`, `filterwarnings = error`) got a sandbox that did
      not start.
    """
    return uvicorn.Config(
        app,
        log_config=None,
        ws="none",
        lifespan="off",
        http=bounded_h11(DEFAULT_REQUEST_TIMEOUT),
    )


class SandboxServer:
    """A sandbox served by uvicorn in a background thread, on a free loopback port, its
    database in `directory` (made if missing; by default a temporary one, removed by `stop()`).

    The `projekt_sandbox` fixture is one of these per session; under another test
    framework, `with SandboxServer() as server:` around the tests, and `server.sandbox()`
    in each.
    """

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self._temporary = None
        if directory is None:
            self._temporary = tempfile.TemporaryDirectory(prefix="projekt-sandbox-")
            directory = self._temporary.name
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.state = Sandbox(_store(self.directory), RateLimiter(*DEFAULT_RATE_LIMIT))
        listener = listening_socket("127.0.0.1", 0)
        self.base_url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        self._server = uvicorn.Server(_guest_config(build_app(self.state, docs_path())))
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._serve, args=(listener,), daemon=True)
        self._thread.start()
        deadline = monotonic() + _START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or monotonic() > deadline:
                raise RuntimeError("the Projekt sandbox did not start") from self._failure
            time.sleep(0.005)

    def _serve(self, listener: socket.socket) -> None:
        """uvicorn's `Server.run`, but on a loop of the kit's own: one whose timers run on the
        machine's clock (clock.py), and made without a word to the process's event loop
        policy, which uvicorn before 0.36 set to uvloop's where uvloop is installed."""
        try:
            with asyncio.Runner(loop_factory=MachineClockLoop) as runner:
                runner.run(self._server.serve(sockets=[listener]))
        except BaseException as error:
            self._failure = error  # the cause of the start-up's error, if it ends that
            if self._server.started:
                raise

    def reset(self) -> dict[str, Any]:
        """A fresh seeded database, default settings, and the credentials of its owner."""
        if self._server.should_exit:  # sqlite's words would be "a closed database"
            raise RuntimeError("this SandboxServer is stopped; start another for more tests")
        self.state.faults.clear()
        self.state.deprecations.clear()
        self.state.received.clear()
        self.state.limiter = RateLimiter(*DEFAULT_RATE_LIMIT)
        self.state.store.reset()
        seed(self.state.store)
        return mint(self.state.store, "you@example.com", "acme", name="test")

    def sandbox(self) -> ProjektSandbox:
        """What the `projekt_sandbox` fixture gives a test: `reset()`, then its view."""
        return ProjektSandbox(server=self, base_url=self.base_url, **self.reset())

    def stop(self) -> None:
        self.state.faults.clear()  # an answer a test left held (delay_next) goes out now
        self._server.should_exit = True
        self._thread.join(timeout=_START_TIMEOUT)
        self.state.store.close()
        if self._temporary is not None:
            self._temporary.cleanup()

    def __enter__(self) -> SandboxServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


@dataclass
class ProjektSandbox:
    """One test's view of the sandbox: its URL, credentials, clients and controls."""

    server: SandboxServer = field(repr=False)
    base_url: str
    api_key: str = field(repr=False)  # a test's snapshot or log never shows the key
    org_id: str
    project_id: str
    user_id: str

    def client(self, **kwargs: Any) -> Projekt:
        """A `projekt.Projekt` bound to this sandbox; keyword arguments pass through."""
        from projekt import Projekt

        return Projekt(**{**self._options(), **kwargs})

    def async_client(self, **kwargs: Any) -> AsyncProjekt:
        """A `projekt.AsyncProjekt` bound to this sandbox; keyword arguments pass through."""
        from projekt import AsyncProjekt

        return AsyncProjekt(**{**self._options(), **kwargs})

    def fail_next(
        self,
        status: int,
        *,
        times: int = 1,
        method: str | None = None,
        path: str | None = None,
        headers: dict[str, str | int] | None = None,
        code: str | None = None,
        message: str | None = None,
    ) -> None:
        """Answers the next `times` matching requests with `status` and the error envelope.

        The sandbox answers before it acts, so a failed POST creates nothing.
        `method` ("POST") and `path` ("/issues", or a glob such as "/issues*")
        narrow which requests fail; `headers` are added (for example Retry-After, its
        seconds as text or an int), `code` is the envelope's code (by default the
        status's usual one), and `message` its message (by default one that names the
        plan), which the SDK's error carries as `message`, for a test of what your code
        shows its users.
        The answer carries the X-RateLimit-* headers, and counts, as a real one does.
        """
        self.server.state.faults.plan(
            PlannedFailure(status, times, method, path, _as_text(headers), code, message)
        )

    def lose_next_response(
        self, *, times: int = 1, method: str | None = None, path: str | None = None
    ) -> None:
        """Acts on the next `times` matching requests, then drops each connection unanswered.

        The mirror of `fail_next`: the write is done and committed, and its answer is
        lost, as when the network or a proxy loses it. The SDK retries a write with its
        Idempotency-Key, so the retry gets the first answer replayed. Plans that a request
        matches are met in the order they were made: this, then `fail_next(429)`, loses
        the first answer and refuses the retry.
        """
        self.server.state.faults.plan_loss(PlannedLoss(times, method, path))

    def delay_next(
        self,
        seconds: float,
        *,
        times: int = 1,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Acts on the next `times` matching requests, then holds each answer `seconds`
        (above 0, at most 60), as a slow server or network does.

        What a client's timeout meets: with `timeout=` below `seconds`, the SDK gives up on
        the answer and retries, a write with its Idempotency-Key, so the retry gets the
        first answer replayed (the write was done once).
        """
        self.server.state.faults.plan_delay(PlannedDelay(seconds, times, method, path))

    def deprecate(
        self, operation_id: str, *, sunset: str | date | None = None, link: str | None = None
    ) -> None:
        """Answers `operation_id` (say "listIssues") with deprecation headers from now on.

        `Deprecation: @<now>`, `Sunset` when `sunset` is given (an ISO date such as
        "2027-06-30", an ISO date and time with its offset, an HTTP date, a `date`, or a
        `datetime` with its tzinfo) and `Link: <link>; rel="deprecation"` (by default the
        operation in the sandbox's docs), for this test only.
        """
        sunset_at = parse_sunset(sunset) if sunset else None
        self.server.state.deprecate(operation_id, Deprecation(time.time(), sunset_at, link))

    @property
    def requests(self) -> list[Received]:
        """The requests this test sent the sandbox so far (the latest 1,000), oldest first:
        method, path, query and headers, with the value of Authorization, and of any header
        or query parameter named as a credential (X-Api-Key, Cookie, subscription-key, ...),
        shown as "[REDACTED]"; and the answer's status and request id (None for an answer
        lost on purpose)."""
        return list(self.server.state.received)

    @property
    def unmet(self) -> list[str]:
        """The failures, losses and delays planned in this test that no request has met yet,
        as they were planned (`"fail_next(503, path='/isues')"`): a method or a path that
        matches nothing the code under test sends. The `projekt_sandbox` fixture fails a test
        that leaves one; under another framework, check it is empty at the end of each test."""
        return self.server.state.faults.unmet()

    def rate_limit(self, n: int, seconds: float) -> None:
        """Allows `n` requests per `seconds` per API key, for the rest of this test; a ValueError
        for a limit no server has (n below 1 or not whole, seconds not above 0)."""
        self.server.state.limiter = RateLimiter(n, seconds)

    def _options(self) -> dict[str, Any]:
        return {"api_key": self.api_key, "org_id": self.org_id, "base_url": self.base_url}
