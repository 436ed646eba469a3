# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 650edf2e16d042620ef8223a71bbf0b81409a16f7e26da6dd9cbce71e228708f
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ..._speed import decode
from ...client import AuthenticatedClient, Client
from ...models.comment import Comment
from ...models.comment_create import CommentCreate
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    issue_id: str,
    *,
    body: CommentCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/issues/{issue_id}/comments".format(
            issue_id=quote(str(issue_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Comment | Error | None:
    if response.status_code == 201:
        if (fast := decode(response.content, Comment)) is not None:
            return fast
        response_201 = Comment.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Comment | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    issue_id: str,
    *,
    client: AuthenticatedClient,
    body: CommentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Comment | Error]:
    """Comment on an issue

     Adds a comment to an issue, authored by the token's user.

    Roles (inferred): Any role may call this.

    Args:
        issue_id (str): A UUID in its canonical, hyphenated form.
        idempotency_key (str | Unset):
        body (CommentCreate): A new comment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Comment | Error]
    """

    kwargs = _get_kwargs(
        issue_id=issue_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    issue_id: str,
    *,
    client: AuthenticatedClient,
    body: CommentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Comment | Error | None:
    """Comment on an issue

     Adds a comment to an issue, authored by the token's user.

    Roles (inferred): Any role may call this.

    Args:
        issue_id (str): A UUID in its canonical, hyphenated form.
        idempotency_key (str | Unset):
        body (CommentCreate): A new comment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Comment | Error
    """

    return sync_detailed(
        issue_id=issue_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    issue_id: str,
    *,
    client: AuthenticatedClient,
    body: CommentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Comment | Error]:
    """Comment on an issue

     Adds a comment to an issue, authored by the token's user.

    Roles (inferred): Any role may call this.

    Args:
        issue_id (str): A UUID in its canonical, hyphenated form.
        idempotency_key (str | Unset):
        body (CommentCreate): A new comment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Comment | Error]
    """

    kwargs = _get_kwargs(
        issue_id=issue_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    issue_id: str,
    *,
    client: AuthenticatedClient,
    body: CommentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Comment | Error | None:
    """Comment on an issue

     Adds a comment to an issue, authored by the token's user.

    Roles (inferred): Any role may call this.

    Args:
        issue_id (str): A UUID in its canonical, hyphenated form.
        idempotency_key (str | Unset):
        body (CommentCreate): A new comment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Comment | Error
    """

    return (
        await asyncio_detailed(
            issue_id=issue_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
