# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: cdebd6db5afd9c422cd75af8b8cdb1a0ebc540fa1055f2bfe34e29c9c6b715d1
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
