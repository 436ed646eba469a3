"""Click parameters from the command table's entries (generated/projekt_cli._commands).

A path parameter is an argument (`projekt issues get ISSUE_ID`); every other
parameter and body field is an option named after its SDK argument, typed from
the spec. A closed enum is a choice; an open one shows and completes its known
values and passes any other through, as the SDK does. A nullable field also gets
`--clear-<name>`, which sends null; its option refuses the text "null".
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import IO, Any, NamedTuple

import click
from click.shell_completion import CompletionItem

__all__ = ["CLEAR_PREFIX", "BodyJson", "arguments_of", "parameters"]

CLEAR_PREFIX = "clear__"
# The spec's help says "null clears it", meaning JSON's null, which `--clear-` sends; given as
# an option's value, "null" would be written as that text, so it is refused before sending.
_NULL_AS_TEXT = (
    "--{flag} null would send the text 'null': --clear-{flag} clears it (sends null); "
    "to send the text, pass the body with --input."
)
INPUT = "input__"  # the --input file's parameter name: no SDK argument ends in "__"


class OpenChoice(click.ParamType[str]):
    """An open enum: its known values show in help and complete; any other text passes."""

    name = "text"

    def __init__(self, known: list[str]) -> None:
        self.known = known

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "[" + "|".join(self.known) + "|...]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Any text passes, as the API allows; one not known is named on stderr, since a typo
        is the usual cause."""
        if value not in self.known and not (ctx is not None and ctx.resilient_parsing):
            flag = param.opts[0] if param is not None and param.opts else "the value"
            click.echo(
                f"Note: {flag} {value!r} is not one of the known values "
                f"({', '.join(self.known)}); sending it as given.",
                err=True,
            )
        return value

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
    if entry["required"] and entry["in"] == "body":  # checked once --input is read
        text += "  [required]"
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
            # A body field may come from --input instead: checked in arguments_of.
            required=entry["required"] and entry["in"] != "body",
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
    params = [param for entry in command["params"] for param in parameter(entry)]
    if command["body_model"]:
        params.append(
            click.Option(
                ["--input", INPUT],
                type=click.File("rb"),  # bytes: read_json() finds their encoding
                help="The request body as a JSON object, from a file or - for stdin. "
                "Field options given beside it replace its fields.",
            )
        )
    return params


def arguments_of(command: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """The SDK method's keyword arguments: what was given, and null for each `--clear-`.

    With --input, the body fields given as options are merged into its JSON object,
    and the whole body is passed as `body=` (the facade takes a model or fields).
    """
    arguments: dict[str, Any] = {}
    for entry in command["params"]:
        name = entry["name"]
        value = values.get(name)
        if values.get(CLEAR_PREFIX + name):
            if value not in (None, ()):
                raise click.UsageError(f"{entry['flag']} and --clear-{entry['flag'][2:]} conflict")
            arguments[name] = None
        elif value == "" and entry["in"] == "query" and not entry["required"]:
            continue  # `--cursor "$saved"` before anything was saved: as if not given
        elif value not in (None, ()):
            if entry["nullable"] and value == "null":
                raise click.UsageError(_NULL_AS_TEXT.format(flag=entry["flag"][2:]))
            arguments[name] = list(value) if entry["multiple"] else value
    given = values.get(INPUT)
    body = [entry for entry in command["params"] if entry["in"] == "body"]
    if given is None:
        for entry in body:
            if entry["required"] and entry["name"] not in arguments:
                raise click.MissingParameter(param_hint=f"'{entry['flag']}'", param_type="option")
        _enough_fields(command, body, sum(entry["name"] in arguments for entry in body))
        return arguments
    data = _json_object(given)
    for entry in body:
        if entry["name"] in arguments:
            data[entry["json_name"]] = _jsonable(arguments.pop(entry["name"]))
    _enough_fields(command, body, len(data))
    arguments["body"] = BodyJson(command["body_model"], data)
    return arguments


def _enough_fields(command: dict[str, Any], body: list[dict[str, Any]], given: int) -> None:
    """A body with fewer fields than its schema's minProperties (an update with nothing to
    change) is a usage error here, not a request the API refuses with 422."""
    least = command.get("body_min_fields", 0)
    if given < least:
        flags = ", ".join(entry["flag"] for entry in body)
        some = "one" if least == 1 else str(least)
        raise click.UsageError(
            f"too few fields to send: give at least {some} of {flags} (or fields in --input)"
        )


class BodyJson(NamedTuple):
    """A request body read from --input: the model's name and its JSON fields."""

    model: str
    data: dict[str, Any]


def read_json(file: IO[bytes]) -> Any:
    """The JSON of an --input file, in UTF-8 (with a BOM, as Notepad writes it, or without),
    or UTF-16 or UTF-32 (as Windows PowerShell's `>` writes it), as the json module finds."""
    data = file.read()
    if not data.strip():  # an empty file, or a pipe from a command that printed nothing
        raise click.BadParameter("it is empty, not JSON", param_hint="'--input'")
    try:
        return json.loads(data)
    except ValueError as error:  # UnicodeDecodeError too
        raise click.BadParameter(f"not JSON: {error}", param_hint="'--input'") from None


def _json_object(file: IO[bytes]) -> dict[str, Any]:
    data = read_json(file)
    if not isinstance(data, dict):
        raise click.BadParameter("the body must be a JSON object", param_hint="'--input'")
    return data


def _jsonable(value: Any) -> Any:
    isoformat = getattr(value, "isoformat", None)  # a date-time or date option
    return isoformat() if callable(isoformat) else value
