#!/usr/bin/env bash
# Whole-process throughput of `newskg extract -j 1` at two revisions, side by side in one run:
# builds REV (default: the commit before the syntax layer) in a git worktree under
# target/before-after/, then times both binaries alternately on the same corpus and prints MB/s.
#   benches/before_after.sh [REV] [CORPUS.jsonl]
# CORPUS defaults to the 1,028 10kGNAD articles ×10 (27 MB) as JSON Lines (built from ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."
REV=${1:-bd71757}
WORK=target/before-after
mkdir -p "$WORK"
CORPUS=${2:-$WORK/corpus.jsonl}
if [ ! -s "$CORPUS" ]; then
  python3 - "$CORPUS" <<'PY'
import csv, json, sys
rows = list(csv.reader(open("../shared/corpora/10kgnad/test.csv", encoding="utf-8"), delimiter=";", quotechar="'"))
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for k in range(10):
        for i, r in enumerate(rows):
            f.write(json.dumps({"id": f"x{k}-{i}", "text": r[1]}, ensure_ascii=False) + "\n")
PY
fi
if [ ! -d "$WORK/tree" ]; then git worktree add -f --detach "$WORK/tree" "$REV" >/dev/null; fi
git -C "$WORK/tree" checkout -q --detach "$REV"
(cd "$WORK/tree" && CARGO_TARGET_DIR="$PWD/../target" cargo build --release -q)
cargo build --release -q
BEFORE="$WORK/target/release/newskg"
AFTER=target/release/newskg
BYTES=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8')))" "$CORPUS")
best() { # best of 3 wall-clock seconds
  local bin=$1 b=999999
  for _ in 1 2 3; do
    local s e; s=$(date +%s.%N); "$bin" extract "$CORPUS" -j 1 >/dev/null; e=$(date +%s.%N)
    b=$(python3 -c "print(min($b, $e - $s))")
  done
  echo "$b"
}
for round in 1 2; do
  tb=$(best "$BEFORE"); ta=$(best "$AFTER")
  python3 -c "b=$BYTES; print(f'wall clock, round $round: before ($REV) {b/$tb/1e6:6.1f} MB/s   after (HEAD) {b/$ta/1e6:6.1f} MB/s   ratio {$tb/$ta:.2f}')"
done
# Wall clock on a shared 2-core machine varies by ±20 %; instructions do not. Count them for the
# 1,028 articles once (×1 of the corpus) with callgrind where valgrind is installed.
if command -v valgrind >/dev/null; then
  head -1028 "$CORPUS" > "$WORK/one.jsonl"
  ib=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BEFORE" extract "$WORK/one.jsonl" -j 1 2>&1 >/dev/null | sed -n 's/.*refs: *//p' | tr -d ,)
  ia=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$AFTER" extract "$WORK/one.jsonl" -j 1 2>&1 >/dev/null | sed -n 's/.*refs: *//p' | tr -d ,)
  python3 -c "print(f'instructions, 1,028 articles: before {$ib/1e6:,.0f} M   after {$ia/1e6:,.0f} M   after/before {$ia/$ib:.2f}')"
fi
