#!/usr/bin/env bash
# Benchmarks (not tests): prints one table of ratios against baselines from the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh python redis bench
.venv/bin/python bench/run.py
.venv/bin/python bench/testkit.py
