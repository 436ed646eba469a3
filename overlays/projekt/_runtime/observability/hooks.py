"""The SDK's own observers (tracing, metrics, deprecation notices, logging) never fail a call.

OpenTelemetry's rule for instrumentation is that it never throws into the application:
an exporter's hiccup must not turn a call that succeeded into an exception (a write
would then look failed, and be sent again). Each hook the SDK runs goes through here;
one that raises is reported once per kind, at WARNING on the `projekt` logger, and the
call goes on with its real result.

A warning the application turned into an error (`-W error`) is not a failure of ours:
it is raised as the application asked.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from types import TracebackType
from typing import Any, Literal, ParamSpec, TypeVar

from projekt._runtime.observability.log import logger

__all__ = ["Guarded", "failed", "guarded", "log_debug"]

P = ParamSpec("P")
R = TypeVar("R")

# Kinds already reported. No lock: setdefault is atomic, so of threads failing at once one
# reports; and a process forked while another thread held a lock would never get it back.
_reported: dict[str, object] = {}


def failed(kind: str, error: Exception) -> None:
    """Reports a hook's failure, the first time a hook of this kind fails in this process."""
    if isinstance(error, Warning):
        raise error
    mine = object()  # not the error: kept, it would keep its traceback's frames alive
    if _reported.setdefault(kind, mine) is not mine:
        return
    # Logging is one of the hooks: it cannot report its own failure.
    with contextlib.suppress(Exception):
        logger.warning(
            "The SDK's %s failed (%s: %s); the call went on without it. "
            "Further failures of the %s are not reported.",
            kind,
            type(error).__name__,
            str(error),  # a handler keeps its records' arguments: not the frames
            kind,
        )


def log_debug(message: str, *args: object) -> None:
    """A DEBUG record on the `projekt` logger, which a filter the application added may fail."""
    try:
        logger.debug(message, *args, stacklevel=2)
    except Exception as error:
        failed("debug logging", error)


def guarded(kind: str) -> Callable[[Callable[P, R]], Callable[P, R | None]]:
    """A hook that returns None, instead of raising, when it fails."""

    def wrap(hook: Callable[P, R]) -> Callable[P, R | None]:
        @functools.wraps(hook)
        def run(*args: P.args, **kwargs: P.kwargs) -> R | None:
            try:
                return hook(*args, **kwargs)
            except Exception as error:
                failed(kind, error)
                return None

        return run

    return wrap


class Guarded:
    """A context manager (a span) whose entering and leaving cannot raise into the call.

    The call's own exception still propagates: only the hook's are caught.
    """

    __slots__ = ("_entered", "_inner", "_kind")

    def __init__(self, kind: str, inner: Any) -> None:
        self._kind, self._inner, self._entered = kind, inner, False

    def __enter__(self) -> Guarded:
        try:
            self._inner.__enter__()
            self._entered = True
        except Exception as error:
            failed(self._kind, error)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> Literal[False]:
        if self._entered:
            try:
                self._inner.__exit__(kind, error, traceback)
            except Exception as hook_error:
                if hook_error is not error:
                    failed(self._kind, hook_error)
        return False
