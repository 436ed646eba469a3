#!/usr/bin/env bash
# Runs the sandbox in the foreground on 127.0.0.1:8787 with a persistent
# database in build/, after printing fresh demo credentials.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/docs.sh >/dev/null
mkdir -p build
port=${PORT:-8787}
credentials=$(.venv/bin/projekt-sandbox seed --db build/sandbox.db)
echo "Demo credentials (an owner of Acme Inc): $credentials"
echo "export PROJEKT_BASE_URL=http://127.0.0.1:$port   # docs and console: http://127.0.0.1:$port/docs/"
# RATE_LIMIT=60/3 make sandbox: a tight limit, to try a fleet of clients against it.
exec .venv/bin/projekt-sandbox serve --host 127.0.0.1 --port "$port" --db build/sandbox.db \
  ${RATE_LIMIT:+--rate-limit "$RATE_LIMIT"}
