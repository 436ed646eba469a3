"""Hand-written code stays small enough to read, split by concern rather than by a count.

A module is at most 300 lines; one may reach 400 where a single concern's lifecycle belongs
together, and its docstring says so in a paragraph that starts "Why one module:". Functions
are at most 60 lines. The rule covers every folder of hand-written Python: the SDK, the CLI,
the sandbox, the pipeline's scripts and the benchmarks.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

FOLDERS = ("overlays", "cli", "sandbox", "scripts", "bench")
HAND_WRITTEN = [path for folder in FOLDERS for path in sorted((ROOT / folder).rglob("*.py"))]
MODULE_LINES, COHESIVE_MODULE_LINES, FUNCTION_LINES = 300, 400, 60
REASON = "Why one module:"


def test_there_is_hand_written_code_to_measure() -> None:
    assert len(HAND_WRITTEN) > 30
    assert {path.relative_to(ROOT).parts[0] for path in HAND_WRITTEN} == set(FOLDERS)


def over_the_rule(path: Path) -> str | None:
    text = path.read_text()
    lines = len(text.splitlines())
    if lines <= MODULE_LINES:
        return None
    docstring = ast.get_docstring(ast.parse(text)) or ""
    if lines <= COHESIVE_MODULE_LINES and REASON in docstring:
        return None
    return f"{lines} lines" + ("" if REASON in docstring else f", no '{REASON}' paragraph")


def test_every_module_is_short_or_says_why_it_is_one() -> None:
    long = {
        str(path.relative_to(ROOT)): problem
        for path in HAND_WRITTEN
        if (problem := over_the_rule(path)) is not None
    }
    assert long == {}


def test_the_rule_names_a_long_module_without_a_reason(tmp_path: Path) -> None:
    module = tmp_path / "long.py"
    module.write_text('"""A module."""\n' + "x = 1\n" * 320)
    assert over_the_rule(module) == "321 lines, no 'Why one module:' paragraph"
    module.write_text(f'"""A module.\n\n{REASON} its lifecycle."""\n' + "x = 1\n" * 320)
    assert over_the_rule(module) is None


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
        if (lines := (node.end_lineno or node.lineno) - node.lineno + 1) > FUNCTION_LINES
    }
    assert long == {}
