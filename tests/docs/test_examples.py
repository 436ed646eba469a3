"""Every Python example in the README and the guides runs as written, against a fresh sandbox.

A reader copies them one at a time, after the quickstart: so the first example of a document
runs first, and each other one runs with the names the first left (`client`, `project_id`).
The names an example leaves to its reader (an export's `checkpoint`) are given here, and
what an example promises (one issue however often a job reruns) is checked after it.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import re
from pathlib import Path
from typing import Any

import pytest

from projekt_sandbox import ProjektSandbox
from tests.helpers import ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs" / "guide").glob("*.md"))]
PYTHON = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


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
    """Runs an example as the reader would: one with a top-level `async with` in asyncio."""
    compiled = compile(code, where, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    if compiled.co_flags & inspect.CO_COROUTINE:
        asyncio.run(eval(compiled, names))
    else:
        exec(compiled, names)


def test_every_guide_with_python_has_its_examples_run_here() -> None:
    """A new guide's examples are picked up by the glob: at least these run."""
    with_examples = {document.name for document in DOCUMENTS if examples(document)}
    assert {"README.md", "exactly-once.md", "testing.md"} <= with_examples


@pytest.mark.parametrize(
    "document", [d for d in DOCUMENTS if examples(d)], ids=lambda document: document.name
)
def test_every_python_example_runs_as_written(
    document: Path, projekt_sandbox: ProjektSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROJEKT_API_KEY", projekt_sandbox.api_key)
    monkeypatch.setenv("PROJEKT_ORG_ID", projekt_sandbox.org_id)
    monkeypatch.setenv("PROJEKT_BASE_URL", projekt_sandbox.base_url)
    first, *others = examples(document)
    after_first: dict[str, Any] = {}
    run(first, after_first, f"{document.name}, example 1")
    for number, code in enumerate(others, start=2):
        names = {**after_first, "checkpoint": Checkpoint(), "export": lambda page: None}
        run(code, names, f"{document.name}, example {number}")
        if "checkpoint.write" in code:  # the README's export: it ends with the list done
            assert names["checkpoint"].saved[-1] is None
    if document.name == "exactly-once.md":  # a job run twice writes each row once
        with projekt_sandbox.client() as client:
            row = {"line": 7, "project": projekt_sandbox.project_id, "title": "Row 7"}
            for _ in range(2):
                after_first["import_row"](client, "job-42", row)
            listed = client.issues.list(project_id=projekt_sandbox.project_id)
            assert [issue.title for issue in listed].count("Row 7") == 1
