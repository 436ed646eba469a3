#!/usr/bin/env bash
# Builds the API reference and try-it console (Scalar, vendored from npm) and the SDK guide into build/docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh python node
.venv/bin/python scripts/build_docs.py
