"""The three products, used the way people outside this repository use them.

A consumer builds nothing: they install the wheels into a clean virtualenv, run
the sandbox, call the API through the SDK, and test their own code with the
`projekt_sandbox` fixture. And a change to the SDK surface that the version does
not announce fails `make lint`, naming the change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from tests.helpers import ROOT, VENV_BIN, Sandbox
from tests.release.conftest import run


@pytest.fixture(scope="module")
def consumer(tmp_path_factory: pytest.TempPathFactory, wheels: dict[str, Path]) -> Iterator[Path]:
    """A clean venv outside the repository, holding only the SDK, the sandbox and pytest."""
    home = tmp_path_factory.mktemp("consumer")
    run(sys.executable, "-m", "venv", home / "venv", cwd=home)
    pip = [home / "venv" / "bin" / "python", "-m", "pip", "install", "-q"]
    ours = [wheels["projekt"], wheels["projekt_sandbox"]]
    run(*pip, "--disable-pip-version-check", *ours, "pytest", cwd=home)
    yield home


def test_each_wheel_installs_one_import_name(wheels: dict[str, Path]) -> None:
    """What a user's type checker and `pip show -f` see: projekt, projekt_cli, projekt_sandbox."""
    for name, wheel in wheels.items():
        with zipfile.ZipFile(wheel) as archive:
            tops = {entry.split("/")[0] for entry in archive.namelist()}
        assert {top for top in tops if not top.endswith(".dist-info")} == {name}


def consumer_env(home: Path, **extra: str) -> dict[str, str]:
    """No repository path anywhere: not on sys.path, not the cwd, not in the env."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PROJEKT_"))}
    return {**env, "PATH": f"{home / 'venv' / 'bin'}{os.pathsep}{env['PATH']}", **extra}


def test_the_installed_sandbox_serves_the_spec_and_the_docs_and_runs_the_quickstart_and_cli(
    consumer: Path,
) -> None:
    bin_dir = consumer / "venv" / "bin"
    site = run(bin_dir / "python", "-c", "import sys; print(sys.path)", cwd=consumer)
    assert str(ROOT) not in site
    env = consumer_env(consumer)
    server = Sandbox(consumer / "demo.db", bin_dir=bin_dir, cwd=consumer, env=env)
    try:
        url, credentials = server.url, server.owner
        assert httpx.get(url + "/openapi.yaml").content == (ROOT / "openapi.yaml").read_bytes()
        docs = httpx.get(url + "/docs/")
        assert docs.status_code == 200 and "scalar.js" in docs.text
        shutil.copy(ROOT / "examples" / "quickstart.py", consumer / "quickstart.py")
        quickstart_env = consumer_env(
            consumer,
            PROJEKT_API_KEY=credentials["api_key"],
            PROJEKT_ORG_ID=credentials["org_id"],
            PROJEKT_BASE_URL=url,
        )
        out = run(bin_dir / "python", "quickstart.py", cwd=consumer, env=quickstart_env)
        assert "## 4. POST /issues" in out and "Investigate flaky CI test" in out
        check_the_command_line(consumer, quickstart_env, credentials["project_id"])
    finally:
        server.stop()


def check_the_command_line(consumer: Path, env: dict[str, str], project_id: str) -> None:
    """`pip install projekt[cli]` gives the `projekt` command, which lists across pages and
    draws a table (rich) outside the repository."""
    projekt = consumer / "venv" / "bin" / "projekt"
    assert not projekt.exists()  # the SDK alone installs no command
    wheel = next((ROOT / "dist").glob("projekt-*.whl"))
    pip = [consumer / "venv" / "bin" / "python", "-m", "pip", "install", "-q"]
    run(
        *pip,
        "--disable-pip-version-check",
        "--find-links",
        ROOT / "dist",
        f"{wheel}[cli]",
        cwd=consumer,
    )
    listed = run(projekt, "issues", "list", "--project-id", project_id, cwd=consumer, env=env)
    titles = [json.loads(line)["title"] for line in listed.splitlines()]
    assert "Investigate flaky CI test" in titles
    table = run(projekt, "projects", "list", "-o", "table", cwd=consumer, env=env)
    assert table.split()[:2] == ["id", "name"]


# Every test of the testing guide's example file, which must all pass.
CONSUMER_TESTS = (ROOT / "examples" / "test_with_sandbox.py").read_text().count("\ndef test_")
ALL_PASSED = f"{CONSUMER_TESTS} passed"


def run_consumer_tests(consumer: Path) -> str:
    """The testing guide's example test file, run by pytest in the consumer's venv."""
    shutil.copy(ROOT / "examples" / "test_with_sandbox.py", consumer / "test_with_sandbox.py")
    python = consumer / "venv" / "bin" / "python"
    pytest_args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test_with_sandbox.py"]
    return run(python, *pytest_args, cwd=consumer, env=consumer_env(consumer))


def test_a_consumers_tests_run_against_the_projekt_sandbox_fixture(consumer: Path) -> None:
    assert ALL_PASSED in run_consumer_tests(consumer)


def test_a_consumers_tests_pass_mypy_and_pyright_strict_from_the_installed_wheels(
    consumer: Path,
) -> None:
    """The fixture's type comes from the installed projekt-sandbox (py.typed), the SDK's from
    projekt: a team's own tests type-check against what pip installed, nothing else."""
    shutil.copy(ROOT / "examples" / "test_with_sandbox.py", consumer / "test_with_sandbox.py")
    python = consumer / "venv" / "bin" / "python"
    mypy = next(line for line in REQUIREMENTS if line.startswith("mypy=="))
    run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", mypy, cwd=consumer)
    env = consumer_env(consumer)
    out = run(python, "-m", "mypy", "--strict", "test_with_sandbox.py", cwd=consumer, env=env)
    assert "Success: no issues found" in out
    (consumer / "pyrightconfig.json").write_text('{"typeCheckingMode": "strict"}')
    pyright = ROOT / "node_modules" / ".bin" / "pyright"
    out = run(pyright, "--pythonpath", python, "test_with_sandbox.py", cwd=consumer, env=env)
    assert "0 errors, 0 warnings" in out


REQUIREMENTS = (ROOT / "requirements-dev.txt").read_text().splitlines()


def test_msgspec_comes_with_the_sdk_and_the_sdk_works_without_it(consumer: Path) -> None:
    python, env = consumer / "venv" / "bin" / "python", consumer_env(consumer)
    which = "from projekt._api._speed import speed_extra; print(speed_extra())"
    assert run(python, "-c", which, cwd=consumer, env=env).strip() == "msgspec"  # by default
    pip = ("-m", "pip", "uninstall", "-q", "-y", "--disable-pip-version-check", "msgspec")
    run(python, *pip, cwd=consumer)
    assert run(python, "-c", which, cwd=consumer, env=env).strip() == "None"
    # Without msgspec (as on an interpreter it has no wheels for), the same tests pass.
    assert ALL_PASSED in run_consumer_tests(consumer)
    wheel = next((ROOT / "dist").glob("projekt-*.whl"))
    run(
        python,
        "-m",
        "pip",
        "install",
        "-q",
        "--disable-pip-version-check",
        f"{wheel}[speed]",
        cwd=consumer,
    )
    assert run(python, "-c", which, cwd=consumer, env=env).strip() == "msgspec"
    # The consumer's own tests pass on the fast path too.
    assert ALL_PASSED in run_consumer_tests(consumer)


def test_removing_an_operation_without_a_major_bump_fails_make_lint(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(
        ROOT,
        repo,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "node_modules", "build", "dist", "__pycache__"
        ),
    )
    for linked in (".venv", "node_modules"):
        (repo / linked).symlink_to(ROOT / linked)
    spec = yaml.safe_load((repo / "openapi.yaml").read_text())
    del spec["paths"]["/issues/{issue_id}/comments"]["post"]
    (repo / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    run("make", "-s", "generate", cwd=repo)
    assert "comments.create" not in (repo / "api.md").read_text()
    lint = subprocess.run(["make", "-s", "lint"], cwd=repo, capture_output=True, text=True)
    assert lint.returncode != 0
    assert "removed method comments.create" in lint.stderr
    released = max(
        (
            json.loads(path.read_text())["version"]
            for path in (ROOT / "releases").glob("sdk-*.json")
        ),
        key=lambda version: tuple(int(part) for part in version.split(".")),
    )
    assert f"breaking changes need a major bump (from {released})" in lint.stderr


def test_the_cli_and_the_sandbox_are_released_with_the_sdk_under_one_number() -> None:
    script = (
        "import projekt, projekt_cli._version as c, projekt_sandbox._version as s\n"
        "print(projekt.__version__, c.__version__, s.__version__)"
    )
    versions = run(VENV_BIN / "python", "-c", script, cwd=ROOT).split()
    assert len(set(versions)) == 1
    assert f"## [{versions[0]}]" in (ROOT / "CHANGELOG.md").read_text()
    # Each pins the other at that number: `projekt[cli]` and projekt-cli's own SDK.
    sdk = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    cli = tomllib.loads((ROOT / "cli" / "pyproject.toml").read_text())["project"]
    assert sdk["optional-dependencies"]["cli"] == [f"projekt-cli=={versions[0]}"]
    assert f"projekt=={versions[0]}" in cli["dependencies"]


def test_the_testing_guide_shows_the_consumer_test_file_as_it_is_tested() -> None:
    example = (ROOT / "examples" / "test_with_sandbox.py").read_text()
    assert example in (ROOT / "docs" / "guide" / "testing.md").read_text()
