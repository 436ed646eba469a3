"""Every command of the spec, run as a user runs it, against the test kit's sandbox."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import projekt
from projekt_cli._commands import NAMESPACES
from projekt_sandbox.testing import ProjektSandbox
from tests.cli.conftest import Invoke, Run
from tests.helpers import ROOT

SDK_VERSION = projekt.__version__
Case = Callable[[ProjektSandbox, projekt.Projekt], tuple[list[str], Callable[[Run], None]]]


def an_issue(sandbox: ProjektSandbox, client: projekt.Projekt) -> str:
    return client.issues.create(project_id=sandbox.project_id, title="From the SDK").id


def me_get(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    return [], lambda run: run.json()["email"] == "you@example.com"


def me_orgs(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    return [], lambda run: run.json()["orgs"][0]["org_id"] == sandbox.org_id


def projects_list(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    return [], lambda run: sandbox.project_id in [p["id"] for p in run.lines()]


def projects_get(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    return [sandbox.project_id], lambda run: run.json()["id"] == sandbox.project_id


def projects_create(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    def check(run: Run) -> bool:
        return client.projects.get(run.json()["id"]).key == "CLI"

    return ["--name", "Command line", "--key", "CLI"], check


def issues_list(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    expected = [i.id for i in client.issues.list(project_id=sandbox.project_id)]
    return [
        "--project-id",
        sandbox.project_id,
    ], lambda run: [i["id"] for i in run.lines()] == expected


def issues_create(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    def check(run: Run) -> bool:
        issue = client.issues.get(run.json()["id"])
        return (issue.title, issue.status, issue.priority) == ("Typed", "In Progress", "high")

    args = ["--project-id", sandbox.project_id, "--title", "Typed", "--status", "In Progress"]
    return [*args, "--priority", "high"], check


def issues_get(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    issue_id = an_issue(sandbox, client)
    return [issue_id], lambda run: run.json()["title"] == "From the SDK"


def issues_update(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    issue_id = client.issues.create(
        project_id=sandbox.project_id, title="Old", description="To clear"
    ).id

    def check(run: Run) -> bool:
        issue = client.issues.get(issue_id)
        return (issue.title, issue.description, issue.status) == ("New", None, "Done")

    return [issue_id, "--title", "New", "--clear-description", "--status", "Done"], check


def issues_delete(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    issue_id = an_issue(sandbox, client)

    def check(run: Run) -> bool:
        with pytest.raises(projekt.NotFoundError):
            client.issues.get(issue_id)
        return run.stdout == ""

    return [issue_id], check


def comments_list(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    issue_id = an_issue(sandbox, client)
    client.comments.create(issue_id, body="First")
    return [issue_id], lambda run: [c["body"] for c in run.lines()] == ["First"]


def comments_create(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    issue_id = an_issue(sandbox, client)

    def check(run: Run) -> bool:
        return [c.body for c in client.comments.list(issue_id)] == ["Looks good"]

    return [issue_id, "--body", "Looks good"], check


def api_keys_list(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    return [], lambda run: {"CI pipeline", "test"} <= {k["name"] for k in run.lines()}


def api_keys_create(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    def check(run: Run) -> bool:  # the new key's token is shown once, as the API sends it
        created = run.json()
        return created["token"].startswith(created["token_prefix"]) and created["name"] == "ci"

    return ["--name", "ci"], check


def api_keys_revoke(sandbox: ProjektSandbox, client: projekt.Projekt) -> Any:
    key_id = client.api_keys.create(name="temporary").id

    def check(run: Run) -> bool:
        revoked = [k for k in client.api_keys.list() if k.id == key_id]
        return run.stdout == "" and revoked[0].revoked_at is not None

    return [key_id], check


HAPPY_PATHS: dict[str, Case] = {
    "me get": me_get,
    "me orgs": me_orgs,
    "projects list": projects_list,
    "projects get": projects_get,
    "projects create": projects_create,
    "issues list": issues_list,
    "issues create": issues_create,
    "issues get": issues_get,
    "issues update": issues_update,
    "issues delete": issues_delete,
    "comments list": comments_list,
    "comments create": comments_create,
    "api-keys list": api_keys_list,
    "api-keys create": api_keys_create,
    "api-keys revoke": api_keys_revoke,
}


def test_every_command_of_the_spec_has_a_happy_path_here() -> None:
    commands = {f"{ns} {name}" for ns, group in NAMESPACES.items() for name in group["commands"]}
    assert commands == set(HAPPY_PATHS)


@pytest.mark.parametrize("command", sorted(HAPPY_PATHS))
def test_happy_path(command: str, projekt: Invoke, projekt_sandbox: ProjektSandbox) -> None:
    with projekt_sandbox.client() as client:
        args, check = HAPPY_PATHS[command](projekt_sandbox, client)
        run = projekt(*command.split(), *args)
        assert (run.code, run.stderr) == (0, ""), run
        assert check(run), run.stdout


def test_version_is_the_sdks(projekt: Invoke) -> None:
    assert projekt("--version").stdout == f"projekt {SDK_VERSION}\n"


def test_a_list_streams_every_page_and_stops_at_max_items(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    with projekt_sandbox.client() as client:
        for n in range(7):
            client.issues.create(project_id=projekt_sandbox.project_id, title=f"Extra {n}")
        every = [i.id for i in client.issues.list(project_id=projekt_sandbox.project_id)]
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "--limit", "2"]
    assert len(every) > 8
    assert [i["id"] for i in projekt(*args).lines()] == every
    assert [i["id"] for i in projekt(*args, "--max-items", "3").lines()] == every[:3]
    assert projekt(*args, "--max-items", "0").stdout == ""
    as_json = projekt(*args, "-o", "json").json()
    assert [i["id"] for i in as_json] == every


def test_a_list_stopped_by_max_items_says_how_to_resume_and_resumes_there(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    with projekt_sandbox.client() as client:
        every = [i.id for i in client.issues.list(project_id=projekt_sandbox.project_id)]
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "--limit", "2"]
    exported: list[str] = []
    cursor: list[str] = []
    for _ in range(len(every)):  # three items a run, mid-page with pages of two
        run = projekt(*args, "--max-items", "3", *cursor)
        assert run.code == 0, run
        exported += [i["id"] for i in run.lines()]
        if not run.stderr:
            break
        assert run.stderr.startswith("More items: resume with --cursor ")
        cursor = ["--cursor", run.stderr.split()[-1]]
    assert exported == every  # nothing skipped, nothing twice


def test_an_empty_cursor_starts_the_list_as_a_script_resuming_from_nothing_gives_it(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """`--cursor "$(cat cursor.txt)"` on a first run, before any cursor was saved, sent
    `cursor=`, which the API refuses (422); --org "" and --profile "" already meant none."""
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "--limit", "2"]
    started = projekt(*args, "--cursor", "", "--max-items", "2")
    assert started.code == 0, started
    assert started.lines() == projekt(*args, "--max-items", "2").lines()


def test_output_formats_of_one_object(projekt: Invoke, projekt_sandbox: ProjektSandbox) -> None:
    import yaml

    args = ["projects", "get", projekt_sandbox.project_id]
    pretty = projekt(*args)
    assert pretty.stdout.startswith('{\n  "id": ')
    assert projekt(*args, "-o", "jsonl").stdout.count("\n") == 1
    assert yaml.safe_load(projekt(*args, "-o", "yaml").stdout) == pretty.json()
    table = projekt(*args, "-o", "table").stdout
    assert table.splitlines()[0].split() == ["id", projekt_sandbox.project_id]


def test_an_api_error_exits_1_with_its_envelope_on_stderr_and_nothing_on_stdout(
    projekt: Invoke,
) -> None:
    missing = projekt("issues", "get", "iss_missing")
    assert (missing.code, missing.stdout) == (1, "")
    assert missing.stderr.startswith("Error: 404 not_found: ")
    assert "\n  request id: req_" in missing.stderr

    invalid = projekt("projects", "create", "--name", "", "--key", "X")
    assert (invalid.code, invalid.stdout) == (1, "")
    assert invalid.stderr.startswith("Error: 422 validation_failed: ")
    assert "\n  details:\n    name: " in invalid.stderr


def test_a_rejected_token_exits_1_and_is_never_shown(projekt: Invoke) -> None:
    wrong = "pjk_live_" + "Z" * 32
    run = projekt("me", "get", PROJEKT_API_KEY=wrong)
    assert (run.code, run.stdout) == (1, "")
    assert run.stderr.startswith("Error: 401 ")
    assert wrong not in run.stderr


def test_usage_errors_exit_2(projekt: Invoke) -> None:
    assert projekt("issues", "list").code == 2  # --project-id is required
    assert projekt("issues", "list", "--project-id", "p", "--limit", "0").code == 2  # 1 to 200
    assert projekt("issues", "nonsense").code == 2
    no_org = projekt("issues", "get", "x", PROJEKT_ORG_ID=None)
    assert no_org.code == 2
    assert "--org" in no_org.stderr
    no_key = projekt("me", "get", PROJEKT_API_KEY=None)
    assert no_key.code == 2
    assert "projekt login" in no_key.stderr
    both = projekt("issues", "update", "x", "--description", "d", "--clear-description")
    assert both.code == 2
    # The hint for a missing org goes with the org, not with a base URL in .org.
    dot_org = projekt("me", "get", "--base-url", "https://api.example.org/?x=1")
    assert dot_org.code == 2
    said = "Error: base_url must have no query and no fragment: 'https://api.example.org/?x=1'.\n"
    assert dot_org.stderr.endswith("\n\n" + said), dot_org


def test_null_as_a_nullable_fields_value_is_refused_and_names_its_clear_option(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """The help says "null clears it" (the spec's words, meaning JSON's null): `--description
    null` wrote the text "null" into the issue."""
    with projekt_sandbox.client() as client:
        issue = client.issues.create(
            project_id=projekt_sandbox.project_id, title="Kept", description="Kept too"
        )
        run = projekt("issues", "update", issue.id, "--description", "null")
        assert run.code == 2
        assert "--clear-description" in run.stderr
        assert client.issues.get(issue.id).description == "Kept too"  # nothing was sent
        assert projekt("issues", "update", issue.id, "--clear-description").code == 0
        assert client.issues.get(issue.id).description is None


@pytest.mark.parametrize("timeout", ["nan", "inf", "0"])
def test_a_timeout_no_call_could_keep_is_the_options_usage_error(
    projekt: Invoke, timeout: str
) -> None:
    """`--timeout nan` passed click's range and met the SDK's check, whose words (an
    httpx.Timeout) are not the command's."""
    for run in (
        projekt("me", "get", "--timeout", timeout),
        projekt("me", "get", PROJEKT_TIMEOUT=timeout),
    ):
        assert run.code == 2
        assert "Invalid value for '--timeout'" in run.stderr and "httpx" not in run.stderr
    # A value from the environment says so: the command was given no --timeout.
    from_env = projekt("me", "get", PROJEKT_TIMEOUT=timeout).stderr
    assert from_env.rstrip().endswith("It comes from PROJEKT_TIMEOUT."), from_env
    assert "PROJEKT_TIMEOUT" not in projekt("me", "get", "--timeout", timeout).stderr


def test_a_server_failure_after_retries_exits_1(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    projekt_sandbox.fail_next(503, times=10, headers={"Retry-After": "0"})
    run = projekt("me", "get")
    assert (run.code, run.stdout) == (1, "")
    assert run.stderr.startswith("Error: 503 ")


@pytest.mark.parametrize("status", [429, 503])
def test_a_wait_longer_than_the_command_takes_is_said(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, status: int
) -> None:
    """A 429 or a 503 whose Retry-After is longer than the SDK waits by itself ends the
    command at once; it said only the status, not when to try again."""
    projekt_sandbox.fail_next(status, times=1, headers={"Retry-After": "3600"})
    run = projekt("me", "get")
    assert (run.code, run.stdout) == (1, "")
    assert "\n  retry after: 3600 s (the server's Retry-After)" in run.stderr


def test_dry_run_prints_a_curl_command_that_bash_runs_as_is(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    title = 'It\'s "quoted" & $HOME'
    args = ["issues", "create", "--project-id", projekt_sandbox.project_id, "--title", title]
    dry = projekt(*args, "--dry-run")
    assert dry.code == 0
    assert '-H "Authorization: Bearer $PROJEKT_API_KEY"' in dry.stdout
    assert "Idempotency-Key" in dry.stdout or "idempotency-key" in dry.stdout

    def titles() -> list[str]:
        with projekt_sandbox.client() as client:
            return [i.title for i in client.issues.list(project_id=projekt_sandbox.project_id)]

    assert title not in titles()  # a dry run sends nothing
    env = {**os.environ, "PROJEKT_API_KEY": projekt_sandbox.api_key}
    for _ in range(2):  # run twice: the key in the command makes the second a replay
        result = subprocess.run(
            ["bash", "-c", dry.stdout], env=env, capture_output=True, text=True, check=True
        )
        assert '"title":"It\'s \\"quoted\\" & $HOME"' in result.stdout.replace(": ", ":")
    assert titles().count(title) == 1


def test_dry_run_of_a_list_prints_its_first_page_and_needs_no_token(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    run = projekt("projects", "list", "--limit", "5", "--dry-run", PROJEKT_API_KEY=None)
    assert run.code == 0
    url = f"{projekt_sandbox.base_url}/projects?limit=5"
    assert run.stdout.startswith(f"curl --fail-with-body -sS -X GET '{url}' \\\n")


def test_a_body_comes_from_input_and_options_replace_its_fields(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, tmp_path: Path
) -> None:
    body = {"project_id": projekt_sandbox.project_id, "title": "From a file", "priority": "low"}
    path = tmp_path / "issue.json"
    path.write_text(json.dumps(body))
    from_file = projekt("issues", "create", "--input", str(path), "--priority", "urgent").json()
    assert (from_file["title"], from_file["priority"]) == ("From a file", "urgent")
    piped = projekt("issues", "create", "--input", "-", input=json.dumps(body)).json()
    assert piped["title"] == "From a file"
    comment = projekt("comments", "create", piped["id"], "--input", "-", input='{"body": "Hi"}')
    assert comment.json()["body"] == "Hi"  # a model whose own field is called body
    dry = projekt("issues", "create", "--input", str(path), "--title", "Dry", "--dry-run")
    assert '"title":"Dry"' in dry.stdout and '"priority":"low"' in dry.stdout


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_an_input_file_saved_by_notepad_or_powershell_is_read(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, tmp_path: Path, encoding: str
) -> None:
    """Notepad saves UTF-8 with a BOM, which RFC 8259 lets a parser ignore; --input said "not
    JSON: Unexpected UTF-8 BOM (decode using utf-8-sig)", which a user cannot act on. Windows
    PowerShell's `>` writes UTF-16 with a BOM, and `Out-File -Encoding unicode` too: --input
    said "not JSON: 'utf-8' codec can't decode byte 0xff". The json module finds each."""
    body = {"project_id": projekt_sandbox.project_id, "title": f"Saved as {encoding} ñ"}
    path = tmp_path / "issue.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding=encoding)
    assert projekt("issues", "create", "--input", str(path)).json()["title"] == body["title"]
    sent = projekt("api", "POST", "/issues", "--input", str(path)).json()
    assert sent["title"] == body["title"]
    piped = projekt("issues", "create", "--input", "-", input=path.read_bytes()).json()
    assert piped["title"] == body["title"]


def test_a_bad_input_or_a_missing_field_is_a_usage_error(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    assert projekt("issues", "create", "--input", "-", input="[1, 2]").code == 2
    assert projekt("issues", "create", "--input", "-", input="{not json").code == 2
    # A pipe from a command that printed nothing: said so, not "Expecting value: line 1"
    empty = projekt("api", "POST", "/issues", "--input", "-", input=" \n")
    assert empty.code == 2 and "'--input': it is empty, not JSON" in empty.stderr
    lacking = projekt("issues", "create", "--input", "-", input='{"title": "No project"}')
    assert lacking.code == 2
    assert "project_id" in lacking.stderr
    missing = projekt("issues", "create", "--title", "No project")
    assert missing.code == 2
    assert "Missing option '--project-id'" in missing.stderr


def test_no_spec_parameter_can_take_the_name_of_a_common_option() -> None:
    """make generate refuses a parameter named like an option every command has; the list it
    checks against is the CLI's own."""
    from projekt_cli._app import common_options

    sys.path.insert(0, str(ROOT / "scripts"))  # as make generate runs them
    from _commands import RESERVED_FLAGS

    flags = {flag for option in common_options(paginated=True) for flag in option.opts}
    assert {flag for flag in flags if flag.startswith("--")} <= RESERVED_FLAGS


def test_a_header_option_reaches_the_server_and_shows_in_a_dry_run(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    run = projekt("me", "get", "--header", "X-Trace-Tag: nightly", "-H", "User-Agent:")
    assert run.code == 0, run
    seen = projekt_sandbox.requests[-1].headers
    assert seen["x-trace-tag"] == "nightly" and "user-agent" not in seen
    dry = projekt("me", "get", "-H", "X-Trace-Tag: nightly", "--dry-run")
    assert "-H 'x-trace-tag: nightly'" in dry.stdout
    assert projekt("me", "get", "-H", "no colon").code == 2
    refused = projekt("me", "get", "-H", "Authorization: Bearer other")
    assert refused.code == 2 and "cannot set Authorization" in refused.stderr
    framed = projekt("me", "get", "-H", "Content-Length: 5")
    assert framed.code == 2 and "cannot set Content-Length" in framed.stderr


def test_api_sends_any_path_and_prints_its_json(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    listed = projekt("api", "GET", "/issues", "-q", f"project_id={projekt_sandbox.project_id}")
    assert listed.code == 0, listed
    assert all(item["project_id"] == projekt_sandbox.project_id for item in listed.json())
    body = json.dumps({"project_id": projekt_sandbox.project_id, "title": "Through api"})
    created = projekt("api", "post", "/issues", "--input", "-", input=body)
    assert created.code == 0 and created.json()["title"] == "Through api"
    assert "idempotency-key" in projekt_sandbox.requests[-1].headers
    issue_id = created.json()["id"]
    deleted = projekt("api", "DELETE", f"/issues/{issue_id}")
    assert (deleted.code, deleted.stdout) == (0, "")  # a 204: nothing to print


def test_an_empty_list_says_so_in_a_table_and_is_empty_otherwise(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    with projekt_sandbox.client() as client:
        empty = client.projects.create(name="Nothing yet", key="NONE").id
    table = projekt("issues", "list", "--project-id", empty, "-o", "table")
    assert (table.code, table.stdout, table.stderr) == (0, "", "No items.\n")
    assert projekt("issues", "list", "--project-id", empty).stdout == ""  # JSON Lines: none
    assert projekt("issues", "list", "--project-id", empty, "-o", "json").json() == []


def test_an_update_with_nothing_to_change_is_a_usage_error_and_sends_nothing(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """The API refused it with a 422 about the body's size, naming no option; the spec's
    minProperties says so before anything is sent."""
    issue_id = "7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d"  # the seeded "Fix login bug"
    bare = projekt("issues", "update", issue_id)
    assert bare.code == 2 and "give at least one of --title, --status" in bare.stderr
    assert projekt("issues", "update", issue_id, "--input", "-", input="{}").code == 2
    assert projekt_sandbox.requests == []
    cleared = projekt("issues", "update", issue_id, "--clear-description")  # a field: null
    assert cleared.code == 0 and cleared.json()["description"] is None


# As under PYTHONWARNINGS=error, which a developer may set for all of their Python.
@pytest.mark.filterwarnings("error::projekt.ProjektDeprecationWarning")
def test_a_command_the_api_deprecates_says_so_and_when_it_stops_working(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """The SDK's notice is a DeprecationWarning, which Python shows only for `__main__`'s code:
    the command said nothing of the sunset the API announced. And made an error, that warning
    ended a create with a traceback after the issue was made, and login before it saved."""
    sunset = f"{datetime.now(UTC).year + 2}-06-30"  # to come, whenever the test runs
    projekt_sandbox.deprecate("listIssues", sunset=sunset)
    projekt_sandbox.deprecate("deleteIssue")
    projekt_sandbox.deprecate("createIssue")
    projekt_sandbox.deprecate("getMe")
    made = projekt("issues", "create", "--project-id", projekt_sandbox.project_id, "--title", "x")
    assert made.code == 0 and made.json()["title"] == "x", made
    assert made.stderr.startswith("Warning: `projekt issues create` is deprecated by the API")
    logged_in = projekt("login", "--profile", "w", input=projekt_sandbox.api_key)
    assert logged_in.code == 0 and "Saved profile 'w'" in logged_in.stderr, logged_in
    assert "Warning" not in logged_in.stderr  # its requests only check the key
    listed = projekt("issues", "list", "--project-id", projekt_sandbox.project_id, "--limit", "2")
    assert listed.code == 0 and len(listed.lines()) > 2  # several pages, one notice
    notice = "Warning: `projekt issues list` is deprecated by the API since "
    assert listed.stderr.startswith(notice) and listed.stderr.count("\n") == 1, listed
    assert f"; it stops working on {sunset} (sunset); see http" in listed.stderr
    raw = projekt("api", "GET", "/issues", "-q", f"project_id={projekt_sandbox.project_id}")
    assert raw.stderr.startswith("Warning: `projekt api GET /issues` is deprecated by the API")
    missing = projekt("issues", "delete", "00000000-0000-4000-8000-000000000000")
    assert missing.code == 1 and "Error: 404 not_found" in missing.stderr
    assert "Warning: `projekt issues delete` is deprecated by the API" in missing.stderr
    assert projekt("api-keys", "list").stderr == ""


def test_api_paginate_writes_every_item_of_every_page(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    listed = projekt("issues", "list", "--project-id", projekt_sandbox.project_id).lines()
    query = ["-q", f"project_id={projekt_sandbox.project_id}", "-q", "limit=2"]
    paged = projekt("api", "GET", "/issues", *query, "--paginate")
    assert paged.code == 0, paged
    assert paged.lines() == listed  # JSON Lines, as a list command writes, every page
    assert len([r for r in projekt_sandbox.requests if "limit=2" in r.query]) > 1
    assert projekt("api", "GET", "/issues", *query, "--paginate", "-o", "json").json() == listed
    one_page = projekt("api", "GET", "/issues", *query).json()
    assert one_page == listed[:2]  # without it, the first page alone
    not_a_list = projekt("api", "GET", "/me", "--paginate")
    assert not_a_list.code == 1 and "reads a JSON array" in not_a_list.stderr
    assert projekt("api", "POST", "/issues", "--paginate").code == 2


def test_api_paginate_stops_at_max_items_as_a_list_command_does(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """`--max-items` bounds every list command; `api --paginate` fetched every page of a list
    of any length, and refused the option a list command takes."""
    listed = projekt("issues", "list", "--project-id", projekt_sandbox.project_id).lines()
    query = ["-q", f"project_id={projekt_sandbox.project_id}", "-q", "limit=2"]
    before = len(projekt_sandbox.requests)
    three = projekt("api", "GET", "/issues", *query, "--paginate", "--max-items", "3")
    assert three.code == 0, three
    assert three.lines() == listed[:3]
    assert len(projekt_sandbox.requests) - before == 2  # two pages of 2, no third
    alone = projekt("api", "GET", "/issues", *query, "--max-items", "3")
    assert alone.code == 2 and "it counts the items of --paginate" in alone.stderr


def test_api_takes_the_idempotency_key_its_error_says_to_send_again_with(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """A write through `projekt api` whose answer was lost ends with "to send it again safely,
    add: --idempotency-key KEY", an option `projekt api` did not have."""
    projekt_sandbox.lose_next_response(method="POST")
    body = json.dumps({"project_id": projekt_sandbox.project_id, "title": "Lost once"})
    lost = projekt("api", "POST", "/issues", "--input", "-", "--max-retries", "0", input=body)
    assert lost.code == 1, lost
    key = lost.stderr.split("add: --idempotency-key ")[1].split()[0]
    again = projekt("api", "POST", "/issues", "--input", "-", "--idempotency-key", key, input=body)
    assert again.code == 0, again
    with projekt_sandbox.client() as client:
        titles = [i.title for i in client.issues.list(project_id=projekt_sandbox.project_id)]
    assert titles.count("Lost once") == 1  # the first one, its answer replayed
    assert projekt("api", "GET", "/me", "--idempotency-key", key).code == 2


def test_a_refused_retry_of_a_lost_write_says_how_to_send_it_again(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """The create acted and its answer was lost, then its retry got a 429: the command said
    the 429, and that the create may have acted, but not the option that resends it safely."""
    projekt_sandbox.lose_next_response(method="POST")
    projekt_sandbox.fail_next(429, method="POST")
    create = ["issues", "create", "--project-id", projekt_sandbox.project_id, "--title", "Once"]
    refused = projekt(*create, "--max-retries", "1")
    assert refused.code == 1 and refused.stderr.startswith("Error: 429 rate_limited: "), refused
    key = refused.stderr.split("add: --idempotency-key ")[1].split()[0]
    assert projekt(*create, "--idempotency-key", key).code == 0
    with projekt_sandbox.client() as client:
        titles = [i.title for i in client.issues.list(project_id=projekt_sandbox.project_id)]
    assert titles.count("Once") == 1


def test_a_typed_command_prints_the_json_the_api_sent(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """`issues get` wrote `created_at` as "2026-05-28T09:14:02+00:00", where the API, and
    `projekt api`, say "2026-05-28T09:14:02Z": a script that compared them found a change."""
    with projekt_sandbox.client() as client:
        issue_id = next(iter(client.issues.list(project_id=projekt_sandbox.project_id))).id
    typed = projekt("issues", "get", issue_id, "-o", "json")
    raw = projekt("api", "GET", f"/issues/{issue_id}")
    assert typed.code == raw.code == 0
    assert typed.json() == raw.json() and typed.json()["created_at"].endswith("Z")


def test_api_exits_1_on_an_api_error_and_2_on_a_path_outside_the_base_url(
    projekt: Invoke,
) -> None:
    missing = projekt("api", "GET", "/issues/00000000-0000-4000-8000-000000000000")
    assert (missing.code, missing.stdout) == (1, "")
    assert missing.stderr.startswith("Error: 404 not_found: ")
    assert "\n  request id: req_" in missing.stderr
    outside = projekt("api", "GET", "https://elsewhere.example/me")
    assert outside.code == 2 and "not under the client's base URL" in outside.stderr
    assert projekt("api", "GET", "/me", "-q", "novalue").code == 2


def test_a_value_outside_an_open_enum_is_sent_with_a_note(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    args = ["issues", "create", "--project-id", projekt_sandbox.project_id, "--title", "Odd"]
    run = projekt(*args, "--status", "Blocked")
    assert run.code == 0 and run.json()["status"] == "Blocked"  # sent as given
    assert run.stderr == (
        "Note: --status 'Blocked' is not one of the known values "
        "(Backlog, Todo, In Progress, Done, Canceled); sending it as given.\n"
    )
    assert projekt(*args, "--status", "Done").stderr == ""  # a known value: no note


def test_common_options_work_before_the_namespace_too(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    before = ["--base-url", projekt_sandbox.base_url, "--org", projekt_sandbox.org_id]
    run = projekt(
        *before,
        "-o",
        "json",
        "projects",
        "get",
        projekt_sandbox.project_id,
        PROJEKT_BASE_URL=None,
        PROJEKT_ORG_ID=None,
    )
    assert run.code == 0 and run.json()["id"] == projekt_sandbox.project_id, run
    # Given after the command too, the later one wins.
    wrong = projekt(
        "--org",
        "00000000-0000-4000-8000-000000000000",
        "projects",
        "get",
        projekt_sandbox.project_id,
        "--org",
        projekt_sandbox.org_id,
    )
    assert wrong.code == 0, wrong
    headers = projekt("-H", "X-One: 1", "me", "get", "-H", "X-Two: 2")
    assert headers.code == 0
    seen = projekt_sandbox.requests[-1].headers
    assert (seen["x-one"], seen["x-two"]) == ("1", "2")


def test_common_options_work_between_the_namespace_and_its_command(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """As kubectl's and gh's do (`kubectl -n NS get pods`). `projekt me -o json` said "No such
    option '-o'", though the root's help says the options go before the command as after it."""
    other_org = ["--org", "00000000-0000-4000-8000-000000000000"]
    got = ["get", projekt_sandbox.project_id]
    after = ["--org", projekt_sandbox.org_id, "-H", "X-Three: 3"]
    middle = [*other_org, "-o", "json", "-H", "X-Two: 2"]
    run = projekt("-H", "X-One: 1", "projects", *middle, *got, *after)
    assert run.code == 0 and run.json()["id"] == projekt_sandbox.project_id, run
    seen = projekt_sandbox.requests[-1].headers
    assert [seen[f"x-{n}"] for n in ("one", "two", "three")] == ["1", "2", "3"]
    wrong = projekt("projects", *other_org, *got)
    assert wrong.code == 1 and "Error: 403" in wrong.stderr, wrong
    missing = projekt("me", "-o", "json")
    assert missing.code == 2 and "Missing command" in missing.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_deprecated_command_with_nothing_to_print_says_done_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its summary reads "Deprecated: Delete an issue", which click's warning already said."""
    from projekt_cli import _calls

    deleting = NAMESPACES["issues"]["commands"]["delete"]
    command = {**deleting, "summary": "Deprecated: Delete an issue"}
    shown = _Terminal()
    monkeypatch.setattr(sys, "stderr", shown)
    common = _calls.Common(None, None, None, None, None, None, False, None)
    _calls._write(command, None, common)
    assert shown.getvalue() == "Delete an issue: done.\n"
