"""Writing results: JSON for one object, JSON Lines for a list, or a table or YAML.

A list is written as it is fetched, page by page, so `projekt issues list | jq`
starts at once and holds one page in memory. A table is the exception: its
column widths need every row, so it is drawn once the rows are in (with
`--max-items` to bound them). At a terminal, a list being gathered for a table
or piped elsewhere shows a progress line on stderr, and a long wait shows there too: a
status line, erased before any output, which may go to the same terminal.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

from ._status import Progress, erase_status, hold_status, redrawable
from ._yaml import yaml_of

__all__ = ["FORMATS", "default_format", "shown", "speaks_unicode", "write_list", "write_object"]

FORMATS = ("json", "jsonl", "table", "yaml")
GAP = 2  # spaces between table columns
MAX_CELL = 30  # a list table's widest column, but the first
MIN_CELL = 10  # narrower than this, a column is left out rather than cut
# An answer's text is anyone's: an issue's description is any member's, an error's message
# a proxy's. Written to a terminal, its control characters would be obeyed (ESC [2J clears
# the screen, ESC ] retitles the window and hides what follows, CSI in one byte as U+009B).
# C0 but tab and newline, DEL and C1 show as escapes; JSON, which escapes C0 itself, writes
# DEL and C1 as \u escapes, the same values. So does a lone surrogate (JSON's `"\ud800"`),
# which no output stream could encode: the command ended in a traceback.
_CONTROLS = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
_SURROGATES = {code: f"\\u{code:04x}" for code in range(0xD800, 0xE000)}
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_SHOWN = {**{code: f"\\x{code:02x}" for code in _CONTROLS}, **_SURROGATES}
_JSON_ESCAPED = {**{code: f"\\u{code:04x}" for code in _CONTROLS if code >= 0x7F}, **_SURROGATES}


def default_format(stdout: IO[str], many: bool) -> str:
    if stdout.isatty():
        return "table"
    return "jsonl" if many else "json"


def plain(value: Any) -> Any:
    """A model as the JSON the API sent (attrs models have `to_dict`)."""
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def speaks_unicode(stream: IO[str]) -> bool:
    """Can `stream` take every character? On Windows a file or a pipe is in the ANSI code
    page (cp1252, which has no 🐛), and PYTHONIOENCODING may name any encoding."""
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name.startswith("utf")
    except LookupError:
        return False


def shown(text: str) -> str:
    """`text` as a terminal may show it: its control characters as escapes (`\\x1b`)."""
    return text.translate(_SHOWN)


def _json(value: Any, indent: int | None, ascii_only: bool) -> str:
    separators = None if indent else (",", ":")
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only, separators=separators)
    return text.translate(_JSON_ESCAPED)  # only a string's characters can be these


def write_object(
    value: Any, fmt: str, out: IO[str], err: IO[str], leading: Sequence[str] = ()
) -> None:
    """`value` in the format `fmt`; `leading`, the fields a table of the rows it holds (if it
    holds a list, as `me orgs` does) shows first: the spec's `x-projekt-columns`."""
    data, ascii_only = plain(value), not speaks_unicode(out)
    erase_status(err)
    if fmt == "table" and isinstance(data, dict):
        _object_table(data, out, err, leading)
    elif fmt == "yaml":
        out.write(yaml_of(data, ascii_only))
    else:  # a table of what has no fields (`projekt api`'s answer may be `42`) is its JSON
        out.write(_json(data, None if fmt == "jsonl" else 2, ascii_only) + "\n")


def items(pages: Iterable[list[Any]], max_items: int | None, progress: Progress) -> Iterator[Any]:
    """Every item across the pages (at most `max_items`), fetching no page more than needed."""
    count = 0
    if max_items == 0:
        return
    for page in pages:
        for item in page:
            yield plain(item)
            count += 1
            if count == max_items:
                return
        if getattr(page, "next_cursor", None):  # another page is fetched next
            progress.update(count)


def write_list(
    pages: Iterable[list[Any]],
    fmt: str,
    max_items: int | None,
    out: IO[str],
    err: IO[str],
    leading: Sequence[str] = (),
    empty: str = "No items.",
) -> None:
    """The items of `pages` in the format `fmt`; a table of none says `empty` on `err`."""
    progress = Progress(err, redrawable(err) and (fmt == "table" or not out.isatty()))
    ascii_only = not speaks_unicode(out)
    try:
        rows = items(pages, max_items, progress)
        if fmt == "table":
            collected = list(rows)
            erase_status(err)
            if not all(isinstance(row, dict) for row in collected):  # rows with no fields
                out.writelines(_json(row, None, ascii_only) + "\n" for row in collected)
            elif collected:
                _table(collected, out, err, leading)
            else:  # an empty table is a blank line, read as a hang or a lost answer
                err.write(f"{empty}\n")
        elif fmt == "yaml":
            _stream(rows, out, err, lambda row: yaml_of([row], ascii_only), _MARKS[fmt])
        else:
            line = "\n" if fmt == "jsonl" else ""  # a JSON Lines row ends its line at once
            _stream(rows, out, err, lambda row: _json(row, None, ascii_only) + line, _MARKS[fmt])
    finally:
        erase_status(err)


# How a streamed list is written: its start, between rows, its end, and an empty list whole.
_MARKS = {
    "json": ("[\n", ",\n", "\n]\n", "[]\n"),
    "jsonl": ("", "", "", ""),
    "yaml": ("", "", "", "[]\n"),
}


def _stream(
    rows: Iterator[Any],
    out: IO[str],
    err: IO[str],
    show: Callable[[Any], str],
    marks: tuple[str, ...],
) -> None:
    """Writes each row as it comes: `start`, rows joined by `between`, `end` (or `empty`)."""
    start, between, end, empty = marks
    first, to_terminal = True, out.isatty()
    try:
        for row in rows:
            if to_terminal:  # the status line may share it
                erase_status(err)
            text = (start if first else between) + show(row)
            out.write(text)
            out.flush()  # a reader of the pipe gets each row as soon as it is fetched
            if to_terminal:  # a JSON row waits for its comma: that line is not the status's
                hold_status(err, not text.endswith("\n"))
            first = False
    finally:
        hold_status(err, False)
    out.write(empty if first else end)
    out.flush()


def _cell(value: Any, one_line: bool = False) -> str:
    """A value as a table shows it: as text, given to rich as `Text`, which reads no markup
    (a title "Fix [bold]login[/bold]" lost its brackets, and "[/]" raised) and no emoji codes,
    its control characters shown; `one_line`, its line breaks as spaces."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return _json(value, None, ascii_only=False)
    return shown(_LINE_BREAKS.sub(" ", str(value)) if one_line else str(value))


def _fitting(
    natural: list[int], widths: list[int], cuttable: list[bool], room: int
) -> list[tuple[int, int]]:
    """The columns shown and their widths: the first always, then each that fits in `room`.
    A column of text that does not fit is cut to what is left, if that leaves a readable
    cell; any other (ids, dates, enum values) is left out whole rather than cut. Room that no
    further column could take goes back to the text cut shorter than it is."""
    shown, used = [(0, widths[0])], widths[0] + GAP  # each column is padded on its right
    for n, width in enumerate(widths[1:], 1):
        left = room - used - GAP
        if width <= left or (cuttable[n] and left >= MIN_CELL):
            shown.append((n, min(width, left)))
            used += min(width, left) + GAP
    spare, grown = room - used - GAP, []
    for n, width in shown:
        more = max(0, min(spare, natural[n] - width))
        grown.append((n, width + more))
        spare -= more
    return grown


def _table(
    rows: list[dict[str, Any]], out: IO[str], err: IO[str], leading: Sequence[str] = ()
) -> None:
    from rich.cells import cell_len  # display width: a CJK character or an emoji takes two
    from rich.console import Console  # only a table pays for rich
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, highlight=False)
    present = {key: None for row in rows for key in row}  # in the order the rows have them
    keys = [key for key in leading if key in present]
    keys += [key for key in present if key not in keys]
    columns = [shown(key) for key in keys]
    # An item is one line: a Markdown description's line breaks would make it several.
    cells = [[_cell(row.get(key), one_line=True) for key in keys] for row in rows]
    natural = [
        max([cell_len(c), *(cell_len(line[n]) for line in cells)]) for n, c in enumerate(columns)
    ]
    # Free text (a cell with a space) may be cut, and is capped; a value to copy into the
    # next command (an id, a date, a status) never is, nor JSON, which holds such values.
    cuttable = [
        any(" " in line[n] for line in cells)
        and not any(isinstance(row.get(key), (dict, list)) for row in rows)
        for n, key in enumerate(keys)
    ]
    widths = [min(w, MAX_CELL) if cut else w for w, cut in zip(natural, cuttable, strict=True)]
    widths[:1] = natural[:1]
    visible = _fitting(natural, widths, cuttable, console.width) if columns else []
    if visible and visible[0][1] > console.width:
        # The first column, an id to copy into the next command, is never cut: the terminal
        # wraps a line too long for it, and a wrapped id still copies whole.
        console = Console(file=out, highlight=False, width=visible[0][1])
    table = Table(box=None, header_style="bold", pad_edge=False, padding=(0, GAP, 0, 0))
    for n, width in visible:
        table.add_column(Text(columns[n]), no_wrap=True, overflow="ellipsis", width=width)
    for line in cells:
        table.add_row(*(Text(line[n]) for n, _ in visible))
    console.print(table)
    kept = {n for n, _ in visible}
    hidden = [column for n, column in enumerate(columns) if n not in kept]
    if hidden:
        err.write(f"(not shown at this width: {', '.join(hidden)}; -o json shows all)\n")


def _object_table(data: dict[str, Any], out: IO[str], err: IO[str], leading: Sequence[str]) -> None:
    """An object's fields, a row each; an object around one list of objects (`me orgs`), that
    list as a list's table, then its other fields."""
    lists = [key for key, value in data.items() if _is_rows(value)]
    if len(lists) == 1:
        rows = data[lists[0]]
        _table(rows, out, err, leading)
        data = {key: value for key, value in data.items() if key != lists[0]}
        if not data:
            return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, GAP, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for key, value in data.items():
        table.add_row(Text(shown(key)), Text(_cell(value)))
    Console(file=out, highlight=False).print(table)


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
