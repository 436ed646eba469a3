"""Running one generated command: its client, its call through the SDK, its output and errors.

The SDK is imported here, when a command runs, not when the CLI starts, so
`projekt --help` and shell completion never pay for httpx.

Exit status: 0 on success, 1 when the API or the network failed (the status,
code, message, request id and details go to stderr, nothing to stdout), 2 for a
usage error, including missing or invalid settings.
"""

from __future__ import annotations

import functools
import json
import os
import shlex
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import click
import httpx

from . import _config
from ._deprecations import tell_deprecations, told_by_the_command
from ._endings import fail, interrupted, read_enough, usage_error
from ._output import default_format, shown, speaks_unicode, write_list, write_object
from ._params import BodyJson
from ._status import waits_shown

__all__ = ["Common", "curl", "execute", "headers_of", "run"]

# Stands in for a token when --dry-run has none: the printed command reads $PROJEKT_API_KEY.
PLACEHOLDER_TOKEN = "pjk_live_" + "0" * 32
# Headers a pasted curl command should not carry: curl sets its own, or they describe the SDK.
NOT_SHOWN = {"host", "content-length", "accept-encoding", "connection", "user-agent"}
NOT_SHOWN_PREFIXES = ("traceparent", "tracestate")


@dataclass(frozen=True)
class Common:
    """The options every generated command takes."""

    profile: str | None
    org: str | None
    base_url: str | None
    timeout: float | None
    max_retries: int | None
    output: str | None
    dry_run: bool
    max_items: int | None
    headers: tuple[str, ...] = ()  # --header 'Name: value', as given

    @classmethod
    def taken_from(cls, values: dict[str, Any]) -> Common:
        """The common options, removed from a command's parsed values; one not given after
        the command is taken from before it (`projekt --org ID me get`)."""
        outer = _config.outer_contexts()
        for name in outer[0].params:
            if name == "header":
                given = (h for context in outer for h in context.params.get(name, ()))
                values[name] = (*given, *values[name])
            else:
                values[name] = _config.before_the_command(name, values[name])
        return cls(
            profile=values.pop("profile"),
            org=values.pop("org"),
            base_url=values.pop("base_url"),
            timeout=values.pop("timeout"),
            max_retries=values.pop("max_retries"),
            output=values.pop("output"),
            dry_run=values.pop("dry_run"),
            max_items=values.pop("max_items", None),
            headers=values.pop("header"),
        )


Invoke = Callable[[Any], Any]  # calls the SDK on a client, returns what it returned


def run(command: dict[str, Any], arguments: dict[str, Any], common: Common) -> None:
    extras = {"extra_headers": headers_of(common.headers)} if common.headers else {}
    page_size = arguments.get("limit") or _default(command, "limit")
    bounded = command["paginated"] and common.max_items is not None and page_size

    def invoke(client: Any) -> Any:
        method = functools.partial(_method(client, command), **extras)
        if bounded:
            return Bounded(method, with_model(arguments), common.max_items or 0, page_size)
        return method(**with_model(arguments))

    def write(result: Any) -> None:
        _write(command, result, common)
        if isinstance(result, Bounded) and result.next_cursor:
            cursor = shown(result.next_cursor)  # the server's
            click.echo(f"More items: resume with --cursor {cursor}", err=True)

    execute(invoke, common, command["paginated"], write)


class Bounded:
    """A list's pages up to --max-items, each asking for no more items than are still
    wanted, so that the cursor after the last one resumes right after the last item."""

    def __init__(self, method: Any, arguments: dict[str, Any], wanted: int, page_size: int):
        self.method, self.arguments = method, arguments
        self.wanted, self.page_size = wanted, page_size
        self.next_cursor: str | None = None

    def iter_pages(self) -> Iterator[Any]:
        remaining, cursor = self.wanted, self.arguments.get("cursor")
        while remaining > 0:
            asked = {**self.arguments, "limit": min(self.page_size, remaining)}
            if cursor is not None:
                asked["cursor"] = cursor
            page = next(iter(self.method(**asked).iter_pages()))
            cursor = self.next_cursor = page.next_cursor  # before the reader stops reading
            yield page
            remaining -= len(page)
            if cursor is None:
                return

    def __iter__(self) -> Iterator[Any]:
        for page in self.iter_pages():
            yield from page


def _default(command: dict[str, Any], name: str) -> Any:
    return next((p["default"] for p in command["params"] if p["name"] == name), None)


def execute(invoke: Invoke, common: Common, paginated: bool, write: Callable[[Any], None]) -> None:
    """Runs `invoke` on a client made from the settings, and writes what it returns
    (or, with --dry-run, prints its first request as curl), exiting as the module says."""
    import projekt  # the SDK loads when a command runs, not for --help

    settings = _config.settings(common.profile, common.org, common.base_url)
    limits = {"timeout": common.timeout, "max_retries": common.max_retries}
    settings.update({name: value for name, value in limits.items() if value is not None})
    try:
        if common.dry_run:
            key = _config.key_expression(common.profile)
            click.echo(dry_run(invoke, paginated, settings, key))
            return
        with told_by_the_command(), projekt.Projekt(**settings) as client:
            try:
                with waits_shown(sys.stderr):
                    write(invoke(client))
            finally:
                tell_deprecations(client.deprecations)
    except BrokenPipeError:  # `| head`: the reader has what it wanted, as with `gh`
        read_enough()
    except KeyboardInterrupt:
        interrupted()
    except (projekt.ConfigurationError, projekt.InvalidArgumentError) as error:
        raise usage_error(error) from None
    except projekt.AuthenticationError as error:  # a 401: the key, not the command
        fail(error, key=_config.key_source(common.profile))
    except projekt.ProjektError as error:
        fail(error)


def headers_of(given: tuple[str, ...]) -> dict[str, str | None]:
    """`Name: value` pairs as extra_headers; `Name:` with no value removes the header, as
    with curl's -H."""
    headers: dict[str, str | None] = {}
    for text in given:
        name, colon, value = text.partition(":")
        if not colon or not name.strip() or name != name.strip():
            raise click.BadParameter(f"{text!r} is not 'Name: value'", param_hint="'--header'")
        headers[name] = value.strip() or None
    return headers


def with_model(arguments: dict[str, Any]) -> dict[str, Any]:
    """The arguments, with a body read from --input made into its request model."""
    body = arguments.get("body")
    if not isinstance(body, BodyJson):
        return arguments
    from projekt import models

    try:
        model = getattr(models, body.model).from_dict(body.data)
    except KeyError as missing:
        raise click.UsageError(
            f"the body has no {missing}: put it in --input, or give its option"
        ) from None
    except (TypeError, ValueError) as error:
        raise click.UsageError(f"--input is not a valid {body.model}: {error}") from None
    return {**arguments, "body": model}


def _method(client: Any, command: dict[str, Any]) -> Any:
    return getattr(getattr(client, command["namespace"]), command["method"])


def _write(command: dict[str, Any], result: Any, common: Common) -> None:
    out = sys.stdout
    many = command["returns"] == "list"
    fmt = common.output or default_format(out, many)
    columns = command.get("columns", ())
    if many:
        pages = result.iter_pages() if command["paginated"] else [result]
        write_list(pages, fmt, common.max_items, out, sys.stderr, columns)
    elif command["returns"] == "object":
        write_object(result, fmt, out, sys.stderr, columns)
    elif sys.stderr.isatty():  # nothing to print: silence at a terminal reads as nothing done
        done = command["summary"].removeprefix("Deprecated: ")  # the warning said it already
        click.echo(f"{done}: done.", err=True)


class _Captured(Exception):  # not an error: the request a dry run stops at
    def __init__(self, request: httpx.Request) -> None:
        self.request = request


class _Capture(httpx.BaseTransport):
    """A transport that sends nothing: it hands the request it is given back to the dry run."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        raise _Captured(request)


def dry_run(invoke: Invoke, paginated: bool, settings: dict[str, Any], key: str) -> str:
    """The curl command of the request the SDK would send first, built by the SDK itself;
    `key` is how the command reads the token (`$PROJEKT_API_KEY`, `$(projekt auth token)`)."""
    import projekt

    if not settings.get("api_key") and not os.environ.get("PROJEKT_API_KEY"):
        settings = {**settings, "api_key": PLACEHOLDER_TOKEN}
    options: dict[str, Any] = {"transport": _Capture(), "max_retries": 0, "throttle": False}
    with told_by_the_command(), projekt.Projekt(**{**settings, **options}) as client:
        try:
            result = invoke(client)
            if paginated:
                next(iter(result), None)
        except _Captured as captured:
            return curl(captured.request, key, ascii_only=not speaks_unicode(sys.stdout))
    raise click.ClickException("the command sends no request")  # not reached: all of them do


def curl(request: httpx.Request, key: str = "$PROJEKT_API_KEY", *, ascii_only: bool = False) -> str:
    """A curl command for `request`, with the shell expression `key` where the token goes;
    `ascii_only`, its JSON body's other characters escaped (`\\u00f1`), the same JSON."""
    # --fail-with-body: an error status fails the command, as in the docs' curl samples.
    lines = [f"curl --fail-with-body -sS -X {request.method} {shlex.quote(str(request.url))}"]
    for name, value in request.headers.multi_items():
        lowered = name.lower()
        if lowered in NOT_SHOWN or lowered.startswith(NOT_SHOWN_PREFIXES):
            continue
        if lowered == "authorization":
            lines.append(f'-H "Authorization: Bearer {key}"')
        else:
            lines.append(f"-H {shlex.quote(f'{name}: {value}')}")
    if request.content:
        body = request.content.decode()
        if ascii_only:
            body = json.dumps(json.loads(body), ensure_ascii=True, separators=(",", ":"))
        lines.append(f"--data-raw {shlex.quote(body)}")
    return " \\\n  ".join(lines)
