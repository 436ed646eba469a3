"""Configuration from arguments and the environment; the token and the org header."""

from __future__ import annotations

import asyncio
import base64
import copy
import dataclasses
import inspect
import json
import logging
import pickle
import re
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

import projekt
from projekt import NOT_GIVEN, AsyncProjekt, ClientSettings, ConfigurationError, Projekt
from projekt._settings import defaults_table
from projekt_sandbox.testing import ProjektSandbox
from tests.helpers import BASE_URL, ORG_ID, ROOT, TOKEN, ClientFactory, Recorder, issue_json

ME = {"id": "u", "email": "you@example.com", "name": "You", "username": "you", "locale": "es"}


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROJEKT_API_KEY", TOKEN)
    monkeypatch.setenv("PROJEKT_ORG_ID", ORG_ID)
    monkeypatch.setenv("PROJEKT_BASE_URL", "http://localhost:9999/api")
    client = Projekt()
    assert client.org_id == ORG_ID
    assert str(client.base_url) == "http://localhost:9999/api/"


def test_the_default_base_url_is_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROJEKT_API_KEY", TOKEN)
    assert str(Projekt().base_url) == "https://projekt.3xa.es/api/"


def test_a_missing_key_names_the_environment_variable() -> None:
    with pytest.raises(ConfigurationError, match="PROJEKT_API_KEY"):
        Projekt()


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("PROJEKT_BASE_URL", "localhost:8787", "base_url must be an http"),
        ("PROJEKT_BASE_URL", "http://projekt.example/api", "over plain http://"),
        ("PROJEKT_API_KEY", "pjk_live_short", "The API key looks like"),
        ("PROJEKT_ORG_ID", "org\u201c1", "The org_id 'org\u201c1' is not ASCII"),
        ("PROJEKT_PLAIN_HTTP_HOSTS", "http://sandbox:8787", "plain_http_hosts has"),
        ("PROJEKT_THROTTLE_URL", "http://redis:6379", "throttle_url must be a redis://"),
    ],
)
def test_a_bad_value_from_the_environment_names_its_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, says: str
) -> None:
    """A user who never wrote `base_url=` (a `.env` file's, a deployment's stale secret)
    learns where the value came from; one given is not blamed on the environment."""
    monkeypatch.setenv("PROJEKT_API_KEY", TOKEN)
    monkeypatch.setenv(variable, value)
    told = f"It came from the environment variable {variable}\\.$"
    with pytest.raises(ConfigurationError, match=re.escape(says)) as raised:
        Projekt()
    assert re.search(told, str(raised.value)), str(raised.value)
    monkeypatch.delenv(variable)
    setting = variable.removeprefix("PROJEKT_").lower()
    given = (value,) if setting == "plain_http_hosts" else value
    with pytest.raises(ConfigurationError, match=re.escape(says)) as raised:
        Projekt(**{"api_key": TOKEN, setting: given})
    assert "environment" not in str(raised.value)


@pytest.mark.parametrize(
    "bad",
    [
        "pjk_live_short",
        "pjk_live_AbCd1234EfGh5678IjKl9012MnOp34567",  # 33 characters
        "pjk_test_AbCd1234EfGh5678IjKl9012MnOp3456",
        "pjk_live_AbCd1234EfGh5678IjKl9012MnOp345!",
    ],
)
def test_a_malformed_projekt_token_fails_before_any_request(bad: str) -> None:
    with pytest.raises(ConfigurationError, match="pjk_live_") as caught:
        Projekt(api_key=bad, base_url=BASE_URL)
    assert bad not in str(caught.value)


def test_an_oauth_token_passes_and_is_sent_as_bearer(client_for: ClientFactory) -> None:
    recorder = Recorder(httpx.Response(200, json=ME))
    client = client_for(recorder, api_key="ya29.oauth-access-token")
    client.me.get()
    assert recorder.requests[0].headers["Authorization"] == "Bearer ya29.oauth-access-token"


def test_org_scoped_calls_send_x_org_id_and_me_does_not(client_for: ClientFactory) -> None:
    recorder = Recorder(lambda r: httpx.Response(200, json=ME if r.url.path == "/me" else []))
    client = client_for(recorder)
    client.me.get()
    list(client.issues.list(project_id="p"))
    assert "X-Org-Id" not in recorder.requests[0].headers
    assert recorder.requests[1].headers["X-Org-Id"] == ORG_ID


def test_an_org_scoped_call_without_an_org_names_the_variable_and_sends_nothing(
    client_for: ClientFactory,
) -> None:
    recorder = Recorder(httpx.Response(200, json=[]))
    client = client_for(recorder, org_id=None)
    with pytest.raises(ConfigurationError, match="PROJEKT_ORG_ID"):
        client.issues.get("some-issue")
    assert recorder.requests == []


def test_with_org_returns_a_scoped_copy(client_for: ClientFactory) -> None:
    recorder = Recorder(httpx.Response(200, json=issue_json()))
    client = client_for(recorder)
    client.issues.with_raw_response.get("x")  # the copy must not take these namespaces over
    other = client.with_org("11111111-2222-3333-4444-555555555555")
    other.issues.get("x")
    other.issues.with_raw_response.get("x")
    client.issues.get("x")
    assert [r.headers["X-Org-Id"] for r in recorder.requests] == [
        ORG_ID,
        "11111111-2222-3333-4444-555555555555",
        "11111111-2222-3333-4444-555555555555",
        ORG_ID,
    ]
    assert other.org_id != client.org_id


def test_user_agent_names_sdk_httpx_and_python(client_for: ClientFactory) -> None:
    recorder = Recorder(httpx.Response(200, json=ME))
    client_for(recorder).me.get()
    agent = recorder.requests[0].headers["User-Agent"]
    assert agent.startswith(
        f"projekt-python/{projekt.__version__} httpx/{httpx.__version__} python/"
    )


def test_a_user_http_client_keeps_its_transport_and_headers() -> None:
    recorder = Recorder(httpx.Response(200, json=ME))
    user = httpx.Client(transport=httpx.MockTransport(recorder), headers={"X-Trace": "abc"})
    Projekt(api_key=TOKEN, base_url=BASE_URL, http_client=user).me.get()
    sent = recorder.requests[0]
    assert sent.headers["X-Trace"] == "abc"
    assert sent.headers["Authorization"] == f"Bearer {TOKEN}"
    assert str(sent.url) == f"{BASE_URL}/me"


@pytest.mark.usefixtures("sleeps")
def test_a_request_through_a_user_http_client_is_logged_once_an_attempt(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """httpx logs each request its client sends at INFO. Before, the SDK's own client sent
    through the user's, and each call was logged twice: by the user's client (its attempts)
    and by the SDK's (the call)."""
    recorder = Recorder(httpx.Response(503), httpx.Response(200, json=ME))
    caplog.set_level(logging.INFO, logger="httpx")
    sync_user = httpx.Client(transport=httpx.MockTransport(recorder))
    Projekt(api_key=TOKEN, base_url=BASE_URL, http_client=sync_user).me.get()

    async def through_async_client() -> None:
        async_user = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        await AsyncProjekt(api_key=TOKEN, base_url=BASE_URL, http_client=async_user).me.get()

    asyncio.run(through_async_client())
    assert [record.getMessage() for record in caplog.records] == [
        f'HTTP Request: GET {BASE_URL}/me "HTTP/1.1 503 Service Unavailable"',
        f'HTTP Request: GET {BASE_URL}/me "HTTP/1.1 200 OK"',
        f'HTTP Request: GET {BASE_URL}/me "HTTP/1.1 200 OK"',
    ]
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in recorder.requests)


def test_a_user_http_client_with_its_own_auth_sends_the_sdks_token_and_keeps_its_own() -> None:
    """The SDK's calls carry its token, never the credentials of the user's client (for
    another service, say), which its own calls keep. Up to 0.15.6 such a client was refused:
    sent through by a second client, its auth replaced the token."""
    recorder = Recorder(httpx.Response(200, json=ME))
    user = httpx.Client(transport=httpx.MockTransport(recorder), auth=("someone", "S3cret"))
    Projekt(api_key=TOKEN, base_url=BASE_URL, http_client=user).me.get()
    user.get("https://elsewhere.example/")
    sdks, users = recorder.requests
    assert sdks.headers["Authorization"] == f"Bearer {TOKEN}"
    assert users.headers["Authorization"] == "Basic " + base64.b64encode(b"someone:S3cret").decode()


@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_a_user_http_client_adds_its_query_parameters_and_sends_back_its_cookies(
    flavor: str,
) -> None:
    """As the client would on a request it built: before, its default params were dropped,
    and the cookies its jar took from the API's answers (a load balancer's sticky session)
    were never sent back, though the README said the SDK sends through it as it is."""
    sticky = httpx.Response(200, json=ME, headers={"Set-Cookie": "AWSALB=node-7; Path=/"})
    recorder = Recorder(sticky, httpx.Response(200, json=ME))
    made = {
        "transport": httpx.MockTransport(recorder),
        "params": {"subscription-key": "gw-1"},
        "cookies": {"tenant": "acme"},
    }
    if flavor == "sync":
        client = Projekt(api_key=TOKEN, base_url=BASE_URL, http_client=httpx.Client(**made))
        client.me.get()
        client.me.get(extra_query={"trace": "1"})
        client.me.get(extra_query={"subscription-key": "gw-2"})
    else:
        async_client = AsyncProjekt(
            api_key=TOKEN, base_url=BASE_URL, http_client=httpx.AsyncClient(**made)
        )

        async def calls() -> None:
            await async_client.me.get()
            await async_client.me.get(extra_query={"trace": "1"})
            await async_client.me.get(extra_query={"subscription-key": "gw-2"})

        asyncio.run(calls())
    first, second, third = recorder.requests
    assert first.url.params["subscription-key"] == "gw-1"
    assert first.headers["Cookie"] == "tenant=acme"
    assert dict(second.url.params) == {"trace": "1", "subscription-key": "gw-1"}
    assert third.url.params.get_list("subscription-key") == ["gw-2"]  # the call's own wins
    assert sorted(second.headers["Cookie"].split("; ")) == ["AWSALB=node-7", "tenant=acme"]


def test_a_user_async_client_made_once_serves_one_event_loop_after_another(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """An httpx.AsyncClient made once, a job run by `asyncio.run()` each time: its kept-alive
    connection belongs to the loop that closed, and the next loop's first request went out
    on it, created the issue, and failed as httpx closed it, with asyncio's bare
    `RuntimeError: Event loop is closed`: a write that took effect, reported as a crash. It
    is a failed exchange now: retried with its key, it returns the issue made, once. So for
    a loop that still runs, in another thread."""
    users = httpx.AsyncClient()
    credentials = {"api_key": projekt_sandbox.api_key, "org_id": projekt_sandbox.org_id}
    sdk = AsyncProjekt(**credentials, base_url=projekt_sandbox.base_url, http_client=users)
    at_once = sdk.with_options(max_retries=0)

    async def create(client: AsyncProjekt, title: str) -> Any:
        return await client.issues.with_raw_response.create(
            project_id=projekt_sandbox.project_id, title=title
        )

    assert asyncio.run(create(sdk, "first job")).retries == 0
    again = asyncio.run(create(sdk, "second job"))
    assert (again.parse().title, again.retries, again.replayed) == ("second job", 1, True)
    with pytest.raises(projekt.ConnectionOutcomeUnknownError) as caught:
        asyncio.run(create(at_once, "third job"))  # no retry left: said, with its key
    assert caught.value.idempotency_key is not None
    assert "belongs to another event loop" in str(caught.value.__cause__)
    # A loop that runs on in another thread, its connection idle in the pool: asyncio's
    # words were "... is bound to a different event loop", after the issue was made.
    elsewhere = asyncio.new_event_loop()
    runner = threading.Thread(target=elsewhere.run_forever, daemon=True)
    runner.start()
    try:
        there = asyncio.run_coroutine_threadsafe(create(sdk, "fourth job"), elsewhere)
        assert there.result(timeout=30).parse().title == "fourth job"
        assert asyncio.run(create(sdk, "fifth job")).replayed
    finally:
        elsewhere.call_soon_threadsafe(elsewhere.stop)
        runner.join(timeout=30)
        elsewhere.close()
    with projekt_sandbox.client() as client:
        titles = [i.title for i in client.issues.list(project_id=projekt_sandbox.project_id)]
    jobs = ("first job", "second job", "third job", "fourth job", "fifth job")
    assert [titles.count(t) for t in jobs] == [1, 1, 1, 1, 1]


def test_a_user_http_clients_base_url_never_gets_the_token() -> None:
    """The README says where calls go: the SDK's base_url. A client shared with the rest of
    an app may have a base_url of its own (the app's backend); the token never goes there."""
    recorder = Recorder(httpx.Response(200, json=ME))
    user = httpx.Client(transport=httpx.MockTransport(recorder), base_url="https://app.example")
    Projekt(api_key=TOKEN, base_url=BASE_URL, http_client=user).me.get()
    (sent,) = recorder.requests
    assert str(sent.url) == f"{BASE_URL}/me"


def test_a_user_http_client_keeps_its_timeout_unless_the_sdk_is_given_one() -> None:
    """The README keeps a user client's settings. Before, its timeout was replaced by the
    SDK's 15 s: a client made with timeout=60 for a slow network was cut at 15 s. As in
    openai-python, a timeout set on the client counts unless `timeout=` is given; a client
    left at httpx's own default (5 s) gets the SDK's."""

    def sent_timeout(users_timeout: Any = NOT_GIVEN, **options: Any) -> dict[str, Any]:
        recorder = Recorder(httpx.Response(200, json=ME))
        made = {} if users_timeout is NOT_GIVEN else {"timeout": users_timeout}
        user = httpx.Client(transport=httpx.MockTransport(recorder), **made)
        Projekt(api_key=TOKEN, base_url=BASE_URL, http_client=user, **options).me.get()
        return dict(recorder.requests[0].extensions["timeout"])

    assert set(sent_timeout(60).values()) == {60}
    assert sent_timeout(httpx.Timeout(60, connect=2))["connect"] == 2
    assert set(sent_timeout(60, timeout=3).values()) == {3}
    assert set(sent_timeout().values()) == {15}
    user = httpx.AsyncClient(timeout=60)
    assert AsyncProjekt(api_key=TOKEN, http_client=user).settings.timeout == httpx.Timeout(60)


def test_timeout_is_15_seconds_by_default_and_configurable_per_client_and_call(
    client_for: ClientFactory,
) -> None:
    recorder = Recorder(httpx.Response(200, json=ME))
    client_for(recorder).me.get()
    client_for(recorder, timeout=3.0).me.get()
    client_for(recorder).me.get(timeout=1.5)
    reads = [r.extensions["timeout"]["read"] for r in recorder.requests]
    assert reads == [15.0, 3.0, 1.5]


def test_the_token_is_refused_over_plain_http_to_a_remote_host() -> None:
    with pytest.raises(ConfigurationError, match="https") as caught:
        Projekt(api_key=TOKEN, base_url="http://projekt.example.com/api")
    assert "plain_http_hosts= or PROJEKT_PLAIN_HTTP_HOSTS" in str(caught.value)
    # Named for another host, the setting does not open this one.
    with pytest.raises(ConfigurationError, match="https"):
        Projekt(api_key=TOKEN, base_url="http://sandbox:8787", plain_http_hosts=["sandbox2"])


class Resolving(httpx.HTTPTransport):
    """Reaches every host at 127.0.0.1, as a container network's DNS reaches a service by its
    name (and curl's --resolve does): the request still names the host it was sent to."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(host="127.0.0.1")
        return super().handle_request(request)


@pytest.mark.parametrize("named_in", ["the setting", "the environment"])
def test_plain_http_carries_the_token_to_a_host_named_for_it(
    named_in: str, projekt_sandbox: ProjektSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sandbox in another container (docker compose, a CI job's service) is reached by
    its name, over plain http: naming that host lets the token go there, and only there."""
    base_url = projekt_sandbox.base_url.replace("127.0.0.1", "projekt-sandbox")
    options: dict[str, Any] = {"plain_http_hosts": ["Projekt-Sandbox"]}
    if named_in == "the environment":
        monkeypatch.setenv("PROJEKT_PLAIN_HTTP_HOSTS", "other, projekt-sandbox,")
        options = {}
    credentials = {"api_key": projekt_sandbox.api_key, "org_id": projekt_sandbox.org_id}
    with Projekt(base_url=base_url, transport=Resolving(), **credentials, **options) as client:
        assert client.me.get().email == "you@example.com"
        with pytest.raises(ConfigurationError, match="plain http:// to other2"):
            client.with_options(base_url=base_url.replace("projekt-sandbox", "other2"))


@pytest.mark.parametrize(
    "hosts",
    # ["xn--"]: a name that is no punycode raised idna's IDNAError, in no exception of ours.
    [
        "sandbox",
        ["http://sandbox"],
        ["sandbox:8787"],
        ["sandbox/api"],
        ["me@sandbox"],
        [""],
        [1],
        ["xn--"],
    ],
)
def test_plain_http_hosts_takes_host_names_alone(hosts: object) -> None:
    with pytest.raises(ConfigurationError, match="plain_http_hosts"):
        Projekt(api_key=TOKEN, base_url="http://sandbox:8787", plain_http_hosts=hosts)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("named", "base_url"),
    [
        ("xn--bcher-kva.example", "http://bücher.example:8787"),
        ("XN--BCHER-KVA.example", "http://xn--bcher-kva.example:8787"),
        ("bücher.example", "http://xn--bcher-kva.example:8787"),
    ],
)
def test_plain_http_hosts_takes_a_name_in_punycode_or_in_unicode(named: str, base_url: str) -> None:
    """A name as a URL shows it, in punycode, was refused as "not a host name"; only the
    Unicode form was taken. Either opens the host, written either way."""
    with Projekt(api_key=TOKEN, base_url=base_url, plain_http_hosts=[named]) as client:
        assert client.base_url == "http://xn--bcher-kva.example:8787"
    with pytest.raises(ConfigurationError, match="plain http:// to "):
        Projekt(api_key=TOKEN, base_url="http://bucher.example", plain_http_hosts=[named])


@pytest.mark.parametrize("base_url", [f"{BASE_URL}\r", f" {BASE_URL}", f"{BASE_URL}\n"])
def test_a_base_url_with_a_line_ending_or_space_says_so(
    monkeypatch: pytest.MonkeyPatch, base_url: str
) -> None:
    """As the token's and the org id's errors do: a .env file saved with Windows line endings
    is the usual cause. Before, "not a valid URL" or "must be an http(s) URL"."""
    monkeypatch.setenv("PROJEKT_BASE_URL", base_url)
    with pytest.raises(ConfigurationError, match="contains whitespace or control characters"):
        Projekt(api_key=TOKEN)


@pytest.mark.parametrize(
    ("base_url", "meant"),
    [
        ("localhost:8787", "http://localhost:8787"),
        ("127.0.0.1:8787/api", "http://127.0.0.1:8787/api"),
        ("projekt.3xa.es/api", "https://projekt.3xa.es/api"),
        ("http//127.0.0.1:8787", "http://127.0.0.1:8787"),
        ("https:/projekt.3xa.es/api", "https://projekt.3xa.es/api"),
        ("HTTP:localhost:8787", "http://localhost:8787"),
        ("http//projekt.3xa.es", "https://projekt.3xa.es"),  # where the token may go
    ],
)
def test_a_base_url_without_its_scheme_is_refused_with_the_one_it_lacks(
    base_url: str, meant: str
) -> None:
    """`PROJEKT_BASE_URL=localhost:8787` is an easy slip; the error said only that it was
    not an http(s) URL with a host. So is `http//localhost:8787`, for which the hint was
    'https://http//localhost:8787'."""
    with pytest.raises(ConfigurationError, match=f"did you mean '{re.escape(meant)}'"):
        Projekt(api_key=TOKEN, base_url=base_url)


def test_a_host_named_for_plain_http_without_its_scheme_is_offered_http() -> None:
    """The sandbox in another container, written `sandbox:8787`, is plain http: https would
    be the wrong hint."""
    with pytest.raises(ConfigurationError, match="did you mean 'http://sandbox:8787'"):
        Projekt(api_key=TOKEN, base_url="sandbox:8787", plain_http_hosts=["sandbox"])


@pytest.mark.parametrize(
    "base_url",
    [
        "https://api.example/api?tenant=1",
        "https://api.example/api#top",
        "https://api.example/api?",
        "https://api.example/api#",
    ],
)
def test_a_base_url_with_a_query_or_fragment_is_refused(base_url: str) -> None:
    """Every path is appended to the base URL; before, `?tenant=1` sent GET
    `/api?tenant=1/me`, through httpx's join as well as the SDK's. An empty one (a bare `?`
    or `#`) passed the check, and every call went to `/api` itself."""
    with pytest.raises(ConfigurationError, match="no query and no fragment"):
        Projekt(api_key=TOKEN, base_url=base_url)
    with pytest.raises(ConfigurationError, match="no query and no fragment"):
        Projekt(api_key=TOKEN, base_url=BASE_URL).with_options(base_url=base_url)


@pytest.mark.parametrize("port", ["0", "65536", "99999"])
def test_a_base_url_whose_port_is_no_port_is_refused(port: str) -> None:
    """httpx takes any number: port 99999 was tried, three times, as a connection error."""
    with pytest.raises(ConfigurationError, match="port is not 1 to 65535"):
        Projekt(api_key=TOKEN, base_url=f"http://127.0.0.1:{port}")


@pytest.mark.parametrize("base_url", ["https://xn--/api", "https://xn--zz.example.com", "xn--"])
def test_a_base_url_whose_host_is_no_punycode_is_refused(base_url: str) -> None:
    """An "xn--" name that does not decode: idna's own IDNAError ("Invalid A-label") came out
    of the constructor, in no exception of the SDK's; written without a scheme too."""
    with pytest.raises(ConfigurationError, match="base_url"):
        Projekt(api_key=TOKEN, base_url=base_url)


@pytest.mark.parametrize("host", ["api..example.com", f"{'a' * 64}.example.com", ".example.com"])
def test_a_base_url_whose_host_no_lookup_takes_is_refused(host: str) -> None:
    """A doubled dot (a typo), a label over 63 characters: each call failed as it connected,
    with a bare UnicodeError from the socket module's idna codec, after its retries."""
    with pytest.raises(ConfigurationError, match=r"base_url's host .* no name DNS can look up"):
        Projekt(api_key=TOKEN, base_url=f"https://{host}/api")


@pytest.mark.parametrize("userinfo", ["user:s3cret@", "user@", ":s3cret@"])
def test_a_base_url_with_credentials_is_refused_unechoed(userinfo: str) -> None:
    """The token takes the Authorization header, so a password in base_url was never sent,
    and httpx logged it in each request's line ("HTTP Request: GET http://user:s3cret@...")."""
    with pytest.raises(ConfigurationError, match="no user name or password") as caught:
        Projekt(api_key=TOKEN, base_url=f"https://{userinfo}api.example/api")
    assert "s3cret" not in str(caught.value)


def test_a_next_page_link_to_another_host_is_not_followed(client_for: ClientFactory) -> None:
    recorder = Recorder(
        httpx.Response(
            200, json=[issue_json()], headers={"Link": '<https://evil.example/x>; rel="next"'}
        )
    )
    with pytest.raises(projekt.APIResponseValidationError, match="another origin"):
        list(client_for(recorder).issues.list(project_id="p"))
    assert len(recorder.requests) == 1


def test_a_next_page_link_of_another_scheme_names_the_origin(client_for: ClientFactory) -> None:
    """The host is the same and the scheme is not, which the error did not say: it named the
    host alone, as if it were another."""
    other = BASE_URL.replace("http://", "https://")
    link = {"Link": f'<{other}/issues?cursor=c1>; rel="next"'}
    recorder = Recorder(httpx.Response(200, json=[issue_json()], headers=link))
    with pytest.raises(projekt.APIResponseValidationError) as caught:
        list(client_for(recorder).issues.list(project_id="p"))
    assert f"another origin ({other})" in caught.value.message


@pytest.mark.parametrize("status", [302, 303, 307])
def test_a_users_http_client_that_follows_redirects_sends_nothing_elsewhere(status: int) -> None:
    """The SDK follows no redirect, through its own client or a user's whose
    `follow_redirects=True` is for the user's own calls. Followed, a create answered 303 was
    read from a GET elsewhere, as if that were the issue made, and a 307 sent the write, its
    X-Org-Id and its Idempotency-Key to another origin."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "127.0.0.1":
            return httpx.Response(status, headers={"Location": "https://elsewhere.example/x"})
        return httpx.Response(200, json=issue_json())

    recorder = Recorder(handler)
    user = httpx.Client(transport=httpx.MockTransport(recorder), follow_redirects=True)
    client = Projekt(api_key=TOKEN, org_id=ORG_ID, base_url=BASE_URL, http_client=user)
    with pytest.raises(projekt.APIStatusError) as caught:
        client.issues.create(project_id=issue_json()["project_id"], title="Once")
    assert caught.value.status_code == status
    assert "redirects to https://elsewhere.example/x, which the SDK does not follow" in str(
        caught.value
    )
    assert [r.url.host for r in recorder.requests] == ["127.0.0.1"]

    async def through_an_async_client() -> None:
        user = httpx.AsyncClient(transport=httpx.MockTransport(recorder), follow_redirects=True)
        client = AsyncProjekt(api_key=TOKEN, org_id=ORG_ID, base_url=BASE_URL, http_client=user)
        with pytest.raises(projekt.APIStatusError, match="which the SDK does not follow"):
            await client.issues.create(project_id=issue_json()["project_id"], title="Once")

    asyncio.run(through_an_async_client())
    assert [r.url.host for r in recorder.requests] == ["127.0.0.1"] * 2


def test_a_transport_alone_can_be_given_instead_of_a_client() -> None:
    recorder = Recorder(httpx.Response(200, json=ME))
    client = Projekt(api_key=TOKEN, base_url=BASE_URL, transport=httpx.MockTransport(recorder))
    assert client.me.get().email == "you@example.com"
    assert recorder.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"
    with pytest.raises(ConfigurationError, match="not both"):
        Projekt(
            api_key=TOKEN,
            transport=httpx.MockTransport(recorder),
            http_client=httpx.Client(),
        )


def test_the_sdks_own_client_keeps_no_cookies_but_a_users_client_keeps_its_own(
    client_for: ClientFactory,
) -> None:
    def setting_a_cookie(request: httpx.Request) -> httpx.Response:
        headers = {"Set-Cookie": "session=abc; Path=/"}
        return httpx.Response(200, json=ME, headers=headers)

    recorder = Recorder(setting_a_cookie)
    client = client_for(recorder)
    client.me.get()
    client.me.get()
    assert "cookie" not in recorder.requests[1].headers

    users = httpx.Client(transport=httpx.MockTransport(recorder))
    wrapped = Projekt(api_key=TOKEN, org_id=ORG_ID, base_url=BASE_URL, http_client=users)
    wrapped.me.get()
    assert users.cookies["session"] == "abc"  # the user's jar is theirs, filled as before


def test_settings_hold_what_the_client_was_built_from_and_never_show_the_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PROJEKT_API_KEY", TOKEN)
    monkeypatch.setenv("PROJEKT_ORG_ID", ORG_ID)
    settings = Projekt(max_retries=5).settings
    assert (settings.api_key, settings.org_id, settings.max_retries) == (TOKEN, ORG_ID, 5)
    assert settings.base_url == "https://projekt.3xa.es/api" and settings.timeout == 15.0
    assert TOKEN not in repr(settings) and "max_retries=5" in repr(settings)


def test_with_options_changes_only_the_copy(client_for: ClientFactory, sleeps: list[float]) -> None:
    recorder = Recorder(httpx.Response(503))
    client = client_for(recorder, max_retries=2)
    patient = client.with_options(max_retries=0, org_id="11111111-2222-3333-4444-555555555555")
    with pytest.raises(projekt.InternalServerError):
        patient.issues.get("x")
    assert len(recorder.requests) == 1
    assert recorder.requests[0].headers["X-Org-Id"] == "11111111-2222-3333-4444-555555555555"
    assert recorder.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"
    with pytest.raises(projekt.InternalServerError):
        client.issues.get("x")
    assert len(recorder.requests) == 4  # the original still retries twice, in its own org
    assert recorder.requests[-1].headers["X-Org-Id"] == ORG_ID
    assert (client.settings.max_retries, patient.settings.max_retries) == (2, 0)


class TenantClient(Projekt):
    """A user's subclass, with a helper that reads state its __init__ keeps."""

    def __init__(self, tenant: str, **settings: Any) -> None:
        super().__init__(**settings)
        self.tenant = tenant

    def tagged_me(self) -> str:
        return f"{self.tenant}:{self.me.get().email}"


def test_a_subclass_keeps_its_own_attributes_in_every_copy() -> None:
    """Before, `with_options()` (and so `copy.copy()`) made the copy without the subclass's
    attributes, where `with_org()` kept them: `copy.tagged_me()` was an AttributeError."""
    recorder = Recorder(*[httpx.Response(200, json=ME)] * 4)
    mock = httpx.MockTransport(recorder)
    client = TenantClient("acme", api_key=TOKEN, base_url=BASE_URL, transport=mock)
    client.me.get()  # the original's namespace, made: each copy makes its own
    for made in (client.with_options(timeout=5), copy.copy(client), client.with_org(ORG_ID)):
        assert isinstance(made, TenantClient) and made.tagged_me() == "acme:you@example.com"
        assert made.me is not client.me
        made.close()
    assert client.settings.timeout == 15.0 and client.tagged_me().startswith("acme:")


def test_with_options_refuses_what_is_not_a_setting(client_for: ClientFactory) -> None:
    """The refusal names the method called, as Python's own for a misspelt keyword does,
    where it named `ClientSettings.__init__()`, which the caller never called."""
    client = client_for(Recorder(httpx.Response(200, json=ME)))
    named = "Projekt" if isinstance(client, Projekt) else "AsyncProjekt"
    said = rf"^{named}\.with_options\(\) got an unexpected keyword argument"
    with pytest.raises(TypeError, match=said + r" 'max_retry'\. Did you mean 'max_retries'\?$"):
        client.with_options(max_retry=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=said + " 'colour'$"):
        client.with_options(colour="blue")  # type: ignore[call-arg]
    with pytest.raises(ConfigurationError, match="max_retries"):
        client.with_options(max_retries=-1)


@pytest.mark.parametrize(
    "timeout",
    [
        "10",
        0,
        -1,
        float("nan"),
        float("inf"),
        pytest.param(10**400, id="10**400"),  # an int past any float
        True,
        httpx.Timeout(5, read=0),
    ],
)
def test_a_timeout_no_call_could_keep_is_refused_before_sending(
    client_for: ClientFactory, timeout: object
) -> None:
    """Before, a string (from the environment, say) failed each call with a bare TypeError,
    and 0 or a negative number timed each one out at once."""
    with pytest.raises(ConfigurationError, match="timeout must be a number of seconds > 0"):
        Projekt(api_key=TOKEN, base_url=BASE_URL, timeout=timeout)  # type: ignore[arg-type]
    recorder = Recorder(httpx.Response(200, json=ME))
    client = client_for(recorder)
    with pytest.raises(ConfigurationError, match="timeout must be"):
        client.with_options(timeout=timeout)
    with pytest.raises(projekt.InvalidArgumentError, match=r"^me\.get\(\): timeout must be"):
        client.me.get(timeout=timeout)  # type: ignore[arg-type]
    assert recorder.requests == []
    for usable in (None, 0.5, 3, httpx.Timeout(5, connect=None)):
        assert client.me.get(timeout=usable).email == ME["email"]


@pytest.mark.parametrize("max_retries", ["2", -1, 1.5, True])
def test_a_max_retries_per_call_that_is_no_count_is_refused_before_sending(
    client_for: ClientFactory, max_retries: object
) -> None:
    """The client refused these, but a call took them: a string failed with a bare
    TypeError once a retryable answer had come (a write already sent), -1 meant no retry
    and 1.5 meant one."""
    recorder = Recorder(httpx.Response(503), httpx.Response(200, json=ME))
    client = client_for(recorder)
    with pytest.raises(ConfigurationError, match="max_retries must be an integer >= 0"):
        client.with_options(max_retries=max_retries)  # type: ignore[arg-type]
    said = r"^issues\.create\(\): max_retries must be an integer >= 0\. Nothing was sent\.$"
    with pytest.raises(projekt.InvalidArgumentError, match=said):
        client.issues.create(project_id="p", title="t", max_retries=max_retries)  # type: ignore[arg-type]
    with pytest.raises(projekt.InvalidArgumentError, match="max_retries"):
        client.get("/me", max_retries=max_retries)  # type: ignore[arg-type]
    assert recorder.requests == []
    assert client.me.get(max_retries=1).email == ME["email"]  # the 503, then the answer
    assert client.me.get(max_retries=None).email == ME["email"]  # type: ignore[arg-type]  # the client's, as before


@pytest.mark.parametrize(
    "setting, value, said",
    [
        ("api_key", 123, "api_key must be a str, not int"),
        ("org_id", 123, "org_id must be a str, not int"),
        ("org_id", uuid.UUID(ORG_ID), "org_id must be a str, not UUID"),
        ("base_url", 123, "base_url must be a str, not int"),
        ("throttle_url", b"redis://localhost", "throttle_url must be a str, not bytes"),
        ("throttle", "false", "throttle must be True or False, not 'false'"),
        ("trust_env", 0, "trust_env must be True or False, not 0"),
        ("max_retries", True, "max_retries must be an integer >= 0"),
        ("total_timeout", "30", "total_timeout must be a number of seconds > 0, or None"),
        ("total_timeout", True, "total_timeout must be a number of seconds > 0, or None"),
        pytest.param(
            "total_timeout",
            10**400,
            "total_timeout must be a number of seconds > 0, or None",
            id="total_timeout-10**400",
        ),
        ("throttle_timeout", True, "throttle_timeout must be a number of seconds > 0"),
        ("max_response_bytes", True, "max_response_bytes must be an integer >= 1"),
        ("http_client", "http://proxy", "http_client= must be an httpx."),
        ("tracer_provider", object(), "tracer_provider must be an OpenTelemetry provider"),
        ("meter_provider", "global", "meter_provider must be an OpenTelemetry provider"),
    ],
)
def test_a_setting_of_the_wrong_type_is_a_configuration_error_naming_it(
    client_for: ClientFactory, setting: str, value: object, said: str
) -> None:
    """Before, an org id held as a uuid.UUID failed with "'UUID' object is not iterable",
    throttle="false" (read from an environment variable, say) turned the throttle on,
    total_timeout="30" and http_client="http://proxy" failed with a bare TypeError or
    AttributeError, True was taken for 1, and a provider without get_tracer() (a Tracer
    passed for its TracerProvider) only lost every span, with one warning."""
    options = {"api_key": TOKEN, "base_url": BASE_URL, setting: value}
    with pytest.raises(ConfigurationError, match=re.escape(said)):
        Projekt(**options)  # type: ignore[arg-type]
    client = client_for(Recorder(httpx.Response(200, json=ME)))
    with pytest.raises(ConfigurationError, match=re.escape(said)):
        client.with_options(**{setting: value})
    if setting == "org_id":
        with pytest.raises(ConfigurationError, match=re.escape(said)):
            client.with_org(value)
        with pytest.raises(projekt.InvalidArgumentError, match=re.escape(f"get(): {said}.")):
            client.get("/me", org_id=value)


def test_copies_share_the_connection_pool_and_close_only_themselves() -> None:
    """Copies made for one call each open no new connection: they use the original's. A copy
    closed (at the end of its with block) leaves the original open, on that connection
    still; the original closed closes its copies too. Before, a with_org() copy's with block
    closed the original."""
    ports: list[int] = []

    class KeepAlive(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body leave in two writes: with Nagle on, each kept-alive answer's body
        # would wait for the client's delayed ACK.
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            ports.append(self.client_address[1])
            body = json.dumps(ME).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), KeepAlive)
    threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with Projekt(api_key=TOKEN, base_url=url) as client:
            client.me.get()
            for n in range(3):
                client.with_options(timeout=5.0 + n, max_retries=n).me.get()
            client.with_org("11111111-2222-3333-4444-555555555555").me.get()
            with client.with_org("11111111-2222-3333-4444-555555555555") as scoped:
                scoped.me.get()
            with client.with_options(max_retries=0) as patient:
                patient.me.get()
            # What a framework's copy.copy() or copy.deepcopy() makes is such a copy too.
            with copy.copy(client) as copied, copy.deepcopy(client) as deep:
                copied.me.get()
                deep.me.get()
            client.me.get()
            for closed in (scoped, patient, copied, deep):
                with pytest.raises(projekt.ClientClosedError):
                    closed.me.get()
            kept = client.with_org("11111111-2222-3333-4444-555555555555")
        for made_before in (kept, client.with_options(max_retries=0)):
            with pytest.raises(projekt.ClientClosedError, match="copied from"):
                made_before.me.get()
    finally:
        server.shutdown()
        server.server_close()
    assert len(ports) == 10 and len(set(ports)) == 1


def test_a_client_is_not_pickled_and_the_refusal_says_why() -> None:
    """multiprocessing's spawn pickles what it passes to a worker: a client refuses with
    what to do instead, where pickle's own error named a lock, and never holds the key."""
    client = Projekt(api_key=TOKEN, base_url=BASE_URL)
    for made in (client, client.with_org(ORG_ID), projekt.AsyncProjekt(api_key=TOKEN)):
        refused = r"cannot be pickled.*Make one in each process"
        with pytest.raises(TypeError, match=refused) as caught:
            pickle.dumps(made)
        assert TOKEN not in str(caught.value)


def test_the_readmes_settings_table_is_the_settings_class() -> None:
    """Each default is stated once, in ClientSettings; the README's table must agree."""
    readme = (ROOT / "README.md").read_text()
    table = [line for line in readme.splitlines() if line.startswith("| `")]
    expected = [
        f"| `{name}` | {f'`{env}`' if env else ''} | `{default!r}` | {meaning} |"
        for name, default, env, meaning in defaults_table()
    ]
    assert [row for row in table if row in expected] == expected
    assert [f.name for f in dataclasses.fields(ClientSettings)] == [
        name for name in inspect.signature(Projekt).parameters
    ]
    assert [f.name for f in dataclasses.fields(ClientSettings)] == list(
        projekt.SettingsChanges.__annotations__
    )
