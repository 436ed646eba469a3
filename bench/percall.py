"""make bench, per-call figures: what one SDK call costs against the same call by hand.

The method holds on a shared 2-core VM (pyperf's ideas, kept small):

- every figure is measured in several fresh worker processes, so one process's
  luck with memory layout or a noisy neighbour does not decide it;
- each worker calibrates a loop count per case so one timing takes ~10 ms;
- the case and its baseline are timed in alternation (ABBA...), many rounds,
  and every round gives one ratio, so drift in the machine's speed cancels;
- a figure is the median ratio over all rounds, and its spread is the range of
  the workers' own medians. A goal is met only when that whole range is inside it.

"plain" workers run with the speed extra made unimportable (exactly as if it
were not installed); "speed" workers need it installed.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "pjk_live_AbCd1234EfGh5678IjKl9012MnOp3456"
ORG = "9f1c7a2e-6d4b-4e8a-b3c1-2f5d6e7a8b9c"
PROJECT = "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b"
BASE = "https://api.bench"
WORKERS, ROUNDS, TARGET_SECONDS = 5, 16, 0.01
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


@dataclass(frozen=True)
class Figure:
    key: str
    case: str
    baseline: str
    size: int = 0


def figures() -> list[Figure]:
    out = []
    for size in SIZES:
        out.append(Figure(f"list{size}", "sdk_list", "raw_list", size))
        out.append(Figure(f"generated{size}", "generated_list", "raw_list", size))
    out.append(Figure("create", "sdk_create", "raw_create"))
    out.append(Figure("async50", "sdk_async_list", "raw_async_list", 50))
    for size in (1, 50):
        out.append(Figure(f"http_client{size}", "sdk_list_http_client", "sdk_list", size))
    return out


def peer_figures() -> list[Figure]:
    """The peers (bench/peers.py), each against raw httpx at every page size."""
    return [
        Figure(f"{peer}{size}", f"{peer}_list", "raw_list", size)
        for peer in PEERS
        for size in SIZES
    ]


# --- the worker: builds the cases in-process and times them --------------------------


Timed = Callable[[int], float]  # times `loops` calls of a case, in seconds


@dataclass(frozen=True)
class Wire:
    """What every case's MockTransport answers: one body, built once per case."""

    status: int
    content: bytes

    def mock(self) -> Any:
        import httpx

        headers = {"Content-Type": "application/json", "X-Request-Id": "req_bench0001"}
        return httpx.MockTransport(
            lambda _: httpx.Response(self.status, content=self.content, headers=headers)
        )


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


def raw_list(wire: Wire) -> Timed:
    import httpx

    raw = httpx.Client(base_url=BASE, transport=wire.mock())

    def call() -> None:
        response = raw.get("/issues", params={"project_id": PROJECT}, headers={"X-Org-Id": ORG})
        response.raise_for_status()
        for item in json.loads(response.content):
            _ = item["title"]

    return sync_loop(call)


def sdk_list_through(sdk: Any) -> Timed:
    def call() -> None:
        for issue in sdk.issues.list(project_id=PROJECT):
            _ = issue.title

    return sync_loop(call)


def sdk_list(wire: Wire) -> Timed:
    from projekt import Projekt

    sdk = Projekt(api_key=TOKEN, org_id=ORG, base_url=BASE, transport=wire.mock())
    return sdk_list_through(sdk)


def sdk_list_http_client(wire: Wire) -> Timed:
    import httpx

    from projekt import Projekt

    user = httpx.Client(transport=wire.mock())
    return sdk_list_through(Projekt(api_key=TOKEN, org_id=ORG, base_url=BASE, http_client=user))


def generated_list(wire: Wire) -> Timed:
    import httpx

    from projekt_api.api.issues import list_issues
    from projekt_api.client import AuthenticatedClient

    plain = AuthenticatedClient(base_url=BASE, token=TOKEN).set_httpx_client(
        httpx.Client(base_url=BASE, transport=wire.mock(), headers={"X-Org-Id": ORG})
    )

    def call() -> None:
        for issue in list_issues.sync(client=plain, project_id=PROJECT) or []:
            _ = issue.title  # type: ignore[union-attr]

    return sync_loop(call)


def stock_list(wire: Wire) -> Timed:
    """openapi-python-client's own output for the spec: its list function, as it ships."""
    import httpx
    from peers import on_path

    on_path()
    from projekt_stock.api.issues import list_issues  # type: ignore[import-not-found]
    from projekt_stock.client import AuthenticatedClient  # type: ignore[import-not-found]

    stock = AuthenticatedClient(base_url=BASE, token=TOKEN).set_httpx_client(
        httpx.Client(base_url=BASE, transport=wire.mock(), headers={"X-Org-Id": ORG})
    )

    def call() -> None:
        for issue in list_issues.sync(client=stock, project_id=PROJECT) or []:
            _ = issue.title

    return sync_loop(call)


def pydantic_list(wire: Wire) -> Timed:
    """httpx, then the page validated into pydantic v2 models in one call, Stainless-style."""
    import httpx
    from peers import on_path
    from pydantic import TypeAdapter

    on_path()
    from projekt_pydantic import IssueSummary  # type: ignore[import-not-found]

    raw = httpx.Client(base_url=BASE, transport=wire.mock(), headers={"Authorization": TOKEN})
    page = TypeAdapter(list[IssueSummary])

    def call() -> None:
        response = raw.get("/issues", params={"project_id": PROJECT}, headers={"X-Org-Id": ORG})
        response.raise_for_status()
        for issue in page.validate_json(response.content):
            _ = issue.title

    return sync_loop(call)


def raw_create(wire: Wire) -> Timed:
    import httpx

    raw = httpx.Client(base_url=BASE, transport=wire.mock())

    def call() -> None:
        response = raw.post("/issues", json=CREATE_BODY, headers={"X-Org-Id": ORG})
        response.raise_for_status()
        _ = json.loads(response.content)["id"]

    return sync_loop(call)


def sdk_create(wire: Wire) -> Timed:
    from projekt import Projekt

    sdk = Projekt(api_key=TOKEN, org_id=ORG, base_url=BASE, transport=wire.mock())
    return sync_loop(lambda: sdk.issues.create(**CREATE_BODY).id)


def raw_async_list(wire: Wire) -> Timed:
    import httpx

    raw = httpx.AsyncClient(base_url=BASE, transport=wire.mock())

    async def call() -> None:
        response = await raw.get(
            "/issues", params={"project_id": PROJECT}, headers={"X-Org-Id": ORG}
        )
        response.raise_for_status()
        for item in json.loads(response.content):
            _ = item["title"]

    return async_loop(call)


def sdk_async_list(wire: Wire) -> Timed:
    from projekt import AsyncProjekt

    sdk = AsyncProjekt(api_key=TOKEN, org_id=ORG, base_url=BASE, transport=wire.mock())

    async def call() -> None:
        async for issue in sdk.issues.list(project_id=PROJECT):
            _ = issue.title

    return async_loop(call)


CASES: dict[str, Callable[[Wire], Timed]] = {
    builder.__name__: builder
    for builder in (
        raw_list,
        sdk_list,
        sdk_list_http_client,
        generated_list,
        stock_list,
        pydantic_list,
        raw_create,
        sdk_create,
        raw_async_list,
        sdk_async_list,
    )
}


def build_case(name: str, size: int) -> Timed:
    """The case `name` timed against a wire answering `size` issues (or one created)."""
    if name.endswith("create"):
        wire = Wire(201, json.dumps(full_issue(1)).encode())
    else:
        wire = Wire(200, json.dumps([full_issue(n) for n in range(size)]).encode())
    return CASES[name](wire)


def calibrate(timed: Callable[[int], float]) -> int:
    loops = 1
    timed(loops)  # warm up: first calls import lazily and fill caches
    while (elapsed := timed(loops)) < TARGET_SECONDS:
        loops = max(loops * 2, int(loops * TARGET_SECONDS / max(elapsed, 1e-9)))
    return loops


def run_worker(install: str, keys: list[str]) -> dict[str, list[float]]:
    if install == "plain":
        for module in SPEED_MODULES:
            sys.modules[module] = None  # type: ignore[assignment]  # as if not installed
    sys.path[:0] = [str(ROOT)]
    from projekt_api._speed import speed_extra

    if (speed_extra() is not None) != (install == "speed"):
        raise SystemExit(f"a {install} worker found speed_extra() = {speed_extra()}")
    by_key = {f.key: f for f in [*figures(), *peer_figures()]}
    ratios: dict[str, list[float]] = {}
    for key in keys:
        figure = by_key[key]
        case, baseline = (
            build_case(figure.case, figure.size),
            build_case(figure.baseline, figure.size),
        )
        case_loops, base_loops = calibrate(case), calibrate(baseline)
        ratios[key] = []
        for round_ in range(ROUNDS):
            if round_ % 2:
                base = baseline(base_loops) / base_loops
                ours = case(case_loops) / case_loops
            else:
                ours = case(case_loops) / case_loops
                base = baseline(base_loops) / base_loops
            ratios[key].append(ours / base)
    return ratios


# --- the parent: runs workers, aggregates ---------------------------------------------


@dataclass(frozen=True)
class Result:
    median: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.median:.2f}x ({self.low:.2f}-{self.high:.2f})"


def measure(install: str, keys: list[str], workers: int = WORKERS) -> dict[str, Result]:
    rounds: dict[str, list[float]] = {key: [] for key in keys}
    worker_medians: dict[str, list[float]] = {key: [] for key in keys}
    for _ in range(workers):
        out = subprocess.run(
            [sys.executable, __file__, "worker", install, *keys],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for key, values in json.loads(out).items():
            rounds[key] += values
            worker_medians[key].append(statistics.median(values))
    return {
        key: Result(
            statistics.median(rounds[key]), min(worker_medians[key]), max(worker_medians[key])
        )
        for key in keys
    }


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    print(json.dumps(run_worker(sys.argv[2], sys.argv[3:])))
