"""The SDK's layers point down, and the generated client stands on its own.

public client (projekt) -> facade (projekt._resources, generated) ->
runtime (projekt._runtime, hand-written) -> low-level client (projekt._api, generated)
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT, VENV_BIN


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    command = [VENV_BIN / "python", ROOT / "scripts" / "lint_imports.py", "--root", root]
    return subprocess.run(command, capture_output=True, text=True)


def test_the_import_contracts_hold() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_upward_import_breaks_the_contracts(tmp_path: Path) -> None:
    for folder in ("overlays", "generated", "cli", "sandbox"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    client = tmp_path / "generated" / "projekt" / "_api" / "client.py"
    client.write_text(client.read_text() + "\nfrom projekt._runtime.errors import exceptions\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "projekt._api.client -> projekt._runtime" in result.stdout


def test_the_sdk_never_imports_its_command_line(tmp_path: Path) -> None:
    for folder in ("overlays", "generated", "cli", "sandbox"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    pipeline = tmp_path / "overlays" / "projekt" / "_runtime" / "calls" / "pipeline.py"
    pipeline.write_text(pipeline.read_text() + "\nimport projekt_cli._output\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "The SDK never imports its command line BROKEN" in result.stdout


IMPORT_EVERY_GENERATED_MODULE = """
import importlib, pkgutil
import projekt._api
names = [m.name for m in pkgutil.walk_packages(projekt._api.__path__, "projekt._api.")]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_generated_module_imports() -> None:
    """Each module of the low-level client loads (that it imports nothing hand-written is the
    import contract's, which the test above breaks on purpose)."""
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_GENERATED_MODULE], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 20


def test_the_facade_imports_first_in_a_fresh_process() -> None:
    """It used to fail with a circular ImportError unless `projekt` came first."""
    script = "import projekt._resources, projekt; print(projekt.Projekt.__mro__[1].__name__)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_template_guard_names_an_upstream_template_that_changed(tmp_path: Path) -> None:
    pristine = tmp_path / "upstream-templates"
    shutil.copytree(ROOT / "overlays" / "upstream-templates", pristine)
    changed = pristine / "property_templates" / "union_property.py.jinja"
    changed.write_text(changed.read_text().replace("{% macro construct", "{% macro  construct", 1))
    guard = [sys.executable, ROOT / "scripts" / "check_templates.py"]
    assert subprocess.run(guard, capture_output=True).returncode == 0
    result = subprocess.run([*guard, "--upstream", pristine], capture_output=True, text=True)
    assert result.returncode != 0
    assert "property_templates/union_property.py.jinja: upstream changed it. Re-merge" in (
        result.stderr
    )


def test_a_fork_without_a_pristine_copy_is_refused(tmp_path: Path) -> None:
    pristine = tmp_path / "upstream-templates"
    shutil.copytree(ROOT / "overlays" / "upstream-templates", pristine)
    (pristine / "types.py.jinja").unlink()
    guard = [sys.executable, ROOT / "scripts" / "check_templates.py", "--upstream", pristine]
    result = subprocess.run(guard, capture_output=True, text=True)
    assert result.returncode != 0 and "types.py.jinja: forked" in result.stderr


PRIVATE_REACHES = re.compile(
    r"\bhttp(?:x|core)\._[a-z]|\._pool\b|\._network_backend\b|\._content\b|[\"']_request[\"']"
)


def test_the_sdk_uses_no_private_api_of_httpx_or_httpcore() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in (ROOT / "overlays").rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if PRIVATE_REACHES.search(line)
    ]
    assert found == []
