"""The matrix's Python clients (tests/polyglot/matrix.py). The program passes `mypy --strict`.
openapi-generator's package is checked with the mypy settings it writes into its own
pyproject.toml, which leave `strict` off (a TODO of its templates: 223 strict errors, none
from our document); openapi-python-client's passes `mypy --strict` whole."""

from __future__ import annotations

import os

from tests.helpers import VENV_BIN
from tests.polyglot.matrix import (
    OPENAPI_GENERATOR_NOTICES,
    OUT,
    PROGRAMS,
    Command,
    Generator,
    openapi_generator,
    test_the_client_checks_strictly_and_runs_the_quickstart,
)

MYPY = VENV_BIN / "mypy"
PYTHON = VENV_BIN / "python"
PACKAGE = "projekt_client"


def strict_program(name: str) -> Command:
    """The program under --strict, against the package (found in the client's folder)."""
    return [MYPY, "--strict", "--follow-imports=silent", PROGRAMS / name / "quickstart.py"]


GENERATORS = [
    Generator(
        "openapi-generator-python",
        openapi_generator(
            "python",
            "openapi-generator-python",
            "--additional-properties=packageName=projekt_client",
        ),
        lambda out: [[MYPY, PACKAGE], strict_program("openapi-generator-python")],
        [PYTHON, PROGRAMS / "openapi-generator-python" / "quickstart.py"],
        notices=OPENAPI_GENERATOR_NOTICES,
        env={"PYTHONPATH": str(OUT / "openapi-generator-python")},
    ),
    Generator(
        "openapi-python-client",  # its defaults: no config file
        [
            VENV_BIN / "openapi-python-client",
            "generate",
            "--path",
            "openapi.yaml",
            "--meta",
            "none",
            "--output-path",
            OUT / "openapi-python-client" / PACKAGE,
        ],
        lambda out: [[MYPY, "--strict", PACKAGE], strict_program("openapi-python-client")],
        [PYTHON, PROGRAMS / "openapi-python-client" / "quickstart.py"],
        # It formats its output with ruff, found on PATH, as a user's project has it.
        env={
            "PYTHONPATH": str(OUT / "openapi-python-client"),
            "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
        },
    ),
]


__all__ = ["test_the_client_checks_strictly_and_runs_the_quickstart"]  # run per GENERATORS
