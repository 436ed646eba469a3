# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_issue_priority import KnownIssuePriority
from ..models.known_issue_status import KnownIssueStatus
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="IssueCreate")


@_attrs_define
class IssueCreate:
    """A new issue."""

    project_id: str
    """ A UUID in its canonical, hyphenated form. """
    title: str
    """ A one-line summary of an issue. """
    status: KnownIssueStatus | str | Unset = UNSET
    """ Where an issue is in its workflow: `Backlog`, `Todo`, `In Progress`,
    `Done` or `Canceled`, the statuses known when this version of the API was
    published. The enumeration is open (`x-speakeasy-unknown-values: allow`):
    organizations and later API versions may add statuses, which the API
    accepts and returns, so accept any string.
     """
    priority: KnownIssuePriority | str | Unset = UNSET
    """ How urgent an issue is: `urgent`, `high`, `medium`, `low` or `none`, the
    priorities known when this version of the API was published. The
    enumeration is open (`x-speakeasy-unknown-values: allow`): later API
    versions may add values, so accept any string.
     """
    description: None | str | Unset = UNSET
    """ A long description in Markdown. """
    assignee_id: None | str | Unset = UNSET
    """ A UUID, or null. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _request_id: str | None = _attrs_field(
        init=False, default=None, repr=False, eq=False
    )
    """ The request id of the answer this model came in (X-Request-Id), for support to find
    that request; None for a model you built, or one inside another. """

    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        title = self.title

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        priority: str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        elif isinstance(self.priority, str):
            priority = self.priority
        else:
            priority = self.priority

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        assignee_id: None | str | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        else:
            assignee_id = self.assignee_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "title": title,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if priority is not UNSET:
            field_dict["priority"] = priority
        if description is not UNSET:
            field_dict["description"] = description
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """This model as JSON, as the API sends it (`to_dict()`); `indent=None`: one line."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, (dict, Mapping)):
            raise TypeError(
                f"IssueCreate: expected dict, got {type(src_dict).__name__}"
            )
        d = dict(src_dict)
        project_id = d.pop("project_id")

        title = d.pop("title")

        status: KnownIssueStatus | str | Unset = d.pop("status", UNSET)

        priority: KnownIssuePriority | str | Unset = d.pop("priority", UNSET)

        description: None | str | Unset = d.pop("description", UNSET)

        assignee_id: None | str | Unset = d.pop("assignee_id", UNSET)

        if not isinstance(project_id, str):
            raise TypeError(
                f"IssueCreate.project_id: expected str, got {type(project_id).__name__}"
            )
        if not isinstance(title, str):
            raise TypeError(
                f"IssueCreate.title: expected str, got {type(title).__name__}"
            )
        if not isinstance(status, str) and not isinstance(status, Unset):
            raise TypeError(
                f"IssueCreate.status: expected str, got {type(status).__name__}"
            )
        if not isinstance(priority, str) and not isinstance(priority, Unset):
            raise TypeError(
                f"IssueCreate.priority: expected str, got {type(priority).__name__}"
            )
        if not isinstance(description, (str, type(None))) and not isinstance(
            description, Unset
        ):
            raise TypeError(
                f"IssueCreate.description: expected (str, None), got {type(description).__name__}"
            )
        if not isinstance(assignee_id, (str, type(None))) and not isinstance(
            assignee_id, Unset
        ):
            raise TypeError(
                f"IssueCreate.assignee_id: expected (str, None), got {type(assignee_id).__name__}"
            )
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        issue_create = object.__new__(cls)
        issue_create.project_id = project_id
        issue_create.title = title
        issue_create.status = status
        issue_create.priority = priority
        issue_create.description = description
        issue_create.assignee_id = assignee_id

        issue_create.additional_properties = d
        issue_create._request_id = None
        return issue_create

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
