//! The extraction pipeline: one document in, one [`DocExtraction`] out.

use crate::date::PartialDate;
use crate::gazetteer::{EntityIdx, Gazetteer};
use crate::input::Document;
use crate::link::{self, AmbiguousMention, Mention};
use crate::matching::Matcher;
use crate::normalize::Normalized;
use crate::relation::{self, Relation};
use crate::segment;
use crate::span::Span;
use serde::Serialize;
use std::cell::RefCell;

/// Everything extracted from one document. The unit that shards and merges.
#[derive(Debug, Clone, PartialEq)]
pub struct DocExtraction {
    /// Document id.
    pub doc: String,
    /// Document date.
    pub date: Option<PartialDate>,
    /// The original text (spans point into it).
    pub text: String,
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Linked mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Mentions that stay ambiguous, in text order.
    pub ambiguous: Vec<AmbiguousMention>,
    /// Typed relations, in text order.
    pub relations: Vec<Relation>,
    /// Relations the text states only under speculation, fear or hearsay, in text order.
    pub hedged: Vec<Relation>,
    /// What the text says about its persons (nationality, gender, titles), by entity.
    pub facts: std::collections::BTreeMap<EntityIdx, crate::link::references::Facts>,
    /// Sentences read only up to [`relation::MAX_SYNTAX_TOKENS`] tokens, and relations dropped
    /// over [`relation::MAX_RELATIONS_PER_SENTENCE`] in a sentence.
    pub truncated: (usize, usize),
}

/// The compiled pipeline: gazetteer and matcher. Built once; immutable; `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Pipeline {
    gaz: Gazetteer,
    matcher: Matcher,
}

thread_local! {
    static NORM: RefCell<Normalized> = RefCell::new(Normalized::default());
}

impl Pipeline {
    /// Compiles a gazetteer.
    pub fn new(gaz: Gazetteer) -> Pipeline {
        // The compiled-in German data is checked here, once, rather than in a worker thread.
        let _ = crate::relation::constructions::Constructions::get();
        let matcher = Matcher::new(&gaz);
        Pipeline { gaz, matcher }
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    /// The matcher.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// How the relation pass reads a document: every parsed sentence with its tokens, phrases,
    /// clauses, subjects and the relations each construction gave.
    pub fn explain(&self, doc: &Document) -> String {
        let mut trace = String::new();
        let mut n = Normalized::default();
        n.fill(&doc.text);
        let mut hits = self.matcher.find(&doc.text, &n);
        hits.retain(|h| h.span.start >= doc.body);
        link::names::drop_names_inside_names(&self.gaz, &doc.text, &mut hits);
        let (mentions, _) = link::link(&self.gaz, &doc.text, &hits, doc.date.as_ref());
        let sentences = segment::sentences(&doc.text, doc.body.min(doc.text.len()));
        relation::extract_traced(
            &self.gaz,
            &doc.text,
            &n,
            &sentences,
            &mentions,
            doc.date.as_ref(),
            Some(&mut trace),
        );
        trace
    }

    /// Extracts one document. Never fails and never panics on any text.
    pub fn extract(&self, doc: &Document) -> DocExtraction {
        let (mut mentions, ambiguous, sentences, rel) = NORM.with(|n| {
            let mut n = n.borrow_mut();
            n.fill(&doc.text);
            let mut hits = self.matcher.find(&doc.text, &n);
            hits.retain(|h| h.span.start >= doc.body);
            link::names::drop_names_inside_names(&self.gaz, &doc.text, &mut hits);
            let (mentions, ambiguous) = link::link(&self.gaz, &doc.text, &hits, doc.date.as_ref());
            let sentences = segment::sentences(&doc.text, doc.body.min(doc.text.len()));
            let rel = relation::extract(&self.gaz, &doc.text, &n, &sentences, &mentions, doc.date.as_ref());
            (mentions, ambiguous, sentences, rel)
        });
        // A role description counts as a mention of a person the document also names
        // (`Putin ... der russische Präsident`); one that stands alone still takes part in
        // relations but does not put an unnamed person on the document's entity list.
        let named: std::collections::BTreeSet<EntityIdx> = mentions.iter().map(|m| m.entity).collect();
        mentions.extend(rel.role_mentions.into_iter().filter(|m| named.contains(&m.entity)));
        mentions.sort();
        DocExtraction {
            doc: doc.id.clone(),
            date: doc.date,
            text: doc.text.clone(),
            sentences,
            mentions,
            ambiguous,
            relations: rel.relations,
            hedged: rel.hedged,
            facts: rel.facts,
            truncated: (rel.truncated_sentences, rel.dropped_relations),
        }
    }
}

#[derive(Serialize)]
struct JsonMention<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    via: &'static str,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    mentions: Vec<JsonMention<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facts: Option<JsonFacts<'a>>,
}

#[derive(Serialize)]
struct JsonAmbiguous<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    candidates: Vec<&'a str>,
    reason: &'static str,
}

#[derive(Serialize)]
struct JsonAttribution<'a> {
    source: Option<&'a str>,
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonRelation<'a> {
    subject: &'a str,
    relation: &'static str,
    object: &'a str,
    planned: bool,
    date: Option<String>,
    attribution: Option<JsonAttribution<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    goods: Vec<&'a str>,
    trigger: JsonSpan<'a>,
    sentence: JsonSpan<'a>,
    confidence: f32,
    construction: &'a str,
}

#[derive(Serialize)]
struct JsonFact<'a> {
    value: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonFacts<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    nationality: Option<JsonFact<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<JsonFact<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gender: Option<JsonFact<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    titles: Vec<JsonFact<'a>>,
}

#[derive(Serialize)]
struct JsonSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    doc: &'a str,
    date: Option<String>,
    entities: Vec<JsonEntity<'a>>,
    ambiguous: Vec<JsonAmbiguous<'a>>,
    relations: Vec<JsonRelation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    hedged: Vec<JsonRelation<'a>>,
}

impl DocExtraction {
    /// Distinct linked entities, sorted by id.
    pub fn entities(&self) -> Vec<EntityIdx> {
        let mut v: Vec<EntityIdx> = self.mentions.iter().map(|m| m.entity).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The `newskg extract` JSON object of this document, on one line.
    pub fn to_json_line<'a>(&'a self, gaz: &'a Gazetteer) -> String {
        let text = self.text.as_str();
        let span = |s: Span| JsonSpan {
            start: s.start,
            end: s.end,
            text: s.slice(text),
        };
        let entities = self
            .entities()
            .into_iter()
            .map(|e| {
                let ent = gaz.entity(e);
                JsonEntity {
                    id: &ent.id,
                    name: &ent.name,
                    kind: ent.kind.as_str(),
                    mentions: self
                        .mentions
                        .iter()
                        .filter(|m| m.entity == e)
                        .map(|m| JsonMention {
                            start: m.span.start,
                            end: m.span.end,
                            text: m.span.slice(text),
                            via: m.via.as_str(),
                        })
                        .collect(),
                    facts: self.facts.get(&e).map(|f| {
                        let fact = |v: &'a str, s: Span| JsonFact {
                            value: v,
                            text: s.slice(text),
                            start: s.start,
                            end: s.end,
                        };
                        JsonFacts {
                            nationality: f.nationality.map(|(c, s)| fact(&gaz.entity(c).id, s)),
                            affiliation: f.affiliation.map(|(c, s)| fact(&gaz.entity(c).id, s)),
                            gender: f.gender.map(|(g, s)| {
                                fact(
                                    if g == crate::gazetteer::Gender::Female {
                                        "female"
                                    } else {
                                        "male"
                                    },
                                    s,
                                )
                            }),
                            titles: f.titles.iter().map(|(t, s)| fact(t, *s)).collect(),
                        }
                    }),
                }
            })
            .collect();
        let ambiguous = self
            .ambiguous
            .iter()
            .map(|a| JsonAmbiguous {
                start: a.span.start,
                end: a.span.end,
                text: a.span.slice(text),
                candidates: a.candidates.iter().map(|&c| gaz.entity(c).id.as_str()).collect(),
                reason: a.reason,
            })
            .collect();
        let relation = |r: &'a Relation| JsonRelation {
            subject: &gaz.entity(r.subject).id,
            relation: r.kind.as_str(),
            object: &gaz.entity(r.object).id,
            planned: r.planned,
            date: r.date.map(|d| d.to_string()),
            attribution: r.attribution.as_ref().map(|a| JsonAttribution {
                source: a.source.map(|s| gaz.entity(s).id.as_str()),
                text: a.span.slice(text),
                start: a.span.start,
                end: a.span.end,
            }),
            goods: r.goods.iter().map(String::as_str).collect(),
            trigger: span(r.trigger),
            sentence: span(r.sentence),
            confidence: r.confidence,
            construction: &r.construction,
        };
        let relations = self.relations.iter().map(relation).collect();
        let hedged = self.hedged.iter().map(relation).collect();
        let doc = JsonDoc {
            doc: &self.doc,
            date: self.date.map(|d| d.to_string()),
            entities,
            ambiguous,
            relations,
            hedged,
        };
        serde_json::to_string(&doc).unwrap_or_else(|_| "{}".into())
    }
}
