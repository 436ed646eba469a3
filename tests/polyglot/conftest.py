from __future__ import annotations

from collections.abc import Iterator

import pytest

from projekt_sandbox.testing import SandboxServer


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    """A fresh sandbox per module; each test resets it."""
    with SandboxServer() as sandbox:
        yield sandbox


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    generators = getattr(metafunc.module, "GENERATORS", None)
    if generators is not None and "generator" in metafunc.fixturenames:
        metafunc.parametrize("generator", generators, ids=[g.name for g in generators])
