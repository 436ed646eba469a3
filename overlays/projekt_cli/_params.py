"""Click parameters from the command table's entries (generated/_projekt_commands).

A path parameter is an argument (`projekt issues get ISSUE_ID`); every other
parameter and body field is an option named after its SDK argument, typed from
the spec. A closed enum is a choice; an open one shows and completes its known
values and passes any other through, as the SDK does. A nullable field also gets
`--clear-<name>`, which sends null.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import click
from click.shell_completion import CompletionItem

__all__ = ["CLEAR_PREFIX", "arguments_of", "parameters"]

CLEAR_PREFIX = "clear__"


class OpenChoice(click.ParamType[str]):
    """An open enum: its known values show in help and complete; any other text passes."""

    name = "text"

    def __init__(self, known: list[str]) -> None:
        self.known = known

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "[" + "|".join(self.known) + "|...]"

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        return [CompletionItem(value) for value in self.known if value.startswith(incomplete)]


class IsoFormat(click.ParamType[Any]):
    """An RFC 3339 date-time or date, read as the SDK's models read it."""

    def __init__(self, name: str, parse: Callable[[str], Any]) -> None:
        self.name, self._parse = name, parse

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self._parse(value)
        except ValueError:
            self.fail(f"{value!r} is not an ISO 8601 {self.name}", param, ctx)


def _number(plain: click.ParamType[Any], ranged: type[click.IntRange | click.FloatRange]) -> Any:
    def make(entry: dict[str, Any]) -> click.ParamType[Any]:
        if entry["min"] is None and entry["max"] is None:
            return plain
        return ranged(entry["min"], entry["max"])

    return make


SCALAR_TYPES: dict[str, Callable[[dict[str, Any]], click.ParamType[Any]]] = {
    "string": lambda entry: click.STRING,
    "integer": _number(click.INT, click.IntRange),
    "number": _number(click.FLOAT, click.FloatRange),
    "datetime": lambda entry: IsoFormat("date-time", dt.datetime.fromisoformat),
    "date": lambda entry: IsoFormat("date", dt.date.fromisoformat),
}


class ValueChoice(click.Choice[str]):
    """A closed enum of any JSON values (`1`, `2.5`, `"soft"`): typed as text, sent as the value."""

    def __init__(self, values: list[Any]) -> None:
        self.values = {str(value): value for value in values}
        super().__init__(list(self.values))

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return self.values[str(super().convert(value, param, ctx))]


def param_type(entry: dict[str, Any]) -> click.ParamType[Any]:
    known = [str(value) for value in entry["choices"]]
    if known and entry["open"]:
        return OpenChoice(known)
    if known:
        return ValueChoice(entry["choices"])
    return SCALAR_TYPES[entry["type"]](entry)


def _help(entry: dict[str, Any]) -> str:
    text = str(entry["help"])
    if entry["multiple"]:
        text += " Repeat the option for each value."
    if entry["default"] is not None:  # the API's default, not sent unless given
        text += f"  [default: {entry['default']}]"
    return text


def parameter(entry: dict[str, Any]) -> list[click.Parameter]:
    name, flag = entry["name"], entry["flag"]
    if entry["in"] == "path":
        return [click.Argument([name], type=param_type(entry), metavar=name.upper())]
    extra: dict[str, Any] = {"deprecated": True} if entry["deprecated"] else {}
    if entry["type"] == "boolean":
        option = click.Option(
            [f"{flag}/--no-{flag[2:]}", name], default=None, help=_help(entry), **extra
        )
    else:
        option = click.Option(
            [flag, name],
            type=param_type(entry),
            required=entry["required"],
            multiple=entry["multiple"],
            help=_help(entry),
            **extra,
        )
    if not entry["nullable"]:
        return [option]
    clear = click.Option(
        [f"--clear-{flag[2:]}", CLEAR_PREFIX + name],
        is_flag=True,
        default=False,
        help=f"Send {flag[2:]} as null (clears it).",
    )
    return [option, clear]


def parameters(command: dict[str, Any]) -> list[click.Parameter]:
    return [param for entry in command["params"] for param in parameter(entry)]


def arguments_of(command: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """The SDK method's keyword arguments: what was given, and null for each `--clear-`."""
    arguments: dict[str, Any] = {}
    for entry in command["params"]:
        name = entry["name"]
        value = values.get(name)
        if values.get(CLEAR_PREFIX + name):
            if value not in (None, ()):
                raise click.UsageError(f"{entry['flag']} and --clear-{entry['flag'][2:]} conflict")
            arguments[name] = None
        elif value not in (None, ()):
            arguments[name] = list(value) if entry["multiple"] else value
    return arguments
