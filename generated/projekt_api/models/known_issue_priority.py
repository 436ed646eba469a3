# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 8eb3ccf7a947c580db3bff5bac7aad9f63648e56a8c5bce4b7a80c70a820c50d
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
