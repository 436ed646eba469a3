"""schemathesis hooks for the contract test (SCHEMATHESIS_HOOKS names this module).

An Idempotency-Key is state: the same key with a different request is a 422, as the
spec documents. schemathesis draws keys from the schema and reuses them across
requests, which a real client never does, so each schema-valid key it draws is
replaced by a fresh one of the same form (quoted or bare). Malformed keys are
left alone, so the 400 for them is still tested.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import schemathesis

from projekt_sandbox.openapi import load
from tests.helpers import ROOT

_KEY = load(ROOT / "openapi.yaml")["components"]["parameters"]["IdempotencyKey"]
_VALID = re.compile(_KEY["schema"]["pattern"])


@schemathesis.hook
def before_call(ctx: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Runs for every request of every phase (examples, coverage, fuzzing, stateful).

    Only positive cases are changed: a negative one (a header left out, say) is
    refused before its key is looked at, and changing it would make schemathesis
    re-derive what the case tests.
    """
    if case.meta is not None and not case.meta.generation.mode.is_positive:
        return
    key = (case.headers or {}).get(_KEY["name"])
    if isinstance(key, str) and _VALID.fullmatch(key):
        fresh = uuid.uuid4().hex
        case.headers[_KEY["name"]] = f'"{fresh}"' if key.startswith('"') else fresh
