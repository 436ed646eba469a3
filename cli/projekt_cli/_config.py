"""Named profiles: credentials kept in the user's config directory, readable by them only.

`projekt login --profile NAME` writes one; every command reads one. The file is
TOML in click's per-user application directory (`~/.config/projekt/config.toml`
on Linux, or under XDG_CONFIG_HOME when that is an absolute path), created 0600
inside a 0700 directory and replaced atomically, so a token is never readable by
others, not even for a moment.

Which settings a command uses, first match wins:
1. `--profile NAME` (or PROJEKT_PROFILE): that profile;
2. PROJEKT_API_KEY in the environment: the environment, as the SDK reads it
   (PROJEKT_ORG_ID, PROJEKT_BASE_URL);
3. the default profile (the one logged in to last).
`--org` and `--base-url` override any of them.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

__all__ = [
    "Local",
    "before_the_command",
    "config_path",
    "key_expression",
    "load",
    "named_profile",
    "outer_contexts",
    "profile_settings",
    "remove",
    "save",
    "settings",
]

PROFILE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
FIELDS = ("base_url", "org_id", "api_key")
NOT_UTF_8 = (
    "it is not UTF-8 text, as TOML must be (saved as UTF-16, as Windows PowerShell's > and "
    "Out-File write it?); save it again as UTF-8"
)


def before_the_command(name: str, value: Any) -> Any:
    """`value`, or the option `name` as given before the command when only there, the
    nearest winning (`projekt --profile work login`, `projekt issues -o json list`): the
    root's help says its options work before a command as after it, as kubectl's and gh's
    do, and each command reads them through here."""
    context = click.get_current_context()
    if context.get_parameter_source(name) is ParameterSource.COMMANDLINE:
        return value
    for outer in reversed(outer_contexts()):
        if outer.get_parameter_source(name) is ParameterSource.COMMANDLINE:
            return outer.params[name]
    return value


def outer_contexts() -> list[click.Context]:
    """The groups' contexts the current command was named in, the root's first."""
    outer: list[click.Context] = []
    context = click.get_current_context().parent
    while context is not None:
        outer.insert(0, context)
        context = context.parent
    return outer


class Local(click.Command):
    """A command that sends no operation's request (login, logout, profiles). Of the options
    given before it, it takes those it has, and leaves the others, as kubectl does, so that
    `alias pj='projekt --profile ci -o json'` serves `pj profiles` too; but not --dry-run,
    which promises that nothing happens: ignored, `projekt --dry-run logout` forgot the
    profile."""

    def invoke(self, ctx: click.Context) -> Any:
        root = ctx.find_root()
        if root.get_parameter_source("dry_run") is ParameterSource.COMMANDLINE:
            raise click.UsageError(
                f"--dry-run does not apply to `{ctx.command_path}`, which sends no request to "
                "show and would run all the same; leave it out. Nothing was done.",
                ctx,
            )
        return super().invoke(ctx)


def named_profile(profile: str | None) -> str | None:
    """The profile a command names: its --profile, else PROJEKT_PROFILE, else None."""
    return profile or os.environ.get("PROJEKT_PROFILE") or None


def config_path() -> Path:
    directory = Path(click.get_app_dir("projekt"))
    if not directory.is_absolute():
        # click takes XDG_CONFIG_HOME as it is, and an empty or relative one put the token
        # under the working directory, a repository maybe; the XDG spec ignores both.
        directory = Path.home() / ".config" / "projekt"
    return directory / "config.toml"


def load() -> dict[str, Any]:
    """The config file's content: {"default": name, "profiles": {name: {...}}}."""
    try:
        # A Windows editor may begin it with a byte order mark, which is invisible, and which
        # TOML's parser called an invalid statement at line 1, column 1.
        data = tomllib.loads(config_path().read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        return {"profiles": {}}
    except UnicodeDecodeError:
        raise click.ClickException(f"cannot read {config_path()}: {NOT_UTF_8}") from None
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise click.ClickException(f"cannot read {config_path()}: {error}") from None
    if problem := _malformed(data):  # the file is TOML, and may be edited by hand
        raise click.ClickException(f"cannot read {config_path()}: {problem}")
    data.setdefault("profiles", {})
    return data


def _malformed(data: dict[str, Any]) -> str | None:
    """What keeps `data` from being profiles of strings (never a value: it may be a key)."""
    if not isinstance(data.get("default", ""), str):
        return "default must be a profile's name, in quotes"
    profiles = data.get("profiles", {})
    if not isinstance(profiles, dict):
        return "profiles must be tables, each written [profiles.NAME]"
    for name, profile in profiles.items():
        if not isinstance(profile, dict):
            return f"profile {name!r} must be a table, written [profiles.{name}]"
        for field, value in profile.items():
            if not isinstance(value, str):
                return f"{field} of profile {name!r} must be a string, in quotes"
    return None


def _toml(data: dict[str, Any]) -> str:
    lines = [f"default = {_string(data['default'])}\n"] if data.get("default") else []
    for name, profile in sorted(data["profiles"].items()):
        lines.append(f"\n[profiles.{_string(name)}]\n")
        lines += [f"{key} = {_string(profile[key])}\n" for key in FIELDS if profile.get(key)]
    return "".join(lines)


def _string(value: str) -> str:
    """A TOML basic string: JSON's, but for what TOML reads otherwise. JSON's ASCII escapes
    write 🐛 as a surrogate pair (`\\ud83d\\udc1b`), and leave DEL raw: neither is TOML, and
    a file rewritten with a name or value edited in by hand could not be read again."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _write(data: dict[str, Any]) -> Path:
    path = config_path()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # mkstemp creates the file 0600; it is renamed over the old one only when complete.
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".toml")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                file.write(_toml(data))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:  # a read-only home, a full disk: the old file is as it was
        raise click.ClickException(f"cannot write {path}: {error}") from None
    return path


def save(name: str, profile: dict[str, str | None]) -> Path:
    """Stores the profile and makes it the default; returns the file's path."""
    if not PROFILE_NAME.match(name):
        raise click.BadParameter("letters, digits, - and _ only", param_hint="--profile")
    data = load()
    data["profiles"][name] = {key: value for key, value in profile.items() if value}
    data["default"] = name
    return _write(data)


def remove(name: str) -> bool:
    data = load()
    if data["profiles"].pop(name, None) is None:
        return False
    if data.get("default") == name:
        data["default"] = next(iter(sorted(data["profiles"])), None)
    _write(data)
    return True


def profile_settings(name: str) -> dict[str, Any]:
    data = load()
    if name not in data["profiles"]:
        known = ", ".join(sorted(data["profiles"])) or "none yet"
        create = (  # login would refuse the name, so it is not offered
            f"create it with `projekt login --profile {name}`"
            if PROFILE_NAME.match(name)
            else "a profile's name is letters, digits, - and _ only"
        )
        raise click.UsageError(f"no profile {name!r} (profiles: {known}); {create}")
    return {key: data["profiles"][name].get(key) for key in FIELDS}


def settings(profile: str | None, org: str | None, base_url: str | None) -> dict[str, Any]:
    """The Projekt client's keyword arguments for a command (see the module's docstring)."""
    chosen: dict[str, Any] = {}
    profile = named_profile(profile)
    if profile is not None:
        chosen = profile_settings(profile)
    elif not os.environ.get("PROJEKT_API_KEY"):
        default = load().get("default")
        if default:
            chosen = profile_settings(default)
    if org is not None:
        chosen["org_id"] = org
    if base_url is not None:
        chosen["base_url"] = base_url
    return {key: value for key, value in chosen.items() if value is not None}


def key_source(profile: str | None) -> str:
    """Where a command with `profile` took the key the API refused, and how to mend it; the
    key itself is never shown."""
    try:
        default = load().get("default")
    except click.ClickException:  # a config file it cannot read: the 401 is still the news
        default = None
    profile = named_profile(profile)
    if profile is None and os.environ.get("PROJEKT_API_KEY"):
        other = f"unset it to use profile {default!r}" if default else "`projekt login` saves one"
        return f"from PROJEKT_API_KEY; set a valid one, or {other}"
    profile = profile or default or "default"
    login = f"projekt login --profile {shlex.quote(profile)}"
    return f"from profile {profile!r}; `{login}` saves a new one"


def key_expression(profile: str | None) -> str:
    """How a pasted shell command reads the key a command with `profile` would use."""
    profile = named_profile(profile)
    if profile is not None:
        return f"$(projekt auth token --profile {shlex.quote(profile)})"
    if os.environ.get("PROJEKT_API_KEY") or not load().get("default"):
        return "$PROJEKT_API_KEY"
    return "$(projekt auth token)"
