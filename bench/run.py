"""make bench: what the SDK costs, measured against baselines in the same run.

Every figure is a ratio or a difference against a baseline measured in this
process (or its children) a moment before, so the machine's speed cancels out.
Prints one Markdown table; a module per subject:

- calls.py: per call, the SDK against hand-written httpx, on the mock and over real
  sockets (the method is percall.py's, the cases cases.py's, the server fastserver.py's),
  and over sockets in instructions too (instructions.py);
- startup.py: import time, making a client, `projekt --help`, `make generate`;
- memory.py: an export's memory, and decoding a page step by step;
- loopback.py: the sandbox over loopback, and a throttled export;
- fleet.py: the shared budget in Redis.
"""

from __future__ import annotations

import os
import platform
import tempfile
from pathlib import Path

import calls
import chart
import fleet
import httpx
import loopback
import memory
import startup
from table import ROOT, print_table

from tests.helpers import Sandbox


def main() -> None:
    print(
        f"# make bench ({platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, httpx {httpx.__version__})\n",
        flush=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        results = calls.bench_per_call(Path(tmp))
    memory.bench_decode_steps()
    with tempfile.TemporaryDirectory() as tmp:
        startup.bench_import(Path(tmp))
    startup.bench_client()
    memory.bench_memory()
    memory.bench_memory_held()
    startup.bench_generate()
    with tempfile.TemporaryDirectory() as tmp:
        sandbox = Sandbox(Path(tmp) / "bench.db")
        try:
            loopback.bench_loopback(sandbox)
        finally:
            sandbox.stop()
        loopback.bench_throttled_export(Path(tmp))
        figures = fleet.bench_fleet(Path(tmp))
    chart.draw(results, figures, ROOT / "docs" / "benchmarks.png")
    chart.draw_sockets(results, ROOT / "docs" / "benchmarks-sockets.png")
    print_table()


if __name__ == "__main__":
    main()
