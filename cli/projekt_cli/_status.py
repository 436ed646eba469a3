"""The status line: one line of a terminal's stderr that shows how a command is getting on
(`120 items fetched…`, `waiting 42 s for the rate limit…`), redrawn in place, and erased
before the command writes anything else, which may go to the same terminal."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from typing import IO

__all__ = ["Progress", "draw_status", "erase_status", "hold_status", "redrawable", "waits_shown"]


def redrawable(err: IO[str]) -> bool:
    """Whether a line on `err` can be redrawn in place: a terminal, but not one that says it
    obeys no escape sequence (TERM=dumb: Emacs' shell, some CI logs), where ESC [2K shows;
    and not while the SDK logs there itself (PROJEKT_LOG=debug), whose lines would follow the
    status line's text."""
    handlers = logging.getLogger(LOGGER_NAME).handlers
    sdk_logs = any(not isinstance(handler, WaitShown) for handler in handlers)
    return err.isatty() and os.environ.get("TERM") != "dumb" and not sdk_logs


_DRAWN: set[int] = set()  # the id() of each stderr a status line is drawn on now
_HELD: set[int] = set()  # ... and of each whose terminal has output on its last line


def draw_status(err: IO[str], text: str) -> None:
    """`text` on the status line of `err`, a terminal, in place of what it showed."""
    if id(err) in _HELD:
        return
    err.write(f"\r\x1b[2K{text}")
    err.flush()
    _DRAWN.add(id(err))


def erase_status(err: IO[str]) -> None:
    """Erases the status line, if one is drawn, so that what comes next (output on the same
    terminal, an error) starts on a clean line rather than after "waiting 3 s…"."""
    if id(err) in _DRAWN:
        _DRAWN.discard(id(err))
        err.write("\r\x1b[2K")
        err.flush()


def hold_status(err: IO[str], held: bool) -> None:
    """While output to the same terminal stops mid-line, no status line is drawn: it would
    be drawn over that line."""
    if held:
        _HELD.add(id(err))
    else:
        _HELD.discard(id(err))


class Progress:
    """`N items fetched…` on stderr while the next page is fetched, when stderr is a terminal."""

    def __init__(self, err: IO[str], shown: bool) -> None:
        self.err, self.shown = err, shown

    def update(self, count: int) -> None:
        if self.shown:
            draw_status(self.err, f"{count:,} item{'' if count == 1 else 's'} fetched…")


LOGGER_NAME = "projekt"  # the SDK's logger, as its docs name it


class WaitShown(logging.Handler):
    """`waiting 42 s for the rate limit…` on a terminal's stderr, from the SDK's INFO record of
    a long wait; erased before the output, or when the command is done."""

    def __init__(self, err: IO[str]) -> None:
        super().__init__(logging.INFO)
        self.err = err

    def emit(self, record: logging.LogRecord) -> None:
        wait = getattr(record, "projekt_wait", None)
        if wait is not None:
            seconds, kind = wait
            draw_status(self.err, f"waiting {seconds:.0f} s for {kind}…")


@contextlib.contextmanager
def waits_shown(err: IO[str]) -> Iterator[None]:
    """Shows the SDK's long waits while the command runs, when stderr is a terminal."""
    if not redrawable(err):
        yield
        return
    logger, shown = logging.getLogger(LOGGER_NAME), WaitShown(err)
    level = logger.level
    logger.addHandler(shown)
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(shown)
        logger.setLevel(level)
        erase_status(err)
