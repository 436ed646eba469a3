"""Draws docs/benchmarks.png: list() cost against page size, as a ratio to raw httpx."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")  # no display: draw straight to a file
import matplotlib.pyplot as plt

if TYPE_CHECKING:
    from percall import Result

SIZES = (1, 10, 50, 200, 500)
LINES = [
    ("plain", "list", "SDK, plain install", "tab:blue"),
    ("speed", "list", "SDK with projekt[speed]", "tab:green"),
    ("plain", "generated", "plain generated function", "tab:gray"),
]


def draw(results: dict[str, dict[str, Result]], output: Path) -> None:
    figure, axes = plt.subplots(figsize=(7, 4.2), dpi=110)
    for install, prefix, label, colour in LINES:
        measured = [results[install][f"{prefix}{size}"] for size in SIZES]
        medians = [r.median for r in measured]
        axes.plot(SIZES, medians, marker="o", label=label, color=colour)
        axes.fill_between(
            SIZES,
            [r.low for r in measured],
            [r.high for r in measured],
            color=colour,
            alpha=0.15,
        )
    axes.axhline(1.0, color="black", linewidth=1, linestyle="--", label="raw httpx + json.loads")
    axes.set_xscale("log")
    axes.set_xticks(SIZES, [str(size) for size in SIZES])
    axes.set_xlabel("issues per page (every field set)")
    axes.set_ylabel("time per list() call / raw httpx")
    axes.set_title("list(), consuming every item: cost relative to hand-written httpx")
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(output)
    plt.close(figure)
