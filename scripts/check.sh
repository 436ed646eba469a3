#!/usr/bin/env bash
# make check, the inner loop: ruff on the hand-written Python, then the unit tests of the SDK,
# the CLI and the sandbox in parallel: not the ones marked slow (they build the wheels or run
# schemathesis) or own_process (each starts a server of its own); and the size rule, which
# any change to hand-written code can break. `make test` runs everything.
# A test goes to whichever worker is free (--dist worksteal), not a file to one worker as in
# make test: a file of slow tests (the CLI's at a terminal wait out rate-limit windows) would
# set the loop's length, while a module-scoped sandbox started on more than one worker costs
# less than that wait.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh python shells  # the CLI's completion tests run zsh and fish
.venv/bin/ruff check --quiet overlays cli sandbox scripts tests examples bench
.venv/bin/python -m pytest -q -n "${PROJEKT_TEST_WORKERS:-4}" --dist worksteal \
  -m "not slow and not own_process" \
  tests/sdk tests/cli tests/sandbox tests/architecture/test_size.py "$@"
