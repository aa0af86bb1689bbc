#!/usr/bin/env bash
# The project's test command: sets up what the tests need on a fresh machine, then runs them.
#   - Graphviz (`dot`, `sfdp`): the tests render the exported DOT files.
#   - Java 17 (openjdk-17-jre-headless): the Spark job of examples/spark/ runs in a test.
#   - Chromium (headless): tests/browser.rs clicks through out/graph.html.
#   - A Python venv in .venv with python-ron (a test loads out/graph.ron the way a notebook does),
#     pandas (a test reads relations.csv with its default type inference), nbclient, nbformat and
#     ipykernel (tests/notebook.rs executes examples/notebook.ipynb), networkx (tests/exports.rs
#     reads graph.graphml and graph.json with it)
#     and pyspark (tests/spark.rs runs the Spark job on local[2]).
#   - Without arguments, then a short libFuzzer run of every fuzz target (scripts/fuzz-smoke.sh,
#     about a minute of fuzzing after the targets build; nightly toolchain, cargo-fuzz installed
#     where missing).
# Extra arguments go to `cargo test` (e.g. `scripts/test.sh --test seeds`), and skip the fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v dot >/dev/null 2>&1; then
  echo "scripts/test.sh: installing Graphviz" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq graphviz >/dev/null
fi

if ! command -v java >/dev/null 2>&1; then
  echo "scripts/test.sh: installing Java (openjdk-17-jre-headless) for Spark" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq openjdk-17-jre-headless >/dev/null ||
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq default-jre-headless >/dev/null
fi

if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  echo "scripts/test.sh: installing Chromium for the browser test of graph.html" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi

# The Python packages the tests use; the venv is rebuilt when one is missing.
PY_PACKAGES=(python-ron pyspark==4.3.0 pandas==3.1.1 nbclient==0.11.0 nbformat==5.11.1 ipykernel==7.4.0 networkx==3.6.1)
PY_IMPORTS="import pyron, pyspark, pandas, nbclient, nbformat, ipykernel, networkx"
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "$PY_IMPORTS" 2>/dev/null; then
  echo "scripts/test.sh: preparing .venv (${PY_PACKAGES[*]})" >&2
  python3 -m venv .venv
  .venv/bin/pip install -q "${PY_PACKAGES[@]}"
fi
export NEWSKG_PYTHON="$PWD/.venv/bin/python"
# Everything is installed now: the Spark test must run, not skip.
export NEWSKG_REQUIRE_SPARK=1
export NEWSKG_REQUIRE_BROWSER=1
export NEWSKG_REQUIRE_NOTEBOOK=1

if [ $# -gt 0 ]; then
  exec cargo test "$@"
fi
cargo test
exec scripts/fuzz-smoke.sh 15
