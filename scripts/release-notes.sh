#!/usr/bin/env bash
# Drafts a CHANGELOG.md entry from both diffs against the last release: the SDK
# surface (releases/sdk-*.json) and the spec (releases/openapi-*.yaml).
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
PYTHONPATH=overlays:generated .venv/bin/python scripts/surface.py notes
released=$(ls releases/openapi-*.yaml | sort -V | tail -n 1)
echo "### The API (openapi.yaml against $released)"
echo
node_modules/.bin/redocly diff "$released" openapi.yaml --format=markdown 2>/dev/null \
  | grep -v '[║╔╚]' || true
