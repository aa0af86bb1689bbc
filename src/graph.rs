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
use crate::record::{EntityInfo, FactRecord, Record};
use crate::relation::RelationKind;
use crate::span::Span;
use itertools::Itertools;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    /// What the texts state about the entity (nationality, affiliation, gender, titles), each
    /// statement with its words; a set, so folding documents in any order gives the same node.
    pub facts: BTreeSet<NodeFact>,
}

impl NodeData {
    /// Total linked mentions.
    pub fn mention_count(&self) -> u64 {
        self.mentions.values().sum()
    }

    /// The values the texts state for one kind of fact, with the number of documents stating
    /// each, most documents first (ties by value).
    pub fn fact_values(&self, kind: FactKind) -> Vec<(&str, usize)> {
        let mut docs: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for f in self.facts.iter().filter(|f| f.kind == kind) {
            docs.entry(f.value.as_str()).or_default().insert(f.doc.as_str());
        }
        let mut v: Vec<(&str, usize)> = docs.into_iter().map(|(v, d)| (v, d.len())).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    }

    /// The value most documents state for one kind of fact (ties: the smallest value). For
    /// gender, `female` wherever a document states it: a feminine form is never generic, a
    /// masculine title often is (`Außenminister Choe Son Hui`).
    pub fn fact(&self, kind: FactKind) -> Option<&str> {
        self.fact_summary(kind).map(|v| v.0)
    }

    /// [`fact`](Self::fact) with the number of documents stating that value.
    pub fn fact_summary(&self, kind: FactKind) -> Option<(&str, usize)> {
        let values = self.fact_values(kind);
        if kind == FactKind::Gender
            && let Some(&female) = values.iter().find(|v| v.0 == "female")
        {
            return Some(female);
        }
        values.first().copied()
    }
}

/// What a fact states about an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactKind {
    /// The person's country (a country id).
    Nationality,
    /// The organisation the person belongs to (an organisation id).
    Affiliation,
    /// `female` or `male`.
    Gender,
    /// A title family (`foreign-minister`, `head-of-state` …).
    Title,
}

impl FactKind {
    /// All kinds, in order.
    pub const ALL: [FactKind; 4] = [
        FactKind::Nationality,
        FactKind::Affiliation,
        FactKind::Gender,
        FactKind::Title,
    ];

    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Nationality => "nationality",
            FactKind::Affiliation => "affiliation",
            FactKind::Gender => "gender",
            FactKind::Title => "title",
        }
    }

    /// The kind of a name used in files.
    pub fn parse(s: &str) -> Option<FactKind> {
        FactKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One statement of a fact about an entity: what, where, and the words that say so.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeFact {
    /// What the fact is about.
    pub kind: FactKind,
    /// The value (an entity id, a gender, a title family).
    pub value: String,
    /// Document id.
    pub doc: String,
    /// The words' span in that document.
    pub span: Span,
    /// The words.
    pub text: String,
}

/// One sentence that supports an edge.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// Sentence span in that document.
    pub sentence: Span,
}

/// One statement of a typed relation. Ordered by place, trigger, planned, date, attribution,
/// goods, then confidence.
#[derive(Debug, Clone)]
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
    /// Confidence 0..1, to two decimals (as exported, so a graph file loads back to the same
    /// graph).
    pub confidence: f32,
}

impl RelationEvidence {
    fn key(&self) -> (&Evidence, Span, bool, Option<PartialDate>, &Option<String>, &[String]) {
        (
            &self.evidence,
            self.trigger,
            self.planned,
            self.date,
            &self.attribution,
            &self.goods,
        )
    }
}

impl Ord for RelationEvidence {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key()
            .cmp(&other.key())
            .then_with(|| self.confidence.total_cmp(&other.confidence))
    }
}

impl PartialOrd for RelationEvidence {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for RelationEvidence {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for RelationEvidence {}

/// Confidence as the graph keeps it: two decimals.
pub fn round_confidence(c: f32) -> f32 {
    (c * 100.0).round() / 100.0
}

/// An edge.
#[derive(Debug, Clone, PartialEq)]
pub enum EdgeData {
    /// The two entities share sentences.
    Cooccurrence(BTreeSet<Evidence>),
    /// A typed relation, with every statement of it.
    Relation(RelationKind, BTreeSet<RelationEvidence>),
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

    /// The node of `data.id`, made when new. When two inputs describe the same entity
    /// differently (graphs built with different gazetteers), the greatest description wins, so
    /// the order in which they are folded never matters.
    fn node(&mut self, data: &NodeData) -> NodeIndex {
        if let Some(&ix) = self.nodes.get(&data.id) {
            let node = &mut self.graph[ix];
            let describe = |n: &NodeData| (n.kind, n.name.clone(), n.wikidata.clone(), n.aliases.clone());
            if (data.kind, &data.name, &data.wikidata, &data.aliases)
                > (node.kind, &node.name, &node.wikidata, &node.aliases)
            {
                let (kind, name, wikidata, aliases) = describe(data);
                node.kind = kind;
                node.name = name;
                node.wikidata = wikidata;
                node.aliases = aliases;
            }
            return ix;
        }
        let fresh = NodeData {
            mentions: BTreeMap::new(),
            facts: BTreeSet::new(),
            ..data.clone()
        };
        let ix = self.graph.add_node(fresh);
        self.nodes.insert(data.id.clone(), ix);
        ix
    }

    fn add_node_mentions(&mut self, data: &NodeData) {
        let ix = self.node(data);
        let node = &mut self.graph[ix];
        for (doc, &n) in &data.mentions {
            // A document's count is a fact about that document: merging it twice keeps it (and
            // of two different counts the larger, whatever the order).
            let c = node.mentions.entry(doc.clone()).or_insert(n);
            *c = (*c).max(n);
        }
        node.facts.extend(data.facts.iter().cloned());
    }

    fn add_cooc(&mut self, a: &str, b: &str, ev: impl IntoIterator<Item = Evidence>) {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let ix = match self.cooc.get(&(a.to_string(), b.to_string())) {
            Some(&ix) => ix,
            None => {
                let (na, nb) = (self.nodes[a], self.nodes[b]);
                let ix = self.graph.add_edge(na, nb, EdgeData::Cooccurrence(BTreeSet::new()));
                self.cooc.insert((a.to_string(), b.to_string()), ix);
                ix
            }
        };
        if let EdgeData::Cooccurrence(set) = &mut self.graph[ix] {
            set.extend(ev);
        }
    }

    /// Adds statements to the relation edge `s -kind-> o`: a set insert each, O(log n).
    fn add_rel(&mut self, s: &str, kind: RelationKind, o: &str, ev: impl IntoIterator<Item = RelationEvidence>) {
        let key = (s.to_string(), kind, o.to_string());
        let ix = match self.rels.get(&key) {
            Some(&ix) => ix,
            None => {
                let (ns, no) = (self.nodes[s], self.nodes[o]);
                let ix = self.graph.add_edge(ns, no, EdgeData::Relation(kind, BTreeSet::new()));
                self.rels.insert(key, ix);
                ix
            }
        };
        if let EdgeData::Relation(_, set) = &mut self.graph[ix] {
            set.extend(ev);
        }
    }

    fn doc_info(&mut self, doc: &str, date: Option<PartialDate>) -> &mut DocInfo {
        if !self.docs.contains_key(doc) {
            self.docs.insert(doc.to_string(), DocInfo::default());
        }
        let info = self.docs.get_mut(doc).expect("inserted above");
        // Of two dates given for one document, the later, whatever the order.
        info.date = info.date.max(date);
        info
    }

    /// Folds one document's extraction in (through its [`Record`], as `--from-extractions` does).
    pub fn add(&mut self, doc: &DocExtraction, gaz: &Gazetteer) {
        self.add_record(&doc.to_record(gaz));
    }

    /// Folds one extraction record in. Expects a record that passed [`Record::check`] (records
    /// read with [`crate::record::read_all`] and made by [`DocExtraction::to_record`] do); of a
    /// record that did not, relations naming undescribed entities are left out.
    pub fn add_record(&mut self, rec: &Record) {
        self.doc_info(&rec.doc, rec.date);
        let infos: Vec<EntityInfo> = rec.entity_infos().collect();
        let node_of = |i: &EntityInfo, mentions: BTreeMap<String, u64>| NodeData {
            id: i.id.clone(),
            kind: i.kind,
            name: i.name.clone(),
            wikidata: i.wikidata.clone(),
            aliases: i.aliases.clone(),
            mentions,
            facts: BTreeSet::new(),
        };
        for (e, info) in rec.entities.iter().zip(&infos) {
            if e.mentions.is_empty() {
                continue;
            }
            let mut node = node_of(info, BTreeMap::from([(rec.doc.clone(), e.mentions.len() as u64)]));
            if let Some(f) = &e.facts {
                let one = |kind: FactKind, r: &FactRecord| NodeFact {
                    kind,
                    value: r.value.clone(),
                    doc: rec.doc.clone(),
                    span: Span {
                        start: r.start,
                        end: r.end,
                    },
                    text: r.text.clone(),
                };
                let singles = [
                    (FactKind::Nationality, &f.nationality),
                    (FactKind::Affiliation, &f.affiliation),
                    (FactKind::Gender, &f.gender),
                ];
                node.facts
                    .extend(singles.into_iter().filter_map(|(k, r)| r.as_ref().map(|r| one(k, r))));
                node.facts.extend(f.titles.iter().map(|r| one(FactKind::Title, r)));
            }
            self.add_node_mentions(&node);
        }
        // Co-occurrence per sentence (mentions and sentences both in text order).
        let mentions = rec.mention_spans();
        let mut k = 0;
        for s in &rec.sentences {
            while k < mentions.len() && mentions[k].0 < s.start {
                k += 1;
            }
            let mut ids: Vec<&str> = mentions[k..]
                .iter()
                .take_while(|m| m.0 < s.end)
                .filter(|m| m.1 <= s.end)
                .map(|m| rec.entities[m.2].entity.id.as_str())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            if ids.len() < 2 {
                continue;
            }
            let span = Span {
                start: s.start,
                end: s.end,
            };
            let ev = Evidence {
                doc: rec.doc.clone(),
                sentence: span,
            };
            if ids.len() > MAX_ENTITIES_PER_SENTENCE {
                self.skipped.insert(ev);
                continue;
            }
            for [a, b] in ids.iter().array_combinations() {
                self.add_cooc(a, b, [ev.clone()]);
            }
            let text = s.text.clone().unwrap_or_default();
            self.doc_info(&rec.doc, rec.date).sentences.entry(span).or_insert(text);
        }
        let by_id: HashMap<&str, &EntityInfo> = infos.iter().map(|i| (i.id.as_str(), i)).collect();
        for r in &rec.relations {
            let (Some(&s), Some(&o)) = (by_id.get(r.subject.as_str()), by_id.get(r.object.as_str())) else {
                continue;
            };
            let (s, o) = if r.relation.is_symmetric() && o.id < s.id {
                (o, s)
            } else {
                (s, o)
            };
            for e in [s, o] {
                if !self.nodes.contains_key(&e.id) {
                    self.node(&node_of(e, BTreeMap::new()));
                }
            }
            let sentence = Span {
                start: r.sentence.start,
                end: r.sentence.end,
            };
            let ev = RelationEvidence {
                evidence: Evidence {
                    doc: rec.doc.clone(),
                    sentence,
                },
                trigger: Span {
                    start: r.trigger.start,
                    end: r.trigger.end,
                },
                planned: r.planned,
                date: r.date,
                attribution: r.attribution.as_ref().map(|a| match &a.source {
                    Some(src) => src.clone(),
                    None => a.text.clone(),
                }),
                goods: r.goods.clone(),
                confidence: round_confidence(r.confidence),
            };
            self.add_rel(&s.id, r.relation, &o.id, [ev]);
            self.doc_info(&rec.doc, rec.date)
                .sentences
                .entry(sentence)
                .or_insert_with(|| r.sentence.text.clone());
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
            if let EdgeData::Relation(_, set) = &other.graph[ix] {
                self.add_rel(s, *k, o, set.iter().cloned());
            }
        }
        for (id, info) in &other.docs {
            let mine = self.doc_info(id, info.date);
            for (s, t) in &info.sentences {
                mine.sentences.entry(*s).or_insert_with(|| t.clone());
            }
        }
        self.skipped.extend(other.skipped.iter().cloned());
    }

    /// Adds a node with its per-document mention counts (as [`merge`](Self::merge) does).
    pub fn insert_node(&mut self, data: &NodeData) {
        self.add_node_mentions(data);
    }

    /// Adds a co-occurrence edge with its evidence; `None` when an end is not a node.
    pub fn insert_cooccurrence(&mut self, a: &str, b: &str, ev: impl IntoIterator<Item = Evidence>) -> Option<()> {
        if !(self.nodes.contains_key(a) && self.nodes.contains_key(b)) {
            return None;
        }
        self.add_cooc(a, b, ev);
        Some(())
    }

    /// Adds a relation edge with its statements; `None` when an end is not a node.
    pub fn insert_relation(
        &mut self,
        s: &str,
        kind: RelationKind,
        o: &str,
        ev: impl IntoIterator<Item = RelationEvidence>,
    ) -> Option<()> {
        if !(self.nodes.contains_key(s) && self.nodes.contains_key(o)) {
            return None;
        }
        self.add_rel(
            s,
            kind,
            o,
            ev.into_iter().map(|mut e| {
                e.confidence = round_confidence(e.confidence);
                e
            }),
        );
        Some(())
    }

    /// Adds a document with its date and evidence sentences.
    pub fn insert_document(&mut self, id: &str, info: &DocInfo) {
        let mine = self.doc_info(id, info.date);
        for (s, t) in &info.sentences {
            mine.sentences.entry(*s).or_insert_with(|| t.clone());
        }
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

    /// Relation edges `(subject, kind, object, evidence)` in id order, evidence in order.
    pub fn relations(&self) -> impl Iterator<Item = (&str, RelationKind, &str, &BTreeSet<RelationEvidence>)> {
        self.rels.iter().filter_map(|((s, k, o), &ix)| match &self.graph[ix] {
            EdgeData::Relation(_, set) => Some((s.as_str(), *k, o.as_str(), set)),
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

/// Distinct documents stating any value of one kind of fact about a node.
pub fn distinct_fact_documents(n: &NodeData, kind: FactKind) -> usize {
    n.facts
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.doc.as_str())
        .collect::<BTreeSet<_>>()
        .len()
}

/// Distinct documents among evidence.
pub fn distinct_documents<'a>(ev: impl IntoIterator<Item = &'a Evidence>) -> usize {
    ev.into_iter().map(|e| e.doc.as_str()).collect::<BTreeSet<_>>().len()
}
