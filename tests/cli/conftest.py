"""The CLI, invoked in-process by click's runner against the test kit's sandbox.

Each test gets a fresh sandbox (the `projekt_sandbox` fixture), credentials in
the environment as a user would set them, and an empty config directory. Every
invocation is checked for the one thing that must never happen: the token in
the output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from projekt_cli._app import cli
from projekt_sandbox.testing import ProjektSandbox


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    def lines(self) -> list[Any]:
        return [json.loads(line) for line in self.stdout.splitlines()]


Invoke = Callable[..., Run]


def sandbox_env(sandbox: ProjektSandbox, config: Path) -> dict[str, str | None]:
    return {
        "PROJEKT_API_KEY": sandbox.api_key,
        "PROJEKT_ORG_ID": sandbox.org_id,
        "PROJEKT_BASE_URL": sandbox.base_url,
        "PROJEKT_PROFILE": None,
        "XDG_CONFIG_HOME": str(config),
        "COLUMNS": None,
    }


@pytest.fixture
def config_home(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def projekt(projekt_sandbox: ProjektSandbox, config_home: Path) -> Invoke:
    """`projekt(*args, input=..., ENV=value)`: runs the command line, returns a Run."""
    env = sandbox_env(projekt_sandbox, config_home)

    def invoke(*args: str, input: str | bytes | None = None, **changes: str | None) -> Run:
        result = CliRunner().invoke(
            cli, list(args), input=input, env={**env, **changes}, prog_name="projekt"
        )
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        run = Run(result.exit_code, result.stdout, result.stderr)
        assert projekt_sandbox.api_key not in run.stdout + run.stderr
        return run

    return invoke
