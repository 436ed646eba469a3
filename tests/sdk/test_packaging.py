"""What users get: a wheel that installs with only its runtime dependencies, types
that their mypy sees, and an SDK that grows with the spec and nothing else."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, VENV_BIN, build_once

pytestmark = pytest.mark.slow  # it builds the wheels and a venv


def run(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean venv holding the SDK's wheel alone, as `make build` makes it."""
    build_once()
    wheel = next((ROOT / "dist").glob("projekt-*.whl"))
    venv = tmp_path_factory.mktemp("wheel") / "venv"
    run(sys.executable, "-m", "venv", venv)
    run(venv / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel)
    return venv


def test_the_wheel_installs_alone_and_works(wheel_venv: Path, tmp_path: Path) -> None:
    venv = wheel_venv
    wheel = next((ROOT / "dist").glob("projekt-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    # One import name, typed, holding all four layers.
    assert {name.split("/")[0] for name in names if ".dist-info/" not in name} == {"projekt"}
    assert names.count("projekt/py.typed") == 1
    layers = ("_resources", "_runtime", "_api")
    assert {f"projekt/{layer}/__init__.py" for layer in layers} <= set(names)

    installed = run(venv / "bin" / "python", "-m", "pip", "list", "--format=freeze")
    names_only = {line.split("==")[0].lower() for line in installed.split()}
    assert names_only - {"pip", "setuptools"} <= {
        "projekt",
        "httpx",
        "httpcore",
        "attrs",
        "msgspec",
        "anyio",
        "certifi",
        "h11",
        "idna",
        "sniffio",
        "typing-extensions",
        "typing_extensions",
    }
    smoke = textwrap.dedent(
        """
        import httpx, projekt
        def answer(request):
            assert request.headers["Authorization"].startswith("Bearer pjk_live_")
            return httpx.Response(200, json={"id": "u", "email": "you@example.com",
                                             "name": "You", "username": "you", "locale": "es"})
        client = projekt.Projekt(api_key="pjk_live_" + "a" * 32, base_url="https://api.test",
                                 http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        print(client.me.get().email)
        """
    )
    assert run(venv / "bin" / "python", "-c", smoke, cwd=tmp_path).strip() == "you@example.com"


def test_user_code_is_type_checked_against_the_real_signatures(
    wheel_venv: Path, tmp_path: Path
) -> None:
    user_code = tmp_path / "user_code.py"
    user_code.write_text(
        textwrap.dedent(
            """
            from projekt import AsyncProjekt, Projekt

            client = Projekt()
            reveal_type(client.issues.get("id"))
            reveal_type(client.me.orgs().count)
            for issue in client.issues.list(project_id="p"):
                reveal_type(issue.status)
            client.issues.get(123)
            client.issues.create(project_id="p")
            client.issues.create(project_id="p", title="t", priority=3)

            async def main() -> None:
                reveal_type(await AsyncProjekt().projects.create(name="n", key="KEY"))

            from projekt import NOT_GIVEN, NotGiven, Timeout
            from projekt.models import Issue

            def forward(cursor: str | NotGiven = NOT_GIVEN, timeout: Timeout = Timeout(5)) -> None:
                client.issues.list(project_id="p", cursor=cursor, timeout=timeout)

            reveal_type(client.get("/issues/x"))
            reveal_type(client.get("/issues/{id}", path_params={"id": "x"}, cast_to=Issue))
            reveal_type(client.delete("/issues/x"))
            client.get("/x", body={})
            client.issues.get("id", extra_headers={"X-Tag": 1})
            from projekt import RawResponse
            from projekt.models import IssueSummary as Item
            raw: RawResponse[list[Item]] = client.issues.with_raw_response.list(project_id="p")
            reveal_type(client.issues.with_raw_response.list(project_id="p").parse().next_cursor)
            reveal_type(client.with_options(max_retries=5, timeout=Timeout(3)))
            client.with_options(max_retry=5)
            client.with_options(max_retries="5")
            for item in client.get_list("/x"):
                reveal_type(item)
            for one in client.get_list("/x", cast_to=Issue):
                reveal_type(one)
            """
        )
    )
    mypy = [VENV_BIN / "mypy", "--strict", "--no-incremental"]
    result = subprocess.run(
        [*mypy, "--python-executable", wheel_venv / "bin" / "python", user_code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    out = result.stdout
    assert 'Revealed type is "projekt._api.models.issue.Issue"' in out
    assert 'Revealed type is "int"' in out
    assert 'user_code.py:8: note: Revealed type is "str"' in out  # an open enum
    assert 'Revealed type is "projekt._api.models.project.Project"' in out
    assert "user_code.py:9: error" in out  # a wrong argument type
    assert "user_code.py:10: error" in out  # a missing required field
    assert "user_code.py:11: error" in out  # a field of the wrong type
    assert 'user_code.py:22: note: Revealed type is "dict[str, Any]"' in out
    assert 'user_code.py:23: note: Revealed type is "projekt._api.models.issue.Issue"' in out
    assert 'user_code.py:24: note: Revealed type is "None"' in out
    # A raw list is a RawPage, whose page has a next_cursor, and is still a RawResponse[list].
    assert "user_code.py:29: error" not in out
    assert 'user_code.py:30: note: Revealed type is "str | None"' in out
    assert "user_code.py:25: error" in out  # a GET takes no body
    assert "user_code.py:26: error" in out  # a header's value is text (or None)
    # forward() type-checks: the sentinel and Timeout are importable and fit the signatures
    assert "user_code.py:17: error" not in out and "user_code.py:18: error" not in out
    # with_options() knows the settings: a copy is typed, a misspelt or mistyped one an error
    assert 'user_code.py:31: note: Revealed type is "projekt._client.Projekt"' in out
    assert "user_code.py:31: error" not in out
    assert "user_code.py:32: error" in out and "user_code.py:33: error" in out
    # get_list() pages a list off the spec: dicts, or the model cast_to names
    assert 'user_code.py:35: note: Revealed type is "dict[str, Any]"' in out
    assert 'user_code.py:37: note: Revealed type is "projekt._api.models.issue.Issue"' in out


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository whose spec has one more operation, deprecated, with a
    deprecated parameter, after `make generate`."""
    repo = tmp_path_factory.mktemp("extended") / "repo"
    for name in (
        "openapi.yaml",
        "generator-config.yml",
        "Makefile",
        "pyproject.toml",
        "requirements-dev.txt",
    ):
        shutil.copy2(ROOT / name, repo / name if repo.exists() else _mkdir(repo) / name)
    for folder in ("overlays", "scripts", "sandbox", "cli"):
        shutil.copytree(ROOT / folder, repo / folder)
    (repo / ".venv").symlink_to(ROOT / ".venv")

    spec = yaml.safe_load((repo / "openapi.yaml").read_text())
    archive = {
        **spec["paths"]["/projects/{project_id}"]["get"],
        "operationId": "archiveProject",
        "x-sdk-method": "archive",
        "summary": "Archive a project",
        "description": "Archives a project.",
        "deprecated": True,
        "parameters": [
            {
                "name": "reason",
                "in": "query",
                "required": False,
                "deprecated": True,
                "description": "Why; no longer read.",
                "schema": {"type": "string", "maxLength": 100},
            },
            {
                "name": "notify",
                "in": "query",
                "description": "Tell the project's members.",
                "schema": {"type": "boolean"},
            },
            {
                "name": "mode",
                "in": "query",
                "description": "How far to archive.",
                "schema": {"type": "string", "enum": ["soft", "hard"]},
            },
        ],
    }
    spec["paths"]["/projects/{project_id}/archive"] = {
        "parameters": spec["paths"]["/projects/{project_id}"]["parameters"],
        "post": archive,
    }
    (repo / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    run("make", "-s", "generate", cwd=repo)
    return repo


def run_against(repo: Path, script: str) -> str:
    env = {**os.environ, "PYTHONPATH": repo_paths(repo)}
    return run(VENV_BIN / "python", "-c", textwrap.dedent(script), cwd=repo.parent, env=env)


def test_a_deprecated_operation_and_argument_warn_and_say_so_in_api_md(extended: Path) -> None:
    script = """
        import warnings, httpx, projekt
        answer = lambda request: httpx.Response(200, json={
            "id": "p1", "name": "Web", "key": "WEB", "created_at": "2026-05-01T12:00:00Z"})
        client = projekt.Projekt(api_key="pjk_live_" + "a" * 32, org_id="org-1",
                                 base_url="https://api.test", transport=httpx.MockTransport(answer))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            client.projects.archive("p1", reason="tidy")
        for warning in caught:
            assert warning.category is projekt.ProjektDeprecationWarning, warning
            assert warning.filename == "<string>", warning.filename  # the caller's line
            print(warning.message)
    """
    printed = run_against(extended, script).splitlines()
    assert printed == [
        "projects.archive() is deprecated in the API spec; it may stop working.",
        "projects.archive(): reason is deprecated in the API spec; it may stop working.",
    ]
    api_md = (extended / "api.md").read_text()
    assert "- Deprecated: Archive a project." in api_md
    assert "- reason (str, optional): Deprecated. Why; no longer read." in api_md


def test_an_operation_added_to_the_spec_is_usable_after_make_generate(extended: Path) -> None:
    script = """
        import httpx, projekt
        seen = []
        def answer(request):
            seen.append(request)
            if len(seen) == 1:
                return httpx.Response(429, headers={"Retry-After": "0"})
            if len(seen) == 2:
                return httpx.Response(200, json={"id": "p1", "name": "Web", "key": "WEB",
                                                 "created_at": "2026-05-01T12:00:00Z"})
            return httpx.Response(404, json={"error": {"code": "not_found", "message": "gone",
                                                       "request_id": "req_ext00001"}})
        client = projekt.Projekt(api_key="pjk_live_" + "a" * 32, org_id="org-1",
                                 base_url="https://api.test",
                                 http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        project = client.projects.archive("p1")
        assert project.key == "WEB", project
        assert [r.url.path for r in seen] == ["/projects/p1/archive"] * 2
        assert all(r.headers["X-Org-Id"] == "org-1" for r in seen)
        assert all(r.headers["Authorization"] == "Bearer pjk_live_" + "a" * 32 for r in seen)
        try:
            client.projects.archive("p1")
        except projekt.NotFoundError as error:
            print(error.request_id)
        """
    assert run_against(extended, script).strip() == "req_ext00001"


def test_an_operation_added_to_the_spec_is_a_command_after_make_generate(extended: Path) -> None:
    cli = [VENV_BIN / "python", "-m", "projekt_cli", "projects"]
    env = {
        **os.environ,
        "PYTHONPATH": repo_paths(extended),
        "PROJEKT_ORG_ID": "org-1",
        "PROJEKT_BASE_URL": "https://api.test",
    }
    listed = run(*cli, "--help", cwd=extended.parent, env=env)
    assert "archive  Deprecated: Archive a project" in listed
    usage = run(*cli, "archive", "--help", cwd=extended.parent, env=env)
    assert "Usage: projekt projects archive [OPTIONS] PROJECT_ID" in usage
    assert "--reason TEXT" in usage and "(DEPRECATED)" in usage
    assert "--notify / --no-notify" in usage
    assert "--mode [soft|hard]" in usage
    dry = run(
        *cli,
        "archive",
        "p1",
        "--notify",
        "--mode",
        "hard",
        "--dry-run",
        cwd=extended.parent,
        env=env,
    )
    assert dry.startswith(
        "curl --fail-with-body -sS -X POST 'https://api.test/projects/p1/archive?notify=true&mode=hard'"
    )
    wrong = subprocess.run([*cli, "archive", "p1", "--mode", "gone"], env=env, capture_output=True)
    assert wrong.returncode == 2


def repo_paths(repo: Path) -> str:
    return os.pathsep.join(str(repo / folder) for folder in ("overlays", "cli", "generated"))


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path
