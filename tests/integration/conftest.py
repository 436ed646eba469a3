"""SDK integration tests: the real SDK against the real sandbox over loopback,
once directly and once through Prism's validating proxy, which reports any
request or response that breaks openapi.yaml."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers import PrismProxy, Sandbox, free_port, make_client


@pytest.fixture(scope="session")
def prism(
    sandbox_process: Sandbox, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PrismProxy]:
    # Prism forwards without saying where the client called (no X-Forwarded-Host), so a
    # second server on the same database is told the origin its clients see: its Link
    # headers then lead back through Prism, as a real proxy's would.
    for attempt in range(3):  # its port is picked before Prism binds it: another may take it
        port = free_port()
        upstream = Sandbox(
            sandbox_process.db, "100000/60", "--public-url", f"http://127.0.0.1:{port}", seeded=True
        )
        try:
            proxy = PrismProxy(upstream.url, tmp_path_factory.mktemp("prism") / "prism.log", port)
            break
        except RuntimeError:
            upstream.stop()
            if attempt == 2:
                raise
    yield proxy
    proxy.proc.terminate()
    proxy.proc.wait(timeout=10)
    upstream.stop()


@pytest.fixture(params=["direct", "via-prism"])
def base_url(request: pytest.FixtureRequest, sandbox_process: Sandbox) -> str:
    if request.param == "direct":
        return sandbox_process.url
    proxy: PrismProxy = request.getfixturevalue("prism")
    return proxy.url


@pytest.fixture
def client(
    request: pytest.FixtureRequest,
    base_url: str,
    sandbox_process: Sandbox,
    flavor: str,
    runner: asyncio.Runner | None,
) -> Iterator[Any]:
    """The seeded owner's client, sync and async, directly and through Prism.

    Through Prism, a contract violation in the test's traffic fails that test's
    teardown, naming the violation; test_prism_contract.py checks every operation.
    """
    owner = sandbox_process.owner
    options = {"api_key": owner["api_key"], "org_id": owner["org_id"]}
    proxy: PrismProxy | None = (
        request.getfixturevalue("prism") if base_url != sandbox_process.url else None
    )
    start = proxy.log_lines() if proxy else 0
    with make_client(flavor, runner, base_url=base_url, **options) as client:
        yield client
    if proxy is not None:
        violations = proxy.violations(since=start)
        assert violations == [], "Prism saw contract violations:\n" + "\n".join(violations)
