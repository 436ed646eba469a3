#!/usr/bin/env bash
# Installs what the pipeline needs, and nothing twice: .venv/ with every pinned
# Python tool and the package (editable), and node_modules/ from package-lock.json.
# As root on Debian it also installs missing system packages.
#
# It prints one line per step it takes; a tool's own output only when it fails.
#
#   scripts/bootstrap.sh [python] [node] [browser] [php] [redis] [shells] [polyglot] [bench]
#   (no argument: all but bench, whose chart-drawing tools and valgrind only `make bench` needs)
set -euo pipefail
cd "$(dirname "$0")/.."
parts=" ${*:-python node browser php redis shells polyglot} "

# step "what" command...: one line, then the command's output only if it fails.
step() {
  local what=$1 log
  shift
  echo "bootstrap: $what" >&2
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "bootstrap: failed: $what" >&2
    exit 1
  fi
  rm -f "$log"
}

apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "bootstrap: missing $*; install it (Debian: apt-get install $*) and rerun" >&2
    exit 1
  fi
  step "apt-get update" apt-get update -qq
  step "apt-get install $*" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

python_ok() { command -v python3 >/dev/null && python3 -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }
if [[ $parts == *" python "* ]]; then
python_ok || apt_install python3 python3-venv
if [ ! -x .venv/bin/python ]; then
  step "creating .venv" python3 -m venv .venv
fi
py_stamp=".venv/.installed-$(cat requirements-dev.txt pyproject.toml sandbox/pyproject.toml cli/pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$py_stamp" ]; then
  pip=(.venv/bin/python -m pip install -q --disable-pip-version-check)
  step "installing the pinned Python tools into .venv" "${pip[@]}" -r requirements-dev.txt
  step "installing projekt, projekt-cli and projekt-sandbox (editable)" \
    "${pip[@]}" --no-deps --no-build-isolation -e . -e cli -e sandbox
  rm -f .venv/.installed-* && touch "$py_stamp"
fi
fi

if [[ $parts == *" bench "* ]]; then
bench_stamp=".venv/.bench-$(sha256sum requirements-bench.txt | cut -c1-16)"
if [ ! -f "$bench_stamp" ]; then
  step "installing the pinned benchmark tools into .venv" \
    .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-bench.txt
  rm -f .venv/.bench-* && touch "$bench_stamp"
fi
# bench/instructions.py counts each call's instructions under Debian's valgrind.
command -v valgrind >/dev/null || apt_install valgrind
fi

if [[ $parts == *" node "* ]]; then
command -v npm >/dev/null || apt_install nodejs npm
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing the pinned npm tools into node_modules" \
    npm ci --no-audit --no-fund --loglevel=error
fi
fi

# The docs are tested in Debian's Chromium (Playwright drives it; it never downloads one).
if [[ $parts == *" browser "* ]]; then
[ -x /usr/bin/chromium ] || apt_install chromium
fi

# The docs' PHP samples are run as published, by Debian's PHP with its curl extension;
# their curl samples make each write's Idempotency-Key with uuidgen (Debian's uuid-runtime).
if [[ $parts == *" php "* ]]; then
command -v php >/dev/null && php -r 'exit(function_exists("curl_init") ? 0 : 1);' \
  || apt_install php-cli php-curl
command -v uuidgen >/dev/null || apt_install uuid-runtime
fi

# The generator matrix (tests/polyglot/): openapi-generator's jar runs on Debian's JRE, its Go
# client is vetted and run by Debian's Go (offline), its PHP client by Debian's PHP with the
# extensions and the Guzzle its composer.json asks for.
if [[ $parts == *" polyglot "* ]]; then
command -v java >/dev/null || apt_install default-jre-headless
command -v go >/dev/null || apt_install golang-go
php -r 'exit(extension_loaded("mbstring") ? 0 : 1);' 2>/dev/null || apt_install php-mbstring
[ -f /usr/share/php/GuzzleHttp/autoload.php ] || apt_install php-guzzlehttp-guzzle
fi

# The shared throttle's tests (and make bench's fleet figure) run a real Redis: Debian's.
if [[ $parts == *" redis "* ]]; then
command -v redis-server >/dev/null || apt_install redis-server
fi

# The CLI's completion scripts are tested in the shells they are for (bash is here already),
# its --dry-run output, like the docs' curl samples, is run by curl, and its guide's examples
# pipe to jq.
if [[ $parts == *" shells "* ]]; then
for tool in zsh fish curl jq; do command -v $tool >/dev/null || apt_install zsh fish curl jq; done
fi
