"""SDK integration tests: the real SDK against the real sandbox over loopback,
once directly and once through Prism's validating proxy, which reports any
request or response that breaks openapi.yaml."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from projekt import Projekt
from tests.conftest import NODE_BIN, ROOT, Sandbox, free_port, wait_until_up


class PrismProxy:
    def __init__(self, upstream: str, log: Path) -> None:
        self.port = free_port()
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
    proxy = PrismProxy(sandbox.url, tmp_path_factory.mktemp("prism") / "prism.log")
    yield proxy
    proxy.proc.terminate()
    proxy.proc.wait(timeout=10)
    violations = proxy.violations()
    assert violations == [], "Prism saw contract violations:\n" + "\n".join(violations)


@pytest.fixture(params=["direct", "via-prism"])
def base_url(request: pytest.FixtureRequest, sandbox: Sandbox) -> str:
    if request.param == "direct":
        return sandbox.url
    proxy: PrismProxy = request.getfixturevalue("prism")
    return proxy.url


@pytest.fixture
def client(base_url: str, sandbox: Sandbox) -> Iterator[Projekt]:
    with Projekt(
        api_key=sandbox.owner["api_key"], org_id=sandbox.owner["org_id"], base_url=base_url
    ) as client:
        yield client


@pytest.fixture
def direct(sandbox: Sandbox) -> Iterator[Projekt]:
    """For requests that break the spec on purpose: Prism would refuse them itself."""
    with Projekt(
        api_key=sandbox.owner["api_key"], org_id=sandbox.owner["org_id"], base_url=sandbox.url
    ) as client:
        yield client
