# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: d6e08e405bdbf7dc0cadcc0c5710bfd31ab88431f6ceed4c78b29e2350204b9e
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
