"""The fault tests get a sandbox of their own, so the projects and issues they
create never show up in the integration tests' shared one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers import Sandbox


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    server = Sandbox(tmp_path_factory.mktemp("faults") / "faults.db")
    yield server
    server.stop()
