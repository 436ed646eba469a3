"""The pytest plugin that installing projekt-sandbox registers (the `pytest11` entry point):
the `projekt_sandbox` fixture, so a consumer's tests need no conftest:

    def test_my_report_counts_issues(projekt_sandbox):
        client = projekt_sandbox.client()
        client.issues.create(project_id=projekt_sandbox.project_id, title="One more")
        ...

pytest imports every installed plugin in every run, and each of its xdist workers. So this
module imports the server (testing.py, and with it uvicorn, starlette and pydantic) only
when a test first asks for the fixture: a run that never does pays nothing for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .testing import ProjektSandbox, SandboxServer

__all__ = ["projekt_sandbox"]


@pytest.fixture(scope="session")
def _projekt_sandbox_server() -> Iterator[SandboxServer]:
    from .testing import SandboxServer

    with SandboxServer() as server:
        yield server


@pytest.fixture
def projekt_sandbox(_projekt_sandbox_server: SandboxServer) -> Iterator[ProjektSandbox]:
    """A Projekt sandbox with a freshly seeded database, for this test alone.

    A test that planned a failure no request met (`fail_next(503, path="/isues")`) errors
    at teardown, as pytest-httpx's unrequested responses do: such a test passes without
    the failure it was written to meet."""
    sandbox = _projekt_sandbox_server.sandbox()
    yield sandbox
    if unmet := sandbox.unmet:
        pytest.fail(
            f"planned in this test, and met by no request: {'; '.join(unmet)}. Check the "
            "method and the path (as the spec writes it, '/issues/{issue_id}', or a glob, "
            "'/issues*').",
            pytrace=False,
        )
