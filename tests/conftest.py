"""Shared fixtures: the spec as data, and helpers to run the repo's pinned tools."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
NODE_BIN = ROOT / "node_modules" / ".bin"


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "openapi.yaml").read_text())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


VENV_BIN = Path(sys.executable).parent


def wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not come up") from None
            time.sleep(0.05)


class Sandbox:
    """A real sandbox server on a loopback port, with a fresh SQLite file."""

    def __init__(self, db: Path, rate_limit: str = "100000/60") -> None:
        self.db = db
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [
                VENV_BIN / "projekt-sandbox",
                "serve",
                "--port",
                str(self.port),
                "--db",
                db,
                "--rate-limit",
                rate_limit,
            ],
        )
        wait_until_up(self.url + "/openapi.yaml", self.proc)
        self.owner = self.cli("seed")

    def cli(self, *args: str) -> dict[str, str]:
        result = subprocess.run(
            [VENV_BIN / "projekt-sandbox", *args, "--db", self.db],
            capture_output=True,
            text=True,
            check=True,
        )
        credentials: dict[str, str] = json.loads(result.stdout)
        return credentials

    def mint(self, email: str, org: str) -> dict[str, str]:
        return self.cli("mint-key", "--email", email, "--org", org)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    server = Sandbox(tmp_path_factory.mktemp("sandbox") / "projekt.db")
    yield server
    server.stop()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Replaces the SDK's clock: sleeping records the delay and moves time on at once."""
    slept: list[float] = []
    start = time.monotonic()

    def sleep(seconds: float) -> None:
        slept.append(seconds)

    async def asleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("projekt._clock.now", lambda: start + sum(slept))
    monkeypatch.setattr("projekt._clock.sleep", sleep)
    monkeypatch.setattr("projekt._clock.asleep", asleep)
    return slept
