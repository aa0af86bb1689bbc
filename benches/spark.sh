#!/usr/bin/env bash
# Throughput of the same graph built three ways: one process (`newskg build`, -j 1 and every
# core), and the Spark job of examples/spark/ on local[1] and local[2]; and what Spark adds per
# document and per run. Wall clock, best of 2, on this machine.
#   benches/spark.sh [CORPUS.jsonl]
# CORPUS defaults to the 1,028 10kGNAD test articles ×TIMES (TIMES=10 by default: 27 MB, built
# from ../shared, as in benches/before_after.sh). Needs Java and pyspark in .venv
# (scripts/test.sh installs both). Prints the phases of the last Spark run of each kind too.
set -euo pipefail
set -f  # commands are passed as words; local[1] is not a glob
cd "$(dirname "$0")/.."
WORK=target/spark-bench
mkdir -p "$WORK"
TIMES=${TIMES:-10}
CORPUS=${1:-$WORK/corpus-x$TIMES.jsonl}
if [ ! -s "$CORPUS" ]; then
  python3 - "$CORPUS" "$TIMES" <<'PY'
import csv, json, sys
rows = list(csv.reader(open("../shared/corpora/10kgnad/test.csv", encoding="utf-8"), delimiter=";", quotechar="'"))
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for k in range(int(sys.argv[2])):
        for i, r in enumerate(rows):
            f.write(json.dumps({"id": f"x{k}-{i}", "text": r[1]}, ensure_ascii=False) + "\n")
PY
fi
SMALL=$WORK/small.jsonl
python3 - "$SMALL" <<'PY'
import glob, json, os, sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for p in sorted(glob.glob("examples/corpus/*.txt")):
        f.write(json.dumps({"id": os.path.basename(p)[:-4], "text": open(p, encoding="utf-8").read()}, ensure_ascii=False) + "\n")
PY
cargo build --release -q
BIN=target/release/newskg
PY=${NEWSKG_PYTHON:-.venv/bin/python}
export SPARK_LOCAL_IP=127.0.0.1
DOCS=$(wc -l < "$CORPUS")
BYTES=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8')))" "$CORPUS")

best() { # best of 2 wall-clock seconds (CPU time is not measured: Spark's JVM and Python
         # workers are not waited for by the process that starts them)
  python3 - "$WORK/last.err" "$@" <<'PY'
import subprocess, sys, time
best = None
for _ in range(2):
    t = time.monotonic()
    with open(sys.argv[1], "w") as err:
        subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=err, check=True)
    wall = time.monotonic() - t
    best = wall if best is None else min(best, wall)
print(f"{best:.3f}")
PY
}
single() { echo "$BIN" build "$1" --out "$WORK/single" "${@:2}"; }
spark() { echo "$PY" examples/spark/newskg_spark.py --master "$2" --input "$1" --out "$WORK/spark-$2"; }

t1=$(best $(single "$CORPUS" -j 1))
t2=$(best $(single "$CORPUS"))
s1=$(best $(spark "$CORPUS" 'local[1]')); p1=$(grep -o 'partitions: .*fold ([a-z]*) [0-9.]* s' "$WORK/last.err")
s2=$(best $(spark "$CORPUS" 'local[2]')); p2=$(grep -o 'partitions: .*fold ([a-z]*) [0-9.]* s' "$WORK/last.err")
for m in 'local[1]' 'local[2]'; do
  for f in graph.ron graph.dot relations.dot nodes.csv edges.csv; do
    cmp -s "$WORK/single/$f" "$WORK/spark-$m/$f" || { echo "spark $m: $f differs from the single build" >&2; exit 1; }
  done
done
z1=$(best $(single "$SMALL" -j 1))
zs=$(best $(spark "$SMALL" 'local[1]'))
zp=$(grep -o 'partitions: .*fold ([a-z]*) [0-9.]* s' "$WORK/last.err")
echo "phases, last run: local[1] $p1; local[2] $p2; 5 documents $zp"
python3 - "$DOCS" "$BYTES" "$t1" "$t2" "$s1" "$s2" "$z1" "$zs" <<'PY'
import sys
docs, size = int(sys.argv[1]), int(sys.argv[2])
t1, t2, s1, s2, z1, zs = map(float, sys.argv[3:])
print(f"corpus: {docs:,} documents, {size / 1e6:.1f} MB of text; graph files identical in all four runs")
print(f"{'':28} {'wall':>8}  {'MB/s':>6}  {'docs/s':>7}")
for name, t in [("single process, -j 1", t1), ("single process, 2 threads", t2), ("Spark local[1]", s1), ("Spark local[2]", s2)]:
    print(f"{name:28} {t:6.1f} s  {size / t / 1e6:6.2f}  {docs / t:7.0f}")
print(f"Spark job on 5 documents (start-up, JVM, shipping, fold): {zs:.1f} s (single process {z1:.2f} s)")
print(f"Spark's cost per document beyond its start-up, local[1] vs -j 1: {((s1 - zs) - (t1 - z1)) / docs * 1e3:.2f} ms")
PY
