"""The version gate (scripts/surface.py, run by make lint) reads what users' code touches:
a change to it that the SDK's version does not announce fails, naming the change."""

from __future__ import annotations

import copy
import sys

import projekt
from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from surface import changes, collect


def test_an_exceptions_attributes_are_surface_a_handler_relies_on() -> None:
    """`except projekt.RateLimitError as error: error.retry_after`: an attribute dropped from an
    exception breaks that handler, as a removed method breaks its call. The gate did not read
    them, and let `idempotency_key`, new on every APIError in 0.31.0, pass as a patch."""
    now = collect()
    assert "idempotency_key" in now["errors"]["RateLimitError"]
    assert "retry_after" in now["errors"]["RateLimitError"]
    assert set(now["errors"]) == {
        name
        for name in projekt.__all__
        if isinstance(getattr(projekt, name), type)
        and issubclass(getattr(projekt, name), BaseException)
    }
    before = copy.deepcopy(now)
    before["errors"]["RateLimitError"].remove("idempotency_key")
    assert changes(before, now) == ([], ["added attribute of RateLimitError: idempotency_key"])
    assert changes(now, before) == (["removed attribute of RateLimitError: idempotency_key"], [])
