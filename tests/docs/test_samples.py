"""Every published code sample works as written, in every language, against a fresh sandbox.

The samples are the ones the docs publish (x-codeSamples in openapi.docs.json, made by
scripts/build_docs.py). Each runs as a user would run it, with only PROJEKT_API_KEY,
PROJEKT_ORG_ID and PROJEKT_BASE_URL set: curl in bash, Python with the SDK, TypeScript
with the pinned tsx, PHP with Debian's php-cli and php-curl. A run must exit 0; a
sample that met a non-2xx must fail loudly, which the last test checks per language.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from projekt_sandbox.testing import SandboxServer
from tests.helpers import NODE_BIN, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from build_docs import docs_spec

SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())
SAMPLES = [
    (op["operationId"], sample["lang"], sample["source"])
    for item in docs_spec(SPEC)["paths"].values()
    for op in item.values()
    if isinstance(op, dict) and "x-codeSamples" in op
    for sample in op["x-codeSamples"]
]
FILES = {
    "curl": "sample.sh",
    "Python": "sample.py",
    "TypeScript": "sample.mts",
    "PHP": "sample.php",
}


def command(lang: str, path: Path) -> list[str | Path]:
    return {
        "curl": ["bash", "-euo", "pipefail", path],
        "Python": [sys.executable, path],
        "TypeScript": [NODE_BIN / "tsx", path],
        "PHP": ["php", path],
    }[lang]


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer() as sandbox:
        yield sandbox


def run_sample(lang: str, source: str, env: dict[str, str], tmp_path: Path) -> Any:
    path = tmp_path / FILES[lang]
    path.write_text(source + "\n")
    return subprocess.run(
        command(lang, path), cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )


def user_env(base_url: str, credentials: dict[str, Any]) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")}
    return {
        **kept,
        "PROJEKT_API_KEY": credentials["api_key"],
        "PROJEKT_ORG_ID": credentials["org_id"],
        "PROJEKT_BASE_URL": base_url,
    }


def test_every_operation_publishes_a_sample_in_each_language() -> None:
    operations = {op for op, _, _ in SAMPLES}
    assert len(operations) >= 15
    assert len(SAMPLES) == 4 * len(operations)


def test_every_write_sample_sends_a_fresh_idempotency_key() -> None:
    writes = {
        op["operationId"]
        for item in SPEC["paths"].values()
        for method, op in item.items()
        if method in ("post", "patch", "put", "delete")
    }
    fresh = {"curl": "$(uuidgen)", "TypeScript": "crypto.randomUUID()", "PHP": "random_bytes(16)"}
    for operation, lang, source in SAMPLES:
        if operation in writes and lang in fresh:  # Python: the SDK sends one itself
            assert fresh[lang] in source and "Idempotency-Key" in source, (operation, lang)
    assert len(writes) == 7


@pytest.mark.parametrize(("operation", "lang", "source"), SAMPLES, ids=lambda v: str(v)[:24])
def test_the_sample_works_as_written_against_a_fresh_sandbox(
    server: SandboxServer, operation: str, lang: str, source: str, tmp_path: Path
) -> None:
    env = user_env(server.base_url, server.reset())
    result = run_sample(lang, source, env, tmp_path)
    assert result.returncode == 0, f"{operation} in {lang}:\n{result.stdout}\n{result.stderr}"


@pytest.mark.parametrize("lang", list(FILES))
def test_a_sample_that_meets_a_non_2xx_fails_loudly(
    server: SandboxServer, lang: str, tmp_path: Path
) -> None:
    source = next(src for op, la, src in SAMPLES if op == "getIssue" and la == lang)
    env = user_env(server.base_url, server.reset())
    env["PROJEKT_API_KEY"] = "pjk_live_" + "0" * 32  # a key the sandbox never issued: 401
    result = run_sample(lang, source, env, tmp_path)
    assert result.returncode != 0
    assert "401" in result.stdout + result.stderr or "Authentication" in result.stderr
