//! The read side: questions answered from an exported `graph.ron` alone.
//!
//! - [`Query::meetings`]: who met whom, when, says who — one [`Meeting`] per pair and date, with
//!   every report of it (ten reports of one meeting are one meeting with ten sources);
//! - [`Query::timeline`]: one entity's dated relations in order;
//! - [`Query::neighbours`]: everything an entity is linked to, strongest first;
//! - [`Query::path`]: the shortest chain of relations (else of any edges) between two entities.
//!
//! Names resolve by id, canonical name or any alias stored in the file (`Lawrow` finds
//! `sergey-lavrov`), ignoring case, `ß`/`ss` and hyphens.

use crate::date::PartialDate;
use crate::error::{Error, ErrorKind, Result};
use crate::export::ron::{GraphFile, NodeOut, RelationEvidenceOut, RelationOut};
use crate::normalize::normalize_pattern;
use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::{BTreeMap, HashMap};

/// One report of a relation: where, when, says who, and the sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Report {
    /// Document id.
    pub doc: String,
    /// The evidence sentence.
    pub sentence: String,
    /// Who says so.
    pub attribution: Option<String>,
    /// Confidence 0..1.
    #[serde(serialize_with = "two_decimals")]
    pub confidence: f32,
}

fn two_decimals<S: serde::Serializer>(x: &f32, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*x) * 100.0).round() / 100.0)
}

/// A meeting: a pair of persons, a date (when known), and its reports.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Meeting {
    /// First person's id (smaller id).
    pub a: String,
    /// Second person's id.
    pub b: String,
    /// When, as stated.
    pub date: Option<String>,
    /// Every report calls it planned or expected.
    pub planned: bool,
    /// The reports.
    pub reports: Vec<Report>,
}

/// One relation of an entity's timeline.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TimelineEntry {
    /// When, as stated.
    pub date: Option<String>,
    /// Subject id.
    pub subject: String,
    /// Relation kind.
    pub relation: String,
    /// Object id.
    pub object: String,
    /// Planned or expected.
    pub planned: bool,
    /// The reports of this relation at this date.
    pub reports: Vec<Report>,
}

/// A neighbour of an entity.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Neighbour {
    /// The neighbour's id.
    pub id: String,
    /// `cooccurrence` or a relation kind, with `→`/`←` for direction of directed relations.
    pub link: String,
    /// Sentences (co-occurrence) or documents (relations).
    pub weight: usize,
}

/// Queries over a loaded graph file.
#[derive(Debug)]
pub struct Query<'g> {
    g: &'g GraphFile,
    names: HashMap<String, Vec<usize>>,
}

/// A `--since`/`--until` bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, else a usage error.
pub(crate) fn parse_bound(s: Option<&str>) -> Result<Option<PartialDate>> {
    s.map(|s| {
        PartialDate::parse(s).ok_or_else(|| {
            Error::new(
                ErrorKind::Usage,
                format!("bad date {s:?}: write YYYY, YYYY-MM or YYYY-MM-DD"),
            )
        })
    })
    .transpose()
}

impl<'g> Query<'g> {
    /// Indexes a graph file for name lookup.
    pub fn new(g: &'g GraphFile) -> Self {
        let mut names: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, n) in g.nodes.iter().enumerate() {
            for key in std::iter::once(&n.id).chain(std::iter::once(&n.name)).chain(&n.aliases) {
                let v = names.entry(normalize_pattern(key)).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        Query { g, names }
    }

    /// The node a name refers to; an error lists candidates when the name is ambiguous.
    pub fn resolve(&self, name: &str) -> Result<&'g NodeOut> {
        let key = normalize_pattern(name);
        match self.names.get(&key).map(Vec::as_slice) {
            Some([i]) => Ok(&self.g.nodes[*i]),
            Some(many) if many.len() > 1 => {
                let ids: Vec<&str> = many.iter().map(|&i| self.g.nodes[i].id.as_str()).collect();
                Err(Error::new(
                    ErrorKind::Query,
                    format!("{name:?} is ambiguous: {}; use an id", ids.join(", ")),
                ))
            }
            _ => Err(Error::new(
                ErrorKind::Query,
                format!("no entity named {name:?} in the graph"),
            )),
        }
    }

    /// The canonical name of an id (the id itself when unknown).
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.g
            .nodes
            .binary_search_by(|n| n.id.as_str().cmp(id))
            .map(|i| self.g.nodes[i].name.as_str())
            .unwrap_or(id)
    }

    fn report(&self, e: &RelationEvidenceOut) -> Report {
        Report {
            doc: e.doc.clone(),
            sentence: self.g.sentence_text(&e.doc, e.start).unwrap_or("").to_string(),
            attribution: e.attribution.clone(),
            confidence: e.confidence,
        }
    }

    /// Groups a relation's evidence by (date, planned).
    fn by_date(&self, r: &RelationOut) -> BTreeMap<(Option<String>, bool), Vec<Report>> {
        let mut groups: BTreeMap<(Option<String>, bool), Vec<Report>> = BTreeMap::new();
        for e in &r.evidence {
            groups
                .entry((e.date.clone(), e.planned))
                .or_default()
                .push(self.report(e));
        }
        groups
    }

    /// Meetings, optionally of one person (`who`) and within `[since, until]` (dates as
    /// `YYYY[-MM[-DD]]`; a meeting without a date is left out when a bound is given).
    pub fn meetings(&self, who: Option<&str>, since: Option<&str>, until: Option<&str>) -> Result<Vec<Meeting>> {
        let who = who.map(|w| self.resolve(w).map(|n| n.id.as_str())).transpose()?;
        let (since, until) = (parse_bound(since)?, parse_bound(until)?);
        let mut out = Vec::new();
        for r in self.g.relations.iter().filter(|r| r.relation == "met") {
            if who.is_some_and(|w| r.subject != w && r.object != w) {
                continue;
            }
            for ((date, planned), reports) in self.by_date(r) {
                if since.is_some() || until.is_some() {
                    let Some(d) = date.as_deref().and_then(PartialDate::parse) else {
                        continue;
                    };
                    if !d.overlaps(since.as_ref(), until.as_ref()) {
                        continue;
                    }
                }
                out.push(Meeting {
                    a: r.subject.clone(),
                    b: r.object.clone(),
                    date,
                    planned,
                    reports,
                });
            }
        }
        out.sort_by(|x, y| (&x.date, &x.a, &x.b, x.planned).cmp(&(&y.date, &y.a, &y.b, y.planned)));
        Ok(out)
    }

    /// Every relation of an entity, dated ones first in date order, then undated.
    pub fn timeline(&self, name: &str) -> Result<Vec<TimelineEntry>> {
        let id = self.resolve(name)?.id.as_str();
        let mut out = Vec::new();
        for r in self.g.relations.iter().filter(|r| r.subject == id || r.object == id) {
            for ((date, planned), reports) in self.by_date(r) {
                out.push(TimelineEntry {
                    date,
                    subject: r.subject.clone(),
                    relation: r.relation.clone(),
                    object: r.object.clone(),
                    planned,
                    reports,
                });
            }
        }
        out.sort_by(|x, y| {
            (x.date.is_none(), &x.date, &x.relation, &x.subject, &x.object).cmp(&(
                y.date.is_none(),
                &y.date,
                &y.relation,
                &y.subject,
                &y.object,
            ))
        });
        Ok(out)
    }

    /// Everything linked to an entity: relations first, then co-occurrence, strongest first.
    pub fn neighbours(&self, name: &str) -> Result<Vec<Neighbour>> {
        let id = self.resolve(name)?.id.as_str();
        let mut out = Vec::new();
        for r in &self.g.relations {
            let symmetric = matches!(r.relation.as_str(), "met" | "phoned");
            if r.subject == id {
                let arrow = if symmetric { "" } else { " →" };
                out.push(Neighbour {
                    id: r.object.clone(),
                    link: format!("{}{arrow}", r.relation),
                    weight: r.documents,
                });
            } else if r.object == id {
                let arrow = if symmetric { "" } else { " ←" };
                out.push(Neighbour {
                    id: r.subject.clone(),
                    link: format!("{}{arrow}", r.relation),
                    weight: r.documents,
                });
            }
        }
        out.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.id.cmp(&b.id)).then(a.link.cmp(&b.link)));
        let mut co: Vec<Neighbour> = self
            .g
            .cooccurrence
            .iter()
            .filter_map(|c| {
                let other = if c.source == id {
                    &c.target
                } else if c.target == id {
                    &c.source
                } else {
                    return None;
                };
                Some(Neighbour {
                    id: other.clone(),
                    link: "cooccurrence".into(),
                    weight: c.sentences,
                })
            })
            .collect();
        co.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.id.cmp(&b.id)));
        out.extend(co);
        Ok(out)
    }

    /// The shortest chain from `a` to `b`: over relation edges when one exists, else over all
    /// edges. Each step is `(id, link to the next)`; the last link is empty.
    pub fn path(&self, a: &str, b: &str) -> Result<Option<Vec<(String, String)>>> {
        let (a, b) = (self.resolve(a)?.id.as_str(), self.resolve(b)?.id.as_str());
        let relations: Vec<(&str, &str, String)> = self
            .g
            .relations
            .iter()
            .map(|r| (r.subject.as_str(), r.object.as_str(), r.relation.clone()))
            .collect();
        if let Some(p) = shortest(&relations, a, b) {
            return Ok(Some(p));
        }
        let mut all = relations;
        all.extend(
            self.g
                .cooccurrence
                .iter()
                .map(|c| (c.source.as_str(), c.target.as_str(), "cooccurrence".to_string())),
        );
        Ok(shortest(&all, a, b))
    }
}

/// Breadth-first shortest path over an undirected view of `edges` (petgraph's A* with unit costs);
/// each step's link is drawn with the edge's direction (`—visited→`, `←received—`, `—met—`).
fn shortest<'e>(edges: &'e [(&'e str, &'e str, String)], a: &str, b: &str) -> Option<Vec<(String, String)>> {
    let mut g: UnGraph<&'e str, &'e str> = UnGraph::new_undirected();
    let mut ix: BTreeMap<&'e str, NodeIndex> = BTreeMap::new();
    for (s, o, k) in edges {
        let ns = *ix.entry(s).or_insert_with(|| g.add_node(s));
        let no = *ix.entry(o).or_insert_with(|| g.add_node(o));
        g.add_edge(ns, no, k.as_str());
    }
    let (&na, &nb) = (ix.get(a)?, ix.get(b)?);
    let (_, nodes) = petgraph::algo::astar(&g, na, |n| n == nb, |_| 1usize, |_| 0)?;
    let mut out = Vec::new();
    for w in nodes.windows(2) {
        let e = g.find_edge(w[0], w[1])?;
        let kind = g[e];
        // The arrow follows the edge: `Lawrow ←received— Kim` for Kim received Lawrow.
        let link = if matches!(kind, "met" | "phoned" | "cooccurrence") {
            format!("—{kind}—")
        } else if g.edge_endpoints(e).is_some_and(|(from, _)| from == w[0]) {
            format!("—{kind}→")
        } else {
            format!("←{kind}—")
        };
        out.push((g[w[0]].to_string(), link));
    }
    out.push((g[nb].to_string(), String::new()));
    Some(out)
}

impl Query<'_> {
    /// `date  A — B  (planned)  [sources]`, then each report's sentence on its own line.
    pub fn format_meeting(&self, m: &Meeting) -> String {
        let mut sources: Vec<String> = Vec::new();
        for r in &m.reports {
            let s = match &r.attribution {
                Some(a) => format!("{} via {}", r.doc, self.name_of(a)),
                None => r.doc.clone(),
            };
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
        let mut s = format!(
            "{:<10}  {} — {}{}  [{}]",
            m.date.as_deref().unwrap_or("undated"),
            self.name_of(&m.a),
            self.name_of(&m.b),
            if m.planned { "  (planned)" } else { "" },
            sources.join("; ")
        );
        for r in &m.reports {
            s.push_str(&format!("\n            “{}”", r.sentence.replace('\n', " ")));
        }
        s
    }

    /// `date  subject relation object  (planned)  [sources]` with the first report's sentence.
    pub fn format_entry(&self, e: &TimelineEntry) -> String {
        let mut docs: Vec<&str> = e.reports.iter().map(|r| r.doc.as_str()).collect();
        docs.dedup();
        let mut s = format!(
            "{:<10}  {} {} {}{}  [{}]",
            e.date.as_deref().unwrap_or("undated"),
            self.name_of(&e.subject),
            e.relation,
            self.name_of(&e.object),
            if e.planned { "  (planned)" } else { "" },
            docs.join("; ")
        );
        if let Some(r) = e.reports.first() {
            s.push_str(&format!("\n            “{}”", r.sentence.replace('\n', " ")));
        }
        s
    }
}
