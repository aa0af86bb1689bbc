//! The extraction pipeline: one document in, one [`DocExtraction`] out.

use crate::date::PartialDate;
use crate::gazetteer::{EntityIdx, Gazetteer};
use crate::input::Document;
use crate::link::{self, AmbiguousMention, Mention};
use crate::matching::Matcher;
use crate::normalize::Normalized;
use crate::record::{
    AmbiguousRecord, AttributionRecord, EntityInfo, EntityRecord, FactRecord, FactsRecord, MentionRecord, Record,
    RelationRecord, SentenceRecord, SpanText, Truncated,
};
use crate::relation::{self, Relation};
use crate::segment;
use crate::span::Span;
use std::cell::RefCell;
use std::collections::BTreeMap;

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
    /// Where `--lossy` replaced invalid bytes ([`Document::repairs`]): records map their spans
    /// back to the original file through them.
    pub repairs: Vec<(usize, usize)>,
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
        // The compiled-in German data is checked here, once, rather than in a worker thread;
        // with a second thread in the pool while the matcher is built (start-up is the part of a
        // run that more threads did not shorten).
        let (_, matcher) = rayon::join(Self::prepare, || Matcher::new(&gaz));
        Pipeline { gaz, matcher }
    }

    /// Builds the compiled-in German data (lexicon and constructions) that every pipeline
    /// shares, if not built yet. [`Pipeline::new`] calls it; calling it earlier on another thread
    /// (while the gazetteer loads) takes it off the start-up's path.
    pub fn prepare() {
        let _ = crate::relation::constructions::Constructions::get();
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
            // The names and the relation gate's words in one walk over the normalised text.
            let mut gate = relation::Gate::default();
            let mut hits = self
                .matcher
                .find_also(&doc.text, &n, relation::Gate::automaton(), |p, start, _| {
                    gate.hit(&n, p, start)
                });
            hits.retain(|h| h.span.start >= doc.body);
            link::names::drop_names_inside_names(&self.gaz, &doc.text, &mut hits);
            let (mentions, ambiguous) = link::link(&self.gaz, &doc.text, &hits, doc.date.as_ref());
            let sentences = segment::sentences(&doc.text, doc.body.min(doc.text.len()));
            let rel = relation::extract_gated(
                &self.gaz,
                &doc.text,
                &sentences,
                &mentions,
                doc.date.as_ref(),
                gate,
                None,
            );
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
            repairs: doc.repairs.clone(),
        }
    }
}

impl DocExtraction {
    /// Distinct linked entities, sorted by id.
    pub fn entities(&self) -> Vec<EntityIdx> {
        let mut v: Vec<EntityIdx> = self.mentions.iter().map(|m| m.entity).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The extraction record of this document (the `newskg extract` line, and what the graph
    /// folds).
    pub fn to_record(&self, gaz: &Gazetteer) -> Record {
        let text = self.text.as_str();
        let id = |e: EntityIdx| gaz.entity(e).id.clone();
        let span = |s: Span| SpanText {
            start: s.start,
            end: s.end,
            chars: None,
            text: s.slice(text).to_string(),
        };
        let fact = |value: String, s: Span| FactRecord {
            value,
            text: s.slice(text).to_string(),
            start: s.start,
            end: s.end,
            chars: None,
        };
        let info = |e: EntityIdx| {
            let ent = gaz.entity(e);
            EntityInfo {
                id: ent.id.clone(),
                name: ent.name.clone(),
                kind: ent.kind,
                wikidata: ent.wikidata.clone(),
                aliases: ent.aliases.iter().chain(&ent.short_aliases).cloned().collect(),
            }
        };
        // Mentions are in text order; group them by entity, entities in id order.
        let named = self.entities();
        let mut by_entity: BTreeMap<EntityIdx, Vec<MentionRecord>> = BTreeMap::new();
        for m in &self.mentions {
            by_entity.entry(m.entity).or_default().push(MentionRecord {
                start: m.span.start,
                end: m.span.end,
                chars: None,
                text: m.span.slice(text).to_string(),
                via: m.via.as_str().to_string(),
            });
        }
        let mut entities: Vec<EntityRecord> = by_entity
            .into_iter()
            .map(|(e, mentions)| {
                let i = info(e);
                EntityRecord {
                    entity: i,
                    mentions,
                    facts: self.facts.get(&e).map(|f| FactsRecord {
                        nationality: f.nationality.map(|(c, s)| fact(id(c), s)),
                        affiliation: f.affiliation.map(|(c, s)| fact(id(c), s)),
                        gender: f.gender.map(|(g, s)| {
                            let g = if g == crate::gazetteer::Gender::Female {
                                "female"
                            } else {
                                "male"
                            };
                            fact(g.to_string(), s)
                        }),
                        titles: f.titles.iter().map(|(t, s)| fact(t.clone(), *s)).collect(),
                    }),
                }
            })
            .collect();
        entities.sort_by(|a, b| a.entity.id.cmp(&b.entity.id));
        let ambiguous = self
            .ambiguous
            .iter()
            .map(|a| AmbiguousRecord {
                start: a.span.start,
                end: a.span.end,
                chars: None,
                text: a.span.slice(text).to_string(),
                candidates: a.candidates.iter().map(|&c| id(c)).collect(),
                reason: a.reason.to_string(),
            })
            .collect();
        let relation = |r: &Relation| RelationRecord {
            subject: id(r.subject),
            relation: r.kind,
            object: id(r.object),
            planned: r.planned,
            date: r.date,
            attribution: r.attribution.as_ref().map(|a| AttributionRecord {
                source: a.source.map(id),
                text: a.span.slice(text).to_string(),
                start: a.span.start,
                end: a.span.end,
                chars: None,
            }),
            goods: r.goods.clone(),
            trigger: span(r.trigger),
            sentence: span(r.sentence),
            confidence: r.confidence,
            construction: r.construction.clone(),
        };
        // Entities that take part in relations without a mention (a role description alone).
        let mut referenced: Vec<EntityIdx> = self
            .relations
            .iter()
            .flat_map(|r| [r.subject, r.object])
            .filter(|e| named.binary_search(e).is_err())
            .collect();
        referenced.sort_unstable();
        referenced.dedup();
        let mut referenced: Vec<EntityInfo> = referenced.into_iter().map(info).collect();
        referenced.sort_by(|a, b| a.id.cmp(&b.id));
        // Sentences with their text where they name an entity (the same walk as co-occurrence).
        let mut k = 0;
        let sentences = self
            .sentences
            .iter()
            .map(|&s| {
                while k < self.mentions.len() && self.mentions[k].span.start < s.start {
                    k += 1;
                }
                let names = self.mentions[k..]
                    .iter()
                    .take_while(|m| m.span.start < s.end)
                    .any(|m| m.span.end <= s.end);
                SentenceRecord {
                    start: s.start,
                    end: s.end,
                    chars: None,
                    text: names.then(|| s.slice(text).to_string()),
                }
            })
            .collect();
        let mut record = Record {
            schema: crate::record::SCHEMA.to_string(),
            version: crate::record::VERSION,
            doc: self.doc.clone(),
            date: self.date,
            entities,
            ambiguous,
            relations: self.relations.iter().map(relation).collect(),
            hedged: self.hedged.iter().map(relation).collect(),
            sentences,
            referenced,
            truncated: Truncated {
                sentences: self.truncated.0,
                relations: self.truncated.1,
            },
        };
        record.set_chars(text);
        if !self.repairs.is_empty() {
            record.map_offsets(|p| crate::input::original_offset(&self.repairs, p));
        }
        record
    }

    /// The `newskg extract` JSON object of this document, on one line.
    pub fn to_json_line(&self, gaz: &Gazetteer) -> String {
        let mut out = Vec::new();
        crate::record::write_extraction(self, gaz, &mut out);
        // The writer writes whole UTF-8 strings and ASCII only between them.
        String::from_utf8(out).unwrap_or_else(|_| "{}".into())
    }

    /// Appends the `newskg extract` line of this document (the JSON object and a line break) to
    /// `out`.
    pub fn write_json_line(&self, gaz: &Gazetteer, out: &mut Vec<u8>) {
        crate::record::write_extraction(self, gaz, out);
        out.push(b'\n');
    }
}
