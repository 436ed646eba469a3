#!/usr/bin/env bash
# Compares openapi.yaml (or the spec given) with the newest spec in releases/. A
# major (breaking) change fails unless info.version's major number was bumped.
#
#   scripts/check-breaking.sh [SPEC]
set -euo pipefail
spec=$(realpath "${1:-openapi.yaml}")
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
released=$(ls releases/openapi-*.yaml | sort -V | tail -n 1)
major() { .venv/bin/python -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["info"]["version"].split(".")[0])' "$1"; }
fail_on=major
if [ "$(major "$spec")" -gt "$(major "$released")" ]; then
  echo "info.version's major was bumped: breaking changes against $released are allowed"
  fail_on=none
fi
node_modules/.bin/redocly diff "$released" "$spec" --fail-on="$fail_on" 2>&1 | grep -v '[║╔╚]'
exit "${PIPESTATUS[0]}"
