"""make bench, part 2: what the `projekt_sandbox` test kit costs a consumer's test suite.

- Start-up: the session's server (SandboxServer, in a thread), against starting
  `projekt-sandbox serve` as a process and waiting for it, as a suite would
  without the kit.
- Reset between tests: emptying and re-seeding the database in place, against
  the naive alternative of a new database file, seeded, per test.

Each figure is the median of several runs with its range, as a ratio to its baseline.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from projekt_sandbox.seed import mint, seed  # noqa: E402
from projekt_sandbox.store import Store  # noqa: E402
from projekt_sandbox.testing import SandboxServer  # noqa: E402
from tests.helpers import Sandbox  # noqa: E402


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def spread(times: list[float]) -> str:
    low, middle, high = (1000 * f(times) for f in (min, statistics.median, max))
    return f"{middle:.1f} ms ({low:.1f} to {high:.1f})"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        servers: list[SandboxServer] = []

        def start_kit() -> None:
            run = folder / f"kit{len(servers)}"
            run.mkdir()
            servers.append(SandboxServer(run))

        def start_process() -> None:
            Sandbox(folder / f"process{time.perf_counter_ns()}.db").stop()

        kit = timed(start_kit, 5)
        process = timed(start_process, 5)
        server = servers[0]
        reset = timed(server.reset, 50)

        def fresh_file() -> None:
            store = Store(folder / f"fresh{time.perf_counter_ns()}.db")
            seed(store)
            mint(store, "you@example.com", "acme")
            store.close()

        fresh = timed(fresh_file, 50)
        for each in servers:
            each.stop()
    ratio = statistics.median(kit) / statistics.median(process)
    print("| Test kit | Measured (median, range) | Baseline | Ratio |\n|---|---|---|---|")
    baseline = f"serve + seed as processes: {spread(process)}"
    print(f"| session start-up | {spread(kit)} | {baseline} | {ratio:.2f}x |")
    ratio = statistics.median(reset) / statistics.median(fresh)
    print(f"| reset per test | {spread(reset)} | new seeded file: {spread(fresh)} | {ratio:.2f}x |")


if __name__ == "__main__":
    main()
