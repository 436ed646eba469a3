"""The `projekt` logger. `PROJEKT_LOG=debug` (or `info`) turns it on, on stderr.

Every record passes a filter that redacts bearer tokens and Projekt keys, so
even a message that carries one by mistake never prints it.
"""

from __future__ import annotations

import logging
import os
import re

_SECRET = re.compile(r"(pjk_[A-Za-z0-9_]+|(?i:bearer)\s+[^\s'\"]+)")


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _SECRET.sub("[redacted]", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def setup_logging() -> None:
    logger = logging.getLogger("projekt")
    logger.addFilter(RedactSecrets())
    level = os.environ.get("PROJEKT_LOG", "").strip().upper()
    if level in ("DEBUG", "INFO") and not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(level)
