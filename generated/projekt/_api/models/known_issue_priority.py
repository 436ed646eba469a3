# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: da4c2da4234849fe0753c1018aa625e4ec2c76d9f5f52af57aa5775387dc573d
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
