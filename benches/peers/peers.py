#!/usr/bin/env python3
"""newskg beside the tools people reach for first, on the same corpus bytes with the same names.

Runs spaCy's PhraseMatcher, FlashText and pyahocorasick with the bundled gazetteer's names (every
alias, short alias, adjective stem and demonym of gazetteer/*.ron, as in the bare scan of
benches/ratio.rs) over the 10kGNAD test split (x TIMES, default 10: 27 MB), one thread each, and
prints their MB/s next to `newskg extract -j 1` (whole process: start-up, reading, extraction,
relations, JSON written) on the same file. The peers only find names: no inflection, no linking,
no relations, no output; their figure counts the search alone, the corpus already in memory.

How to run it, from the repository (Python 3.9 or later; the packages come from PyPI):

    python3 -m venv .peers-venv
    .peers-venv/bin/pip install spacy flashtext pyahocorasick
    cargo build --release
    .peers-venv/bin/python benches/peers/peers.py          # TIMES=1 for the 2.7 MB split alone
    cargo bench --bench ratio                              # pipeline vs bare aho-corasick, in one process

A peer that is not installed is reported as such and skipped. Tested with spaCy 3.8.18,
flashtext 2.7 and pyahocorasick 2.3.1 (all three install from PyPI wheels or a pure-Python
sdist on Linux x86-64, Python 3.11). The corpus is ../shared/corpora/10kgnad/test.csv, or the
path in NEWSKG_BENCH_CORPUS.
"""

import csv
import glob
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TIMES = int(os.environ.get("TIMES", "10"))
ROUNDS = int(os.environ.get("ROUNDS", "3"))
SOURCE = os.environ.get("NEWSKG_BENCH_CORPUS", os.path.join(ROOT, "..", "shared", "corpora", "10kgnad", "test.csv"))
WORK = os.path.join(ROOT, "target", "peers")
NEWSKG = os.path.join(ROOT, "target", "release", "newskg")


def names():
    """Every name form of the bundled gazetteer (RON string lists of the four name fields)."""
    forms = set()
    field = re.compile(r"\b(aliases|short_aliases|adjectives|demonyms)\s*:\s*\[(.*?)\]", re.S)
    string = re.compile(r'"((?:[^"\\]|\\.)*)"')
    for path in sorted(glob.glob(os.path.join(ROOT, "gazetteer", "*.ron"))):
        with open(path, encoding="utf-8") as f:
            for m in field.finditer(f.read()):
                forms.update(s.replace('\\"', '"') for s in string.findall(m.group(2)))
    return sorted(f for f in forms if f.strip())


def corpus():
    """The corpus as JSON Lines for newskg (written once under target/peers/) and as texts."""
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, f"corpus-x{TIMES}.jsonl")
    with open(SOURCE, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";", quotechar="'"))
    texts = [r[1] for _ in range(TIMES) for r in rows]
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n")
    return path, texts


def best(run):
    """Best wall-clock seconds of ROUNDS runs, and what the last run returned."""
    b, out = float("inf"), None
    for _ in range(ROUNDS):
        t = time.perf_counter()
        out = run()
        b = min(b, time.perf_counter() - t)
    return b, out


def peer_pyahocorasick(forms, texts):
    import ahocorasick

    a = ahocorasick.Automaton()
    for f in forms:
        a.add_word(f.lower(), f)
    a.make_automaton()
    # Lower-casing is part of the search: the automaton is case-sensitive.
    return lambda: sum(1 for t in texts for _ in a.iter_long(t.lower()))


def peer_flashtext(forms, texts):
    from flashtext import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=False)
    for f in forms:
        kp.add_keyword(f)
    return lambda: sum(len(kp.extract_keywords(t)) for t in texts)


def peer_spacy(forms, texts):
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("de")
    pm = PhraseMatcher(nlp.vocab, attr="LOWER")
    pm.add("NAME", list(nlp.tokenizer.pipe(forms)))
    # Tokenising is part of the search: the PhraseMatcher matches tokens.
    return lambda: sum(len(pm(d)) for d in nlp.tokenizer.pipe(texts))


def main():
    forms = names()
    path, texts = corpus()
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"corpus: {len(texts)} documents, {size / 1e6:.1f} MB (10kGNAD test split x{TIMES}); "
          f"{len(forms)} name forms of the bundled gazetteer; best of {ROUNDS}, one thread")
    rows = []
    if os.path.exists(NEWSKG):
        def run():
            subprocess.run([NEWSKG, "extract", path, "-j", "1", "-q"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t, _ = best(run)
        rows.append(("newskg extract -j 1 (whole process, relations, JSON)", t, None))
    else:
        print(f"newskg: {NEWSKG} missing, run `cargo build --release` first")
    for name, make in [("pyahocorasick (lower-cased text, longest)", peer_pyahocorasick),
                       ("FlashText (case-insensitive, whole words)", peer_flashtext),
                       ("spaCy PhraseMatcher (blank de, LOWER)", peer_spacy)]:
        try:
            search = make(forms, texts)
        except ImportError as e:
            print(f"{name}: not installed ({e}); skipped")
            continue
        t, n = best(search)
        rows.append((name, t, n))
    for name, t, n in rows:
        hits = "" if n is None else f"   {n:>9,} hits"
        print(f"  {name:<55} {size / t / 1e6:8.1f} MB/s   {t:7.2f} s{hits}")
    print("The bare aho-corasick scan of the same names over the same bytes, in one process with the "
          "pipeline: `cargo bench --bench ratio`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
