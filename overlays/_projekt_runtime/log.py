"""The `projekt` logger. `PROJEKT_LOG=debug` (or `info`) turns it on, on stderr.

Every record of the `projekt` logger and of any logger below it (`projekt.*`)
is redacted as it is made, before any handler or filter sees it, so even a
message that carries a token by mistake never prints it, wherever it is sent.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from .redaction import redact

_ROOT = "projekt"


def _redacting(previous: Any) -> Any:
    def make_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record: logging.LogRecord = previous(*args, **kwargs)
        if record.name == _ROOT or record.name.startswith(_ROOT + "."):
            message = record.getMessage()
            redacted = redact(message)
            if redacted != message:
                record.msg, record.args = redacted, None
        return record

    make_record.projekt_redacts = True  # type: ignore[attr-defined]
    return make_record


def setup_logging() -> None:
    # A record factory, not a logger filter: filters on "projekt" do not see the
    # records of its children, which propagate straight to the handlers.
    factory = logging.getLogRecordFactory()
    if not getattr(factory, "projekt_redacts", False):
        logging.setLogRecordFactory(_redacting(factory))
    logger = logging.getLogger(_ROOT)
    level = os.environ.get("PROJEKT_LOG", "").strip().upper()
    if level in ("DEBUG", "INFO") and not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(level)
