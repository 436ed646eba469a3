"""make bench, start-up: `import projekt`, making a client, `projekt --help` and
`make generate`."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from table import ROOT, row

IMPORT_SCRIPT = "import time; t = time.perf_counter(); import {}; print(time.perf_counter() - t)"


def import_ms(python: Path, rounds: int = 45) -> tuple[float, float, float, float]:
    """Fresh processes importing httpx, then projekt, interleaved: medians and the spread.

    Each process times its own import (the interpreter's start-up, the same for both,
    is left out as noise). The spread is the range of the medians of three blocks.
    """
    added: list[float] = []
    httpx_runs: list[float] = []
    for _ in range(rounds):
        for module in ("httpx", "projekt"):
            out = subprocess.run(
                [python, "-c", IMPORT_SCRIPT.format(module)], check=True, capture_output=True
            )
            ms = float(out.stdout) * 1000
            if module == "httpx":
                httpx_runs.append(ms)
            else:
                added.append(ms - httpx_runs[-1])
    third = rounds // 3
    blocks = [statistics.median(added[i : i + third]) for i in range(0, third * 3, third)]
    return statistics.median(httpx_runs), statistics.median(added), min(blocks), max(blocks)


def bench_import(tmp: Path) -> None:
    """`import projekt` in a clean venv that holds only the wheel and its dependencies; then
    `projekt --help` once projekt-cli is installed beside it, as `projekt[cli]` does."""
    subprocess.run(["make", "-s", "build"], cwd=ROOT, check=True, capture_output=True)
    wheel = next((ROOT / "dist").glob("projekt-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", tmp / "venv"], check=True)
    python = tmp / "venv" / "bin" / "python"
    pip = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, wheel], check=True, stderr=subprocess.DEVNULL)
    httpx_ms, added, low, high = import_ms(python)  # msgspec comes with the wheel now
    row(
        f"import projekt vs import httpx ({httpx_ms:.0f} ms), clean venv, default install",
        f"+{added:.0f} ms ({low:+.0f} to {high:+.0f})",
        "<= +25 ms",
        high <= 25,
    )
    found = ["--find-links", ROOT / "dist"]  # projekt-cli, from this build
    subprocess.run([*pip, *found, f"{wheel}[cli]"], check=True, stderr=subprocess.DEVNULL)
    bench_cli_start(tmp / "venv" / "bin")


def bench_cli_start(bin_dir: Path, rounds: int = 21) -> None:
    """`projekt --help` from the console script, wall time, against a bare interpreter's start."""
    bare, started = [], []
    for _ in range(rounds):
        for runs, command in (
            (bare, [bin_dir / "python", "-c", "pass"]),
            (started, [bin_dir / "projekt", "--help"]),
        ):
            begin = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            runs.append((time.perf_counter() - begin) * 1000)
    third = rounds // 3
    blocks = [statistics.median(started[i : i + third]) for i in range(0, third * 3, third)]
    median, bare_ms = statistics.median(started), statistics.median(bare)
    row(
        f"projekt --help start-up, wall time, clean venv (a bare python: {bare_ms:.0f} ms)",
        f"{median:.0f} ms ({min(blocks):.0f} to {max(blocks):.0f})",
        "<= 300 ms",
        max(blocks) <= 300,
    )


CLIENT_SCRIPT = """
import json, statistics, sys, time, httpx, projekt
from projekt._runtime.transport import tls

def made(make, fresh=False):
    if fresh:
        tls._shared.cache_clear()  # as if each client loaded the CA bundle itself
    start = time.perf_counter()
    make().close()
    return (time.perf_counter() - start) * 1000

projekt.Projekt().close()  # the first client of the process loads the bundle
rounds = [
    (made(httpx.Client), made(projekt.Projekt), made(projekt.Projekt, fresh=True))
    for _ in range(int(sys.argv[1]))
]
print(json.dumps([statistics.median(column) for column in zip(*rounds)]))
"""


def bench_client(rounds: int = 41) -> None:
    """Making a client after the process's first (a client per tenant, per test, per job),
    against making an `httpx.Client()`; and what sharing the CA certificates saves."""
    env = {**os.environ, "PROJEKT_API_KEY": "pjk_live_" + "a" * 32}
    out = subprocess.run(
        [sys.executable, "-c", CLIENT_SCRIPT, str(rounds)], env=env, check=True, capture_output=True
    )
    httpx_ms, shared_ms, alone_ms = json.loads(out.stdout)
    row(
        f"making a client after the first: Projekt() vs httpx.Client() ({httpx_ms:.1f} ms)",
        f"{shared_ms / httpx_ms:.2f}x ({shared_ms:.2f} ms)",
        "<= 1.00x",
        shared_ms <= httpx_ms,
    )
    row(
        "what the CA certificates shared by a process's clients save a client (transport/tls.py)",
        f"{alone_ms - shared_ms:.1f} ms ({alone_ms:.1f} ms each loading its own)",
        "(report)",
        None,
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
