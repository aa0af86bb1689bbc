#!/usr/bin/env python3
"""Ranks non-reserved 10kGNAD rows that may speak of meetings, visits, receptions or calls.

The development gold was chosen from this list by reading (tests/data/dev/README.md): the list is
only a filter for the annotators, who read each candidate and kept the ones whose text states a
meeting, visit, reception or call. Sport is left out (`trifft` is a fixture there); the keyword
list is broad on purpose (nouns, verbs, compounds) so that it does not select for what newskg
already knows.

usage: dev_candidates.py > tests/data/dev/candidates.tsv
"""
import re
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
import gnad  # noqa: E402

KEYWORDS = re.compile(
    r"\b(traf|trafen|trifft|treffen|getroffen|\w*[Tt]reffen\w*|\w*[Bb]esuch\w*|empf(ing|ingen|angen|ängt)|\w*[Ee]mpfang\w*|"
    r"telefonier\w*|\w*[Tt]elefonat\w*|reiste\w*|gereist|\w*[Rr]eise\b|\w*[Rr]eisen\b|\w*[Gg]ipfel\w*|zusammen(gekommen|getroffen|kunft)|"
    r"eingeladen|[Ee]inladung|einbestellt|[Vv]isite|[Uu]nterredung|\w*[Gg]espräch\w*|[Aa]ufenthalt|[Gg]ast|[Gg]äste)\b"
)


def main():
    out = []
    for row, cat, text in gnad.rows():
        if cat == "Sport":
            continue
        hits = [m.group(0) for m in KEYWORDS.finditer(text)]
        if hits:
            out.append((len(hits), row, cat, len(text.split())))
    out.sort(key=lambda x: (-x[0], x[1]))
    print("# row\tkeyword hits\tcategory\twords")
    for n, row, cat, words in out:
        print(f"{row}\t{n}\t{cat}\t{words}")


if __name__ == "__main__":
    main()
