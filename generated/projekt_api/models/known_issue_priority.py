# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 615c41d7c5271eb3f958149cc8ba3dd79d93663f85fa8cc47fa2b4e3041abe07
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
