"""The mocks users' own tests reach for, on the SDK.

respx, which users put under httpx clients, works under the SDK too: it patches httpcore's
connection pool, which the SDK's own pool is. pytest-httpx stands in for httpx's own
transports, which the SDK's pool honours while a test has them replaced (mocks.py). The
SDK's retries, headers and typed errors run above either, as they do over the wire; a
change of pool that took the SDK's calls out of their reach fails here.

`unittest.mock`'s autospec, which users put in place of the client itself, sees every
namespace and checks each call against the real method's signature."""

from __future__ import annotations

import asyncio
from unittest import mock

import httpx
import pytest
import respx
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from pytest_httpx import HTTPXMock

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


def test_pytest_httpx_mocks_the_sdks_calls_under_its_retries(httpx_mock: HTTPXMock) -> None:
    """Its mocks were passed by: the SDK's calls went over the network, to the API itself."""
    httpx_mock.add_response(url=f"{BASE}/me", status_code=503, headers={"Retry-After": "0"})
    httpx_mock.add_response(url=f"{BASE}/me", json=ME)
    gone = {"error": {"code": "not_found", "message": "No such project."}}
    httpx_mock.add_response(url=f"{BASE}/projects/p", status_code=404, json=gone)
    with projekt.Projekt(api_key=TOKEN, org_id=ORG_ID) as client:
        assert client.me.get().username == "you"
        with pytest.raises(projekt.NotFoundError, match="No such project"):
            client.projects.get("p")
    sent = httpx_mock.get_requests()
    assert [request.url.path for request in sent] == ["/api/me", "/api/me", "/api/projects/p"]
    assert {request.headers["Authorization"] for request in sent} == {f"Bearer {TOKEN}"}
    assert sent[-1].headers["X-Org-Id"] == ORG_ID


def test_pytest_httpx_mocks_the_async_clients_calls_and_its_failures(
    httpx_mock: HTTPXMock,
) -> None:
    httpx_mock.add_response(url=f"{BASE}/me", json=ME)
    httpx_mock.add_exception(httpx.ReadTimeout("the mock's"), url=f"{BASE}/me/orgs")

    async def main() -> str:
        async with projekt.AsyncProjekt(api_key=TOKEN, org_id=ORG_ID, max_retries=0) as client:
            with pytest.raises(projekt.APITimeoutError):
                await client.me.orgs()
            return (await client.me.get()).email

    assert asyncio.run(main()) == "you@example.com"


def test_the_sdk_keeps_its_own_pool_under_tracings_wrappers_of_httpx() -> None:
    """Instrumentation wraps httpx's methods and keeps their names: that is no test's mock,
    and the SDK's own pool (which respx mocks here) sends as it did."""
    from projekt._runtime.transport.mocks import in_place_of_httpx

    instrumentor = HTTPXClientInstrumentor()
    instrumentor.instrument()
    try:
        wrapped = httpx.HTTPTransport.handle_request, httpx.AsyncHTTPTransport.handle_async_request
        assert not any(in_place_of_httpx(method) for method in wrapped)
        with respx.mock(base_url=BASE) as api:
            me = api.get("/me").respond(200, json=ME)
            with projekt.Projekt(api_key=TOKEN, org_id=ORG_ID) as client:
                assert client.me.get().username == "you"
        assert me.call_count == 1
    finally:
        instrumentor.uninstrument()


def test_an_autospec_client_checks_calls_against_the_real_methods() -> None:
    client = mock.create_autospec(projekt.Projekt, instance=True)
    client.issues.get.return_value = "the issue"
    assert client.issues.get("i1") == "the issue"
    client.issues.get.assert_called_once_with("i1")
    client.issues.with_raw_response.list(project_id="p", limit=5)
    with pytest.raises(TypeError, match="titel"):
        client.issues.create(project_id="p", titel="a typo")
    with pytest.raises(AttributeError):
        client.isues  # noqa: B018  (a typo: no such namespace)


def test_patch_with_autospec_stands_in_for_the_clients_a_program_makes() -> None:
    with mock.patch.object(projekt, "Projekt", autospec=True) as made:
        projekt.Projekt(api_key=TOKEN).projects.get("p")
    made.return_value.projects.get.assert_called_once_with("p")
    with pytest.raises(TypeError):
        made.return_value.projects.get()  # the project's id is missing


def test_an_autospec_async_client_is_awaited() -> None:
    client = mock.create_autospec(projekt.AsyncProjekt, instance=True)
    client.me.get.return_value = "me"
    assert asyncio.run(client.me.get()) == "me"
    client.me.get.assert_awaited_once()
