//! Checks that go beyond the RON schema, collecting every problem with its position.

use super::ROLE_KEYS;
use super::load::{RecordSource, Tok, Token};
use super::model::EntityRecord;
use crate::date::PartialDate;
use crate::error::Problem;
use crate::normalize::normalize_pattern;
use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

/// Where an id was first defined: the file (borrowed from the sources being loaded, not copied
/// for each of hundreds of thousands of records), line and column.
pub(crate) type IdSites<'p> = HashMap<String, (&'p Path, usize, usize)>;

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'))
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Validates one record against itself and the ids seen so far (which it extends).
pub(crate) fn check_record<'p>(
    path: &'p Path,
    rec: &EntityRecord,
    src: &RecordSource<'_>,
    seen: &mut IdSites<'p>,
    problems: &mut Vec<Problem>,
) -> bool {
    let before = problems.len();
    let (il, ic) = src.field_pos("id");
    if !is_slug(&rec.id) {
        problems.push(
            Problem::at(path, il, ic, format!("id {:?} is not a slug", rec.id))
                .hint("use lowercase ASCII letters, digits and hyphens, e.g. \"sergey-lavrov\""),
        );
    } else if let Some((f, l, c)) = seen.get(&rec.id) {
        problems.push(
            Problem::at(path, il, ic, format!("duplicate id {:?}", rec.id)).hint(format!(
                "first defined at {}:{l}:{c}; ids must be unique across all gazetteer files",
                f.display()
            )),
        );
    } else {
        seen.insert(rec.id.clone(), (path, il, ic));
    }
    if rec.name.trim().is_empty() {
        let (l, c) = src.field_pos("name");
        problems.push(Problem::at(
            path,
            l,
            c,
            format!("entity {:?} has an empty name", rec.id),
        ));
    }
    if rec.aliases.is_empty() {
        let (l, c) = src.field_pos("aliases");
        problems.push(
            Problem::at(path, l, c, format!("entity {:?} has no aliases", rec.id))
                .hint("list at least one surface form, e.g. its name"),
        );
    }
    for field in ["aliases", "short_aliases", "adjectives", "demonyms"] {
        for t in src.list_strings(field) {
            // An ASCII letter or digit survives normalisation: only other strings are normalised.
            if let Tok::Str(raw) = t.tok
                && !raw.bytes().any(|b| b.is_ascii_alphanumeric())
                && normalize_pattern(raw).is_empty()
            {
                let what = if raw.is_empty() { "empty" } else { "blank" };
                problems.push(
                    Problem::at(path, t.line, t.col, format!("{what} string in {field} of {:?}", rec.id))
                        .hint("an empty pattern would match everywhere; remove it"),
                );
            }
        }
    }
    for role in &rec.roles {
        if !ROLE_KEYS.contains(&role.role.as_str()) {
            let t = find_str(src.nested_strings("role"), &role.role);
            let (l, c) = t.map(|t| (t.line, t.col)).unwrap_or((src.line, src.col));
            problems.push(
                Problem::at(path, l, c, format!("unknown role {:?} in {:?}", role.role, rec.id))
                    .hint(format!("known roles: {}", ROLE_KEYS.join(", "))),
            );
        }
        for (field, value) in [("from", &role.from), ("to", &role.to)] {
            if let Some(v) = value
                && PartialDate::parse(v).is_none()
            {
                let t = find_str(src.nested_strings(field), v);
                let (l, c) = t.map(|t| (t.line, t.col)).unwrap_or((src.line, src.col));
                problems.push(
                    Problem::at(path, l, c, format!("bad date {v:?} in a role of {:?}", rec.id))
                        .hint("write YYYY, YYYY-MM or YYYY-MM-DD"),
                );
            }
        }
    }
    if let Some(p) = rec.prior
        && (!(0.0..=1.0).contains(&p) || p.is_nan())
    {
        let (l, c) = src.field_pos("prior");
        problems.push(Problem::at(
            path,
            l,
            c,
            format!("prior {p} of {:?} is outside 0..1", rec.id),
        ));
    }
    if let Some(d) = &rec.died
        && PartialDate::parse(d).is_none()
    {
        let (l, c) = src.field_pos("died");
        problems.push(
            Problem::at(path, l, c, format!("bad date {d:?} in died of {:?}", rec.id))
                .hint("write YYYY, YYYY-MM or YYYY-MM-DD"),
        );
    }
    problems.len() == before
}

fn find_str<'a, 's>(tokens: Vec<&'a Token<'s>>, value: &str) -> Option<&'a Token<'s>> {
    tokens.into_iter().find(|t| matches!(t.tok, Tok::Str(s) if s == value))
}

/// Checks that every role's `of` names a known id; positions come from the record source.
pub(crate) fn check_references(
    path: &Path,
    rec: &EntityRecord,
    src: &RecordSource<'_>,
    known: &IdSites<'_>,
    problems: &mut Vec<Problem>,
) {
    if let Some(c) = &rec.country
        && !known.contains_key(c)
    {
        let (l, col) = src.tokenized().field_pos("country");
        problems.push(
            Problem::at(
                path,
                l,
                col,
                format!("country of {:?} refers to unknown id {c:?}", rec.id),
            )
            .hint("use the id of a Country entity"),
        );
    }
    for role in &rec.roles {
        if !known.contains_key(&role.of) {
            let src = src.tokenized();
            let t = find_str(src.nested_strings("of"), &role.of);
            let (l, c) = t.map(|t| (t.line, t.col)).unwrap_or((src.line, src.col));
            problems.push(
                Problem::at(
                    path,
                    l,
                    c,
                    format!("role of {:?} refers to unknown id {:?}", rec.id, role.of),
                )
                .hint("add that entity to the gazetteer or fix the id"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::normalize_pattern;

    /// `check_record` normalises only strings without an ASCII letter or digit to find blank ones:
    /// that is right only while normalisation keeps every ASCII letter and digit.
    #[test]
    fn ascii_letters_and_digits_survive_normalisation() {
        for c in ('a'..='z').chain('A'..='Z').chain('0'..='9') {
            for s in [
                format!("{c}"),
                format!(" -{c}- "),
                format!("{c}\u{301}"),
                format!("'{c}."),
            ] {
                assert!(!normalize_pattern(&s).is_empty(), "{s:?}");
            }
        }
    }
}
