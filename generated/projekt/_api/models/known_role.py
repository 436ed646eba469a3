# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: da4c2da4234849fe0753c1018aa625e4ec2c76d9f5f52af57aa5775387dc573d
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
