#!/usr/bin/env python3
"""Rows of the 10kGNAD test split, read the one way this project reads them.

The texts are not copied into the repository (CC BY-NC-SA 4.0): the development gold keeps row
numbers and SHA-256 checksums of the texts (tests/data/dev/rows.tsv) and this script rebuilds the
corpus from ../shared/corpora/10kgnad/test.csv. Rows listed in reserved-rows.txt are kept for
independent evaluation: this script refuses to print or export them.

usage:
  gnad.py show ROW...                 print rows (id, category, text)
  gnad.py corpus ROWS.tsv OUT.jsonl   write the rows of ROWS.tsv as newskg JSON Lines, checking checksums
  gnad.py checksum ROW...             print `row<TAB>doc<TAB>sha256` lines for ROWS.tsv
  gnad.py all OUT.jsonl               every non-reserved row as JSON Lines (for false-positive hunts)
"""
import csv
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.environ.get("NEWSKG_GNAD", os.path.join(HERE, "..", "..", "shared", "corpora", "10kgnad"))


def reserved():
    path = os.path.join(CORPUS, "reserved-rows.txt")
    return {int(x) for x in open(path).read().split() if x.strip().isdigit()}


def rows():
    """(row, category, text) for every row that is not reserved."""
    res = reserved()
    with open(os.path.join(CORPUS, "test.csv"), encoding="utf-8", newline="") as f:
        for i, r in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            if i not in res:
                yield i, r[0], r[1]


def doc_id(row):
    return f"gnad-{row:04d}"


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def wanted(nums):
    nums = list(nums)
    res = reserved()
    bad = sorted(n for n in nums if n in res)
    if bad:
        sys.exit(f"gnad.py: rows {bad} are reserved for independent evaluation and are never read")
    return set(nums)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "show":
        want = wanted(int(a) for a in args)
        for i, cat, text in rows():
            if i in want:
                print(f"=== row {i} ({doc_id(i)}) [{cat}]\n{text}\n")
    elif cmd == "checksum":
        want = wanted(int(a) for a in args)
        for i, cat, text in rows():
            if i in want:
                print(f"{i}\t{doc_id(i)}\t{sha(text)}")
    elif cmd == "corpus":
        spec = {}
        for line in open(args[0], encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                row, doc, digest = line.rstrip("\n").split("\t")[:3]
                spec[int(row)] = (doc, digest)
        wanted(spec)
        out = []
        for i, cat, text in rows():
            if i in spec:
                doc, digest = spec[i]
                if sha(text) != digest:
                    sys.exit(f"{args[0]}: row {i}: checksum differs; the corpus file is not the one the gold was made on")
                out.append(json.dumps({"id": doc, "text": text}, ensure_ascii=False))
        missing = set(spec) - {int(json.loads(o)["id"].split("-")[1]) for o in out}
        if missing:
            sys.exit(f"{args[0]}: rows {sorted(missing)} not in the corpus file")
        with open(args[1], "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
    elif cmd == "all":
        with open(args[0], "w", encoding="utf-8") as f:
            for i, cat, text in rows():
                f.write(json.dumps({"id": doc_id(i), "text": text}, ensure_ascii=False) + "\n")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
