"""The mocks users' own tests reach for, on the SDK.

respx, which users put under httpx clients, works under the SDK too: it patches httpcore's
connection pool, which the SDK's own pool is. pytest-httpx and VCR.py stand in for httpx's
own transports, which the SDK's pool honours while a test has them replaced (mocks.py). The
SDK's retries, headers and typed errors run above either, as they do over the wire; a
change of pool that took the SDK's calls out of their reach fails here.

`unittest.mock`'s autospec, which users put in place of the client itself, sees every
namespace and checks each call against the real method's signature."""

from __future__ import annotations

import asyncio
import gc
import warnings
from pathlib import Path
from unittest import mock

import httpx
import pytest
import respx
import vcr
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from pytest_httpx import HTTPXMock

import projekt
from projekt_sandbox.testing import ProjektSandbox
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


@pytest.mark.httpx_mock(should_mock=lambda request: request.url.host != "127.0.0.1")
def test_pytest_httpx_passes_what_it_should_not_mock_on_to_a_sandbox(
    httpx_mock: HTTPXMock, projekt_sandbox: ProjektSandbox
) -> None:
    """A test that mocks another service and calls the sandbox: pytest-httpx answers every
    httpx client's calls, the SDK's now too, but those its `should_mock` leaves out. A client
    left unclosed leaves no socket open, as it does without a mock."""
    httpx_mock.add_response(url="https://other.example/status", json={"up": True})
    assert httpx.get("https://other.example/status").json() == {"up": True}
    with projekt_sandbox.client() as client:
        assert client.me.get().email == "you@example.com"
    gc.collect()  # what earlier tests in this process left, warned of before looking
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always", ResourceWarning)
        unclosed = projekt_sandbox.client()
        assert len(list(unclosed.issues.list(project_id=projekt_sandbox.project_id, limit=2))) > 2
        del unclosed
        gc.collect()
    assert [str(w.message) for w in warned if "socket" in str(w.message)] == []


def test_vcr_records_the_sdks_calls_without_the_token_and_replays_them(
    projekt_sandbox: ProjektSandbox, tmp_path: Path
) -> None:
    """VCR.py (and pytest-recording, on it) wraps httpx's transports: it recorded nothing of
    the SDK's, and a replay went to the server. Each request id is the server's own, so one
    replayed is the recorded one."""
    cassettes = vcr.VCR(cassette_library_dir=str(tmp_path), filter_headers=["authorization"])

    def calls() -> tuple[str | None, str | None]:
        with projekt_sandbox.client() as client:
            with pytest.raises(projekt.NotFoundError) as missing:
                client.issues.get("00000000-0000-4000-8000-000000000000")
            return client.me.get()._request_id, missing.value.request_id

    async def async_calls() -> str | None:
        async with projekt_sandbox.async_client() as client:
            return (await client.me.get())._request_id

    with cassettes.use_cassette("sync.yaml", record_mode="once"):
        recorded = calls()
    with cassettes.use_cassette("async.yaml", record_mode="once"):
        recorded_async = asyncio.run(async_calls())
    assert projekt_sandbox.api_key not in (tmp_path / "sync.yaml").read_text()
    with cassettes.use_cassette("sync.yaml", record_mode="none"):
        assert calls() == recorded
    with cassettes.use_cassette("async.yaml", record_mode="none"):
        assert asyncio.run(async_calls()) == recorded_async
    assert calls() != recorded  # outside a cassette, the server answers anew


def test_a_unittest_mock_of_httpxs_transports_is_called_as_a_plain_client_calls_it() -> None:
    """`mock.patch.object(httpx.HTTPTransport, "handle_request", side_effect=...)`: a plain
    client calls it with the request alone, and the SDK called it with a transport too, so
    the side effect failed with TypeError."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=ME, request=request)

    async def answer_async(request: httpx.Request) -> httpx.Response:
        return answer(request)

    async def main() -> str:
        async with projekt.AsyncProjekt(api_key=TOKEN, org_id=ORG_ID) as client:
            return (await client.me.get()).email

    transports = httpx.HTTPTransport, httpx.AsyncHTTPTransport
    with (
        mock.patch.object(transports[0], "handle_request", side_effect=answer) as sent,
        mock.patch.object(transports[1], "handle_async_request", side_effect=answer_async),
    ):
        with projekt.Projekt(api_key=TOKEN, org_id=ORG_ID) as client:
            assert client.me.get().username == "you"
        assert asyncio.run(main()) == "you@example.com"
    assert sent.call_args.args[0].headers["Authorization"] == f"Bearer {TOKEN}"


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
