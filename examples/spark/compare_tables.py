#!/usr/bin/env python3
"""Checks that the tables of `newskg_spark.py --tables DIR --tables-format json` hold the graph of
a graph.ron: the same nodes, edges, evidence (in the same order) and documents.

usage: compare_tables.py TABLES_DIR GRAPH.ron      (needs python-ron: pip install python-ron)
"""
import glob
import json
import os
import sys

import pyron


def rows(tables, name):
    out = []
    for path in sorted(glob.glob(os.path.join(tables, name, "part-*"))):
        with open(path, encoding="utf-8") as f:
            out.extend(json.loads(line) for line in f if line.strip())
    return out


def graph_view(g):
    nodes = {
        n["id"]: (n["kind"], n["name"], n["wikidata"], n["aliases"], n["mentions"], n["documents"], n["document_mentions"])
        for n in g["nodes"]
    }
    cooc = {
        (c["source"], c["target"]): (c["sentences"], c["documents"], [(e["doc"], e["start"], e["end"]) for e in c["evidence"]])
        for c in g["cooccurrence"]
    }
    rels = {
        (r["subject"], r["relation"], r["object"]): (
            r["planned"], r["documents"], r["first_date"], r["last_date"],
            [(e["doc"], e["start"], e["end"], e["trigger_start"], e["trigger_end"], e["planned"], e["date"],
              e["attribution"], e["goods"], round(e["confidence"], 2)) for e in r["evidence"]],
        )
        for r in g["relations"]
    }
    docs = {d["id"]: (d["date"], [(s["start"], s["end"], s["text"]) for s in d["sentences"]]) for d in g["documents"]}
    return nodes, cooc, rels, docs


def tables_view(t):
    nodes = {
        n["id"]: (n["kind"], n["name"], n.get("wikidata"), n["aliases"], n["mentions"], n["documents"], n["document_mentions"])
        for n in rows(t, "nodes")
    }
    cooc = {
        (c["source"], c["target"]): (c["sentences"], c["documents"], [(e["doc"], e["start"], e["end"]) for e in c["evidence"]])
        for c in rows(t, "cooccurrence")
    }
    rels = {
        (r["subject"], r["relation"], r["object"]): (
            r["planned"], r["documents"], r.get("first_date"), r.get("last_date"),
            [(e["doc"], e["start"], e["end"], e["trigger_start"], e["trigger_end"], e["planned"], e.get("date"),
              e.get("attribution"), e["goods"], round(e["confidence"], 2)) for e in r["evidence"]],
        )
        for r in rows(t, "relations")
    }
    docs = {d["id"]: (d.get("date"), [(s["start"], s["end"], s["text"]) for s in d["sentences"]]) for d in rows(t, "documents")}
    return nodes, cooc, rels, docs


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    tables, graph = sys.argv[1], sys.argv[2]
    want = graph_view(pyron.load(graph))
    got = tables_view(tables)
    bad = 0
    for name, w, g in zip(["nodes", "cooccurrence", "relations", "documents"], want, got):
        if w == g:
            print(f"{name}: {len(w)} equal")
            continue
        for k in sorted(set(w) | set(g), key=str):
            if w.get(k) != g.get(k):
                bad += 1
                if bad <= 10:
                    print(f"{name} {k}:\n  graph.ron {w.get(k)}\n  tables    {g.get(k)}", file=sys.stderr)
    if bad:
        sys.exit(f"compare_tables.py: {bad} differences between {tables} and {graph}")


if __name__ == "__main__":
    main()
