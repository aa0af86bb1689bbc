"""Shared helpers for the gazetteer generator scripts: slugs, alias normalisation, RON output."""
import re
import unicodedata


def slug(s):
    s = s.replace("&", " and ")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-zA-Z0-9]+", "-", s).strip("-").lower()
    return s


def norm(alias):
    """The engine's normalisation (approximately): lowercase, ß->ss, hyphens/whitespace folded."""
    a = alias.lower().replace("ß", "ss").replace("’", "'")
    a = re.sub(r"[\s\-‐‑–]+", " ", a).strip()
    return a


def dedupe(aliases, exclude=()):
    seen = {norm(x) for x in exclude}
    out = []
    for a in aliases:
        a = a.strip()
        if not a or norm(a) in seen:
            continue
        seen.add(norm(a))
        out.append(a)
    return out


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qlist(xs):
    return "[" + ", ".join(q(x) for x in xs) + "]"


def record(r):
    """One RON record on one line. r: dict with id, kind, name, aliases and optional fields."""
    parts = [f'id: {q(r["id"])}', f'kind: {r["kind"]}', f'name: {q(r["name"])}', f'aliases: {qlist(r["aliases"])}']
    for key in ("short_aliases", "adjectives", "demonyms"):
        if r.get(key):
            parts.append(f"{key}: {qlist(r[key])}")
    if r.get("prior") is not None:
        parts.append(f'prior: {r["prior"]}')
    for key in ("died", "wikidata", "country"):
        if r.get(key):
            parts.append(f"{key}: {q(r[key])}")
    if r.get("gender"):
        parts.append(f'gender: {r["gender"]}')  # bare enum variant: Female / Male
    return "    (" + ", ".join(parts) + "),"


def write_ron(path, header_lines, records):
    records = sorted(records, key=lambda r: r["id"])
    with open(path, "w", encoding="utf-8") as f:
        for h in header_lines:
            f.write("// " + h + "\n")
        f.write("[\n")
        for r in records:
            f.write(record(r) + "\n")
        f.write("]\n")
