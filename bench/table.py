"""The one table `make bench` prints: a row per figure, with its goal and whether it met it."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the benchmarks reuse the test suite's sandbox helpers

rows: list[tuple[str, str, str, str]] = []


def row(what: str, measured: str, goal: str, met: bool | None) -> None:
    rows.append((what, measured, goal, "" if met is None else ("yes" if met else "**no**")))


def print_table() -> None:
    print("| Benchmark | Measured | Goal | Met |\n|---|---|---|---|")
    for what, measured, goal, met in rows:
        print(f"| {what} | {measured} | {goal} | {met} |")
