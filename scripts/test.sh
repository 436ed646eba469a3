#!/usr/bin/env bash
# Everything CI checks: generated/ is current, every lint gate is clean, every test passes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/check-generated.sh
scripts/lint.sh
# In parallel: most tests wait on sockets and subprocesses, so more workers than cores. A
# module's tests share a worker, so a module-scoped sandbox starts once (--dist loadfile).
# A worker that crashes ends the run, naming its test: under loadfile, pytest-xdist 3.8 can
# wait for ever on the worker that replaces it (pytest-dev/pytest-xdist#784).
.venv/bin/python -m pytest -n "${PROJEKT_TEST_WORKERS:-4}" --dist loadfile \
    --max-worker-restart=0 "$@"
