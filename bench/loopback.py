"""make bench, the sandbox over loopback: requests a second and connections, a burst of
calls at once on one client, and a throttled export against a real rate limit."""

from __future__ import annotations

import asyncio
import math
import os
import statistics
import time
from pathlib import Path
from typing import Any

import httpx
from cases import ORG, SERVER_PORT, TOKEN
from table import row

from projekt import AsyncProjekt, Projekt
from projekt._api.api.issues import list_issues
from projekt._api.client import AuthenticatedClient
from tests.helpers import Sandbox
from tests.resilience.faultproxy import FaultProxy


def bench_loopback(sandbox: Sandbox) -> None:
    creds = sandbox.owner

    def sync_run(url: str, calls: int) -> float:
        with Projekt(api_key=creds["api_key"], org_id=creds["org_id"], base_url=url) as client:
            start = time.perf_counter()
            for _ in range(calls):
                list(client.issues.list(project_id=creds["project_id"]))
            return calls / (time.perf_counter() - start)

    async def async_run(url: str, calls: int, concurrency: int = 32) -> float:
        async with AsyncProjekt(
            api_key=creds["api_key"], org_id=creds["org_id"], base_url=url
        ) as client:
            gate = asyncio.Semaphore(concurrency)

            async def one() -> None:
                async with gate:
                    [i async for i in client.issues.list(project_id=creds["project_id"])]

            start = time.perf_counter()
            await asyncio.gather(*(one() for _ in range(calls)))
            return calls / (time.perf_counter() - start)

    sync_rps = sync_run(sandbox.url, 1000)
    async_rps = asyncio.run(async_run(sandbox.url, 1000))
    proxy = FaultProxy(sandbox.port)
    sync_run(proxy.url, 200)
    sync_connections = proxy.connections
    asyncio.run(async_run(proxy.url, 200))
    async_connections = proxy.connections - sync_connections
    proxy.close()
    row(
        "1,000 GET /issues on loopback, sync sequential",
        f"{sync_rps:.0f} req/s, {sync_connections} connection(s)",
        "connections <= 1",
        sync_connections <= 1,
    )
    row(
        "1,000 GET /issues on loopback, async x32",
        f"{async_rps:.0f} req/s, {async_connections} connections",
        "connections <= pool (100)",
        async_connections <= 100,
    )


BURST = 1000  # calls at once on one client: ten times the connections it holds


def bench_burst() -> None:
    """BURST calls gathered at once on one AsyncProjekt, against the same on one
    httpx.AsyncClient, to bench/fastserver.py (calls.fast_server() must be running)."""
    base = f"http://127.0.0.1:{os.environ[SERVER_PORT]}"

    async def sdk() -> float:
        async with AsyncProjekt(api_key=TOKEN, org_id=ORG, base_url=base) as client:
            await client.me.get()
            start = time.perf_counter()
            await asyncio.gather(*(client.me.get() for _ in range(BURST)))
            return time.perf_counter() - start

    async def raw() -> float:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        async with httpx.AsyncClient(base_url=base, headers=headers) as client:
            await client.get("/me")
            start = time.perf_counter()
            await asyncio.gather(*(client.get("/me") for _ in range(BURST)))
            return time.perf_counter() - start

    ratios = [asyncio.run(sdk()) / asyncio.run(raw()) for _ in range(5)]
    row(
        f"burst: {BURST:,} calls at once on one AsyncProjekt vs one httpx.AsyncClient (sockets)",
        f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})",
        "(report)",
        None,
    )


def seed_issues(sandbox: Sandbox, count: int) -> str:
    from projekt_sandbox.store import Store, new_id, now

    store = Store(sandbox.db)
    project = new_id()
    store.insert(
        "projects",
        id=project,
        org_id=sandbox.owner["org_id"],
        name="Export",
        key="EXP",
        description=None,
        created_at=now(),
    )
    with store.transaction() as db:
        db.executemany(
            "INSERT INTO issues (id, org_id, project_id, title, description, status, priority,"
            " assignee_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, NULL, 'Todo', 'low', NULL, ?, ?)",
            [
                (new_id(), sandbox.owner["org_id"], project, f"Issue {n}", now(), now())
                for n in range(count)
            ],
        )
    store.close()
    return project


def export_figures(
    proxy: FaultProxy, requests_before: int, elapsed: float, limit: int, window: float, errors: int
) -> tuple[float, float]:
    seen = proxy.forwarded[requests_before:]
    served = sum(1 for s in seen if not s.endswith(" 429"))
    throttled = len(seen) - served
    capacity = limit * max(math.ceil(elapsed / window - 1e-9), 1)
    return served / capacity, throttled / len(seen)


def bench_throttled_export(
    tmp: Path, limit: int = 50, window: float = 2.0, issues: int = 5000
) -> None:
    sandbox = Sandbox(tmp / "export.db", rate_limit=f"{limit}/{window:g}")
    project = seed_issues(sandbox, issues)
    proxy = FaultProxy(sandbox.port)
    try:
        client = Projekt(
            api_key=sandbox.owner["api_key"], org_id=sandbox.owner["org_id"], base_url=proxy.url
        )
        start, errors, exported = time.perf_counter(), 0, 0
        try:
            exported = sum(1 for _ in client.issues.list(project_id=project, limit=20))
        except Exception:
            errors += 1
        fraction, share_429 = export_figures(
            proxy, 0, time.perf_counter() - start, limit, window, errors
        )
        row(
            f"export {exported:,} issues, {limit} req/{window:g} s: SDK throughput / limit",
            f"{fraction:.2f}",
            ">= 0.95",
            fraction >= 0.95,
        )
        row(
            "  ... 429s received / requests; errors surfaced",
            f"{share_429:.3f}; {errors}",
            "<= 0.02; 0",
            share_429 <= 0.02 and errors == 0,
        )
        naive_export(sandbox, proxy, project, limit, window)
    finally:
        proxy.close()
        sandbox.stop()


def naive_export(
    sandbox: Sandbox, proxy: FaultProxy, project: str, limit: int, window: float
) -> None:
    """The same export as a plain loop over the generated functions, for comparison."""
    other = sandbox.mint("you@example.com", "acme")
    naive = AuthenticatedClient(
        base_url=proxy.url, token=other["api_key"], headers={"X-Org-Id": other["org_id"]}
    )
    before = len(proxy.forwarded)
    start, errors, exported = time.perf_counter(), 0, 0
    kwargs: dict[str, Any] = {"project_id": project, "limit": 20}
    while True:
        response = list_issues.sync_detailed(client=naive, **kwargs)
        if response.status_code == 429:  # the usual loop: sleep as told, then try again
            time.sleep(float(response.headers.get("Retry-After", "1")))
            continue
        if not isinstance(response.parsed, list):
            errors += 1
            break
        exported += len(response.parsed)
        link = httpx.Response(200, headers=response.headers).links.get("next")
        if not link:
            break
        kwargs["cursor"] = httpx.URL(link["url"]).params["cursor"]
    fraction, share_429 = export_figures(
        proxy, before, time.perf_counter() - start, limit, window, errors
    )
    row(
        f"  ... naive loop over plain generated functions ({exported:,} issues)",
        f"{fraction:.2f}; 429s {share_429:.3f}; errors {errors}",
        "(comparison)",
        None,
    )
