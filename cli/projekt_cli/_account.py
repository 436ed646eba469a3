"""The commands that are not operations: login, logout, profiles and completion.

Each command's help is its `help=`, not its docstring: under `python -OO` (PYTHONOPTIMIZE=2,
which some container images set) there are no docstrings, and click's help would be empty.
"""

from __future__ import annotations

import os
import shlex
import sys
from typing import Any

import click
from click.shell_completion import get_completion_class

from . import _config
from ._output import FORMATS, default_format, shown, write_list

__all__ = ["COMMANDS"]


def _read_token() -> str:
    if sys.stdin.isatty():
        token = click.prompt("API key (pjk_live_…)", hide_input=True)
    else:
        token = sys.stdin.readline()
    # A key file Notepad saved starts with a byte order mark, which is no part of the key.
    token = str(token).strip().removeprefix("\ufeff").strip()
    if not token:
        raise click.UsageError("no API key given: type it at the prompt, or pipe it in")
    return token


def _choose_org(orgs: list[Any], org: str | None) -> str:
    ids = [membership.org_id for membership in orgs]
    if org is not None:
        if org not in ids:
            raise click.UsageError(
                shown(f"this key's user is not in org {org!r} (orgs: {', '.join(ids)})")
            )
        return org
    if len(ids) == 1:
        return str(ids[0])
    if not ids:
        raise click.UsageError("this key's user belongs to no organization")
    if not sys.stdin.isatty():
        raise click.UsageError(shown(f"pick an organization with --org ({', '.join(ids)})"))
    return str(click.prompt("Organization", type=click.Choice(ids)))


@click.command(
    cls=_config.Local,
    short_help="Check an API key and save it as a profile.",
    help="""Check an API key and save it, with its org and base URL, as a profile.

    The key is read at a hidden prompt, or from stdin when piped
    (`projekt login < key.txt`). It is checked against GET /me, stored in the
    user's config directory readable only by them, and never printed. The
    profile becomes the default one.
    """,
)
@click.option("--profile", help="The profile's name [default: PROJEKT_PROFILE, else 'default'].")
@click.option("--base-url", help="The API's base URL, for example the sandbox's.")
@click.option("--org", help="The organization id; asked for when the user has several.")
def login(profile: str | None, base_url: str | None, org: str | None) -> None:
    from projekt import ConfigurationError, InvalidArgumentError, Projekt, ProjektError

    from ._deprecations import told_by_the_command
    from ._endings import fail, interrupted, usage_error

    # The profile the commands then use, as they read it: PROJEKT_PROFILE named one that
    # login saved as "default", and every command after it said "no profile".
    profile = _config.named_profile(_config.before_the_command("profile", profile)) or "default"
    base_url = _config.before_the_command("base_url", base_url)
    org = _config.before_the_command("org", org)
    try:
        token = _read_token()
        settings = {"api_key": token, "base_url": base_url, "org_id": None, **_sending()}
        with told_by_the_command(), Projekt(**settings) as client:
            user, orgs = client.me.get(), client.me.orgs().orgs
            chosen = _choose_org(orgs, org)
            url = str(client.base_url).rstrip("/")
    except (ConfigurationError, InvalidArgumentError) as error:  # a malformed key, say
        raise usage_error(error) from None
    except ProjektError as error:
        fail(error)
    except KeyboardInterrupt:
        interrupted()
    except click.Abort as abort:
        # Click's prompts end on Ctrl-C and Ctrl-D alike with Abort, from the one they met.
        if isinstance(abort.__context__, KeyboardInterrupt):
            interrupted()
        raise
    # The URL the key was checked against, even when it came from PROJEKT_BASE_URL or the
    # default: the profile must keep sending the key to the server that accepted it.
    path = _config.save(profile, {"base_url": url, "org_id": chosen, "api_key": token})
    said = f"Logged in to {url} as {user.email}, org {chosen}. Saved profile {profile!r} "
    click.echo(shown(f"{said}(now the default) to {path}."), err=True)
    if os.environ.get("PROJEKT_API_KEY") and not _config.named_profile(None):
        # Commands take the environment's key before the default profile (_config.py).
        click.echo(
            "PROJEKT_API_KEY is set here, and commands use it before the default profile: "
            f"unset it to use {profile!r}, or pass --profile {shlex.quote(profile)}.",
            err=True,
        )


def _sending() -> dict[str, Any]:
    """The options given before `login` that shape the requests it sends to check the key
    (`projekt -H 'X-Tenant: acme' --timeout 60 login`), as every command takes them."""
    from ._calls import headers_of

    given = click.get_current_context().find_root().params
    settings = {name: given[name] for name in ("timeout", "max_retries") if given[name] is not None}
    if given["header"]:
        settings["default_headers"] = headers_of(given["header"])
    return settings


@click.command(
    cls=_config.Local,
    short_help="Forget a saved profile and its API key.",
    help="""Forget a saved profile and its API key (the key itself stays valid: revoke it
    with `projekt api-keys revoke`).""",
)
@click.option(
    "--profile",
    help="The profile to forget [default: PROJEKT_PROFILE, else the default one, which "
    "`projekt profiles` marks].",
)
def logout(profile: str | None) -> None:
    profile = _config.named_profile(_config.before_the_command("profile", profile))
    profile = profile or _config.load().get("default")
    if not profile:
        raise click.UsageError("no profile is saved")
    if not _config.remove(profile):
        raise click.UsageError(f"no profile {profile!r}")
    click.echo(f"Removed profile {profile!r}.", err=True)


@click.command(
    cls=_config.Local,
    short_help="List the saved profiles, the default one marked.",
    help="List the saved profiles (never their keys), the default one marked.",
)
@click.option(
    "-o",
    "--output",
    type=click.Choice(FORMATS),
    help="Output format [default: table at a terminal; else jsonl], as for any list.",
)
def profiles(output: str | None) -> None:
    output = _config.before_the_command("output", output)
    data = _config.load()
    rows = [
        {
            "profile": name,
            "default": name == data.get("default"),
            "base_url": profile.get("base_url"),
            "org_id": profile.get("org_id"),
        }
        for name, profile in sorted(data["profiles"].items())
    ]
    fmt = output or default_format(sys.stdout, True)
    none = "No saved profiles: `projekt login` saves one."
    write_list([rows], fmt, None, sys.stdout, sys.stderr, empty=none)


@click.group(help="The API key the commands use.")
def auth() -> None:
    pass


@auth.command(
    cls=_config.Local,
    short_help="Print the API key the commands use.",
    help="""Print the API key the commands use, as `gh auth token` does:
    `curl -H "Authorization: Bearer $(projekt auth token)" ...`.

    The key of --profile (or PROJEKT_PROFILE), else PROJEKT_API_KEY, else the default
    profile's. It goes to stdout only; keep it out of logs and shared terminals.
    """,
)
@click.option("--profile", help="This saved profile's key, rather than the active one's.")
def token(profile: str | None) -> None:
    profile = _config.before_the_command("profile", profile)
    key = _config.settings(profile, None, None).get("api_key") or os.environ.get("PROJEKT_API_KEY")
    if not key:
        raise click.UsageError("no API key: run `projekt login`, or set PROJEKT_API_KEY")
    click.echo(key)


@click.command(
    cls=_config.Local,
    help="""Print the shell completion script.

    \b
      bash: eval "$(projekt completion bash)"        (in ~/.bashrc)
      zsh:  eval "$(projekt completion zsh)"         (in ~/.zshrc)
      fish: projekt completion fish | source         (in ~/.config/fish/config.fish)
    """,
)
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    from ._app import cli  # the root group, which holds this command

    complete = get_completion_class(shell)
    assert complete is not None  # the three shells click ships
    click.echo(complete(cli, {}, "projekt", "_PROJEKT_COMPLETE").source())


COMMANDS = [login, logout, profiles, auth, completion]
