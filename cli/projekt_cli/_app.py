"""The `projekt` command tree: the generated namespaces, and the hand-written account commands.

The root group lists the namespaces of the command table (generated from the
spec) and builds a namespace's commands only when it is asked for, so start-up
reads the table and nothing else. Every generated command also takes
`common_options()`; its callback passes the SDK arguments on to _calls.run.
"""

from __future__ import annotations

import io
import math
import shlex
import sys
from typing import Any

import click
from click import ParameterSource
from click.shell_completion import BashComplete, CompletionItem, add_completion_class

from projekt_cli._commands import NAMESPACES

from . import _account, _api_command
from ._output import FORMATS, speaks_unicode
from ._params import arguments_of, parameters

__all__ = ["cli"]

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Seconds(click.FloatRange):
    """A number of seconds in the range, and finite: nan and inf pass a range's bounds."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            seconds = super().convert(value, param, ctx)
            if not math.isfinite(seconds):
                self.fail(f"{value!r} is not a finite number of seconds.", param, ctx)
        except click.BadParameter as error:
            # Set in a shell's profile and long forgotten, it fails commands given no option.
            if ctx and param and param.name and _from_environment(ctx, param.name):
                said = f"{error.message} It comes from {param.envvar}."
                raise click.BadParameter(said, ctx, param) from None
            raise
        return seconds


def _from_environment(ctx: click.Context, name: str) -> bool:
    return ctx.get_parameter_source(name) is ParameterSource.ENVIRONMENT


def common_options(paginated: bool) -> list[click.Parameter]:
    options: list[click.Parameter] = [
        click.Option(["--profile"], help="Use this saved profile (see `projekt login`)."),
        click.Option(["--org"], help="The organization id (X-Org-Id); overrides the profile's."),
        click.Option(["--base-url"], help="The API's base URL; overrides the profile's."),
        click.Option(
            ["--timeout"],
            type=Seconds(min=0, min_open=True),
            envvar="PROJEKT_TIMEOUT",
            metavar="SECONDS",
            help="Seconds each attempt may take, connect to last byte (PROJEKT_TIMEOUT) "
            "[default: 15].",
        ),
        click.Option(
            ["--max-retries"],
            type=click.IntRange(min=0),
            metavar="N",
            help="Retries of a failed request that is safe to retry [default: 2].",
        ),
        click.Option(
            ["-o", "--output"],
            type=click.Choice(FORMATS),
            help="Output format [default: table at a terminal; else json, or jsonl for a list].",
        ),
        click.Option(
            ["-H", "--header"],
            multiple=True,
            metavar="'NAME: VALUE'",
            help="Send this header too (repeatable); 'NAME:' with no value removes one the "
            "SDK sends. Authorization cannot be set.",
        ),
        click.Option(
            ["--dry-run"],
            is_flag=True,
            help="Print the request as a curl command, which reads the token from "
            '"$PROJEKT_API_KEY" or `projekt auth token`; send nothing.',
        ),
    ]
    if paginated:
        options.append(
            click.Option(
                ["--max-items"],
                type=click.IntRange(min=0),
                help="Stop after this many items (pages are fetched only as needed).",
            )
        )
    return options


def _help(command: dict[str, Any]) -> str:
    arguments = [
        f"{p['name'].upper()}: {p['help']}" for p in command["params"] if p["in"] == "path"
    ]
    parts = [f"{command['summary']}.", command["description"], f"{command['http']}"]
    if command["paginated"]:
        parts.append("Every page is fetched and written as it arrives.")
    return "\n\n".join(part for part in [*parts, *arguments] if part)


def build(command: dict[str, Any]) -> click.Command:
    """The click command of one entry of the command table."""

    def callback(**values: Any) -> None:
        from . import _calls  # the SDK and httpx load only when a command runs

        common = _calls.Common.taken_from(values)
        _calls.run(command, arguments_of(command, values), common)

    name = command["method"].replace("_", "-")
    return click.Command(
        name,
        params=[*parameters(command), *common_options(command["paginated"])],
        callback=callback,
        help=_help(command),
        short_help=command["summary"],
        deprecated=command["deprecated"],
        context_settings=CONTEXT,
    )


class Namespace(click.Group):
    """One namespace (a tag of the spec): its commands, built when asked for."""

    def __init__(self, name: str, entry: dict[str, Any]) -> None:
        # The common options here too (`projekt issues -o json list`), as kubectl and gh
        # take theirs anywhere; a command reads them with _calls.Common.taken_from.
        params = common_options(paginated=False)
        for option in params:
            if isinstance(option, click.Option):
                option.hidden = True  # the root's help lists them, and where they go
        super().__init__(name, help=entry["help"], params=params, context_settings=CONTEXT)
        self.entry = entry

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.entry["commands"])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.entry["commands"].get(cmd_name)
        return build(command) if command is not None else None


class Root(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*NAMESPACES, *super().list_commands(ctx)})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in NAMESPACES:
            return Namespace(cmd_name, NAMESPACES[cmd_name])
        return super().get_command(ctx, cmd_name)


class QuotingBashComplete(BashComplete):
    """Bash inserts a completion as it is given: a value with a space (`In Progress`) must
    come quoted, or the command gets two words. zsh's compadd and fish quote for themselves."""

    def format_completion(self, item: CompletionItem) -> str:
        if item.type == "plain" and shlex.quote(item.value) != item.value:
            item = CompletionItem(shlex.quote(item.value), type=item.type, help=item.help)
        return super().format_completion(item)


add_completion_class(QuotingBashComplete)


def show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    # The SDK's number as installed, which click's version_option reads too: importing the
    # SDK for it would take longer than all the rest of `projekt --version`. Imported here,
    # as only this option needs it: at the top, it was most of what every start-up (a
    # completion's, at each TAB) imported besides click.
    import importlib.metadata

    try:
        version = importlib.metadata.version("projekt")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree
        from projekt import __version__ as version
    click.echo(f"projekt {version}")
    ctx.exit()


# help= rather than a docstring, which `python -OO` strips (as _account.py says).
@click.group(
    cls=Root,
    context_settings=CONTEXT,
    help="""The Projekt API from the command line: every operation of its spec is a command.

    \b
      projekt login --profile sandbox --base-url http://127.0.0.1:8787
      projekt issues list --project-id 3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b | jq .title
      projekt --profile sandbox issues create --project-id 3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b \\
        --title "Fix login" --dry-run

    The options below work here, before the command, as well as after it
    (--dry-run before login or logout, which would run all the same, is refused).

    Settings come from --profile (or PROJEKT_PROFILE), else PROJEKT_API_KEY,
    PROJEKT_ORG_ID and PROJEKT_BASE_URL, else the default profile. A list is
    written as JSON Lines, one item per line across every page; -o picks json,
    jsonl, table or yaml. Exit status: 1 when the API or the network failed,
    2 for a usage error.
    """,
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=show_version,
    help="Show the version and exit.",
)
def cli(**common: Any) -> None:
    if not speaks_unicode(sys.stdout) and isinstance(sys.stdout, io.TextIOWrapper):
        # What the API answers is Unicode. A character the output's encoding lacks is shown
        # escaped (JSON and YAML escape it themselves), rather than failing after the call
        # was made: a create that seemed to fail would be sent again.
        sys.stdout.reconfigure(errors="backslashreplace")


# The common options are taken before the namespace too (`projekt --org ID me get`); a
# command reads them with _calls.Common.taken_from.
cli.params += common_options(paginated=False)
for account_command in _account.COMMANDS:
    cli.add_command(account_command)
cli.add_command(_api_command.build(common_options(paginated=False)))
