# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: f7248dfbc0e4f88dea80329181c8c8f66f8d6ae5bf58f0103c89cddc54c640ec
from typing import Literal

KnownRole = Literal["admin", "guest", "manager", "member", "owner"]

KNOWN_ROLE_VALUES: set[KnownRole] = {
    "admin",
    "guest",
    "manager",
    "member",
    "owner",
}


def check_known_role(value: str) -> KnownRole:
    if value in KNOWN_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {KNOWN_ROLE_VALUES!r}"
    )
