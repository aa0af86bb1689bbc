//! From hits to entities: who each mention names, or why it stays ambiguous.
//!
//! 1. A hit with one candidate entity through an alias, adjective or demonym is linked.
//! 2. Entities named in the document by an unambiguous full alias are *supported*.
//! 3. A short alias (`Kim`, `Choe`) or an alias shared by several entities links to the one
//!    supported candidate (`coreference`). Among several supported candidates, those dead at the
//!    document date (undated: the latest year the text names; none: nobody) drop out (`Kim` in a 2023 report is not Kim Il Sung, though the report names
//!    him); if several living ones remain, the one named in full last before the mention wins;
//!    with none named before it, the mention is ambiguous.
//! 4. With no support, a shared FULL alias names the one place among persons after `in`, `nach`
//!    or `aus` (`in Victoria`), else may still link by a clear prior (≥ 0.5 and 0.3 above the next
//!    candidate); a short alias never does.
//! 5. Everything else is reported as [`AmbiguousMention`] with its candidates, never guessed.

use crate::date::PartialDate;
use crate::gazetteer::{EntityIdx, Gazetteer};
use crate::matching::{Form, Hit, Inflection};
use crate::span::Span;
use std::collections::{BTreeMap, BTreeSet};

pub mod names;
pub mod references;

/// How a mention was found and linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Via {
    /// An alias, as written.
    Alias,
    /// An alias with an inflection (genitive `Putins`, `Sicherheitsrates`).
    Inflection,
    /// An adjective (`russische`) or a city adjective (`Moskauer`).
    Adjective,
    /// A demonym (`Russen`).
    Demonym,
    /// The head of a compound (`Kremlsprecher`, `Russland-Besuch`).
    Compound,
    /// A short or shared alias resolved by a full mention in the same document.
    Coreference,
    /// A short alias (or a surname that is an ordinary word) right after a person noun
    /// (`Verteidigungsminister Klug`).
    Title,
    /// A shared alias resolved by the gazetteer's prior.
    Prior,
    /// A name shared by a place and persons none of whom the document names in full, after a
    /// preposition of place (`in Victoria`).
    Place,
    /// A role description resolved through the gazetteer's dated roles
    /// (`der russische Außenminister`).
    Role,
}

impl Via {
    /// The label used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Alias => "alias",
            Via::Inflection => "inflection",
            Via::Adjective => "adjective",
            Via::Demonym => "demonym",
            Via::Compound => "compound",
            Via::Coreference => "coreference",
            Via::Title => "title",
            Via::Prior => "prior",
            Via::Place => "place",
            Via::Role => "role",
        }
    }

    /// True for adjective and demonym mentions, which name an entity's people or qualities
    /// rather than the entity itself.
    pub fn is_attributive(self) -> bool {
        matches!(self, Via::Adjective | Via::Demonym)
    }
}

/// A linked mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    /// Where, in the original text.
    pub span: Span,
    /// The entity.
    pub entity: EntityIdx,
    /// How it was found.
    pub via: Via,
    /// Written in the genitive (`Putins`, `Kims`): attached to a noun, never a subject.
    pub genitive: bool,
}

/// A mention that names one of several entities and could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmbiguousMention {
    /// Where, in the original text.
    pub span: Span,
    /// Every entity it may name, sorted by id.
    pub candidates: Vec<EntityIdx>,
    /// Why it was not resolved.
    pub reason: &'static str,
}

fn via_of(form: Form, infl: Inflection) -> Via {
    match (form, infl) {
        (Form::Adjective, _) | (_, Inflection::CityAdjective) => Via::Adjective,
        (Form::Demonym, _) => Via::Demonym,
        (_, Inflection::Compound | Inflection::Hyphenated) => Via::Compound,
        (_, Inflection::Genitive) => Via::Inflection,
        _ => Via::Alias,
    }
}

/// True when the word right before `start` is a person noun (`Verteidigungsminister Klug`,
/// `ÖVP-Chef Kurz`): the text itself says a person is named.
fn titled(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else { return false };
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() || before.len() - trimmed.len() > 1 {
        return false;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    crate::syntax::lexicon::Lexicon::get().is_title_word(&trimmed[word_start..])
}

/// The hit at `start..end` labels a turn of an interview: it opens a sentence (or the text) and
/// a colon and a space follow it (`? Hofer: Nein.`).
fn turn_label(text: &str, start: usize, end: usize) -> bool {
    let opens = text.get(..start).is_some_and(|b| {
        let b = b.trim_end_matches(' ');
        b.is_empty() || b.ends_with(['.', '?', '!', '"', '\n'])
    });
    opens && text.get(end..).is_some_and(|a| a.starts_with(": "))
}

/// Links hits of one document. `text` is the document's text (spans point into it), `date` its
/// date.
pub fn link(
    gaz: &Gazetteer,
    text: &str,
    hits: &[Hit],
    date: Option<&PartialDate>,
) -> (Vec<Mention>, Vec<AmbiguousMention>) {
    let support: BTreeSet<EntityIdx> = hits
        .iter()
        .filter(|h| h.candidates.iter().all(|c| c.entity == h.candidates[0].entity))
        .filter(|h| h.candidates.iter().any(|c| c.form == Form::Alias))
        .map(|h| h.candidates[0].entity)
        .collect();
    // An interview labels the answers with a short name (`Hofer: Nein.`): a short name of one
    // entity that labels at least two turns names that person, as a full mention would.
    let mut labels: BTreeMap<EntityIdx, usize> = BTreeMap::new();
    for h in hits {
        let e = h.candidates[0].entity;
        if h.candidates.iter().all(|c| c.entity == e) && turn_label(text, h.span.start, h.span.end) {
            *labels.entry(e).or_default() += 1;
        }
    }
    let support: BTreeSet<EntityIdx> = support
        .into_iter()
        .chain(labels.into_iter().filter(|&(_, n)| n >= 2).map(|(e, _)| e))
        .collect();
    // Where each supported entity is named in full, for short names that several share.
    let mut full_at: Vec<(usize, EntityIdx)> = hits
        .iter()
        .filter(|h| h.candidates.iter().all(|c| c.entity == h.candidates[0].entity))
        .filter(|h| h.candidates.iter().any(|c| c.form == Form::Alias))
        .map(|h| (h.span.start, h.candidates[0].entity))
        .collect();
    full_at.sort_unstable();
    // The dead drop out against the document date, else the latest year the text names; with
    // neither, nobody is judged dead. Read from the text once, and only if a hit needs it.
    let reference = std::cell::OnceCell::new();
    let reference = || *reference.get_or_init(|| date.copied().or_else(|| crate::relation::latest_year(text)));
    let mut mentions = Vec::new();
    let mut ambiguous = Vec::new();
    for h in hits {
        let genitive = h.inflection == Inflection::Genitive;
        let entities: BTreeSet<EntityIdx> = h.candidates.iter().map(|c| c.entity).collect();
        let full = |e: EntityIdx| h.candidates.iter().any(|c| c.entity == e && c.form != Form::Short);
        if entities.len() == 1 {
            let e = *entities.first().unwrap_or(&0);
            if full(e) {
                let form = h
                    .candidates
                    .iter()
                    .map(|c| c.form)
                    .find(|f| *f != Form::Short)
                    .unwrap_or(Form::Alias);
                mentions.push(Mention {
                    span: h.span,
                    entity: e,
                    via: via_of(form, h.inflection),
                    genitive,
                });
            } else if support.contains(&e) || titled(text, h.span.start) {
                mentions.push(Mention {
                    span: h.span,
                    entity: e,
                    via: if support.contains(&e) {
                        Via::Coreference
                    } else {
                        Via::Title
                    },
                    genitive,
                });
            } else {
                ambiguous.push(AmbiguousMention {
                    span: h.span,
                    candidates: vec![e],
                    reason: "short name without a full mention or a title in the document",
                });
            }
            continue;
        }
        let supported: Vec<EntityIdx> = entities.iter().copied().filter(|e| support.contains(e)).collect();
        let resolved = if !supported.is_empty() {
            let reference = reference();
            let alive: Vec<EntityIdx> = supported
                .iter()
                .copied()
                .filter(|&e| !gaz.entity(e).died_before(reference.as_ref()))
                .collect();
            let pool = if alive.is_empty() { &supported } else { &alive };
            if pool.len() == 1 {
                Some((pool[0], Via::Coreference))
            } else {
                // Several bearers named in full: a short name means the one named last before it
                // (`Kim Jong Un ... Kim und Putin ... Kim Jong Il`); none before it: ambiguous.
                // Two bearers named close together (`Kim Jong Un und Kim Yo Jong`) leave it open.
                let before = full_at.partition_point(|&(at, _)| at < h.span.start);
                let mut recent = full_at[..before].iter().rev().filter(|(_, e)| pool.contains(e));
                match recent.next() {
                    None => None,
                    Some(&(at, e)) => match recent.find(|x| x.1 != e) {
                        Some(&(rival_at, _)) if at - rival_at < 120 => None,
                        _ => Some((e, Via::Coreference)),
                    },
                }
            }
        } else {
            let fulls: Vec<EntityIdx> = entities.iter().copied().filter(|&e| full(e)).collect();
            // None is named in full: after `in`/`nach`/`aus` the one place among persons wins.
            let places: Vec<EntityIdx> = fulls
                .iter()
                .copied()
                .filter(|&e| gaz.entity(e).kind.is_location())
                .collect();
            let others_persons = fulls
                .iter()
                .all(|&e| gaz.entity(e).kind.is_location() || gaz.entity(e).kind == crate::gazetteer::Kind::Person);
            if places.len() == 1 && others_persons && names::after_place_preposition(text, h.span.start) {
                Some((places[0], Via::Place))
            } else {
                by_prior(gaz, &fulls).map(|e| (e, Via::Prior))
            }
        };
        match resolved {
            Some((e, via)) => mentions.push(Mention {
                span: h.span,
                entity: e,
                via,
                genitive,
            }),
            None => ambiguous.push(AmbiguousMention {
                span: h.span,
                candidates: entities.into_iter().collect(),
                reason: if supported.len() > 1 {
                    "several candidates are named in the document"
                } else {
                    "no candidate is named in the document"
                },
            }),
        }
    }
    (mentions, ambiguous)
}

/// The candidate whose prior is at least 0.5 and 0.3 above every other candidate's.
fn by_prior(gaz: &Gazetteer, pool: &[EntityIdx]) -> Option<EntityIdx> {
    let mut ranked: Vec<(f32, EntityIdx)> = pool.iter().map(|&e| (gaz.entity(e).prior, e)).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    match ranked.as_slice() {
        [(p, e)] if *p >= 0.5 => Some(*e),
        [(p1, e), (p2, _), ..] if *p1 >= 0.5 && p1 - p2 >= 0.3 => Some(*e),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;
    use crate::{Gazetteer, Pipeline};
    use std::path::Path;

    fn pipeline() -> Pipeline {
        let src = r#"[
            (id: "kim-jong-un", kind: Person, name: "Kim Jong Un", aliases: ["Kim Jong Un"], short_aliases: ["Kim"]),
            (id: "kim-il-sung", kind: Person, name: "Kim Il Sung", aliases: ["Kim Il Sung"], short_aliases: ["Kim"], died: "1994-07-08"),
            (id: "georgia-state", kind: Place, name: "Georgia", aliases: ["Georgia"], prior: 0.2),
            (id: "georgia", kind: Country, name: "Georgia", aliases: ["Georgia"], prior: 0.9),
        ]"#;
        Pipeline::new(Gazetteer::from_sources(&[(Path::new("t.ron"), src)]).unwrap())
    }

    fn linked(p: &Pipeline, text: &str) -> Vec<(String, &'static str)> {
        let x = p.extract(&Document::new("t", text));
        x.mentions
            .iter()
            .map(|m| (p.gazetteer().entity(m.entity).id.clone(), m.via.as_str()))
            .collect()
    }

    #[test]
    fn short_names_need_a_full_mention_and_skip_the_dead() {
        let p = pipeline();
        assert_eq!(linked(&p, "Kim sprach."), []);
        let both = linked(&p, "Kim Il Sung und Kim Jong Un, 2015. Kim sprach.");
        assert!(both.contains(&("kim-jong-un".to_string(), "coreference")), "{both:?}");
        assert!(!both.contains(&("kim-il-sung".to_string(), "coreference")), "{both:?}");
    }

    #[test]
    fn a_place_after_in_beats_a_person_never_named_in_full() {
        let src = r#"[
            (id: "queen-victoria", kind: Person, name: "Queen Victoria", aliases: ["Queen Victoria", "Victoria"]),
            (id: "victoria", kind: Place, name: "Victoria", aliases: ["Victoria"]),
        ]"#;
        let p = Pipeline::new(Gazetteer::from_sources(&[(Path::new("t.ron"), src)]).unwrap());
        assert_eq!(
            linked(&p, "Er reiste nach Victoria."),
            [("victoria".to_string(), "place")]
        );
        assert_eq!(
            linked(&p, "Die Fähre kam aus Victoria."),
            [("victoria".to_string(), "place")]
        );
        // No preposition of place: it stays open.
        assert_eq!(linked(&p, "Victoria sprach."), []);
        // The queen named in full: she is the one meant.
        let named = linked(&p, "Queen Victoria reiste. In Victoria sprach sie.");
        assert_eq!(named[1], ("queen-victoria".to_string(), "coreference"));
    }

    #[test]
    fn places_without_adjectives_get_the_dictionary_one() {
        let src = r#"[
            (id: "england", kind: Place, name: "England", aliases: ["England"]),
            (id: "england-club", kind: Organization, name: "England XI", aliases: ["England XI"]),
        ]"#;
        let p = Pipeline::new(Gazetteer::from_sources(&[(Path::new("t.ron"), src)]).unwrap());
        assert_eq!(
            linked(&p, "Die englische Küste liegt nah."),
            [("england".to_string(), "adjective")]
        );
        // Not for an organisation, and not where the gazetteer lists adjectives itself.
        let src = r#"[(id: "x", kind: Country, name: "England", aliases: ["England"], adjectives: ["britisch"])]"#;
        let p = Pipeline::new(Gazetteer::from_sources(&[(Path::new("t.ron"), src)]).unwrap());
        assert_eq!(linked(&p, "Die englische Küste liegt nah."), []);
    }

    #[test]
    fn a_clear_prior_resolves_a_shared_full_alias() {
        let p = pipeline();
        assert_eq!(linked(&p, "Georgia wählte."), [("georgia".to_string(), "prior")]);
    }

    #[test]
    fn genitive_is_kept_for_coreference() {
        let p = pipeline();
        let x = p.extract(&Document::new("t", "Kim Jong Un kam. Kims Zug fuhr."));
        let kims = x.mentions.iter().find(|m| m.span.slice(&x.text) == "Kims").unwrap();
        assert!(kims.genitive && kims.via == Via::Coreference);
    }
}
