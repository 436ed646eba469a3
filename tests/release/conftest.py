"""What the release tests share: the wheels, built once per session by `make build`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT, build_once


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="session")
def wheels() -> dict[str, Path]:
    """The projekt, projekt-cli and projekt-sandbox wheels, as `make build` makes them."""
    build_once()
    return {
        name: next((ROOT / "dist").glob(f"{name}-*.whl"))
        for name in ("projekt", "projekt_cli", "projekt_sandbox")
    }
