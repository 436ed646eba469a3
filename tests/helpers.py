"""What the tests share, in one module: the sandbox as a process, the mock wire for
unit tests, and the harness that runs one test body against both clients.

Fixtures live in the conftest.py files and build on these; nothing is imported
from a conftest.
"""

from __future__ import annotations

import asyncio
import fcntl
import inspect
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx

from projekt import AsyncProjekt, Projekt
from projekt._runtime.calls.pagination import AsyncPaginator

ROOT = Path(__file__).resolve().parent.parent
NODE_BIN = ROOT / "node_modules" / ".bin"
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(
    url: str, proc: subprocess.Popen[bytes], timeout: float = 30, log: Path | None = None
) -> None:
    """Returns once `url` answers; else raises, with what the process wrote to `log`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                said = f":\n{log.read_text()}" if log is not None else ""
                raise RuntimeError(f"{url} did not come up{said}") from None
            time.sleep(0.05)


def logged(log: Path, pattern: str, proc: subprocess.Popen[bytes], timeout: float = 30) -> Any:
    """The first match of `pattern` in what `proc` writes to `log`: a server's word that it
    listens. Raises, with the log, once it has exited (its port was taken, say) without."""
    deadline = time.monotonic() + timeout
    while True:
        found = re.search(pattern, log.read_text())
        if found:
            return found
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{proc.args!r} did not come up:\n{log.read_text()}")
        time.sleep(0.05)


class Sandbox:
    """A real sandbox server on a loopback port, with a fresh SQLite file."""

    owner: dict[str, str]

    def __init__(
        self,
        db: Path,
        rate_limit: str = "100000/60",
        *options: str,
        port: int | None = None,
        seeded: bool = False,
        bin_dir: Path = VENV_BIN,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        """`seeded=True`: a second server on a database another one already seeded;
        `bin_dir`: the projekt-sandbox of another install (a wheel in a clean venv), run
        in `cwd` with `env` (and so are its commands, `cli()`)."""
        self.db = db
        self.bin_dir = bin_dir
        self.where: dict[str, Any] = {"cwd": cwd, "env": env}
        # Its welcome and its log go to a file beside the database, not among a run's
        # figures or a test's output; a server that does not come up shows it.
        self.log = db.with_name(db.name + ".log")
        with self.log.open("w") as log:
            self.proc = subprocess.Popen(
                [
                    bin_dir / "projekt-sandbox",
                    "serve",
                    # 0: the server takes a free port as it binds. A port picked here first
                    # could be taken by another test's server before this one bound it, and
                    # this one's requests would then reach that server.
                    "--port",
                    str(port or 0),
                    "--db",
                    db,
                    "--rate-limit",
                    rate_limit,
                    *options,
                ],
                stdout=subprocess.DEVNULL,
                stderr=log,
                **self.where,
            )
        self.port = port or self._bound_port()
        self.url = f"http://127.0.0.1:{self.port}"
        wait_until_up(self.url + "/openapi.yaml", self.proc, log=self.log)
        if self.proc.poll() is not None:  # another server answered on a port given here
            raise RuntimeError(
                f"{self.url} answered, but not this sandbox:\n{self.log.read_text()}"
            )
        if not seeded:
            self.owner = self.cli("seed")

    def _bound_port(self) -> int:
        """The port the server bound, from the welcome it writes once it listens."""
        return int(logged(self.log, r"Projekt sandbox on http://\S+:(\d+) ", self.proc)[1])

    def cli(self, *args: str) -> dict[str, str]:
        result = subprocess.run(
            [self.bin_dir / "projekt-sandbox", *args, "--db", self.db],
            capture_output=True,
            text=True,
            check=True,
            **self.where,
        )
        credentials: dict[str, str] = json.loads(result.stdout)
        return credentials

    def mint(self, email: str, org: str) -> dict[str, str]:
        return self.cli("mint-key", "--email", email, "--org", org)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=10)


class PrismProxy:
    """Prism's validating proxy (`prism proxy --errors`) in front of a sandbox: it logs
    every request and response that breaks openapi.yaml."""

    def __init__(self, upstream: str, log: Path, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.proc = subprocess.Popen(
            [
                NODE_BIN / "prism",
                "proxy",
                "--errors",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                ROOT / "openapi.yaml",
                upstream,
            ],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        # Its own word, not an answer on the port: another server may hold that port.
        logged(log, re.escape(f"Prism is listening on {self.url}"), self.proc, timeout=60)

    def log_lines(self) -> int:
        return len(self.log.read_text().splitlines())

    def violations(self, since: int = 0) -> list[str]:
        """The contract violations Prism logged, from log line `since` on."""
        return [line for line in self.log.read_text().splitlines()[since:] if "Violation" in line]


TOKEN = "pjk_live_AbCd1234EfGh5678IjKl9012MnOp3456"
ORG_ID = "9f1c7a2e-6d4b-4e8a-b3c1-2f5d6e7a8b9c"
PROJECT_ID = "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b"
ISSUE_ID = "7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d"
BASE_URL = "http://127.0.0.1:8787"

Handler = Callable[[httpx.Request], httpx.Response]


def shape(value: Any) -> Any:
    """The value with every model spelled out, types included, to compare two results."""
    if isinstance(value, list):
        return [shape(item) for item in value]
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return (type(value), {f.name: shape(getattr(value, f.name)) for f in fields})
    return (type(value), value)


def issue_json(**overrides: Any) -> dict[str, Any]:
    return {
        "id": ISSUE_ID,
        "project_id": PROJECT_ID,
        "title": "Fix login bug",
        "status": "In Progress",
        "priority": "high",
        "description": None,
        "assignee_id": None,
        "created_at": "2026-05-28T09:14:02Z",
        "updated_at": "2026-05-28T09:14:02Z",
        **overrides,
    }


def envelope(code: str, message: str, request_id: str = "req_0123456789") -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "request_id": request_id}}


class Recorder:
    """A MockTransport handler that answers from a script and keeps every request."""

    def __init__(self, *responses: httpx.Response | Handler | Exception) -> None:
        self.script = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(step, Exception):
            raise step
        if callable(step) and not isinstance(step, httpx.Response):
            return step(request)
        # A fresh copy each time: a client that sent a response on takes its stream over,
        # and one scripted response may serve several requests and both clients.
        step.read()
        return httpx.Response(step.status_code, headers=step.headers, content=step.content)


FLAVORS = ("sync", "async")


class SyncView:
    """Drives an AsyncProjekt, and whatever it returns, through the sync client's API.

    Awaitables are run to completion and async iterators iterated, on one event
    loop per test, so a single test body checks `Projekt` and `AsyncProjekt` alike.
    """

    def __init__(self, target: Any, runner: asyncio.Runner) -> None:
        self._target, self._runner = target, runner

    def _view(self, value: Any) -> Any:
        # A paginator is awaitable too (its first page), but viewed as the sync one.
        if inspect.isawaitable(value) and not isinstance(value, AsyncPaginator):
            value = self._runner.run(_awaited(value))
        if (
            isinstance(value, (AsyncProjekt, AsyncPaginator))
            or inspect.ismethod(value)
            or inspect.isasyncgen(value)
            or type(value).__module__ == "projekt._resources"
        ):
            return SyncView(value, self._runner)
        return value

    def __getattr__(self, name: str) -> Any:
        return self._view(getattr(self._target, name))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._view(self._target(*args, **kwargs))

    def __iter__(self) -> Iterator[Any]:
        iterator = self._target.__aiter__()
        while True:
            try:
                yield self._runner.run(_awaited(iterator.__anext__()))
            except StopAsyncIteration:
                return

    def __enter__(self) -> SyncView:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return repr(self._target)


async def _awaited(awaitable: Any) -> Any:
    return await awaitable


def make_client(flavor: str, runner: asyncio.Runner | None, **options: Any) -> Any:
    """A `Projekt`, or an `AsyncProjekt` seen through `SyncView`, with these options."""
    if flavor == "sync":
        return Projekt(**options)
    assert runner is not None
    return SyncView(runner.run(_built(options)), runner)


async def _built(options: dict[str, Any]) -> AsyncProjekt:
    return AsyncProjekt(**options)  # inside the loop, as async users build it


ClientFactory = Callable[..., Any]


def mock_options(recorder: Recorder, **kwargs: Any) -> dict[str, Any]:
    """Options for a client whose wire is an httpx.MockTransport answering from `recorder`."""
    options: dict[str, Any] = {"api_key": TOKEN, "org_id": ORG_ID, "base_url": BASE_URL}
    options.update(kwargs)
    if "http_client" not in options and "transport" not in options:
        options["transport"] = httpx.MockTransport(recorder)
    return options


def build_once() -> None:
    """`make build` (the wheels into dist/, the docs into build/docs/), once per test run.

    Under pytest-xdist the workers share the checkout: the first to get here builds, under a
    lock, and the others wait for it and reuse what it built, so nothing rebuilds dist/ or
    build/docs/ while another worker reads it.
    """
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"
    (ROOT / "build").mkdir(exist_ok=True)
    stamp = ROOT / "build" / ".tests-built-for"
    with open(ROOT / "build" / ".tests-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not stamp.is_file() or stamp.read_text() != run:
            result = subprocess.run(
                ["make", "-s", "build"], cwd=ROOT, capture_output=True, text=True
            )
            assert result.returncode == 0, result.stdout + result.stderr
            stamp.write_text(run)
