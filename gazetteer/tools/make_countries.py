#!/usr/bin/env python3
"""Generate gazetteer/countries.ron from CLDR (via the PyPI package `babel`) plus the curated
table country_extras.tsv.  Deterministic: same babel version + same table -> same file.

    pip install babel==2.18.0
    python3 gazetteer/tools/make_countries.py
"""
import os
import re
import sys

import babel
from babel import Locale

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ronfmt import dedupe, norm, slug, write_ron  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "countries.ron")
EXTRAS = os.path.join(HERE, "country_extras.tsv")

# CLDR codes that are not countries/territories: macro-regions (numeric codes), unions, pseudo-locales,
# the unknown region, Antarctica (-> places.ron), and CLDR-only sub-territories that are parts of other
# countries (Ascension, Tristan da Cunha, Diego Garcia, Clipperton, Ceuta & Melilla, Canary Islands).
SKIP = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "AQ", "AC", "TA", "DG", "CP", "EA", "IC"}

# Ids that the gold data / other files need (otherwise: slug of the English CLDR name).
ID_OVERRIDE = {
    "US": "united-states", "GB": "united-kingdom", "KP": "north-korea", "KR": "south-korea",
    "RU": "russia", "HK": "hong-kong", "MO": "macao", "MM": "myanmar", "TR": "turkey",
    "CD": "congo-kinshasa", "CG": "congo-brazzaville", "CI": "cote-d-ivoire",
    "PS": "palestinian-territories", "VA": "vatican-city",
}
# Canonical English display names where the CLDR name is a UI label.
NAME_OVERRIDE = {"HK": "Hong Kong", "MO": "Macao", "MM": "Myanmar", "CD": "DR Congo", "CG": "Republic of the Congo"}

# Surface forms that are ordinary words (English or German) or common first names: never aliases.
DROP_ALIASES = {
    "Georgia",   # US state, first name
    "Jordan",    # first name / surname (Jordanien is the German name)
    "Chad",      # English first name (Tschad is the German name)
    "Turkey",    # English noun
    "France",    # English name: "Air France", "Stade de France", "Tour de France" in German text
    "Jersey",    # fabric / sports shirt (kept as short alias in country_extras.tsv)
    "Austria",   # in German text almost only inside names: FK Austria Wien / "die Austria", Statistik Austria,
                 # Casinos Austria, Telekom Austria, HD Austria, IST Austria (checked on 10kGNAD, 99 hits, ~0 correct)
    "Hong Kong SAR China", "Macao SAR China",  # UI labels, not used in text
}
# Forms that are ambiguous but still the standard German name: only valid with document support.
DEMOTE_TO_SHORT = {
    "GN": ["Guinea"],  # also part of Guinea-Bissau / Äquatorialguinea / Papua-Neuguinea and English 'guinea'
}


def inflections(name):
    """German multi-word names with adjectives: add the weak/dative forms
    ("Vereinigte Arabische Emirate" -> "Vereinigten Arabischen Emirate(n)", "Vereinigtes Königreich" ->
    "Vereinigten Königreich(s)")."""
    words = name.split(" ")
    if len(words) < 2:
        return []
    changed = False
    new = []
    for w in words[:-1]:
        if re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+e", w):
            new.append(w + "n"); changed = True
        elif re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+es", w):
            new.append(w[:-1] + "n"); changed = True
        else:
            new.append(w)
    if not changed:
        return []
    last = words[-1]
    out = [" ".join(new + [last])]
    if last.endswith("e"):
        out.append(" ".join(new + [last + "n"]))
    elif re.search(r"(reich|rat|staat)$", last):
        out.append(" ".join(new + [last + "s"]))
    return out


def read_extras():
    extras = {}
    with open(EXTRAS, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            f7 = (line.split("\t") + [""] * 7)[:7]
            sp = lambda s: [x.strip() for x in s.split(";") if x.strip()]
            extras[f7[0]] = dict(name=f7[1], adjectives=sp(f7[2]), demonyms=sp(f7[3]), aliases=sp(f7[4]),
                                 short_aliases=sp(f7[5]), wikidata=f7[6].strip())
    return extras


def main():
    de, en = Locale("de"), Locale("en")
    de_variants = [Locale.parse("de_CH"), Locale.parse("de_AT")]
    en_variants = [Locale.parse("en_GB")]
    extras = read_extras()
    records = {}
    for code in sorted(de.territories):
        if code.isdigit() or code in SKIP:
            continue
        en_name = en.territories[code]
        cid = ID_OVERRIDE.get(code) or slug(en_name)
        names = [de.territories[code]]
        names += [l.territories[code] for l in de_variants if code in l.territories]
        names += inflections(de.territories[code])
        names += [en_name] + [l.territories[code] for l in en_variants if code in l.territories]
        names += [n.replace(" & ", " and ") for n in list(names) if " & " in n]
        names = [n for n in names if n not in DROP_ALIASES and n not in DEMOTE_TO_SHORT.get(code, [])]
        records[cid] = dict(id=cid, kind="Country", name=NAME_OVERRIDE.get(code, en_name), aliases=names,
                            short_aliases=list(DEMOTE_TO_SHORT.get(code, [])), adjectives=[], demonyms=[],
                            wikidata="")
    for cid, ex in extras.items():
        if cid not in records:
            if not ex["name"]:
                sys.exit(f"country_extras.tsv: {cid} is not a CLDR country and has no name")
            records[cid] = dict(id=cid, kind="Country", name=ex["name"], aliases=[], short_aliases=[],
                                adjectives=[], demonyms=[], wikidata="")
        r = records[cid]
        r["aliases"] += ex["aliases"]
        r["short_aliases"] += ex["short_aliases"]
        r["adjectives"] += ex["adjectives"]
        r["demonyms"] += ex["demonyms"]
        r["wikidata"] = ex["wikidata"] or r["wikidata"]
    for r in records.values():
        r["aliases"] = dedupe(r["aliases"])
        r["short_aliases"] = dedupe(r["short_aliases"], exclude=r["aliases"])
        bad = [a for a in r["aliases"] if a in DROP_ALIASES]
        assert not bad, (r["id"], bad)
    header = [
        "GENERATED by gazetteer/tools/make_countries.py -- do not edit by hand.",
        f"Country names: Unicode CLDR via babel {babel.__version__} (locales de, de_CH, de_AT, en, en_GB);",
        "adjectives, demonyms, extra aliases: curated table gazetteer/tools/country_extras.tsv.",
    ]
    write_ron(OUT, header, records.values())
    print(f"wrote {len(records)} countries to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
