"""`projekt api METHOD PATH`: a request to any path under the base URL, as `gh api` does.

For what the spec does not have yet. The SDK's `client.request()` sends it, so it
carries the profile's key and org, is retried and throttled, and a write gets an
Idempotency-Key. The answer's body is printed (JSON in the -o format); an error status is
reported on stderr and exits 1, like every other command. With `--paginate`, a GET of a
list is followed page by page by the SDK's `client.get_list()`, as gh's `--paginate` does.
A table of the answer to a path the spec has shows first the columns that its command's
table does (the spec's `x-projekt-columns`), not the JSON's first keys.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import IO, Any
from urllib.parse import urlsplit

import click

from ._params import read_json

__all__ = ["build"]

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def query_of(pairs: tuple[str, ...]) -> dict[str, Any]:
    """`key=value` pairs as a query; a key given twice is sent twice."""
    query: dict[str, list[str]] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key:
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="'-q'")
        query.setdefault(key, []).append(value)
    return {key: values[0] if len(values) == 1 else values for key, values in query.items()}


def body_of(file: IO[bytes] | None) -> Any:
    return None if file is None else read_json(file)


def columns_for(method: str, path: str) -> list[str]:
    """The columns a table of the answer to METHOD PATH shows first: those of the command for
    the spec's operation there (`projekt api GET /issues` shows what `issues list` does);
    none for a path the spec lacks."""
    from projekt_cli._commands import NAMESPACES

    asked = "/" + urlsplit(path).path.strip("/")
    for namespace in NAMESPACES.values():
        for command in namespace["commands"].values():
            verb, template = command["http"].split(" ", 1)
            parts = (
                "[^/]+" if part.startswith("{") else re.escape(part) for part in template.split("/")
            )
            if verb == method.upper() and re.search("/".join(parts) + "$", asked):
                return list(command["columns"])
    return []


def write_answer(response: Any, fmt: str | None) -> None:
    """The answer's body: JSON in the -o format (a table at a terminal, as every command's;
    else the JSON, one document as it came, a page too), anything else as it came."""
    from ._output import default_format, shown, write_list, write_object
    from ._status import erase_status

    if not response.content:
        return
    try:
        data = response.json()
    except ValueError:  # as it came; shown safe at a terminal, as a table's text is
        erase_status(sys.stderr)
        sys.stdout.write(shown(response.text) if sys.stdout.isatty() else response.text)
        return
    leading = columns_for(response.request.method, response.request.url.path)
    fmt = fmt or default_format(sys.stdout, False)
    if isinstance(data, list):  # a page of a list, written as the list commands write one
        write_list([data], fmt, None, sys.stdout, sys.stderr, leading)
    else:
        write_object(data, fmt, sys.stdout, sys.stderr, leading)


class Paginated:
    """`--paginate`: every page of the list at `path`, through the SDK's `get_list()`, or as
    many as `--max-items` needs."""

    def __init__(self, path: str, options: dict[str, Any], max_items: int | None) -> None:
        self.path, self.options, self.max_items = path, options, max_items

    def invoke(self, client: Any) -> Any:
        return client.get_list(self.path, **self.options)

    def write(self, fmt: str | None) -> Callable[[Any], None]:
        from ._output import default_format, write_list

        def write_pages(pages: Any) -> None:
            shown_as = fmt or default_format(sys.stdout, True)
            leading = columns_for("GET", self.path)
            each_page = pages.iter_pages()
            write_list(each_page, shown_as, self.max_items, sys.stdout, sys.stderr, leading)

        return write_pages


def _own_options() -> list[click.Parameter]:
    """`projekt api`'s options besides those every command has."""
    return [
        click.Option(
            ["--input", "input_file"],
            type=click.File("rb"),  # bytes: read_json() finds their encoding
            help="The request body, JSON, from a file or - for stdin.",
        ),
        click.Option(
            ["-q", "--query"],
            multiple=True,
            metavar="KEY=VALUE",
            help="A query parameter (repeatable).",
        ),
        click.Option(
            ["--paginate"],
            is_flag=True,
            help='For a GET of a list: follow its Link: rel="next" to the last page, and write '
            "every item as a list command does.",
        ),
        click.Option(
            ["--max-items"],
            type=click.IntRange(min=0),
            help="With --paginate: stop after this many items (pages are fetched only as needed).",
        ),
        click.Option(
            ["--idempotency-key"],
            help="For a write: the key to send as Idempotency-Key (the one an error said to "
            "send it again with); when not given, one is made for the command.",
        ),
    ]


def refuse_what_does_not_apply(
    method: str, idempotency_key: str | None, paginate: bool, max_items: int | None, body: bool
) -> None:
    """The usage errors: an option given where it means nothing."""
    if idempotency_key is not None and method == "GET":
        raise click.BadParameter("a GET takes none", param_hint="'--idempotency-key'")
    if max_items is not None and not paginate:
        raise click.BadParameter("it counts the items of --paginate", param_hint="'--max-items'")
    if paginate and (method != "GET" or body):
        raise click.BadParameter("only a GET of a list has pages", param_hint="'--paginate'")


def build(common: list[click.Parameter]) -> click.Command:
    def callback(
        method: str,
        path: str,
        input_file: IO[bytes] | None,
        query: tuple[str, ...],
        paginate: bool,
        idempotency_key: str | None,
        **values: Any,
    ) -> None:
        import httpx

        from . import _calls

        common = _calls.Common.taken_from(values)
        given = (idempotency_key, paginate, common.max_items, input_file is not None)
        refuse_what_does_not_apply(method.upper(), *given)
        options: dict[str, Any] = {"query": query_of(query), "cast_to": httpx.Response}
        if idempotency_key is not None:
            options["idempotency_key"] = idempotency_key
        if common.headers:
            options["extra_headers"] = _calls.headers_of(common.headers)
        if paginate:
            del options["cast_to"]
            paginated = Paginated(path, options, common.max_items)
            _calls.execute(paginated.invoke, common, True, paginated.write(common.output))
            return
        body = body_of(input_file)
        if body is not None:
            options["body"] = body

        def invoke(client: Any) -> Any:
            return client.request(method.upper(), path, **options)

        _calls.execute(invoke, common, False, lambda answer: write_answer(answer, common.output))

    return click.Command(
        "api",
        params=[
            click.Argument(["method"], type=click.Choice(METHODS, case_sensitive=False)),
            click.Argument(["path"]),
            *_own_options(),
            *common,
        ],
        callback=callback,
        help="""Send a request to PATH under the base URL: for endpoints the spec lacks.

        \b
          projekt api GET /issues -q project_id=3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b --paginate
          projekt api POST /issues --input issue.json
          echo '{"title": "Renamed"}' | projekt api PATCH /issues/ID --input -

        The request gets the same key, org, retries, throttle and, for a write, an
        Idempotency-Key as any command. A JSON answer is printed in the -o format.""",
        short_help="Send a request to any path (for endpoints the spec lacks).",
        context_settings=CONTEXT,
    )
