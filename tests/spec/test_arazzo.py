"""The quickstart as Arazzo workflows (arazzo/quickstart.arazzo.yaml): Redocly lints them,
and Respect runs both against a fresh sandbox, every step's answer checked against the spec."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.helpers import NODE_BIN, ROOT, Sandbox

WORKFLOWS = ROOT / "arazzo" / "quickstart.arazzo.yaml"


def redocly(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NODE_BIN / "redocly", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def respect(workflows: Path, sandbox: Sandbox, *args: str) -> subprocess.CompletedProcess[str]:
    """`redocly respect` on `workflows`, against `sandbox` with its owner's credentials."""
    owner = sandbox.owner
    inputs = ["--input", f"token={owner['api_key']}", "--input", f"org_id={owner['org_id']}"]
    return redocly("respect", workflows, "--server", f"projekt={sandbox.url}", *inputs, *args)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    server = Sandbox(tmp_path_factory.mktemp("arazzo") / "arazzo.db")
    yield server
    server.stop()


def test_the_workflows_lint_clean_and_walk_the_quickstart() -> None:
    result = redocly("lint", "--extends=recommended-strict", WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    document = yaml.safe_load(WORKFLOWS.read_text())
    steps = {
        flow["workflowId"]: [step["operationId"] for step in flow["steps"]]
        for flow in document["workflows"]
    }
    assert steps == {
        "quickstart": ["getMe", "listMyOrgs", "listIssues", "createIssue", "getIssue"],
        "exactly-once": ["listMyOrgs", "createIssue", "createIssue"],
    }


def test_respect_runs_both_workflows_against_a_fresh_sandbox(sandbox: Sandbox) -> None:
    result = respect(WORKFLOWS, sandbox)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "Workflows: 2 passed, 2 total" in out
    assert 'Idempotent-Replayed == "true"' in out  # the exactly-once check ran
    assert sandbox.owner["api_key"] not in out  # the token input is a password: never printed


def test_a_replay_that_is_not_one_fails_the_exactly_once_workflow(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """The exactly-once checks can fail: with a fresh key on the second write, they do."""
    broken = WORKFLOWS.read_text().replace(
        "value: $steps.create.outputs.key", "value: $faker.string.uuid()"
    )
    copy = ROOT / "arazzo" / f".broken-{tmp_path.name}.arazzo.yaml"
    copy.write_text(broken)
    try:
        result = respect(copy, sandbox, "--workflow", "exactly-once")
    finally:
        copy.unlink()
    assert result.returncode != 0
    assert "Workflows: 1 failed, 1 total" in result.stdout + result.stderr
