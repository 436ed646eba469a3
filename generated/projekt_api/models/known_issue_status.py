# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 615c41d7c5271eb3f958149cc8ba3dd79d93663f85fa8cc47fa2b4e3041abe07
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
