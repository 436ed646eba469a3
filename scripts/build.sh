#!/usr/bin/env bash
# Builds the three products into dist/: the SDK, the self-contained sandbox, the spec.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/docs.sh >/dev/null
.venv/bin/python scripts/build_dists.py
