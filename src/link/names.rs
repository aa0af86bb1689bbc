//! Names inside the proper names of other things: `Real Madrid`, `TU Graz`, `Leeds United`,
//! `US-Dollar`, `Bayern-Stürmer`, `Galatasaray Istanbul`, `Spanischer Bürgerkrieg`. Such a hit is
//! no mention of the entity it spells (`../shared/ANNOTATION.md`), and the engine finds it from
//! the text around the hit, with word lists from `data/de/names.ron` and the German dictionary of
//! `data/de/ordinary-words.tsv` — never from a stop list per entity.
//!
//! A hit is inside another name when
//! 1. a marker of `before` stands right before it, or one of `after` right after it;
//! 2. it heads a hyphenated compound whose head names a currency, treaty, street … (`compound_heads`),
//!    or, for a city or region, a club's people (`club_heads`: `Bayern-Stürmer`);
//! 3. it is a location written next to a capitalised word that is no German word and no entity
//!    (`Galatasaray Istanbul`, `Arctic Monkeys`): the two are one foreign name;
//! 4. it is a country adjective capitalised inside a sentence and followed by a capitalised word
//!    (`die Österreichische Physikalische Gesellschaft`): German capitalises adjectives only in
//!    proper names;
//! 5. it is itself a `before` marker followed by a name (`Austria Wien`);
//! 6. it is an ordinary German word right after an indefinite article (`ein Bild machen`): then
//!    it is that word, not a name at all;
//! 7. it is an organisation in an author credit (`(APA, 28.6.2015)`, `(Reuters, APA)` at the end);
//! 8. the document names a club by this place (`FC Barcelona`, `Leeds United`) and the place
//!    stands alone, not after a preposition of place nor as a dateline (`Barcelona hatte den
//!    Vertrag verlängert`, `die Bayern`): it is the club.
//! 9. it is a lower-case country adjective before a noun of language (`language_after`:
//!    `einfache deutsche Sätze`, `in englischer Sprache`): the language is no entity;
//! 10. it is the capitalised first word of a name of several words that an acronym in brackets
//!     spells (`Wiener Wissenschafts- und Technologiefonds (WWTF)`);
//! 11. it is a place coordinated with a club (`zum FC Bayern oder zu Barcelona`);
//! 12. it is a country adjective joined to a denomination (`serbisch-orthodoxen`,
//!     `römisch-katholisch`: `denomination_heads`).
//!
//! Rule 3 also holds for two foreign lower-case words after a location (`Hiroshima mon amour`);
//! rule 6 also across adjectives for anything but a place (`ein professionelles Bild`, but `ein
//! starkes Polen`), and after a number and a unit of measure (`units`: `42,195 km Laufen`).
//!
//! And a person's one-word name is someone else's ([`drop_namesakes`]) when a first name that is
//! none of the person's stands right before it (`Peter Stöger` is not Alois Stöger), or when it
//! is itself a first name read as a genitive (`Hans Magnus Enzensberger` is not Han's); the
//! document then speaks of a namesake, and the bare surname names the gazetteer's person only
//! where the document also names that person in full.

use crate::gazetteer::{Gazetteer, Kind};
use crate::matching::{Form, Hit, Inflection};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Markers {
    club_before: Vec<String>,
    before: Vec<String>,
    club_after: Vec<String>,
    after: Vec<String>,
    compound_heads: Vec<String>,
    place_prefixes: Vec<String>,
    club_heads: Vec<String>,
    language_before: Vec<String>,
    language_after: Vec<String>,
    denomination_heads: Vec<String>,
    units: Vec<String>,
    place_before: Vec<String>,
    indefinite_before: Vec<String>,
}

/// The marker lists, with the `before` markers indexed by their last word and the `after`
/// markers by their first, so that a hit costs a lookup or two, not a scan of every marker.
struct Index {
    m: Markers,
    before_by_last: HashMap<&'static str, Vec<&'static str>>,
    after_by_first: HashMap<&'static str, Vec<&'static str>>,
}

fn index() -> &'static Index {
    static M: OnceLock<Index> = OnceLock::new();
    M.get_or_init(|| {
        let m: Markers = ron::from_str(include_str!("../../data/de/names.ron")).unwrap_or_else(|e| {
            panic!("data/de/names.ron is broken: {e}; it is compiled in, so this is a build defect")
        });
        // The lists live as long as the program: leak them once for `&'static str` keys.
        let before: &'static [String] = Vec::leak([m.club_before.clone(), m.before.clone()].concat());
        let after: &'static [String] = Vec::leak([m.club_after.clone(), m.after.clone()].concat());
        let mut before_by_last: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        for x in before {
            before_by_last.entry(last_word(x)).or_default().push(x);
        }
        let mut after_by_first: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        for x in after {
            after_by_first.entry(first_word(x)).or_default().push(x);
        }
        Index {
            m,
            before_by_last,
            after_by_first,
        }
    })
}

fn markers() -> &'static Markers {
    &index().m
}

/// A `before` marker ends `b` (the text before a hit, without its last space).
fn marker_before(b: &str) -> bool {
    index()
        .before_by_last
        .get(last_word(b))
        .is_some_and(|xs| xs.iter().any(|x| ends_with_marker(b, x)))
}

/// An `after` marker starts `a` (the text after a hit, without its first space), also in the
/// genitive.
fn marker_after(a: &str) -> bool {
    let w = first_word(a);
    [w, w.strip_suffix("es").unwrap_or(w), w.strip_suffix('s').unwrap_or(w)]
        .iter()
        .any(|k| {
            index()
                .after_by_first
                .get(k)
                .is_some_and(|xs| xs.iter().any(|x| starts_with_marker(a, x)))
        })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// `marker` ends `before` (the text before a hit, without its last space) on a word boundary.
fn ends_with_marker(before: &str, marker: &str) -> bool {
    before
        .strip_suffix(marker)
        .is_some_and(|rest| !rest.chars().next_back().is_some_and(is_word_char))
}

/// `marker` starts `after` (the text after a hit, without its first space) on a word boundary,
/// also in the genitive (`des Wiener Musikvereins`).
fn starts_with_marker(after: &str, marker: &str) -> bool {
    after.strip_prefix(marker).is_some_and(|rest| {
        let rest = rest
            .strip_prefix("es")
            .or_else(|| rest.strip_prefix('s'))
            .unwrap_or(rest);
        !rest.chars().next().is_some_and(is_word_char)
    })
}

/// The word (letters, digits, inner hyphens) that ends `s`.
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !(is_word_char(c) || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    s[start..].trim_start_matches('-')
}

/// The word (letters, digits, inner hyphens) that starts `s`.
fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !(is_word_char(c) || c == '-')).unwrap_or(s.len());
    s[..end].trim_end_matches('-')
}

/// A capitalised word that is no German word the project knows: part of a foreign name.
fn foreign_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() || w.chars().count() < 3 {
        return false;
    }
    // Acronyms (`ORF`, `ÖVP`) and words with digits are other things.
    if w.chars().all(|c| c.is_uppercase() || c == '-') || w.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    unknown_word(w.rsplit('-').next().unwrap_or(w))
}

/// A lower-case word that is no German word the project knows (`mon amour`): a foreign word.
fn foreign_lower_word(w: &str) -> bool {
    w.chars().count() >= 3 && w.chars().all(char::is_lowercase) && unknown_word(w)
}

/// No German word the dictionary or the lexicon knows.
fn unknown_word(w: &str) -> bool {
    // A known word, also with an inflectional ending the dictionary lacks (`Landes`), or a
    // compound ending in one (`Sowjetrepublik`, `Kellerlöchern`).
    let known = |x: &str| {
        ["", "es", "s", "en", "n", "e", "er", "em", "ern"]
            .iter()
            .filter_map(|end| x.strip_suffix(end))
            .any(|stem| stem.len() >= 3 && crate::gazetteer::ordinary::zipf(stem).is_some())
    };
    if w.char_indices()
        .filter(|&(i, _)| i == 0 || i >= 3)
        .any(|(i, _)| w.len() - i >= 4 && known(&w[i..]))
    {
        return false;
    }
    let lex = crate::syntax::lexicon::Lexicon::get();
    let mut norm = String::new();
    crate::syntax::token::fold_into(w, &mut norm);
    lex.id(&norm).is_none() && lex.compound_head(&norm).is_none()
}

/// A German noun form, also as the head of a compound (`Forschungsrates`).
fn noun_or_compound(w: &str) -> bool {
    w.char_indices()
        .filter(|&(i, _)| i == 0 || i >= 3)
        .any(|(i, _)| w.len() - i >= 5 && crate::gazetteer::ordinary::is_noun_form(&w[i..]))
}

/// A sentence could start right before `at`: the text before it ends, past spaces, at a start of
/// text, a line break, or sentence or quotation punctuation.
fn sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '\n' | '.' | '!' | '?' | ':' | '"' | '„' | '“' | '»' | '«' | '(' | '–' | '-' | '|'
        ),
    }
}

/// True when a preposition of place (`in`, `nach`, `aus`) stands right before `start`.
pub fn after_place_preposition(text: &str, start: usize) -> bool {
    text.get(..start)
        .and_then(|b| b.strip_suffix(' '))
        .is_some_and(|b| markers().place_before.iter().any(|x| ends_with_marker(b, x)))
}

/// Removes the hits that lie inside the proper name of something else. `hits` are in text order.
pub fn drop_names_inside_names(gaz: &Gazetteer, text: &str, hits: &mut Vec<Hit>) {
    let m = markers();
    // Hits are sorted and do not overlap: overlap with a range is a binary search.
    let covered: Vec<(usize, usize)> = hits.iter().map(|h| (h.span.start, h.span.end)).collect();
    let is_hit_at = |start: usize, end: usize| {
        let k = covered.partition_point(|&(_, e)| e <= start);
        covered.get(k).is_some_and(|&(s, _)| s < end)
    };
    let mut keep = vec![true; hits.len()];
    // Places the document names clubs by.
    let mut club_places: Vec<&str> = Vec::new();
    // A name coordinated with one inside a marked name shares its marker (`TU Wien und Graz`).
    let mut shared_marker_until: Option<usize> = None;
    // Where the last club's name ended (`FC Bayern`, `Real Madrid`).
    let mut last_club_end: Option<usize> = None;
    for (k, h) in hits.iter().enumerate() {
        let (start, end) = (h.span.start, h.span.end);
        let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
            continue;
        };
        let location = h.candidates.iter().all(|c| gaz.entity(c.entity).kind.is_location());
        let city_or_region = h
            .candidates
            .iter()
            .all(|c| matches!(gaz.entity(c.entity).kind, Kind::City | Kind::Place));
        let adjective = h.candidates.iter().all(|c| c.form == Form::Adjective);
        let plain_name = h.candidates.iter().all(|c| c.form == Form::Alias) && matches!(h.inflection, Inflection::None);
        let spaced_before = before.strip_suffix(' ').filter(|b| !b.ends_with(' '));
        let spaced_after = after.strip_prefix(' ').filter(|a| !a.starts_with(' '));
        // Is the hit a club, or a place in a club's name (for rule 11)?
        let mut club = false;
        // A club the gazetteer lists (`FC Barcelona`) names its place.
        if h.candidates
            .iter()
            .all(|c| gaz.entity(c.entity).kind == Kind::Organization)
            && let Some(p) = club_place(h.span.slice(text))
        {
            club_places.push(p);
            club = true;
        }
        // 1. markers
        let marked_before = spaced_before.is_some_and(marker_before);
        let mut inside = marked_before || shared_marker_until == Some(start) || spaced_after.is_some_and(marker_after);
        if inside
            && location
            && (spaced_before.is_some_and(|b| m.club_before.iter().any(|x| ends_with_marker(b, x)))
                || spaced_after.is_some_and(|a| m.club_after.iter().any(|x| starts_with_marker(a, x))))
        {
            club_places.push(h.span.slice(text));
            club = true;
        }
        if marked_before || shared_marker_until == Some(start) {
            shared_marker_until = hits
                .get(k + 1)
                .filter(|n| {
                    text.get(end..n.span.start)
                        .is_some_and(|gap| matches!(gap, " und " | ", " | " sowie "))
                })
                .map(|n| n.span.start);
        }
        // A name of several words that ends a hyphenated compound (`Medizin-Uni Wien`) is part
        // of a longer name.
        inside |= before.ends_with('-') && h.span.slice(text).contains(' ');
        // 2. compound heads
        if !inside
            && matches!(h.inflection, Inflection::Hyphenated)
            && let Some(rest) = after.strip_prefix('-')
        {
            let head = first_word(rest);
            let head = head.rsplit('-').next().unwrap_or(head);
            let word = first_word(rest);
            let first = word.split('-').next().unwrap_or("");
            inside = m.compound_heads.iter().any(|x| head.ends_with(x.as_str()))
                || (city_or_region && m.club_heads.iter().any(|x| head == x))
                // `Arctic-Monkeys-Schlagzeuger`: a foreign word between two hyphens.
                || (location && word.len() > first.len() && foreign_name_word(first));
        }
        // 2b. a prefix joined by a hyphen that makes another place (`Papua Neu-Guinea`, `Neu-Ulm`)
        if !inside
            && location
            && let Some(b) = before.strip_suffix('-')
        {
            let w = last_word(b);
            inside = m.place_prefixes.iter().any(|x| x == w);
        }
        // 3. a foreign name around a location
        if !inside && location && plain_name {
            let prev = spaced_before.map(last_word).filter(|w| !w.is_empty());
            let next = spaced_after.map(first_word).filter(|w| !w.is_empty());
            inside = prev.is_some_and(|w| {
                let s = start - 1 - w.len();
                foreign_name_word(w) && !is_hit_at(s, start - 1)
            }) || next.is_some_and(|w| foreign_name_word(w) && !is_hit_at(end + 1, end + 1 + w.len()));
        }
        // 3b. a foreign name word after an organisation's (`Sputnik Planum`, a plain on Pluto)
        let organization = h
            .candidates
            .iter()
            .all(|c| gaz.entity(c.entity).kind == Kind::Organization);
        if !inside && organization && plain_name {
            let next = spaced_after.map(first_word).filter(|w| !w.is_empty());
            inside = next.is_some_and(|w| foreign_name_word(w) && !is_hit_at(end + 1, end + 1 + w.len()));
        }
        // 4. a capitalised country adjective inside a sentence, before another capitalised word
        if !inside
            && adjective
            && h.inflection != Inflection::CityAdjective
            && last_word(h.span.slice(text))
                .rsplit('-')
                .next()
                .unwrap_or("")
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !sentence_start(text, start)
        {
            // `Spanischer Bürgerkrieg`, `Österreichische Physikalische Gesellschaft`; not the
            // nominalised `den Deutschen Benjamin Becker`, where a name follows.
            inside = spaced_after.map(first_word).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && noun_or_compound(w)
                    && !is_hit_at(end + 1, end + 1 + w.len())
            });
        }
        // The language (`ins Deutsche übersetzt`, `auf Russisch`).
        if !inside && adjective && h.span.slice(text).chars().next().is_some_and(char::is_uppercase) {
            inside = spaced_before.is_some_and(|b| m.language_before.iter().any(|x| ends_with_marker(b, x)))
                && !spaced_after
                    .map(first_word)
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        }
        // 5. a marker that is itself a name (`Austria Wien`)
        if !inside
            && index()
                .before_by_last
                .get(h.span.slice(text))
                .is_some_and(|xs| xs.contains(&h.span.slice(text)))
        {
            inside = spaced_after.is_some_and(|a| a.chars().next().is_some_and(char::is_uppercase))
                && hits.get(k + 1).is_some_and(|n| n.span.start == end + 1);
        }
        // 6. an ordinary word right after an indefinite article, a demonstrative or a possessive
        // (`ein Bild`, `einen Kern`, `dieses Bild`, `sein Bild`) (not an acronym: `eine EU, die
        // schützt` is the union). Not across an adjective: `ein starkes Polen` is the country.
        let word = h.span.slice(text);
        if !inside
            && plain_name
            && word.chars().any(char::is_lowercase)
            && crate::gazetteer::ordinary::ordinary(word).is_some()
        {
            let determined =
                |b: &str| m.indefinite_before.iter().any(|x| ends_with_marker(b, x)) || possessive(last_word(b));
            // 6b. also across adjectives, but not for a place (`ein starkes Polen` is the
            // country; `ein professionelles Bild` no newspaper).
            inside = spaced_before
                .is_some_and(|b| determined(b) || (!location && strip_adjectives(b).is_some_and(determined)));
        }
        // 6c. an ordinary word after a number and a unit (`42,195 km Laufen`)
        if !inside && plain_name && crate::gazetteer::ordinary::ordinary(word).is_some() {
            inside = spaced_before.is_some_and(|b| {
                let unit = last_word(b);
                m.units.iter().any(|u| u == unit)
                    && b[..b.len() - unit.len()]
                        .strip_suffix(' ')
                        .map(last_word)
                        .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
            });
        }
        // 12. a country adjective joined to a denomination (`serbisch-orthodoxen`)
        if !inside && adjective {
            inside = after.strip_prefix('-').is_some_and(|rest| {
                let head = first_word(rest).to_lowercase();
                m.denomination_heads.iter().any(|x| head.starts_with(x.as_str()))
            });
        }
        // 9. a lower-case country adjective before a noun of language (`einfache deutsche Sätze`)
        if !inside && adjective && word.starts_with(char::is_lowercase) {
            inside = spaced_after
                .map(first_word)
                .is_some_and(|w| m.language_after.iter().any(|x| x == w));
        }
        // 10. the first word of a name an acronym in brackets spells (`Wiener Wissenschafts- und
        // Technologiefonds (WWTF)`), when the name goes on past the hit
        if !inside {
            inside = spelled_by_acronym(text, start, end, &is_hit_at);
        }
        // 3c. a location before two foreign lower-case words (`Hiroshima mon amour`)
        if !inside && location && plain_name {
            let mut words = after.split(' ').skip(1);
            inside = words.next().is_some_and(foreign_lower_word)
                && words
                    .next()
                    .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
                    .is_some_and(|w| foreign_lower_word(w) || foreign_name_word(w));
        }
        // 11. a place coordinated with a club is a club (`zum FC Bayern oder zu Barcelona`)
        if !inside && location && plain_name {
            inside = last_club_end.is_some_and(|e| {
                text.get(e..start).is_some_and(|gap| {
                    let rest = [" oder ", " und ", ", ", " bzw. "]
                        .iter()
                        .find_map(|sep| gap.strip_prefix(sep));
                    rest.is_some_and(|r| r.is_empty() || ["zu ", "zum ", "bei ", "beim ", "gegen "].contains(&r))
                })
            });
        }
        if club {
            last_club_end = Some(end);
        }
        // 7. an author credit (`(APA, 28.6.2015)`, `(Reuters, APA)` closing the text)
        if !inside
            && h.candidates
                .iter()
                .all(|c| gaz.entity(c.entity).kind == Kind::Organization)
        {
            inside = credit(text, start, end);
        }
        keep[k] = !inside;
    }
    let mut it = keep.into_iter();
    hits.retain(|_| it.next().unwrap_or(true));
    drop_club_places(gaz, text, hits, &club_places);
    drop_namesakes(gaz, text, hits);
}

/// The text before a noun with up to two lower-case inflected adjectives taken off its end
/// (`ein professionelles`), or None when it ends in none.
fn strip_adjectives(b: &str) -> Option<&str> {
    let mut rest = b;
    for _ in 0..2 {
        let w = last_word(rest);
        if w.is_empty() || !w.starts_with(char::is_lowercase) || !inflected_adjective(w) {
            break;
        }
        rest = rest[..rest.len() - w.len()].strip_suffix(' ').unwrap_or("");
    }
    (rest.len() < b.len() && !rest.is_empty()).then_some(rest)
}

/// The hit at `start..end` is the first word of a name of several words that an acronym in
/// brackets right after it spells (`Wiener Wissenschafts- und Technologiefonds (WWTF)`): the
/// initials of its capitalised words come in the acronym's order, the first first. A name that
/// is one hit (`Europäische Union (EU)`) stays.
fn spelled_by_acronym(text: &str, start: usize, end: usize, is_hit_at: &dyn Fn(usize, usize) -> bool) -> bool {
    const MAX: usize = 80;
    let after = &text[end..];
    let Some(open) = after.find('(').filter(|&o| o <= MAX) else {
        return false;
    };
    let between = &after[..open];
    if between.trim().is_empty() || between.contains(['.', ',', ';', ':', '!', '?', '"', '„', '“', '\n', ')']) {
        return false;
    }
    let Some(close) = after[open..].find(')') else {
        return false;
    };
    let acronym = &after[open + 1..open + close];
    let letters = acronym.chars().count();
    if !(2..=6).contains(&letters) || !acronym.chars().all(char::is_uppercase) {
        return false;
    }
    let initials: Vec<char> = std::iter::once(&text[start..end])
        .chain(between.split([' ', '-']))
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    let mut acr = acronym.chars();
    initials.len() >= 2
        && text[start..end].starts_with(char::is_uppercase)
        && acronym.chars().next() == initials.first().copied()
        && initials.iter().all(|c| acr.any(|a| a == *c))
        && !is_hit_at(end + 1, end + open)
}

/// The span stands in a parenthesised author credit: a few short words (agencies, `red`) and
/// dates, with a date or closing the text or its paragraph (`(APA, 28.6.2015)`, `(APA/dpa)`).
fn credit(text: &str, start: usize, end: usize) -> bool {
    const MAX: usize = 48;
    let credit_char = |c: char| c.is_alphanumeric() || matches!(c, ',' | '/' | ' ' | '.');
    // Look no further than MAX bytes either way: the work per hit stays bounded.
    let mut lo = start.saturating_sub(MAX);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (end + MAX).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let Some(open) = text[lo..start].rfind('(').map(|o| lo + o) else {
        return false;
    };
    let Some(close) = text[end..hi].find(')').map(|c| end + c) else {
        return false;
    };
    let inner = &text[open + 1..close];
    if !inner.chars().all(credit_char) {
        return false;
    }
    let words: Vec<&str> = inner.split([',', '/', ' ']).filter(|w| !w.is_empty()).collect();
    let date = |w: &str| w.chars().all(|c| c.is_ascii_digit() || c == '.') && w.contains('.');
    let short_word = |w: &str| w.chars().all(char::is_alphabetic) && w.chars().count() <= 10;
    if words.is_empty() || words.len() > 5 || !words.iter().all(|w| date(w) || short_word(w)) {
        return false;
    }
    let rest = text[close + 1..].trim_start_matches([' ', '\t']);
    words.iter().any(|w| date(w)) || rest.is_empty() || rest.starts_with('\n')
}

/// In a document that names a club by its place (`FC Barcelona`, `FC Bayern`, `Leeds United`),
/// the place alone is the club too (`Barcelona hatte den Vertrag verlängert`, `die Bayern`),
/// except after a preposition of place (`in Barcelona`) and as a dateline (`Barcelona – `).
fn drop_club_places(gaz: &Gazetteer, text: &str, hits: &mut Vec<Hit>, club_places: &[&str]) {
    if club_places.is_empty() {
        return;
    }
    hits.retain(|h| {
        let location = h.candidates.iter().all(|c| gaz.entity(c.entity).kind.is_location());
        let plain = h.candidates.iter().all(|c| c.form == Form::Alias)
            && matches!(h.inflection, Inflection::None | Inflection::Genitive);
        let word = h.span.slice(text);
        let stem = if h.inflection == Inflection::Genitive {
            word.strip_suffix('s').unwrap_or(word)
        } else {
            word
        };
        if !location || !plain || !club_places.contains(&stem) || after_place_preposition(text, h.span.start) {
            return true;
        }
        // `das rote Wien`, `im Wien der Zwischenkriegszeit`: a determiner or an adjective makes
        // it the place; `die Bayern`, `den Bayern` (a plural) the club.
        let before = text[..h.span.start].strip_suffix(' ');
        let plural = before.is_some_and(|b| matches!(last_word(b), "die" | "den" | "Die" | "Den"));
        if !plural && before.is_some_and(|b| modified_noun(&text[..h.span.start]) || contraction(last_word(b))) {
            return true;
        }
        // `(Graz, UPC-Arena, 16.30 Uhr)`: the venue of a fixture.
        if text[..h.span.start].ends_with('(') {
            return true;
        }
        dateline(text, h.span.start, h.span.end)
    });
}

/// What the lexicon says of the word `w` (folded as the syntax layer folds it).
fn lexicon_says(w: &str, what: impl Fn(&crate::syntax::lexicon::WordInfo) -> bool) -> bool {
    let mut norm = String::new();
    crate::syntax::token::fold_into(w, &mut norm);
    let lex = crate::syntax::lexicon::Lexicon::get();
    lex.id(&norm).is_some_and(|id| what(lex.info(id)))
}

/// `sein`, `ihrem`, `unseren`: a possessive.
fn possessive(w: &str) -> bool {
    lexicon_says(w, |i| i.poss.is_some())
}

/// `im`, `vom`, `zum`, `ins`, `am`: a preposition merged with an article.
fn contraction(w: &str) -> bool {
    lexicon_says(w, |i| i.contraction.is_some())
}

/// The span is (one of the places of) a dateline: `Barcelona – `, `Graz/Salzburg – ` at the
/// start of a sentence.
fn dateline(text: &str, start: usize, end: usize) -> bool {
    let mut before = &text[..start];
    while let Some(b) = before.strip_suffix('/') {
        before = &b[..b.len() - last_word(b).len()];
    }
    let mut after = &text[end..];
    while let Some(a) = after.strip_prefix('/') {
        after = &a[first_word(a).len()..];
    }
    sentence_start(text, before.len()) && (after.starts_with(" – ") || after.starts_with(" - "))
}

/// The place in the name of a club, when a hit is one (`FC Barcelona` → `Barcelona`).
fn club_place(hit: &str) -> Option<&str> {
    let m = markers();
    m.club_before
        .iter()
        .find_map(|x| hit.strip_prefix(x.as_str()).and_then(|r| r.strip_prefix(' ')))
        .or_else(|| {
            m.club_after
                .iter()
                .find_map(|x| hit.strip_suffix(x.as_str()).and_then(|r| r.strip_suffix(' ')))
        })
        .filter(|p| !p.is_empty() && !p.contains(' '))
}

/// A first name of `data/names/first-names.tsv` that is no frequent German word and no noun
/// (`Peter`, `Helga`; not `Will`, `Mentor`, `Ernst`).
pub(crate) fn first_name(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && crate::gazetteer::ordinary::first_name_gender(w).is_some()
        && crate::gazetteer::ordinary::zipf(w).is_none_or(|z| z < crate::gazetteer::ordinary::ORDINARY_ZIPF)
        && !crate::gazetteer::ordinary::is_noun_form(w)
}

/// The text before a word ends in a determiner, a possessive or an inflected adjective (`ihr
/// einstiger Mentor`): the word is a noun, not a first name.
fn modified_noun(before: &str) -> bool {
    let Some(b) = before.strip_suffix(' ') else {
        return false;
    };
    let w = last_word(b);
    if !w.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    if lexicon_says(w, |i| i.is(crate::syntax::lexicon::flag::DET) || i.poss.is_some()) {
        return true;
    }
    inflected_adjective(w)
}

/// `einstiger`, `professionelles`: an adjective the dictionary knows, in any of its endings.
fn inflected_adjective(w: &str) -> bool {
    let mut norm = String::new();
    crate::syntax::token::fold_into(w, &mut norm);
    ["", "e", "er", "en", "em", "es"]
        .iter()
        .filter_map(|end| norm.strip_suffix(end))
        .any(crate::gazetteer::ordinary::is_adjective)
}

/// `given` is one of the words of the person's names, or a spelling of one (`Wladimir` for
/// `Vladimir`, `Sergej` for `Sergey`, `Alex` for `Alexander`).
fn own_first_name(gaz: &Gazetteer, e: crate::gazetteer::EntityIdx, given: &str) -> bool {
    let ent = gaz.entity(e);
    let mut g = String::new();
    crate::syntax::token::fold_into(given, &mut g);
    let mut w = String::new();
    std::iter::once(&ent.name)
        .chain(&ent.aliases)
        .chain(&ent.short_aliases)
        .flat_map(|n| n.split([' ', '-']))
        .any(|word| {
            w.clear();
            crate::syntax::token::fold_into(word, &mut w);
            let n = g.chars().count().min(w.chars().count());
            // Short forms share the start (`Willi` for `Wilhelm`, `Alex` for `Alexander`).
            w == g
                || (n >= 4 && w.chars().take(3).eq(g.chars().take(3)))
                || (n >= 3 && (w.starts_with(g.as_str()) || g.starts_with(w.as_str())))
                || strsim::levenshtein(&w, &g) <= if n >= 5 { 2 } else { 1 }
        })
}

/// Removes the hits of persons' one-word names that name a namesake (see the module's text).
fn drop_namesakes(gaz: &Gazetteer, text: &str, hits: &mut Vec<Hit>) {
    let person = |h: &Hit| h.candidates.iter().all(|c| gaz.entity(c.entity).kind == Kind::Person);
    let one_word = |h: &Hit| !h.span.slice(text).contains(' ');
    // Per hit: a first name of someone else before it (`Peter Stöger`), or the hit is itself a
    // first name read as a genitive (`Hans`).
    let mut other_first_name = vec![false; hits.len()];
    let mut first_name_genitive = vec![false; hits.len()];
    for (k, h) in hits.iter().enumerate() {
        if !person(h) || !one_word(h) {
            continue;
        }
        let before = text.get(..h.span.start).and_then(|b| b.strip_suffix(' '));
        let given = before.and_then(|b| {
            let w = last_word(b);
            (!w.contains('-') && first_name(w) && !modified_noun(&b[..b.len() - w.len()])).then_some(w)
        });
        other_first_name[k] = given.is_some_and(|g| h.candidates.iter().all(|c| !own_first_name(gaz, c.entity, g)));
        first_name_genitive[k] = h.inflection == Inflection::Genitive && first_name(h.span.slice(text));
    }
    if !other_first_name.iter().chain(&first_name_genitive).any(|&x| x) {
        return;
    }
    let entities = |h: &Hit| h.candidates.iter().map(|c| c.entity).collect::<Vec<_>>();
    let named_in_full: std::collections::BTreeSet<_> = hits
        .iter()
        .filter(|h| person(h) && !one_word(h))
        .flat_map(entities)
        .collect();
    // Persons a namesake shadows: the document never names them in full.
    let shadowed: std::collections::BTreeSet<_> = hits
        .iter()
        .enumerate()
        .filter(|&(k, _)| other_first_name[k] || first_name_genitive[k])
        .flat_map(|(_, h)| entities(h))
        .filter(|e| !named_in_full.contains(e))
        .collect();
    let mut k = 0;
    hits.retain(|h| {
        let drop =
            other_first_name[k] || (person(h) && one_word(h) && entities(h).iter().all(|e| shadowed.contains(e)));
        k += 1;
        !drop
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_words_are_capitalised_and_unknown() {
        assert!(foreign_name_word("Galatasaray"));
        assert!(foreign_name_word("Monkeys"));
        assert!(!foreign_name_word("Bürgermeister"));
        assert!(!foreign_name_word("Hauptstadt"));
        assert!(!foreign_name_word("ORF"));
        assert!(!foreign_name_word("galatasaray"));
    }

    #[test]
    fn markers_sit_on_word_boundaries() {
        assert!(ends_with_marker("beim FK", "FK"));
        assert!(!ends_with_marker("beim XFK", "FK"));
        assert!(starts_with_marker("United gewann", "United"));
        assert!(!starts_with_marker("Unitedly", "United"));
    }
}
