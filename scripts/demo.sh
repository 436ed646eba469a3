#!/usr/bin/env bash
# The quickstart loop through the SDK. With PROJEKT_API_KEY and PROJEKT_ORG_ID set
# it runs against that server; otherwise against a fresh, seeded local sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh python

if [ -n "${PROJEKT_API_KEY:-}" ] && [ -n "${PROJEKT_ORG_ID:-}" ]; then
  exec .venv/bin/python examples/quickstart.py
fi

scripts/docs.sh >/dev/null
work=$(mktemp -d)
port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.venv/bin/projekt-sandbox serve --host 127.0.0.1 --port "$port" --db "$work/demo.db" &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null; wait "$sandbox" 2>/dev/null; rm -rf "$work"' EXIT
.venv/bin/python - "http://127.0.0.1:$port/openapi.yaml" <<'PY'
import sys, time, httpx
for _ in range(100):
    try:
        httpx.get(sys.argv[1]).raise_for_status()
        break
    except httpx.HTTPError:
        time.sleep(0.1)
PY
credentials=$(.venv/bin/projekt-sandbox seed --db "$work/demo.db")
field() { .venv/bin/python -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$credentials" "$1"; }
export PROJEKT_API_KEY=$(field api_key) PROJEKT_ORG_ID=$(field org_id)
export PROJEKT_BASE_URL="http://127.0.0.1:$port"
echo "Sandbox: $PROJEKT_BASE_URL (spec at $PROJEKT_BASE_URL/openapi.yaml)"
echo "Docs and try-it console: $PROJEKT_BASE_URL/docs/ (this demo stops its server when it ends; \`make sandbox\` keeps a server and the console up)"
echo "Demo credentials: PROJEKT_API_KEY=$PROJEKT_API_KEY PROJEKT_ORG_ID=$PROJEKT_ORG_ID"
.venv/bin/python examples/quickstart.py
