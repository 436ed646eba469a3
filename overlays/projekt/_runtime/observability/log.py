"""The `projekt` logger. `PROJEKT_LOG=debug` (or `info`) turns it on, on stderr.

The SDK logs through this one logger and no other (a test holds it to that), so
one `logging.Filter` on it redacts every record the SDK makes, before any handler
sees it, even a message that carries a token by mistake. Nothing else in the
process is touched: not the record factory, not the root logger, not `warnings`.
"""

from __future__ import annotations

import logging
import os

from projekt._runtime.observability.redaction import redact

__all__ = ["LOGGER_NAME", "RedactingFilter", "logger", "setup_logging"]

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


def setup_logging() -> None:
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())
    level = os.environ.get("PROJEKT_LOG", "").strip().upper()
    if level in ("DEBUG", "INFO") and not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(level)
