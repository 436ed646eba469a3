# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
from __future__ import annotations

import json
from collections.abc import Mapping
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_role import KnownRole
from ..types import model_repr

if TYPE_CHECKING:
    from ..models.project_ref import ProjectRef


_known_fields = itemgetter(
    "employee_id", "org_id", "org_name", "org_slug", "role", "projects"
)

T = TypeVar("T", bound="OrgMembership")


@_attrs_define
class OrgMembership:
    """The current user's membership of one organization."""

    employee_id: str
    """ A UUID in its canonical, hyphenated form. """
    org_id: str
    """ A UUID in its canonical, hyphenated form. """
    org_name: str
    """ The organization's display name. """
    org_slug: str
    """ The organization's URL name. """
    role: KnownRole | str
    """ A member's role in an organization: `owner`, `admin`, `manager` (these
    three can mint API keys), `member` or `guest`, the roles known when this
    version of the API was published. Other values may be added later: the
    enumeration is open (`x-speakeasy-unknown-values: allow`), so accept any
    string and treat an unknown role as the least privileged.
     """
    projects: list[ProjectRef]
    """ The organization's projects that the user can see. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _request_id: str | None = _attrs_field(
        init=False, default=None, repr=False, eq=False
    )
    """ The request id of the answer this model came in (X-Request-Id), for support to find
    that request; None for a model you built, or one inside another. """

    def to_dict(self) -> dict[str, Any]:
        employee_id = self.employee_id

        org_id = self.org_id

        org_name = self.org_name

        org_slug = self.org_slug

        role: str
        if isinstance(self.role, str):
            role = self.role
        else:
            role = self.role

        projects = []
        for projects_item_data in self.projects:
            projects_item = projects_item_data.to_dict()
            projects.append(projects_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "employee_id": employee_id,
                "org_id": org_id,
                "org_name": org_name,
                "org_slug": org_slug,
                "role": role,
                "projects": projects,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """This model as JSON, as the API sends it (`to_dict()`); `indent=None`: one line."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.project_ref import ProjectRef

        if not isinstance(src_dict, (dict, Mapping)):
            raise TypeError(
                f"OrgMembership: expected dict, got {type(src_dict).__name__}"
            )
        if len(src_dict) == 6:
            try:
                _1, _2, _3, _4, _5, _6 = _known_fields(src_dict)
                if (
                    (type(_1) is str)
                    and (type(_2) is str)
                    and (type(_3) is str)
                    and (type(_4) is str)
                    and (type(_5) is str)
                    and (type(_6) is list)
                ):
                    org_membership = object.__new__(cls)
                    org_membership.employee_id = _1
                    org_membership.org_id = _2
                    org_membership.org_name = _3
                    org_membership.org_slug = _4
                    org_membership.role = _5
                    org_membership.projects = [ProjectRef.from_dict(_6) for _6 in _6]
                    org_membership.additional_properties = {}
                    org_membership._request_id = None
                    return org_membership
            except (KeyError, TypeError, ValueError):
                pass  # the careful path below says what is wrong, as it always has
        d = dict(src_dict)
        employee_id = d.pop("employee_id")

        org_id = d.pop("org_id")

        org_name = d.pop("org_name")

        org_slug = d.pop("org_slug")

        role: KnownRole | str = d.pop("role")

        projects = []
        _projects = d.pop("projects")
        if not isinstance(_projects, list):
            raise TypeError(
                f"OrgMembership.projects: expected list, got {type(_projects).__name__}"
            )
        for projects_item_data in _projects:
            projects_item = ProjectRef.from_dict(projects_item_data)

            projects.append(projects_item)

        if not isinstance(employee_id, str):
            raise TypeError(
                f"OrgMembership.employee_id: expected str, got {type(employee_id).__name__}"
            )
        if not isinstance(org_id, str):
            raise TypeError(
                f"OrgMembership.org_id: expected str, got {type(org_id).__name__}"
            )
        if not isinstance(org_name, str):
            raise TypeError(
                f"OrgMembership.org_name: expected str, got {type(org_name).__name__}"
            )
        if not isinstance(org_slug, str):
            raise TypeError(
                f"OrgMembership.org_slug: expected str, got {type(org_slug).__name__}"
            )
        if not isinstance(role, str):
            raise TypeError(
                f"OrgMembership.role: expected str, got {type(role).__name__}"
            )
        if not isinstance(projects, list):
            raise TypeError(
                f"OrgMembership.projects: expected list, got {type(projects).__name__}"
            )
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        org_membership = object.__new__(cls)
        org_membership.employee_id = employee_id
        org_membership.org_id = org_id
        org_membership.org_name = org_name
        org_membership.org_slug = org_slug
        org_membership.role = role
        org_membership.projects = projects

        org_membership.additional_properties = d
        org_membership._request_id = None
        return org_membership

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
