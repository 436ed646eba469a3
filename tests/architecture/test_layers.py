"""The SDK's layers point down, and the generated client stands on its own.

public client (projekt) -> facade (_projekt_resources, generated) ->
runtime (_projekt_runtime, hand-written) -> low-level client (projekt_api, generated)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT, VENV_BIN

HAND_WRITTEN = ("projekt", "_projekt_runtime", "_projekt_resources")


def lint_imports(root: Path, pythonpath: list[Path]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(map(str, pythonpath))}
    return subprocess.run(
        [VENV_BIN / "lint-imports", "--no-cache", "--config", root / "pyproject.toml"],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
    )


def test_the_import_contracts_hold() -> None:
    result = lint_imports(ROOT, [])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_upward_import_breaks_the_contracts(tmp_path: Path) -> None:
    for folder in ("overlays", "generated"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    client = tmp_path / "generated" / "projekt_api" / "client.py"
    client.write_text(client.read_text() + "\nfrom _projekt_runtime import errors  # upward\n")
    result = lint_imports(tmp_path, [tmp_path / "overlays", tmp_path / "generated"])
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "projekt_api.client -> _projekt_runtime" in result.stdout


IMPORT_EVERY_GENERATED_MODULE = """
import importlib, json, pkgutil, sys
import projekt_api
names = [m.name for m in pkgutil.walk_packages(projekt_api.__path__, "projekt_api.")]
for name in names:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {layers!r})
print(json.dumps({{"imported": len(names), "hand_written_loaded": loaded}}))
"""


def test_every_generated_module_imports_alone_and_loads_nothing_hand_written() -> None:
    script = IMPORT_EVERY_GENERATED_MODULE.format(layers=set(HAND_WRITTEN))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["imported"] > 20 and report["hand_written_loaded"] == []


def test_the_facade_imports_first_in_a_fresh_process() -> None:
    """It used to fail with a circular ImportError unless `projekt` came first."""
    script = "import _projekt_resources, projekt; print(projekt.Projekt.__mro__[1].__name__)"
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
