"""openapi-typescript + openapi-fetch, the client many TypeScript teams generate first, runs
the quickstart loop against a fresh sandbox with X-Org-Id set once, as a default header.

`make lint` compiles the same file under `tsc --strict` (scripts/lint.sh).
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator

import pytest

from projekt_sandbox.testing import SandboxServer
from tests.helpers import NODE_BIN, ROOT


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    sandbox = SandboxServer(tmp_path_factory.mktemp("openapi-fetch"))
    yield sandbox
    sandbox.stop()


def test_the_openapi_fetch_quickstart_runs_against_the_sandbox(server: SandboxServer) -> None:
    credentials = server.reset()
    subprocess.run(
        [NODE_BIN / "openapi-typescript", "openapi.yaml", "-o", "build/polyglot/projekt.d.ts"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    env = {
        **os.environ,
        "PROJEKT_BASE_URL": server.base_url,
        "PROJEKT_API_KEY": credentials["api_key"],
        "PROJEKT_ORG_ID": credentials["org_id"],
    }
    result = subprocess.run(
        [NODE_BIN / "tsx", ROOT / "tests" / "polyglot" / "quickstart.mts"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    locale, *rest = json.loads(result.stdout)
    assert locale and "Investigate flaky CI test" not in rest[:-4]
    issue_id, created_at, project_id, later = rest[-4:]
    assert len(issue_id) == 36 and created_at.endswith("Z") and len(project_id) == 36
    assert later == "In Review"
