//! `newskg gazetteer check` and `newskg gazetteer suggest`: what a user extending a gazetteer
//! needs to know about it, and which names a corpus mentions that it lacks.

use super::{Gazetteer, Loaded};
use crate::input::Document;
use crate::matching::Matcher;
use crate::normalize::{Normalized, normalize_pattern};
use std::collections::{BTreeMap, BTreeSet};

/// One finding of `gazetteer check`, placed at the record it concerns.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    /// `file:line:col` of the record.
    pub at: String,
    /// What was found.
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

fn site(loaded: &Loaded, id: &str) -> String {
    loaded
        .sites
        .get(id)
        .map_or_else(|| id.to_string(), |(f, l, c)| format!("{}:{l}:{c}", f.display()))
}

/// Everything `gazetteer check` reports beyond syntax and schema problems (which fail loading):
/// aliases several entities share, aliases taken from an earlier layer, persons' aliases that are
/// ordinary German words, and entities no alias of which can name on its own.
pub fn check(loaded: &Loaded) -> Vec<Finding> {
    let g = &loaded.gazetteer;
    let mut out = Vec::new();
    let mut by_alias: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for e in g.entities() {
        for a in e.aliases.iter().chain(&e.short_aliases) {
            by_alias.entry(normalize_pattern(a)).or_default().insert(&e.id);
        }
    }
    for e in g.entities() {
        let at = site(loaded, &e.id);
        let mut shared: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for a in &e.aliases {
            if let Some(ids) = by_alias.get(&normalize_pattern(a)) {
                let others: Vec<&str> = ids.iter().copied().filter(|i| *i != e.id).collect();
                if !others.is_empty() {
                    shared.insert(a, others);
                }
            }
        }
        for (a, others) in shared {
            out.push(Finding {
                at: at.clone(),
                message: format!(
                    "alias {a:?} of {} is shared with {}: it links only where the document names one of them in full, or by `prior`",
                    e.id,
                    others.join(", ")
                ),
            });
        }
        for a in &e.ordinary_aliases {
            let z = super::ordinary::zipf(a).unwrap_or(0.0);
            out.push(Finding {
                at: at.clone(),
                message: format!(
                    "alias {a:?} of {} is an ordinary German word (Zipf {z:.1}): it names {} only after a full mention or a title (`Minister {a}`)",
                    e.id, e.id
                ),
            });
        }
        let matchable = e.aliases.iter().any(|a| !normalize_pattern(a).is_empty());
        if !matchable {
            let why = if e.short_aliases.is_empty() {
                "no alias of it can match any text".to_string()
            } else {
                format!(
                    "it has only short or ordinary-word aliases ({}): add a full name",
                    e.short_aliases.join(", ")
                )
            };
            out.push(Finding {
                at,
                message: format!("{} is never named on its own: {why}", e.id),
            });
        }
    }
    for t in &loaded.taken_aliases {
        let (f, l, c) = &t.at;
        out.push(Finding {
            at: format!("{}:{l}:{c}", f.display()),
            message: format!(
                "alias {:?} of {} is also an alias of {} in an earlier gazetteer: that form no longer names {} on its own",
                t.alias, t.by, t.from, t.from
            ),
        });
    }
    out.sort();
    out
}

/// A person name the corpus writes next to a title that no entity covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The name as written (`Laurent Fabius`).
    pub name: String,
    /// How often it stands after a title.
    pub count: usize,
    /// One title it stood after (`Außenminister`).
    pub title: String,
}

impl Suggestion {
    /// A RON record ready to paste into a gazetteer file, with a comment saying why.
    pub fn to_ron(&self) -> String {
        let german = self
            .name
            .replace('ä', "ae")
            .replace('ö', "oe")
            .replace('ü', "ue")
            .replace('Ä', "Ae")
            .replace('Ö', "Oe")
            .replace('Ü', "Ue");
        let id: String = normalize_pattern(&german)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let surname = self.name.rsplit(' ').next().unwrap_or(&self.name);
        format!(
            "(id: {id:?}, kind: Person, name: {:?}, aliases: [{:?}, {surname:?}]), // {}× after a title, e.g. \"{} {}\"",
            self.name, self.name, self.count, self.title, self.name
        )
    }
}

/// A capitalised word that may be part of a person's name: no German word, no digits.
fn name_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !w.chars().all(|c| c.is_uppercase() || c == '-')
        && super::ordinary::zipf(w).is_none()
}

/// Collects names of two or three words right after a person noun (`Außenminister Laurent
/// Fabius`, `Präsident Ivica Dačić`) that no entity of the gazetteer covers, one document at a
/// time (memory grows with the distinct names, not with the corpus).
pub struct Suggester {
    matcher: Matcher,
    found: BTreeMap<String, (usize, String)>,
    norm: Normalized,
}

impl Suggester {
    /// A suggester for `gaz`.
    pub fn new(gaz: &Gazetteer) -> Suggester {
        Suggester {
            matcher: Matcher::new(gaz),
            found: BTreeMap::new(),
            norm: Normalized::default(),
        }
    }

    /// Reads one document.
    pub fn add(&mut self, doc: &Document) {
        let lex = crate::syntax::lexicon::Lexicon::get();
        let text = doc.text.as_str();
        self.norm.fill(text);
        let hits = self.matcher.find(text, &self.norm);
        let covered = |s: usize, e: usize| hits.iter().any(|h| h.span.start < e && s < h.span.end);
        // Words (split at whitespace) with their byte offsets.
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    words.push((s, &text[s..i]));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            words.push((s, &text[s..]));
        }
        for k in 0..words.len() {
            let raw = words[k].1;
            let title = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if title.is_empty() || raw.ends_with([',', '.', ':', ';']) || !lex.is_title_word(title) {
                continue;
            }
            let mut parts = Vec::new();
            for &(at, w) in words.iter().skip(k + 1).take(3) {
                let clean = w.trim_end_matches([',', '.', ':', ';', ')', '"', '“', '«']);
                if !name_word(clean) || covered(at, at + clean.len()) {
                    break;
                }
                parts.push(clean);
                if clean.len() != w.len() {
                    break;
                }
            }
            if parts.len() >= 2 {
                let slot = self.found.entry(parts.join(" ")).or_insert((0, title.to_string()));
                slot.0 += 1;
            }
        }
    }

    /// The names seen at least `min` times, most frequent first (ties by name).
    pub fn finish(self, min: usize) -> Vec<Suggestion> {
        let mut out: Vec<Suggestion> = self
            .found
            .into_iter()
            .filter(|(_, (n, _))| *n >= min)
            .map(|(name, (count, title))| Suggestion { name, count, title })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        out
    }
}
