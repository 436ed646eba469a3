"""The matrix's TypeScript clients (tests/polyglot/matrix.py), each under `tsc --strict`."""

from __future__ import annotations

from tests.helpers import NODE_BIN
from tests.polyglot.matrix import (
    OPENAPI_GENERATOR_NOTICES,
    OUT,
    PROGRAMS,
    Command,
    Generator,
    openapi_generator,
    test_the_client_checks_strictly_and_runs_the_quickstart,
    tsc,
)


def program(name: str) -> Command:
    return [NODE_BIN / "tsx", PROGRAMS / name / "quickstart.mts"]


GENERATORS = [
    Generator(
        "hey-api",
        [NODE_BIN / "openapi-ts", "-i", "openapi.yaml", "-o", OUT / "hey-api"],
        lambda _: tsc(PROGRAMS / "hey-api"),
        program("hey-api"),
        es_module=True,
    ),
    Generator(
        "orval",
        [NODE_BIN / "orval", "--config", "tests/polyglot/orval/orval.config.mjs"],
        lambda _: tsc(PROGRAMS / "orval"),
        program("orval"),
        es_module=True,
    ),
    Generator(
        "openapi-fetch",  # openapi-typescript writes the types openapi-fetch checks calls with
        [NODE_BIN / "openapi-typescript", "openapi.yaml", "-o", OUT / "openapi-fetch/projekt.d.ts"],
        lambda _: tsc(PROGRAMS / "openapi-fetch"),
        program("openapi-fetch"),
        es_module=True,
    ),
    Generator(
        "openapi-generator-typescript-fetch",
        openapi_generator("typescript-fetch", "openapi-generator-typescript-fetch"),
        lambda _: tsc(PROGRAMS / "openapi-generator-typescript-fetch"),
        program("openapi-generator-typescript-fetch"),
        notices=OPENAPI_GENERATOR_NOTICES,
        es_module=True,
    ),
]


__all__ = ["test_the_client_checks_strictly_and_runs_the_quickstart"]  # run per GENERATORS
