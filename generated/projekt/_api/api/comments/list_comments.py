# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ..._speed import decode
from ...client import AuthenticatedClient, Client
from ...models.comment import Comment
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    issue_id: str,
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/issues/{issue_id}/comments".format(
            issue_id=quote(str(issue_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | list[Comment] | None:
    if response.status_code == 200:
        if (fast := decode(response.content, Comment, many=True)) is not None:
            return fast
        response_200 = []
        _response_200 = response.json()
        if not isinstance(_response_200, list):
            raise TypeError(
                f"the body: expected list, got {type(_response_200).__name__}"
            )
        for response_200_item_data in _response_200:
            response_200_item = Comment.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorEnvelope.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | list[Comment]]:
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
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[ErrorEnvelope | list[Comment]]:
    """List the comments on an issue

     Lists an issue's comments, oldest first, one page at a time.

    Roles (inferred): Any role may call this.

    Args:
        issue_id (str): A UUID in its canonical, hyphenated form.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): An opaque position in a list (today base64url JSON carrying the last
            item's place in the list's order and its id, signed with the query it belongs to, so it
            outlives that item's deletion; do not build or parse one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | list[Comment]]
    """

    kwargs = _get_kwargs(
        issue_id=issue_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    issue_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> ErrorEnvelope | list[Comment] | None:
    """List the comments on an issue

     Lists an issue's comments, oldest first, one page at a time.

    Roles (inferred): Any role may call this.

    Args:
        issue_id (str): A UUID in its canonical, hyphenated form.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): An opaque position in a list (today base64url JSON carrying the last
            item's place in the list's order and its id, signed with the query it belongs to, so it
            outlives that item's deletion; do not build or parse one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | list[Comment]
    """

    return sync_detailed(
        issue_id=issue_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    issue_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[ErrorEnvelope | list[Comment]]:
    """List the comments on an issue

     Lists an issue's comments, oldest first, one page at a time.

    Roles (inferred): Any role may call this.

    Args:
        issue_id (str): A UUID in its canonical, hyphenated form.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): An opaque position in a list (today base64url JSON carrying the last
            item's place in the list's order and its id, signed with the query it belongs to, so it
            outlives that item's deletion; do not build or parse one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | list[Comment]]
    """

    kwargs = _get_kwargs(
        issue_id=issue_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    issue_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> ErrorEnvelope | list[Comment] | None:
    """List the comments on an issue

     Lists an issue's comments, oldest first, one page at a time.

    Roles (inferred): Any role may call this.

    Args:
        issue_id (str): A UUID in its canonical, hyphenated form.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): An opaque position in a list (today base64url JSON carrying the last
            item's place in the list's order and its id, signed with the query it belongs to, so it
            outlives that item's deletion; do not build or parse one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | list[Comment]
    """

    return (
        await asyncio_detailed(
            issue_id=issue_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
