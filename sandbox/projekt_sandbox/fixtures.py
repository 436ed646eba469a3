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

__all__ = ["projekt_sandbox", "pytest_configure"]

MARKER = "projekt_sandbox"
STRICT = "assert_all_plans_met"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}({STRICT}=True): False lets a test leave a planned failure no request met "
        "(a parametrized test whose cases send different requests)",
    )


@pytest.fixture(scope="session")
def _projekt_sandbox_server() -> Iterator[SandboxServer]:
    from .testing import SandboxServer

    with SandboxServer() as server:
        yield server


@pytest.fixture
def projekt_sandbox(
    _projekt_sandbox_server: SandboxServer, request: pytest.FixtureRequest
) -> Iterator[ProjektSandbox]:
    """A Projekt sandbox with a freshly seeded database, for this test alone.

    A test that planned a failure no request met (`fail_next(503, path="/isues")`) errs
    at teardown, as pytest-httpx's unrequested responses do: such a test passes without
    the failure it was written to meet. `@pytest.mark.projekt_sandbox(assert_all_plans_met=
    False)` lets a test (or a module's `pytestmark`) leave one."""
    marker = request.node.get_closest_marker(MARKER)
    options = dict(marker.kwargs) if marker else {}
    strict = options.pop(STRICT, True)
    if options or (marker and marker.args) or not isinstance(strict, bool):
        pytest.fail(f"@pytest.mark.{MARKER}() takes {STRICT}=False only", pytrace=False)
    sandbox = _projekt_sandbox_server.sandbox()
    yield sandbox
    if strict and (unmet := sandbox.unmet):
        pytest.fail(
            f"planned in this test, and met by no request: {'; '.join(unmet)}. Check the "
            "method and the path (as the spec writes it, '/issues/{issue_id}', or a glob, "
            "'/issues*').",
            pytrace=False,
        )
