# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 4bf35e9a8797efb8e0ce9d3bf9bb9ab0104e4eacc441ae0d17b373bd306fdf60
from typing import Literal

KnownIssueStatus = Literal["Backlog", "Canceled", "Done", "In Progress", "Todo"]

KNOWN_ISSUE_STATUS_VALUES: set[KnownIssueStatus] = {
    "Backlog",
    "Canceled",
    "Done",
    "In Progress",
    "Todo",
}


def check_known_issue_status(value: str) -> KnownIssueStatus:
    if value in KNOWN_ISSUE_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {KNOWN_ISSUE_STATUS_VALUES!r}"
    )
