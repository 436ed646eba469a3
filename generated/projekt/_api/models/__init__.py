# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
"""Contains all the data models used in inputs/outputs.

Each model's module is imported the first time the model is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api_key import ApiKey
    from .api_key_create import ApiKeyCreate
    from .api_key_created import ApiKeyCreated
    from .comment import Comment
    from .comment_create import CommentCreate
    from .error_body import ErrorBody
    from .error_detail import ErrorDetail
    from .error_envelope import ErrorEnvelope
    from .issue import Issue
    from .issue_create import IssueCreate
    from .issue_summary import IssueSummary
    from .issue_update import IssueUpdate
    from .known_issue_priority import KnownIssuePriority
    from .known_issue_status import KnownIssueStatus
    from .known_role import KnownRole
    from .my_orgs import MyOrgs
    from .org_membership import OrgMembership
    from .project import Project
    from .project_create import ProjectCreate
    from .project_ref import ProjectRef
    from .user import User

_MODULE_OF = {
    "ApiKey": ".api_key",
    "ApiKeyCreate": ".api_key_create",
    "ApiKeyCreated": ".api_key_created",
    "Comment": ".comment",
    "CommentCreate": ".comment_create",
    "ErrorBody": ".error_body",
    "ErrorDetail": ".error_detail",
    "ErrorEnvelope": ".error_envelope",
    "Issue": ".issue",
    "IssueCreate": ".issue_create",
    "IssueSummary": ".issue_summary",
    "IssueUpdate": ".issue_update",
    "KnownIssuePriority": ".known_issue_priority",
    "KnownIssueStatus": ".known_issue_status",
    "KnownRole": ".known_role",
    "MyOrgs": ".my_orgs",
    "OrgMembership": ".org_membership",
    "Project": ".project",
    "ProjectCreate": ".project_create",
    "ProjectRef": ".project_ref",
    "User": ".user",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = (
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "Comment",
    "CommentCreate",
    "ErrorBody",
    "ErrorDetail",
    "ErrorEnvelope",
    "Issue",
    "IssueCreate",
    "IssueSummary",
    "IssueUpdate",
    "KnownIssuePriority",
    "KnownIssueStatus",
    "KnownRole",
    "MyOrgs",
    "OrgMembership",
    "Project",
    "ProjectCreate",
    "ProjectRef",
    "User",
)
