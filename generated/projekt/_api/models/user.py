# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
from __future__ import annotations

import json
from collections.abc import Mapping
from operator import itemgetter
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

_known_fields = itemgetter("id", "email", "name", "username", "locale")

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """A Projekt user."""

    id: str
    """ A UUID in its canonical, hyphenated form. """
    email: str
    """ The user's email address. """
    name: str
    """ The user's display name. """
    username: str
    """ The user's handle. """
    locale: str
    """ The user's preferred language, as a BCP 47 tag. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _request_id: str | None = _attrs_field(
        init=False, default=None, repr=False, eq=False
    )
    """ The request id of the answer this model came in (X-Request-Id), for support to find
    that request; None for a model you built, or one inside another. """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

        name = self.name

        username = self.username

        locale = self.locale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "name": name,
                "username": username,
                "locale": locale,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """This model as JSON, as the API sends it (`to_dict()`); `indent=None`: one line."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, (dict, Mapping)):
            raise TypeError(f"User: expected dict, got {type(src_dict).__name__}")
        if len(src_dict) == 5:
            try:
                _1, _2, _3, _4, _5 = _known_fields(src_dict)
                if (
                    (type(_1) is str)
                    and (type(_2) is str)
                    and (type(_3) is str)
                    and (type(_4) is str)
                    and (type(_5) is str)
                ):
                    user = object.__new__(cls)
                    user.id = _1
                    user.email = _2
                    user.name = _3
                    user.username = _4
                    user.locale = _5
                    user.additional_properties = {}
                    user._request_id = None
                    return user
            except (KeyError, TypeError, ValueError):
                pass  # the careful path below says what is wrong, as it always has
        d = dict(src_dict)
        id = d.pop("id")

        email = d.pop("email")

        name = d.pop("name")

        username = d.pop("username")

        locale = d.pop("locale")

        if not isinstance(id, str):
            raise TypeError(f"User.id: expected str, got {type(id).__name__}")
        if not isinstance(email, str):
            raise TypeError(f"User.email: expected str, got {type(email).__name__}")
        if not isinstance(name, str):
            raise TypeError(f"User.name: expected str, got {type(name).__name__}")
        if not isinstance(username, str):
            raise TypeError(
                f"User.username: expected str, got {type(username).__name__}"
            )
        if not isinstance(locale, str):
            raise TypeError(f"User.locale: expected str, got {type(locale).__name__}")
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        user = object.__new__(cls)
        user.id = id
        user.email = email
        user.name = name
        user.username = username
        user.locale = locale

        user.additional_properties = d
        user._request_id = None
        return user

    def __repr__(self) -> str:
        return model_repr(self)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
