# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: a03754677f9b4b1d71d723156e231a2fccd15e23eadcf202c5ca40530eeb4db3
from __future__ import annotations

import datetime
from collections.abc import Mapping
from operator import itemgetter
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_issue_priority import KnownIssuePriority
from ..models.known_issue_status import KnownIssueStatus

_known_fields = itemgetter(
    "id",
    "project_id",
    "title",
    "description",
    "status",
    "priority",
    "assignee_id",
    "created_at",
    "updated_at",
)
fromisoformat = datetime.datetime.fromisoformat

T = TypeVar("T", bound="Issue")


@_attrs_define
class Issue:
    """An issue, with every field. `getIssue`, `createIssue` and `updateIssue` return it;
    `description` and `assignee_id` are null when empty.

    """

    id: str
    """ A UUID in its canonical, hyphenated form. """
    project_id: str
    """ A UUID in its canonical, hyphenated form. """
    title: str
    """ A one-line summary of an issue. """
    description: None | str
    """ A long description in Markdown. """
    status: KnownIssueStatus | str
    """ Where an issue is in its workflow. Known values: `Backlog`, `Todo`,
    `In Progress`, `Done`, `Canceled`. Organizations and later API versions may
    add values; accept any string.
     """
    priority: KnownIssuePriority | str
    """ How urgent an issue is. Known values: `urgent`, `high`, `medium`, `low`,
    `none`. Later API versions may add values; accept any string.
     """
    assignee_id: None | str
    """ A UUID, or null. """
    created_at: datetime.datetime
    """ An RFC 3339 timestamp in UTC. """
    updated_at: datetime.datetime
    """ An RFC 3339 timestamp in UTC. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        project_id = self.project_id

        title = self.title

        description: None | str
        description = self.description

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        priority: str
        if isinstance(self.priority, str):
            priority = self.priority
        else:
            priority = self.priority

        assignee_id: None | str
        assignee_id = self.assignee_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "title": title,
                "description": description,
                "status": status,
                "priority": priority,
                "assignee_id": assignee_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if len(src_dict) == 9:
            try:
                _1, _2, _3, _4, _5, _6, _7, _8, _9 = _known_fields(src_dict)
                if (
                    (type(_1) is str)
                    and (type(_2) is str)
                    and (type(_3) is str)
                    and (_4 is None or type(_4) is str)
                    and (type(_5) is str)
                    and (type(_6) is str)
                    and (_7 is None or type(_7) is str)
                    and (type(_8) is str)
                    and (type(_9) is str)
                ):
                    issue = object.__new__(cls)
                    issue.id = _1
                    issue.project_id = _2
                    issue.title = _3
                    issue.description = _4
                    issue.status = _5
                    issue.priority = _6
                    issue.assignee_id = _7
                    issue.created_at = fromisoformat(_8)
                    issue.updated_at = fromisoformat(_9)
                    issue.additional_properties = {}
                    return issue
            except (KeyError, TypeError, ValueError):
                pass  # the careful path below says what is wrong, as it always has
        d = dict(src_dict)
        id = d.pop("id")

        project_id = d.pop("project_id")

        title = d.pop("title")

        description: None | str = d.pop("description")

        status: KnownIssueStatus | str = d.pop("status")

        priority: KnownIssuePriority | str = d.pop("priority")

        assignee_id: None | str = d.pop("assignee_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        if not isinstance(id, str):
            raise TypeError(f"Issue.id: expected str, got {type(id).__name__}")
        if not isinstance(project_id, str):
            raise TypeError(
                f"Issue.project_id: expected str, got {type(project_id).__name__}"
            )
        if not isinstance(title, str):
            raise TypeError(f"Issue.title: expected str, got {type(title).__name__}")
        if not isinstance(description, (str, type(None))):
            raise TypeError(
                f"Issue.description: expected (str, None), got {type(description).__name__}"
            )
        if not isinstance(status, str):
            raise TypeError(f"Issue.status: expected str, got {type(status).__name__}")
        if not isinstance(priority, str):
            raise TypeError(
                f"Issue.priority: expected str, got {type(priority).__name__}"
            )
        if not isinstance(assignee_id, (str, type(None))):
            raise TypeError(
                f"Issue.assignee_id: expected (str, None), got {type(assignee_id).__name__}"
            )
        if not isinstance(created_at, datetime.datetime):
            raise TypeError(
                f"Issue.created_at: expected datetime.datetime, got {type(created_at).__name__}"
            )
        if not isinstance(updated_at, datetime.datetime):
            raise TypeError(
                f"Issue.updated_at: expected datetime.datetime, got {type(updated_at).__name__}"
            )
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        issue = object.__new__(cls)
        issue.id = id
        issue.project_id = project_id
        issue.title = title
        issue.description = description
        issue.status = status
        issue.priority = priority
        issue.assignee_id = assignee_id
        issue.created_at = created_at
        issue.updated_at = updated_at

        issue.additional_properties = d
        return issue

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
