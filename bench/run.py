"""make bench: what the SDK costs, measured against baselines in the same run.

Every figure is a ratio or a difference against a baseline measured in this
process (or its children) a moment before, so the machine's speed cancels out.
Prints one Markdown table.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from projekt import AsyncProjekt, Projekt  # noqa: E402
from projekt_api.api.issues import list_issues  # noqa: E402
from projekt_api.client import AuthenticatedClient  # noqa: E402
from tests.helpers import Sandbox  # noqa: E402
from tests.resilience.faultproxy import FaultProxy  # noqa: E402

TOKEN = "pjk_live_AbCd1234EfGh5678IjKl9012MnOp3456"
ORG = "9f1c7a2e-6d4b-4e8a-b3c1-2f5d6e7a8b9c"
PROJECT = "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b"
BASE = "https://api.bench"
rows: list[tuple[str, str, str, str]] = []


def row(what: str, measured: str, goal: str, met: bool | None) -> None:
    rows.append((what, measured, goal, "" if met is None else ("yes" if met else "**no**")))


def full_issue(n: int) -> dict[str, Any]:
    return {
        "id": f"7e2b4d6f-8a1c-4e3b-a5d7-{n:012d}",
        "project_id": PROJECT,
        "title": f"Issue number {n} with a realistic title",
        "description": "A description of a realistic length, in Markdown. " * 4,
        "status": "In Progress",
        "priority": "high",
        "assignee_id": "ad8c5e1f-3b2a-4c7d-9e0f-1a2b3c4d5e6f",
        "created_at": "2026-05-28T09:14:02Z",
        "updated_at": "2026-05-28T10:14:02Z",
    }


def mock(content: bytes, status: int = 200) -> httpx.MockTransport:
    headers = {"Content-Type": "application/json", "X-Request-Id": "req_bench0001"}
    return httpx.MockTransport(
        lambda request: httpx.Response(status, content=content, headers=headers)
    )


def per_call(fn: Callable[[], object], budget: float = 1.5) -> float:
    """The median seconds per call, over repeated batches."""
    fn()
    batch = 1
    while True:
        start = time.perf_counter()
        for _ in range(batch):
            fn()
        if time.perf_counter() - start > 0.05:
            break
        batch *= 2
    samples = []
    deadline = time.perf_counter() + budget
    while time.perf_counter() < deadline or len(samples) < 5:
        start = time.perf_counter()
        for _ in range(batch):
            fn()
        samples.append((time.perf_counter() - start) / batch)
    return statistics.median(samples)


def bench_list_overhead() -> None:
    goals = {1: 1.15, 50: 1.25, 500: 1.6}
    for size, goal in goals.items():
        content = json.dumps([full_issue(n) for n in range(size)]).encode()
        raw_client = httpx.Client(base_url=BASE, transport=mock(content))
        sdk = Projekt(api_key=TOKEN, org_id=ORG, base_url=BASE, transport=mock(content))
        wrapped = Projekt(
            api_key=TOKEN,
            org_id=ORG,
            base_url=BASE,
            http_client=httpx.Client(transport=mock(content)),
        )
        plain = AuthenticatedClient(base_url=BASE, token=TOKEN).set_httpx_client(
            httpx.Client(base_url=BASE, transport=mock(content))
        )

        def raw(raw_client: httpx.Client = raw_client) -> None:
            response = raw_client.get("/issues", params={"project_id": PROJECT})
            for item in json.loads(response.content):
                _ = item["title"]

        def with_sdk(sdk: Projekt = sdk) -> None:
            for issue in sdk.issues.list(project_id=PROJECT):
                _ = issue.title

        def with_user_client(sdk: Projekt = wrapped) -> None:
            for issue in sdk.issues.list(project_id=PROJECT):
                _ = issue.title

        def generated(plain: AuthenticatedClient = plain) -> None:
            for issue in list_issues.sync(client=plain, project_id=PROJECT, x_org_id=ORG) or []:
                _ = issue.title  # type: ignore[union-attr]

        base = per_call(raw)
        ours, theirs = per_call(with_sdk) / base, per_call(generated) / base
        through_client = per_call(with_user_client) / base
        row(
            f"list() of {size} issues vs raw httpx + json.loads",
            f"{ours:.2f}x (via http_client=: {through_client:.2f}x; "
            f"plain generated: {theirs:.2f}x)",
            f"<= {goal}x",
            ours <= goal,
        )


def bench_create() -> None:
    content = json.dumps(full_issue(1)).encode()
    raw_client = httpx.Client(base_url=BASE, transport=mock(content, 201))
    sdk = Projekt(api_key=TOKEN, org_id=ORG, base_url=BASE, transport=mock(content, 201))
    body = {
        "project_id": PROJECT,
        "title": "Investigate flaky CI test",
        "status": "Backlog",
        "priority": "medium",
    }

    def raw() -> None:
        json.loads(raw_client.post("/issues", json=body).content)["id"]

    def with_sdk() -> None:
        _ = sdk.issues.create(**body).id

    ratio = per_call(with_sdk) / per_call(raw)
    row("create() vs raw httpx POST json=", f"{ratio:.2f}x", "<= 1.2x", ratio <= 1.2)


def import_ms(module: str) -> float:
    runs = []
    for _ in range(9):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def bench_import() -> None:
    httpx_ms, projekt_ms = import_ms("httpx"), import_ms("projekt")
    added = projekt_ms - httpx_ms
    row(
        "import projekt vs import httpx (fresh process)",
        f"+{added:.0f} ms ({projekt_ms:.0f} vs {httpx_ms:.0f} ms)",
        "<= +50 ms",
        added <= 50,
    )


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


MEMORY_SCRIPT = """
import json, resource, httpx
from projekt import Projekt
PAGE, TOTAL = 500, 100_000
def page(request):
    start = int(request.url.params.get("cursor", "0"))
    items = [{"id": f"i{n}", "title": f"Issue {n}", "status": "Todo", "priority": "low",
              "description": "x" * 200} for n in range(start, min(start + PAGE, TOTAL))]
    more = start + PAGE < TOTAL
    headers = {"Link": f'<issues?project_id=p&cursor={start + PAGE}>; rel="next"'} if more else {}
    return httpx.Response(200, json=items, headers=headers)
client = Projekt(api_key="pjk_live_" + "a" * 32, org_id="o", base_url="https://api.bench",
                 http_client=httpx.Client(transport=httpx.MockTransport(page)))
next(iter(client.issues.list(project_id="p")))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count = sum(1 for issue in client.issues.list(project_id="p") if issue.title)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"count": count, "rise_mb": (after - before) / 1024}))
"""


def bench_memory() -> None:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout)
    row(
        f"iterate {result['count']:,} issues over 200 pages: peak RSS rise",
        f"{result['rise_mb']:.1f} MB",
        "<= 50 MB",
        result["rise_mb"] <= 50,
    )


def bench_generate() -> None:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, ROOT / "scripts" / "generate.py", "--out", Path(out) / "g"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - start
    row("make generate (wall time)", f"{seconds:.1f} s", "<= 15 s", seconds <= 15)


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

        other = sandbox.mint("you@example.com", "acme")
        naive = AuthenticatedClient(base_url=proxy.url, token=other["api_key"])
        before = len(proxy.forwarded)
        start, errors, exported = time.perf_counter(), 0, 0
        kwargs: dict[str, Any] = {"project_id": project, "limit": 20}
        while True:
            response = list_issues.sync_detailed(client=naive, x_org_id=other["org_id"], **kwargs)
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
    finally:
        proxy.close()
        sandbox.stop()


def main() -> None:
    print(
        f"# make bench ({platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, "
        f"httpx {httpx.__version__})\n",
        flush=True,
    )
    bench_list_overhead()
    bench_create()
    bench_import()
    bench_memory()
    bench_generate()
    with tempfile.TemporaryDirectory() as tmp:
        sandbox = Sandbox(Path(tmp) / "bench.db")
        try:
            bench_loopback(sandbox)
        finally:
            sandbox.stop()
        bench_throttled_export(Path(tmp))
    print("| Benchmark | Measured | Goal | Met |\n|---|---|---|---|")
    for what, measured, goal, met in rows:
        print(f"| {what} | {measured} | {goal} | {met} |")


if __name__ == "__main__":
    main()
