# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: f7248dfbc0e4f88dea80329181c8c8f66f8d6ae5bf58f0103c89cddc54c640ec
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
