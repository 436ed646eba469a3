"""The generator matrix's one procedure, as a team in another language meets our spec: the
generator makes a client from openapi.yaml into build/polyglot/<name>/ and prints no warning
our document causes; the client and a quickstart program written the way that generator's
users write (tests/polyglot/<name>/) pass the language's strict check; the program runs the
quickstart's five steps (me, orgs, list issues, create with status "Backlog" and priority
"medium", get it back) against a fresh sandbox and prints the steps it passed.

The test modules beside this one hold the generators, a module per language family, so that
pytest-xdist runs the families side by side.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from projekt_sandbox.testing import SandboxServer
from tests.helpers import NODE_BIN, ROOT, VENV_BIN

OUT = ROOT / "build" / "polyglot"
PROGRAMS = ROOT / "tests" / "polyglot"
STEPS = ["me", "orgs", "list", "create", "get"]
Command = Sequence[str | Path]

# What openapi-generator prints of itself, whatever the document: it calls its own OpenAPI 3.1
# support beta, and its example handling asks every inline Example object for the name of a
# `$ref` it does not have (ModelUtils.getSimpleRef(null), logged once). Inline examples are
# valid OpenAPI and every other tool of the matrix reads them.
OPENAPI_GENERATOR_NOTICES = (
    "OpenAPI 3.1 support is still in beta",
    "Failed to get the schema name: null",
)


@dataclass(frozen=True)
class Generator:
    name: str
    generate: Command
    checks: Callable[[Path], list[Command]]  # given the client's folder
    run: Command
    notices: tuple[str, ...] = ()  # the generator's own, allowed in what it prints
    env: dict[str, str] = field(default_factory=dict)
    es_module: bool = False  # a TypeScript client that the program imports as an ES module
    cwd: Path | None = None  # where the checks and the program run; else the client's folder

    @property
    def out(self) -> Path:
        return OUT / self.name


def openapi_generator(language: str, name: str, *options: str) -> list[str | Path]:
    """openapi-generator-cli (its PyPI wheel carries the jar) with the test and doc files off,
    which need a package manager's download to build."""
    return [
        VENV_BIN / "openapi-generator-cli",
        "generate",
        "-i",
        "openapi.yaml",
        "-g",
        language,
        "-o",
        OUT / name,
        *options,
        "--global-property",
        "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
    ]


def tsc(program: Path) -> list[Command]:
    return [[NODE_BIN / "tsc", "--project", program / "tsconfig.json"]]


def run(command: Command, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done


def exercise(generator: Generator, server: SandboxServer) -> None:
    env = {**os.environ, **generator.env}
    shutil.rmtree(generator.out, ignore_errors=True)
    made = run(generator.generate, ROOT, env)
    warnings = [
        line
        for line in (made.stdout + made.stderr).splitlines()
        if "warn" in line.lower() and not any(notice in line for notice in generator.notices)
    ]
    assert not warnings  # nothing in our document makes it warn
    if generator.es_module:
        (generator.out / "package.json").write_text('{"type": "module"}\n')
    cwd = generator.cwd or generator.out
    for check in generator.checks(generator.out):
        run(check, cwd, env)

    credentials = server.reset()
    env |= {
        "PROJEKT_BASE_URL": server.base_url,
        "PROJEKT_API_KEY": credentials["api_key"],
        "PROJEKT_ORG_ID": credentials["org_id"],
    }
    ran = run(generator.run, cwd, env)
    assert json.loads(ran.stdout) == STEPS, ran.stderr


def test_the_client_checks_strictly_and_runs_the_quickstart(
    generator: Generator, server: SandboxServer
) -> None:
    """Collected in each test module that imports it, once per generator of its GENERATORS
    (conftest.py parametrizes it)."""
    exercise(generator, server)
