#!/usr/bin/env bash
# The spec's quality gates, then the hand-written Python's. Any finding fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
bin=node_modules/.bin
quiet_banner() { grep -v '[║╔╚]' || true; }

# First, so that a removed operation is named as the SDK change it is.
echo "== SDK surface against the last release (releases/sdk-*.json)"
PYTHONPATH=overlays:generated .venv/bin/python scripts/surface.py check

echo "== spectral (spectral:oas all + OWASP + Projekt rules)"
$bin/spectral lint openapi.yaml --fail-severity=warn

echo "== redocly lint --extends=recommended-strict"
$bin/redocly lint --extends=recommended-strict --format=stylish openapi.yaml 2>&1 | quiet_banner
test "${PIPESTATUS[0]}" = 0
echo "== redocly lint --extends=recommended-strict: the Arazzo workflows"
$bin/redocly lint --extends=recommended-strict --format=stylish arazzo/quickstart.arazzo.yaml 2>&1 | quiet_banner
test "${PIPESTATUS[0]}" = 0

echo "== breaking changes against the last released spec"
scripts/check-breaking.sh

echo "== python: ruff and mypy --strict on hand-written code"
.venv/bin/ruff check overlays cli sandbox scripts tests examples bench
.venv/bin/ruff format --check overlays cli sandbox scripts tests examples bench
.venv/bin/mypy overlays/projekt cli/projekt_cli sandbox/projekt_sandbox scripts

echo "== layers: import-linter contracts (pyproject.toml)"
only_verdicts() { grep -E "KEPT|BROKEN|Contracts:|->" || true; }
.venv/bin/python scripts/lint_imports.py | only_verdicts

echo "== generator upgrades: forked templates against the installed generator's"
.venv/bin/python scripts/check_templates.py
