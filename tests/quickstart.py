"""The quickstart's JSON bodies, read from a verbatim copy of the seed file.

`tests/quickstart.txt` is `shared/seed/quickstart.txt` byte for byte (a test
checks it wherever the seed is beside the repository). The bodies are parsed out
of it, never retyped, so a test of "what the quickstart shows" tests exactly that.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

COPY = Path(__file__).with_name("quickstart.txt")
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "quickstart.txt"
ELLIPSIS = "…"


def _bodies(text: str) -> tuple[list[Any], Any]:
    """(the response bodies in order, the request body of the create)."""
    decoder = json.JSONDecoder()
    responses, end = [], 0
    # A response body is a JSON value whose first line is a bare "{" or "[".
    for match in re.finditer(r"^[{\[]\s*$", text, flags=re.MULTILINE):
        if match.start() >= end:
            body, end = decoder.raw_decode(text, match.start())
            responses.append(body)
    request_start = text.index("-d '") + len("-d '")
    return responses, decoder.raw_decode(text, request_start)[0]


_RESPONSES, NEW_ISSUE = _bodies(COPY.read_text(encoding="utf-8"))
ME, ORGS, ISSUES, CREATED = _RESPONSES


def with_ids(value: Any) -> Any:
    """The body with each elided id ("ad8c…", "…", "<PROJECT_ID>") made a UUID that
    keeps what is shown. The quickstart elides ids and nothing else; every other
    value stays as it is."""
    if isinstance(value, dict):
        return {key: with_ids(item) for key, item in value.items()}
    if isinstance(value, list):
        return [with_ids(item) for item in value]
    if isinstance(value, str) and value.startswith("<") and value.endswith(">"):
        value = ELLIPSIS  # a placeholder such as "<PROJECT_ID>"
    if isinstance(value, str) and value.endswith(ELLIPSIS):
        digits = (value[: -len(ELLIPSIS)] + "0" * 32)[:32]
        return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"
    return value
