"""Hand-written code stays small enough to read: modules under 300 lines, functions under 60."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

HAND_WRITTEN = [
    path
    for folder in ("overlays", "sandbox", "scripts")
    for path in sorted((ROOT / folder).rglob("*.py"))
]
MAX_MODULE_LINES, MAX_FUNCTION_LINES = 300, 60


def test_there_is_hand_written_code_to_measure() -> None:
    assert len(HAND_WRITTEN) > 30


def test_no_hand_written_module_is_over_300_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in HAND_WRITTEN
        if (lines := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def functions(path: Path) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    tree = ast.parse(path.read_text())
    return [
        node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]


def test_no_hand_written_function_is_over_60_lines() -> None:
    long = {
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}": lines
        for path in HAND_WRITTEN
        for node in functions(path)
        if (lines := (node.end_lineno or node.lineno) - node.lineno + 1) > MAX_FUNCTION_LINES
    }
    assert long == {}
