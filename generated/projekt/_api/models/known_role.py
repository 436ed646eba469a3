# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 4bf35e9a8797efb8e0ce9d3bf9bb9ab0104e4eacc441ae0d17b373bd306fdf60
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
