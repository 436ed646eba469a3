"""The `projekt` logger. `PROJEKT_LOG=debug` (or `info`) turns it on, on stderr, or, where
the application logs through handlers of its own (`logging.basicConfig()`), through them.

The SDK logs through this one logger and no other (a test holds it to that), so
one `logging.Filter` on it redacts every record the SDK makes, before any handler
sees it, even a message that carries a token by mistake. Nothing else in the
process is touched: not the record factory, not the root logger, not `warnings`.
"""

from __future__ import annotations

import logging
import os
from typing import TextIO

from projekt._runtime.observability.redaction import redact

__all__ = ["LOGGER_NAME", "RedactingFilter", "StderrUnlessHandled", "logger", "setup_logging"]

LOGGER_NAME = "projekt"
logger = logging.getLogger(LOGGER_NAME)


class RedactingFilter(logging.Filter):
    """Masks tokens in a record's message; drops nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class StderrUnlessHandled(logging.StreamHandler[TextIO]):
    """stderr, for a program that logs nowhere else. A record that reaches the application's
    own handlers, up the logger's chain, is theirs alone: written once, in their format,
    where this handler would write it a second time. Asked as each record comes, since an
    application configures its logging after its imports."""

    def handle(self, record: logging.LogRecord) -> bool:
        reached: logging.Logger | None = logger
        while reached is not None and reached.propagate:
            reached = reached.parent
            if reached is not None and reached.handlers:
                return False
        return super().handle(record)


def setup_logging() -> None:
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())
    level = os.environ.get("PROJEKT_LOG", "").strip().upper()
    if level in ("DEBUG", "INFO") and not logger.handlers:
        handler = StderrUnlessHandled()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(level)
