#!/usr/bin/env bash
# Everything CI checks: generated/ is current, every lint gate is clean, every test passes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/check-generated.sh
scripts/lint.sh
.venv/bin/python -m pytest "$@"
