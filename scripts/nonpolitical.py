#!/usr/bin/env python3
"""Spurious links in non-political news: 30 articles of 10kGNAD (Sport, Kultur, Wissenschaft, Web).

Issue 7: read the mentions newskg links in non-political articles and count the spurious ones,
before and after a linking change. Files (tests/data/linking/):
  nonpolitical-rows.tsv     the 30 articles: row, doc id, category, SHA-256 of the text
  nonpolitical-judged.tsv   one verdict per linked mention (doc, start, end, surface, entity, verdict, reason),
                            judged by reading the text in context by ../shared/ANNOTATION.md

The texts stay in ../shared/corpora/10kgnad/test.csv (read through scripts/gnad.py, which never yields
a row of reserved-rows.txt); the checksums are checked on every run.

Selection rule (`select`), deterministic:
  1. Candidates: every non-reserved row of category Sport, Kultur, Wissenschaft or Web that is not in
     tests/data/dev/rows.tsv.
  2. Each candidate is run through BIN with both gazetteers (--full and --plain); it is *eligible* when
     either run links at least 3 mention spans (entities[].mentions, not `ambiguous`).
  3. Candidates are ordered by sha256("newskg-nonpolitical-v1:" + doc id) (a fixed seed, independent of
     the text and of the system), eligible ones first; the first 8 Sport, 7 Kultur, 7 Wissenschaft and
     8 Web are taken, and written in row order.
  The selection was made with the release binary of commit f22aa1e and the dev gazetteers that
  scripts/dev_eval.py builds (target/dev/full, target/dev/plain).

Spans are UTF-8 byte offsets into the text (as `newskg extract` reports them); a mention is the tuple
(doc, start, end, entity id). Judged rows whose span/entity the system no longer links are ignored by
`report`; mentions with no row are reported as *unjudged* with their context, to be read and appended.

usage:
  nonpolitical.py select [--bin BIN] [--full DIR] [--plain DIR]   write nonpolitical-rows.tsv
  nonpolitical.py corpus OUT.jsonl                                 the 30 articles as newskg JSON Lines
  nonpolitical.py dump --bin BIN --gazetteer DIR [--unjudged]      every linked mention with ±60 chars context
  nonpolitical.py report --bin BIN --gazetteer DIR [--list]        mentions / correct / spurious / unjudged
"""
import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, ".."))
sys.path.insert(0, HERE)
import gnad  # noqa: E402

DATA = os.path.join(ROOT, "tests", "data", "linking")
ROWS = os.path.join(DATA, "nonpolitical-rows.tsv")
JUDGED = os.path.join(DATA, "nonpolitical-judged.tsv")
DEV_ROWS = os.path.join(ROOT, "tests", "data", "dev", "rows.tsv")
QUOTA = {"Sport": 8, "Kultur": 7, "Wissenschaft": 7, "Web": 8}
SEED = "newskg-nonpolitical-v1:"
MIN_LINKED = 3
CONTEXT = 60
DEFAULT_BIN = os.path.join(ROOT, "target", "release", "newskg")
DEV_GAZ = os.path.join(ROOT, "target", "dev")  # built by scripts/dev_eval.py


def read_tsv(path):
    out = []
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            out.append(line.rstrip("\n").split("\t"))
    return out


def dev_rows():
    return {int(r[0]) for r in read_tsv(DEV_ROWS)}


def selected():
    """{row: (doc, category, text)} for nonpolitical-rows.tsv, checking checksums."""
    spec = {}
    for r in read_tsv(ROWS):
        if r[0] == "row":
            continue
        spec[int(r[0])] = (r[1], r[2], r[3])
    gnad.wanted(spec)  # exits if a row is reserved
    out = {}
    for i, cat, text in gnad.rows():
        if i in spec:
            doc, c, digest = spec[i]
            if gnad.sha(text) != digest or c != cat:
                sys.exit(f"{ROWS}: row {i}: checksum or category differs; not the corpus the judgments were made on")
            out[i] = (doc, cat, text)
    if set(spec) - set(out):
        sys.exit(f"{ROWS}: rows {sorted(set(spec) - set(out))} not in the corpus file")
    return out


def run(binary, gazetteer, docs):
    """docs: {doc: text}. Returns {doc: [(start, end, entity, via)]} of linked mentions."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "input.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for doc, text in docs.items():
                f.write(json.dumps({"id": doc, "text": text, "date": None}, ensure_ascii=False) + "\n")
        res = subprocess.run([binary, "extract", "-g", gazetteer, path], capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"{binary} extract failed ({res.returncode}):\n{res.stderr}")
    out = {doc: [] for doc in docs}
    for line in res.stdout.splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        doc = obj["doc"]
        if doc not in out:
            sys.exit(f"unexpected document id {doc!r} in the output of {binary}")
        for ent in obj.get("entities", []):
            for m in ent.get("mentions", []):
                out[doc].append((m["start"], m["end"], ent["id"], m.get("via", "")))
    for doc in out:
        out[doc].sort()
    return out


def surface(text, s, e):
    return text.encode("utf-8")[s:e].decode("utf-8", errors="replace")


def context(text, s, e, width=CONTEXT):
    b = text.encode("utf-8")
    left = b[:s].decode("utf-8", errors="replace")[-width:]
    mid = b[s:e].decode("utf-8", errors="replace")
    right = b[e:].decode("utf-8", errors="replace")[:width]
    return (left + "[[" + mid + "]]" + right).replace("\n", " ")


def load_judged():
    """{(doc, start, end, entity): (verdict, reason, surface)}"""
    out = {}
    if not os.path.exists(JUDGED):
        return out
    for r in read_tsv(JUDGED):
        if r[0] == "doc":
            continue
        if len(r) < 6:
            sys.exit(f"{JUDGED}: bad row {r}")
        doc, s, e, surf, ent, verdict = r[:6]
        reason = r[6] if len(r) > 6 else ""
        if verdict not in ("ok", "spurious"):
            sys.exit(f"{JUDGED}: verdict must be ok or spurious: {r}")
        key = (doc, int(s), int(e), ent)
        if key in out and out[key][0] != verdict:
            sys.exit(f"{JUDGED}: contradictory verdicts for {key}")
        out[key] = (verdict, reason, surf)
    return out


def cause(reason):
    """The cause of a spurious verdict: the reason's text before the first ':'."""
    return reason.split(":", 1)[0].strip() if ":" in reason else "other"


def cmd_select(args):
    dev = dev_rows()
    cands = {}
    for i, cat, text in gnad.rows():
        if cat in QUOTA and i not in dev:
            cands[gnad.doc_id(i)] = (i, cat, text)
    docs = {d: v[2] for d, v in cands.items()}
    full = run(args.bin, args.full, docs)
    plain = run(args.bin, args.plain, docs)
    order = sorted(cands, key=lambda d: hashlib.sha256((SEED + d).encode()).hexdigest())
    picked = []
    for cat, n in QUOTA.items():
        pool = [d for d in order if cands[d][1] == cat]
        elig = [d for d in pool if max(len(full[d]), len(plain[d])) >= MIN_LINKED]
        rest = [d for d in pool if d not in elig]
        take = (elig + rest)[:n]
        print(f"{cat}: {len(pool)} candidates, {len(elig)} eligible, took {len(take)}", file=sys.stderr)
        picked += take
    os.makedirs(DATA, exist_ok=True)
    with open(ROWS, "w", encoding="utf-8") as f:
        f.write("# Non-political articles for issue 7 (scripts/nonpolitical.py select): 10kGNAD test.csv row, "
                "document id, category, SHA-256 of the text\n")
        f.write("row\tdoc\tcategory\tsha256\n")
        for d in sorted(picked, key=lambda d: cands[d][0]):
            i, cat, text = cands[d]
            f.write(f"{i}\t{d}\t{cat}\t{gnad.sha(text)}\n")
    print(f"wrote {ROWS}", file=sys.stderr)


def cmd_corpus(args):
    with open(args.out, "w", encoding="utf-8") as f:
        for i, (doc, cat, text) in sorted(selected().items()):
            f.write(json.dumps({"id": doc, "text": text, "date": None}, ensure_ascii=False) + "\n")


def linked(args):
    """The 30 articles (doc -> text), their categories, what BIN links in them, and the verdicts."""
    sel = selected()
    docs = {doc: text for _, (doc, _, text) in sorted(sel.items())}
    cats = {doc: cat for _, (doc, cat, _) in sel.items()}
    return docs, cats, run(args.bin, args.gazetteer, docs), load_judged()


def cmd_dump(args):
    docs, cats, res, judged = linked(args)
    for doc, text in docs.items():
        print(f"=== {doc} [{cats[doc]}] {len(res[doc])} linked mentions")
        for s, e, ent, via in res[doc]:
            key = (doc, s, e, ent)
            if args.unjudged and key in judged:
                continue
            mark = judged[key][0] if key in judged else "?"
            print(f"{doc}\t{s}\t{e}\t{surface(text, s, e)}\t{ent}\t{via}\t{mark}\t{context(text, s, e)}")


def cmd_report(args):
    docs, cats, res, judged = linked(args)
    total = collections.Counter()
    spurious, unjudged = [], []
    print(f"# {args.bin} -g {args.gazetteer}")
    print("doc\tcategory\tmentions\tcorrect\tspurious\tunjudged")
    for doc, text in docs.items():
        c = collections.Counter()
        for s, e, ent, via in res[doc]:
            c["mentions"] += 1
            key = (doc, s, e, ent)
            if key not in judged:
                c["unjudged"] += 1
                unjudged.append((doc, s, e, ent, via, text))
            elif judged[key][0] == "ok":
                c["correct"] += 1
            else:
                c["spurious"] += 1
                spurious.append((doc, s, e, surface(text, s, e), ent, judged[key][1], text))
        total.update(c)
        print(f"{doc}\t{cats[doc]}\t{c['mentions']}\t{c['correct']}\t{c['spurious']}\t{c['unjudged']}")
    print(f"TOTAL\t{len(docs)} articles\t{total['mentions']}\t{total['correct']}\t{total['spurious']}\t"
          f"{total['unjudged']}")
    by_cause = collections.defaultdict(list)
    for sp in spurious:
        by_cause[cause(sp[5])].append(sp)
    print("\n# spurious by cause")
    for k, v in sorted(by_cause.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"{k}\t{len(v)}\t" + "; ".join(f"{x[3]} → {x[4]}" for x in v))
    if args.list and spurious:
        print("\n# spurious mentions")
        for doc, s, e, surf, ent, reason, text in spurious:
            print(f"{doc}\t{s}\t{e}\t{surf}\t{ent}\t{reason}\n    {context(text, s, e)}")
    if unjudged:
        print(f"\n# unjudged mentions ({len(unjudged)}): read them in context and append rows to {JUDGED}")
        for doc, s, e, ent, via, text in unjudged:
            print(f"{doc}\t{s}\t{e}\t{surface(text, s, e)}\t{ent}\t(via {via})\n    {context(text, s, e)}")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("select")
    p.add_argument("--bin", default=DEFAULT_BIN)
    p.add_argument("--full", default=os.path.join(DEV_GAZ, "full"))
    p.add_argument("--plain", default=os.path.join(DEV_GAZ, "plain"))
    p = sub.add_parser("corpus")
    p.add_argument("out")
    for name in ("dump", "report"):
        p = sub.add_parser(name)
        p.add_argument("--bin", default=DEFAULT_BIN)
        p.add_argument("--gazetteer", "-g", required=True)
        if name == "dump":
            p.add_argument("--unjudged", action="store_true", help="only mentions with no verdict yet")
        else:
            p.add_argument("--list", action="store_true", help="also list every spurious mention with context")
    args = ap.parse_args()
    sys.exit({"select": cmd_select, "corpus": cmd_corpus, "dump": cmd_dump, "report": cmd_report}[args.cmd](args) or 0)


if __name__ == "__main__":
    main()
