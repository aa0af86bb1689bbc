//! The knowledge graph: entities as nodes; co-occurrence and typed relation edges, each edge
//! with all its evidence.
//!
//! [`KnowledgeGraph::add`] folds one [`DocExtraction`] in and [`KnowledgeGraph::merge`] folds a
//! whole graph in; both are associative and commutative (counts are set sizes, never running
//! sums of overlapping data), so a corpus can be split across threads or machines and merged to
//! the same result. Readers get nodes and edges in id order.

use crate::date::PartialDate;
use crate::extract::DocExtraction;
use crate::gazetteer::{Gazetteer, Kind};
use crate::relation::RelationKind;
use crate::span::Span;
use itertools::Itertools;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use std::collections::{BTreeMap, BTreeSet};

/// Most distinct entities in one sentence for which pairwise co-occurrence edges are made; a
/// sentence with more (a list of 40 countries) adds no pairs and is counted in
/// [`KnowledgeGraph::skipped_sentences`].
pub const MAX_ENTITIES_PER_SENTENCE: usize = 30;

/// A node: one entity.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeData {
    /// Entity id.
    pub id: String,
    /// Kind.
    pub kind: Kind,
    /// Canonical name.
    pub name: String,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// Aliases and short aliases (for looking names up in the exported graph).
    pub aliases: Vec<String>,
    /// Linked mentions per document.
    pub mentions: BTreeMap<String, u64>,
}

impl NodeData {
    /// Total linked mentions.
    pub fn mention_count(&self) -> u64 {
        self.mentions.values().sum()
    }
}

/// One sentence that supports an edge.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// Sentence span in that document.
    pub sentence: Span,
}

/// One statement of a typed relation.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub struct RelationEvidence {
    /// Where.
    pub evidence: Evidence,
    /// The trigger words' span.
    pub trigger: Span,
    /// Announced or expected, not done.
    pub planned: bool,
    /// When.
    pub date: Option<PartialDate>,
    /// Who says so (source entity id, or the source's words).
    pub attribution: Option<String>,
    /// Goods, for `supplied`.
    pub goods: Vec<String>,
    /// Confidence 0..1.
    pub confidence: f32,
}

/// An edge.
#[derive(Debug, Clone, PartialEq)]
pub enum EdgeData {
    /// The two entities share sentences.
    Cooccurrence(BTreeSet<Evidence>),
    /// A typed relation, with every statement of it.
    Relation(RelationKind, Vec<RelationEvidence>),
}

/// Text kept for evidence: per document, its date and the sentences edges point to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocInfo {
    /// Document date.
    pub date: Option<PartialDate>,
    /// Sentence texts by span.
    pub sentences: BTreeMap<Span, String>,
}

/// The graph.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<NodeData, EdgeData>,
    nodes: BTreeMap<String, NodeIndex>,
    cooc: BTreeMap<(String, String), EdgeIndex>,
    rels: BTreeMap<(String, RelationKind, String), EdgeIndex>,
    docs: BTreeMap<String, DocInfo>,
    skipped: BTreeSet<Evidence>,
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// The underlying petgraph graph (node and edge indices are not stable across runs; use ids).
    pub fn petgraph(&self) -> &StableDiGraph<NodeData, EdgeData> {
        &self.graph
    }

    fn node(&mut self, data: &NodeData) -> NodeIndex {
        if let Some(&ix) = self.nodes.get(&data.id) {
            return ix;
        }
        let mut fresh = data.clone();
        fresh.mentions.clear();
        let ix = self.graph.add_node(fresh);
        self.nodes.insert(data.id.clone(), ix);
        ix
    }

    fn add_node_mentions(&mut self, data: &NodeData) {
        let ix = self.node(data);
        let node = &mut self.graph[ix];
        for (doc, n) in &data.mentions {
            // A document's count is a fact about that document: merging it twice keeps it.
            node.mentions.insert(doc.clone(), *n);
        }
    }

    fn add_cooc(&mut self, a: &str, b: &str, ev: impl IntoIterator<Item = Evidence>) {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let key = (a.to_string(), b.to_string());
        let ix = match self.cooc.get(&key) {
            Some(&ix) => ix,
            None => {
                let (na, nb) = (self.nodes[a], self.nodes[b]);
                let ix = self.graph.add_edge(na, nb, EdgeData::Cooccurrence(BTreeSet::new()));
                self.cooc.insert(key, ix);
                ix
            }
        };
        if let EdgeData::Cooccurrence(set) = &mut self.graph[ix] {
            set.extend(ev);
        }
    }

    fn add_rel(&mut self, s: &str, kind: RelationKind, o: &str, ev: impl IntoIterator<Item = RelationEvidence>) {
        let key = (s.to_string(), kind, o.to_string());
        let ix = match self.rels.get(&key) {
            Some(&ix) => ix,
            None => {
                let (ns, no) = (self.nodes[s], self.nodes[o]);
                let ix = self.graph.add_edge(ns, no, EdgeData::Relation(kind, Vec::new()));
                self.rels.insert(key, ix);
                ix
            }
        };
        if let EdgeData::Relation(_, list) = &mut self.graph[ix] {
            for e in ev {
                if !list.contains(&e) {
                    list.push(e);
                }
            }
            list.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        }
    }

    fn keep_sentence(&mut self, doc: &DocExtraction, s: Span) {
        let info = self.docs.entry(doc.doc.clone()).or_default();
        info.date = doc.date;
        info.sentences
            .entry(s)
            .or_insert_with(|| s.slice(&doc.text).to_string());
    }

    /// Folds one document's extraction in.
    pub fn add(&mut self, doc: &DocExtraction, gaz: &Gazetteer) {
        let info = self.docs.entry(doc.doc.clone()).or_default();
        info.date = doc.date;
        let mut counts: BTreeMap<u32, u64> = BTreeMap::new();
        for m in &doc.mentions {
            *counts.entry(m.entity).or_default() += 1;
        }
        for (&e, &n) in &counts {
            let ent = gaz.entity(e);
            let data = NodeData {
                id: ent.id.clone(),
                kind: ent.kind,
                name: ent.name.clone(),
                wikidata: ent.wikidata.clone(),
                aliases: ent.aliases.iter().chain(&ent.short_aliases).cloned().collect(),
                mentions: BTreeMap::from([(doc.doc.clone(), n)]),
            };
            self.add_node_mentions(&data);
        }
        // Co-occurrence per sentence (mentions and sentences are both in text order).
        let mut k = 0;
        for &s in &doc.sentences {
            while k < doc.mentions.len() && doc.mentions[k].span.start < s.start {
                k += 1;
            }
            let mut ids: Vec<&str> = doc.mentions[k..]
                .iter()
                .take_while(|m| m.span.start < s.end)
                .filter(|m| m.span.end <= s.end)
                .map(|m| gaz.entity(m.entity).id.as_str())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            if ids.len() < 2 {
                continue;
            }
            let ev = Evidence {
                doc: doc.doc.clone(),
                sentence: s,
            };
            if ids.len() > MAX_ENTITIES_PER_SENTENCE {
                self.skipped.insert(ev);
                continue;
            }
            for [a, b] in ids.iter().array_combinations() {
                self.add_cooc(a, b, [ev.clone()]);
            }
            self.keep_sentence(doc, s);
        }
        for r in &doc.relations {
            let (s, o) = (gaz.entity(r.subject), gaz.entity(r.object));
            let (s, o) = if r.kind.is_symmetric() && o.id < s.id {
                (o, s)
            } else {
                (s, o)
            };
            for e in [s, o] {
                if !self.nodes.contains_key(&e.id) {
                    self.node(&NodeData {
                        id: e.id.clone(),
                        kind: e.kind,
                        name: e.name.clone(),
                        wikidata: e.wikidata.clone(),
                        aliases: e.aliases.iter().chain(&e.short_aliases).cloned().collect(),
                        mentions: BTreeMap::new(),
                    });
                }
            }
            let ev = RelationEvidence {
                evidence: Evidence {
                    doc: doc.doc.clone(),
                    sentence: r.sentence,
                },
                trigger: r.trigger,
                planned: r.planned,
                date: r.date,
                attribution: r.attribution.as_ref().map(|a| match a.source {
                    Some(src) => gaz.entity(src).id.clone(),
                    None => a.span.slice(&doc.text).to_string(),
                }),
                goods: r.goods.clone(),
                confidence: r.confidence,
            };
            self.add_rel(&s.id.clone(), r.kind, &o.id.clone(), [ev]);
            self.keep_sentence(doc, r.sentence);
        }
    }

    /// Folds another graph in.
    pub fn merge(&mut self, other: &KnowledgeGraph) {
        for ix in other.graph.node_indices() {
            self.add_node_mentions(&other.graph[ix]);
        }
        for ((a, b), &ix) in &other.cooc {
            if let EdgeData::Cooccurrence(set) = &other.graph[ix] {
                self.add_cooc(a, b, set.iter().cloned());
            }
        }
        for ((s, k, o), &ix) in &other.rels {
            if let EdgeData::Relation(_, list) = &other.graph[ix] {
                self.add_rel(s, *k, o, list.iter().cloned());
            }
        }
        for (id, info) in &other.docs {
            let mine = self.docs.entry(id.clone()).or_default();
            mine.date = mine.date.or(info.date);
            for (s, t) in &info.sentences {
                mine.sentences.entry(*s).or_insert_with(|| t.clone());
            }
        }
        self.skipped.extend(other.skipped.iter().cloned());
    }

    /// Nodes in id order.
    pub fn nodes(&self) -> impl Iterator<Item = &NodeData> {
        self.nodes.values().map(|&ix| &self.graph[ix])
    }

    /// The node with this id.
    pub fn node_by_id(&self, id: &str) -> Option<&NodeData> {
        self.nodes.get(id).map(|&ix| &self.graph[ix])
    }

    /// Co-occurrence edges `(a, b, evidence)` with `a < b`, in id order.
    pub fn cooccurrences(&self) -> impl Iterator<Item = (&str, &str, &BTreeSet<Evidence>)> {
        self.cooc.iter().filter_map(|((a, b), &ix)| match &self.graph[ix] {
            EdgeData::Cooccurrence(set) => Some((a.as_str(), b.as_str(), set)),
            EdgeData::Relation(..) => None,
        })
    }

    /// Relation edges `(subject, kind, object, evidence)` in id order.
    pub fn relations(&self) -> impl Iterator<Item = (&str, RelationKind, &str, &[RelationEvidence])> {
        self.rels.iter().filter_map(|((s, k, o), &ix)| match &self.graph[ix] {
            EdgeData::Relation(_, list) => Some((s.as_str(), *k, o.as_str(), list.as_slice())),
            EdgeData::Cooccurrence(_) => None,
        })
    }

    /// Documents with their dates and evidence sentences, in id order.
    pub fn documents(&self) -> &BTreeMap<String, DocInfo> {
        &self.docs
    }

    /// Sentences with more than [`MAX_ENTITIES_PER_SENTENCE`] entities, which added no pairs.
    pub fn skipped_sentences(&self) -> usize {
        self.skipped.len()
    }
}

/// Distinct documents among evidence.
pub fn distinct_documents<'a>(ev: impl IntoIterator<Item = &'a Evidence>) -> usize {
    ev.into_iter().map(|e| e.doc.as_str()).collect::<BTreeSet<_>>().len()
}
