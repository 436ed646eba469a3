"""More calls at once on one client than it has connections (100): tasks gathered on an
AsyncProjekt, threads sharing a Projekt. Each call waits its turn, and comes back."""

from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpcore
import pytest

from projekt import APITimeoutError, AsyncProjekt, Projekt
from projekt._wiring import POOL_LIMITS
from tests.helpers import Sandbox
from tests.resilience.faultproxy import FaultProxy, Forward, Respond

CALLS = 300  # of each kind, three times the connections a client holds
ME = {"id": "u", "email": "you@example.com", "name": "You", "username": "you", "locale": "es"}


def most_queued_in_httpcore(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Records the most requests waiting for a connection inside httpcore's pools at once."""
    most = [0]
    for pool in (httpcore.ConnectionPool, httpcore.AsyncConnectionPool):

        def counted(self: Any, assign: Any = pool._assign_requests_to_connections) -> Any:
            most[0] = max(most[0], sum(request.is_queued() for request in self._requests))
            return assign(self)

        monkeypatch.setattr(pool, "_assign_requests_to_connections", counted)
    return most


def test_a_burst_of_calls_on_one_client_comes_back_over_its_connections(
    fault_sandbox: Sandbox, proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """httpcore hands a connection that comes free to every request waiting for one, and
    all but one go back to wait again, each for its whole timeout (encode/httpcore#822): 300
    async calls with `timeout=1.2` lost 176 to 215 to APITimeoutError, and with a longer one
    took five times as long; the pool also closed connections promised to some request, to
    open others (about 136 for 300 calls). Requests now enter its pool one at a time, so at
    most one waits inside it. The proxy answers each call itself, 0.2 s later, so that calls
    queue for connections. A connection left idle for the pool's keep-alive expiry is closed,
    and another may take its place: on a loaded machine, where calls take turns slowly, some
    are."""
    proxy.idle_expiry = POOL_LIMITS.keepalive_expiry
    queued = most_queued_in_httpcore(monkeypatch)
    answer = Respond(200, {"Content-Type": "application/json"}, json.dumps(ME).encode(), 0.2)
    proxy.then(*[answer] * (2 * CALLS))
    owner = fault_sandbox.owner
    settings: dict[str, Any] = {
        "api_key": owner["api_key"],
        "org_id": owner["org_id"],
        "base_url": proxy.url,
        "max_retries": 0,
    }

    async def tasks() -> list[str]:
        async with AsyncProjekt(**settings) as client:
            answers = await asyncio.gather(*(client.me.get() for _ in range(CALLS)))
        return [me.email for me in answers]

    emails = asyncio.run(tasks())
    assert emails == ["you@example.com"] * CALLS
    assert proxy.connections - proxy.expired <= 100, (proxy.connections, proxy.expired)
    assert queued == [1]  # one request at a time waits for a connection inside httpcore
    queued[0] = 0

    with Projekt(**settings) as client, ThreadPoolExecutor(CALLS // 2) as threads:
        emails = [me.email for me in threads.map(lambda _: client.me.get(), range(CALLS))]
    assert emails == ["you@example.com"] * CALLS
    assert proxy.connections - proxy.expired <= 2 * 100, (proxy.connections, proxy.expired)
    assert queued == [1]


def test_a_burst_waiting_for_a_slow_first_answer_looks_for_it_seldom(
    fault_sandbox: Sandbox, proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Until the first answer tells the rate-limit window, one call probes it and the others
    wait. Each looked again every 5 ms, 200 times a second, for as long as the answer took (300
    calls waiting for one 1 s away burned half of a core). Now each waits a quarter of the time
    the probe has taken so far (at most 50 ms), so a slow answer costs a few looks a call."""
    from projekt._runtime.limits import throttle

    looks: list[float] = []
    reserve = throttle.Budget.reserve

    def counted(budget: throttle.Budget, max_wait: float) -> float:
        looks.append(max_wait)
        return reserve(budget, max_wait)

    monkeypatch.setattr(throttle.Budget, "reserve", counted)
    window = {"X-RateLimit-Remaining": "1000", "X-RateLimit-Reset": "60"}
    headers = {"Content-Type": "application/json", **window}
    proxy.then(*[Respond(200, headers, json.dumps(ME).encode(), 1.0)] * 50)
    owner = fault_sandbox.owner

    async def burst() -> float:
        settings = {"api_key": owner["api_key"], "org_id": owner["org_id"]}
        async with AsyncProjekt(**settings, base_url=proxy.url, max_retries=0) as client:
            started = time.monotonic()
            await asyncio.gather(*(client.me.get() for _ in range(50)))
            return time.monotonic() - started

    took = asyncio.run(burst())
    waiting = 49
    # Every 5 ms, the probe's second alone took 200 looks a call; the bound grows with the
    # time the burst took, so that a loaded machine's slower answer does not fail it.
    assert len(looks) - 50 <= waiting * (20 + took / 0.04), (len(looks), took)


def test_calls_waiting_for_a_first_answer_that_never_comes_go_when_it_fails(
    fault_sandbox: Sandbox, proxy: FaultProxy
) -> None:
    """Until the first answer tells the rate-limit window, one call probes it and the others
    wait for that answer. A server that takes connections and answers nothing (an outage
    behind a load balancer) sends none: the probe timed out, the next call probed while the
    others waited again, and so on, so the fourth thread's call ended after four timeouts,
    its wait uncounted by total_timeout. Now a probe that gets no answer lets the others go,
    together."""
    callers = 4
    proxy.then(*[Forward(until_client_leaves=True)] * callers)
    owner = fault_sandbox.owner
    settings: dict[str, Any] = {
        "api_key": owner["api_key"],
        "org_id": owner["org_id"],
        "base_url": proxy.url,
        "timeout": 1.5,
        "max_retries": 0,
    }

    def failure(client: Projekt) -> type[Exception] | None:
        try:
            client.me.get()
        except APITimeoutError as error:
            return type(error)
        return None

    with Projekt(**settings) as client, ThreadPoolExecutor(callers) as threads:
        failures = list(threads.map(lambda _: failure(client), range(callers)))
    assert failures == [APITimeoutError] * callers
    # One after another, the proxy held one answer at a time; now the others go together.
    assert proxy.most_held > 1, proxy.most_held


@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_a_call_that_gets_no_connection_in_its_timeout_is_a_timeout_and_unsent(
    fault_sandbox: Sandbox, proxy: FaultProxy, flavor: str
) -> None:
    """While every connection of the pool (100) waits on an answer held, one more call waits
    for one only as long as its timeout, and fails as APITimeoutError: a create too, unsent,
    and saying so (httpcore's PoolTimeout says nothing), not as an outcome unknown."""
    held = POOL_LIMITS.max_connections
    headers = {"Content-Type": "application/json", "X-RateLimit-Remaining": "1000"}
    headers["X-RateLimit-Reset"] = "60"  # a window known, so that no call waits for a probe
    first = Respond(200, headers, json.dumps(ME).encode())
    proxy.then(first, *[Respond(200, headers, first.body, held=True)] * held)
    owner = fault_sandbox.owner
    settings = {"api_key": owner["api_key"], "org_id": owner["org_id"], "base_url": proxy.url}
    create = {"project_id": owner["project_id"], "title": "Never sent", "timeout": 0.3}

    def all_connected() -> None:
        give_up = time.monotonic() + 20
        while proxy.connections < held and time.monotonic() < give_up:
            time.sleep(0.01)
        assert proxy.connections == held

    if flavor == "sync":
        with Projekt(**settings) as client, ThreadPoolExecutor(held) as threads:
            client.me.get()
            slow_calls = [threads.submit(client.me.get) for _ in range(held)]
            all_connected()
            with pytest.raises(APITimeoutError) as caught:
                client.issues.create(**create)
            proxy.release()
            emails = [call.result().email for call in slow_calls]
    else:

        async def calls() -> tuple[list[str], pytest.ExceptionInfo[APITimeoutError]]:
            async with AsyncProjekt(**settings) as client:
                await client.me.get()
                slow_calls = [asyncio.create_task(client.me.get()) for _ in range(held)]
                await asyncio.to_thread(all_connected)
                with pytest.raises(APITimeoutError) as caught:
                    await client.issues.create(**create)
                proxy.release()
                return [me.email for me in await asyncio.gather(*slow_calls)], caught

        emails, caught = asyncio.run(calls())
    assert str(caught.value).endswith(
        "(PoolTimeout: No connection of the client's pool came free in time). "
        "The POST took no effect, so sending it again is safe."
    )
    assert type(caught.value) is APITimeoutError
    assert emails == ["you@example.com"] * held and proxy.connections == held
