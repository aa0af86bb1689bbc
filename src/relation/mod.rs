//! Relations between entities stated by a sentence.
//!
//! Co-occurrence (two entities in one sentence) is derived in [`crate::graph`] from the linked
//! mentions and sentence spans of a [`crate::DocExtraction`]; typed relations are extracted here.

pub mod attribution;
pub mod constructions;
pub mod dates;
pub mod interpret;

use crate::date::PartialDate;
use crate::gazetteer::{EntityIdx, Gazetteer, Kind};
use crate::link::Mention;
use crate::link::references::{DocRefs, Facts};
use crate::normalize::Normalized;
use crate::span::Span;
use crate::syntax::{Lexicon, parse, tokenize};
use constructions::Constructions;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Kinds of typed relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    /// Two persons met (symmetric).
    Met,
    /// A person visited a country, city or place.
    Visited,
    /// A host received a guest.
    Received,
    /// A companion accompanied a principal.
    Accompanied,
    /// A host invited a guest.
    Invited,
    /// Two persons phoned (symmetric).
    Phoned,
    /// A country supplied another with goods.
    Supplied,
}

impl RelationKind {
    /// Every kind, in output order.
    pub const ALL: [RelationKind; 7] = [
        RelationKind::Met,
        RelationKind::Visited,
        RelationKind::Received,
        RelationKind::Accompanied,
        RelationKind::Invited,
        RelationKind::Phoned,
        RelationKind::Supplied,
    ];

    /// The label used in outputs (`met`, `visited`...).
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Met => "met",
            RelationKind::Visited => "visited",
            RelationKind::Received => "received",
            RelationKind::Accompanied => "accompanied",
            RelationKind::Invited => "invited",
            RelationKind::Phoned => "phoned",
            RelationKind::Supplied => "supplied",
        }
    }

    /// Parses a label.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True for symmetric kinds, stored with subject id < object id.
    pub fn is_symmetric(self) -> bool {
        matches!(self, RelationKind::Met | RelationKind::Phoned)
    }
}

/// Who says so.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Attribution {
    /// The source entity, when it is in the gazetteer.
    pub source: Option<EntityIdx>,
    /// The words naming the source.
    pub span: Span,
}

/// A typed relation stated in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Subject entity.
    pub subject: EntityIdx,
    /// Kind.
    pub kind: RelationKind,
    /// Object entity.
    pub object: EntityIdx,
    /// Announced or expected, not (yet) done.
    pub planned: bool,
    /// When, from the text or the document date.
    pub date: Option<PartialDate>,
    /// Who says so, when the text names a source.
    pub attribution: Option<Attribution>,
    /// Goods, for `supplied`.
    pub goods: Vec<String>,
    /// The trigger words.
    pub trigger: Span,
    /// The sentence.
    pub sentence: Span,
    /// Confidence 0..1.
    pub confidence: f32,
    /// The construction that stated it (`data/de/constructions.ron`).
    pub construction: String,
    /// Stated under speculation, fear, suspicion or hearsay: reported apart, not as a fact.
    pub hedged: bool,
}

/// What the document pass produces.
#[derive(Debug, Default)]
pub struct DocRelations {
    /// Role descriptions resolved to persons (`der russische Außenminister` → Lavrov).
    pub role_mentions: Vec<Mention>,
    /// Typed relations stated as facts or plans.
    pub relations: Vec<Relation>,
    /// Relations stated under speculation, fear or hearsay.
    pub hedged: Vec<Relation>,
    /// What the text says about persons (nationality, gender, titles).
    pub facts: BTreeMap<EntityIdx, Facts>,
    /// Sentences parsed by the syntax layer.
    pub parsed_sentences: usize,
}

/// The latest year (1900–2100) the text names as a word of its own: the reference for the dead
/// rule of an undated document (an undated 2015 report is not judged against today).
pub fn latest_year(text: &str) -> Option<PartialDate> {
    let b = text.as_bytes();
    let mut best: Option<i32> = None;
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i + 4 == b.len() || !b[i + 4].is_ascii_alphanumeric())
        {
            let y: i32 = b[i..i + 4].iter().fold(0, |a, d| a * 10 + (d - b'0') as i32);
            if (1900..=2100).contains(&y) {
                best = Some(best.map_or(y, |x| x.max(y)));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    best.map(PartialDate::year)
}

/// Runs references and relation constructions over a document. Only sentences with a trigger
/// word (found by one automaton pass over the normalised text) are parsed for relations;
/// sentences with a person are parsed for the facts they state.
pub fn extract(
    gaz: &Gazetteer,
    text: &str,
    norm: &Normalized,
    sentences: &[Span],
    mentions: &[Mention],
    date: Option<&PartialDate>,
) -> DocRelations {
    extract_traced(gaz, text, norm, sentences, mentions, date, None)
}

/// [`extract`], writing how every parsed sentence was read (tokens, phrases, clauses, subjects,
/// relations) into `trace` when given: what `examples/explain.rs` shows.
pub fn extract_traced(
    gaz: &Gazetteer,
    text: &str,
    norm: &Normalized,
    sentences: &[Span],
    mentions: &[Mention],
    date: Option<&PartialDate>,
    mut trace: Option<&mut String>,
) -> DocRelations {
    let cons = Constructions::get();
    let lex = Lexicon::get();
    let mut triggers: Vec<usize> = cons
        .gate
        .find_iter(norm.text.as_str())
        .filter_map(|m| norm.map.get(m.start()).map(|&o| o as usize))
        .collect();
    triggers.sort_unstable();
    let ref_date = date.copied().or_else(|| latest_year(text));
    let mut refs = DocRefs::new(gaz, text, date, mentions);
    let mut out = DocRelations::default();
    let mut k = 0;
    for (si, &sentence) in sentences.iter().enumerate() {
        while k < mentions.len() && mentions[k].span.start < sentence.start {
            k += 1;
        }
        let end = mentions[k..]
            .iter()
            .position(|m| m.span.start >= sentence.end)
            .map_or(mentions.len(), |n| k + n);
        let ms: Vec<Mention> = mentions[k..end]
            .iter()
            .filter(|m| m.span.end <= sentence.end)
            .copied()
            .collect();
        refs.begin_sentence(si);
        let at = triggers.partition_point(|&x| x < sentence.start);
        let candidate = triggers.get(at).is_some_and(|&x| x < sentence.end);
        let has_person = ms
            .iter()
            .any(|m| gaz.entity(m.entity).kind == Kind::Person && !m.via.is_attributive());
        if !candidate && !has_person {
            continue;
        }
        let mut t = tokenize(lex, text, sentence, &ms, |e| gaz.entity(e).kind);
        let mut p = parse(lex, &t);
        refs.learn(&t, &p);
        if !candidate {
            refs.note_mentions(&ms);
            continue;
        }
        out.parsed_sentences += 1;
        out.role_mentions.extend(refs.resolve(&mut t, &mut p));
        let mut found = interpret::SentenceRelations::default();
        let subjects = {
            let ctx = interpret::Ctx {
                gaz,
                lex,
                cons,
                refs: &refs,
                date,
                ref_date,
                text,
                t: &t,
                p: &p,
            };
            let attr = attribution::attribution(gaz, lex, &t, &p, |ci| ctx.subject(ci));
            ctx.run(&mut found, sentence, &attr);
            let subjects: Vec<usize> = (0..p.clauses.len()).filter_map(|ci| ctx.subject(ci)).collect();
            if let Some(tr) = trace.as_deref_mut() {
                crate::syntax::explain(tr, gaz, text, &t, &p, |ci| ctx.subject(ci));
                for r in found.relations.iter().chain(&found.hedged) {
                    tr.push_str(&format!(
                        "  => {} {} {}{}{} [{}]\n",
                        gaz.entity(r.subject).id,
                        r.kind.as_str(),
                        gaz.entity(r.object).id,
                        if r.planned { " (planned)" } else { "" },
                        if r.hedged { " (hedged)" } else { "" },
                        r.construction
                    ));
                }
            }
            subjects
        };
        refs.note_parse(&t, &p, &subjects);
        out.relations.append(&mut found.relations);
        out.hedged.append(&mut found.hedged);
    }
    out.facts = std::mem::take(&mut refs.facts);
    out
}
