"""make bench, per call in CPU instructions: the SDK against hand-written httpx over real
loopback sockets, each call counted by valgrind's callgrind.

Why a second measure of the calls percall.py times: on a shared 2-core VM a wall-clock ratio
moves by a few per cent from run to run, so a change that costs a call 1% cannot be seen in
it. A count of the instructions a call runs does not move with the machine's load: the same
code counts the same, run after run, and a change shows as the difference it makes. What it
leaves out: the kernel's work (the same on both sides: `strace -c` counts 12 system calls for
a create, the SDK's and a hand-written one with an Idempotency-Key alike), the server, and
how fast the processor runs each instruction. That last can differ: the SDK's create()
runs fewer instructions than the hand-written one and yet takes longer, which callgrind's
cache and branch simulations do not explain (docs/benchmarks.md, "In instructions", has the
figures). So these rows report; the timed rows (percall.py) decide the goals.

Each case runs in a worker process under callgrind twice, for FEW and for MANY calls after the
same warm-up: the difference, over MANY - FEW calls, is one call's count, free of start-up and
imports. Each worker hashes strings with one fixed seed, since with Python's random one dicts
probe differently from run to run and the count moves with them. The cases are cases.py's,
so each is the same code percall.py times; the server (fastserver.py, started by calls.py)
runs natively, outside valgrind.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from table import row

FEW, MANY = 20, 120
# (what, the SDK's case, the hand-written baseline, page size)
FIGURES = [
    ("list() of 1, the SDK's own pool", "sdk_list", "raw_list", 1),
    ("list() of 1, http_client=", "sdk_list_http_client", "raw_list", 1),
    ("create(), the SDK's own pool", "sdk_create", "raw_create", 1),
    ("create(), http_client=", "sdk_create_http_client", "raw_create", 1),
    ("create(), the SDK's own pool", "sdk_create", "raw_create_keyed", 1),
    ("create(), http_client=", "sdk_create_http_client", "raw_create_keyed", 1),
]
BASELINES = {
    "raw_list": "hand-written httpx",
    "raw_create": "hand-written httpx",
    "raw_create_keyed": "hand-written httpx that also sends an Idempotency-Key (the same work)",
}


def count(case: str, size: int, calls: int) -> int:
    """Instructions a worker runs, start-up and warm-up included, making `calls` calls."""
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",  # the total it prints is all that is read
            sys.executable,
            __file__,
            "worker",
            case,
            str(size),
            str(calls),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or found is None:  # the worker's traceback is in valgrind's stderr
        raise SystemExit(f"counting {case} failed:\n{done.stderr}")
    return int(found[1])


def per_call(case: str, size: int) -> float:
    return (count(case, size, MANY) - count(case, size, FEW)) / (MANY - FEW)


def measure() -> dict[tuple[str, int], float]:
    """Each case's instructions a call, two workers at a time (calls.fast_server() must be
    running)."""
    cases = sorted({(case, size) for _, sdk, raw, size in FIGURES for case in (sdk, raw)})
    with ThreadPoolExecutor(max_workers=2) as pool:
        counting = {case: pool.submit(per_call, *case) for case in cases}
        return {case: future.result() for case, future in counting.items()}


def add_rows(counted: dict[tuple[str, int], float]) -> None:
    for what, sdk, raw, size in FIGURES:
        ours, theirs = counted[sdk, size], counted[raw, size]
        row(
            f"sockets, in instructions: {what} vs {BASELINES[raw]} (default install)",
            f"{ours / theirs:.3f}x ({ours / 1e6:.3f}M vs {theirs / 1e6:.3f}M a call)",
            "(report)",
            None,
        )


def run_worker(case: str, size: int, calls: int) -> None:
    from cases import build_case
    from percall import as_installed

    as_installed("speed")
    timed = build_case(case, size, sockets=True)
    timed(20)  # warm up, as in every worker: the first calls import lazily and fill caches
    timed(calls)


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    run_worker(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
