"""The fault tests get a sandbox of their own, so the projects and issues they
create never show up in the integration tests' shared one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers import Sandbox, make_client


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
