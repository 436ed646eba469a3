"""Every Python example in the README, the guides and the package pages (what PyPI shows of the
SDK and of the sandbox) runs as written, against a fresh sandbox, and so do the CLI guide's
first commands.

A reader copies them one at a time, after the quickstart: so the first example of a document
runs first, and each other one runs with the names the first left (`client`, `project_id`).
The names an example leaves to its reader (an export's `checkpoint`) are given here, and
what an example promises (one issue however often a job reruns) is checked after it.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import io
import json
import os
import re
import subprocess
import tempfile
import unittest
from pathlib import Path
from typing import Any

import pytest
import yaml

from projekt_sandbox import ProjektSandbox
from tests.helpers import ROOT, VENV_BIN

PACKAGE_PAGES = [ROOT / "docs" / "pypi" / "projekt.md", ROOT / "sandbox" / "README.md"]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs" / "guide").glob("*.md")), *PACKAGE_PAGES]
PYTHON = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
SHELL = re.compile(r"^```sh\n(.*?)^```", re.DOTALL | re.MULTILINE)


def examples(document: Path) -> list[str]:
    return PYTHON.findall(document.read_text())


class Checkpoint:
    """The README's export keeps its place here: a file or a row, in a reader's program."""

    def __init__(self) -> None:
        self.saved: list[str | None] = []

    def read(self) -> str | None:
        return self.saved[-1] if self.saved else None

    def write(self, cursor: str | None) -> None:
        self.saved.append(cursor)


def run(code: str, names: dict[str, Any], where: str) -> None:
    """Runs an example as the reader would: one with a top-level `async with` in asyncio,
    the unittest cases one defines by unittest's runner, and the pytest tests one defines
    (with pytest's fixtures: pytest-httpx's `httpx_mock`) by pytest, in a file of their own."""
    compiled = compile(code, where, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    if compiled.co_flags & inspect.CO_COROUTINE:
        asyncio.run(eval(compiled, names))
    else:
        exec(compiled, names)
    if any(is_pytest_test(name, value, where) for name, value in names.items()):
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "test_example.py").write_text(code)
            pytest_run = [VENV_BIN / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider"]
            ran = subprocess.run(pytest_run, cwd=folder, capture_output=True, text=True)
        assert ran.returncode == 0 and " passed" in ran.stdout, f"{where}:\n{ran.stdout}"
    cases = [case for case in names.values() if is_test_case(case)]
    if cases:
        loader, report = unittest.TestLoader(), io.StringIO()
        suite = unittest.TestSuite(loader.loadTestsFromTestCase(case) for case in cases)
        outcome = unittest.TextTestRunner(stream=report).run(suite)
        assert outcome.wasSuccessful() and outcome.testsRun, f"{where}:\n{report.getvalue()}"


def is_test_case(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, unittest.TestCase)


def is_pytest_test(name: str, value: object, where: str) -> bool:
    """A test function the example at `where` defines."""
    return (
        name.startswith("test_")
        and inspect.isfunction(value)
        and value.__code__.co_filename == where
    )


def test_every_guide_with_python_has_its_examples_run_here() -> None:
    """A new guide's examples are picked up by the glob: at least these run."""
    with_examples = {shown(document) for document in DOCUMENTS if examples(document)}
    assert {"README.md", "exactly-once.md", "testing.md"} <= with_examples
    assert {shown(page) for page in PACKAGE_PAGES} <= with_examples


def shown(document: Path) -> str:
    """A document's name in a test's id and its errors: the sandbox's README is not the SDK's."""
    return str(document.relative_to(ROOT)) if document in PACKAGE_PAGES else document.name


@pytest.mark.parametrize("document", [d for d in DOCUMENTS if examples(d)], ids=shown)
def test_every_python_example_runs_as_written(
    document: Path, projekt_sandbox: ProjektSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROJEKT_API_KEY", projekt_sandbox.api_key)
    monkeypatch.setenv("PROJEKT_ORG_ID", projekt_sandbox.org_id)
    monkeypatch.setenv("PROJEKT_BASE_URL", projekt_sandbox.base_url)
    first, *others = examples(document)
    after_first: dict[str, Any] = {}
    run(first, after_first, f"{shown(document)}, example 1")
    for number, code in enumerate(others, start=2):
        names = {**after_first, "checkpoint": Checkpoint(), "export": lambda page: None}
        run(code, names, f"{shown(document)}, example {number}")
        if "checkpoint.write" in code:  # the README's export: it ends with the list done
            assert names["checkpoint"].saved[-1] is None
    if document.name == "exactly-once.md":  # a job run twice writes each row once
        with projekt_sandbox.client() as client:
            row = {"line": 7, "project": projekt_sandbox.project_id, "title": "Row 7"}
            for _ in range(2):
                after_first["import_row"](client, "job-42", row)
            listed = client.issues.list(project_id=projekt_sandbox.project_id)
            assert [issue.title for issue in listed].count("Row 7") == 1
        create_within = names["create_within"]  # a write given no time, then sent again

        async def twice() -> list[str]:
            async with projekt_sandbox.async_client() as client:
                fields = {"project_id": projekt_sandbox.project_id, "title": "Deploy"}
                await create_within(client, 0, **fields)
                await create_within(client, 0, **fields)
                return [
                    issue.title
                    async for issue in client.issues.list(project_id=fields["project_id"])
                ]

        assert asyncio.run(twice()).count("Deploy") == 2  # once for each call


def test_the_cli_guides_first_commands_run_as_written(
    projekt_sandbox: ProjektSandbox, tmp_path: Path
) -> None:
    """docs/guide/cli.md's first example, a line at a time in bash, as a new user runs it:
    `projekt login` first (given the key at its prompt), then the commands, which use the
    profile it saved. The guide's sandbox is at 127.0.0.1:8787; this test's is elsewhere."""
    block = SHELL.findall((ROOT / "docs" / "guide" / "cli.md").read_text())[0]
    _, titles, created, updated, got, listed = run_lines(block, projekt_sandbox, tmp_path)
    assert "Fix login bug" in titles.splitlines()  # jq -r .title, one per line
    assert json.loads(created)["title"] == "Fix login"
    assert (json.loads(updated)["status"], json.loads(updated)["assignee_id"]) == ("Done", None)
    assert yaml.safe_load(got)["status"] == "Done"  # -o yaml
    assert "Fix login" in [issue["title"] for issue in json.loads(listed)]


def test_the_cli_package_pages_quickstart_runs_as_written(
    projekt_sandbox: ProjektSandbox, tmp_path: Path
) -> None:
    """cli/README.md, what PyPI shows of projekt-cli: its quickstart, a line at a time, with
    the sandbox as the API (`PROJEKT_BASE_URL`, which `projekt login` with no profile saves)."""
    block = SHELL.findall((ROOT / "cli" / "README.md").read_text())[1]
    base_url = {"PROJEKT_BASE_URL": projekt_sandbox.base_url}
    _, me, titles, dry_run, listed, _ = run_lines(block, projekt_sandbox, tmp_path, base_url)
    assert json.loads(me)["email"]
    assert "Fix login bug" in titles.splitlines()
    assert dry_run.startswith("curl ") and '"title":"Fix login"' in dry_run
    assert "Fix login bug" in [issue["title"] for issue in json.loads(listed)]


def run_lines(
    block: str, sandbox: ProjektSandbox, config: Path, settings: dict[str, str] | None = None
) -> list[str]:
    """What each line of a shell example prints, run in bash as a new user runs it, in a
    config folder of its own and with no PROJEKT_ setting but `settings`; each must succeed.
    The key goes to each line's stdin, for `projekt login`'s prompt."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("PROJEKT_")}
    env.update(settings or {})
    env.update(PATH=f"{VENV_BIN}{os.pathsep}{env['PATH']}", XDG_CONFIG_HOME=str(config))
    said = []
    for line in block.splitlines():
        command = line.replace("http://127.0.0.1:8787", sandbox.base_url)
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            input=sandbox.api_key + "\n",
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, f"{line}\n{done.stderr}"
        said.append(done.stdout)
    return said
