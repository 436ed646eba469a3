"""Retries, rate-limit state and throttling, unit by unit (MockTransport)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import projekt
from projekt import RateLimit
from projekt._runtime.limits.throttle import Throttle
from projekt._runtime.transport.retries import RetryBudget
from tests.helpers import (
    BASE_URL,
    ISSUE_ID,
    PROJECT_ID,
    TOKEN,
    ClientFactory,
    Recorder,
    envelope,
    issue_json,
    make_client,
)


def headers(**values: str) -> httpx.Headers:
    return httpx.Headers({k.replace("_", "-"): v for k, v in values.items()})


def test_x_ratelimit_reset_is_delta_seconds_or_an_epoch_timestamp() -> None:
    delta = RateLimit.from_headers(
        headers(X_RateLimit_Limit="600", X_RateLimit_Remaining="12", X_RateLimit_Reset="42")
    )
    assert (delta.limit, delta.remaining, delta.reset_after) == (600, 12, 42)
    # What `print(error.rate_limit)` shows: no monotonic clock reading among the figures.
    assert repr(delta) == (
        "RateLimit(limit=600, remaining=12, reset_after=42.0, retry_after=None, window=None)"
    )
    epoch = int(datetime.now(UTC).timestamp()) + 30
    stamped = RateLimit.from_headers(headers(X_RateLimit_Reset=str(epoch)))
    assert stamped.reset_after is not None and 28 <= stamped.reset_after <= 31


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    assert RateLimit.from_headers(headers(Retry_After="7")).retry_after == 7
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    dated = RateLimit.from_headers(headers(Retry_After=when)).retry_after
    assert dated is not None and 18 <= dated <= 21


def test_the_ietf_draft_fields_are_read() -> None:
    structured = RateLimit.from_headers(
        headers(RateLimit='"default";r=5;t=30', RateLimit_Policy='"default";q=100;w=60')
    )
    assert (structured.limit, structured.remaining, structured.reset_after, structured.window) == (
        100,
        5,
        30,
        60,
    )
    older = RateLimit.from_headers(
        headers(RateLimit_Limit="50", RateLimit_Remaining="3", RateLimit_Reset="9")
    )
    assert (older.limit, older.remaining, older.reset_after) == (50, 3, 9)


@pytest.mark.parametrize("value", ["soon", "-5", "NaN", "inf", "", "1e309", "Tue, 99 Foo"])
def test_headers_that_lie_are_ignored(value: str) -> None:
    state = RateLimit.from_headers(
        headers(
            X_RateLimit_Limit=value,
            X_RateLimit_Remaining=value,
            X_RateLimit_Reset=value,
            Retry_After=value,
        )
    )
    assert state.limit is None and state.remaining is None
    assert state.reset_after is None and state.retry_after is None


def test_a_retried_delete_that_finds_nothing_is_not_found(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    """The retry carries the first attempt's key: had that attempt deleted the issue, the
    server would replay its 204. A 404 therefore means the id was wrong."""
    recorder = Recorder(
        httpx.Response(503), httpx.Response(404, json={"error": {"code": "not_found"}})
    )
    with pytest.raises(projekt.NotFoundError):
        client_for(recorder).issues.delete(ISSUE_ID)
    assert [r.method for r in recorder.requests] == ["DELETE", "DELETE"]
    keys = {r.headers["idempotency-key"] for r in recorder.requests}
    assert len(keys) == 1


def test_a_first_try_delete_that_finds_nothing_is_not_found(client_for: ClientFactory) -> None:
    with pytest.raises(projekt.NotFoundError):
        client_for(Recorder(httpx.Response(404))).issues.delete(ISSUE_ID)


def test_a_post_is_retried_when_the_connection_was_never_made(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    recorder = Recorder(httpx.ConnectError("refused"), httpx.Response(201, json=issue_json()))
    assert client_for(recorder).issues.create(project_id=PROJECT_ID, title="t").id == ISSUE_ID
    assert len(recorder.requests) == 2 and len(sleeps) == 1


def test_backoff_is_exponential_with_full_jitter(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    recorder = Recorder(httpx.Response(503))
    with pytest.raises(projekt.InternalServerError):
        client_for(recorder, max_retries=4).issues.get(ISSUE_ID)
    assert len(sleeps) == 4
    assert all(0 <= delay <= cap for delay, cap in zip(sleeps, [0.5, 1, 2, 4], strict=True))


def test_a_retrys_jitter_leaves_the_random_modules_state_alone(
    client_for: ClientFactory, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The jitter came from the random module's global generator, which is the program's: a
    simulation seeded to be reproducible drew other numbers after a call that retried, and
    workers that each seeded it alike retried in step, which the jitter is there to prevent.

    The test watches what draws from a seeded generator, not the global one's state: another
    library may draw from that as the call runs (OpenTelemetry's span ids do, once a test
    in the same process has set a tracer provider)."""
    seeded, real = [], random.Random.random
    monkeypatch.setattr(random.Random, "random", lambda self: seeded.append(self) or real(self))
    random.uniform(0, 1)  # what the jitter drew before: the test sees such a draw
    assert seeded
    seeded.clear()
    recorder = Recorder(httpx.Response(503), httpx.Response(200, json=issue_json()))
    assert client_for(recorder).issues.get(ISSUE_ID).id == ISSUE_ID
    assert len(sleeps) == 1 and seeded == []


def test_the_retry_budget_stops_an_outage_from_multiplying_traffic(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    recorder = Recorder(httpx.Response(503))
    client = client_for(recorder, max_retries=3)
    for _ in range(10):
        with pytest.raises(projekt.InternalServerError) as caught:
            client.issues.get(ISSUE_ID)
    assert len(recorder.requests) == 10 + 10  # 10 calls, and only the budget's 10 retries
    # A 503 raised at its first attempt says why, or it reads as retries that never work.
    assert "(not retried: the client's retry budget is spent, by failures in a row" in str(
        caught.value
    )


def test_a_connection_error_the_spent_budget_did_not_retry_says_so(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    """In an outage, the budget stops the retries of a refused connection too: the error
    said "1 attempt" of a client whose max_retries is 2, and no more."""
    recorder = Recorder(httpx.ConnectError("refused"))
    client = client_for(recorder)
    for _ in range(6):  # 2 retries each: the budget's 10 are spent in the sixth
        with pytest.raises(projekt.APIConnectionError) as caught:
            client.issues.get(ISSUE_ID)
    assert str(caught.value).startswith(
        f"Connection error: GET {BASE_URL}/issues/{ISSUE_ID}, a timeout of 15 s, 1 attempt "
        "(not retried: the client's retry budget is spent, by failures in a row"
    )


def test_a_call_that_succeeds_after_retrying_gets_its_retries_back(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    """Answers lost one in two: the server is up, so retrying them multiplies nothing."""
    recorder = Recorder(httpx.Response(503), httpx.Response(200, json=issue_json()))
    client = client_for(recorder)
    for _ in range(15):  # more than the budget's 10 tokens
        recorder.script = [httpx.Response(503), httpx.Response(200, json=issue_json())]
        client.issues.get(ISSUE_ID)
    assert len(recorder.requests) == 30


def test_the_budget_refills_with_successes() -> None:
    budget = RetryBudget(capacity=2, refill_per_success=0.5)
    assert budget.try_spend() and budget.try_spend() and not budget.try_spend()
    budget.earn()
    budget.earn()
    assert budget.try_spend()


def test_the_throttle_waits_for_the_reset_before_sending(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    spent = {"X-RateLimit-Limit": "2", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "5"}
    recorder = Recorder(
        httpx.Response(200, json=issue_json(), headers=spent),
        httpx.Response(200, json=issue_json()),
    )
    client = client_for(recorder)
    client.issues.get(ISSUE_ID)
    client.issues.get(ISSUE_ID)
    assert sum(sleeps) >= 5 and len(recorder.requests) == 2


def test_the_throttle_floor_keeps_a_reserve(client_for: ClientFactory, sleeps: list[float]) -> None:
    low = {"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "3", "X-RateLimit-Reset": "9"}
    recorder = Recorder(httpx.Response(200, json=issue_json(), headers=low))
    client = client_for(recorder, throttle_floor=3)
    client.issues.get(ISSUE_ID)
    client.issues.get(ISSUE_ID)
    assert sum(sleeps) >= 9


def window(remaining: int, reset: int) -> dict[str, str]:
    return {
        "X-RateLimit-Limit": "100",
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset": str(reset),
    }


def test_a_throttle_used_with_many_tokens_keeps_only_the_budgets_in_use(
    sleeps: list[float],
) -> None:
    """A copy per tenant, or an OAuth token renewed every hour, left a budget (the token in
    its key) for every token the client ever sent: its memory grew without end."""
    throttle = Throttle()
    for n in range(3000):
        request = httpx.Request("GET", "https://api.example/me", headers={"Authorization": str(n)})
        budget = throttle.budget_for(request)
        assert budget.reserve(max_wait=60) == 0
        budget.observe(httpx.Response(200, headers=window(99, 60), request=request))
        sleeps.append(1)  # a token a second, each in a window of 60 s
    assert len(throttle._budgets) < 300  # the last minute's 60, and the idle not yet dropped
    assert throttle.budget_for(request) is budget  # a window still running is kept


def test_a_spent_window_is_waited_for_however_many_tokens_pass(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        spent = request.headers["Authorization"] == f"Bearer {TOKEN}"
        return httpx.Response(
            200, json=issue_json(), headers=window(0 if spent else 99, 30 if spent else 1)
        )

    client = client_for(Recorder(answer))
    client.issues.get(ISSUE_ID)  # spends the window of the client's own token
    for n in range(1000):
        client.with_options(api_key=f"pjk_live_{n:032d}").issues.get(ISSUE_ID)
        sleeps.append(0.01)  # the others' windows of 1 s end, and their budgets go
    waited = sum(sleeps)
    client.issues.get(ISSUE_ID)
    assert sum(sleeps) - waited >= 30 - 10 - 1


def test_the_throttle_can_be_turned_off(client_for: ClientFactory, sleeps: list[float]) -> None:
    spent = {"X-RateLimit-Limit": "2", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "5"}
    recorder = Recorder(httpx.Response(200, json=issue_json(), headers=spent))
    client = client_for(recorder, throttle=False)
    client.issues.get(ISSUE_ID)
    client.issues.get(ISSUE_ID)
    assert sleeps == []


def test_a_429_without_retry_after_is_retried_once_its_window_resets(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    """A gateway's 429 may tell only its window: the retry waits for that reset, not for a
    backoff of a second or less that would meet the same 429 again; with the throttle off
    too, since it is the retry's own wait."""
    spent = httpx.Response(429, json=envelope("rate_limited", "Slow down."), headers=window(0, 7))
    recorder = Recorder(spent, httpx.Response(200, json=issue_json()))
    client_for(recorder, throttle=False).issues.get(ISSUE_ID)
    assert len(recorder.requests) == 2 and sleeps and sleeps[0] >= 7


statuses = st.integers(min_value=100, max_value=599).filter(lambda s: s not in (101,))
header_values = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30)
bodies = st.one_of(
    st.binary(max_size=200),
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=10), children, max_size=4)
        ),
        max_leaves=10,
    ).map(lambda value: json.dumps(value).encode()),
)


@settings(
    max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    status=statuses,
    body=bodies,
    rate_headers=st.dictionaries(
        st.sampled_from(
            [
                "X-RateLimit-Limit",
                "X-RateLimit-Remaining",
                "X-RateLimit-Reset",
                "Retry-After",
                "RateLimit",
                "RateLimit-Policy",
                "Content-Type",
                "Link",
            ]
        ),
        header_values,
    ),
)
def test_only_our_exceptions_escape(
    client_for: ClientFactory,
    status: int,
    body: bytes,
    rate_headers: dict[str, str],
    sleeps: list[float],
) -> None:
    recorder = Recorder(httpx.Response(status, content=body, headers=rate_headers))
    client = client_for(recorder, max_retries=1)
    for call in (
        lambda: client.issues.get(ISSUE_ID),
        lambda: list(client.issues.list(project_id=PROJECT_ID)),
        lambda: client.issues.create(project_id=PROJECT_ID, title="t"),
    ):
        with contextlib.suppress(projekt.ProjektError):
            call()


@settings(
    max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    title=st.text(min_size=1, max_size=50),
    status=st.text(min_size=1, max_size=20),
    extra=st.dictionaries(
        st.text(min_size=1, max_size=8).filter(lambda k: k not in issue_json()),
        st.integers(),
        max_size=3,
    ),
)
def test_a_2xx_that_decodes_is_returned_intact(
    client_for: ClientFactory, title: str, status: str, extra: dict[str, int]
) -> None:
    raw = {**issue_json(title=title, status=status), **extra}
    issue = client_for(Recorder(httpx.Response(200, json=raw))).issues.get(ISSUE_ID)
    assert issue.to_dict() == raw


async def test_a_cancelled_call_does_not_hold_the_throttle() -> None:
    class SlowFirst(httpx.AsyncBaseTransport):
        calls = 0

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            SlowFirst.calls += 1
            if SlowFirst.calls == 1:
                await asyncio.sleep(10)
            return httpx.Response(200, json=issue_json())

    client = projekt.AsyncProjekt(
        api_key="pjk_live_" + "a" * 32,
        org_id="o",
        base_url="https://api.test",
        transport=SlowFirst(),
    )
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(client.issues.get(ISSUE_ID), timeout=0.05)
    issue = await asyncio.wait_for(client.issues.get(ISSUE_ID), timeout=2)
    assert issue.id == ISSUE_ID


def test_calls_at_a_windows_end_look_for_the_answers_still_in_flight_soon(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When a window ends with requests in flight, their answers tell the next one, and the
    calls meanwhile wait as for a probe: a quarter of the time since the window ended, not
    since the last probe of the client's life, which would be the longest wait at once."""
    from projekt._runtime import clock
    from projekt._runtime.limits import throttle

    now = [100.0]
    monkeypatch.setattr(clock, "now", lambda: now[0])
    budget = throttle.Budget()
    assert budget.reserve(60.0) == 0  # the client's first call probes the window
    budget.observe(
        httpx.Response(200, headers={"X-RateLimit-Remaining": "50", "X-RateLimit-Reset": "30"})
    )
    assert budget.reserve(60.0) == 0  # a call in flight as the window ends
    now[0] += 31
    assert budget.reserve(60.0) == throttle.probe_poll(0.0)


def test_a_probe_never_settled_holds_the_others_back_for_a_while_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A call interrupted (Ctrl-C, a Celery time limit) between its reservation and its
    request never settles it. Were that the probe of a window nobody knows yet, every later
    call would wait for its answer for ever; after PROBE_FOR they all go. (Before 0.24.4 one
    more probed, and the others waited for its answer in turn.)"""
    from projekt._runtime import clock
    from projekt._runtime.limits import throttle

    now = [100.0]
    monkeypatch.setattr(clock, "now", lambda: now[0])
    budget = throttle.Budget()
    assert budget.reserve(60.0) == 0  # the probe, whose call is interrupted
    assert budget.reserve(60.0) > 0
    now[0] += throttle.PROBE_FOR
    assert [budget.reserve(60.0), budget.reserve(60.0)] == [0, 0]
    assert budget.in_flight == 2  # the lost one no longer counts


class _InterruptedOnArrival(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers with a body that knows whether it was closed; the interrupt comes as the SDK
    reads the answer's first header."""

    def __init__(self) -> None:
        self.closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        transport = self

        class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
            def __iter__(self) -> Iterator[bytes]:
                yield json.dumps(issue_json()).encode()

            async def __aiter__(self) -> AsyncIterator[bytes]:
                yield json.dumps(issue_json()).encode()

            def close(self) -> None:
                transport.closed = True

            async def aclose(self) -> None:
                transport.closed = True

        class Interrupted(httpx.Headers):
            def get(self, key: str, default: object = None) -> object:
                raise KeyboardInterrupt

        answer = httpx.Response(200, stream=Body())
        answer.headers = Interrupted(answer.headers)
        return answer

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self.handle_request(request)


def test_an_answer_interrupted_as_it_arrives_is_closed(flavor: str, runner: Any) -> None:
    """An answer left open keeps its connection from the pool for good: after as many
    interrupts as the pool has connections, no call could get one."""
    transport = _InterruptedOnArrival()
    client = make_client(
        flavor, runner, api_key=TOKEN, org_id="o", base_url="https://api.test", transport=transport
    )
    with pytest.raises(KeyboardInterrupt):
        client.issues.get(ISSUE_ID)
    assert transport.closed


def test_a_connection_error_whose_causes_loop_still_ends_the_call(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    """The SDK reads an error's chain for a certificate it could not trust; a chain that
    loops (each error the other's cause) ends that search, and the call, all the same."""
    first, second = httpx.ConnectError("refused"), OSError("beneath")
    first.__cause__, second.__cause__ = second, first
    recorder = Recorder(first)
    with pytest.raises(projekt.APIConnectionError, match="3 attempts: ConnectError: refused"):
        client_for(recorder).issues.get(ISSUE_ID)
    assert len(recorder.requests) == 3 and len(sleeps) == 2


def test_a_host_with_several_addresses_shares_the_deadline_among_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """socket.create_connection gives each address of a host the whole timeout. With a dead
    first address (a load balancer's zone that is down, an IPv6 route that drops packets), a
    sync call with timeout=1 took 2 s for two such addresses, 3 s for three. Now each gets
    a share of what is left, as Go's net.Dialer gives it, and the deadline holds."""
    import socket

    import httpcore

    from projekt._runtime.limits.deadline import deadline_in
    from projekt._runtime.transport.network import DeadlineBackend

    given: list[tuple[str, float | None]] = []

    class Unreachable(httpcore.NetworkBackend):
        def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Any = None,
        ) -> httpcore.NetworkStream:
            given.append((host, timeout))
            raise httpcore.ConnectTimeout("timed out")

    addresses = ["192.0.2.1", "2001:db8::1", "192.0.2.2"]

    def resolve(host: str, port: int, **_: Any) -> list[Any]:
        family = {True: socket.AF_INET6, False: socket.AF_INET}
        return [(family[":" in a], socket.SOCK_STREAM, 6, "", (a, port)) for a in addresses]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with deadline_in(3.0), pytest.raises(httpcore.ConnectTimeout):
        DeadlineBackend(Unreachable()).connect_tcp("api.example", 443, timeout=15.0)
    assert [host for host, _ in given] == addresses
    shares = [timeout or 0.0 for _, timeout in given]
    assert shares[0] <= 1.0 and shares[1] <= 1.5 and shares[2] <= 3.0  # a third, a half, all
    assert shares[2] > 2.0  # what the dead ones did not use is the last one's


def test_a_dns_lookup_that_stalls_ends_with_the_deadline_and_is_made_once(
    monkeypatch: pytest.MonkeyPatch, sleeps: list[float]
) -> None:
    """A resolver whose query was lost waits its own timeout (5 s, then asks again), which
    getaddrinfo cannot be told to cut short: a sync call with timeout=0.3 took as long as
    the resolver did. Now the lookup runs in a thread the call waits for only as long as its
    deadline allows; its retry waits for the same lookup rather than start another; and once
    the resolver answers, the next connection looks the host up afresh."""
    import socket
    import threading

    answer = threading.Event()
    asked: list[str] = []
    with socket.socket() as closed:  # a port nothing listens on: refused at once
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]

    def resolve(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        asked.append(host)
        answer.wait(30)  # the resolver's own timeout, long past the call's
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    client = projekt.Projekt(
        api_key="pjk_live_" + "a" * 32,
        org_id="o",
        base_url=f"https://api.example:{port}",
        timeout=0.3,
        max_retries=1,
    )
    try:
        with pytest.raises(projekt.APITimeoutError) as caught:
            client.me.get()
        assert "no answer from DNS for api.example" in str(caught.value)
        assert "2 attempts" in str(caught.value) and asked == ["api.example"]
        answer.set()
        for thread in threading.enumerate():
            if thread.name == "projekt-dns":
                thread.join(10)  # the lookup that stalled has answered
        with pytest.raises(projekt.APIConnectionError, match="Connection refused"):
            client.me.get()
    finally:
        answer.set()
        client.close()
    assert asked.count("api.example") == 3  # once for the first call, once an attempt after
