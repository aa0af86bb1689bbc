#!/usr/bin/env bash
# A short libFuzzer run of every fuzz target of fuzz/ (about a minute in all), as CI does after
# the tests: it keeps the targets building with today's code and gives each a few seconds of fresh
# mutations beyond the checked-in corpus, which tests/fuzz_smoke.rs replays in every `cargo test`.
# Needs the nightly toolchain; installs cargo-fuzz (crates.io) where it is missing.
# Usage: scripts/fuzz-smoke.sh [SECONDS_PER_TARGET]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-15}"

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "scripts/fuzz-smoke.sh: the nightly toolchain is missing (rustup toolchain install nightly)" >&2
  exit 1
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "scripts/fuzz-smoke.sh: installing cargo-fuzz" >&2
  cargo install --locked -q cargo-fuzz
fi

cd fuzz
cargo +nightly fuzz build -O -s none
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for spec in extract:1024 gazetteer:4096 jsonl:4096 record:8192; do
  target="${spec%%:*}"
  mkdir -p "$work/$target"
  echo "scripts/fuzz-smoke.sh: fuzzing $target for ${secs}s" >&2
  # Mutations go to a scratch corpus; a failing input is kept under fuzz/artifacts/ for the report.
  # stderr carries libFuzzer's report (and --lossy warnings of the jsonl target): keep the last
  # lines only, and all of them on a failure.
  if ! cargo +nightly fuzz run -O -s none "$target" "$work/$target" "corpus/$target" -- \
      -max_len="${spec##*:}" -max_total_time="$secs" -print_final_stats=1 >"$work/$target.log" 2>&1; then
    grep -v '^warning: ' "$work/$target.log" | tail -60 >&2
    echo "scripts/fuzz-smoke.sh: $target failed; the input is under fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$work/$target.log" | sed "s/^/  $target /" >&2
done
