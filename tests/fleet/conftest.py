"""A real Redis for the fleet tests: Debian's redis-server (installed by
scripts/bootstrap.sh), started on a free loopback port and stopped by its PID."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from projekt._runtime.limits.fleet import SharedBudget, fleet_redis
from tests.helpers import free_port


class RedisServer:
    def __init__(
        self,
        directory: Path,
        port: int | None = None,
        password: str = "",
        options: tuple[str, ...] = (),  # redis-server's own, as "--replicaof", "host", "port"
    ) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail(
                "redis-server is missing: run scripts/bootstrap.sh as root, "
                "or apt-get install redis-server"
            )
        for _ in range(3 if port is None else 1):
            # A port found free may be taken before redis-server binds it, by another
            # test's Redis even, which would then answer this one's PING.
            self.port = port or free_port()
            userinfo = f":{password}@" if password else ""
            self.url = f"redis://{userinfo}127.0.0.1:{self.port}/0"
            self.proc = subprocess.Popen(
                [
                    binary,
                    "--port",
                    str(self.port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    str(directory),
                    *(["--requirepass", password] if password else []),
                    *options,
                ],
                stdout=subprocess.DEVNULL,
            )
            if self._answers():
                return
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def _answers(self) -> bool:
        """Whether this process, and no other, answers on the port; False once it exited."""
        deadline = time.monotonic() + 10
        while self.proc.poll() is None and time.monotonic() < deadline:
            try:
                with redis.Redis.from_url(self.url) as client:
                    info = client.info("server")
            except redis.ConnectionError:
                time.sleep(0.02)
                continue
            if info["process_id"] == self.proc.pid:
                return True
            break  # another process's Redis: this one cannot bind the port
        self.proc.kill()
        self.proc.wait(timeout=10)
        return False

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=10)


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    yield server
    server.kill()


def answer(status: int = 200, **headers: int) -> httpx.Response:
    """A response with the rate-limit headers named: remaining, reset, retry_after."""
    names = {"remaining": "X-RateLimit-Remaining", "reset": "X-RateLimit-Reset"}
    names["retry_after"] = "Retry-After"
    sent = {names[name]: str(value) for name, value in headers.items()}
    return httpx.Response(status, headers=sent, request=httpx.Request("GET", "http://api/me"))


def shared_budget(url: str, key: str, floor: int = 1, timeout: float = 2.0) -> SharedBudget:
    """A shared budget made alone, with Redis clients of its own (closed with it)."""
    return SharedBudget(fleet_redis(url, timeout), key, floor, owns_redis=True)
