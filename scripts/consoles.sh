#!/usr/bin/env bash
# Measures the try-it consoles docs/adr/0014 compares (not a test): axe, requests off
# loopback and bytes for each, on the docs' own spec; prints one Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh python node browser
npm ci --prefix bench/consoles --no-audit --no-fund --loglevel=error
.venv/bin/python scripts/build_docs.py
.venv/bin/python bench/consoles/measure.py
