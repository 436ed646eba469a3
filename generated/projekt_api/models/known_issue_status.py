# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 0ff5d90a6d16ad75310a9de41ce97f9d96a9af8652f20c64f171a6745e80b4af
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
