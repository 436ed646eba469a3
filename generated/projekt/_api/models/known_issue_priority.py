# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 64c8e52748854b3f8cdb5d5eeb17bbe1edd98e1848b62294ae514f4d75ae4372
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
