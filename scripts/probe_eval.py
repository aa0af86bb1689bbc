#!/usr/bin/env python3
"""Scores newskg on the probe set (tests/data/probe/): made-up German news reports written and
annotated by four annotators who saw neither the rules, their test cases nor newskg's output.

Each part (`a`, `b`, `c`, `d`) is extracted with its own plain gazetteer (`gazetteer-a/` ...: ids,
kinds, names, aliases, adjectives and demonyms, as a user writes them), scored with the project's
scorer (../shared/tools/score.py) on the tuning documents of parts a and b (01–30), their held-out
documents (31–40, whose errors are not read), part c (held out as a whole: `c`), part d's tuning
documents (01–20: `d-tune`) and held-out ones (21–30: `d-held`), `all` (a and b), and per relation
kind.

usage: probe_eval.py [--bin target/release/newskg] [--errors] [--json]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PROBE = os.path.join(ROOT, "tests", "data", "probe")
SHARED = os.environ.get("NEWSKG_SHARED", os.path.join(ROOT, "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "tools"))
import score  # noqa: E402

PARTS = ["a", "b", "c", "d"]
KINDS = ["met", "visited", "received", "phoned"]
HELD_FROM = 31
# Part c (30 longer reports, written 2026-12-02 by a third annotator) is held out as a whole.
HELD_PARTS = ["c"]
# Part d (30 longer reports with indirect relations, written 2026-12-02 by a fourth annotator):
# documents 01–20 are for tuning, 21–30 held out.
D_HELD_FROM = 21


def part_of(doc):
    return doc.split("-")[1]


def number(doc):
    return int(doc.rsplit("-", 1)[1])


def held(doc):
    return part_of(doc) in ("a", "b") and number(doc) >= HELD_FROM


def tune(doc):
    return part_of(doc) in ("a", "b") and number(doc) < HELD_FROM


def extract(binary, part):
    out = subprocess.run([binary, "extract", "-q", "-g", os.path.join(PROBE, f"gazetteer-{part}"),
                          os.path.join(PROBE, f"{part}.jsonl")], check=True, capture_output=True, text=True)
    return out.stdout.splitlines()


def write_subset(gold_lines, system_lines, keep, tmp, name):
    g = os.path.join(tmp, f"{name}.tsv")
    s = os.path.join(tmp, f"{name}.jsonl")
    with open(g, "w", encoding="utf-8") as f:
        for line in gold_lines:
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 3 or keep(cols[1]):
                f.write(line + "\n")
    with open(s, "w", encoding="utf-8") as f:
        for line in system_lines:
            if keep(json.loads(line)["doc"]):
                f.write(line + "\n")
    return g, s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "newskg"))
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    gold, system = [], []
    for part in PARTS:
        gold += open(os.path.join(PROBE, f"gold-{part}.tsv"), encoding="utf-8").read().splitlines()
        system += extract(args.bin, part)
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        subsets = [("tune", tune), ("held", held), ("c", lambda d: part_of(d) in HELD_PARTS),
                   ("d-tune", lambda d: part_of(d) == "d" and number(d) < D_HELD_FROM),
                   ("d-held", lambda d: part_of(d) == "d" and number(d) >= D_HELD_FROM),
                   ("all", lambda d: part_of(d) in ("a", "b"))]
        for name, keep in subsets:
            g, s = write_subset(gold, system, keep, tmp, name)
            docs, g_ents, g_adj, g_rels = score.load_gold(g)
            s_ents, s_rels = score.load_system(s, docs)
            gl, sl = score.lenient(g_rels), score.lenient(s_rels)
            r = {
                "entities": score.prf(g_ents, s_ents),
                "relations_lenient": score.prf(gl, sl),
                "relations_strict": score.prf(g_rels, s_rels),
            }
            per = {}
            for kind in KINDS:
                gk = {x for x in gl if x[2] == kind}
                sk = {x for x in sl if x[2] == kind}
                per[kind] = (len(gk & sk), len(gk), len(sk - gk))
            report[name] = (r, per)
            if args.errors and name in ("tune", "d-tune"):
                for x in sorted(gl - sl):
                    print("missed  ", *x)
                for x in sorted(sl - gl):
                    print("spurious", *x)
    if args.json:
        print(json.dumps({k: v[0] for k, v in report.items()}, indent=1))
        return
    for name, (r, per) in report.items():
        e, rl, rs = r["entities"], r["relations_lenient"], r["relations_strict"]
        print(f"{name:6} entities P {e['p']:.3f} R {e['r']:.3f} F1 {e['f1']:.3f}  relations lenient "
              f"P {rl['p']:.3f} R {rl['r']:.3f} F1 {rl['f1']:.3f} ({rl['tp']}/{rl['tp'] + rl['fn']} gold, "
              f"{rl['fp']} fp)  strict F1 {rs['f1']:.3f}")
        print("      " + "  ".join(f"{k} {tp}/{n}+{fp}fp" for k, (tp, n, fp) in per.items()))


if __name__ == "__main__":
    main()
