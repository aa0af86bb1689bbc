#!/usr/bin/env python3
"""Writes a plain copy of gazetteers: the fields a user's own gazetteer usually has, nothing more.

Kept: id, kind, name, aliases, adjectives, demonyms; short aliases become plain aliases (a user's
gazetteer lists `Kim` or `Kohl` as aliases). Dropped: roles, prior, died, wikidata, gender,
country — the knowledge newskg must then find in the text itself. Used to score
the development gold the way an independent evaluation with a user's gazetteer does.

usage: plain_gazetteer.py OUT_DIR SRC_DIR_OR_FILE...
Every *.ron file of every source is copied (sources later on the command line go to later files);
records are rewritten field by field, comments and layout of the list kept.
"""
import os
import sys

KEEP = {"id", "kind", "name", "aliases", "adjectives", "demonyms"}
# A user's own gazetteer has no `short_aliases`: names such as `Kim` or `Kohl` are plain aliases there.
FOLD_INTO_ALIASES = {"short_aliases"}


def string_step(ch, esc):
    """One character inside a RON string: (still inside the string, next character escaped)."""
    if esc:
        return True, False
    if ch == "\\":
        return True, True
    return ch != '"', False


def split_fields(body):
    """Top-level `key: value` pairs of a record body (between its parentheses)."""
    fields, depth, cur, in_str, esc = [], 0, [], False, False
    for ch in body:
        if in_str:
            cur.append(ch)
            in_str, esc = string_step(ch, esc)
            continue
        if ch == '"':
            in_str = True
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            fields.append("".join(cur).strip())
            cur = []
            continue
        cur.append(ch)
    if "".join(cur).strip():
        fields.append("".join(cur).strip())
    return fields


def plain_record(rec):
    inner = rec.strip()
    assert inner.startswith("(") and inner.endswith(")"), rec
    fields = split_fields(inner[1:-1])
    extra = []
    for f in fields:
        if f.split(":", 1)[0].strip() in FOLD_INTO_ALIASES:
            body = f.split(":", 1)[1].strip()
            extra.extend(x.strip() for x in split_fields(body[1:-1]) if x.strip())
    kept = []
    for f in fields:
        key = f.split(":", 1)[0].strip()
        if key == "aliases" and extra:
            body = f.split(":", 1)[1].strip()
            items = [x.strip() for x in split_fields(body[1:-1]) if x.strip()]
            items += [x for x in extra if x not in items]
            f = "aliases: [" + ", ".join(items) + "]"
        if key in KEEP:
            kept.append(f)
    return "(" + ", ".join(kept) + ")"


def records(src):
    """Yields ('text', s) and ('record', s) pieces of a RON list file, in order."""
    i, n, depth, in_str, esc, start = 0, len(src), 0, False, False, None
    last = 0
    while i < n:
        ch = src[i]
        if in_str:
            in_str, esc = string_step(ch, esc)
        elif ch == "/" and src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        elif ch == '"':
            in_str = True
        elif ch == "(":
            if depth == 1:
                start = i
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 1 and start is not None:
                yield ("text", src[last:start])
                yield ("record", src[start : i + 1])
                last = i + 1
                start = None
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        i += 1
    yield ("text", src[last:])


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    n = 0
    for k, src in enumerate(sys.argv[2:]):
        files = [src] if src.endswith(".ron") else [os.path.join(src, f) for f in sorted(os.listdir(src)) if f.endswith(".ron")]
        for path in files:
            text = open(path, encoding="utf-8").read()
            pieces = [plain_record(s) if kind == "record" else s for kind, s in records(text)]
            n += sum(1 for kind, _ in records(text) if kind == "record")
            name = f"{k:02d}-{os.path.basename(path)}"
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write("".join(pieces))
    print(f"{out}: {n} records, plain", file=sys.stderr)


if __name__ == "__main__":
    main()
