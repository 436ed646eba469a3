"""respx, the mock users' own tests put under httpx clients, under the SDK too: it patches
httpcore's connection pool, which the SDK's own pool is. The SDK's retries, headers and
typed errors run above it, as they do over the wire; a change of pool that took the SDK's
calls out of respx's reach fails here."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import respx

import projekt
from tests.helpers import ORG_ID, TOKEN

BASE = "https://projekt.3xa.es/api"  # the default base URL: what a user's test leaves unset
ME = {"id": "u", "email": "you@example.com", "name": "You", "username": "you", "locale": "es"}


def test_respx_mocks_the_sdks_calls_under_its_retries() -> None:
    with respx.mock(base_url=BASE) as api:
        me = api.get("/me").mock(side_effect=[httpx.Response(503), httpx.Response(200, json=ME)])
        gone = api.get("/projects/p").respond(404, json={"error": {"code": "not_found"}})
        client = projekt.Projekt(api_key=TOKEN, org_id=ORG_ID)
        assert client.me.get().username == "you"
        with pytest.raises(projekt.NotFoundError):
            client.projects.get("p")
    assert me.call_count == 2 and gone.call_count == 1
    assert me.calls.last.request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert gone.calls.last.request.headers["X-Org-Id"] == ORG_ID


def test_respx_mocks_the_async_clients_calls() -> None:
    async def main() -> str:
        async with projekt.AsyncProjekt(api_key=TOKEN, org_id=ORG_ID) as client:
            return (await client.me.get()).email

    with respx.mock(base_url=BASE) as api:
        api.get("/me").respond(200, json=ME)
        assert asyncio.run(main()) == "you@example.com"
