"""Features that hold together: every write (create, update, comment, a comment through
`client.post`, delete) through every pair of values of {sync, async} x {own pool,
http_client=} x {own throttle, Redis budget} x {tracing on, off} x {answer lost, 503 first,
answer lost then a 429, clean}. Pairwise, not the whole product: eight rows cover every pair
of values at least once (a test below checks that they do).

Each row checks what a user would notice: each write exists once (a lost answer is replayed,
not repeated), a retried delete of what it deleted returns None, every span started has ended,
and the budget has nothing left in flight.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from opentelemetry.sdk.trace import ReadableSpan, Span, SpanProcessor, TracerProvider

import projekt
from projekt_sandbox.testing import ProjektSandbox
from tests.fleet.conftest import RedisServer
from tests.helpers import make_client

FACTORS = {
    "flavor": ("sync", "async"),
    "wire": ("own pool", "http_client"),
    "budget": ("own throttle", "redis"),
    "tracing": ("on", "off"),
    "fault": ("answer lost", "503 first", "lost, then 429", "clean"),
}
ROWS = [
    ("sync", "own pool", "own throttle", "on", "answer lost"),
    ("async", "http_client", "redis", "off", "answer lost"),
    ("sync", "http_client", "redis", "on", "503 first"),
    ("async", "own pool", "own throttle", "off", "503 first"),
    ("sync", "own pool", "redis", "off", "clean"),
    ("async", "http_client", "own throttle", "on", "clean"),
    ("sync", "http_client", "own throttle", "off", "lost, then 429"),
    ("async", "own pool", "redis", "on", "lost, then 429"),
]
# How many times each faulty write is retried: once, or twice for a lost answer then a 429.
RETRIES = {"answer lost": 1, "503 first": 1, "lost, then 429": 2, "clean": 0}


def test_the_rows_cover_every_pair_of_values() -> None:
    values = list(FACTORS.values())
    for (a, first), (b, second) in itertools.combinations(enumerate(values), 2):
        wanted = set(itertools.product(first, second))
        assert wanted == {(row[a], row[b]) for row in ROWS}, (a, b)


class Counting(SpanProcessor):
    def __init__(self) -> None:
        self.started: list[str] = []
        self.ended: list[str] = []

    def on_start(self, span: Span, parent_context: Any = None) -> None:
        self.started.append(span.name)

    def on_end(self, span: ReadableSpan) -> None:
        self.ended.append(span.name)


@pytest.fixture(scope="module")
def fleet_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("pairs-redis"))
    yield server
    server.kill()


def plan(sandbox: ProjektSandbox, fault: str, method: str) -> None:
    if fault in ("answer lost", "lost, then 429"):
        sandbox.lose_next_response(method=method)
    if fault == "lost, then 429":  # met after the loss: the retry of a write that acted
        sandbox.fail_next(429, method=method)
    elif fault == "503 first":
        sandbox.fail_next(503, method=method)


@pytest.mark.parametrize("row", ROWS, ids=[" / ".join(row) for row in ROWS])
def test_every_write_acts_once_and_leaves_nothing_open(
    row: tuple[str, str, str, str, str],
    projekt_sandbox: ProjektSandbox,
    fleet_redis: RedisServer,
    sleeps: list[float],
    tmp_path: Path,
) -> None:
    flavor, wire, budget, tracing, fault = row
    counting, options = Counting(), {}
    if tracing == "on":
        provider = TracerProvider()
        provider.add_span_processor(counting)
        options["tracer_provider"] = provider
    if budget == "redis":
        options["throttle_url"] = fleet_redis.url
    with asyncio.Runner() as runner:
        if wire == "http_client":
            own = httpx.Client() if flavor == "sync" else httpx.AsyncClient()
            options["http_client"] = own
        client = make_client(
            flavor,
            None if flavor == "sync" else runner,
            api_key=projekt_sandbox.api_key,
            org_id=projekt_sandbox.org_id,
            base_url=projekt_sandbox.base_url,
            **options,
        )
        project = projekt_sandbox.project_id
        title = f"pairs: {' / '.join(row)}"
        plan(projekt_sandbox, fault, "POST")
        issue = client.issues.create(project_id=project, title=title)
        plan(projekt_sandbox, fault, "PATCH")
        assert client.issues.update(issue.id, priority="high").priority == "high"
        plan(projekt_sandbox, fault, "POST")
        client.comments.create(issue.id, body=title)
        plan(projekt_sandbox, fault, "POST")  # the same write, off the spec
        path, ids = "/issues/{issue_id}/comments", {"issue_id": issue.id}
        client.post(path, path_params=ids, body={"body": f"{title} (off the spec)"})
        bodies = [c.body for c in client.comments.list(issue.id)]
        assert bodies == [title, f"{title} (off the spec)"]
        titles = [i.title for i in client.issues.list(project_id=project)]
        assert titles.count(title) == 1
        plan(projekt_sandbox, fault, "DELETE")
        assert client.issues.delete(issue.id) is None
        with pytest.raises(projekt.NotFoundError):
            client.issues.get(issue.id)
        client.close()
        if wire == "http_client":
            own.close() if isinstance(own, httpx.Client) else runner.run(own.aclose())
    assert len(sleeps) == 5 * RETRIES[fault]  # five writes
    assert sorted(counting.started) == sorted(counting.ended)
    if tracing == "on":
        assert "issues.create" in counting.ended and "DELETE /issues/{issue_id}" in counting.ended
        assert "projekt.request" in counting.ended
    assert nothing_in_flight(client, fleet_redis) if budget == "redis" else local_in_flight(client)


def local_in_flight(client: Any) -> bool:
    budgets = [b for t in client._shared.throttles.values() for b in t._budgets.values()]
    return bool(budgets) and all(b.in_flight == 0 for b in budgets)


def nothing_in_flight(client: Any, server: RedisServer) -> bool:
    """The budget is in Redis, with no lease left in it: close() sent every settle."""
    observer = redis.Redis.from_url(server.url)
    budgets = [key for key in observer.keys("projekt:throttle:*") if b":leases" not in key]
    return bool(budgets) and not any(observer.zcard(key + b":leases") for key in budgets)
