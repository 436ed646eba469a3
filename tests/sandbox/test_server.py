"""The sandbox as its users meet it: the command line, auth, storage and the wire."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import projekt
import projekt_sandbox
from projekt_sandbox import handlers
from projekt_sandbox.app import create_app
from projekt_sandbox.cli import local_url, parser
from projekt_sandbox.operations import HANDLERS
from projekt_sandbox.testing import ProjektSandbox, SandboxServer
from tests.helpers import ROOT, VENV_BIN, Sandbox, free_port

# Most tests here start a server process of their own: make check leaves them to make test.
pytestmark = pytest.mark.own_process


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    """One sandbox for the tests that only add to its data (keys, a patched priority)."""
    sandbox = Sandbox(tmp_path_factory.mktemp("server") / "sandbox.db")
    yield sandbox
    sandbox.stop()


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Sandbox]:
    """A sandbox for one test alone, which may stop it."""
    sandbox = Sandbox(tmp_path / "sandbox.db")
    yield sandbox
    sandbox.stop()


def auth(credentials: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {credentials['api_key']}", "X-Org-Id": credentials["org_id"]}


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_serve_creates_its_database_and_stops_cleanly(tmp_path: Path, stop_signal: int) -> None:
    server = Sandbox(tmp_path / "fresh.db")
    assert (tmp_path / "fresh.db").exists()
    server.proc.send_signal(stop_signal)
    assert server.proc.wait(timeout=10) == 0


def test_serve_says_where_it_listens_and_how_to_get_credentials(tmp_path: Path) -> None:
    port = free_port()
    db = tmp_path / "told.db"
    command = [VENV_BIN / "projekt-sandbox", "serve", "--port", str(port), "--db", db]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        told = "".join(proc.stderr.readline() for _ in range(5))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    url = f"http://127.0.0.1:{port}"
    assert f"Projekt sandbox on {url} (also under {url}/api)" in told
    assert f"{url}/docs/" in told and f"projekt-sandbox seed --db {db}" in told
    assert f"PROJEKT_BASE_URL={url}" in told and "PROJEKT_API_KEY=" in told


@pytest.mark.parametrize("host", [[], ["--host", "0.0.0.0"]], ids=["loopback", "every address"])
def test_serve_seed_prints_the_three_exports_that_point_the_sdk_at_it(
    host: list[str], tmp_path: Path, spec: dict[str, object]
) -> None:
    """Three copy-paste commands to try the SDK: install, `serve --seed`, paste its exports.
    Listening on every address (in a container, say), they name loopback, as 0.0.0.0 is not,
    and the welcome says how another container calls it."""
    port = free_port()
    command = [VENV_BIN / "projekt-sandbox", "serve", *host, "--port", str(port), "--db"]
    proc = subprocess.Popen(
        [*command, tmp_path / "tried.db", "--seed"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stderr is not None
        exported = [proc.stdout.readline() for _ in range(3)]
        told = ""
        while "stop with Ctrl-C" not in told:  # the welcome's last line
            line = proc.stderr.readline()
            assert line, f"the server ended its welcome early:\n{told}"
            told += line
        settings = dict(
            shlex.split(line.removeprefix("export "))[0].split("=", 1) for line in exported
        )
        url = f"http://127.0.0.1:{port}"
        assert settings["PROJEKT_BASE_URL"] == url
        assert f"{url}/openapi.yaml and {url}/openapi.json" in told
        # Listening beyond loopback, it says how another container calls it.
        elsewhere = f"PROJEKT_BASE_URL=http://sandbox:{port} PROJEKT_PLAIN_HTTP_HOSTS=sandbox"
        assert (elsewhere in told) == bool(host)
        client = projekt.Projekt(
            api_key=settings["PROJEKT_API_KEY"],
            org_id=settings["PROJEKT_ORG_ID"],
            base_url=settings["PROJEKT_BASE_URL"],
        )
        with client:
            assert client.me.get().email == "you@example.com"
            assert any(p.name for p in client.projects.list())
        assert httpx.get(f"{url}/openapi.json").json() == json.loads(json.dumps(spec))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8787"),
        ("0.0.0.0", "http://127.0.0.1:8787"),
        ("::", "http://[::1]:8787"),
        ("192.0.2.7", "http://192.0.2.7:8787"),
    ],
)
def test_the_url_serve_prints_is_one_this_machine_reaches(host: str, url: str) -> None:
    assert local_url(host, 8787) == url


def test_seed_prints_exactly_one_json_object_and_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "seed.db"
    runs = [
        subprocess.run(
            [VENV_BIN / "projekt-sandbox", "seed", "--db", db],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for _ in range(2)
    ]
    first, second = (json.loads(out) for out in runs)
    assert runs[0].count("\n") == 1 and set(first) == {"api_key", "org_id", "project_id", "user_id"}
    assert first["api_key"] != second["api_key"]
    assert {k: v for k, v in first.items() if k != "api_key"} == {
        k: v for k, v in second.items() if k != "api_key"
    }
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM users").fetchone() == (6,)
        assert conn.execute("SELECT count(*) FROM issues").fetchone()[0] >= 6


@pytest.mark.parametrize("command", ["serve", "seed"])
@pytest.mark.parametrize(
    ("where", "says"),
    [
        ("missing/sandbox.db", "its folder {tmp}/missing does not exist"),
        ("a-folder", "it is a folder; give the path of a file in it"),
        ("not-a-database.db", "file is not a database"),
    ],
)
def test_a_database_path_it_cannot_use_is_one_line_not_a_traceback(
    tmp_path: Path, command: str, where: str, says: str
) -> None:
    """sqlite says "unable to open database file" of a missing folder and of a folder alike;
    the line says which."""
    (tmp_path / "not-a-database.db").write_text("notes, not SQLite\n")
    (tmp_path / "a-folder").mkdir()
    db = tmp_path / where
    run = subprocess.run(
        [VENV_BIN / "projekt-sandbox", command, "--db", db],  # serve: refused before it listens
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert run.stderr == (
        f"projekt-sandbox: cannot use {db} as the database: {says.format(tmp=tmp_path)}\n"
    )


@pytest.mark.parametrize("command", ["serve", "seed"])
def test_a_database_another_release_made_is_refused_not_served_with_500s(
    tmp_path: Path, command: str
) -> None:
    """Its tables are only made where missing: a file whose columns another release changed
    was served, and each request that used one failed, as a 500 (or, a column an index is
    on, the start-up did, with sqlite's "no such column"). The kit's SandboxServer says so
    too, naming the file (a test's folder holds it), and a file this release made still
    opens."""
    db = tmp_path / "sandbox.db"
    seeded = subprocess.run([VENV_BIN / "projekt-sandbox", "seed", "--db", db], timeout=60)
    assert seeded.returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE issues DROP COLUMN assignee_id")  # as a release might
    run = subprocess.run(
        [VENV_BIN / "projekt-sandbox", command, "--db", db],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (run.returncode, run.stderr) == (
        1,
        f"projekt-sandbox: cannot use {db} as the database: the columns of issues are not those"
        " this projekt-sandbox makes: another release made it. Start from a new file (delete"
        " it, or give another path)\n",
    )
    with pytest.raises(sqlite3.DatabaseError) as kits:  # naming the file to delete
        SandboxServer(tmp_path)
    assert str(kits.value).startswith(
        f"cannot use {db} as the sandbox's database: the columns of issues are not"
    )
    with SandboxServer(tmp_path / "fresh") as made:
        made.sandbox()
    with SandboxServer(tmp_path / "fresh") as again:  # the file this release made
        assert again.sandbox().org_id


@pytest.mark.parametrize(
    "command",
    ["seed", "mint-key --email you@example.com --org acme", "serve --seed --port 0"],
)
@pytest.mark.parametrize(
    ("stdout", "says"), [("> /dev/full", "No space left on device"), (">&-", "stdout is closed")]
)
def test_credentials_it_cannot_write_are_one_line_and_exit_1(
    tmp_path: Path, command: str, stdout: str, says: str
) -> None:
    """`projekt-sandbox seed --db x > creds.json` on a full disk was a traceback; with stdout
    closed, `seed` exited 0 having printed nothing, and `serve --seed` went on serving under
    a key nobody had (after a traceback), or did not start at all."""
    db = tmp_path / "sandbox.db"
    subprocess.run([VENV_BIN / "projekt-sandbox", "seed", "--db", db], capture_output=True)
    script = f"{VENV_BIN / 'projekt-sandbox'} {command} --db {shlex.quote(str(db))} {stdout}"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60)
    said = f"projekt-sandbox: cannot write the credentials: {says}"
    assert (done.returncode, done.stderr.splitlines()[-1:]) == (1, [said])
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "option",
    [
        "--port=70000",
        "--port=-1",
        "--max-body-bytes=0",
        "--max-body-bytes=-5",
        "--idle-timeout=-1",
        "--request-timeout=-1",
        "--request-timeout=nan",
        "--request-timeout=inf",
        "--public-url=not a url",
        "--public-url=ftp://sandbox.example",
        "--public-url=https://sandbox.example/api?x=1",
        "--public-url=https://sandbox.example?",
        "--public-url=https://sandbox.example/#",
        "--deprecate=listIssuez",
        "--deprecate=listIssues:Wed, 30 Jun 2027 00:00:00",  # no zone: every answer was a 500
        "--docs=/nonexistent/site",
    ],
)
def test_serve_refuses_a_value_it_cannot_serve_with_as_a_usage_error(
    option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not a traceback from the socket, nor a server that refuses every body, times out
    every request or sends Link headers no client can follow: argparse's usage error,
    naming the option."""
    with pytest.raises(SystemExit) as exit:
        parser().parse_args(["serve", "--db", "sandbox.db", option])
    assert exit.value.code == 2
    assert f"argument {option.split('=')[0]}: " in capsys.readouterr().err


def test_version_names_the_release_a_bug_report_should_quote() -> None:
    """`projekt --version` says its release; projekt-sandbox had no --version at all."""
    result = subprocess.run(
        [VENV_BIN / "projekt-sandbox", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"projekt-sandbox {projekt_sandbox.__version__}"


def test_the_command_runs_where_docstrings_are_stripped() -> None:
    """An image that sets PYTHONOPTIMIZE=2 (`python -OO`) strips docstrings; the command line
    took its description from one, and every command ended in an AttributeError."""
    env = {**os.environ, "PYTHONOPTIMIZE": "2"}
    result = subprocess.run(
        [VENV_BIN / "projekt-sandbox", "--help"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert "serve the Projekt API locally" in result.stdout


PLAIN_TESTS = """
import sys


def test_the_server_is_not_imported(pytestconfig):
    assert pytestconfig.pluginmanager.has_plugin("projekt_sandbox")
    assert "projekt_sandbox.testing" not in sys.modules
    assert "projekt_sandbox.app" not in sys.modules


def test_then_one_asks_for_the_fixture(projekt_sandbox):
    with projekt_sandbox.client() as client:
        assert client.me.get().username == "you"
"""


def pytest_in(folder: Path, *options: str, **env: str) -> str:
    """What a run of pytest on the tests in `folder` printed; it must pass."""
    run = subprocess.run(
        [VENV_BIN / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", *options],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout


def test_a_test_run_imports_the_server_only_for_a_test_that_asks_for_it(tmp_path: Path) -> None:
    """pytest imports every installed plugin in every run, and in each xdist worker. The
    plugin imported the whole server (uvicorn, starlette, pydantic): projekt-sandbox among a
    project's dev dependencies added half a second to every run of its unit tests."""
    (tmp_path / "test_plain.py").write_text(PLAIN_TESTS)
    assert "2 passed" in pytest_in(tmp_path)


def test_a_run_that_names_the_plugin_module_it_was_still_gets_the_fixture(tmp_path: Path) -> None:
    """With plugins not loaded by themselves, a project names the one it wants; up to 0.24.9
    the plugin was projekt_sandbox.testing."""
    (tmp_path / "test_plain.py").write_text(PLAIN_TESTS)
    options = ("-p", "projekt_sandbox.testing", "-k", "fixture")
    assert "1 passed" in pytest_in(tmp_path, *options, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")


LOGGING_TESTS = """
import logging

log = logging.getLogger("myapp")


def test_a_before(projekt_sandbox):
    log.warning("logged before the sandbox answered")
    with projekt_sandbox.client() as client:
        client.me.get()
    log.warning("logged after")


def test_b_then():
    log.warning("logged by the next test")
    assert logging.getLogger("uvicorn.error").level == logging.NOTSET
"""


def test_the_test_kit_leaves_the_test_sessions_logging_as_it_was(tmp_path: Path) -> None:
    """uvicorn configured logging as a server process does, with dictConfig, which closes
    every handler the process has: a session's --log-file kept nothing logged after the
    sandbox started."""
    (tmp_path / "test_logging.py").write_text(LOGGING_TESTS)
    pytest_in(tmp_path, "--log-file", "session.log")
    logged = (tmp_path / "session.log").read_text()
    for said in ("before the sandbox answered", "after", "by the next test"):
        assert f"logged {said}" in logged


def test_the_kits_rate_limit_is_waited_out_or_raised_as_the_client_asks(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """What docs/guide/testing.md says of `rate_limit(n, seconds)`: the SDK's throttle waits
    for the window's reset rather than collect a 429, and a client made with `throttle=False,
    max_retries=0` meets the `RateLimitError`."""
    projekt_sandbox.rate_limit(1, 1)
    with projekt_sandbox.client() as client:
        client.me.get()
        client.me.get()
    assert len(projekt_sandbox.requests) == 2  # no 429 came back to be retried
    projekt_sandbox.rate_limit(1, 60)  # a fresh window of one
    with projekt_sandbox.client(throttle=False, max_retries=0) as client:
        client.me.get()
        with pytest.raises(projekt.RateLimitError) as caught:
            client.me.get()
    assert caught.value.retry_after is not None and caught.value.retry_after > 0
    retry_in = f"Retry in {caught.value.response.headers['retry-after']} seconds."
    assert caught.value.message == f"Too many requests. {retry_in}"  # a minute's window


def test_the_record_shows_each_answers_status_and_request_id(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """A test can match what its code reported (`error.request_id`, a model's `_request_id`)
    with the request the sandbox answered, and see the failure a retry hid."""
    projekt_sandbox.fail_next(503, path="/me")
    projekt_sandbox.lose_next_response(method="POST")
    with projekt_sandbox.client() as client:
        me = client.me.get()  # retried after the 503
        with pytest.raises(projekt.NotFoundError) as missing:
            client.issues.get("00000000-0000-4000-8000-000000000000")
        with pytest.raises(projekt.ConnectionOutcomeUnknownError):
            client.issues.create(project_id=projekt_sandbox.project_id, title="x", max_retries=0)
    failed, retried, not_found, lost = projekt_sandbox.requests
    assert [r.status for r in projekt_sandbox.requests] == [503, 200, 404, None]
    assert retried.request_id == me._request_id
    assert not_found.request_id == missing.value.request_id
    assert str(failed.request_id).startswith("req_") and failed.request_id != me._request_id
    assert lost.request_id is None  # no answer went out


PLANS: dict[str, Callable[[ProjektSandbox], None]] = {
    "fail": lambda sandbox: sandbox.fail_next(429, method="POST", path="/issues"),
    "lose": lambda sandbox: sandbox.lose_next_response(method="POST", path="/issues"),
    "delay": lambda sandbox: sandbox.delay_next(0.1, method="POST", path="/issues"),
}


@pytest.mark.parametrize(
    ("made", "statuses"),
    [
        (["lose", "fail"], [None, 429, 201, 201]),
        (["fail", "lose"], [429, None, 201, 201]),
        (["delay", "lose"], [201, None, 201]),
        (["lose", "delay"], [None, 201, 201]),
    ],
)
def test_plans_a_request_matches_are_met_in_the_order_they_were_made(
    projekt_sandbox: ProjektSandbox, made: list[str], statuses: list[int | None]
) -> None:
    """`lose_next_response()` then `fail_next(429)`: the first POST acts and its answer is
    lost, then its retry is refused. A failure was met first whatever the order, so the first
    POST was refused and the retry acted: what the test wrote, backwards. Two creates, each
    retried until it returns."""
    for plan in made:
        PLANS[plan](projekt_sandbox)
    with projekt_sandbox.client(max_retries=2) as client:
        for _ in range(2):
            client.issues.create(project_id=projekt_sandbox.project_id, title="x")
    assert [r.status for r in projekt_sandbox.requests if r.method == "POST"] == statuses
    assert projekt_sandbox.unmet == []


def test_the_record_shows_the_json_body_each_write_sent(projekt_sandbox: ProjektSandbox) -> None:
    """What a test checks its code sent: a PATCH's fields alone, a null that clears one, the
    same body again on a retry whose answer was lost, and a body the API refused. A field
    named as a credential is masked, as a header so named is."""
    project = projekt_sandbox.project_id
    with projekt_sandbox.client() as client:
        issue = client.issues.create(project_id=project, title="x", extra_body={"password": "p"})
        projekt_sandbox.lose_next_response(method="PATCH")
        client.issues.update(issue.id, title="y", description=None)
        with pytest.raises(projekt.UnprocessableEntityError):
            client.issues.create(project_id=project, title="")
        client.me.get()
    created, lost, resent, refused, me = projekt_sandbox.requests
    assert created.body == {"project_id": project, "title": "x", "password": "[REDACTED]"}
    assert lost.status is None and lost.body == resent.body == {"title": "y", "description": None}
    assert (refused.status, refused.body) == (422, {"project_id": project, "title": ""})
    assert me.body is None


@pytest.mark.parametrize(
    "n, seconds",
    [(0, 60), (-1, 1), (2.5, 1), (True, 1), (5, 0), (1, float("nan")), (1, float("inf"))],
)
def test_the_test_kit_refuses_a_rate_limit_no_server_has(
    projekt_sandbox: ProjektSandbox, n: Any, seconds: float
) -> None:
    """Each of these made a sandbox that answered nothing but 429s, or 500s, or a
    `X-RateLimit-Remaining: 1.5` no real server sends; the kit says so instead, as
    `serve --rate-limit` does."""
    with pytest.raises(ValueError, match="whole number of requests, at least 1"):
        projekt_sandbox.rate_limit(n, seconds)
    with projekt_sandbox.client() as client:  # the test's limit is left as it was
        assert client.me.with_raw_response.get().headers["x-ratelimit-limit"] == "600"


@pytest.mark.parametrize(
    "status, times", [("503", 1), (503.0, 1), (True, 1), (700, 1), (399, 1), (503, 0), (503, "2")]
)
def test_the_test_kit_refuses_a_failure_no_server_sends(
    projekt_sandbox: ProjektSandbox, status: Any, times: Any
) -> None:
    """A string status failed with "'<=' not supported", and 503.0 was taken, to fail inside
    the server when the request came."""
    with pytest.raises(ValueError, match=r"fail_next\(\) takes a 4xx or 5xx status"):
        projekt_sandbox.fail_next(status, times=times)
    with projekt_sandbox.client() as client:  # nothing was planned
        assert client.me.get().email == "you@example.com"


@pytest.mark.parametrize(
    "seconds, times",
    [(0, 1), (-1, 1), (float("nan"), 1), (float("inf"), 1), (True, 1), ("1", 1), (61, 1), (1, 0)],
)
def test_the_test_kit_refuses_a_delay_no_test_could_wait_for(
    projekt_sandbox: ProjektSandbox, seconds: Any, times: Any
) -> None:
    with pytest.raises(ValueError, match=r"delay_next\(\) takes"):
        projekt_sandbox.delay_next(seconds, times=times)
    with projekt_sandbox.client() as client:  # nothing was planned
        assert client.me.get().email == "you@example.com"


def test_a_planned_failure_carries_a_code_the_api_may_add(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """ "New codes may be added", the spec says: a test meets one as its code would."""
    projekt_sandbox.fail_next(403, code="quota_exceeded", headers={"X-Note": "planned"})
    with projekt_sandbox.client() as client, pytest.raises(projekt.PermissionDeniedError) as seen:
        client.me.get()
    assert (seen.value.code, seen.value.response.headers["x-note"]) == ("quota_exceeded", "planned")


def test_a_planned_failure_carries_the_message_the_test_gives(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """What code that shows the API's message to its users meets, as a real answer has it."""
    said = "Your plan allows 1,000 issues. Résumé: archive some, or upgrade."
    projekt_sandbox.fail_next(403, code="quota_exceeded", message=said, method="POST")
    with projekt_sandbox.client() as client, pytest.raises(projekt.PermissionDeniedError) as seen:
        client.issues.create(project_id=projekt_sandbox.project_id, title="Over the quota")
    assert (seen.value.code, seen.value.message) == ("quota_exceeded", said)
    assert seen.value.response.json()["error"]["message"] == said
    with projekt_sandbox.client() as client:  # the default message names the plan
        projekt_sandbox.fail_next(404, path="/me")
        with pytest.raises(projekt.NotFoundError) as default:
            client.me.get()
    assert default.value.message == "A failure planned with fail_next(404); nothing was done."


@pytest.mark.parametrize(
    "plan",
    [
        lambda kit: kit.fail_next(503, headers={"Retry-After": "1\r\nX-Evil: 1"}),
        lambda kit: kit.fail_next(503, headers={"X-Note": "€"}),
        lambda kit: kit.fail_next(503, headers={"X Note": "1"}),
        lambda kit: kit.fail_next(503, headers={"X-Note": " padded "}),
        lambda kit: kit.deprecate("getMe", link='https://a.example/x>; rel="next", <https://b'),
        lambda kit: kit.deprecate("getMe", link="https://docs.example/€"),
        lambda kit: kit.deprecate("getMe", link="https://docs.example/a b"),
        lambda kit: kit.fail_next(503, headers={"Content-Length": "5"}),
        lambda kit: kit.fail_next(503, headers={"x-request-id": "mine"}),
        lambda kit: kit.fail_next(400, code="Quota Exceeded"),
        lambda kit: kit.fail_next(400, code=5),
        lambda kit: kit.fail_next(400, message="x" * 1001),
        lambda kit: kit.fail_next(400, message="before\x00after"),
        lambda kit: kit.fail_next(400, message=["a list"]),
        lambda kit: kit.fail_next(503, headers={"Retry-After": 1.5}),
        lambda kit: kit.fail_next(503, headers={"Retry-After": None}),
        lambda kit: kit.deprecate("getMe", link=5),
    ],
    ids=[
        "crlf",
        "not-latin-1",
        "name",
        "padded",
        "link-break-out",
        "link-euro",
        "link-space",
        "content-length",
        "request-id",
        "code-spaced",
        "code-int",
        "message-long",
        "message-nul",
        "message-list",
        "value-float",
        "value-none",
        "link-int",
    ],
)
def test_the_test_kit_refuses_a_header_no_answer_can_carry(
    projekt_sandbox: ProjektSandbox, plan: Any
) -> None:
    """Each was taken, to fail when the request came: as a 500 with a traceback in the
    server's log, as a connection the server dropped (a Content-Length the body contradicts),
    as a Link header with a `rel="next"` of the test's own making (a link holding `>`), or as
    an envelope the spec does not allow (a code with capitals, or a number; a message too
    long, with a NUL, or not text)."""
    with pytest.raises(ValueError, match=r"(fail_next|deprecate)\(\) takes"):
        plan(projekt_sandbox)
    with projekt_sandbox.client() as client:  # nothing was planned
        assert client.me.get().email == "you@example.com"
        assert client.deprecations == []


def test_the_test_kit_takes_retry_after_as_a_number(projekt_sandbox: ProjektSandbox) -> None:
    """`headers={"Retry-After": 1}`, as a test writes a number of seconds, is sent as "1";
    it was an AttributeError from inside the kit."""
    projekt_sandbox.fail_next(429, headers={"Retry-After": 1})
    with (
        projekt_sandbox.client(max_retries=0) as client,
        pytest.raises(projekt.RateLimitError) as caught,
    ):
        client.me.get()
    assert caught.value.response.headers["retry-after"] == "1"
    assert caught.value.retry_after == 1


@pytest.mark.parametrize(
    "plan",
    [
        lambda kit: kit.fail_next(503, method="GETT"),
        lambda kit: kit.fail_next(503, path="me"),
        lambda kit: kit.lose_next_response(path="https://elsewhere.example/me"),
        lambda kit: kit.delay_next(1, path=""),
    ],
    ids=["method", "no-slash", "url", "empty"],
)
def test_the_test_kit_refuses_a_plan_no_request_could_meet(
    projekt_sandbox: ProjektSandbox, plan: Any
) -> None:
    with pytest.raises(ValueError, match=r"(fail_next|lose_next_response|delay_next)\(\) takes"):
        plan(projekt_sandbox)
    assert projekt_sandbox.unmet == []


def test_a_plan_meets_a_request_by_its_path_under_api_and_its_spec_template(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """The sandbox serves the API under /api too: a plan for "/me" never met a client whose
    base URL ends in /api, and its test passed without the failure. The spec's template
    ("/issues/{issue_id}") names every issue."""
    kit = projekt_sandbox
    with kit.client(max_retries=0) as client:
        issue_id = next(iter(client.issues.list(project_id=kit.project_id))).id
    kit.fail_next(503, path="/me")
    kit.fail_next(409, method="GET", path="/issues/{issue_id}")
    kit.fail_next(404, method="GET", path=f"/issues/{issue_id}")
    assert kit.unmet == [
        "fail_next(503, path='/me')",
        "fail_next(409, method='GET', path='/issues/{issue_id}')",
        f"fail_next(404, method='GET', path='/issues/{issue_id}')",
    ]
    with kit.client(base_url=f"{kit.base_url}/api", max_retries=0) as client:
        with pytest.raises(projekt.InternalServerError):
            client.me.get()
        for error in (projekt.ConflictError, projekt.NotFoundError):  # in the order planned
            with pytest.raises(error):
                client.issues.get(issue_id)
    assert kit.unmet == []


def test_the_fixture_fails_a_test_whose_plan_no_request_met(tmp_path: Path) -> None:
    """A path with a typo planned a failure that never came, and the test passed: it errs at
    teardown now, naming the plan, as pytest-httpx does a response never asked for. A
    marker lets a test leave one, as pytest-httpx's does, and a marker's typo is named, as is
    a value that is no bool ('no' read as true, and kept the check it was meant to lift)."""
    tests = tmp_path / "test_consumer.py"
    tests.write_text(
        "import pytest\n"
        "\n"
        "def test_typo(projekt_sandbox):\n"
        "    projekt_sandbox.fail_next(503, path='/isues')\n"
        "    with projekt_sandbox.client() as client:\n"
        "        client.me.get()\n"
        "\n"
        "def test_met(projekt_sandbox):\n"
        "    projekt_sandbox.fail_next(503, path='/me')\n"
        "    with projekt_sandbox.client() as client:\n"
        "        client.me.get()  # retried, and answered\n"
        "\n"
        "@pytest.mark.projekt_sandbox(assert_all_plans_met=False)\n"
        "def test_allowed(projekt_sandbox):\n"
        "    projekt_sandbox.fail_next(503, path='/issues')\n"
        "\n"
        "@pytest.mark.projekt_sandbox(assert_all_plans_met_=False)\n"
        "def test_marker_typo(projekt_sandbox):\n"
        "    pass\n"
        "\n"
        "@pytest.mark.projekt_sandbox(assert_all_plans_met='no')  # truthy: it kept the check\n"
        "def test_marker_text(projekt_sandbox):\n"
        "    projekt_sandbox.fail_next(503, path='/issues')\n"
    )
    run = subprocess.run(
        [VENV_BIN / "python", "-m", "pytest", "-q", "--strict-markers", str(tests)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "3 passed, 3 errors" in run.stdout, run.stdout  # test_typo erred at teardown
    assert "ERROR at teardown of test_typo" in run.stdout
    assert "met by no request: fail_next(503, path='/isues')" in run.stdout
    assert "ERROR at setup of test_marker_typo" in run.stdout
    assert "ERROR at setup of test_marker_text" in run.stdout
    assert "projekt_sandbox() takes assert_all_plans_met=False only" in run.stdout


@pytest.mark.parametrize("end", ["reset", "stop"])
def test_an_answer_held_when_a_test_ends_goes_out_then(end: str) -> None:
    """Held to the end of its delay, it kept the next test's reset, or the session's stop,
    waiting for it."""
    answers: list[int] = []
    with SandboxServer() as server:
        kit = server.sandbox()
        kit.delay_next(60, method="POST", path="/issues")
        with kit.client(timeout=120, max_retries=0) as client:
            create = threading.Thread(
                target=lambda: answers.append(
                    client.issues.with_raw_response.create(
                        project_id=kit.project_id, title="Held"
                    ).status_code
                )
            )
            create.start()
            deadline = time.monotonic() + 30
            while not server.state.store.one("SELECT 1 FROM issues WHERE title = 'Held'"):
                assert time.monotonic() < deadline, "the create never reached the sandbox"
                time.sleep(0.01)  # acted on: the answer is held from now
            server.reset() if end == "reset" else server.stop()
            create.join(timeout=30)  # far less than the 60 s it was held for
    assert answers == [201]


def test_a_stopped_server_says_so_when_asked_for_a_sandbox() -> None:
    """It said sqlite's "Cannot operate on a closed database": a unittest class whose
    setUp ran after its tearDownClass, say."""
    server = SandboxServer()
    server.stop()
    server.stop()  # twice, as an exit stack and a test's own cleanup may
    with pytest.raises(RuntimeError, match="this SandboxServer is stopped"):
        server.sandbox()


def test_the_test_kit_serves_another_test_framework_as_the_fixture_does() -> None:
    """Outside pytest (unittest, a script), `SandboxServer` took only a `Path`, could not be
    used in a `with`, and made no `ProjektSandbox`: each suite rebuilt the fixture."""
    with SandboxServer() as server:
        folder = server.directory
        first = server.sandbox()
        first.fail_next(503, method="GET", path="/me")
        with first.client(max_retries=0) as client:
            with pytest.raises(projekt.InternalServerError):
                client.me.get()
            client.issues.create(project_id=first.project_id, title="Only in the first")
        second = server.sandbox()
        assert second.api_key != first.api_key
        with second.client() as client:
            titles = [i.title for i in client.issues.list(project_id=second.project_id)]
        assert "Only in the first" not in titles and "Fix login bug" in titles
    assert not folder.exists()  # its temporary folder is gone with it


def test_the_test_kits_server_keeps_its_database_where_it_is_told(tmp_path: Path) -> None:
    with SandboxServer(str(tmp_path)) as server, server.sandbox().client() as client:
        assert client.me.get().email == "you@example.com"
    assert (tmp_path / "sandbox.db").is_file()  # a folder of the caller's is the caller's
    with SandboxServer(tmp_path / "runs" / "1") as server:  # made, as a new run's folder
        assert server.sandbox().client().me.get().username == "you"


def test_mint_key_speaks_for_that_membership(server: Sandbox) -> None:
    member = server.mint("member@example.com", "acme")
    other = server.mint("other@example.com", "globex")
    me = httpx.get(server.url + "/me/orgs", headers=auth(member)).json()
    assert [(o["org_slug"], o["role"]) for o in me["orgs"]] == [("acme", "member")]
    assert other["org_id"] != member["org_id"]
    failed = subprocess.run(
        [
            VENV_BIN / "projekt-sandbox",
            "mint-key",
            "--db",
            server.db,
            "--email",
            "member@example.com",
            "--org",
            "globex",
        ],
        capture_output=True,
        text=True,
    )
    assert failed.returncode != 0 and "not a member" in failed.stderr
    said = "member@example.com is not a member of globex (its members: other@example.com)"
    assert failed.stderr.strip().endswith(said)


def test_mint_key_matches_email_and_slug_whatever_their_case_and_names_what_is_there(
    server: Sandbox,
) -> None:
    """`MEMBER@Example.com` was "not a member of acme"; and a slug no org has was "not a
    member" of it, as if the member were the mistake."""
    member = server.mint("MEMBER@Example.com", "ACME")
    me = httpx.get(server.url + "/me/orgs", headers=auth(member)).json()
    assert [(o["org_slug"], o["role"]) for o in me["orgs"]] == [("acme", "member")]
    command = ["mint-key", "--db", server.db, "--email", "member@example.com", "--org", "acne"]
    failed = subprocess.run(
        [VENV_BIN / "projekt-sandbox", *command], capture_output=True, text=True
    )
    said = "projekt-sandbox: no organization 'acne' (the organizations: acme, globex)"
    assert failed.returncode != 0 and failed.stderr.strip() == said


def test_mint_key_with_a_mistyped_database_makes_none_and_says_so(tmp_path: Path) -> None:
    """A typo in --db made an empty database (and its key file) there, then said the user
    was "not a member of acme", as if the seeded data had lost them."""
    typo = tmp_path / "sandbx.db"
    command = ["mint-key", "--db", str(typo), "--email", "you@example.com", "--org", "acme"]
    failed = subprocess.run(
        [VENV_BIN / "projekt-sandbox", *command], capture_output=True, text=True
    )
    assert failed.returncode != 0
    assert f"no database at {typo}" in failed.stderr
    assert list(tmp_path.iterdir()) == []


def test_tokens_are_stored_only_as_sha256(own_server: Sandbox) -> None:
    server = own_server
    created = httpx.post(
        server.url + "/api-keys", headers=auth(server.owner), json={"name": "x"}
    ).json()
    server.stop()
    stored = b"".join(p.read_bytes() for p in server.db.parent.glob(server.db.name + "*"))
    for token in (server.owner["api_key"], created["token"]):
        assert token.encode() not in stored
        assert hashlib.sha256(token.encode()).hexdigest().encode() in stored


def test_a_revoked_key_is_refused_with_401(server: Sandbox) -> None:
    key = httpx.post(
        server.url + "/api-keys", headers=auth(server.owner), json={"name": "x"}
    ).json()
    headers = {"Authorization": f"Bearer {key['token']}"}
    assert httpx.get(server.url + "/me", headers=headers).status_code == 200
    revoked = httpx.delete(f"{server.url}/api-keys/{key['id']}", headers=auth(server.owner))
    assert revoked.status_code == 204
    refused = httpx.get(server.url + "/me", headers=headers)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthorized"


def test_the_spec_is_served_byte_for_byte(server: Sandbox) -> None:
    assert httpx.get(server.url + "/openapi.yaml").content == (ROOT / "openapi.yaml").read_bytes()


def test_patch_changes_only_the_fields_sent(server: Sandbox) -> None:
    issue_url = f"{server.url}/issues/7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d"
    before = httpx.get(issue_url, headers=auth(server.owner)).json()
    after = httpx.patch(issue_url, headers=auth(server.owner), json={"priority": "low"}).json()
    assert after["priority"] == "low"
    assert {k: v for k, v in after.items() if k not in ("priority", "updated_at")} == {
        k: v for k, v in before.items() if k not in ("priority", "updated_at")
    }


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        (b'{"project_id": "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b"}', 422, "title"),
        (
            b'{"project_id": "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b", "title": "t", '
            b'"priority": null}',
            422,
            "priority",
        ),
        (b'{"project_id": "nope", "title": "t"}', 422, "project_id"),
        (b"not json", 400, None),
    ],
)
def test_invalid_bodies_get_the_envelope_naming_the_field(
    server: Sandbox, body: bytes, status: int, field: str | None
) -> None:
    headers = {**auth(server.owner), "Content-Type": "application/json"}
    response = httpx.post(server.url + "/issues", headers=headers, content=body)
    error = response.json()["error"]
    assert (
        response.status_code == status and error["request_id"] == response.headers["X-Request-Id"]
    )
    assert [d["field"] for d in error.get("details", [])] == ([field] if field else [])


def test_every_response_has_request_id_and_rate_limit_headers(server: Sandbox) -> None:
    responses = [
        httpx.get(server.url + "/me", headers=auth(server.owner)),
        httpx.get(server.url + "/me"),
        httpx.get(server.url + "/nowhere", headers=auth(server.owner)),
        httpx.put(server.url + "/issues", headers=auth(server.owner)),
        httpx.get(
            server.url + "/issues", headers={"Authorization": auth(server.owner)["Authorization"]}
        ),
    ]
    assert [r.status_code for r in responses] == [200, 401, 404, 405, 400]
    for response in responses:
        assert response.headers["X-Request-Id"].startswith("req_")
        for header in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"):
            assert header in response.headers, (response.status_code, header)
    assert responses[3].headers["Allow"] == "GET, HEAD, POST"
    assert responses[4].json()["error"]["code"] == "org_required"


def test_the_app_refuses_to_start_when_a_spec_operation_has_no_handler(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert handlers  # the registry is filled on import
    monkeypatch.delitem(HANDLERS, "getIssue")
    with pytest.raises(RuntimeError, match="getIssue"):
        create_app(tmp_path / "x.db")


def test_a_cursor_survives_a_restart_of_the_sandbox(tmp_path: Path) -> None:
    first = Sandbox(tmp_path / "restart.db")
    headers = auth(first.owner)
    page = httpx.get(
        first.url + "/issues",
        params={"project_id": first.owner["project_id"], "limit": 1},
        headers=headers,
    )
    next_url = page.links["next"]["url"]
    first.stop()
    second = Sandbox(tmp_path / "restart.db", seeded=True)
    try:
        again = httpx.get(next_url.replace(first.url, second.url), headers=headers)
    finally:
        second.stop()
    assert again.status_code == 200 and again.json()[0]["id"] != page.json()[0]["id"]


def test_a_new_api_keys_token_is_replayed_after_a_restart_and_kept_sealed(
    tmp_path: Path,
) -> None:
    """POST /api-keys answers with the new key's token, once; a retry with its
    Idempotency-Key must get the same answer, after a restart too. The database keeps that
    answer sealed with the key file beside it: neither it nor its write-ahead log holds
    the token. Should that file be replaced, the answer cannot be read back, and the
    replay says so rather than minting a second key."""
    db = tmp_path / "keys.db"

    def mint(server: Sandbox, headers: dict[str, str]) -> httpx.Response:
        try:
            return httpx.post(server.url + "/api-keys", json={"name": "CI"}, headers=headers)
        finally:
            server.stop()

    first = Sandbox(db)
    headers = {**auth(first.owner), "Idempotency-Key": '"mint-1"'}
    made = mint(first, headers)
    token = made.json()["token"]
    assert made.status_code == 201 and token.startswith("pjk_live_")
    kept = b"".join(f.read_bytes() for f in tmp_path.glob("keys.db*") if f.suffix != ".key")
    assert token.removeprefix("pjk_live_").encode() not in kept
    again = mint(Sandbox(db, seeded=True), headers)
    assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
    assert again.json() == made.json()
    (tmp_path / "keys.db.key").unlink()  # the next sandbox makes a new one
    lost = mint(Sandbox(db, seeded=True), headers)
    assert lost.status_code == 500 and lost.json()["error"]["code"] == "internal_error"
    keys = sqlite3.connect(db).execute("SELECT COUNT(*) FROM api_keys WHERE name = 'CI'")
    assert keys.fetchone()[0] == 1


def test_a_planned_failure_answers_with_the_rate_limit_headers(
    projekt_sandbox: ProjektSandbox,
) -> None:
    projekt_sandbox.fail_next(503, method="GET", path="/me")
    with projekt_sandbox.client(max_retries=0) as client:
        with pytest.raises(projekt.InternalServerError) as caught:
            client.me.get()
        state = client.rate_limit
    assert caught.value.response.headers["X-Request-Id"].startswith("req_")
    assert state is not None and state.limit == 600 and state.remaining is not None
