# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: f7248dfbc0e4f88dea80329181c8c8f66f8d6ae5bf58f0103c89cddc54c640ec
from typing import Literal

KnownIssuePriority = Literal["high", "low", "medium", "none", "urgent"]

KNOWN_ISSUE_PRIORITY_VALUES: set[KnownIssuePriority] = {
    "high",
    "low",
    "medium",
    "none",
    "urgent",
}


def check_known_issue_priority(value: str) -> KnownIssuePriority:
    if value in KNOWN_ISSUE_PRIORITY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {KNOWN_ISSUE_PRIORITY_VALUES!r}"
    )
