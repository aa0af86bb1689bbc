//! Finding gazetteer names in text the way German writes them.
//!
//! At build time every surface form of every entity becomes one normalised pattern of a single
//! aho-corasick automaton: aliases and short aliases as given, adjective stems with the endings
//! `-e -en -er -es -em`, demonyms with their plural and feminine forms. Each pattern remembers
//! its entities and the rule that made it.
//!
//! At search time all (overlapping) pattern hits are checked against the ORIGINAL text:
//! - left boundary: the character before must not be a letter or digit (`Oman` not in `Romane`);
//! - case: an alias written with a capital matches only capitalised text (`Kim`, not `kim`);
//!   an all-caps alias of up to five letters matches only all-caps text (`US`, `AP`, `WHO`);
//! - right side: a non-alphanumeric character (space, punctuation, hyphen: `Russland-Besuch`),
//!   or an inflection: genitive `-s` (`Putins`), `-es` for non-persons (`Sicherheitsrates`),
//!   `-er`/`-ern` for cities (`Moskauer`), or a closed compound whose tail is a known word
//!   (`Kremlsprecher`; `data/de/compound_tails.txt`). Adjective and demonym forms are exact.
//!
//! Then, leftmost-longest over the VALID hits: a rejected long hit never hides a valid shorter
//! one at the same place.

use crate::gazetteer::{EntityIdx, Gazetteer, Kind};
use crate::normalize::{Normalized, normalize_pattern};
use crate::span::Span;
use aho_corasick::MatchKind;
use aho_corasick::automaton::Automaton as _;

pub mod scan;

/// Which list of the gazetteer record a form came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// `aliases`.
    Alias,
    /// `short_aliases`.
    Short,
    /// `adjectives` with an ending.
    Adjective,
    /// `demonyms` and their forms.
    Demonym,
}

/// How the text extends the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Inflection {
    /// Exactly the form.
    None,
    /// Genitive `-s`/`-es`.
    Genitive,
    /// City adjective `-er`/`-ern` (`Moskauer`).
    CityAdjective,
    /// First part of a hyphenated compound (`Russland-Besuch`).
    Hyphenated,
    /// Head of a closed compound (`Kremlsprecher`).
    Compound,
}

/// Case policy of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Any,
    UpperFirst,
    AllCaps,
}

#[derive(Debug, Clone)]
struct Entry {
    entity: EntityIdx,
    form: Form,
    case: Case,
    kind: Kind,
    /// The form ends in s, x, z or ß: no `-s` genitive (written with an apostrophe instead).
    sibilant: bool,
    /// An adjective stem without ending (`russisch`): capitalised inside a sentence it is the
    /// language or a surname (`auf Deutsch`, `Oskar Deutsch`), not the country.
    bare_adjective: bool,
    /// A city's stem that only its adjective uses (`Mailänd` of `Mailänder`, `Münchn` of
    /// `Münchner`): it matches only with the adjective's ending.
    adjective_stem: bool,
    /// The form as the gazetteer writes it, lower case: where entities differ only by diacritics
    /// (which normalisation folds), the one written exactly as in the text wins.
    raw: Box<str>,
}

/// One candidate reading of a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// The entity.
    pub entity: EntityIdx,
    /// Which list the form came from.
    pub form: Form,
}

/// A validated hit: a span of the original text with every entity it may name.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Where, in the original text.
    pub span: Span,
    /// Candidate entities (sorted, at least one).
    pub candidates: Vec<Candidate>,
    /// How the text extends the form.
    pub inflection: Inflection,
}

/// The automaton of the names: a DFA for the patterns of a gazetteer of ordinary size, a
/// contiguous NFA above [`DFA_MAX_PATTERNS`]; searched with [`scan::overlapping`].
#[derive(Debug, Clone)]
enum Automaton {
    Dfa(aho_corasick::dfa::DFA),
    Nfa(aho_corasick::nfa::contiguous::NFA),
}

/// Compiled matcher over a gazetteer. Immutable, `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: Automaton,
    entries: Vec<Vec<Entry>>,
    tails: Vec<String>,
    /// `pro`, `anti` (data/de/adjective_prefixes.txt).
    adjective_prefixes: Vec<String>,
    patterns: usize,
}

/// Up to this many patterns the matcher compiles a DFA, above it a contiguous NFA (the bundled
/// gazetteer has about 20,000).
const DFA_MAX_PATTERNS: usize = 100_000;

/// The automaton of `texts` (distinct, non-empty, sorted): a DFA up to [`DFA_MAX_PATTERNS`],
/// else a contiguous NFA.
fn build_automaton(texts: &[Box<str>]) -> Automaton {
    // A DFA is the fastest search, but its memory grows with patterns × byte classes: for
    // large gazetteers (hundreds of thousands of entities) it takes gigabytes and many
    // seconds to build, where a contiguous NFA takes a tenth of both and searches only a
    // little slower.
    // No prefilter: with thousands of patterns aho-corasick finds none that helps, and the
    // scan loop walks every byte anyway.
    if texts.len() <= DFA_MAX_PATTERNS {
        Automaton::Dfa(
            aho_corasick::dfa::Builder::new()
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(texts.iter().map(|t| t.as_bytes()))
                .expect("patterns are non-empty and few enough for aho-corasick"),
        )
    } else {
        Automaton::Nfa(
            aho_corasick::nfa::contiguous::Builder::new()
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(texts.iter().map(|t| t.as_bytes()))
                .expect("patterns are non-empty and few enough for aho-corasick"),
        )
    }
}

const ADJ_ENDINGS: [&str; 6] = ["", "e", "en", "er", "es", "em"];

fn case_of(form: &str) -> Case {
    // Letters counted up to six, without collecting them (a form of a large gazetteer is rarely
    // short).
    let (mut letters, mut upper) = (0usize, true);
    for c in form.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper &= c.is_uppercase();
        if letters > 5 {
            break;
        }
    }
    if (2..=5).contains(&letters) && upper && form.chars().count() <= 6 {
        Case::AllCaps
    } else if form.chars().next().is_some_and(char::is_uppercase) {
        Case::UpperFirst
    } else {
        Case::Any
    }
}

/// German demonym forms: `Russe` → Russe, Russen, Russin, Russinnen; `Amerikaner` → Amerikaner,
/// Amerikanern, Amerikaners, Amerikanerin, Amerikanerinnen; others → base and `-s`.
pub fn demonym_forms(base: &str) -> Vec<String> {
    let b = base.trim();
    if let Some(stem) = b.strip_suffix('e') {
        vec![b.into(), format!("{b}n"), format!("{stem}in"), format!("{stem}innen")]
    } else if b.ends_with("er") {
        vec![
            b.into(),
            format!("{b}n"),
            format!("{b}s"),
            format!("{b}in"),
            format!("{b}innen"),
        ]
    } else {
        vec![b.into(), format!("{b}s")]
    }
}

/// The stems of a city's adjective that its name does not begin (the regular `Moskau` →
/// `Moskauer` needs none): `-and` takes an umlaut (`Mailand` → `Mailänder`), `-en` drops its `e`
/// where the German dictionary knows the adjective (`München` → `Münchner`, `Dresden` →
/// `Dresdner`; not `Essen` → `Essner`).
fn city_adjective_stems(alias: &str) -> Vec<String> {
    if alias.contains(' ') {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(stem) = alias.strip_suffix("and") {
        out.push(format!("{stem}änd"));
    }
    if let Some(stem) = alias.strip_suffix("en") {
        let stem = format!("{stem}n");
        if crate::gazetteer::ordinary::zipf(&format!("{stem}er")).is_some() {
            out.push(stem);
        }
    }
    out
}

/// What a form of an entity stands for, without its text: an [`Entry`] once the form is known.
#[derive(Clone, Copy)]
struct FormOf {
    entity: EntityIdx,
    form: Form,
    /// The case policy; `None`: the form's own ([`case_of`], computed only where needed).
    case: Option<Case>,
    kind: Kind,
    bare_adjective: bool,
    adjective_stem: bool,
}

impl FormOf {
    fn entry(self, raw: &str, case: Case) -> Entry {
        Entry {
            raw: raw.to_lowercase().into_boxed_str(),
            entity: self.entity,
            form: self.form,
            case,
            kind: self.kind,
            sibilant: raw.ends_with(['s', 'x', 'z', 'ß', 'S', 'X', 'Z']),
            bare_adjective: self.bare_adjective,
            adjective_stem: self.adjective_stem,
        }
    }
}

/// Calls `f` with every surface form of every entity (as written, before normalisation), in
/// gazetteer order: aliases (and a city's adjective stems), short aliases, adjectives with their
/// endings, demonym forms.
fn each_form(gaz: &Gazetteer, mut f: impl FnMut(&str, FormOf)) {
    for (i, e) in gaz.entities().iter().enumerate() {
        let of = |form: Form, case: Option<Case>| FormOf {
            entity: i as EntityIdx,
            form,
            case,
            kind: e.kind,
            bare_adjective: false,
            adjective_stem: false,
        };
        for a in &e.aliases {
            f(a, of(Form::Alias, None));
            if e.kind == Kind::City {
                for stem in city_adjective_stems(a) {
                    f(
                        &stem,
                        FormOf {
                            adjective_stem: true,
                            ..of(Form::Alias, Some(Case::UpperFirst))
                        },
                    );
                }
            }
        }
        for a in &e.short_aliases {
            f(a, of(Form::Short, None));
        }
        let mut buf = String::new();
        for stem in &e.adjectives {
            for end in ADJ_ENDINGS {
                buf.clear();
                buf.push_str(stem.trim());
                buf.push_str(end);
                f(
                    &buf,
                    FormOf {
                        bare_adjective: end.is_empty(),
                        ..of(Form::Adjective, Some(Case::Any))
                    },
                );
            }
        }
        for d in &e.demonyms {
            for form in demonym_forms(d) {
                f(&form, of(Form::Demonym, Some(Case::UpperFirst)));
            }
        }
    }
}

/// The normalised pattern of a form (as [`normalize_pattern`]), in `norm`'s reused buffers;
/// empty when the form has nothing to match.
fn pattern<'n>(norm: &'n mut Normalized, raw: &str) -> &'n str {
    norm.fill(raw);
    norm.text.trim_matches(' ')
}

impl Matcher {
    /// Compiles the gazetteer into one automaton.
    ///
    /// The automaton is built on a second thread from the sorted distinct patterns while this one
    /// makes the entries of each pattern: with hundreds of thousands of aliases the automaton is
    /// most of the start-up, and the entries no longer wait for it.
    pub fn new(gaz: &Gazetteer) -> Matcher {
        // Every form's pattern, in the order `each_form` gives them (empty ones left out).
        let mut norm = Normalized::default();
        let mut forms: Vec<Box<str>> = Vec::new();
        // Which forms have a pattern, so that they are not normalised again for their entries.
        let mut matchable: Vec<bool> = Vec::new();
        each_form(gaz, |raw, _| {
            let pat = pattern(&mut norm, raw);
            matchable.push(!pat.is_empty());
            if !pat.is_empty() {
                forms.push(pat.into());
            }
        });
        // Patterns in byte order: the trie is then built along shared prefixes, which takes a
        // third of the time for hundreds of thousands of patterns (the order does not change
        // what is found). Ties keep the forms' order, so a pattern's entries keep it too.
        let mut order: Vec<u32> = (0..forms.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| forms[a as usize].cmp(&forms[b as usize]).then(a.cmp(&b)));
        let mut pattern_of: Vec<u32> = vec![0; forms.len()];
        let mut texts: Vec<Box<str>> = Vec::new();
        for &k in &order {
            let pat = &mut forms[k as usize];
            if texts.last() != Some(pat) {
                texts.push(std::mem::take(pat));
            }
            pattern_of[k as usize] = texts.len() as u32 - 1;
        }
        // Only the distinct patterns are kept while the automaton is built.
        drop(order);
        drop(forms);
        let patterns = texts.len();
        std::thread::scope(|scope| {
            let automaton = scope.spawn(|| build_automaton(&texts));
            // Meanwhile the entries of each pattern, in the forms' order.
            let mut entries: Vec<Vec<Entry>> = vec![Vec::new(); patterns];
            let (mut k, mut seen) = (0usize, 0usize);
            each_form(gaz, |raw, of| {
                seen += 1;
                if !matchable[seen - 1] {
                    return;
                }
                let list = &mut entries[pattern_of[k] as usize];
                k += 1;
                let case = of.case.unwrap_or_else(|| case_of(raw));
                if !list
                    .iter()
                    .any(|e| e.entity == of.entity && e.form == of.form && e.case == case)
                {
                    list.push(of.entry(raw, case));
                }
            });
            for list in &mut entries {
                list.sort_by_key(|e| (e.entity, e.form));
            }
            let tails = crate::word_list(include_str!("../../data/de/compound_tails.txt"))
                .map(normalize_pattern)
                .collect();
            // A prefix with anything but letters could never begin a run of letters.
            let adjective_prefixes = crate::word_list(include_str!("../../data/de/adjective_prefixes.txt"))
                .filter(|p| p.chars().all(char::is_alphabetic))
                .map(String::from)
                .collect();
            let ac = automaton.join().expect("the automaton build does not panic");
            Matcher {
                ac,
                entries,
                tails,
                adjective_prefixes,
                patterns,
            }
        })
    }

    /// Number of distinct normalised patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.patterns
    }

    /// Heap bytes used by the automaton.
    pub fn memory_usage(&self) -> usize {
        match &self.ac {
            Automaton::Dfa(a) => a.memory_usage(),
            Automaton::Nfa(a) => a.memory_usage(),
        }
    }

    /// All hits in `text` (sorted, non-overlapping), given its normalisation `norm`.
    pub fn find(&self, text: &str, norm: &Normalized) -> Vec<Hit> {
        self.collect(text, norm, |on_hit| match &self.ac {
            Automaton::Dfa(a) => scan::overlapping(a, norm.text.as_bytes(), on_hit),
            Automaton::Nfa(a) => scan::overlapping(a, norm.text.as_bytes(), on_hit),
        })
    }

    /// [`Matcher::find`], and in the same walk over the normalised text the matches of `other`
    /// (unanchored, no empty pattern), given to `on_other` as [`scan::overlapping`] would: the
    /// relation gate's words are found with the names, the text read once.
    pub fn find_also<B: aho_corasick::automaton::Automaton + ?Sized>(
        &self,
        text: &str,
        norm: &Normalized,
        other: &B,
        on_other: impl FnMut(aho_corasick::PatternID, usize, usize),
    ) -> Vec<Hit> {
        self.collect(text, norm, |on_hit| match &self.ac {
            Automaton::Dfa(a) => scan::overlapping2(a, other, norm.text.as_bytes(), on_hit, on_other),
            Automaton::Nfa(a) => scan::overlapping2(a, other, norm.text.as_bytes(), on_hit, on_other),
        })
    }

    /// The valid hits of the names' matches that `scan` reports, leftmost-longest.
    fn collect(
        &self,
        text: &str,
        norm: &Normalized,
        scan: impl FnOnce(&mut dyn FnMut(aho_corasick::PatternID, usize, usize)),
    ) -> Vec<Hit> {
        let mut valid: Vec<Hit> = Vec::new();
        let mut on_hit = |pattern: aho_corasick::PatternID, s: usize, e: usize| {
            if !norm.starts_char(s) || !norm.starts_char(e) {
                return;
            }
            // Most hits of the overlapping scan lie inside a word: they are dropped before their
            // span is mapped back.
            let os = norm.map[s] as usize;
            let glued = match text.as_bytes()[..os].last() {
                None => false,
                Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
                Some(_) => text[..os].chars().next_back().is_some_and(char::is_alphanumeric),
            };
            // `prorussische`: an adjective after a prefix of data/de/adjective_prefixes.txt.
            if glued && !self.adjective_after_prefix(text, os) {
                return;
            }
            let (os, oe) = norm.original_span(text, s, e);
            if let Some(mut hit) = self.validate(text, os, oe, &self.entries[pattern.as_usize()]) {
                if glued {
                    hit.candidates.retain(|c| c.form == Form::Adjective);
                    if hit.candidates.is_empty() {
                        return;
                    }
                }
                valid.push(hit);
            }
        };
        scan(&mut on_hit);
        // Leftmost-longest over valid hits.
        valid.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
        let mut out: Vec<Hit> = Vec::with_capacity(valid.len());
        for h in valid {
            if out.last().is_none_or(|l| h.span.start >= l.span.end) {
                out.push(h);
            }
        }
        out
    }

    fn validate(&self, text: &str, os: usize, oe: usize, entries: &[Entry]) -> Option<Hit> {
        let matched = &text[os..oe];
        let rest = &text[oe..];
        let cont_len: usize = rest
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .map(char::len_utf8)
            .sum();
        let cont = &rest[..cont_len];
        let after = rest[cont_len..].chars().next();
        let first_upper = matched.chars().next().is_some_and(char::is_uppercase);
        let all_caps = matched.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let mut inflection = None;
        let mut candidates = Vec::new();
        let tail = std::cell::OnceCell::new();
        for e in entries {
            let case_ok = match e.case {
                Case::Any => true,
                Case::UpperFirst => first_upper,
                Case::AllCaps => all_caps,
            };
            if !case_ok
                || (e.bare_adjective && first_upper && !sentence_initial(text, os))
                || (e.adjective_stem && cont != "er" && cont != "ern")
            {
                continue;
            }
            let infl = if cont.is_empty() {
                if after == Some('-') || rest.starts_with(['\u{2010}', '\u{2011}']) {
                    Some(Inflection::Hyphenated)
                } else {
                    Some(Inflection::None)
                }
            } else {
                match e.form {
                    Form::Adjective | Form::Demonym => None,
                    _ if e.case == Case::AllCaps => None,
                    _ => self.alias_suffix(cont, e, &tail),
                }
            };
            let Some(infl) = infl else { continue };
            // All readings of one hit share its span; keep the plainest inflection.
            inflection = Some(inflection.map_or(infl, |i: Inflection| i.min(infl)));
            candidates.push((
                Candidate {
                    entity: e.entity,
                    form: e.form,
                },
                &e.raw,
            ));
        }
        // A form matched only with its diacritics folded (`Malé` as `Male`) that is a German word
        // as written is that word (`zum ersten Male`).
        if !matched.is_ascii() || candidates.iter().any(|c| !c.1.is_ascii()) {
            let written = matched.to_lowercase();
            if candidates.iter().all(|c| c.1.as_ref() != written.as_str())
                && crate::gazetteer::ordinary::zipf(&written).is_some()
            {
                return None;
            }
        }
        // Entities that differ only by diacritics: the one written exactly as in the text wins.
        if candidates.iter().any(|c| c.0.entity != candidates[0].0.entity) {
            let written = matched.to_lowercase().into_boxed_str();
            if candidates.iter().any(|c| c.1.as_ref() == written.as_ref())
                && candidates.iter().any(|c| c.1.as_ref() != written.as_ref())
            {
                let exact: Vec<EntityIdx> = candidates
                    .iter()
                    .filter(|c| c.1.as_ref() == written.as_ref())
                    .map(|c| c.0.entity)
                    .collect();
                candidates.retain(|c| exact.contains(&c.0.entity));
            }
        }
        let mut candidates: Vec<Candidate> = candidates.into_iter().map(|c| c.0).collect();
        candidates.dedup();
        let inflection = inflection?;
        // A genitive or city adjective is part of the word that names the entity (`Putins`,
        // `Moskauer`); a compound's tail is not (`Kreml` in `Kremlsprecher`).
        let end = match inflection {
            Inflection::Genitive | Inflection::CityAdjective => oe + cont_len,
            _ => oe,
        };
        Some(Hit {
            span: Span::new(os, end),
            candidates,
            inflection,
        })
    }

    /// True when the word around `at` begins with a prefix of `adjective_prefixes` that ends at
    /// `at`, and a lower-case letter follows (an adjective, not a name).
    fn adjective_after_prefix(&self, text: &str, at: usize) -> bool {
        // The word begins with the prefix when the prefix ends at `at` and no letter stands
        // before it (the prefixes are letters only): no walk back over the word.
        text[at..].chars().next().is_some_and(char::is_lowercase)
            && self.adjective_prefixes.iter().any(|p| {
                at >= p.len()
                    && text.is_char_boundary(at - p.len())
                    && text[at - p.len()..at].eq_ignore_ascii_case(p)
                    && !text[..at - p.len()]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic)
            })
    }

    fn alias_suffix(&self, cont: &str, e: &Entry, tail: &std::cell::OnceCell<bool>) -> Option<Inflection> {
        if cont == "s" && !e.sibilant {
            return Some(Inflection::Genitive);
        }
        if cont == "es" && e.kind != Kind::Person && !e.sibilant {
            return Some(Inflection::Genitive);
        }
        if (cont == "er" || cont == "ern") && e.kind == Kind::City {
            return Some(Inflection::CityAdjective);
        }
        // The same for every entry of a hit: folded and compared once.
        let compound = *tail.get_or_init(|| {
            cont.chars().next().is_some_and(char::is_lowercase) && {
                if cont.is_ascii() {
                    // ASCII letters and digits normalise to their lower case: compared byte by
                    // byte, without a normalised copy of the word.
                    let c = cont.as_bytes();
                    self.tails
                        .iter()
                        .any(|t| t.len() <= c.len() && t.bytes().zip(c).all(|(a, &b)| a == b.to_ascii_lowercase()))
                } else {
                    let lc = normalize_pattern(cont);
                    self.tails.iter().any(|t| lc.starts_with(t.as_str()))
                }
            }
        });
        compound.then_some(Inflection::Compound)
    }
}

/// True when `at` starts a sentence, a line or a quotation (a capital there says nothing).
fn sentence_initial(text: &str, at: usize) -> bool {
    match text[..at].trim_end_matches([' ', '\t']).chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | '\n' | '"' | '„' | '“' | '»' | '«' | '(' | '–' | '—'
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonym_forms_follow_german_patterns() {
        assert_eq!(demonym_forms("Russe"), ["Russe", "Russen", "Russin", "Russinnen"]);
        assert_eq!(demonym_forms("Amerikaner")[4], "Amerikanerinnen");
    }

    fn entities_at(m: &Matcher, text: &str) -> Vec<(String, Vec<EntityIdx>)> {
        m.find(text, &Normalized::new(text))
            .into_iter()
            .map(|h| {
                (
                    h.span.slice(text).to_string(),
                    h.candidates.iter().map(|c| c.entity).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn diacritics_fold_and_the_exact_spelling_wins() {
        let src = r#"[
            (id: "ayse-celik", kind: Person, name: "Ayse Celik", aliases: ["Ayse Celik"]),
            (id: "ayse-celik-2", kind: Person, name: "Ayşe Çelik", aliases: ["Ayşe Çelik"]),
            (id: "lech-walesa", kind: Person, name: "Lech Wałęsa", aliases: ["Lech Wałęsa"]),
        ]"#;
        let gaz = Gazetteer::from_sources(&[(std::path::Path::new("t.ron"), src)]).unwrap();
        let m = Matcher::new(&gaz);
        // Written with some, all or none of its diacritics: the one Wałęsa, span as written.
        for text in ["Lech Wałesa kam.", "Lech Wałęsa kam.", "Lech Walesa kam."] {
            assert_eq!(
                entities_at(&m, text),
                [(text[..text.len() - 5].to_string(), vec![2])],
                "{text}"
            );
        }
        assert_eq!(
            entities_at(&m, "Ayşe Çelik kam."),
            [("Ayşe Çelik".to_string(), vec![1])]
        );
        assert_eq!(
            entities_at(&m, "Ayse Celik kam."),
            [("Ayse Celik".to_string(), vec![0])]
        );
        // Neither spelling as written: both stay candidates.
        assert_eq!(
            entities_at(&m, "Ayse Çelik kam."),
            [("Ayse Çelik".to_string(), vec![0, 1])]
        );
    }
}
