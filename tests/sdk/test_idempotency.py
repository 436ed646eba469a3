"""Exactly-once writes, as the SDK's side sees them: one Idempotency-Key per call,
sent with every retry, and writes retried like reads because of it."""

from __future__ import annotations

import pickle
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

import projekt
from tests.helpers import ISSUE_ID, PROJECT_ID, ClientFactory, Recorder, envelope, issue_json

CREATED = httpx.Response(201, json=issue_json())
REPLAYED = httpx.Response(201, json=issue_json(), headers={"Idempotent-Replayed": "true"})
IN_USE = httpx.Response(
    409,
    json=envelope("idempotency_key_in_use", "Still being processed."),
    headers={"Retry-After": "1"},
)


def keys(recorder: Recorder) -> list[str | None]:
    return [request.headers.get("idempotency-key") for request in recorder.requests]


def test_every_write_gets_its_own_key_and_reads_none(client_for: ClientFactory) -> None:
    recorder = Recorder(CREATED)
    client = client_for(recorder)
    client.issues.create(project_id=PROJECT_ID, title="one")
    client.issues.create(project_id=PROJECT_ID, title="two")
    recorder.script = [httpx.Response(200, json=issue_json())]
    client.issues.get("7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d")
    first, second, read = keys(recorder)
    assert first and second and first != second and read is None
    assert first.startswith('"') and first.endswith('"')  # an RFC 8941 string
    assert uuid.UUID(first.strip('"')).version == 4


def test_retries_of_a_write_reuse_its_key(client_for: ClientFactory, sleeps: list[float]) -> None:
    recorder = Recorder(httpx.ReadTimeout("lost"), httpx.Response(503), REPLAYED)
    raw = client_for(recorder).issues.with_raw_response.create(project_id=PROJECT_ID, title="t")
    assert raw.status_code == 201 and raw.retries == 2 and raw.replayed
    assert len(set(keys(recorder))) == 1 and raw.idempotency_key == keys(recorder)[0].strip('"')


def test_a_write_waited_out_by_the_throttle_keeps_its_key(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    spent = httpx.Response(
        429,
        json=envelope("rate_limited", "Slow down."),
        headers={"Retry-After": "2", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2"},
    )
    recorder = Recorder(spent, CREATED)
    client_for(recorder).issues.create(project_id=PROJECT_ID, title="t")
    first, retry = keys(recorder)
    assert first == retry and sum(sleeps) >= 2.0


def test_your_own_key_is_sent_as_a_string_item(client_for: ClientFactory) -> None:
    recorder = Recorder(CREATED)
    raw = client_for(recorder).issues.with_raw_response.create(
        project_id=PROJECT_ID, title="t", idempotency_key='job-42 "nightly"'
    )
    assert keys(recorder) == [r'"job-42 \"nightly\""']
    assert raw.idempotency_key == 'job-42 "nightly"' and not raw.replayed


def test_a_uuid_given_as_the_key_is_sent_as_its_text(client_for: ClientFactory) -> None:
    """Before, `idempotency_key=uuid.uuid4()` was refused, by a message that suggested a UUID."""
    recorder = Recorder(CREATED)
    key = uuid.UUID("6f1d3c2a-0000-4000-8000-000000000001")
    raw = client_for(recorder).issues.with_raw_response.create(
        project_id=PROJECT_ID, title="t", idempotency_key=key
    )
    assert keys(recorder) == [f'"{key}"'] and raw.idempotency_key == str(key)


@pytest.mark.parametrize("key", ["", "x" * 256, "naïve", "tab\there"])
def test_a_key_the_api_would_refuse_is_refused_before_sending(
    client_for: ClientFactory, key: str
) -> None:
    recorder = Recorder(CREATED)
    with pytest.raises(projekt.InvalidArgumentError, match="Nothing was sent"):
        client_for(recorder).issues.create(project_id=PROJECT_ID, title="t", idempotency_key=key)
    assert recorder.requests == []


def test_a_key_in_use_is_waited_out_then_replayed(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    recorder = Recorder(IN_USE, REPLAYED)
    issue = client_for(recorder).issues.create(project_id=PROJECT_ID, title="t")
    assert issue.title and len(recorder.requests) == 2 and sleeps[0] >= 1.0


def test_a_key_still_in_use_when_retries_are_spent(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    recorder = Recorder(IN_USE)
    with pytest.raises(projekt.IdempotencyConflictError) as caught:
        client_for(recorder, max_retries=1).issues.create(project_id=PROJECT_ID, title="t")
    assert isinstance(caught.value, projekt.ConflictError) and len(recorder.requests) == 2


@pytest.mark.parametrize(
    "conflict",
    [
        httpx.Response(409, json=envelope("conflict", "Key WEB is taken.")),
        httpx.Response(409, text="<html>409 Conflict</html>"),  # a proxy's, no envelope
        httpx.Response(409, json={"error": "conflict"}),
    ],
)
def test_an_ordinary_conflict_is_not_retried(
    client_for: ClientFactory, conflict: httpx.Response
) -> None:
    recorder = Recorder(conflict)
    with pytest.raises(projekt.ConflictError) as caught:
        client_for(recorder).projects.create(name="Web", key="WEB")
    assert not isinstance(caught.value, projekt.IdempotencyConflictError)
    assert len(recorder.requests) == 1


def test_a_reused_key_is_its_own_error_and_not_retried(client_for: ClientFactory) -> None:
    body = envelope("idempotency_key_reused", "Used for a different request.")
    recorder = Recorder(httpx.Response(422, json=body))
    with pytest.raises(projekt.IdempotencyKeyReusedError) as caught:
        client_for(recorder).issues.create(project_id=PROJECT_ID, title="t", idempotency_key="k")
    assert isinstance(caught.value, projekt.UnprocessableEntityError)
    assert len(recorder.requests) == 1


def test_outcome_unknown_only_when_retries_are_spent_and_it_names_the_key(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    recorder = Recorder(httpx.Response(503))
    with pytest.raises(projekt.ServerOutcomeUnknownError) as caught:
        client_for(recorder, max_retries=2).issues.create(
            project_id=PROJECT_ID, title="t", idempotency_key="job-7"
        )
    assert len(recorder.requests) == 3 and set(keys(recorder)) == {'"job-7"'}
    assert caught.value.idempotency_key == "job-7"
    assert "idempotency_key='job-7'" in str(caught.value)


def test_a_dropped_connection_with_no_retries_left_names_the_key(
    client_for: ClientFactory,
) -> None:
    recorder = Recorder(httpx.RemoteProtocolError("Server disconnected"))
    with pytest.raises(projekt.ConnectionOutcomeUnknownError) as caught:
        client_for(recorder, max_retries=0).comments.create(
            "7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d", body="hi"
        )
    key = caught.value.idempotency_key
    assert key is not None and f'"{key}"' == keys(recorder)[0]
    assert "Send it again with the same key" in str(caught.value)


@pytest.mark.parametrize(
    ("header", "key"),
    [('"job-7"', "job-7"), ("job-7", "job-7"), ('"a\\\\b\\"c"', 'a\\b"c'), (None, None)],
)
def test_an_error_a_test_builds_reads_the_key_its_request_was_sent_with(
    header: str | None, key: str | None
) -> None:
    """What a test of the user's handler builds, as openai-python's users build its errors:
    the key was read from the SDK's own record of the call alone, so it was None."""
    headers = {} if header is None else {"Idempotency-Key": header}
    request = httpx.Request("POST", "https://api.example/issues", headers=headers)
    error = projekt.ConnectionOutcomeUnknownError("The answer was lost.", request=request)
    assert error.idempotency_key == key
    assert pickle.loads(pickle.dumps(error)).idempotency_key == key


class CutShort(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that breaks off after its first bytes, as a connection closed mid-answer."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"id": "i'
        raise httpx.RemoteProtocolError("peer closed connection without sending the body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"id": "i'
        raise httpx.RemoteProtocolError("peer closed connection without sending the body")


def created_then_cut(request: httpx.Request) -> httpx.Response:
    headers = {"Content-Length": "900", "X-Request-Id": "req_acted"}
    return httpx.Response(201, headers=headers, stream=CutShort())


LOST, REFUSED = httpx.ReadTimeout("lost"), httpx.ConnectError("refused")
SPENT = httpx.Response(429, json=envelope("rate_limited", "Slow down."))


@pytest.mark.parametrize(
    ("first", "last", "raised", "says"),
    [
        (
            LOST,
            REFUSED,
            projekt.ConnectionOutcomeUnknownError,
            "The POST was sent, then the exchange failed (ReadTimeout), and its last retry "
            "failed before it was sent (ConnectError); it may or may not have taken effect",
        ),
        (
            httpx.Response(503),
            httpx.PoolTimeout("no connection"),
            projekt.ConnectionOutcomeUnknownError,
            "The POST was sent, then the server answered 503, and its last retry failed "
            "before it was sent (PoolTimeout); it may or may not have taken effect",
        ),
        (
            LOST,
            SPENT,
            projekt.RateLimitError,
            "(The POST was sent, then the exchange failed (ReadTimeout), and its last retry "
            "was answered 429; it may or may not have taken effect",
        ),
        (
            created_then_cut,
            REFUSED,
            projekt.ConnectionOutcomeUnknownError,
            "The POST was answered 201 Created, then the answer's body was cut short "
            "(RemoteProtocolError), and its last retry failed before it was sent "
            "(ConnectError): it took effect",
        ),
        (
            created_then_cut,
            httpx.Response(503),
            projekt.ServerOutcomeUnknownError,
            "(The POST was answered 201 Created, then the answer's body was cut short "
            "(RemoteProtocolError), and its last retry was answered 503: it took effect",
        ),
    ],
)
def test_a_write_an_attempt_may_have_done_says_so_whatever_its_last_retry_met(
    client_for: ClientFactory, sleeps: list[float], first: Any, last: Any, raised: type, says: str
) -> None:
    """A deploy: the server acts on a create and goes down before it answers, and while it
    restarts, the retries with the create's key are refused. The error was the refusal's
    (`Connection error: ... ConnectError`), as if nothing had been sent, with no key: the
    create, sent again, acted twice. A retry answered 429 was a plain RateLimitError too,
    whose message named `error.idempotency_key`, which it did not have."""
    recorder = Recorder(first, last)
    with pytest.raises(raised) as caught:
        client_for(recorder, max_retries=1).issues.create(project_id=PROJECT_ID, title="t")
    key = keys(recorder)[0]
    assert key is not None and len(set(keys(recorder))) == 1
    assert says in str(caught.value) and f"idempotency_key={key.strip(chr(34))!r}" in str(
        caught.value
    )
    assert caught.value.idempotency_key == key.strip('"')  # to send it again with
    assert pickle.loads(pickle.dumps(caught.value)).idempotency_key == key.strip('"')


def test_the_request_id_of_the_attempt_that_acted_outlives_the_retries_after_it(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    """The create acted, its answer's body was lost, and its retry was refused or failed:
    the error named the retry's request id, or none, and support could not find the write
    by the id the SDK shows."""
    client = client_for(Recorder(created_then_cut, REFUSED), max_retries=1)
    with pytest.raises(projekt.ConnectionOutcomeUnknownError) as refused:
        client.issues.create(project_id=PROJECT_ID, title="t")
    assert refused.value.request_id == "req_acted"
    failed = httpx.Response(503, headers={"X-Request-Id": "req_retry"})
    client = client_for(Recorder(created_then_cut, failed), max_retries=1)
    with pytest.raises(projekt.ServerOutcomeUnknownError) as answered:
        client.issues.create(project_id=PROJECT_ID, title="t")
    assert answered.value.request_id == "req_retry"
    assert "(the earlier attempt's request id: req_acted)" in str(answered.value)


def test_a_write_no_attempt_of_which_was_sent_says_it_took_no_effect(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    """Refused, then answered 429, then refused: the create did nothing, and says so; a
    DELETE, which may act on any attempt that went, says nothing of the kind."""
    recorder = Recorder(REFUSED, SPENT, REFUSED)
    client = client_for(recorder, max_retries=2)
    with pytest.raises(projekt.APIConnectionError) as caught:
        client.issues.create(project_id=PROJECT_ID, title="t")
    assert not isinstance(caught.value, projekt.APIOutcomeUnknownError)
    assert caught.value.idempotency_key is None  # nothing to send again with it
    assert str(caught.value).endswith(
        "ConnectError: refused. The POST took no effect, so sending it again is safe."
    )
    recorder.script = [REFUSED]
    with pytest.raises(projekt.APIConnectionError) as deleted:
        client.issues.delete(ISSUE_ID)
    assert str(deleted.value).endswith("3 attempts: ConnectError: refused")


def test_without_a_key_a_write_is_still_never_resent() -> None:
    """The rule for a write with no key (an operation the spec gives none) is unchanged."""
    from projekt._runtime.errors.safety import safe_to_resend
    from projekt._runtime.options import CALL, CallOptions

    bare = httpx.Request("POST", "https://api.test/x")
    options = CallOptions(idempotency_key="k")
    keyed = httpx.Request("POST", "https://api.test/x", extensions={CALL: options})
    lost = httpx.ReadTimeout("lost")
    assert not safe_to_resend(bare, error=lost) and not safe_to_resend(bare, status=503)
    assert safe_to_resend(keyed, error=lost) and safe_to_resend(keyed, status=503)
    assert safe_to_resend(bare, error=httpx.ConnectError("refused"))
