#!/usr/bin/env bash
# The project's test command: sets up what the tests need on a fresh machine, then runs them.
#   - Graphviz (`dot`, `sfdp`): the tests render the exported DOT files.
#   - A Python venv in .venv with python-ron: a test loads out/graph.ron the way a notebook does.
# Extra arguments go to `cargo test` (e.g. `scripts/test.sh --test seeds`).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v dot >/dev/null 2>&1; then
  echo "scripts/test.sh: installing Graphviz" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq graphviz >/dev/null
fi

# The Python packages the tests use; the venv is rebuilt when one is missing.
PY_PACKAGES=(python-ron)
PY_IMPORTS="import pyron"
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "$PY_IMPORTS" 2>/dev/null; then
  echo "scripts/test.sh: preparing .venv (${PY_PACKAGES[*]})" >&2
  python3 -m venv .venv
  .venv/bin/pip install -q "${PY_PACKAGES[@]}"
fi
export NEWSKG_PYTHON="$PWD/.venv/bin/python"

exec cargo test "$@"
