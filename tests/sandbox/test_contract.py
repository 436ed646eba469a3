"""schemathesis, with every check, against a freshly seeded sandbox."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from projekt_sandbox.openapi import load, open_enums
from tests.helpers import ROOT, VENV_BIN, Sandbox


@pytest.mark.slow
def test_schemathesis_finds_no_failures(tmp_path: Path) -> None:
    """Against the document as the API implements it (docs/adr/0015): a status, priority or
    role this version does not list is accepted, and answered back. Read from the published
    document, whose `enum` JSON Schema takes as closed, such a value is invalid, and
    schemathesis reported it whenever its fuzzing happened to draw one."""
    implemented = tmp_path / "implemented.json"
    implemented.write_text(json.dumps(open_enums(load(ROOT / "openapi.yaml"))))
    server = Sandbox(tmp_path / "contract.db")
    try:
        env = {
            **os.environ,
            "PROJEKT_API_KEY": server.owner["api_key"],
            "PROJEKT_ORG_ID": server.owner["org_id"],
            "SCHEMATHESIS_HOOKS": "tests.sandbox.schemathesis_hooks",
        }
        result = subprocess.run(
            [
                VENV_BIN / "st",
                "run",
                implemented,
                "--url",
                server.url,
                "--checks",
                "all",
                "--no-color",
                # A fixed seed keeps CI reproducible; run `st run` by hand to explore further.
                "--seed",
                "20261128",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    finally:
        assert server.stop() == 0
    summary = re.search(r"(\d+) generated, (\d+) passed", result.stdout)
    assert result.returncode == 0 and summary, result.stdout[-4000:]
    generated, passed = map(int, summary.groups())
    assert generated == passed and generated > 500
    print(f"schemathesis: {generated} test cases, all passed")
