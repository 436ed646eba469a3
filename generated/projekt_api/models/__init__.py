# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: dcc00c836a0129a3801288c213abc155e34cf503c37bd60098f230f9cc4ddb8e
"""Contains all the data models used in inputs/outputs"""

from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .comment import Comment
from .comment_create import CommentCreate
from .error import Error
from .error_body import ErrorBody
from .error_detail import ErrorDetail
from .issue import Issue
from .issue_create import IssueCreate
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

__all__ = (
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "Comment",
    "CommentCreate",
    "Error",
    "ErrorBody",
    "ErrorDetail",
    "Issue",
    "IssueCreate",
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
