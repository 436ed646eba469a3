"""Draws docs/benchmarks.png: list() cost against page size, as a ratio to raw httpx;
and beside it, a fleet's share of the rate limit and of 429s, with and without Redis."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")  # no display: draw straight to a file
import matplotlib.pyplot as plt

if TYPE_CHECKING:
    from percall import Result

SIZES = (1, 10, 50, 200, 500)  # percall.SIZES
LINES = [
    ("speed", "list", "SDK, default install", "tab:green"),
    ("plain", "list", "SDK, fallback (msgspec blocked)", "tab:blue"),
    ("plain", "generated", "its generated function alone", "tab:gray"),
    ("speed", "stock", "peer: openapi-python-client as it ships", "tab:orange"),
    ("speed", "pydantic", "peer: pydantic v2 TypeAdapter", "tab:purple"),
]


def draw(
    results: dict[str, dict[str, Result]], fleet: dict[str, tuple[float, float]], output: Path
) -> None:
    figure, (axes, bars) = plt.subplots(
        1, 2, figsize=(11, 4.2), dpi=110, gridspec_kw={"width_ratios": [3, 2]}
    )
    ratio_lines(axes, results, LINES, SIZES, "raw httpx + json.loads")
    axes.set_title("list(), consuming every item: cost relative to hand-written httpx")
    draw_fleet(bars, fleet)
    figure.tight_layout()
    figure.savefig(output)
    plt.close(figure)


def ratio_lines(
    axes: plt.Axes,
    results: dict[str, dict[str, Result]],
    lines: list[tuple[str, str, str, str]],
    sizes: tuple[int, ...],
    baseline: str,
) -> None:
    """Each line's median ratio by page size, its spread shaded, against the baseline at 1."""
    for install, prefix, label, colour in lines:
        measured = [results[install][f"{prefix}{size}"] for size in sizes]
        axes.plot(sizes, [r.median for r in measured], marker="o", label=label, color=colour)
        low, high = [r.low for r in measured], [r.high for r in measured]
        axes.fill_between(sizes, low, high, color=colour, alpha=0.15)
    axes.axhline(1.0, color="black", linewidth=1, linestyle="--", label=baseline)
    axes.set_xscale("log")
    axes.set_xticks(sizes, [str(size) for size in sizes])
    axes.set_xlabel("issues per page (every field set)")
    axes.set_ylabel(f"time per list() call / {baseline.split(' + ')[0]}")
    axes.grid(True, alpha=0.3)
    axes.legend()


def draw_fleet(bars: plt.Axes, fleet: dict[str, tuple[float, float]]) -> None:
    """(successes as a fraction of the limit, 429s as a fraction of calls) per setup."""
    labels = list(fleet)
    positions = range(len(labels))
    width = 0.38
    successes = [fleet[label][0] for label in labels]
    refusals = [fleet[label][1] for label in labels]
    bars.bar([p - width / 2 for p in positions], successes, width, label="successes / limit")
    bars.bar([p + width / 2 for p in positions], refusals, width, label="429s / calls")
    bars.set_xticks(list(positions), labels)
    bars.set_ylim(0, 1.35)  # room for the legend above the bars
    bars.set_title("a fleet of 4 processes x 3 threads, one limit")
    bars.grid(True, axis="y", alpha=0.3)
    bars.legend()


SOCKET_SIZES = (1, 50, 500)  # percall.SOCKET_SIZES
SOCKET_LINES = [
    ("speed", "s_list", "SDK, its own pool (default install)", "tab:green"),
    ("speed", "s_http_client", "SDK through http_client= (default install)", "tab:olive"),
    ("plain", "s_list", "SDK, its own pool, fallback (msgspec blocked)", "tab:blue"),
]


def draw_sockets(results: dict[str, dict[str, Result]], output: Path) -> None:
    """list() over real loopback sockets, as a ratio to hand-written httpx, by page size."""
    figure, axes = plt.subplots(figsize=(7, 4.2), dpi=110)
    ratio_lines(axes, results, SOCKET_LINES, SOCKET_SIZES, "hand-written httpx")
    axes.set_title("list() over real loopback sockets, keep-alive")
    figure.tight_layout()
    figure.savefig(output)
    plt.close(figure)
