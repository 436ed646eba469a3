"""More calls at once on one client than it has connections (100): tasks gathered on an
AsyncProjekt, threads sharing a Projekt. Each call waits its turn, and comes back."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from projekt import AsyncProjekt, Projekt
from tests.helpers import Sandbox
from tests.resilience.faultproxy import FaultProxy, Respond

CALLS = 300  # of each kind, three times the connections a client holds
ME = {"id": "u", "email": "you@example.com", "name": "You", "username": "you", "locale": "es"}


def test_a_burst_of_calls_on_one_client_comes_back_over_its_connections(
    fault_sandbox: Sandbox, proxy: FaultProxy
) -> None:
    """httpcore hands an idle connection to every request waiting for one, and all but one
    go back to wait again (encode/httpcore#822); meanwhile its pool closes idle connections
    that are already some request's, to open others. Before, a burst of 300 calls on one
    AsyncProjekt opened about 136 connections to the proxy; requests now enter its pool one
    at a time. The proxy answers each call itself, 0.2 s later, so that calls queue for
    connections and nothing else is under load."""
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
    assert proxy.connections <= 100, proxy.connections

    with Projekt(**settings) as client, ThreadPoolExecutor(CALLS // 2) as threads:
        emails = [me.email for me in threads.map(lambda _: client.me.get(), range(CALLS))]
    assert emails == ["you@example.com"] * CALLS
    assert proxy.connections <= 2 * 100, proxy.connections
