#!/usr/bin/env python3
"""Checks gold files against ../shared/ANNOTATION.md's format and the gazetteer.

usage: check_gold.py GOLD.tsv [GAZETTEER_DIR ...]

Checks: three row kinds (M/A/R) with the right number of fields; documents listed in
tests/data/dev/rows.tsv when that file exists; every entity id exists in one of the gazetteer
directories (default: gazetteer/ and tests/data/dev/gazetteer/); exactly one M or A row per
(document, entity); relation kinds from the annotation rules; `received` rows have a `met` row;
relation participants have an M or A row (a warning: a person named only by a role may lack one).
Exits 1 on an error.
"""
import os
import re
import sys
from collections import defaultdict

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
KINDS = {"met", "visited", "received", "accompanied", "invited", "phoned", "supplied"}


def gazetteer_ids(dirs):
    ids = {}
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if name.endswith(".ron"):
                for m in re.finditer(r'\bid:\s*"([^"]+)"\s*,\s*kind:\s*"?(\w+)', open(os.path.join(d, name), encoding="utf-8").read()):
                    ids[m.group(1)] = m.group(2)
    return ids


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    gold = args[0]
    dirs = args[1:] or [os.path.join(ROOT, "gazetteer"), os.path.join(ROOT, "tests", "data", "dev", "gazetteer")]
    ids = gazetteer_ids([d for d in dirs if os.path.isdir(d)])
    rows_tsv = os.path.join(ROOT, "tests", "data", "dev", "rows.tsv")
    docs_known = None
    if os.path.exists(rows_tsv):
        docs_known = {l.split("\t")[1] for l in open(rows_tsv, encoding="utf-8") if l.strip() and not l.startswith("#")}
    errors, warnings = [], []
    ents = defaultdict(list)
    rels = []
    for n, line in enumerate(open(gold, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        where = f"{gold}:{n}"
        if f[0] in ("M", "A"):
            if len(f) != 3:
                errors.append(f"{where}: an {f[0]} row has 3 tab-separated fields, this one {len(f)}")
                continue
            ents[(f[1], f[2])].append((f[0], n))
            if f[2] not in ids:
                errors.append(f"{where}: entity {f[2]!r} is in no gazetteer")
        elif f[0] == "R":
            if len(f) < 5:
                errors.append(f"{where}: an R row has 6 fields (R doc subject relation object snippet), this one {len(f)}")
                continue
            kind = f[3][: -len("_planned")] if f[3].endswith("_planned") else f[3]
            if kind not in KINDS:
                errors.append(f"{where}: unknown relation {f[3]!r}")
            for e in (f[2], f[4]):
                if e not in ids:
                    errors.append(f"{where}: entity {e!r} is in no gazetteer")
            if f[2] == f[4]:
                errors.append(f"{where}: subject and object are the same")
            if kind in ("met", "received", "phoned", "accompanied", "invited") and ids.get(f[2]) not in (None, "Person", "Organization"):
                warnings.append(f"{where}: {kind} with a {ids.get(f[2])} subject")
            if kind == "visited" and ids.get(f[4]) not in (None, "Country", "City", "Place"):
                errors.append(f"{where}: visited object {f[4]!r} is a {ids.get(f[4])}")
            rels.append((n, f[1], f[2], f[3], f[4]))
        else:
            errors.append(f"{where}: unknown row kind {f[0]!r}")
            continue
        if docs_known is not None and f[1] not in docs_known:
            errors.append(f"{where}: document {f[1]!r} is not in tests/data/dev/rows.tsv")
    for (doc, e), rows in ents.items():
        if len(rows) > 1:
            errors.append(f"{gold}:{rows[1][1]}: a second M/A row for {doc} {e} (first at line {rows[0][1]})")
    have = {(d, s, r, o) for _, d, s, r, o in rels}
    for n, d, s, r, o in rels:
        for e in (s, o):
            if (d, e) not in ents:
                warnings.append(f"{gold}:{n}: {e} takes part in a relation of {d} but has no M/A row")
        if r.startswith("received"):
            m = r.replace("received", "met")
            if (d, s, m, o) not in have and (d, o, m, s) not in have:
                errors.append(f"{gold}:{n}: every received has a met row ({d} {s} {m} {o} missing)")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    docs = {d for d, _ in ents}
    print(f"{gold}: {len(docs)} documents, {len(ents)} entity rows, {len(rels)} relation rows; "
          f"{len(errors)} errors, {len(warnings)} warnings")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
