#!/usr/bin/env bash
# Fails when generated/ differs from a fresh generation of the current inputs
# (bytecode caches, which importing the code leaves behind, are not output).
set -euo pipefail
cd "$(dirname "$0")/.."
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
.venv/bin/python scripts/generate.py --out "$fresh/generated"
if ! { diff -r -x __pycache__ generated "$fresh/generated" && diff api.md "$fresh/api.md"; } >"$fresh/diff.txt"; then
  head -n 40 "$fresh/diff.txt"
  echo "check-generated: generated/ or api.md is out of date; run 'make generate' and commit the result" >&2
  exit 1
fi
echo "check-generated: generated/ and api.md match openapi.yaml, overlays/ and generator-config.yml"
