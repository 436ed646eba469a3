"""make bench, what each per-call figure times: one call of the SDK, of hand-written httpx,
or of a peer, against a wire that answers at once.

A wire is the mock (httpx.MockTransport, in process) or real loopback sockets to
bench/fastserver.py (its own process, keep-alive): the same body either way.

Why one module: each case of the SDK stands beside the hand-written call it is timed
against, so that a reader can see both do the same work (the token, the org header, the
body read whole, each item's title).
"""

from __future__ import annotations

import asyncio
import json
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "pjk_live_AbCd1234EfGh5678IjKl9012MnOp3456"
ORG = "9f1c7a2e-6d4b-4e8a-b3c1-2f5d6e7a8b9c"
PROJECT = "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b"
BASE = "https://api.bench"
# Every call to the API carries the token: the hand-written baselines and the peers send it
# as the quickstart does, so that no side is timed without the header the SDK must send.
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SIZES = (1, 10, 50, 200, 500)
PEERS = ("stock", "pydantic")
SPEED_MODULES = ("msgspec",)


def full_issue(n: int) -> dict[str, Any]:
    """An issue with every field the spec defines set (the payload docs/benchmarks.md states)."""
    return {
        "id": f"7e2b4d6f-8a1c-4e3b-a5d7-{n:012d}",
        "project_id": PROJECT,
        "title": f"Issue number {n} with a realistic title",
        "description": "Steps to reproduce: open the login page, submit twice, watch the spinner.",
        "status": "In Progress",
        "priority": "high",
        "assignee_id": "ad8c5e1f-3b2a-4c7d-9e0f-1a2b3c4d5e6f",
        "created_at": "2026-05-28T09:14:02Z",
        "updated_at": "2026-05-28T10:14:02Z",
    }


CREATE_BODY = {
    "project_id": PROJECT,
    "title": "Investigate flaky CI test",
    "status": "Backlog",
    "priority": "medium",
}


Timed = Callable[[int], float]  # times `loops` calls of a case, in seconds


# Where workers find the fast local server over real sockets (calls.py starts it).
SERVER_PORT = "PROJEKT_BENCH_PORT"


@dataclass(frozen=True)
class Wire:
    """What a case talks to: the mock, or the fast server over sockets; `size` issues a page."""

    size: int
    sockets: bool = False

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{os.environ[SERVER_PORT]}" if self.sockets else BASE

    def transport(self) -> Any:
        """The mock's transport; None over sockets (the client's own)."""
        if self.sockets:
            return None
        import httpx
        from fastserver import HEADERS, answer

        def respond(request: httpx.Request) -> httpx.Response:
            status, body = answer(request.method, request.url.raw_path.decode())
            return httpx.Response(status, headers=HEADERS, content=body)

        return httpx.MockTransport(respond)

    @property
    def page(self) -> dict[str, Any]:
        """A list call's query: the server answers `limit` issues."""
        return {"project_id": PROJECT, "limit": self.size}


def sync_loop(call: Callable[[], object]) -> Timed:
    def timed(loops: int) -> float:
        start = time.perf_counter()
        for _ in range(loops):
            call()
        return time.perf_counter() - start

    return timed


def async_loop(call: Callable[[], Any]) -> Timed:
    loop = asyncio.new_event_loop()

    async def many(loops: int) -> float:
        start = time.perf_counter()
        for _ in range(loops):
            await call()
        return time.perf_counter() - start

    return lambda loops: loop.run_until_complete(many(loops))


# Each builder imports what it times on first use: a "plain" worker has blocked
# msgspec by then, so the SDK is imported exactly as without the speed extra.


def hand_written(wire: Wire) -> Any:
    """The httpx.Client a user would make by hand: the token as a default header."""
    import httpx

    return httpx.Client(base_url=wire.base, transport=wire.transport(), headers=AUTH)


def raw_list(wire: Wire) -> Timed:
    return list_through(hand_written(wire), wire)


def list_through(raw: Any, wire: Wire) -> Timed:
    """The hand-written list call, through the httpx.Client `raw`."""

    def call() -> None:
        response = raw.get("/issues", params=wire.page, headers={"X-Org-Id": ORG})
        response.raise_for_status()
        for item in json.loads(response.content):
            _ = item["title"]

    return sync_loop(call)


def sdk_list_through(sdk: Any, wire: Wire) -> Timed:
    def call() -> None:
        for issue in sdk.issues.list(**wire.page):
            _ = issue.title

    return sync_loop(call)


def sdk_list(wire: Wire) -> Timed:
    from projekt import Projekt

    sdk = Projekt(api_key=TOKEN, org_id=ORG, base_url=wire.base, transport=wire.transport())
    return sdk_list_through(sdk, wire)


def sdk_list_http_client(wire: Wire) -> Timed:
    import httpx

    from projekt import Projekt

    user = httpx.Client(transport=wire.transport())
    return sdk_list_through(
        Projekt(api_key=TOKEN, org_id=ORG, base_url=wire.base, http_client=user), wire
    )


def generated_list(wire: Wire) -> Timed:
    from projekt._api.api.issues import list_issues
    from projekt._api.client import AuthenticatedClient

    plain = AuthenticatedClient(
        base_url=wire.base,
        token=TOKEN,
        headers={"X-Org-Id": ORG},
        httpx_args={"transport": wire.transport()},
    )

    def call() -> None:
        for issue in list_issues.sync(client=plain, **wire.page) or []:
            _ = issue.title  # type: ignore[union-attr]

    return sync_loop(call)


def raw_create(wire: Wire) -> Timed:
    return create_through(hand_written(wire))


def raw_create_keyed(wire: Wire) -> Timed:
    return create_through(hand_written(wire), keyed=True)


def create_through(raw: Any, *, keyed: bool = False) -> Timed:
    """The hand-written create call, through the httpx.Client `raw`; `keyed`, with what makes
    its retry safe, as the SDK's: an Idempotency-Key of its own (a UUID, as the SDK's)."""

    def call() -> None:
        headers = {"X-Org-Id": ORG}
        if keyed:
            headers["Idempotency-Key"] = str(uuid.uuid4())
        response = raw.post("/issues", json=CREATE_BODY, headers=headers)
        response.raise_for_status()
        _ = json.loads(response.content)["id"]

    return sync_loop(call)


def sdk_create(wire: Wire) -> Timed:
    from projekt import Projekt

    sdk = Projekt(api_key=TOKEN, org_id=ORG, base_url=wire.base, transport=wire.transport())
    return sync_loop(lambda: sdk.issues.create(**CREATE_BODY).id)


def raw_async_list(wire: Wire) -> Timed:
    import httpx

    raw = httpx.AsyncClient(base_url=wire.base, transport=wire.transport(), headers=AUTH)

    async def call() -> None:
        response = await raw.get("/issues", params=wire.page, headers={"X-Org-Id": ORG})
        response.raise_for_status()
        for item in json.loads(response.content):
            _ = item["title"]

    return async_loop(call)


def sdk_async_list(wire: Wire) -> Timed:
    from projekt import AsyncProjekt

    sdk = AsyncProjekt(api_key=TOKEN, org_id=ORG, base_url=wire.base, transport=wire.transport())

    async def call() -> None:
        async for issue in sdk.issues.list(**wire.page):
            _ = issue.title

    return async_loop(call)


def sdk_create_http_client(wire: Wire) -> Timed:
    import httpx

    from projekt import Projekt

    user = httpx.Client(transport=wire.transport())
    sdk = Projekt(api_key=TOKEN, org_id=ORG, base_url=wire.base, http_client=user)
    return sync_loop(lambda: sdk.issues.create(**CREATE_BODY).id)


CASES: dict[str, Callable[[Wire], Timed]] = {
    builder.__name__: builder
    for builder in (
        raw_list,
        sdk_list,
        sdk_list_http_client,
        generated_list,
        raw_create,
        raw_create_keyed,
        sdk_create,
        sdk_create_http_client,
        raw_async_list,
        sdk_async_list,
    )
}


def build_case(name: str, size: int, sockets: bool) -> Timed:
    """The case `name` timed against a wire answering `size` issues (or one created)."""
    import peers  # the peers' and the savings' own cases, which use the wire above
    import savings

    builder = CASES.get(name) or savings.CASES.get(name) or peers.CASES[name]
    return builder(Wire(size, sockets))
