"""The SDK over TLS, as it always talks to the real API.

The sandbox speaks plain http, so a fault proxy in front of it serves https with a
certificate from a throwaway CA (trustme), and the SDK's own pool makes real handshakes:
the deadline wraps them; a certificate this machine does not trust fails at once and
says how to trust it, as https:// to a plain-http server or proxy says to check the
scheme; a company's proxy that tunnels https never sees the token; and a connection the
server closed while idle is not used again. The proxy answers as the
sandbox does, and as an API behind nginx does: gzip, in chunks.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import trio
import trustme

import projekt
from projekt import AsyncProjekt, Projekt
from tests.helpers import Sandbox, make_client
from tests.resilience.faultproxy import FaultProxy, Forward, Reset, Tunnel, serving_tls

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
_keys = itertools.count(1)


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def ca_file(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tls") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture
def tls_proxy(ca: trustme.CA, fault_sandbox: Sandbox) -> Iterator[FaultProxy]:
    with serving_tls(ca, fault_sandbox.port) as proxy:
        yield proxy


@pytest.fixture(params=["as the sandbox answers", "as nginx answers (gzip, in chunks)"])
def api_proxy(
    request: pytest.FixtureRequest, ca: trustme.CA, fault_sandbox: Sandbox
) -> Iterator[FaultProxy]:
    """https in front of the sandbox, answering as it does, or as a production API behind
    nginx with gzip on does: each body compressed and chunked, with no Content-Length."""
    gzip_chunked = request.param != "as the sandbox answers"
    with serving_tls(ca, fault_sandbox.port, gzip_chunked=gzip_chunked) as proxy:
        yield proxy


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    bundles = ("SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")
    for name in (*PROXY_VARIABLES, *bundles):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def trusting(monkeypatch: pytest.MonkeyPatch, ca_file: Path) -> None:
    """This machine trusts the throwaway CA, as a user trusts their company's."""
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))


@pytest.fixture
def connect(fault_sandbox: Sandbox, flavor: str, runner: asyncio.Runner | None) -> Iterator[Any]:
    """`connect(url, **options)`: this flavor's client of the seeded owner, at `url`."""
    clients: list[Any] = []

    def build(url: str, **options: Any) -> Any:
        credentials = fault_sandbox.owner
        # An attempt's timeout long enough for a loaded machine, unless the test sets one.
        options = {"timeout": 2.0, **options, "base_url": url}
        options.update(api_key=credentials["api_key"], org_id=credentials["org_id"])
        clients.append(make_client(flavor, runner, **options))
        return clients[-1]

    yield build
    for client in clients:
        client.close()


@pytest.fixture
def project(owner: Projekt) -> str:
    return owner.projects.create(name="Over TLS", key=f"T{next(_keys)}LS").id


def titles(owner: Projekt, project: str) -> list[str]:
    return [issue.title for issue in owner.issues.list(project_id=project)]


@pytest.mark.usefixtures("trusting")
def test_the_quickstart_loop_runs_over_tls(
    connect: Any, api_proxy: FaultProxy, owner: Projekt, project: str
) -> None:
    client = connect(api_proxy.url)
    assert client.me.get().email
    created = client.issues.create(project_id=project, title="Over TLS", priority="high")
    assert [issue.id for issue in client.issues.list(project_id=project)] == [created.id]
    assert client.issues.update(created.id, status="Done").status == "Done"
    client.issues.delete(created.id)
    assert api_proxy.forwarded == ["GET 200", "POST 201", "GET 200", "PATCH 200", "DELETE 204"]
    assert api_proxy.connections == 1  # one handshake, then the connection is kept alive
    assert titles(owner, project) == []


@pytest.mark.usefixtures("trusting")
@pytest.mark.parametrize(
    "fault", [Reset(after_forward=True), Forward(truncate=True)], ids=["reset", "cut short"]
)
def test_a_lost_answer_over_tls_is_resent_on_a_new_connection_and_acts_once(
    fault: Reset | Forward,
    connect: Any,
    api_proxy: FaultProxy,
    owner: Projekt,
    project: str,
    sleeps: list[float],
) -> None:
    api_proxy.then(fault)
    client = connect(api_proxy.url)
    created = client.issues.create(project_id=project, title="Once")
    assert created.title == "Once" and created._request_id
    assert api_proxy.forwarded == ["POST 201", "POST 201"] and len(sleeps) == 1
    assert api_proxy.connections == 2
    assert titles(owner, project) == ["Once"]


@pytest.mark.usefixtures("trusting")
def test_a_connection_the_server_closed_while_idle_is_not_used_again(
    connect: Any, api_proxy: FaultProxy, owner: Projekt, project: str, sleeps: list[float]
) -> None:
    """A server closes a kept-alive connection once it has been idle a while (nginx's
    keepalive_timeout). The next call sees that before it sends, and connects anew: no
    request goes out on a dead connection, to be lost and resent."""
    client = connect(api_proxy.url)
    api_proxy.then(Forward(close_after=True))
    client.me.get()
    assert api_proxy.closed.acquire(timeout=10)  # idle, and closed by the server
    client.issues.create(project_id=project, title="On a new connection")
    assert api_proxy.forwarded == ["GET 200", "POST 201"] and sleeps == []
    assert api_proxy.connections == 2
    assert titles(owner, project) == ["On a new connection"]


@pytest.mark.parametrize(
    "why", ["an unknown CA", "another host's certificate", "trust_env off", "requests' bundle"]
)
def test_an_untrusted_certificate_fails_at_once_and_says_how_to_trust_it(
    why: str,
    connect: Any,
    ca: trustme.CA,
    fault_sandbox: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
    ca_file: Path,
    sleeps: list[float],
) -> None:
    host, options = "127.0.0.1", {}
    if why == "requests' bundle":  # the CA named where requests looks, as many a company does
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca_file))
    elif why != "an unknown CA":
        monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    if why == "another host's certificate":
        host = "projekt.example"
    if why == "trust_env off":
        options = {"trust_env": False}  # SSL_CERT_FILE is set, and not read
    with serving_tls(ca, fault_sandbox.port, host) as proxy:
        client = connect(proxy.url, **options)
        with pytest.raises(projekt.APIConnectionError) as caught:
            client.issues.create(project_id="3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b", title="x")
    error = caught.value
    assert type(error) is projekt.APIConnectionError  # not an outcome unknown: nothing was sent
    assert "1 attempt:" in str(error) and sleeps == []
    assert "TLS certificate is not trusted" in str(error) and "SSL_CERT_FILE" in str(error)
    mismatch = "mismatch" if why == "another host's certificate" else "local issuer"
    assert mismatch in str(error)
    hint = "REQUESTS_CA_BUNDLE is set, which httpx does not read: set SSL_CERT_FILE to it too."
    assert (hint in str(error)) == (why == "requests' bundle")
    assert (error.status_code, error.code, error.request_id) == (None, None, None)
    assert proxy.forwarded == []


def test_a_ca_bundle_renewed_in_place_is_trusted_by_the_clients_made_after_it(
    connect: Any, fault_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Clients that trust the same certificates share them, loaded once; a company's bundle
    renewed in place (written over, or swapped in as a mounted secret is) is read anew."""
    old, new = trustme.CA(), trustme.CA()
    bundle = tmp_path / "ca.pem"
    old.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    port = fault_sandbox.port
    with serving_tls(old, port) as before, serving_tls(new, port) as now:
        assert connect(before.url).me.get().email
        assert connect(before.url, max_retries=0).me.get().email  # the same bundle, shared
        for renewal in ("written over", "swapped in"):
            renewed = tmp_path / "renewed.pem"
            new.cert_pem.write_to_path(str(renewed if renewal == "swapped in" else bundle))
            if renewal == "swapped in":
                renewed.replace(bundle)
            assert connect(now.url).me.get().email
            with pytest.raises(projekt.APIConnectionError, match="certificate is not trusted"):
                connect(before.url).me.get()
            old, new = new, old
            before, now = now, before


def test_a_client_per_tenant_does_not_load_the_ca_certificates_again() -> None:
    """A service that makes a client per tenant, or a suite one per test: each client made
    after the first adds almost nothing to the process's memory."""
    script = """
import projekt

def resident_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20

def client(n):
    return projekt.Projekt(api_key=f"pjk_live_{n:032d}", base_url="https://projekt.example/api")

clients = [client(0)]
before = resident_mb()
clients += [client(n) for n in range(1, 101)]
print(resident_mb() - before)
"""
    added = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    assert float(added.stdout) < 16


def test_an_untrusted_certificate_through_your_own_client_is_not_retried_either(
    tls_proxy: FaultProxy, fault_sandbox: Sandbox, sleeps: list[float]
) -> None:
    credentials = fault_sandbox.owner
    with httpx.Client() as own:
        client = Projekt(
            base_url=tls_proxy.url,
            api_key=credentials["api_key"],
            org_id=credentials["org_id"],
            http_client=own,
        )
        with client, pytest.raises(projekt.APIConnectionError, match="TLS certificate is not"):
            client.me.get()
    assert sleeps == []


def test_under_trio_a_call_goes_over_tls_and_an_untrusted_certificate_fails_at_once(
    tls_proxy: FaultProxy,
    fault_sandbox: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
    ca_file: Path,
    sleeps: list[float],
) -> None:
    """Under trio, httpcore's TLS is trio's own stream, beneath the SDK's deadline."""
    owner = fault_sandbox.owner
    credentials = {"api_key": owner["api_key"], "org_id": owner["org_id"]}
    said: list[str] = []

    async def main() -> None:
        for trusted in (True, False):
            if trusted:
                monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
            else:
                monkeypatch.delenv("SSL_CERT_FILE")
            async with AsyncProjekt(base_url=tls_proxy.url, **credentials) as client:
                try:
                    said.append((await client.me.get()).email)
                except projekt.APIConnectionError as error:
                    said.append(str(error))

    trio.run(main)
    assert said[0] == "you@example.com" and tls_proxy.forwarded == ["GET 200"]
    assert "1 attempt: the server's TLS certificate is not trusted" in said[1] and sleeps == []


@pytest.mark.parametrize("scheme_of", ["the base URL", "the proxy's URL"])
@pytest.mark.usefixtures("trusting")
def test_https_to_a_plain_http_server_fails_at_once_and_says_to_check_the_scheme(
    scheme_of: str,
    connect: Any,
    tls_proxy: FaultProxy,
    fault_sandbox: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
    sleeps: list[float],
) -> None:
    """The sandbox (plain http) given https://, or a proxy given https:// where it takes
    http://, answers the handshake in plain text, whichever time it is asked."""
    plain_as_https = fault_sandbox.url.replace("http://", "https://")
    url = plain_as_https
    if scheme_of == "the proxy's URL":
        monkeypatch.setenv("HTTPS_PROXY", plain_as_https)
        url = tls_proxy.url
    client = connect(url)
    with pytest.raises(projekt.APIConnectionError) as caught:
        client.issues.create(project_id="3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b", title="x")
    error = caught.value
    assert type(error) is projekt.APIConnectionError  # not an outcome unknown: nothing was sent
    said = str(error)
    assert "1 attempt: the other end answered the TLS handshake in plain text" in said
    assert "Check the scheme of the base URL" in said and sleeps == []
    proxy_named = f"through the proxy {plain_as_https}, from HTTP_PROXY" in said
    assert proxy_named == (scheme_of == "the proxy's URL")
    assert tls_proxy.forwarded == []


@contextmanager
def silent_server() -> Iterator[tuple[str, list[socket.socket]]]:
    """Accepts connections and never says a word: a TLS handshake with it never ends."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:  # closed: the test is over
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}", accepted
    finally:
        listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        thread.join()
        for connection in accepted:
            connection.close()


@pytest.mark.usefixtures("trusting")
def test_a_handshake_that_never_ends_times_out_and_is_retried(
    connect: Any, sleeps: list[float]
) -> None:
    with silent_server() as (url, accepted):
        client = connect(url, timeout=0.5, max_retries=1)
        with pytest.raises(projekt.APITimeoutError, match="2 attempts") as caught:
            client.me.get()
    assert isinstance(caught.value.__cause__, httpx.ConnectTimeout)
    assert len(accepted) == 2 and len(sleeps) == 1


@pytest.mark.usefixtures("trusting")
def test_https_through_a_companys_proxy_keeps_the_token_inside_the_tunnel(
    connect: Any, tls_proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch, fault_sandbox: Sandbox
) -> None:
    tunnel = Tunnel(tls_proxy.port)
    try:
        # The proxy's own credentials, as a company's proxy asks for them.
        monkeypatch.setenv("HTTPS_PROXY", tunnel.url.replace("//", "//someone:pr0xy-secret@"))
        client = connect(tls_proxy.url)
        assert client.me.get().email
    finally:
        tunnel.close()
    head = tunnel.heads[0].lower()
    assert head.startswith(f"connect 127.0.0.1:{tls_proxy.port} ".encode())
    credentials = base64.b64encode(b"someone:pr0xy-secret").lower()
    assert b"proxy-authorization: basic " + credentials in head
    assert tls_proxy.forwarded == ["GET 200"]
    token = fault_sandbox.owner["api_key"].encode()
    assert token not in tunnel.relayed + b"".join(tunnel.heads)
    assert b"authorization: bearer" not in tunnel.relayed.lower()


REFUSED = "the proxy refused the user name and password in its URL"
ASKS = "the proxy asks for a user name and password: add them to its URL there"


@pytest.mark.parametrize(
    ("refusal", "attempts", "userinfo", "hint"),
    [
        (b"407 Proxy Authentication Required", 1, "someone:pr0xy-secret@", REFUSED),
        (b"407 Proxy Authentication Required", 1, "", ASKS),
        (b"503 Service Unavailable", 3, "someone:pr0xy-secret@", None),
    ],
    ids=["credentials refused", "credentials missing", "proxy unavailable"],
)
@pytest.mark.usefixtures("trusting")
def test_a_tunnel_the_proxy_refuses_sent_nothing_and_names_the_proxy(
    refusal: bytes,
    attempts: int,
    userinfo: str,
    hint: str | None,
    connect: Any,
    tls_proxy: FaultProxy,
    monkeypatch: pytest.MonkeyPatch,
    sleeps: list[float],
) -> None:
    """Refused credentials fail again however often they are sent (and a company's proxy may
    lock the account), so only a proxy that is down is retried. Either way the write never
    reached the server, which the error must not put in doubt. A 407 says what to mend: the
    credentials the proxy's URL gave, or their absence."""
    tunnel = Tunnel(tls_proxy.port, refuse=refusal)
    try:
        monkeypatch.setenv("HTTPS_PROXY", tunnel.url.replace("//", f"//{userinfo}"))
        client = connect(tls_proxy.url)
        with pytest.raises(projekt.APIConnectionError) as caught:
            client.issues.create(project_id="3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b", title="x")
    finally:
        tunnel.close()
    error = caught.value
    assert type(error) is projekt.APIConnectionError  # not an outcome unknown
    said = str(error)
    assert f"{attempts} attempt" in said and refusal.decode() in said
    assert f"through the proxy {tunnel.url}, from HTTP_PROXY, HTTPS_PROXY or ALL_PROXY" in said
    assert f"; {hint}" in said if hint else ASKS not in said and REFUSED not in said
    assert "pr0xy-secret" not in said
    assert len(tunnel.heads) == attempts and len(sleeps) == attempts - 1
    assert tls_proxy.forwarded == []


@pytest.mark.usefixtures("trusting")
def test_a_certificate_for_a_host_name_is_checked_by_that_name(
    connect: Any, ca: trustme.CA, fault_sandbox: Sandbox
) -> None:
    """Production's case: the certificate names the host, not the address it resolves to."""
    with serving_tls(ca, fault_sandbox.port, host="localhost") as proxy:
        client = connect(proxy.url.replace("127.0.0.1", "localhost"))
        assert client.me.get().email
        assert proxy.forwarded == ["GET 200"]
