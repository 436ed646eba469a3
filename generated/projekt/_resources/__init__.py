# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
"""The facade: the typed SDK surface, one resource class per tag, one method per operation.

Emitted from openapi.yaml by scripts/generate.py with this template
(overlays/templates/resources.py.jinja). It is layer 2 of the SDK: the public
client (`projekt`) builds on it, and it calls down into the hand-written
runtime (`projekt._runtime`) and the generated low-level client (`projekt._api`).
Each method only names its operation and passes its arguments on; the
behaviour lives in the runtime (projekt._runtime.calls.pipeline).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

from httpx import Timeout
from projekt._runtime.calls.arguments import Body, Headers, PerCall, Query, build_body
from projekt._runtime.calls.namespaces import Namespace
from projekt._runtime.calls.operation import Operation, RawResponse
from projekt._runtime.calls.pagination import AsyncPaginator, RawPage, SyncPaginator
from projekt._runtime.calls.pipeline import AsyncAPIClient, SyncAPIClient
from projekt._runtime.calls.undocumented import AsyncUndocumented, SyncUndocumented
from projekt._runtime.observability.deprecation import warn_deprecated

from projekt._api.types import NOT_GIVEN, NotGiven

# Models are needed at run time only by the calls that send a body (imported there);
# the endpoint modules are imported by each Operation on its first call.
if TYPE_CHECKING:
    from typing import cast

    from projekt._api.models.api_key import ApiKey
    from projekt._api.models.api_key_create import ApiKeyCreate
    from projekt._api.models.api_key_created import ApiKeyCreated
    from projekt._api.models.comment import Comment
    from projekt._api.models.comment_create import CommentCreate
    from projekt._api.models.error_envelope import ErrorEnvelope
    from projekt._api.models.issue import Issue
    from projekt._api.models.issue_create import IssueCreate
    from projekt._api.models.issue_summary import IssueSummary
    from projekt._api.models.issue_update import IssueUpdate
    from projekt._api.models.known_issue_priority import (
        KnownIssuePriority,
        check_known_issue_priority,
    )
    from projekt._api.models.known_issue_status import (
        KnownIssueStatus,
        check_known_issue_status,
    )
    from projekt._api.models.my_orgs import MyOrgs
    from projekt._api.models.project import Project
    from projekt._api.models.project_create import ProjectCreate
    from projekt._api.models.user import User

_LIST_API_KEYS: Operation[list[ApiKey]] = Operation(
    "api_keys.list",
    "projekt._api.api.api_keys.list_api_keys",
    org_header="X-Org-Id",
    idempotency_header=None,
    url_template="/api-keys",
    operation_id="listApiKeys",
    returns_body=True,
    success_status=200,
    path_params=(),
)
_CREATE_API_KEY: Operation[ApiKeyCreated] = Operation(
    "api_keys.create",
    "projekt._api.api.api_keys.create_api_key",
    org_header="X-Org-Id",
    idempotency_header="Idempotency-Key",
    url_template="/api-keys",
    operation_id="createApiKey",
    returns_body=True,
    success_status=201,
    path_params=(),
)
_REVOKE_API_KEY: Operation[None] = Operation(
    "api_keys.revoke",
    "projekt._api.api.api_keys.revoke_api_key",
    org_header="X-Org-Id",
    idempotency_header="Idempotency-Key",
    url_template="/api-keys/{key_id}",
    operation_id="revokeApiKey",
    returns_body=False,
    success_status=204,
    path_params=("key_id",),
)
_LIST_COMMENTS: Operation[list[Comment]] = Operation(
    "comments.list",
    "projekt._api.api.comments.list_comments",
    org_header="X-Org-Id",
    idempotency_header=None,
    url_template="/issues/{issue_id}/comments",
    operation_id="listComments",
    returns_body=True,
    success_status=200,
    path_params=("issue_id",),
)
_CREATE_COMMENT: Operation[Comment] = Operation(
    "comments.create",
    "projekt._api.api.comments.create_comment",
    org_header="X-Org-Id",
    idempotency_header="Idempotency-Key",
    url_template="/issues/{issue_id}/comments",
    operation_id="createComment",
    returns_body=True,
    success_status=201,
    path_params=("issue_id",),
)
_LIST_ISSUES: Operation[list[IssueSummary]] = Operation(
    "issues.list",
    "projekt._api.api.issues.list_issues",
    org_header="X-Org-Id",
    idempotency_header=None,
    url_template="/issues",
    operation_id="listIssues",
    returns_body=True,
    success_status=200,
    path_params=(),
)
_CREATE_ISSUE: Operation[Issue] = Operation(
    "issues.create",
    "projekt._api.api.issues.create_issue",
    org_header="X-Org-Id",
    idempotency_header="Idempotency-Key",
    url_template="/issues",
    operation_id="createIssue",
    returns_body=True,
    success_status=201,
    path_params=(),
)
_GET_ISSUE: Operation[Issue] = Operation(
    "issues.get",
    "projekt._api.api.issues.get_issue",
    org_header="X-Org-Id",
    idempotency_header=None,
    url_template="/issues/{issue_id}",
    operation_id="getIssue",
    returns_body=True,
    success_status=200,
    path_params=("issue_id",),
)
_DELETE_ISSUE: Operation[None] = Operation(
    "issues.delete",
    "projekt._api.api.issues.delete_issue",
    org_header="X-Org-Id",
    idempotency_header="Idempotency-Key",
    url_template="/issues/{issue_id}",
    operation_id="deleteIssue",
    returns_body=False,
    success_status=204,
    path_params=("issue_id",),
)
_UPDATE_ISSUE: Operation[Issue] = Operation(
    "issues.update",
    "projekt._api.api.issues.update_issue",
    org_header="X-Org-Id",
    idempotency_header="Idempotency-Key",
    url_template="/issues/{issue_id}",
    operation_id="updateIssue",
    returns_body=True,
    success_status=200,
    path_params=("issue_id",),
)
_GET_ME: Operation[User] = Operation(
    "me.get",
    "projekt._api.api.me.get_me",
    org_header=None,
    idempotency_header=None,
    url_template="/me",
    operation_id="getMe",
    returns_body=True,
    success_status=200,
    path_params=(),
)
_LIST_MY_ORGS: Operation[MyOrgs] = Operation(
    "me.orgs",
    "projekt._api.api.me.list_my_orgs",
    org_header=None,
    idempotency_header=None,
    url_template="/me/orgs",
    operation_id="listMyOrgs",
    returns_body=True,
    success_status=200,
    path_params=(),
)
_LIST_PROJECTS: Operation[list[Project]] = Operation(
    "projects.list",
    "projekt._api.api.projects.list_projects",
    org_header="X-Org-Id",
    idempotency_header=None,
    url_template="/projects",
    operation_id="listProjects",
    returns_body=True,
    success_status=200,
    path_params=(),
)
_CREATE_PROJECT: Operation[Project] = Operation(
    "projects.create",
    "projekt._api.api.projects.create_project",
    org_header="X-Org-Id",
    idempotency_header="Idempotency-Key",
    url_template="/projects",
    operation_id="createProject",
    returns_body=True,
    success_status=201,
    path_params=(),
)
_GET_PROJECT: Operation[Project] = Operation(
    "projects.get",
    "projekt._api.api.projects.get_project",
    org_header="X-Org-Id",
    idempotency_header=None,
    url_template="/projects/{project_id}",
    operation_id="getProject",
    returns_body=True,
    success_status=200,
    path_params=("project_id",),
)

# The spec's paths: a path written out in full (client.get(f"/issues/{id}")) is traced, measured
# and warned of by the one it fits.
_URL_TEMPLATES = (
    "/api-keys",
    "/api-keys/{key_id}",
    "/issues",
    "/issues/{issue_id}",
    "/issues/{issue_id}/comments",
    "/me",
    "/me/orgs",
    "/projects",
    "/projects/{project_id}",
)


class ApiKeysResourceWithRawResponse:
    """Personal Access Tokens of an organization. Only owners, admins and managers may create or revoke them. Each method returns the RawResponse."""

    def __init__(self, resource: ApiKeysResource) -> None:
        self._client = resource._client

    def list(
        self,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawPage[ApiKey]:
        """List API keys.

        Lists the organization's API keys, newest first. Tokens are never returned here, only their public prefix.

        Roles (inferred): Any role may call this. Members and guests see only their own keys.

        `GET /api-keys`

        Args:
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded key "CI pipeline", which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawPage[ApiKey]: one page's response before parsing; `.parse()` gives that page alone, whose `next_cursor` continues the list (One page of API keys).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request_page(
            _LIST_API_KEYS,
            {
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: ApiKeyCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[ApiKeyCreated]: ...

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[ApiKeyCreated]: ...

    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        name: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[ApiKeyCreated]:
        """Create an API key.

        Mints a PAT bound to this organization and to the caller's membership. The
        plaintext `token` is in this response only: store it in a secret manager
        now.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `POST /api-keys`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            name (str): A label for the key, such as where it is used.
            body (ApiKeyCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[ApiKeyCreated]: the response before parsing; `.parse()` gives The created key, with its plaintext token shown this once.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.api_key_create import ApiKeyCreate

        return self._client._request_raw(
            _CREATE_API_KEY,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "api_keys.create",
                    ApiKeyCreate,
                    body,
                    {
                        "name": name,
                    },
                    required=("name",),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    def revoke(
        self,
        key_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[None]:
        """Revoke an API key.

        Revokes a key at once: later requests with it get 401. Revoking is permanent
        and repeating it is harmless.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403. No role may revoke the key of a higher role (owner > admin > manager).

        `DELETE /api-keys/{key_id}`

        Args:
            key_id (str): The API key's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[None]: the response before parsing; `.parse()` gives The key is revoked.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request_raw(
            _REVOKE_API_KEY,
            {
                "key_id": key_id,
                "idempotency_key": idempotency_key,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class CommentsResourceWithRawResponse:
    """Comments on an issue. Each method returns the RawResponse."""

    def __init__(self, resource: CommentsResource) -> None:
        self._client = resource._client

    def list(
        self,
        issue_id: str,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawPage[Comment]:
        """List the comments on an issue.

        Lists an issue's comments, oldest first, one page at a time.

        Roles (inferred): Any role may call this.

        `GET /issues/{issue_id}/comments`

        Args:
            issue_id (str): The issue's id.
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded comment on "Fix login bug", which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawPage[Comment]: one page's response before parsing; `.parse()` gives that page alone, whose `next_cursor` continues the list (One page of comments).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request_page(
            _LIST_COMMENTS,
            {
                "issue_id": issue_id,
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: CommentCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Comment]: ...

    @overload
    def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Comment]: ...

    def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Comment]:
        """Comment on an issue.

        Adds a comment to an issue, authored by the token's user.

        Roles (inferred): Any role may call this.

        `POST /issues/{issue_id}/comments`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            body (str): The comment, in Markdown.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Comment]: the response before parsing; `.parse()` gives The created comment.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.comment_create import CommentCreate

        return self._client._request_raw(
            _CREATE_COMMENT,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "comments.create",
                    CommentCreate,
                    body,
                    {},
                    required=("body",),
                    body_is_field=True,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class IssuesResourceWithRawResponse:
    """Issues inside a project. Each method returns the RawResponse."""

    def __init__(self, resource: IssuesResource) -> None:
        self._client = resource._client

    def list(
        self,
        *,
        project_id: str,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawPage[IssueSummary]:
        """List the issues in a project.

        Lists the issues of one project, oldest first. The body is a bare JSON array;
        follow the `Link` header's `rel="next"` URL for the next page.

        Roles (inferred): Any role may call this.

        `GET /issues`

        Args:
            project_id (str): The project whose issues to list.
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded issue "Fix login bug" in project WEB, which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawPage[IssueSummary]: one page's response before parsing; `.parse()` gives that page alone, whose `next_cursor` continues the list (One page of issues).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request_page(
            _LIST_ISSUES,
            {
                "project_id": project_id,
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: IssueCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]: ...

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        project_id: str,
        title: str,
        status: KnownIssueStatus | str | NotGiven = NOT_GIVEN,
        priority: KnownIssuePriority | str | NotGiven = NOT_GIVEN,
        description: None | str | NotGiven = NOT_GIVEN,
        assignee_id: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]: ...

    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        project_id: Any = NOT_GIVEN,
        title: Any = NOT_GIVEN,
        status: Any = NOT_GIVEN,
        priority: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        assignee_id: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]:
        """Create an issue.

        Creates an issue in a project. `status` defaults to `Backlog` and `priority` to `medium`.

        Roles (inferred): Owners, admins, managers and members may call this; guests get 403.

        `POST /issues`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            project_id (str): The project to create the issue in.
            title (str): A one-line summary.
            status (KnownIssueStatus | str, optional): The initial status; `Backlog` when left out.
            priority (KnownIssuePriority | str, optional): The priority; `medium` when left out.
            description (None | str, optional): The long description, in Markdown.
            assignee_id (None | str, optional): The user to assign the issue to.
            body (IssueCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Issue]: the response before parsing; `.parse()` gives The created issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.issue_create import IssueCreate

        return self._client._request_raw(
            _CREATE_ISSUE,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "issues.create",
                    IssueCreate,
                    body,
                    {
                        "project_id": project_id,
                        "title": title,
                        "status": status,
                        "priority": priority,
                        "description": description,
                        "assignee_id": assignee_id,
                    },
                    required=("project_id", "title"),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    def get(
        self,
        issue_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]:
        """Get an issue.

        Returns one issue with all its fields.

        Roles (inferred): Any role may call this.

        `GET /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Issue]: the response before parsing; `.parse()` gives The issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request_raw(
            _GET_ISSUE,
            {
                "issue_id": issue_id,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    def delete(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[None]:
        """Delete an issue.

        Deletes an issue and its comments. Deleting is permanent.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `DELETE /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[None]: the response before parsing; `.parse()` gives The issue was deleted.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request_raw(
            _DELETE_ISSUE,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: IssueUpdate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]: ...

    @overload
    def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        status: KnownIssueStatus | str | NotGiven = NOT_GIVEN,
        priority: KnownIssuePriority | str | NotGiven = NOT_GIVEN,
        description: None | str | NotGiven = NOT_GIVEN,
        assignee_id: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]: ...

    def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        title: Any = NOT_GIVEN,
        status: Any = NOT_GIVEN,
        priority: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        assignee_id: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]:
        """Update an issue.

        Changes only the fields sent. Send `null` to clear `description` or `assignee_id`.

        Roles (inferred): Owners, admins, managers and members may call this; guests get 403.

        `PATCH /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            title (str, optional): A new one-line summary.
            status (KnownIssueStatus | str, optional): A new status.
            priority (KnownIssuePriority | str, optional): A new priority.
            description (None | str, optional): A new description; null clears it.
            assignee_id (None | str, optional): A new assignee; null unassigns.
            body (IssueUpdate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Issue]: the response before parsing; `.parse()` gives The updated issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.issue_update import IssueUpdate

        return self._client._request_raw(
            _UPDATE_ISSUE,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "issues.update",
                    IssueUpdate,
                    body,
                    {
                        "title": title,
                        "status": status,
                        "priority": priority,
                        "description": description,
                        "assignee_id": assignee_id,
                    },
                    required=(),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class MeResourceWithRawResponse:
    """The user the token belongs to, and their organizations. Each method returns the RawResponse."""

    def __init__(self, resource: MeResource) -> None:
        self._client = resource._client

    def get(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[User]:
        """Get the current user.

        Returns the user that the token belongs to. The cheapest way to confirm that a token is alive.

        Roles (inferred): Any role may call this.

        `GET /me`

        Args:
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[User]: the response before parsing; `.parse()` gives The user that the token belongs to.

        Raises:
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request_raw(
            _GET_ME,
            {},
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    def orgs(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[MyOrgs]:
        """List my organizations.

        Lists the organizations the current user belongs to, with their role and the
        projects in each. A PAT is bound to one organization, but this is a friendly
        way to find the `org_id` that the other operations want in `X-Org-Id`.

        Roles (inferred): Any role may call this.

        `GET /me/orgs`

        Args:
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[MyOrgs]: the response before parsing; `.parse()` gives The user's organizations.

        Raises:
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request_raw(
            _LIST_MY_ORGS,
            {},
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class ProjectsResourceWithRawResponse:
    """Projects inside an organization. Each method returns the RawResponse."""

    def __init__(self, resource: ProjectsResource) -> None:
        self._client = resource._client

    def list(
        self,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawPage[Project]:
        """List projects.

        Lists the organization's projects, oldest first, one page at a time.

        Roles (inferred): Any role may call this.

        `GET /projects`

        Args:
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded project WEB, which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawPage[Project]: one page's response before parsing; `.parse()` gives that page alone, whose `next_cursor` continues the list (One page of projects).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request_page(
            _LIST_PROJECTS,
            {
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: ProjectCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Project]: ...

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        name: str,
        key: str,
        description: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Project]: ...

    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        name: Any = NOT_GIVEN,
        key: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Project]:
        """Create a project.

        Creates a project. Its `key` prefixes issue numbers and is unique within the organization.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `POST /projects`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            name (str): The project's name.
            key (str): The project's key; must not be in use in the organization.
            description (None | str, optional): What the project is about, in Markdown.
            body (ProjectCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Project]: the response before parsing; `.parse()` gives The created project.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.project_create import ProjectCreate

        return self._client._request_raw(
            _CREATE_PROJECT,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "projects.create",
                    ProjectCreate,
                    body,
                    {
                        "name": name,
                        "key": key,
                        "description": description,
                    },
                    required=("name", "key"),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    def get(
        self,
        project_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Project]:
        """Get a project.

        Returns one project.

        Roles (inferred): Any role may call this.

        `GET /projects/{project_id}`

        Args:
            project_id (str): The project's id.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Project]: the response before parsing; `.parse()` gives The project.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request_raw(
            _GET_PROJECT,
            {
                "project_id": project_id,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class ApiKeysResource:
    """Personal Access Tokens of an organization. Only owners, admins and managers may create or revoke them."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    # The same methods, returning the response's status, headers and rate limit too.
    with_raw_response = Namespace(ApiKeysResourceWithRawResponse)

    def list(
        self,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPaginator[ApiKey]:
        """List API keys.

        Lists the organization's API keys, newest first. Tokens are never returned here, only their public prefix.

        Roles (inferred): Any role may call this. Members and guests see only their own keys.

        `GET /api-keys`

        Args:
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded key "CI pipeline", which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            SyncPaginator[ApiKey]: every item, fetching pages lazily as you iterate (One page of API keys).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._paginate(
            _LIST_API_KEYS,
            {
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: ApiKeyCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ApiKeyCreated: ...

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ApiKeyCreated: ...

    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        name: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ApiKeyCreated:
        """Create an API key.

        Mints a PAT bound to this organization and to the caller's membership. The
        plaintext `token` is in this response only: store it in a secret manager
        now.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `POST /api-keys`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            name (str): A label for the key, such as where it is used.
            body (ApiKeyCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            ApiKeyCreated: The created key, with its plaintext token shown this once.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.api_key_create import ApiKeyCreate

        return self._client._request(
            _CREATE_API_KEY,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "api_keys.create",
                    ApiKeyCreate,
                    body,
                    {
                        "name": name,
                    },
                    required=("name",),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    def revoke(
        self,
        key_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Revoke an API key.

        Revokes a key at once: later requests with it get 401. Revoking is permanent
        and repeating it is harmless.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403. No role may revoke the key of a higher role (owner > admin > manager).

        `DELETE /api-keys/{key_id}`

        Args:
            key_id (str): The API key's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            None: The key is revoked.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request(
            _REVOKE_API_KEY,
            {
                "key_id": key_id,
                "idempotency_key": idempotency_key,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class CommentsResource:
    """Comments on an issue."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    # The same methods, returning the response's status, headers and rate limit too.
    with_raw_response = Namespace(CommentsResourceWithRawResponse)

    def list(
        self,
        issue_id: str,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPaginator[Comment]:
        """List the comments on an issue.

        Lists an issue's comments, oldest first, one page at a time.

        Roles (inferred): Any role may call this.

        `GET /issues/{issue_id}/comments`

        Args:
            issue_id (str): The issue's id.
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded comment on "Fix login bug", which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            SyncPaginator[Comment]: every item, fetching pages lazily as you iterate (One page of comments).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._paginate(
            _LIST_COMMENTS,
            {
                "issue_id": issue_id,
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: CommentCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Comment: ...

    @overload
    def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Comment: ...

    def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Comment:
        """Comment on an issue.

        Adds a comment to an issue, authored by the token's user.

        Roles (inferred): Any role may call this.

        `POST /issues/{issue_id}/comments`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            body (str): The comment, in Markdown.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Comment: The created comment.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.comment_create import CommentCreate

        return self._client._request(
            _CREATE_COMMENT,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "comments.create",
                    CommentCreate,
                    body,
                    {},
                    required=("body",),
                    body_is_field=True,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class IssuesResource:
    """Issues inside a project."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    # The same methods, returning the response's status, headers and rate limit too.
    with_raw_response = Namespace(IssuesResourceWithRawResponse)

    def list(
        self,
        *,
        project_id: str,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPaginator[IssueSummary]:
        """List the issues in a project.

        Lists the issues of one project, oldest first. The body is a bare JSON array;
        follow the `Link` header's `rel="next"` URL for the next page.

        Roles (inferred): Any role may call this.

        `GET /issues`

        Args:
            project_id (str): The project whose issues to list.
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded issue "Fix login bug" in project WEB, which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            SyncPaginator[IssueSummary]: every item, fetching pages lazily as you iterate (One page of issues).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._paginate(
            _LIST_ISSUES,
            {
                "project_id": project_id,
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: IssueCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue: ...

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        project_id: str,
        title: str,
        status: KnownIssueStatus | str | NotGiven = NOT_GIVEN,
        priority: KnownIssuePriority | str | NotGiven = NOT_GIVEN,
        description: None | str | NotGiven = NOT_GIVEN,
        assignee_id: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue: ...

    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        project_id: Any = NOT_GIVEN,
        title: Any = NOT_GIVEN,
        status: Any = NOT_GIVEN,
        priority: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        assignee_id: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue:
        """Create an issue.

        Creates an issue in a project. `status` defaults to `Backlog` and `priority` to `medium`.

        Roles (inferred): Owners, admins, managers and members may call this; guests get 403.

        `POST /issues`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            project_id (str): The project to create the issue in.
            title (str): A one-line summary.
            status (KnownIssueStatus | str, optional): The initial status; `Backlog` when left out.
            priority (KnownIssuePriority | str, optional): The priority; `medium` when left out.
            description (None | str, optional): The long description, in Markdown.
            assignee_id (None | str, optional): The user to assign the issue to.
            body (IssueCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Issue: The created issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.issue_create import IssueCreate

        return self._client._request(
            _CREATE_ISSUE,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "issues.create",
                    IssueCreate,
                    body,
                    {
                        "project_id": project_id,
                        "title": title,
                        "status": status,
                        "priority": priority,
                        "description": description,
                        "assignee_id": assignee_id,
                    },
                    required=("project_id", "title"),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    def get(
        self,
        issue_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue:
        """Get an issue.

        Returns one issue with all its fields.

        Roles (inferred): Any role may call this.

        `GET /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Issue: The issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request(
            _GET_ISSUE,
            {
                "issue_id": issue_id,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    def delete(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete an issue.

        Deletes an issue and its comments. Deleting is permanent.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `DELETE /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            None: The issue was deleted.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request(
            _DELETE_ISSUE,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: IssueUpdate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue: ...

    @overload
    def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        status: KnownIssueStatus | str | NotGiven = NOT_GIVEN,
        priority: KnownIssuePriority | str | NotGiven = NOT_GIVEN,
        description: None | str | NotGiven = NOT_GIVEN,
        assignee_id: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue: ...

    def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        title: Any = NOT_GIVEN,
        status: Any = NOT_GIVEN,
        priority: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        assignee_id: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue:
        """Update an issue.

        Changes only the fields sent. Send `null` to clear `description` or `assignee_id`.

        Roles (inferred): Owners, admins, managers and members may call this; guests get 403.

        `PATCH /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            title (str, optional): A new one-line summary.
            status (KnownIssueStatus | str, optional): A new status.
            priority (KnownIssuePriority | str, optional): A new priority.
            description (None | str, optional): A new description; null clears it.
            assignee_id (None | str, optional): A new assignee; null unassigns.
            body (IssueUpdate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Issue: The updated issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.issue_update import IssueUpdate

        return self._client._request(
            _UPDATE_ISSUE,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "issues.update",
                    IssueUpdate,
                    body,
                    {
                        "title": title,
                        "status": status,
                        "priority": priority,
                        "description": description,
                        "assignee_id": assignee_id,
                    },
                    required=(),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class MeResource:
    """The user the token belongs to, and their organizations."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    # The same methods, returning the response's status, headers and rate limit too.
    with_raw_response = Namespace(MeResourceWithRawResponse)

    def get(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> User:
        """Get the current user.

        Returns the user that the token belongs to. The cheapest way to confirm that a token is alive.

        Roles (inferred): Any role may call this.

        `GET /me`

        Args:
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            User: The user that the token belongs to.

        Raises:
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request(
            _GET_ME,
            {},
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    def orgs(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MyOrgs:
        """List my organizations.

        Lists the organizations the current user belongs to, with their role and the
        projects in each. A PAT is bound to one organization, but this is a friendly
        way to find the `org_id` that the other operations want in `X-Org-Id`.

        Roles (inferred): Any role may call this.

        `GET /me/orgs`

        Args:
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            MyOrgs: The user's organizations.

        Raises:
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request(
            _LIST_MY_ORGS,
            {},
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class ProjectsResource:
    """Projects inside an organization."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    # The same methods, returning the response's status, headers and rate limit too.
    with_raw_response = Namespace(ProjectsResourceWithRawResponse)

    def list(
        self,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPaginator[Project]:
        """List projects.

        Lists the organization's projects, oldest first, one page at a time.

        Roles (inferred): Any role may call this.

        `GET /projects`

        Args:
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded project WEB, which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            SyncPaginator[Project]: every item, fetching pages lazily as you iterate (One page of projects).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._paginate(
            _LIST_PROJECTS,
            {
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: ProjectCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Project: ...

    @overload
    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        name: str,
        key: str,
        description: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Project: ...

    def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        name: Any = NOT_GIVEN,
        key: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Project:
        """Create a project.

        Creates a project. Its `key` prefixes issue numbers and is unique within the organization.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `POST /projects`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            name (str): The project's name.
            key (str): The project's key; must not be in use in the organization.
            description (None | str, optional): What the project is about, in Markdown.
            body (ProjectCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Project: The created project.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.project_create import ProjectCreate

        return self._client._request(
            _CREATE_PROJECT,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "projects.create",
                    ProjectCreate,
                    body,
                    {
                        "name": name,
                        "key": key,
                        "description": description,
                    },
                    required=("name", "key"),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    def get(
        self,
        project_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Project:
        """Get a project.

        Returns one project.

        Roles (inferred): Any role may call this.

        `GET /projects/{project_id}`

        Args:
            project_id (str): The project's id.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Project: The project.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._request(
            _GET_PROJECT,
            {
                "project_id": project_id,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class SyncNamespaces(SyncUndocumented):
    """The resources of a sync client, one attribute per tag,
    and `get()`, `post()`... for paths the spec does not have yet."""

    # The spec's names for the headers a request to such a path gets too.
    _org_header = "X-Org-Id"
    _idempotency_header = "Idempotency-Key"
    _url_templates = _URL_TEMPLATES

    api_keys = Namespace(ApiKeysResource)
    comments = Namespace(CommentsResource)
    issues = Namespace(IssuesResource)
    me = Namespace(MeResource)
    projects = Namespace(ProjectsResource)


class AsyncApiKeysResourceWithRawResponse:
    """Personal Access Tokens of an organization. Only owners, admins and managers may create or revoke them. Each method returns the RawResponse."""

    def __init__(self, resource: AsyncApiKeysResource) -> None:
        self._client = resource._client

    async def list(
        self,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawPage[ApiKey]:
        """List API keys.

        Lists the organization's API keys, newest first. Tokens are never returned here, only their public prefix.

        Roles (inferred): Any role may call this. Members and guests see only their own keys.

        `GET /api-keys`

        Args:
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded key "CI pipeline", which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawPage[ApiKey]: one page's response before parsing; `.parse()` gives that page alone, whose `next_cursor` continues the list (One page of API keys).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request_page(
            _LIST_API_KEYS,
            {
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: ApiKeyCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[ApiKeyCreated]: ...

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[ApiKeyCreated]: ...

    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        name: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[ApiKeyCreated]:
        """Create an API key.

        Mints a PAT bound to this organization and to the caller's membership. The
        plaintext `token` is in this response only: store it in a secret manager
        now.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `POST /api-keys`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            name (str): A label for the key, such as where it is used.
            body (ApiKeyCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[ApiKeyCreated]: the response before parsing; `.parse()` gives The created key, with its plaintext token shown this once.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.api_key_create import ApiKeyCreate

        return await self._client._request_raw(
            _CREATE_API_KEY,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "api_keys.create",
                    ApiKeyCreate,
                    body,
                    {
                        "name": name,
                    },
                    required=("name",),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    async def revoke(
        self,
        key_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[None]:
        """Revoke an API key.

        Revokes a key at once: later requests with it get 401. Revoking is permanent
        and repeating it is harmless.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403. No role may revoke the key of a higher role (owner > admin > manager).

        `DELETE /api-keys/{key_id}`

        Args:
            key_id (str): The API key's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[None]: the response before parsing; `.parse()` gives The key is revoked.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request_raw(
            _REVOKE_API_KEY,
            {
                "key_id": key_id,
                "idempotency_key": idempotency_key,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class AsyncCommentsResourceWithRawResponse:
    """Comments on an issue. Each method returns the RawResponse."""

    def __init__(self, resource: AsyncCommentsResource) -> None:
        self._client = resource._client

    async def list(
        self,
        issue_id: str,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawPage[Comment]:
        """List the comments on an issue.

        Lists an issue's comments, oldest first, one page at a time.

        Roles (inferred): Any role may call this.

        `GET /issues/{issue_id}/comments`

        Args:
            issue_id (str): The issue's id.
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded comment on "Fix login bug", which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawPage[Comment]: one page's response before parsing; `.parse()` gives that page alone, whose `next_cursor` continues the list (One page of comments).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request_page(
            _LIST_COMMENTS,
            {
                "issue_id": issue_id,
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    async def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: CommentCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Comment]: ...

    @overload
    async def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Comment]: ...

    async def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Comment]:
        """Comment on an issue.

        Adds a comment to an issue, authored by the token's user.

        Roles (inferred): Any role may call this.

        `POST /issues/{issue_id}/comments`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            body (str): The comment, in Markdown.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Comment]: the response before parsing; `.parse()` gives The created comment.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.comment_create import CommentCreate

        return await self._client._request_raw(
            _CREATE_COMMENT,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "comments.create",
                    CommentCreate,
                    body,
                    {},
                    required=("body",),
                    body_is_field=True,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class AsyncIssuesResourceWithRawResponse:
    """Issues inside a project. Each method returns the RawResponse."""

    def __init__(self, resource: AsyncIssuesResource) -> None:
        self._client = resource._client

    async def list(
        self,
        *,
        project_id: str,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawPage[IssueSummary]:
        """List the issues in a project.

        Lists the issues of one project, oldest first. The body is a bare JSON array;
        follow the `Link` header's `rel="next"` URL for the next page.

        Roles (inferred): Any role may call this.

        `GET /issues`

        Args:
            project_id (str): The project whose issues to list.
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded issue "Fix login bug" in project WEB, which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawPage[IssueSummary]: one page's response before parsing; `.parse()` gives that page alone, whose `next_cursor` continues the list (One page of issues).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request_page(
            _LIST_ISSUES,
            {
                "project_id": project_id,
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: IssueCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]: ...

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        project_id: str,
        title: str,
        status: KnownIssueStatus | str | NotGiven = NOT_GIVEN,
        priority: KnownIssuePriority | str | NotGiven = NOT_GIVEN,
        description: None | str | NotGiven = NOT_GIVEN,
        assignee_id: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]: ...

    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        project_id: Any = NOT_GIVEN,
        title: Any = NOT_GIVEN,
        status: Any = NOT_GIVEN,
        priority: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        assignee_id: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]:
        """Create an issue.

        Creates an issue in a project. `status` defaults to `Backlog` and `priority` to `medium`.

        Roles (inferred): Owners, admins, managers and members may call this; guests get 403.

        `POST /issues`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            project_id (str): The project to create the issue in.
            title (str): A one-line summary.
            status (KnownIssueStatus | str, optional): The initial status; `Backlog` when left out.
            priority (KnownIssuePriority | str, optional): The priority; `medium` when left out.
            description (None | str, optional): The long description, in Markdown.
            assignee_id (None | str, optional): The user to assign the issue to.
            body (IssueCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Issue]: the response before parsing; `.parse()` gives The created issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.issue_create import IssueCreate

        return await self._client._request_raw(
            _CREATE_ISSUE,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "issues.create",
                    IssueCreate,
                    body,
                    {
                        "project_id": project_id,
                        "title": title,
                        "status": status,
                        "priority": priority,
                        "description": description,
                        "assignee_id": assignee_id,
                    },
                    required=("project_id", "title"),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    async def get(
        self,
        issue_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]:
        """Get an issue.

        Returns one issue with all its fields.

        Roles (inferred): Any role may call this.

        `GET /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Issue]: the response before parsing; `.parse()` gives The issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request_raw(
            _GET_ISSUE,
            {
                "issue_id": issue_id,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    async def delete(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[None]:
        """Delete an issue.

        Deletes an issue and its comments. Deleting is permanent.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `DELETE /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[None]: the response before parsing; `.parse()` gives The issue was deleted.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request_raw(
            _DELETE_ISSUE,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    async def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: IssueUpdate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]: ...

    @overload
    async def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        status: KnownIssueStatus | str | NotGiven = NOT_GIVEN,
        priority: KnownIssuePriority | str | NotGiven = NOT_GIVEN,
        description: None | str | NotGiven = NOT_GIVEN,
        assignee_id: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]: ...

    async def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        title: Any = NOT_GIVEN,
        status: Any = NOT_GIVEN,
        priority: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        assignee_id: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Issue]:
        """Update an issue.

        Changes only the fields sent. Send `null` to clear `description` or `assignee_id`.

        Roles (inferred): Owners, admins, managers and members may call this; guests get 403.

        `PATCH /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            title (str, optional): A new one-line summary.
            status (KnownIssueStatus | str, optional): A new status.
            priority (KnownIssuePriority | str, optional): A new priority.
            description (None | str, optional): A new description; null clears it.
            assignee_id (None | str, optional): A new assignee; null unassigns.
            body (IssueUpdate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Issue]: the response before parsing; `.parse()` gives The updated issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.issue_update import IssueUpdate

        return await self._client._request_raw(
            _UPDATE_ISSUE,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "issues.update",
                    IssueUpdate,
                    body,
                    {
                        "title": title,
                        "status": status,
                        "priority": priority,
                        "description": description,
                        "assignee_id": assignee_id,
                    },
                    required=(),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class AsyncMeResourceWithRawResponse:
    """The user the token belongs to, and their organizations. Each method returns the RawResponse."""

    def __init__(self, resource: AsyncMeResource) -> None:
        self._client = resource._client

    async def get(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[User]:
        """Get the current user.

        Returns the user that the token belongs to. The cheapest way to confirm that a token is alive.

        Roles (inferred): Any role may call this.

        `GET /me`

        Args:
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[User]: the response before parsing; `.parse()` gives The user that the token belongs to.

        Raises:
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request_raw(
            _GET_ME,
            {},
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    async def orgs(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[MyOrgs]:
        """List my organizations.

        Lists the organizations the current user belongs to, with their role and the
        projects in each. A PAT is bound to one organization, but this is a friendly
        way to find the `org_id` that the other operations want in `X-Org-Id`.

        Roles (inferred): Any role may call this.

        `GET /me/orgs`

        Args:
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[MyOrgs]: the response before parsing; `.parse()` gives The user's organizations.

        Raises:
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request_raw(
            _LIST_MY_ORGS,
            {},
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class AsyncProjectsResourceWithRawResponse:
    """Projects inside an organization. Each method returns the RawResponse."""

    def __init__(self, resource: AsyncProjectsResource) -> None:
        self._client = resource._client

    async def list(
        self,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawPage[Project]:
        """List projects.

        Lists the organization's projects, oldest first, one page at a time.

        Roles (inferred): Any role may call this.

        `GET /projects`

        Args:
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded project WEB, which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawPage[Project]: one page's response before parsing; `.parse()` gives that page alone, whose `next_cursor` continues the list (One page of projects).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request_page(
            _LIST_PROJECTS,
            {
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: ProjectCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Project]: ...

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        name: str,
        key: str,
        description: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Project]: ...

    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        name: Any = NOT_GIVEN,
        key: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Project]:
        """Create a project.

        Creates a project. Its `key` prefixes issue numbers and is unique within the organization.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `POST /projects`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            name (str): The project's name.
            key (str): The project's key; must not be in use in the organization.
            description (None | str, optional): What the project is about, in Markdown.
            body (ProjectCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Project]: the response before parsing; `.parse()` gives The created project.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.project_create import ProjectCreate

        return await self._client._request_raw(
            _CREATE_PROJECT,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "projects.create",
                    ProjectCreate,
                    body,
                    {
                        "name": name,
                        "key": key,
                        "description": description,
                    },
                    required=("name", "key"),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    async def get(
        self,
        project_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[Project]:
        """Get a project.

        Returns one project.

        Roles (inferred): Any role may call this.

        `GET /projects/{project_id}`

        Args:
            project_id (str): The project's id.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            RawResponse[Project]: the response before parsing; `.parse()` gives The project.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request_raw(
            _GET_PROJECT,
            {
                "project_id": project_id,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class AsyncApiKeysResource:
    """Personal Access Tokens of an organization. Only owners, admins and managers may create or revoke them."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    # The same methods, returning the response's status, headers and rate limit too.
    with_raw_response = Namespace(AsyncApiKeysResourceWithRawResponse)

    def list(
        self,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[ApiKey]:
        """List API keys.

        Lists the organization's API keys, newest first. Tokens are never returned here, only their public prefix.

        Roles (inferred): Any role may call this. Members and guests see only their own keys.

        `GET /api-keys`

        Args:
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded key "CI pipeline", which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            AsyncPaginator[ApiKey]: every item, fetching pages lazily as you iterate (One page of API keys).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._paginate(
            _LIST_API_KEYS,
            {
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: ApiKeyCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ApiKeyCreated: ...

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ApiKeyCreated: ...

    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        name: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ApiKeyCreated:
        """Create an API key.

        Mints a PAT bound to this organization and to the caller's membership. The
        plaintext `token` is in this response only: store it in a secret manager
        now.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `POST /api-keys`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            name (str): A label for the key, such as where it is used.
            body (ApiKeyCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            ApiKeyCreated: The created key, with its plaintext token shown this once.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.api_key_create import ApiKeyCreate

        return await self._client._request(
            _CREATE_API_KEY,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "api_keys.create",
                    ApiKeyCreate,
                    body,
                    {
                        "name": name,
                    },
                    required=("name",),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    async def revoke(
        self,
        key_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Revoke an API key.

        Revokes a key at once: later requests with it get 401. Revoking is permanent
        and repeating it is harmless.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403. No role may revoke the key of a higher role (owner > admin > manager).

        `DELETE /api-keys/{key_id}`

        Args:
            key_id (str): The API key's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            None: The key is revoked.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request(
            _REVOKE_API_KEY,
            {
                "key_id": key_id,
                "idempotency_key": idempotency_key,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class AsyncCommentsResource:
    """Comments on an issue."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    # The same methods, returning the response's status, headers and rate limit too.
    with_raw_response = Namespace(AsyncCommentsResourceWithRawResponse)

    def list(
        self,
        issue_id: str,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[Comment]:
        """List the comments on an issue.

        Lists an issue's comments, oldest first, one page at a time.

        Roles (inferred): Any role may call this.

        `GET /issues/{issue_id}/comments`

        Args:
            issue_id (str): The issue's id.
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded comment on "Fix login bug", which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            AsyncPaginator[Comment]: every item, fetching pages lazily as you iterate (One page of comments).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._paginate(
            _LIST_COMMENTS,
            {
                "issue_id": issue_id,
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    async def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: CommentCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Comment: ...

    @overload
    async def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Comment: ...

    async def create(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Comment:
        """Comment on an issue.

        Adds a comment to an issue, authored by the token's user.

        Roles (inferred): Any role may call this.

        `POST /issues/{issue_id}/comments`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            body (str): The comment, in Markdown.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Comment: The created comment.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.comment_create import CommentCreate

        return await self._client._request(
            _CREATE_COMMENT,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "comments.create",
                    CommentCreate,
                    body,
                    {},
                    required=("body",),
                    body_is_field=True,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class AsyncIssuesResource:
    """Issues inside a project."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    # The same methods, returning the response's status, headers and rate limit too.
    with_raw_response = Namespace(AsyncIssuesResourceWithRawResponse)

    def list(
        self,
        *,
        project_id: str,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[IssueSummary]:
        """List the issues in a project.

        Lists the issues of one project, oldest first. The body is a bare JSON array;
        follow the `Link` header's `rel="next"` URL for the next page.

        Roles (inferred): Any role may call this.

        `GET /issues`

        Args:
            project_id (str): The project whose issues to list.
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded issue "Fix login bug" in project WEB, which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            AsyncPaginator[IssueSummary]: every item, fetching pages lazily as you iterate (One page of issues).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._paginate(
            _LIST_ISSUES,
            {
                "project_id": project_id,
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: IssueCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue: ...

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        project_id: str,
        title: str,
        status: KnownIssueStatus | str | NotGiven = NOT_GIVEN,
        priority: KnownIssuePriority | str | NotGiven = NOT_GIVEN,
        description: None | str | NotGiven = NOT_GIVEN,
        assignee_id: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue: ...

    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        project_id: Any = NOT_GIVEN,
        title: Any = NOT_GIVEN,
        status: Any = NOT_GIVEN,
        priority: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        assignee_id: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue:
        """Create an issue.

        Creates an issue in a project. `status` defaults to `Backlog` and `priority` to `medium`.

        Roles (inferred): Owners, admins, managers and members may call this; guests get 403.

        `POST /issues`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            project_id (str): The project to create the issue in.
            title (str): A one-line summary.
            status (KnownIssueStatus | str, optional): The initial status; `Backlog` when left out.
            priority (KnownIssuePriority | str, optional): The priority; `medium` when left out.
            description (None | str, optional): The long description, in Markdown.
            assignee_id (None | str, optional): The user to assign the issue to.
            body (IssueCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Issue: The created issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.issue_create import IssueCreate

        return await self._client._request(
            _CREATE_ISSUE,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "issues.create",
                    IssueCreate,
                    body,
                    {
                        "project_id": project_id,
                        "title": title,
                        "status": status,
                        "priority": priority,
                        "description": description,
                        "assignee_id": assignee_id,
                    },
                    required=("project_id", "title"),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    async def get(
        self,
        issue_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue:
        """Get an issue.

        Returns one issue with all its fields.

        Roles (inferred): Any role may call this.

        `GET /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Issue: The issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request(
            _GET_ISSUE,
            {
                "issue_id": issue_id,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    async def delete(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete an issue.

        Deletes an issue and its comments. Deleting is permanent.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `DELETE /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            None: The issue was deleted.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request(
            _DELETE_ISSUE,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    async def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: IssueUpdate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue: ...

    @overload
    async def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        title: str | NotGiven = NOT_GIVEN,
        status: KnownIssueStatus | str | NotGiven = NOT_GIVEN,
        priority: KnownIssuePriority | str | NotGiven = NOT_GIVEN,
        description: None | str | NotGiven = NOT_GIVEN,
        assignee_id: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue: ...

    async def update(
        self,
        issue_id: str,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        title: Any = NOT_GIVEN,
        status: Any = NOT_GIVEN,
        priority: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        assignee_id: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Issue:
        """Update an issue.

        Changes only the fields sent. Send `null` to clear `description` or `assignee_id`.

        Roles (inferred): Owners, admins, managers and members may call this; guests get 403.

        `PATCH /issues/{issue_id}`

        Args:
            issue_id (str): The issue's id.
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            title (str, optional): A new one-line summary.
            status (KnownIssueStatus | str, optional): A new status.
            priority (KnownIssuePriority | str, optional): A new priority.
            description (None | str, optional): A new description; null clears it.
            assignee_id (None | str, optional): A new assignee; null unassigns.
            body (IssueUpdate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Issue: The updated issue.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.issue_update import IssueUpdate

        return await self._client._request(
            _UPDATE_ISSUE,
            {
                "issue_id": issue_id,
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "issues.update",
                    IssueUpdate,
                    body,
                    {
                        "title": title,
                        "status": status,
                        "priority": priority,
                        "description": description,
                        "assignee_id": assignee_id,
                    },
                    required=(),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )


class AsyncMeResource:
    """The user the token belongs to, and their organizations."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    # The same methods, returning the response's status, headers and rate limit too.
    with_raw_response = Namespace(AsyncMeResourceWithRawResponse)

    async def get(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> User:
        """Get the current user.

        Returns the user that the token belongs to. The cheapest way to confirm that a token is alive.

        Roles (inferred): Any role may call this.

        `GET /me`

        Args:
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            User: The user that the token belongs to.

        Raises:
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request(
            _GET_ME,
            {},
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    async def orgs(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> MyOrgs:
        """List my organizations.

        Lists the organizations the current user belongs to, with their role and the
        projects in each. A PAT is bound to one organization, but this is a friendly
        way to find the `org_id` that the other operations want in `X-Org-Id`.

        Roles (inferred): Any role may call this.

        `GET /me/orgs`

        Args:
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            MyOrgs: The user's organizations.

        Raises:
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request(
            _LIST_MY_ORGS,
            {},
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class AsyncProjectsResource:
    """Projects inside an organization."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    # The same methods, returning the response's status, headers and rate limit too.
    with_raw_response = Namespace(AsyncProjectsResourceWithRawResponse)

    def list(
        self,
        *,
        limit: int = 50,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[Project]:
        """List projects.

        Lists the organization's projects, oldest first, one page at a time.

        Roles (inferred): Any role may call this.

        `GET /projects`

        Args:
            limit (int, default 50): The page size, from 1 to 200.
            cursor (str, optional): An opaque position, copied from the `Link` header of the previous page; a cursor this list did not issue is a 400. The example is the position after the seeded project WEB, which a freshly seeded sandbox accepts.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            AsyncPaginator[Project]: every item, fetching pages lazily as you iterate (One page of projects).

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return self._client._paginate(
            _LIST_PROJECTS,
            {
                "limit": limit,
                "cursor": cursor,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: ProjectCreate,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Project: ...

    @overload
    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        name: str,
        key: str,
        description: None | str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Project: ...

    async def create(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        body: Any = NOT_GIVEN,
        name: Any = NOT_GIVEN,
        key: Any = NOT_GIVEN,
        description: Any = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Project:
        """Create a project.

        Creates a project. Its `key` prefixes issue numbers and is unique within the organization.

        Roles (inferred): Only owners, admins and managers may call this; other roles get 403.

        `POST /projects`

        Args:
            idempotency_key (str, optional): A unique value per intended write (a UUIDv4, or one derived from your own job id), sent again with every retry of that write so that it acts at most once. An RFC 8941 string of 1 to 255 printable ASCII characters (the bare form without quotes is accepted too), scoped to the caller and the organization and kept for 24 hours. The same key with the same request replays the first answer with `Idempotent-Replayed: true`; with a different request it is a 422 (`idempotency_key_reused`); while the first request is still being processed, a 409 (`idempotency_key_in_use`) with `Retry-After`. When not given, the SDK generates one for this call and sends it with every retry.
            name (str): The project's name.
            key (str): The project's key; must not be in use in the organization.
            description (None | str, optional): What the project is about, in Markdown.
            body (ProjectCreate): the whole request body as a model, instead of the field arguments.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            extra_body (Mapping[str, Any], optional): fields merged into the top level of this call's JSON body.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Project: The created project.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            ConflictError: The request conflicts with existing data (`conflict`, for example a project key already in use), or its `Idempotency-Key` belongs to a request still being processed (`idempotency_key_in_use`; send it again after `Retry-After` seconds).
            APIStatusError: The request body is larger than the 1 MiB the API accepts. It was not read to the end, and nothing was done.
            APIStatusError: The request body is not `application/json` in UTF-8. Nothing was done.
            UnprocessableEntityError: A parameter or a body field is invalid, or a query parameter is unknown (`validation_failed`; `details` names each one); or the `Idempotency-Key` was already used for a different request (`idempotency_key_reused`).
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            IdempotencyConflictError: the ConflictError of a key whose first request is still being processed, once the retries that waited for it are spent.
            IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used for a different request.
            APIOutcomeUnknownError: the request was sent and the answer lost, so whether it took effect is unknown; every retry (with the same Idempotency-Key) failed too; send it again with `idempotency_key=error.idempotency_key`.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        from projekt._api.models.project_create import ProjectCreate

        return await self._client._request(
            _CREATE_PROJECT,
            {
                "idempotency_key": idempotency_key,
                "body": build_body(
                    "projects.create",
                    ProjectCreate,
                    body,
                    {
                        "name": name,
                        "key": key,
                        "description": description,
                    },
                    required=("name", "key"),
                    body_is_field=False,
                ),
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
            ),
        )

    async def get(
        self,
        project_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Project:
        """Get a project.

        Returns one project.

        Roles (inferred): Any role may call this.

        `GET /projects/{project_id}`

        Args:
            project_id (str): The project's id.
            extra_headers (Mapping[str, str | None], optional): headers sent with this call, merged last; None removes one the SDK sends. Authorization cannot be set.
            extra_query (Mapping[str, Any], optional): query parameters added to this call's (to its first page, for a list); None leaves one out, the SDK's own too.
            timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; the client's `timeout` setting when not given.
            max_retries (int, optional): this call's retries; the client's `max_retries` setting when not given.

        Returns:
            Project: The project.

        Raises:
            BadRequestError: The request is malformed, for example a missing or malformed `X-Org-Id`, a bad cursor, a malformed `Idempotency-Key`, or a body that is not JSON.
            AuthenticationError: The token is missing, malformed, unknown, expired or revoked.
            PermissionDeniedError: The token is valid but may not do this, for example another organization's data, or a role that may not manage API keys.
            NotFoundError: Nothing with that id exists in this organization.
            RateLimitError: The rate-limit window is spent. Wait `Retry-After` seconds.
            APIConnectionError: no usable answer arrived (refused, reset, timed out).
            ProjektError: the base of all of these, and of every other SDK error.
        """
        return await self._client._request(
            _GET_PROJECT,
            {
                "project_id": project_id,
            },
            PerCall(
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
        )


class AsyncNamespaces(AsyncUndocumented):
    """The resources of an async client, one attribute per tag,
    and `get()`, `post()`... for paths the spec does not have yet."""

    # The spec's names for the headers a request to such a path gets too.
    _org_header = "X-Org-Id"
    _idempotency_header = "Idempotency-Key"
    _url_templates = _URL_TEMPLATES

    api_keys = Namespace(AsyncApiKeysResource)
    comments = Namespace(AsyncCommentsResource)
    issues = Namespace(AsyncIssuesResource)
    me = Namespace(AsyncMeResource)
    projects = Namespace(AsyncProjectsResource)
