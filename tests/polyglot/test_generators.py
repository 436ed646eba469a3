"""The generator matrix, as teams in other languages use our spec: each generator makes a
client from openapi.yaml with 0 warnings, the client passes its language's strict check, and
a quickstart program written the way that generator's users write runs the quickstart's
five steps (me, orgs, list issues, create with status "Backlog" and priority "medium", get
it back) against a fresh sandbox. One folder per generator in tests/polyglot/; the client
goes to build/polyglot/<generator>/. openapi-typescript with openapi-fetch is
test_openapi_fetch.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from projekt_sandbox.testing import SandboxServer
from tests.helpers import NODE_BIN, ROOT

OUT = ROOT / "build" / "polyglot"
STEPS = ["me", "orgs", "list", "create", "get"]
# Each generator's command line, run from the repository's root.
GENERATE: dict[str, list[str | Path]] = {
    "hey-api": [NODE_BIN / "openapi-ts", "-i", "openapi.yaml", "-o", OUT / "hey-api"],
    "orval": [NODE_BIN / "orval", "--config", "tests/polyglot/orval/orval.config.mjs"],
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    sandbox = SandboxServer(tmp_path_factory.mktemp("generators"))
    yield sandbox
    sandbox.stop()


@pytest.mark.parametrize("generator", sorted(GENERATE))
def test_the_generated_client_checks_strictly_and_runs_the_quickstart(
    generator: str, server: SandboxServer
) -> None:
    shutil.rmtree(OUT / generator, ignore_errors=True)
    made = subprocess.run(GENERATE[generator], cwd=ROOT, capture_output=True, text=True)
    assert made.returncode == 0, made.stdout + made.stderr
    printed = (made.stdout + made.stderr).lower()
    assert "warn" not in printed, printed  # nothing in our document makes it warn
    # An ES module project, as the programs are: one instance of the generated client.
    (OUT / generator / "package.json").write_text('{"type": "module"}\n')

    folder = ROOT / "tests" / "polyglot" / generator
    checked = subprocess.run(
        [NODE_BIN / "tsc", "--project", folder / "tsconfig.json"], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout  # tsc --strict

    credentials = server.reset()
    env = {
        **os.environ,
        "PROJEKT_BASE_URL": server.base_url,
        "PROJEKT_API_KEY": credentials["api_key"],
        "PROJEKT_ORG_ID": credentials["org_id"],
    }
    ran = subprocess.run(
        [NODE_BIN / "tsx", folder / "quickstart.mts"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout) == STEPS
