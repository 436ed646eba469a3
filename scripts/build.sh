#!/usr/bin/env bash
# Builds the sdist and the wheel of the `projekt` package into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
.venv/bin/python -m build --no-isolation --outdir dist . >/dev/null
ls dist
