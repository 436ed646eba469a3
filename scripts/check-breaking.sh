#!/usr/bin/env bash
# Compares openapi.yaml with the newest spec in releases/. A major (breaking)
# change fails unless info.version's major number was bumped past the release's.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
released=$(ls releases/openapi-*.yaml | sort -V | tail -n 1)
major() { .venv/bin/python -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["info"]["version"].split(".")[0])' "$1"; }
fail_on=major
if [ "$(major openapi.yaml)" -gt "$(major "$released")" ]; then
  echo "info.version's major was bumped: breaking changes against $released are allowed"
  fail_on=none
fi
node_modules/.bin/redocly diff "$released" openapi.yaml --fail-on="$fail_on" 2>&1 | grep -v '[║╔╚]'
exit "${PIPESTATUS[0]}"
