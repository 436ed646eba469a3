from __future__ import annotations

from collections.abc import Iterator

import pytest

from projekt_sandbox.testing import SandboxServer


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    """A fresh sandbox per module; each test resets it."""
    sandbox = SandboxServer(tmp_path_factory.mktemp("generators"))
    yield sandbox
    sandbox.stop()
