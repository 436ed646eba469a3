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

import json
import statistics
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from cases import PEERS, ROOT, SIZES, SPEED_MODULES, build_case

WORKERS, ROUNDS, TARGET_SECONDS = 5, 16, 0.01
SOCKET_SIZES = (1, 50, 500)


@dataclass(frozen=True)
class Figure:
    key: str
    case: str
    baseline: str
    size: int = 0
    sockets: bool = False  # over real loopback sockets to bench/fastserver.py; else the mock


def figures() -> list[Figure]:
    out = []
    for size in SIZES:
        out.append(Figure(f"list{size}", "sdk_list", "raw_list", size))
        out.append(Figure(f"generated{size}", "generated_list", "raw_list", size))
    out.append(Figure("create", "sdk_create", "raw_create"))
    out.append(Figure("async50", "sdk_async_list", "raw_async_list", 50))
    for size in (1, 50):
        out.append(Figure(f"http_client{size}", "sdk_list_http_client", "sdk_list", size))
    return out + socket_figures()


def socket_figures() -> list[Figure]:
    """Over real sockets: the SDK's own pool and `http_client=` against hand-written httpx,
    and the SDK without each optimisation kept for speed against the SDK as it is."""
    out = [Figure("s_create", "sdk_create", "raw_create", 1, True)]
    out.append(Figure("s_create_http_client", "sdk_create_http_client", "raw_create", 1, True))
    out.append(Figure("s_create_keyed", "sdk_create", "raw_create_keyed", 1, True))
    out.append(
        Figure("s_create_http_client_keyed", "sdk_create_http_client", "raw_create_keyed", 1, True)
    )
    for size in SOCKET_SIZES:
        out.append(Figure(f"s_list{size}", "sdk_list", "raw_list", size, True))
        out.append(Figure(f"s_http_client{size}", "sdk_list_http_client", "raw_list", size, True))
    for size in (1, 50):
        out.append(Figure(f"s_urls{size}", "sdk_list_httpx_joins_urls", "sdk_list", size, True))
        out.append(
            Figure(f"s_url_cache{size}", "sdk_list_url_parsed_each_call", "sdk_list", size, True)
        )
        out.append(Figure(f"s_cookies{size}", "sdk_list_with_cookie_jar", "sdk_list", size, True))
        out.append(Figure(f"s_body{size}", "sdk_list_body_copied", "sdk_list", size, True))
    return out


def peer_figures() -> list[Figure]:
    """The peers (bench/peers.py), each against raw httpx at every page size."""
    return [
        Figure(f"{peer}{size}", f"{peer}_list", "raw_list", size)
        for peer in PEERS
        for size in SIZES
    ]


# --- the worker: builds the cases in-process and times them --------------------------


def calibrate(timed: Callable[[int], float]) -> int:
    loops = 1
    timed(loops)  # warm up: first calls import lazily and fill caches
    while (elapsed := timed(loops)) < TARGET_SECONDS:
        loops = max(loops * 2, int(loops * TARGET_SECONDS / max(elapsed, 1e-9)))
    return loops


def as_installed(install: str) -> None:
    """Makes this worker's SDK the `install` ("plain": as if msgspec were not installed)."""
    if install == "plain":
        for module in SPEED_MODULES:
            sys.modules[module] = None  # type: ignore[assignment]  # as if not installed
    sys.path[:0] = [str(ROOT)]
    from projekt._api._speed import speed_extra

    if (speed_extra() is not None) != (install == "speed"):
        raise SystemExit(f"a {install} worker found speed_extra() = {speed_extra()}")


def run_worker(install: str, keys: list[str]) -> dict[str, list[float]]:
    as_installed(install)
    by_key = {f.key: f for f in [*figures(), *peer_figures()]}
    ratios: dict[str, list[float]] = {}
    for key in keys:
        figure = by_key[key]
        case = build_case(figure.case, figure.size, figure.sockets)
        baseline = build_case(figure.baseline, figure.size, figure.sockets)
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
