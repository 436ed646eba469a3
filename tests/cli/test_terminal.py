"""The installed `projekt` command at a terminal and in shells: tables, progress, completion,
and a start-up that loads neither httpx nor the SDK."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import select
import shlex
import signal
import socket
import struct
import subprocess
import sys
import termios
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner
from rich.cells import cell_len

import projekt
from projekt_cli._api_command import columns_for
from projekt_cli._app import cli
from projekt_cli._commands import NAMESPACES
from projekt_sandbox.testing import ProjektSandbox
from tests.cli.conftest import Invoke, sandbox_env
from tests.helpers import TOKEN, VENV_BIN, issue_json
from tests.sdk.hostile import hostile_server

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def terminal_run(
    args: list[str], env: dict[str, str], *, stream: str, columns: int = 60
) -> tuple[str, str]:
    """Runs `projekt` with `stream` ("stdout", "stderr", or "both", as in a shell) on a
    terminal of `columns`; returns what the terminal showed and what the other stream carried."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    streams.update(dict.fromkeys(streams if stream == "both" else [stream], terminal))
    process = subprocess.Popen([VENV_BIN / "projekt", *args], env=env, text=True, **streams)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO: the terminal's other end closed
            break
        if not chunk:
            break
        shown += chunk
    other = process.stderr if stream == "stdout" else process.stdout
    carried = other.read() if other is not None else ""
    assert process.wait(timeout=30) == 0, carried
    os.close(controller)
    return shown.decode(), carried


def interruptible(*command: str | Path) -> list[str | Path]:
    """`command`, started as a shell starts a foreground command: SIGINT at its default
    action. A test run started in the background (`make test &`) ignores SIGINT, as POSIX
    shells set for a background job, and every command it started would inherit that."""
    reset = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    return [sys.executable, "-c", reset + "os.execv(sys.argv[1], sys.argv[1:])", *command]


@contextlib.contextmanager
def never_answering() -> Iterator[tuple[socket.socket, str]]:
    """A loopback listener that accepts and never answers, and its URL."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(30)
        yield listener, f"http://127.0.0.1:{listener.getsockname()[1]}"


@pytest.fixture
def env(projekt_sandbox: ProjektSandbox, config_home: Path) -> dict[str, str]:
    changes = sandbox_env(projekt_sandbox, config_home)
    merged = {**os.environ, **{k: v for k, v in changes.items() if v is not None}}
    return {k: v for k, v in merged.items() if changes.get(k, "") is not None}


@pytest.mark.parametrize(
    "args",
    [["issues", "list", "--project-id"], ["api", "GET", "/issues", "-q"]],
    ids=["issues list", "api GET"],
)
def test_at_a_terminal_a_list_is_a_table_that_fits_its_width(
    env: dict[str, str], projekt_sandbox: ProjektSandbox, args: list[str]
) -> None:
    """`projekt api GET` too, as `-o`'s help says: it printed JSON at a terminal."""
    project = projekt_sandbox.project_id
    given = f"project_id={project}" if args[0] == "api" else project
    shown, _ = terminal_run([*args, given], env, stream="stdout")
    lines = ANSI.sub("", shown).replace("\r\n", "\n").rstrip("\n").split("\n")
    assert lines[0].split()[:2] == ["id", "title"]
    assert all(len(line) <= 60 for line in lines), lines
    with projekt_sandbox.client() as client:
        ids = [i.id for i in client.issues.list(project_id=project)]
    assert [line.split()[0] for line in lines[1:]] == ids  # ids are never cut


def test_a_table_follows_columns_when_piped(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "-o", "table"]
    narrow, wide = projekt(*args, COLUMNS="60"), projekt(*args, COLUMNS="200")
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 60
    assert narrow.stdout.splitlines()[0].split() == ["id", "title"]
    assert "not shown at this width: status, priority" in narrow.stderr
    assert wide.stdout.splitlines()[0].split()[:4] == ["id", "title", "status", "priority"]
    assert len(wide.stdout.splitlines()[0].split()) > len(narrow.stdout.splitlines()[0].split())


def test_a_tables_first_columns_are_the_ones_the_spec_names(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """The spec's `x-projekt-columns`: at 80 columns, a comment's body, not the id of the issue
    the command was given; and the whole of its 32 characters, in room no other column takes
    (it was cut at 30, the cap that leaves room for other columns)."""
    with projekt_sandbox.client() as client:
        issue = client.issues.create(project_id=projekt_sandbox.project_id, title="Commented")
        client.comments.create(issue.id, body="The session cookie expires early")
    comments = projekt("comments", "list", issue.id, "-o", "table", COLUMNS="80")
    assert comments.stdout.splitlines()[0].split() == ["id", "body"], comments
    assert "The session cookie expires early" in comments.stdout


def test_projekt_api_tables_a_path_of_the_spec_as_its_command_does(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """`projekt api GET /issues`, the README's example, as a table (`-o table`, or --paginate
    at a terminal): at 80 columns it showed the JSON's first keys, an issue's id and its
    project's, and left the title out. A path the spec has gets the columns of the command for
    it, a page or all of them (--paginate), and under a base URL with a path of its own too; a
    path the spec lacks gets none first, and keeps the JSON's order."""
    project = projekt_sandbox.project_id
    typed = projekt("issues", "list", "--project-id", project, "-o", "table", COLUMNS="80")
    assert typed.stdout.splitlines()[0].split() == ["id", "title", "status"], typed
    api_prefixed = {"PROJEKT_BASE_URL": f"{projekt_sandbox.base_url}/api"}
    for args, env in [
        (["/issues", "-q", f"project_id={project}"], {}),
        (["issues", "-q", f"project_id={project}", "--paginate"], {}),
        ([f"/issues?project_id={project}"], api_prefixed),
    ]:
        api = projekt("api", "GET", *args, "-o", "table", COLUMNS="80", **env)
        assert api.stdout.splitlines()[0] == typed.stdout.splitlines()[0], (args, api)
    assert columns_for("GET", "/issues/1/comments?limit=5") == [
        "id",
        "body",
        "created_at",
        "author_id",
    ]
    assert columns_for("POST", "/issues") == columns_for("GET", "/not/in/the/spec") == []


def test_a_revoked_api_key_shows_as_revoked_in_a_table(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """At 100 columns the table of keys showed id, name, token prefix, role and creation time:
    a revoked key looked like a live one, its revoked_at among the columns not shown."""
    with projekt_sandbox.client() as client:
        revoked = client.api_keys.create(name="Old laptop")
        client.api_keys.revoke(revoked.id)
    table = projekt("api-keys", "list", "-o", "table", COLUMNS="80")
    assert table.stdout.splitlines()[0].split()[:3] == ["id", "name", "revoked_at"], table
    (row,) = [line for line in table.stdout.splitlines() if line.startswith(revoked.id)]
    assert row.split()[1:3] == ["Old", "laptop"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row.split()[3])  # when revoked


def test_a_list_table_keeps_each_item_on_one_line(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """A description is Markdown: its line breaks made an issue's row several lines, which
    left the next row's id among them, and a `grep` of the table matched half an issue."""
    with projekt_sandbox.client() as client:
        description = "Steps:\n1. Log in\r\n\n| a | b |\n"
        client.issues.create(
            project_id=projekt_sandbox.project_id, title="Lines", description=description
        )
        ids = [i.id for i in client.issues.list(project_id=projekt_sandbox.project_id)]
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "-o", "table"]
    run = projekt(*args, COLUMNS="300")
    rows = run.stdout.splitlines()[1:]
    assert [row.split()[0] for row in rows] == ids, run
    assert "Steps: 1. Log in | a | b |" in run.stdout


def test_a_long_list_shows_progress_on_a_terminal_stderr_and_streams_stdout(
    env: dict[str, str], projekt_sandbox: ProjektSandbox
) -> None:
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "--limit", "2"]
    shown, carried = terminal_run(args, env, stream="stderr")
    assert "2 items fetched…" in shown
    assert "4 items fetched…" in shown
    assert shown.endswith("\r\x1b[2K")  # erased once done
    assert len(carried.splitlines()) >= 4


def as_seen(output: str) -> list[str]:
    """The lines a terminal shows for `output`: each as its last erase (ESC [2K) left it."""
    lines = output.replace("\r\n", "\n").split("\n")
    return [ANSI.sub("", line.rpartition("\r\x1b[2K")[2]) for line in lines]


def test_a_table_of_many_pages_at_a_terminal_starts_on_a_clean_line(
    env: dict[str, str], projekt_sandbox: ProjektSandbox
) -> None:
    """The progress line shares the terminal with the table: erased before the table, it
    once stayed in front of the header ("2 items fetched…id  title")."""
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "--limit", "2"]
    shown, _ = terminal_run(args, env, stream="both", columns=100)
    assert "2 items fetched…" in shown  # drawn while the pages came
    seen = as_seen(shown)
    assert seen[0].split()[:2] == ["id", "title"], seen
    assert not [line for line in seen if "fetched" in line], seen


def test_the_sdks_own_log_at_a_terminal_gets_no_status_line_in_its_way(
    env: dict[str, str], projekt_sandbox: ProjektSandbox
) -> None:
    """PROJEKT_LOG=debug writes a line a request to the same terminal: each followed the
    progress line's text ("5 items fetched…2026-12-07 09:35:21,333 projekt DEBUG GET …")."""
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "--limit", "2"]
    shown, _ = terminal_run(args, {**env, "PROJEKT_LOG": "debug"}, stream="both", columns=100)
    logged = [line for line in as_seen(shown) if " projekt DEBUG " in line]
    assert len(logged) >= 3 and all(re.match(r"\d{4}-\d\d-\d\d ", line) for line in logged)
    assert "fetched" not in shown


def test_a_list_of_one_page_draws_no_progress(
    env: dict[str, str], projekt_sandbox: ProjektSandbox
) -> None:
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id]
    shown, carried = terminal_run(args, env, stream="stderr")
    assert "fetched" not in shown
    assert len(carried.splitlines()) >= 4


@pytest.mark.parametrize(
    ("argv", "says", "unneeded"),
    [
        # importlib.metadata, which --version alone reads, was most of what a TAB imported.
        (["issues", "create", "--help"], "--project-id", ("importlib.metadata",)),
        (["--version"], f"projekt {projekt.__version__}", ()),  # the SDK's, not imported for it
    ],
)
def test_help_and_version_start_without_httpx_or_the_sdk(
    argv: list[str], says: str, unneeded: tuple[str, ...]
) -> None:
    heavy = ("httpx", "projekt", "rich", "yaml", *unneeded)
    script = (
        "import sys\n"
        "from projekt_cli import main\n"
        f"sys.argv = ['projekt', *{argv!r}]\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert says in result.stdout
    assert result.stdout.strip().endswith("[]")


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("", "every operation of its spec is a command"),
        ("login", "Check an API key and save it"),
        ("logout", "Forget a saved profile"),
        ("profiles", "List the saved profiles"),
        ("auth", "The API key the commands use"),
        ("auth token", "as `gh auth token` does"),
        ("completion", "Print the shell completion script"),
        ("api", "Send a request to PATH"),
        ("issues create", "Create an issue"),
    ],
)
def test_help_keeps_its_words_where_docstrings_are_stripped(command: str, says: str) -> None:
    """An image that sets PYTHONOPTIMIZE=2 (`python -OO`) strips docstrings, from which click
    took the help of the command line and of its own commands: they listed options alone."""
    env = {**os.environ, "PYTHONOPTIMIZE": "2"}
    args = [VENV_BIN / "projekt", *command.split(), "--help"]
    result = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
    assert says in " ".join(result.stdout.split())


def every_group() -> list[list[str]]:
    """The root and each group under it, as the words that name them."""
    with click.Context(cli) as context:
        return [[]] + [
            [name]
            for name in cli.list_commands(context)
            if isinstance(cli.get_command(context, name), click.Group)
        ]


@pytest.mark.parametrize("group", every_group(), ids=lambda words: " ".join(words) or "root")
def test_every_command_list_reads_whole_at_80_columns(group: list[str]) -> None:
    """click cuts a command's one line of help to what fits beside its name, with "...":
    `projekt --help` listed `login  Check an API key and save it, with its org and base URL,
    as...`, and `me` lost what it lists."""
    shown = CliRunner().invoke(cli, [*group, "--help"], terminal_width=80, prog_name="projekt")
    listed = shown.stdout.partition("Commands:")[2]
    assert listed.strip(), shown.stdout
    assert "..." not in listed, listed


def every_command() -> list[list[str]]:
    """Each command of every namespace, as the words that name it."""
    with click.Context(cli) as context:
        groups = {name: cli.get_command(context, name) for name in cli.list_commands(context)}
        return [
            [name, command]
            for name, group in groups.items()
            if isinstance(group, click.Group)
            for command in group.list_commands(context)
        ]


@pytest.mark.parametrize("command", every_command(), ids=" ".join)
def test_no_option_takes_more_than_six_lines_of_help_at_80_columns(command: list[str]) -> None:
    """Every write's --idempotency-key took 15 lines of `--help` (the spec's whole account of
    the header), more than the command's other options together."""
    shown = CliRunner().invoke(cli, [*command, "--help"], terminal_width=80, prog_name="projekt")
    options = shown.stdout.partition("Options:")[2]
    helps = re.split(r"\n  (?=-)", options)  # an option's entry starts with its flags
    longest = max(helps, key=lambda entry: len(entry.splitlines()))
    assert len(longest.splitlines()) <= 6, longest


@pytest.mark.parametrize(
    "command",
    [[ns, name] for ns, group in NAMESPACES.items() for name in group["commands"]],
    ids=" ".join,
)
def test_each_paragraph_of_an_operations_help_stands_apart(command: list[str]) -> None:
    """The spec ends every operation's description with a paragraph of its own, who may call
    it; the help ran it into the sentence before: `... a token is alive. Roles (inferred):
    Any role may call this.`"""
    shown = CliRunner().invoke(cli, [*command, "--help"], terminal_width=80, prog_name="projekt")
    head = shown.stdout.partition("Options:")[0]
    assert "\n\n  Roles (inferred): " in head, head


def shell_env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"}


def test_bash_completes_namespaces_commands_options_and_enum_values() -> None:
    script = """
        eval "$(projekt completion bash)"
        complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=()
                           _projekt_completion projekt; (IFS='|'; echo "${COMPREPLY[*]}"); }
        complete_words projekt iss
        complete_words projekt issues cr
        complete_words projekt issues update ID --sta
        complete_words projekt issues update ID --status ''
        complete_words projekt issues update ID --status In
        eval "words=(--status ${COMPREPLY[0]})"; echo "${#words[@]} ${words[1]}"
    """
    out = subprocess.run(
        ["bash", "-c", script], env=shell_env(), capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == [
        "issues",
        "create",
        "--status",
        "Backlog|Todo|'In Progress'|Done|Canceled",
        "'In Progress'",  # quoted, as bash inserts it
        "2 In Progress",  # so the command line reads one value
    ]


def test_zsh_loads_the_script_and_fish_completes_with_it() -> None:
    zsh = (
        'autoload -Uz compinit && compinit -u; eval "$(projekt completion zsh)"; '
        "whence -w _projekt_completion"
    )
    loaded = subprocess.run(["zsh", "-c", zsh], env=shell_env(), capture_output=True, text=True)
    assert loaded.stdout.strip() == "_projekt_completion: function", loaded.stderr
    words = {"_PROJEKT_COMPLETE": "zsh_complete", "COMP_WORDS": "projekt api", "COMP_CWORD": "1"}
    offered = subprocess.run(
        ["projekt"], env={**shell_env(), **words}, capture_output=True, text=True
    )
    assert "api-keys" in offered.stdout

    fish = 'projekt completion fish | source; complete -C "projekt issues "'
    completed = subprocess.run(
        ["fish", "-c", fish], env=shell_env(), capture_output=True, text=True
    )
    assert [line.split("\t")[0] for line in completed.stdout.splitlines()] == [
        "create",
        "delete",
        "get",
        "list",
        "update",
    ], completed.stderr
    # zsh's compadd and fish quote what they insert: they get the value itself.
    fish = 'projekt completion fish | source; complete -C "projekt issues update ID --status In"'
    status = subprocess.run(["fish", "-c", fish], env=shell_env(), capture_output=True, text=True)
    assert status.stdout.splitlines() == ["In Progress"], status.stderr
    words = {**words, "COMP_WORDS": "projekt issues update ID --status In", "COMP_CWORD": "5"}
    offered = subprocess.run(
        ["projekt"], env={**shell_env(), **words}, capture_output=True, text=True
    )
    assert offered.stdout.split("\n")[:2] == ["plain", "In Progress"]


def test_a_timeout_names_the_url_the_timeout_and_the_attempts(projekt: Invoke) -> None:
    """A listener that accepts and never answers: the error says where, how long, how often."""
    with never_answering() as (_, url):
        result = projekt(
            "me", "get", "--timeout", "0.3", "--max-retries", "1", PROJEKT_BASE_URL=url
        )
        from_env = projekt(
            "me", "get", "--max-retries", "0", PROJEKT_BASE_URL=url, PROJEKT_TIMEOUT="0.2"
        )
    assert result.code == 1 and result.stdout == ""
    assert f"GET {url}/me, a timeout of 0.3 s, 2 attempts" in result.stderr
    assert "ReadTimeout" in result.stderr
    assert f"GET {url}/me, a timeout of 0.2 s, 1 attempt " in from_env.stderr


def test_ctrl_c_ends_the_command_as_sigint_does(env: dict[str, str]) -> None:
    """Killed by SIGINT, as Python itself ends on an uncaught Ctrl-C, so that a shell loop
    (`for org in ...; do projekt ...; done`) or make stops too. Before, click's "Aborted!"
    and exit status 1 told the shell the command had failed, and the loop went on."""
    with never_answering() as (listener, url):
        process = subprocess.Popen(
            interruptible(VENV_BIN / "projekt", "me", "get"),
            env={**env, "PROJEKT_BASE_URL": url},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        connection, _ = listener.accept()  # the command waits for its answer now
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
        connection.close()
    assert process.returncode == -signal.SIGINT, stderr
    assert "Traceback" not in stderr and "Aborted" not in stderr


def test_ctrl_c_at_login_ends_it_as_sigint_does(env: dict[str, str]) -> None:
    """At the key's prompt (Ctrl-C typed on a terminal of its own), and while the key is
    checked against a server that does not answer. Before, login ended with click's
    "Aborted!" and exit status 1, which a shell loop takes for a failure and goes on."""
    pid, terminal = pty.fork()
    if pid == 0:  # the child: `projekt login` with this terminal as its own
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # as interruptible() does
        os.execve(VENV_BIN / "projekt", ["projekt", "login", "--profile", "typed"], env)
    shown = b""
    while b"API key" not in shown:
        assert select.select([terminal], [], [], 30)[0], shown
        shown += os.read(terminal, 1024)
    os.write(terminal, b"\x03")
    _, status = os.waitpid(pid, 0)
    os.close(terminal)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGINT, status

    with never_answering() as (listener, url):
        process = subprocess.Popen(
            interruptible(VENV_BIN / "projekt", "login", "--profile", "piped", "--base-url", url),
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdin is not None and process.stderr is not None
        process.stdin.write(TOKEN + "\n")
        process.stdin.close()
        connection, _ = listener.accept()  # the key is being checked now
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        stderr = process.stderr.read()
        connection.close()
    assert process.returncode == -signal.SIGINT, stderr
    assert "Traceback" not in stderr and "Aborted" not in stderr


def test_a_list_piped_into_head_exits_0_quietly(
    env: dict[str, str], projekt_sandbox: ProjektSandbox
) -> None:
    """`| head -1` closes the pipe after the first line; the pages after it have nowhere to
    go, and that is no error (as with gh)."""
    script = (
        f"set -o pipefail; {VENV_BIN / 'projekt'} issues list --project-id "
        f"{projekt_sandbox.project_id} --limit 1 | head -1"
    )
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and len(done.stdout.splitlines()) == 1


@pytest.mark.parametrize(
    "command",
    [
        "issues list --project-id {project} --limit 2",
        "me get -o json",
        "api GET /me",
        "issues list --help",
    ],
)
def test_output_to_a_full_disk_is_one_error_line_and_exit_1(
    env: dict[str, str], projekt_sandbox: ProjektSandbox, command: str
) -> None:
    """`projekt issues list > export.jsonl` on a disk that fills up (/dev/full is one): a
    traceback from deep inside the output code, or, for a short output, Python's own
    "Exception ignored" as it exited with status 120."""
    args = shlex.split(command.format(project=projekt_sandbox.project_id))
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [VENV_BIN / "projekt", *args], env=env, stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert (done.returncode, done.stderr) == (
        1,
        "Error: cannot write the output: No space left on device\n",
    )


def test_a_closed_stdout_is_one_error_line_and_exit_1(env: dict[str, str]) -> None:
    """`projekt me get >&-`: Python starts with no sys.stdout, and the command raised
    AttributeError as it looked whether its output was a terminal."""
    script = f"{VENV_BIN / 'projekt'} me get >&-"
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (
        1,
        "Error: cannot write the output: stdout is closed\n",
    )


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("login", "Error: no API key given"),
        ("issues create --input -", "Error: Invalid value for '--input': it is empty, not JSON"),
    ],
)
def test_a_closed_stdin_reads_as_empty(env: dict[str, str], command: str, says: str) -> None:
    """`projekt login <&-`: Python starts with no sys.stdin, and login raised AttributeError
    (`--input -`, click's RuntimeError). Read as /dev/null, it is the usage error of no
    input."""
    script = f"{VENV_BIN / 'projekt'} {command} <&-"
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert says in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_a_wait_for_the_rate_limit_shows_on_the_progress_line(
    env: dict[str, str], projekt_sandbox: ProjektSandbox
) -> None:
    """Two requests per 3 s: the third page waits for the window, and the terminal says so
    rather than sit silent."""
    projekt_sandbox.rate_limit(2, 3.0)
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "--limit", "2"]
    shown, carried = terminal_run(args, env, stream="stderr")
    assert re.search(r"waiting [1-3] s for the rate limit…", shown), shown
    assert shown.endswith("\r\x1b[2K")  # erased once done
    assert len(carried.splitlines()) == 6


READERS = {
    "jsonl": lambda lines: [json.loads(line) for line in lines if line],
    "json": lambda lines: json.loads("\n".join(lines)),
    "yaml": lambda lines: yaml.safe_load("\n".join(lines)),
}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_rows_at_a_terminal_are_never_drawn_over_by_the_wait_line(
    env: dict[str, str], projekt_sandbox: ProjektSandbox, fmt: str
) -> None:
    """Rows written to the terminal the wait line is on: none starts after "waiting 2 s for
    the rate limit…", and none is erased with it (a JSON row waiting for its comma was)."""
    projekt_sandbox.rate_limit(2, 3.0)
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "--limit", "2"]
    shown, _ = terminal_run([*args, "-o", fmt], env, stream="both")
    # A JSON array's waits all fall while a row waits for its comma: none is drawn then.
    assert ("waiting" in shown) is (fmt != "json")
    rows = [row["id"] for row in READERS[fmt](as_seen(shown))]
    with projekt_sandbox.client() as client:
        assert rows == [i.id for i in client.issues.list(project_id=projekt_sandbox.project_id)]


def test_an_answer_at_a_terminal_never_follows_the_wait_line(
    env: dict[str, str], projekt_sandbox: ProjektSandbox
) -> None:
    projekt_sandbox.rate_limit(2, 3.0)
    with projekt_sandbox.client() as client:  # the same key: its window is spent
        client.me.get()
        client.me.get()
    shown, _ = terminal_run(["me", "get"], env, stream="both")
    assert "waiting" in shown
    assert as_seen(shown)[0].split()[0] == "id", as_seen(shown)


def test_a_command_with_nothing_to_print_says_it_is_done_at_a_terminal_only(
    env: dict[str, str], projekt_sandbox: ProjektSandbox
) -> None:
    """`projekt issues delete ID` printed nothing at all on success, as in a script."""
    with projekt_sandbox.client() as client:
        issues = [client.issues.create(project_id=projekt_sandbox.project_id, title="Gone")]
        issues.append(client.issues.create(project_id=projekt_sandbox.project_id, title="Gone"))
    shown, printed = terminal_run(["issues", "delete", issues[0].id], env, stream="stderr")
    assert (as_seen(shown), printed) == (["Delete an issue: done.", ""], "")
    piped = subprocess.run(
        [VENV_BIN / "projekt", "issues", "delete", issues[1].id], env=env, capture_output=True
    )
    assert (piped.returncode, piped.stdout, piped.stderr) == (0, b"", b"")


def test_a_terminal_that_takes_no_escape_sequences_gets_none(
    env: dict[str, str], projekt_sandbox: ProjektSandbox
) -> None:
    """TERM=dumb (Emacs' shell, some CI logs) shows ESC [2K as it is, around every redraw
    of the progress and wait lines; there, the command draws neither."""
    projekt_sandbox.rate_limit(2, 3.0)
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "--limit", "2"]
    shown, carried = terminal_run(args, {**env, "TERM": "dumb"}, stream="stderr")
    assert shown == ""
    assert len(carried.splitlines()) == 6


@pytest.mark.parametrize("columns", ["60", "100", "140", "200"])
def test_a_table_never_cuts_an_id_and_measures_wide_characters(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, columns: str
) -> None:
    with projekt_sandbox.client() as client:
        client.issues.create(project_id=projekt_sandbox.project_id, title="日本語のタイトル 🙂 ok")
    run = projekt(
        "issues", "list", "--project-id", projekt_sandbox.project_id, "-o", "table", COLUMNS=columns
    )
    lines = run.stdout.splitlines()
    assert all(cell_len(line) <= int(columns) for line in lines), lines
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f-]*…", run.stdout)  # no id cut short
    uuids = re.findall(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", run.stdout)
    assert len(uuids) >= len(lines) - 1  # every row's id at least, whole


def test_a_terminal_narrower_than_an_id_gets_it_whole_to_wrap(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """A split pane of 30 columns: the id was cut to "7e2b4d6f-8a1c-4e3b-a5d7-9c1e3…", which
    no next command takes. It is written whole, for the terminal to wrap."""
    args = ["issues", "list", "--project-id", projekt_sandbox.project_id, "-o", "table"]
    lines = projekt(*args, COLUMNS="30").stdout.splitlines()
    with projekt_sandbox.client() as client:
        ids = [i.id for i in client.issues.list(project_id=projekt_sandbox.project_id)]
    assert [line.strip() for line in lines] == ["id", *ids]


@pytest.mark.parametrize("columns", ["80", "200"])
def test_an_object_wrapping_a_list_is_a_table_of_its_items_with_ids_whole(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, columns: str
) -> None:
    """`projekt me orgs`, the way to an org id, drew `orgs` as JSON folded across lines, an
    org id cut in two among them. Its items are rows now, as a list's are, led by the org_id
    to pass as --org and the org's name (the spec's `x-projekt-columns`: employee_id came
    first, and left org_name no room at 80 columns); its other fields follow. Its projects
    are shown whole, ids and all, or left out, as an id is, never cut."""
    run = projekt("me", "orgs", "-o", "table", COLUMNS=columns)
    lines = run.stdout.splitlines()
    assert lines[0].split()[:3] == ["org_id", "org_name", "role"]
    assert projekt_sandbox.org_id in lines[1].split()
    assert all(cell_len(line) <= int(columns) for line in lines), lines
    assert lines[-1].split() == ["count", "1"]  # the object's other fields follow
    # The projects, JSON with ids in it, were cut as free text: `[{"id":"3c9a1e…`.
    assert "…" not in run.stdout
    if columns == "80":
        assert "(not shown at this width: " in run.stderr and "projects" in run.stderr
    else:
        assert projekt_sandbox.project_id in run.stdout


def test_a_table_shows_brackets_and_colons_as_they_are(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """rich read each cell as markup: "Fix [bold]login[/bold] page" lost its brackets, ":bug:"
    became an emoji, and "[/]" raised once the issue was created, so the create seemed to
    fail, and would be sent again."""
    titles = ["Fix [bold]login[/bold] page", "Close [/] it", "A :bug: here"]
    for title in titles:
        create = ["issues", "create", "--project-id", projekt_sandbox.project_id, "--title", title]
        run = projekt(*create, "-o", "table", COLUMNS="200")
        assert run.code == 0 and title in run.stdout
    listed = projekt(
        "issues", "list", "--project-id", projekt_sandbox.project_id, "-o", "table", COLUMNS="200"
    )
    assert all(title in listed.stdout for title in titles)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "table", "dry-run"])
def test_an_output_without_the_answers_characters_gets_them_escaped(
    env: dict[str, str], projekt_sandbox: ProjektSandbox, fmt: str
) -> None:
    """A file or a pipe on Windows is in cp1252, which has no 🐛: the issue was created, then
    writing it raised UnicodeEncodeError, and the user saw a traceback, and no issue."""
    title = "Bug 🐛 ñ"
    create = ["issues", "create", "--project-id", projekt_sandbox.project_id, "--title", title]
    shown = ["--dry-run"] if fmt == "dry-run" else ["-o", fmt]
    done = subprocess.run(
        [VENV_BIN / "projekt", *create, *shown],
        env={**env, "PYTHONIOENCODING": "cp1252"},
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("cp1252", "replace")
    text = done.stdout.decode("cp1252")
    if fmt in ("json", "jsonl"):
        assert json.loads(text)["title"] == title
    elif fmt == "yaml":
        assert yaml.safe_load(text)["title"] == title
    elif fmt == "dry-run":
        body = shlex.split(text.replace("\\\n", " "))[-1]
        assert json.loads(body)["title"] == title
    else:
        assert "Bug \\U0001f41b ñ" in text


# What a member could write into an issue to act on another's terminal: clear the screen,
# retitle the window (an OSC that hides what follows), and a CSI in one byte (C1).
ESCAPES = "Done \x1b[2J\x1b]0;pwned\x07 then \x9b31m red \x7f."


def test_a_tables_text_cannot_act_on_the_terminal(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    title = "Esc\x85NEL"  # a title holds no C0 control, but may hold C1's NEL, a break to YAML
    create = ["issues", "create", "--project-id", projekt_sandbox.project_id, "--title", title]
    issue = projekt(*create, "--description", ESCAPES).json()
    assert issue["description"] == ESCAPES  # JSON carries it whole, escaped
    table = projekt("issues", "get", issue["id"], "-o", "table", COLUMNS="200").stdout
    assert not {"\x1b", "\x07", "\x9b", "\x7f", "\x85"} & set(table)
    assert "Done \\x1b[2J\\x1b]0;pwned\\x07 then \\x9b31m red \\x7f." in table
    listed = ["issues", "list", "--project-id", projekt_sandbox.project_id, "-o", "table"]
    rows = projekt(*listed, COLUMNS="200").stdout
    assert "Esc\\x85NEL" in rows and "\x85" not in rows
    for fmt in ("json", "yaml"):
        text = projekt("issues", "get", issue["id"], "-o", fmt).stdout
        assert not {"\x1b", "\x07", "\x9b", "\x7f", "\x85"} & set(text)
        shown = yaml.safe_load(text)  # JSON is YAML too
        assert (shown["description"], shown["title"]) == (ESCAPES, title)


def test_an_errors_words_cannot_act_on_the_terminal(projekt: Invoke) -> None:
    envelope = {"error": {"code": "forbidden", "message": ESCAPES, "request_id": "req_\x1b[2J"}}

    def forbidden(path: str) -> tuple[int, dict[str, str], bytes]:
        return 403, {"Content-Type": "application/json"}, json.dumps(envelope).encode()

    with hostile_server(forbidden) as (base, _):
        run = projekt("issues", "get", "i", PROJEKT_BASE_URL=base)
    assert run.code == 1
    assert not {"\x1b", "\x07", "\x9b", "\x7f", "\x85"} & set(run.stderr)
    assert "403 forbidden: Done \\x1b[2J" in run.stderr and "req_\\x1b[2J" in run.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "table"])
def test_a_lone_surrogate_in_an_answer_is_written_escaped(projekt: Invoke, fmt: str) -> None:
    """JSON's `"\\ud800"` reads as text no stream can encode. Before, the command ended in
    Python's UnicodeEncodeError, a traceback, in every format but YAML, and so did an error
    whose message held one."""
    issue = issue_json(title="T\ud800", description="D\udfff")

    def answer(path: str) -> tuple[int, dict[str, str], bytes]:
        if path.endswith("/missing"):
            envelope = {"error": {"code": "not_found", "message": "No \udc80", "request_id": "r"}}
            return 404, {"Content-Type": "application/json"}, json.dumps(envelope).encode()
        return 200, {"Content-Type": "application/json"}, json.dumps(issue).encode()

    with hostile_server(answer) as (base, _):
        run = projekt("issues", "get", "i", "-o", fmt, PROJEKT_BASE_URL=base)
        missing = projekt("issues", "get", "missing", "-o", fmt, PROJEKT_BASE_URL=base)
    assert run.code == 0, run.stderr
    if fmt == "table":
        assert "T\\ud800" in run.stdout and "D\\udfff" in run.stdout
    else:
        read = yaml.safe_load(run.stdout) if fmt == "yaml" else json.loads(run.stdout)
        assert (read["title"], read["description"]) == ("T\ud800", "D\udfff")
    assert missing.code == 1 and "404 not_found: No \\udc80" in missing.stderr


@pytest.mark.parametrize(
    ("body", "table"),
    [
        ("42", "42\n"),
        ('"done"', '"done"\n'),
        ("null", "null\n"),
        ("[1, 2]", "1\n2\n"),
        ('[{"id": 1}, 2]', '{"id":1}\n2\n'),
    ],
)
def test_a_table_of_an_answer_with_no_fields_is_its_json(
    projekt: Invoke, body: str, table: str
) -> None:
    """`projekt api`'s answer may be any JSON, and a table is its default at a terminal: a
    number, a text or a list of them crashed with a traceback (`'int' object has no attribute
    'items'`). A list's items are written one a line, as `-o jsonl` does."""

    def answer(path: str) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": "application/json"}, body.encode()

    with hostile_server(answer) as (base, _):
        run = projekt("api", "GET", "/any", "-o", "table", PROJEKT_BASE_URL=base)
    assert (run.code, run.stdout) == (0, table), run


def test_a_raw_answer_is_shown_safe_at_a_terminal_and_kept_whole_in_a_pipe(
    env: dict[str, str],
) -> None:
    def text(path: str) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": "text/plain; charset=utf-8"}, ESCAPES.encode()

    with hostile_server(text) as (base, _):
        env = {**env, "PROJEKT_BASE_URL": base}
        shown, _ = terminal_run(["api", "GET", "/notes"], env, stream="stdout")
        piped = subprocess.run(
            [VENV_BIN / "projekt", "api", "GET", "/notes"], env=env, capture_output=True
        )
    assert "Done \\x1b[2J\\x1b]0;pwned\\x07 then \\x9b31m red \\x7f." in shown
    assert piped.returncode == 0 and piped.stdout.decode() == ESCAPES
