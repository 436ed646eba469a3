"""Faults injected between the SDK and the sandbox, over loopback.

For each fault: what the user sees, how many requests reached the sandbox, and
that the sandbox holds exactly the issues the user was told were created (plus
those whose outcome the user was told is unknown). Writes carry the SDK's
Idempotency-Key, so a write whose answer is lost is retried and acts once.
"""

from __future__ import annotations

import itertools

import pytest

import projekt
from projekt import Projekt
from tests.helpers import Sandbox, free_port
from tests.resilience.faultproxy import FaultProxy, Forward, Reset, Respond

HTML_502 = Respond(502, {"Content-Type": "text/html"}, b"<html><body>Bad gateway</body></html>")
_keys = itertools.count(1)


@pytest.fixture
def project(owner: Projekt) -> str:
    return owner.projects.create(name="Faults", key=f"F{next(_keys)}X").id


def titles(owner: Projekt, project: str) -> list[str]:
    return [issue.title for issue in owner.issues.list(project_id=project)]


def test_429_with_retry_after_is_waited_out_and_the_write_lands_once(
    client: Projekt, proxy: FaultProxy, owner: Projekt, project: str, sleeps: list[float]
) -> None:
    proxy.then(Respond(429, {"Retry-After": "2"}, b'{"error": {"code": "rate_limited"}}'))
    created = client.issues.create(project_id=project, title="after 429")
    assert sleeps and sleeps[0] >= 2
    assert proxy.forwarded == ["POST 201"]
    assert titles(owner, project) == [created.title]


def test_429_without_retry_after_backs_off_and_succeeds(
    client: Projekt, proxy: FaultProxy, project: str, sleeps: list[float]
) -> None:
    proxy.then(Respond(429))
    assert list(client.issues.list(project_id=project)) == []
    assert len(sleeps) == 1 and 0 <= sleeps[0] <= 0.5
    assert proxy.forwarded == ["GET 200"]


def test_429_asking_for_a_day_raises_at_once_with_retry_after(
    client: Projekt, proxy: FaultProxy, owner: Projekt, project: str, sleeps: list[float]
) -> None:
    proxy.then(Respond(429, {"Retry-After": "86400"}))
    with pytest.raises(projekt.RateLimitError, match=r"not retried: .* wait 86400 s") as caught:
        client.issues.create(project_id=project, title="never sent")
    assert caught.value.retry_after == 86400 and sleeps == []
    assert proxy.forwarded == [] and titles(owner, project) == []


def test_503_on_a_read_is_retried(client: Projekt, proxy: FaultProxy, project: str) -> None:
    proxy.then(Respond(503), Respond(503))
    assert list(client.issues.list(project_id=project)) == []
    assert proxy.forwarded == ["GET 200"]


def test_503_on_a_write_is_retried_with_its_key(
    client: Projekt, proxy: FaultProxy, owner: Projekt, project: str
) -> None:
    proxy.then(Respond(503))
    assert client.issues.create(project_id=project, title="503").title == "503"
    assert proxy.forwarded == ["POST 201"] and titles(owner, project) == ["503"]


def test_503_on_a_write_with_no_retries_says_the_outcome_is_unknown(
    client: Projekt, proxy: FaultProxy, owner: Projekt, project: str
) -> None:
    proxy.then(Respond(503))
    with pytest.raises(projekt.ServerOutcomeUnknownError, match="may or may not") as caught:
        client.issues.create(project_id=project, title="503", max_retries=0)
    assert caught.value.idempotency_key and "Send it again with the same key" in str(caught.value)
    assert proxy.forwarded == [] and titles(owner, project) == []


def test_connection_refused_is_retried_then_a_connection_error(
    fault_sandbox: Sandbox, owner: Projekt, project: str, sleeps: list[float]
) -> None:
    closed = Projekt(
        api_key=fault_sandbox.owner["api_key"],
        org_id=fault_sandbox.owner["org_id"],
        base_url=f"http://127.0.0.1:{free_port()}",
    )
    with pytest.raises(projekt.APIConnectionError) as caught:
        closed.issues.create(project_id=project, title="refused")
    assert not isinstance(caught.value, projekt.APIOutcomeUnknownError)
    assert len(sleeps) == 2  # a refused connection provably sent nothing: safe to retry a POST
    assert titles(owner, project) == []


def test_reset_before_the_request_is_read(
    client: Projekt, proxy: FaultProxy, owner: Projekt, project: str
) -> None:
    proxy.then(Reset())
    assert list(client.issues.list(project_id=project)) == []
    assert proxy.forwarded == ["GET 200"]
    proxy.then(Reset())
    client.issues.create(project_id=project, title="reset early")
    assert proxy.forwarded == ["GET 200", "POST 201"] and titles(owner, project) == ["reset early"]


def test_reset_after_the_request_reached_the_sandbox(
    client: Projekt, proxy: FaultProxy, owner: Projekt, project: str
) -> None:
    proxy.then(Reset(after_forward=True))
    assert list(client.issues.list(project_id=project)) == []
    assert proxy.forwarded == ["GET 200", "GET 200"]
    proxy.then(Reset(after_forward=True))
    raw = client.issues.with_raw_response.create(project_id=project, title="reset late")
    assert raw.replayed and proxy.forwarded[2:] == ["POST 201", "POST 201"]
    assert titles(owner, project) == ["reset late"]  # acted on once, the retry replayed
    proxy.then(Reset(after_forward=True))
    with pytest.raises(projekt.ConnectionOutcomeUnknownError) as caught:
        client.issues.create(project_id=project, title="no retries", max_retries=0)
    assert caught.value.__cause__ is not None and caught.value.idempotency_key
    again = client.issues.with_raw_response.create(
        project_id=project, title="no retries", idempotency_key=caught.value.idempotency_key
    )
    assert again.replayed and titles(owner, project) == ["reset late", "no retries"]


def test_a_response_slower_than_the_timeout(
    client: Projekt, proxy: FaultProxy, owner: Projekt, project: str
) -> None:
    proxy.then(Forward(until_client_leaves=True))
    assert list(client.issues.list(project_id=project)) == []
    assert proxy.forwarded == ["GET 200", "GET 200"]
    proxy.then(Forward(until_client_leaves=True))
    assert client.issues.with_raw_response.create(project_id=project, title="slow").replayed
    assert titles(owner, project) == ["slow"]


def test_a_truncated_body(client: Projekt, proxy: FaultProxy, owner: Projekt, project: str) -> None:
    owner.issues.create(project_id=project, title="existing")
    proxy.then(Forward(truncate=True))
    assert [i.title for i in client.issues.list(project_id=project)] == ["existing"]
    assert proxy.forwarded == ["GET 200", "GET 200"]
    proxy.then(Forward(truncate=True))
    assert client.issues.with_raw_response.create(project_id=project, title="cut short").replayed
    assert titles(owner, project) == ["existing", "cut short"]


def test_an_html_502(client: Projekt, proxy: FaultProxy, owner: Projekt, project: str) -> None:
    proxy.then(HTML_502)
    assert list(client.issues.list(project_id=project)) == []
    proxy.then(HTML_502)
    with pytest.raises(projekt.ServerOutcomeUnknownError) as caught:
        client.issues.create(project_id=project, title="502", max_retries=0)
    assert caught.value.status_code == 502 and "text/html" in caught.value.message
    assert proxy.forwarded == ["GET 200"] and titles(owner, project) == []


def test_a_cdns_own_5xx_is_retried_as_an_outage_is(
    client: Projekt, proxy: FaultProxy, owner: Projekt, project: str
) -> None:
    """Cloudflare's 520 to 527 (the origin down, unreachable, timed out) pass, as a 503 does.
    Before 0.17.0 only 500, 502, 503 and 504 were retried: a 522 reached the caller at once."""
    odd = {"Content-Type": "text/plain"}
    proxy.then(Respond(520, odd, b"Web server is returning an unknown error"), Respond(522, odd))
    assert list(client.issues.list(project_id=project)) == []
    proxy.then(Respond(524, odd, b"A timeout occurred"))
    assert client.issues.create(project_id=project, title="after 524").title == "after 524"
    assert proxy.forwarded == ["GET 200", "POST 201"] and titles(owner, project) == ["after 524"]


@pytest.mark.parametrize("status", [501, 505])
def test_a_5xx_saying_the_request_can_never_succeed_is_not_retried(
    client: Projekt, proxy: FaultProxy, project: str, status: int
) -> None:
    proxy.then(Respond(status, {"Content-Type": "text/plain"}, b"no"))
    with pytest.raises(projekt.InternalServerError) as caught:
        list(client.issues.list(project_id=project))
    assert caught.value.status_code == status and proxy.forwarded == []


def test_a_content_type_that_lies(client: Projekt, proxy: FaultProxy, project: str) -> None:
    proxy.then(Forward(headers={"Content-Type": "application/json"}, body=b"<html>login</html>"))
    with pytest.raises(projekt.APIResponseValidationError) as caught:
        list(client.issues.list(project_id=project))
    assert caught.value.status_code == 200 and caught.value.request_id


def test_rate_limit_headers_that_lie_do_not_stall_the_client(
    client: Projekt, proxy: FaultProxy, project: str, sleeps: list[float]
) -> None:
    lies = {
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": "99999999999",
        "X-RateLimit-Limit": "-3",
    }
    proxy.then(Forward(headers=lies))
    list(client.issues.list(project_id=project))
    assert client.rate_limit is not None and client.rate_limit.limit is None
    list(client.issues.list(project_id=project))  # a reset days away is beyond any wait
    assert sleeps == [] and proxy.forwarded == ["GET 200", "GET 200"]


def test_a_gateways_502_first_leaves_the_throttle_on(
    client: Projekt, proxy: FaultProxy, project: str, sleeps: list[float]
) -> None:
    """A gateway's 502 (a deploy, say) carries no rate-limit headers. Before, the client's
    first answer alone decided whether the server counts at all: one whose first answer was
    such a 502 never waited for a window again, and collected the 429s instead."""
    spent = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "30"}
    proxy.then(HTML_502, Forward(headers=spent))
    list(client.issues.list(project_id=project))  # the 502 is retried; the window is spent
    list(client.issues.list(project_id=project))
    assert proxy.forwarded == ["GET 200", "GET 200"]
    backoff, throttled = sleeps
    assert backoff <= 0.5 and 29 <= throttled <= 30
