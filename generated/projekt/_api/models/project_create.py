# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="ProjectCreate")


@_attrs_define
class ProjectCreate:
    """A new project."""

    name: str
    """ A project's display name. """
    key: str
    """ A short upper-case key that prefixes issue numbers, such as `WEB`. """
    description: None | str | Unset = UNSET
    """ A long description in Markdown. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _request_id: str | None = _attrs_field(
        init=False, default=None, repr=False, eq=False
    )
    """ The request id of the answer this model came in (X-Request-Id), for support to find
    that request; None for a model you built, or one inside another. """

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        key = self.key

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "key": key,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """This model as JSON, as the API sends it (`to_dict()`); `indent=None`: one line."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, (dict, Mapping)):
            raise TypeError(
                f"ProjectCreate: expected dict, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        name = d.pop("name")

        key = d.pop("key")

        description: None | str | Unset = d.pop("description", UNSET)

        if not isinstance(name, str):
            raise TypeError(
                f"ProjectCreate.name: expected str, got {type(name).__name__}"
            )
        if not isinstance(key, str):
            raise TypeError(
                f"ProjectCreate.key: expected str, got {type(key).__name__}"
            )
        if not isinstance(description, (str, type(None))) and not isinstance(
            description, Unset
        ):
            raise TypeError(
                f"ProjectCreate.description: expected (str, None), got {type(description).__name__}"
            )
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        project_create = object.__new__(cls)
        project_create.name = name
        project_create.key = key
        project_create.description = description

        project_create.additional_properties = d
        project_create._request_id = None
        return project_create

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
