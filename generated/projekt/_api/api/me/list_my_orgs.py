# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ..._speed import decode
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.my_orgs import MyOrgs
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/me/orgs",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | MyOrgs | None:
    if response.status_code == 200:
        if (fast := decode(response.content, MyOrgs)) is not None:
            return fast
        response_200 = MyOrgs.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

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
) -> Response[ErrorEnvelope | MyOrgs]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | MyOrgs]:
    """List my organizations

     Lists the organizations the current user belongs to, with their role and the
    projects in each. A PAT is bound to one organization, but this is a friendly
    way to find the `org_id` that the other operations want in `X-Org-Id`.

    Roles (inferred): Any role may call this.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MyOrgs]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | MyOrgs | None:
    """List my organizations

     Lists the organizations the current user belongs to, with their role and the
    projects in each. A PAT is bound to one organization, but this is a friendly
    way to find the `org_id` that the other operations want in `X-Org-Id`.

    Roles (inferred): Any role may call this.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MyOrgs
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | MyOrgs]:
    """List my organizations

     Lists the organizations the current user belongs to, with their role and the
    projects in each. A PAT is bound to one organization, but this is a friendly
    way to find the `org_id` that the other operations want in `X-Org-Id`.

    Roles (inferred): Any role may call this.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MyOrgs]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | MyOrgs | None:
    """List my organizations

     Lists the organizations the current user belongs to, with their role and the
    projects in each. A PAT is bound to one organization, but this is a friendly
    way to find the `org_id` that the other operations want in `X-Org-Id`.

    Roles (inferred): Any role may call this.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MyOrgs
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
