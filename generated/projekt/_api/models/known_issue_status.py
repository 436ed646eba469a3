# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 64c8e52748854b3f8cdb5d5eeb17bbe1edd98e1848b62294ae514f4d75ae4372
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
