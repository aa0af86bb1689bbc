//! `out/graph.ron`: the graph in newskg's own versioned schema.
//!
//! Kinds, ids and dates are plain strings and options are `None`/`Some(..)`, so the file loads
//! into dicts and lists with the PyPI package `python-ron` (`import pyron; pyron.load(path)`).
//! Everything is sorted by ids and spans: the same graph gives the same bytes. The file holds the
//! whole graph ([`GraphFile::to_graph`] loads it back), so graph files merge (`newskg merge`).
//!
//! ```text
//! (
//!     schema: "newskg.graph", version: 2,
//!     nodes: [(id, kind, name, wikidata, aliases, mentions, documents: [doc...],
//!              document_mentions: [n...], summary: [(fact, value, documents, of)],
//!              facts: [(fact, value, doc, start, end, text)])],
//!     cooccurrence: [(source, target, sentences, documents, evidence: [(doc, start, end)])],
//!     relations: [(subject, relation, object, planned, documents, first_date, last_date,
//!                  evidence: [(doc, start, end, trigger_start, trigger_end, trigger_chars, planned, date,
//!                              attribution, goods, confidence)])],
//!     documents: [(id, date, sentences: [(start, end, text)])],
//! )
//! ```

use crate::date::PartialDate;
use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::Kind;
use crate::graph::{
    DocInfo, Evidence, FactKind, KnowledgeGraph, NodeData, NodeFact, RelationEvidence, distinct_documents,
    distinct_fact_documents,
};
use crate::relation::RelationKind;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Schema name written to every file.
pub const SCHEMA: &str = "newskg.graph";
/// Schema version; bumped on any incompatible change (2: nodes give their mentions per document,
/// so a file loads back into the graph it was written from).
pub const VERSION: u32 = 2;

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphFile {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// [`VERSION`] of the writer.
    pub version: u32,
    /// Entities.
    pub nodes: Vec<NodeOut>,
    /// Co-occurrence edges (undirected; `source < target`).
    pub cooccurrence: Vec<CooccurrenceOut>,
    /// Typed relation edges.
    pub relations: Vec<RelationOut>,
    /// Documents, with the sentences evidence points to.
    pub documents: Vec<DocumentOut>,
}

/// A node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeOut {
    /// Entity id.
    pub id: String,
    /// `Person`, `Country`, `City`, `Place` or `Organization`.
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// Aliases and short aliases from the gazetteer, so that names can be looked up in the file alone.
    pub aliases: Vec<String>,
    /// Linked mentions in all documents.
    pub mentions: u64,
    /// Documents that mention it.
    pub documents: Vec<String>,
    /// Linked mentions in each of `documents`, in the same order (version 2 on).
    #[serde(default)]
    pub document_mentions: Vec<u64>,
    /// The value most documents state for each kind of fact: `nationality`, `affiliation`,
    /// `gender`, `title` (absent when no text states one).
    #[serde(default)]
    pub summary: Vec<FactSummaryOut>,
    /// Every statement of a fact about the entity, with its words (files written before facts
    /// were kept load with none).
    #[serde(default)]
    pub facts: Vec<FactOut>,
}

/// The facts a node's summary gives, in the order flat files list them.
pub const FACTS: [&str; 4] = ["nationality", "affiliation", "gender", "title"];

impl NodeOut {
    /// The value most documents state for a fact (`nationality`, `affiliation`, `gender`,
    /// `title`).
    pub fn fact(&self, fact: &str) -> Option<&str> {
        self.summary.iter().find(|s| s.fact == fact).map(|s| s.value.as_str())
    }

    /// The summary's values of [`FACTS`], empty where no text states one (a row of a flat file).
    pub fn fact_row(&self) -> [&str; 4] {
        FACTS.map(|f| self.fact(f).unwrap_or(""))
    }
}

/// The value most documents state for one kind of fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactSummaryOut {
    /// `nationality`, `affiliation`, `gender` or `title`.
    pub fact: String,
    /// The value.
    pub value: String,
    /// Documents stating this value.
    pub documents: usize,
    /// Documents stating any value of this kind.
    pub of: usize,
}

/// One statement of a fact about an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactOut {
    /// `nationality`, `affiliation`, `gender` or `title`.
    pub fact: String,
    /// A country or organisation id, `female`/`male`, or a title family.
    pub value: String,
    /// Document id.
    pub doc: String,
    /// First byte of the words.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The words.
    pub text: String,
}

/// One evidence sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceOut {
    /// Document id.
    pub doc: String,
    /// Sentence start byte.
    pub start: usize,
    /// Sentence end byte.
    pub end: usize,
}

/// A co-occurrence edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CooccurrenceOut {
    /// Smaller id.
    pub source: String,
    /// Larger id.
    pub target: String,
    /// Sentences naming both.
    pub sentences: usize,
    /// Documents with such a sentence.
    pub documents: usize,
    /// Every such sentence.
    pub evidence: Vec<EvidenceOut>,
}

/// One statement of a relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationEvidenceOut {
    /// Document id.
    pub doc: String,
    /// Sentence start byte.
    pub start: usize,
    /// Sentence end byte.
    pub end: usize,
    /// Trigger start byte.
    pub trigger_start: usize,
    /// Trigger end byte.
    pub trigger_end: usize,
    /// The trigger in the sentence's text (`documents`) as character offsets, what Python's
    /// `text[a:b]` counts (the byte offsets above index the document's UTF-8 bytes).
    #[serde(default)]
    pub trigger_chars: Option<(usize, usize)>,
    /// Announced, not done.
    pub planned: bool,
    /// `YYYY[-MM[-DD]]`.
    pub date: Option<String>,
    /// Source entity id or the source's words.
    pub attribution: Option<String>,
    /// Goods, for `supplied`.
    pub goods: Vec<String>,
    /// 0..1.
    pub confidence: f32,
}

/// A relation edge: one per subject–kind–object, with all statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationOut {
    /// Subject id.
    pub subject: String,
    /// `met`, `visited`, `received`, `accompanied`, `invited`, `phoned`, `supplied`.
    pub relation: String,
    /// Object id.
    pub object: String,
    /// True when every statement calls it announced or expected.
    pub planned: bool,
    /// Distinct documents stating it.
    pub documents: usize,
    /// Earliest date stated.
    pub first_date: Option<String>,
    /// Latest date stated.
    pub last_date: Option<String>,
    /// Every statement.
    pub evidence: Vec<RelationEvidenceOut>,
}

/// A document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentOut {
    /// Document id.
    pub id: String,
    /// Document date.
    pub date: Option<String>,
    /// Sentences that evidence points to.
    pub sentences: Vec<SentenceOut>,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceOut {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Text.
    pub text: String,
}

impl GraphFile {
    /// The file's view of a graph.
    pub fn from_graph(g: &KnowledgeGraph) -> GraphFile {
        let nodes = g
            .nodes()
            .map(|n| NodeOut {
                id: n.id.clone(),
                kind: n.kind.as_str().to_string(),
                name: n.name.clone(),
                wikidata: n.wikidata.clone(),
                aliases: n.aliases.clone(),
                mentions: n.mention_count(),
                documents: n.mentions.keys().cloned().collect(),
                document_mentions: n.mentions.values().copied().collect(),
                summary: FactKind::ALL
                    .into_iter()
                    .filter_map(|k| {
                        let (value, documents) = n.fact_summary(k)?;
                        let of = distinct_fact_documents(n, k);
                        Some(FactSummaryOut {
                            fact: k.as_str().to_string(),
                            value: value.to_string(),
                            documents,
                            of,
                        })
                    })
                    .collect(),
                facts: n
                    .facts
                    .iter()
                    .map(|f| FactOut {
                        fact: f.kind.as_str().to_string(),
                        value: f.value.clone(),
                        doc: f.doc.clone(),
                        start: f.span.start,
                        end: f.span.end,
                        text: f.text.clone(),
                    })
                    .collect(),
            })
            .collect();
        let cooccurrence = g
            .cooccurrences()
            .map(|(a, b, ev)| CooccurrenceOut {
                source: a.to_string(),
                target: b.to_string(),
                sentences: ev.len(),
                documents: distinct_documents(ev),
                evidence: ev
                    .iter()
                    .map(|e| EvidenceOut {
                        doc: e.doc.clone(),
                        start: e.sentence.start,
                        end: e.sentence.end,
                    })
                    .collect(),
            })
            .collect();
        let relations = g
            .relations()
            .map(|(s, k, o, ev)| {
                let dates: Vec<_> = ev.iter().filter_map(|e| e.date).collect();
                RelationOut {
                    subject: s.to_string(),
                    relation: k.as_str().to_string(),
                    object: o.to_string(),
                    planned: ev.iter().all(|e| e.planned),
                    documents: distinct_documents(ev.iter().map(|e| &e.evidence)),
                    first_date: dates.iter().min().map(|d| d.to_string()),
                    last_date: dates.iter().max().map(|d| d.to_string()),
                    evidence: ev
                        .iter()
                        .map(|e| RelationEvidenceOut {
                            doc: e.evidence.doc.clone(),
                            start: e.evidence.sentence.start,
                            end: e.evidence.sentence.end,
                            trigger_start: e.trigger.start,
                            trigger_end: e.trigger.end,
                            trigger_chars: g
                                .documents()
                                .get(&e.evidence.doc)
                                .and_then(|d| d.sentences.get(&e.evidence.sentence))
                                .and_then(|text| {
                                    let s = e.evidence.sentence.start;
                                    let (a, b) = (e.trigger.start.checked_sub(s)?, e.trigger.end.checked_sub(s)?);
                                    Some((text.get(..a)?.chars().count(), text.get(..b)?.chars().count()))
                                }),
                            planned: e.planned,
                            date: e.date.map(|d| d.to_string()),
                            attribution: e.attribution.clone(),
                            goods: e.goods.clone(),
                            confidence: (e.confidence * 100.0).round() / 100.0,
                        })
                        .collect(),
                }
            })
            .collect();
        let documents = g
            .documents()
            .iter()
            .map(|(id, info)| DocumentOut {
                id: id.clone(),
                date: info.date.map(|d| d.to_string()),
                sentences: info
                    .sentences
                    .iter()
                    .map(|(s, t)| SentenceOut {
                        start: s.start,
                        end: s.end,
                        text: t.clone(),
                    })
                    .collect(),
            })
            .collect();
        GraphFile {
            schema: SCHEMA.into(),
            version: VERSION,
            nodes,
            cooccurrence,
            relations,
            documents,
        }
    }

    /// Serialises to pretty RON (deterministic).
    pub fn to_ron(&self) -> String {
        let cfg = ::ron::ser::PrettyConfig::new()
            .indentor("  ".to_string())
            .struct_names(false)
            .depth_limit(4);
        let mut s = ::ron::ser::to_string_pretty(self, cfg).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Parses a graph file, checking its schema and version.
    pub fn from_ron(src: &str, path: &std::path::Path) -> Result<GraphFile> {
        let f: GraphFile = ::ron::Options::default().from_str(src).map_err(|e| {
            Error::with_problems(
                ErrorKind::Input,
                "cannot read graph file",
                vec![crate::error::Problem::at(
                    path,
                    e.span.start.line,
                    e.span.start.col,
                    e.code.to_string(),
                )],
            )
        })?;
        if f.schema != SCHEMA || f.version > VERSION {
            return Err(Error::new(
                ErrorKind::Input,
                format!(
                    "{}: schema {:?} version {} is not {SCHEMA:?} version ≤ {VERSION}",
                    path.display(),
                    f.schema,
                    f.version
                ),
            ));
        }
        Ok(f)
    }

    /// The graph this file was written from. Needs a version 2 file (version 1 files lack the
    /// mentions per document); every problem names the file and the node or edge.
    pub fn to_graph(&self, path: &Path) -> Result<KnowledgeGraph> {
        let bad = |what: String| Error::new(ErrorKind::Input, format!("{}: {what}", path.display()));
        if self.version < 2 {
            return Err(bad(format!(
                "graph file version {} lacks the mentions per document that merging needs; rebuild it with this newskg",
                self.version
            )));
        }
        let date = |d: &Option<String>, what: &dyn Fn() -> String| -> Result<Option<PartialDate>> {
            match d {
                None => Ok(None),
                Some(s) => PartialDate::parse(s)
                    .map(Some)
                    .ok_or_else(|| bad(format!("{}: date {s:?} is not YYYY, YYYY-MM or YYYY-MM-DD", what()))),
            }
        };
        let mut g = KnowledgeGraph::new();
        for n in &self.nodes {
            let kind = Kind::ALL
                .into_iter()
                .find(|k| k.as_str() == n.kind)
                .ok_or_else(|| bad(format!("node {:?}: unknown kind {:?}", n.id, n.kind)))?;
            if n.documents.len() != n.document_mentions.len() {
                return Err(bad(format!(
                    "node {:?}: {} documents but {} document_mentions",
                    n.id,
                    n.documents.len(),
                    n.document_mentions.len()
                )));
            }
            g.insert_node(&NodeData {
                id: n.id.clone(),
                kind,
                name: n.name.clone(),
                wikidata: n.wikidata.clone(),
                aliases: n.aliases.clone(),
                mentions: n
                    .documents
                    .iter()
                    .cloned()
                    .zip(n.document_mentions.iter().copied())
                    .collect(),
                facts: n
                    .facts
                    .iter()
                    .map(|f| {
                        Ok(NodeFact {
                            kind: FactKind::parse(&f.fact)
                                .ok_or_else(|| bad(format!("node {:?}: unknown fact {:?}", n.id, f.fact)))?,
                            value: f.value.clone(),
                            doc: f.doc.clone(),
                            span: Span {
                                start: f.start,
                                end: f.end,
                            },
                            text: f.text.clone(),
                        })
                    })
                    .collect::<Result<_>>()?,
            });
        }
        for c in &self.cooccurrence {
            let ev = c.evidence.iter().map(|e| Evidence {
                doc: e.doc.clone(),
                sentence: Span {
                    start: e.start,
                    end: e.end,
                },
            });
            g.insert_cooccurrence(&c.source, &c.target, ev).ok_or_else(|| {
                bad(format!(
                    "co-occurrence {} — {} names an entity that is not a node",
                    c.source, c.target
                ))
            })?;
        }
        for r in &self.relations {
            let what = || format!("relation {} {} {}", r.subject, r.relation, r.object);
            let kind = RelationKind::parse(&r.relation)
                .ok_or_else(|| bad(format!("{}: unknown relation kind {:?}", what(), r.relation)))?;
            let mut ev = Vec::with_capacity(r.evidence.len());
            for e in &r.evidence {
                ev.push(RelationEvidence {
                    evidence: Evidence {
                        doc: e.doc.clone(),
                        sentence: Span {
                            start: e.start,
                            end: e.end,
                        },
                    },
                    trigger: Span {
                        start: e.trigger_start,
                        end: e.trigger_end,
                    },
                    planned: e.planned,
                    date: date(&e.date, &what)?,
                    attribution: e.attribution.clone(),
                    goods: e.goods.clone(),
                    confidence: e.confidence,
                });
            }
            g.insert_relation(&r.subject, kind, &r.object, ev)
                .ok_or_else(|| bad(format!("{} names an entity that is not a node", what())))?;
        }
        for d in &self.documents {
            let info = DocInfo {
                date: date(&d.date, &|| format!("document {:?}", d.id))?,
                sentences: d
                    .sentences
                    .iter()
                    .map(|s| {
                        (
                            Span {
                                start: s.start,
                                end: s.end,
                            },
                            s.text.clone(),
                        )
                    })
                    .collect(),
            };
            g.insert_document(&d.id, &info);
        }
        Ok(g)
    }

    /// Reads a graph file.
    pub fn load(path: &std::path::Path) -> Result<GraphFile> {
        let src = std::fs::read_to_string(path)
            .map_err(|e| Error::io(ErrorKind::Input, "cannot read graph file", path, e))?;
        Self::from_ron(&src, path)
    }

    /// The text of the sentence `doc[start..end]`, when the file has it.
    pub fn sentence_text(&self, doc: &str, start: usize) -> Option<&str> {
        let d = self.documents.binary_search_by(|d| d.id.as_str().cmp(doc)).ok()?;
        let ss = &self.documents[d].sentences;
        let i = ss.binary_search_by(|s| s.start.cmp(&start)).ok()?;
        Some(&ss[i].text)
    }
}
