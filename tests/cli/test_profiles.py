"""Named profiles: `projekt login` checks a key and keeps it where only its user can read it."""

from __future__ import annotations

import os
import stat
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from projekt_cli._app import cli
from projekt_sandbox.testing import ProjektSandbox
from tests.cli.conftest import Invoke, sandbox_env
from tests.helpers import VENV_BIN

NO_ENV = {"PROJEKT_API_KEY": None, "PROJEKT_ORG_ID": None, "PROJEKT_BASE_URL": None}


def login(projekt: Invoke, sandbox: ProjektSandbox, *args: str, token: str | None = None) -> Any:
    base = ["login", "--base-url", sandbox.base_url, *args]
    return projekt(*base, input=(token or sandbox.api_key) + "\n", **NO_ENV)


def test_login_keeps_the_key_0600_never_shows_it_and_commands_use_the_profile(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, config_home: Path
) -> None:
    done = login(projekt, projekt_sandbox, "--profile", "sandbox")
    assert (done.code, done.stdout) == (0, ""), done
    assert "you@example.com" in done.stderr  # the fixture checks the token is in neither
    path = config_home / "projekt" / "config.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    saved = tomllib.loads(path.read_text())
    assert saved["default"] == "sandbox"
    assert saved["profiles"]["sandbox"]["org_id"] == projekt_sandbox.org_id  # the only org

    # No environment: the default profile supplies the key, the org and the base URL.
    listed = projekt("issues", "list", "--project-id", projekt_sandbox.project_id, **NO_ENV)
    assert (listed.code, len(listed.lines()) > 0) == (0, True), listed
    shown = {
        "profile": "sandbox",
        "default": True,
        "base_url": projekt_sandbox.base_url,
        "org_id": projekt_sandbox.org_id,
    }
    assert projekt("profiles", **NO_ENV).lines() == [shown]
    # -o as for any list (it took none: a terminal got JSON Lines too)
    assert yaml.safe_load(projekt("profiles", "-o", "yaml").stdout) == [shown]
    table = projekt("profiles", "-o", "table", COLUMNS="200").stdout.splitlines()
    assert table[0].split() == list(shown)
    assert table[1].split() == ["sandbox", "True", projekt_sandbox.base_url, projekt_sandbox.org_id]
    # --org overrides the profile's (this org is not the key's: the API refuses it).
    another_org = "00000000-0000-4000-8000-000000000000"
    other = projekt("issues", "get", "x", "--org", another_org, **NO_ENV)
    assert other.code == 1
    assert other.stderr.startswith("Error: 403 ")

    # The default profile, as `profiles` marks it: its name was "default" whatever it was.
    assert projekt("logout").code == 0
    assert projekt("profiles").stdout == ""
    # At a terminal, an empty table was a blank line: it says there is none, and how to save one
    none = projekt("profiles", "-o", "table")
    assert (none.stdout, none.stderr) == ("", "No saved profiles: `projekt login` saves one.\n")
    assert projekt("logout").code == 2  # none left
    assert projekt("me", "get", **NO_ENV).code == 2


@pytest.mark.parametrize(
    ("key", "says"),
    [
        ("pjk_live_short", "looks like a Projekt token but is malformed"),
        ("Bearer pjk_live_" + "a" * 32, "pass the token alone"),
    ],
)
def test_login_refuses_a_malformed_key_as_a_usage_error_and_saves_nothing(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, config_home: Path, key: str, says: str
) -> None:
    """A key that is no token is a bad value, exit status 2 as the help says, not 1, the
    status of an API or a network failure, which a script that tells them apart retries."""
    refused = login(projekt, projekt_sandbox, token=key)
    assert refused.code == 2 and says in refused.stderr, refused
    assert not (config_home / "projekt" / "config.toml").exists()


@pytest.mark.parametrize("config_home_variable", ["", "config"])
def test_an_empty_or_relative_xdg_config_home_keeps_the_key_out_of_the_working_directory(
    projekt: Invoke,
    projekt_sandbox: ProjektSandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config_home_variable: str,
) -> None:
    """The XDG spec ignores an empty or relative XDG_CONFIG_HOME, as a `.env` or a CI job can
    leave it; click took it as it was, and the key went to ./projekt/config.toml, under
    whatever directory the command ran in: a repository, maybe, to be committed."""
    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    done = projekt(
        *("login", "--base-url", projekt_sandbox.base_url),
        input=projekt_sandbox.api_key + "\n",
        XDG_CONFIG_HOME=config_home_variable,
        **NO_ENV,
    )
    assert done.code == 0, done
    assert list(work.iterdir()) == []
    path = home / ".config" / "projekt" / "config.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert projekt("me", "get", XDG_CONFIG_HOME=config_home_variable, **NO_ENV).code == 0


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ('[profiles]\nsandbox = "{key}"\n', "profile 'sandbox' must be a table"),
        ('profiles = ["{key}"]\n', "profiles must be tables"),
        ('[profiles.sandbox]\napi_key = ["{key}"]\n', "api_key of profile 'sandbox' must be"),
        ('default = 1\n[profiles.sandbox]\napi_key = "{key}"\n', "default must be"),
    ],
)
def test_a_config_file_edited_into_another_shape_is_named_not_a_traceback(
    projekt: Invoke,
    projekt_sandbox: ProjektSandbox,
    config_home: Path,
    written: str,
    says: str,
) -> None:
    """The file is TOML, which a user may edit: a profile written as a plain key, or a value
    not in quotes, raised AttributeError or TypeError from deep inside the command line."""
    path = config_home / "projekt" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text(written.format(key=projekt_sandbox.api_key))
    for command in (("me", "get"), ("profiles",), ("--profile", "sandbox", "me", "get")):
        failed = projekt(*command, **NO_ENV)  # the fixture checks the key is never shown
        assert failed.code == 1, failed
        assert failed.stderr.startswith(f"Error: cannot read {path}: {says}"), failed


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_config_file_saved_by_a_windows_editor_is_read_or_named(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, config_home: Path, encoding: str
) -> None:
    """Notepad may begin a file with a byte order mark, which TOML's parser called an invalid
    statement at line 1, column 1, where nothing shows; and Windows PowerShell's `>` writes
    UTF-16, which ended the command in a UnicodeDecodeError's traceback."""
    path = config_home / "projekt" / "config.toml"
    path.parent.mkdir(parents=True)
    written = 'default = "sandbox"\n[profiles.sandbox]\nbase_url = "{}"\napi_key = "{}"\n'
    path.write_text(written.format(projekt_sandbox.base_url, projekt_sandbox.api_key), encoding)
    done = projekt("me", "get", "-o", "json", **NO_ENV)
    if encoding == "utf-8-sig":
        assert done.code == 0 and done.json()["email"] == "you@example.com", done
    else:
        said = f"Error: cannot read {path}: it is not UTF-8 text, as TOML must be (saved as UTF-16"
        assert done.code == 1 and done.stderr.startswith(said), done


def test_a_profile_edited_in_by_hand_survives_the_next_login(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, config_home: Path
) -> None:
    """A name or value TOML reads, but JSON's ASCII escapes do not write as TOML (🐛 as a
    surrogate pair, DEL raw): the file login rewrote around them could not be read again."""
    path = config_home / "projekt" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text('[profiles."🐛 ünï"]\norg_id = "del\\u007f and 🐛"\n', "utf-8")
    assert login(projekt, projekt_sandbox, "--profile", "sandbox").code == 0
    profiles = tomllib.loads(path.read_text("utf-8"))["profiles"]
    assert profiles["🐛 ünï"] == {"org_id": "del\x7f and 🐛"}
    assert projekt("me", "get", "-o", "json", **NO_ENV).json()["email"] == "you@example.com"


def test_a_config_directory_that_cannot_be_written_is_named_not_a_traceback(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """/proc takes no new folder, even from root: as a read-only home or a full disk, where
    login raised FileNotFoundError or PermissionError from inside the command line."""
    done = projekt(
        *("login", "--base-url", projekt_sandbox.base_url),
        input=projekt_sandbox.api_key + "\n",
        XDG_CONFIG_HOME="/proc",
        **NO_ENV,
    )
    assert done.code == 1, done
    assert done.stderr.startswith("Error: cannot write /proc/projekt/config.toml: "), done


def test_an_explicit_profile_wins_over_the_environment_and_the_environment_over_the_default(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    assert login(projekt, projekt_sandbox, "--profile", "sandbox").code == 0
    wrong = {"PROJEKT_API_KEY": "pjk_live_" + "W" * 32}
    assert projekt("me", "get", **wrong).code == 1  # the environment's key: rejected
    assert projekt("me", "get", "--profile", "sandbox", **wrong).code == 0
    assert projekt("me", "get", PROJEKT_PROFILE="sandbox", **wrong).code == 0
    missing = projekt("me", "get", "--profile", "nope")
    assert missing.code == 2
    assert "projekt login --profile nope" in missing.stderr


def test_login_says_when_the_environments_key_will_be_used_before_the_new_profile(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """Commands take PROJEKT_API_KEY before the default profile; login said only "Saved
    profile 'laptop' (now the default)", and the next command used the environment's key.
    gh refuses `gh auth login` while GH_TOKEN is set; here the profile is saved, and said to
    wait behind the variable."""
    base = ["login", "--profile", "laptop", "--base-url", projekt_sandbox.base_url]
    key = projekt_sandbox.api_key + "\n"
    beside = projekt(*base, input=key, PROJEKT_ORG_ID=None, PROJEKT_BASE_URL=None)
    assert beside.code == 0, beside
    waits = "PROJEKT_API_KEY is set here, and commands use it before the default profile: "
    assert f"{waits}unset it to use 'laptop', or pass --profile laptop.\n" in beside.stderr
    alone = projekt(*base, input=key, **NO_ENV)
    assert alone.code == 0 and "PROJEKT_API_KEY" not in alone.stderr, alone


def test_a_refused_key_names_where_it_came_from_and_how_to_mend_it(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, config_home: Path
) -> None:
    """A 401 said only "The token is missing, invalid or revoked": a user with a key in the
    environment and another in a profile could not tell which one the API refused (gh's
    answer to one says how to log in again). The key itself is never shown."""
    wrong = {"PROJEKT_API_KEY": "pjk_live_" + "W" * 32}
    alone = projekt("me", "get", **wrong)
    said = "\n  key: from PROJEKT_API_KEY; set a valid one, or `projekt login` saves one\n"
    assert alone.code == 1 and said in alone.stderr, alone
    with projekt_sandbox.client() as client:
        minted = client.api_keys.create(name="laptop")
        assert login(projekt, projekt_sandbox, "--profile", "laptop", token=minted.token).code == 0
        client.api_keys.revoke(minted.id)
    beside = projekt("me", "get", **wrong)
    assert "from PROJEKT_API_KEY; set a valid one, or unset it to use profile 'laptop'" in (
        beside.stderr
    )
    saved = "\n  key: from profile 'laptop'; `projekt login --profile laptop` saves a new one\n"
    for refused in (projekt("me", "get", **NO_ENV), projekt("--profile", "laptop", "me", "get")):
        assert refused.code == 1 and saved in refused.stderr, refused
        assert minted.token not in refused.stderr
    (config_home / "projekt" / "config.toml").write_text("default = [")  # not TOML
    unread = projekt("me", "get", **wrong)  # the environment's key needs no profile
    assert unread.stderr.startswith("Error: 401 ") and "\n  key: from PROJEKT_API_KEY" in (
        unread.stderr
    )


@pytest.mark.parametrize("written", ["{key}\r\n", "  {key}  \n", "\ufeff{key}\r\n"])
def test_a_key_piped_from_a_file_saved_on_windows_logs_in(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, written: str
) -> None:
    """`projekt login < key.txt`: Windows line endings, spaces, and the byte order mark
    Notepad starts a UTF-8 file with, which login took for part of the key ("contains
    whitespace or control characters")."""
    piped = written.format(key=projekt_sandbox.api_key).encode()
    done = projekt("login", "--base-url", projekt_sandbox.base_url, input=piped, **NO_ENV)
    assert done.code == 0, done
    assert projekt("me", "get", **NO_ENV).json()["email"] == "you@example.com"


def test_a_rejected_key_or_a_foreign_org_saves_nothing(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, config_home: Path
) -> None:
    rejected = login(projekt, projekt_sandbox, token="pjk_live_" + "R" * 32)
    assert (rejected.code, rejected.stdout) == (1, "")
    assert rejected.stderr.startswith("Error: 401 ")
    foreign = login(projekt, projekt_sandbox, "--org", "not-mine")
    assert foreign.code == 2
    assert projekt_sandbox.org_id in foreign.stderr  # names the orgs to pick from
    assert not (config_home / "projekt" / "config.toml").exists()
    bad_name = login(projekt, projekt_sandbox, "--profile", "no spaces")
    assert bad_name.code == 2


def test_a_profile_keeps_the_base_url_the_key_was_checked_against(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    from_env = {**NO_ENV, "PROJEKT_BASE_URL": projekt_sandbox.base_url}
    done = projekt("login", input=projekt_sandbox.api_key + "\n", **from_env)
    assert done.code == 0, done
    assert projekt("me", "get", **NO_ENV).json()["email"] == "you@example.com"


def test_options_before_an_account_command_apply_to_it(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, config_home: Path
) -> None:
    """The root's help says its options work before the command as after it. Before it,
    `projekt --profile first login` saved the key as 'default', and `projekt --profile first
    auth token` printed the default profile's key: a script's curl sent the other key."""
    with projekt_sandbox.client() as client:
        other_key = client.api_keys.create(name="second").token
    base = ["--base-url", projekt_sandbox.base_url]
    first = projekt(
        "--profile", "first", *base, "login", input=projekt_sandbox.api_key + "\n", **NO_ENV
    )
    assert first.code == 0 and "Saved profile 'first'" in first.stderr, first
    second = projekt("--profile", "second", "login", *base, input=other_key + "\n", **NO_ENV)
    assert second.code == 0, second  # the default now
    env = {**sandbox_env(projekt_sandbox, config_home), **NO_ENV}
    shown = CliRunner().invoke(cli, ["--profile", "first", "auth", "token"], env=env)
    assert shown.stdout == projekt_sandbox.api_key + "\n"  # (the fixture's run hides it)
    listed = projekt("-o", "json", "profiles", **NO_ENV)
    assert [row["profile"] for row in listed.json()] == ["first", "second"], listed
    assert projekt("--profile", "first", "logout", **NO_ENV).code == 0
    left = projekt("-o", "json", "profiles", **NO_ENV).json()
    assert [row["profile"] for row in left] == ["second"]


def test_dry_run_before_login_or_logout_is_refused_and_nothing_is_done(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """Ignored, it misled: `projekt --dry-run logout` forgot the profile, and `projekt
    --dry-run login` saved one."""
    assert login(projekt, projekt_sandbox, "--profile", "kept").code == 0
    checked = len(projekt_sandbox.requests)
    dry = projekt("--dry-run", "logout", "--profile", "kept", **NO_ENV)
    assert dry.code == 2, dry
    said = "--dry-run does not apply to `projekt logout`, which sends no request to show and"
    assert said in dry.stderr and "Nothing was done." in dry.stderr
    key = projekt_sandbox.api_key + "\n"
    refused = projekt("--dry-run", "login", "--profile", "other", input=key, **NO_ENV)
    assert refused.code == 2 and "does not apply to `projekt login`" in refused.stderr
    assert [row["profile"] for row in projekt("profiles", "-o", "json").json()] == ["kept"]
    assert len(projekt_sandbox.requests) == checked  # the refused login sent nothing


def test_login_sends_with_the_options_before_it_and_others_are_left_aside(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """`projekt -H 'X-Tenant: acme' login` checked the key without the header a gateway in
    front of the API needs. An option a command has no use for is left aside, as kubectl
    does: `alias pj='projekt --profile ci -o json'` serves `pj login` and `pj profiles` too."""
    key = projekt_sandbox.api_key + "\n"
    sent = ["-H", "X-Tenant: acme", "--timeout", "30", "--max-retries", "0", "-o", "json"]
    base = ["--base-url", projekt_sandbox.base_url]
    assert projekt(*sent, *base, "login", "--profile", "ci", input=key, **NO_ENV).code == 0
    assert [r.headers.get("x-tenant") for r in projekt_sandbox.requests] == ["acme"] * 2
    listed = projekt("--profile", "ci", "--org", "x", "-o", "json", "profiles", **NO_ENV)
    assert [row["profile"] for row in listed.json()] == ["ci"]


def test_login_and_logout_take_the_profile_projekt_profile_names(
    projekt: Invoke, projekt_sandbox: ProjektSandbox
) -> None:
    """Every command reads PROJEKT_PROFILE; login saved the key as 'default' all the same, so
    the commands after it said "no profile 'work'"."""
    named = {**NO_ENV, "PROJEKT_PROFILE": "work"}
    base = ["--base-url", projekt_sandbox.base_url]
    assert projekt("login", *base, input=projekt_sandbox.api_key + "\n", **named).code == 0
    assert projekt("me", "get", **named).json()["email"] == "you@example.com"
    assert [row["profile"] for row in projekt("profiles", "-o", "json", **named).json()] == ["work"]
    assert projekt("logout", **named).code == 0
    assert projekt("profiles", **named).stdout == ""


@pytest.mark.parametrize("name", ["work", "../work", "$(work)"])
def test_a_missing_profile_offers_a_login_only_for_a_name_login_takes(
    projekt: Invoke, name: str
) -> None:
    """PROJEKT_PROFILE='$(work)' was answered "create it with `projekt login --profile
    $(work)`": a command login refuses, and one a shell would run a command substitution in."""
    missing = projekt("me", "get", **{**NO_ENV, "PROJEKT_PROFILE": name})
    assert missing.code == 2
    said = missing.stderr.strip().splitlines()[-1]
    assert said.startswith(f"Error: no profile {name!r} (profiles: none yet); ")
    offered = f"create it with `projekt login --profile {name}`"
    assert said.endswith(offered if name == "work" else "letters, digits, - and _ only")


def test_auth_token_prints_the_active_key_and_a_dry_run_reads_it_from_there(
    projekt: Invoke, projekt_sandbox: ProjektSandbox, config_home: Path
) -> None:
    login(projekt, projekt_sandbox, "--profile", "sandbox")
    env = {**sandbox_env(projekt_sandbox, config_home), **NO_ENV}
    printed = CliRunner().invoke(cli, ["auth", "token"], env=env)
    assert (printed.exit_code, printed.stdout) == (0, projekt_sandbox.api_key + "\n")
    nothing = CliRunner().invoke(cli, ["auth", "token", "--profile", "nope"], env=env)
    assert nothing.exit_code == 2

    dry = projekt("me", "get", "--dry-run", **NO_ENV)
    assert '-H "Authorization: Bearer $(projekt auth token)"' in dry.stdout
    named = projekt("--profile", "sandbox", "me", "get", "--dry-run", **NO_ENV)
    assert "$(projekt auth token --profile sandbox)" in named.stdout
    shell = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PROJEKT_")},
        "XDG_CONFIG_HOME": str(config_home),
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
    }
    answer = subprocess.run(["bash", "-c", dry.stdout], env=shell, capture_output=True, text=True)
    assert answer.returncode == 0 and '"username"' in answer.stdout, answer.stderr
