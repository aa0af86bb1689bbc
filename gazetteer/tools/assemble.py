#!/usr/bin/env python3
"""Keep the hand-curated RON files (persons, organizations, places) sorted by id, one record per line.
Usage: python3 gazetteer/tools/assemble.py   (rewrites the files in place; header comments are kept)"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
for name in ("persons.ron", "organizations.ron", "places.ron"):
    path = os.path.join(HERE, "..", name)
    header, recs = [], []
    for line in open(path, encoding="utf-8"):
        s = line.rstrip("\n")
        if s.startswith("    (id:"):
            recs.append(s)
        elif s.startswith("//"):
            header.append(s)
        elif s.strip() in ("[", "]", ""):
            continue
        else:
            raise SystemExit(f"{name}: unexpected line (records must be one per line): {s[:80]}")
    recs.sort(key=lambda s: re.match(r'    \(id: "([^"]+)"', s).group(1))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(header) + "\n[\n" + "\n".join(recs) + "\n]\n")
