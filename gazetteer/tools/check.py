#!/usr/bin/env python3
"""Validate the gazetteer: RON syntax (via python-ron, the Rust `ron` crate's bindings, if installed),
field names, ids, role targets, gold ids, aliases, `country` (an existing Country id, on cities and places only) and
`gender` (`Female`/`Male`, on persons only).  Optionally report short aliases that fire in a corpus.

    pip install python-ron            # optional, for the real RON parser
    python3 gazetteer/tools/check.py [--gold ../shared/seeds/gold.tsv] [--corpus ../shared/corpora/10kgnad/test.csv]
Exit status 1 on any error.
"""
import argparse
import collections
import csv
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ronfmt import norm  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
KINDS = {"Person", "Country", "City", "Place", "Organization"}
FIELDS = {"id", "kind", "name", "aliases", "adjectives", "demonyms", "short_aliases", "roles", "prior", "died", "wikidata",
          "gender", "country"}
GENDERS = {"Female", "Male"}
ROLE_FIELDS = {"role", "of", "from", "to"}
ROLES = {"head-of-state", "head-of-government", "foreign-minister", "defence-minister", "interior-minister",
         "finance-minister", "minister", "spokesperson", "secretary-general", "party-leader", "mayor", "ambassador",
         "chief-of-staff", "leader"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def parse(path):
    text = open(path, encoding="utf-8").read()
    try:
        import pyron
        data = pyron.loads(text)
    except ImportError:
        data = None
    # kinds are bare enum variants; read them (and the record order) from the text
    kinds = re.findall(r'\(id: "([^"]+)", kind: (\w+),', text)
    # so is `gender` (python-ron reads a bare variant as {}): take it from the record's text, strings blanked out
    genders = {}
    for m in re.finditer(r'^\s*\(id: "([^"]+)",(.*)$', text, re.M):
        g = re.findall(r"\bgender:\s*(\w*)", re.sub(r'"(?:[^"\\]|\\.)*"', '""', m.group(2)))
        if g:
            genders[m.group(1)] = g
    return data, kinds, genders


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default="../shared/seeds/gold.tsv")
    ap.add_argument("--corpus", default=None)
    args = ap.parse_args()
    errors = []
    ents = {}
    alias_owner = collections.defaultdict(set)
    for path in sorted(glob.glob(os.path.join(ROOT, "*.ron"))):
        fname = os.path.basename(path)
        data, kinds, genders = parse(path)
        ids_in_order = [i for i, _ in kinds]
        if ids_in_order != sorted(ids_in_order):
            errors.append(f"{fname}: records not sorted by id")
        if data is None:
            print("python-ron not installed: syntax check skipped", file=sys.stderr)
            continue
        if len(data) != len(kinds):
            errors.append(f"{fname}: {len(data)} records but {len(kinds)} 'id/kind' heads (keep id, kind first)")
        kind_of = dict(kinds)
        for r in data:
            rid = r.get("id", "")
            where = f"{fname}:{rid}"
            for k in r:
                if k not in FIELDS:
                    errors.append(f"{where}: unknown field {k}")
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid):
                errors.append(f"{where}: bad id")
            if rid in ents:
                errors.append(f"{where}: duplicate id (also in {ents[rid]['_file']})")
            if kind_of.get(rid) not in KINDS:
                errors.append(f"{where}: bad kind {kind_of.get(rid)}")
            if not r.get("name", "").strip():
                errors.append(f"{where}: empty name")
            r["_file"], r["_kind"] = fname, kind_of.get(rid)
            if "gender" in r:
                g = genders.get(rid, [])
                if len(g) != 1 or g[0] not in GENDERS:
                    errors.append(f"{where}: gender must be Female or Male (bare, one record per line), got {g}")
                elif r["_kind"] != "Person":
                    errors.append(f"{where}: gender on a non-person")
                r["gender"] = g[0] if g else None
            ents[rid] = r
            if not r.get("aliases"):
                errors.append(f"{where}: no aliases")
            seen = set()
            for key in ("aliases", "short_aliases"):
                for a in r.get(key, []):
                    if not a.strip() or a != a.strip():
                        errors.append(f"{where}: empty or padded alias {a!r}")
                    if a in seen:
                        errors.append(f"{where}: alias listed twice {a!r}")
                    seen.add(a)
                    alias_owner[norm(a)].add(rid)
            for adj in r.get("adjectives", []):
                if adj != adj.strip() or (adj != adj.lower() and not adj.startswith("US-")):
                    errors.append(f"{where}: adjective not a lowercase stem {adj!r}")
                if adj.startswith("fernöstlich"):
                    errors.append(f"{where}: 'fernöstlich' must not be an adjective")
            if "prior" in r and not (0 <= r["prior"] <= 1):
                errors.append(f"{where}: prior out of range")
            for key in ("died",):
                if key in r and not DATE.match(r[key]):
                    errors.append(f"{where}: bad date {r[key]}")
            if "wikidata" in r and not re.fullmatch(r"Q\d+", r["wikidata"]):
                errors.append(f"{where}: bad wikidata id")
            for role in r.get("roles", []):
                for k in role:
                    if k not in ROLE_FIELDS:
                        errors.append(f"{where}: unknown role field {k}")
                if role.get("role") not in ROLES:
                    errors.append(f"{where}: unknown role {role.get('role')}")
                for k in ("from", "to"):
                    if k in role and not DATE.match(role[k]):
                        errors.append(f"{where}: bad role date {role[k]}")
                if "from" in role and "to" in role and role["from"] > role["to"]:
                    errors.append(f"{where}: role ends before it starts")
    for rid, r in ents.items():
        for role in r.get("roles", []):
            if role.get("of") not in ents:
                errors.append(f"{r['_file']}:{rid}: role of unknown id {role.get('of')}")
        if r["_kind"] != "Person" and r.get("roles"):
            errors.append(f"{rid}: roles on a non-person")
        if "country" in r:
            c = r["country"]
            if r["_kind"] not in ("City", "Place"):
                errors.append(f"{r['_file']}:{rid}: country on a {r['_kind']} (only City and Place)")
            if not isinstance(c, str) or c not in ents or ents[c]["_kind"] != "Country":
                errors.append(f"{r['_file']}:{rid}: country {c!r} is not the id of a Country entity")
    if args.gold and os.path.exists(args.gold):
        for line in open(args.gold, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            ids = [f[2]] if f[0] in ("M", "A") else [f[2], f[4]]
            for i in ids:
                if i not in ents:
                    errors.append(f"gold id missing: {i}")
    shared = {a: o for a, o in alias_owner.items() if len(o) > 1}
    counts = collections.Counter(r["_file"] for r in ents.values())
    for fn, c in sorted(counts.items()):
        print(f"{fn}: {c} entities")
    for kind in ("City", "Place"):
        of = [r for r in ents.values() if r["_kind"] == kind]
        print(f"{kind}: {sum('country' in r for r in of)} of {len(of)} with country")
    persons = [r for r in ents.values() if r["_kind"] == "Person"]
    by_g = collections.Counter(r.get("gender") or "none" for r in persons)
    print(f"Person: {len(persons)}; gender " + ", ".join(f"{g} {n}" for g, n in sorted(by_g.items())))
    print(f"{len(shared)} surface forms are shared by more than one entity (resolved by the engine):")
    for a, o in sorted(shared.items()):
        print(f"   {a!r}: {', '.join(sorted(o))}")
    if args.corpus:
        texts = []
        with open(args.corpus, encoding="utf-8") as f:
            for row in csv.reader(f, delimiter=";", quotechar="'"):
                texts.append(row[1])
        text = "\n".join(texts)
        print("plain aliases of <= 6 letters: hits in corpus (case-sensitive, whole word)")
        for rid, r in sorted(ents.items()):
            for a in r.get("aliases", []):
                if len(a) <= 6:
                    n = len(re.findall(r"(?<![\wÄÖÜäöüß])" + re.escape(a) + r"(?![A-Za-zÄÖÜäöüß])", text))
                    if n:
                        print(f"   {n:5d}  {a!r} -> {rid}")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
