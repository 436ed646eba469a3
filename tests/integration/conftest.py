"""SDK integration tests: the real SDK against the real sandbox over loopback,
once directly and once through Prism's validating proxy, which reports any
request or response that breaks openapi.yaml."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import NODE_BIN, ROOT, Sandbox, free_port, make_client, wait_until_up


class PrismProxy:
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
        wait_until_up(self.url + "/me", self.proc, timeout=60)

    def violations(self) -> list[str]:
        return [line for line in self.log.read_text().splitlines() if "Violation" in line]


@pytest.fixture(scope="session")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismProxy]:
    # Prism forwards without saying where the client called (no X-Forwarded-Host), so a
    # second server on the same database is told the origin its clients see: its Link
    # headers then lead back through Prism, as a real proxy's would.
    port = free_port()
    upstream = Sandbox(
        sandbox.db, "100000/60", "--public-url", f"http://127.0.0.1:{port}", seeded=True
    )
    proxy = PrismProxy(upstream.url, tmp_path_factory.mktemp("prism") / "prism.log", port)
    yield proxy
    proxy.proc.terminate()
    proxy.proc.wait(timeout=10)
    upstream.stop()
    violations = proxy.violations()
    assert violations == [], "Prism saw contract violations:\n" + "\n".join(violations)


@pytest.fixture(params=["direct", "via-prism"])
def base_url(request: pytest.FixtureRequest, sandbox: Sandbox) -> str:
    if request.param == "direct":
        return sandbox.url
    proxy: PrismProxy = request.getfixturevalue("prism")
    return proxy.url


@pytest.fixture
def client(
    base_url: str, sandbox: Sandbox, flavor: str, runner: asyncio.Runner | None
) -> Iterator[Any]:
    """The seeded owner's client, sync and async, directly and through Prism."""
    options = {"api_key": sandbox.owner["api_key"], "org_id": sandbox.owner["org_id"]}
    with make_client(flavor, runner, base_url=base_url, **options) as client:
        yield client
