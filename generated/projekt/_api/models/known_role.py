# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 64c8e52748854b3f8cdb5d5eeb17bbe1edd98e1848b62294ae514f4d75ae4372
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
