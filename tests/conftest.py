"""Fixtures every test folder shares; the helpers they build on are in tests/helpers.py."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import pytest

from projekt_sandbox.openapi import load
from projekt_sandbox.testing import ProjektSandbox
from tests.helpers import FLAVORS, ROOT, Sandbox, make_client


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    """openapi.yaml, read as the pipeline and the sandbox read it (do not mutate it)."""
    return load(ROOT / "openapi.yaml")


@pytest.fixture(scope="session")
def sandbox_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    server = Sandbox(tmp_path_factory.mktemp("sandbox") / "projekt.db")
    yield server
    server.stop()


@pytest.fixture(params=FLAVORS)
def flavor(request: pytest.FixtureRequest) -> str:
    """Runs the test once with `Projekt` and once with `AsyncProjekt`."""
    return str(request.param)


@pytest.fixture
def runner(flavor: str) -> Iterator[asyncio.Runner | None]:
    """The event loop the async flavor runs on (None for the sync one)."""
    if flavor == "sync":
        yield None
        return
    with asyncio.Runner() as loop:
        yield loop


@pytest.fixture
def owner(sandbox_process: Sandbox) -> Iterator[Any]:
    """The seeded owner's sync client, talking to the sandbox directly: to set up and check."""
    with make_client(
        "sync",
        None,
        api_key=sandbox_process.owner["api_key"],
        org_id=sandbox_process.owner["org_id"],
        base_url=sandbox_process.url,
    ) as client:
        yield client


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Replaces the SDK's clock: sleeping records the delay and moves time on at once."""
    slept: list[float] = []
    start = time.monotonic()

    def sleep(seconds: float) -> None:
        slept.append(seconds)

    async def asleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("projekt._runtime.clock.now", lambda: start + sum(slept))
    monkeypatch.setattr("projekt._runtime.clock.sleep", sleep)
    monkeypatch.setattr("projekt._runtime.clock.asleep", asleep)
    return slept


@pytest.fixture(params=["speed", "plain"])
def decoding(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs the test with the speed extra (msgspec) decoding 2xx bodies, then without it.

    "plain" makes the SDK behave exactly as when msgspec is not installed.
    """
    from projekt._api import _speed

    if request.param == "plain":
        monkeypatch.setattr(_speed, "_twins", None)
        monkeypatch.setattr(_speed, "_missing", True)
    assert _speed.speed_extra() == ("msgspec" if request.param == "speed" else None)
    return str(request.param)


@pytest.fixture
def sandbox_client(
    projekt_sandbox: ProjektSandbox, flavor: str, runner: asyncio.Runner | None
) -> Iterator[Any]:
    """A `Projekt` or an `AsyncProjekt` (by `flavor`) bound to this test's sandbox."""
    options = {
        "api_key": projekt_sandbox.api_key,
        "org_id": projekt_sandbox.org_id,
        "base_url": projekt_sandbox.base_url,
    }
    with make_client(flavor, runner, **options) as made:
        yield made
