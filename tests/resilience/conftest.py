"""The fault tests get a sandbox of their own, so the projects and issues they
create never show up in the integration tests' shared one, and a fault proxy in
front of it with the user's client, sync and async, talking through it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers import Sandbox, make_client
from tests.resilience.faultproxy import FaultProxy


@pytest.fixture(scope="module")
def fault_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    server = Sandbox(tmp_path_factory.mktemp("faults") / "faults.db")
    yield server
    server.stop()


@pytest.fixture
def owner(fault_sandbox: Sandbox) -> Iterator[Any]:
    """Here, the seeded owner's client talks to the fault tests' own sandbox, directly."""
    credentials = fault_sandbox.owner
    with make_client(
        "sync",
        None,
        api_key=credentials["api_key"],
        org_id=credentials["org_id"],
        base_url=fault_sandbox.url,
    ) as client:
        yield client


@pytest.fixture
def proxy(fault_sandbox: Sandbox) -> Iterator[FaultProxy]:
    fault_proxy = FaultProxy(fault_sandbox.port)
    yield fault_proxy
    fault_proxy.close()


@pytest.fixture
def client(
    proxy: FaultProxy,
    fault_sandbox: Sandbox,
    sleeps: list[float],
    flavor: str,
    runner: asyncio.Runner | None,
) -> Iterator[Any]:
    """The user's client, sync and async, talking through the fault proxy."""
    options = {"api_key": fault_sandbox.owner["api_key"], "org_id": fault_sandbox.owner["org_id"]}
    # An attempt's timeout long enough for a loaded machine: the faults that outlast it hold
    # their answer until the client gives up (Forward(until_client_leaves=True)).
    with make_client(flavor, runner, base_url=proxy.url, timeout=2.0, **options) as client:
        yield client
