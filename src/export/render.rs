//! `newskg render`: a picture of a built graph that stays readable at corpus scale.
//!
//! graph.dot draws everything, which `dot` cannot lay out for a corpus (672 nodes and 3,712
//! co-occurrence edges for the 10kGNAD test split). A picture keeps the entities that matter
//! (top N by mentions or by degree, an ego network, kinds, relation kinds, a date range), keeps
//! each node's strongest co-occurrence edges only, drops what is left isolated, and picks the
//! layout by size: `dot` for small pictures, `sfdp` with straight edges and overlap removal for
//! large ones. A legend names the node kinds and relation colours present, and the title says
//! what was drawn.

use super::dot::{kind_style, quote, relation_style};
use super::ron::{GraphFile, RelationOut};
use crate::date::PartialDate;
use crate::error::{Error, ErrorKind, Result};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

/// How nodes are ranked for `top`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Rank {
    /// Linked mentions in the corpus.
    #[default]
    Mentions,
    /// Relation edges first, then co-occurrence edges.
    Degree,
}

/// The Graphviz layout engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Engine {
    /// Layered layout, for small pictures.
    Dot,
    /// Force-directed layout for large pictures.
    Sfdp,
    /// Spring model.
    Neato,
}

impl Engine {
    /// The engine's command-line name.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Dot => "dot",
            Engine::Sfdp => "sfdp",
            Engine::Neato => "neato",
        }
    }
}

/// What to draw (also the options of `newskg render`).
#[derive(Debug, Clone, clap::Args)]
pub struct RenderOptions {
    /// Keep at most this many entities (the ego entity always stays).
    #[arg(long, default_value_t = 60)]
    pub top: usize,
    /// Rank entities by mentions or by degree (relations first).
    #[arg(long, value_enum, default_value_t = Rank::Mentions)]
    pub by: Rank,
    /// Only these node kinds (comma-separated: Person,Country,City,Place,Organization).
    #[arg(long = "kind", value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// Only these relation kinds (comma-separated: met,visited,received,...).
    #[arg(long = "relation", value_delimiter = ',')]
    pub relations: Vec<String>,
    /// Draw relation edges only (no co-occurrence).
    #[arg(long)]
    pub relations_only: bool,
    /// Only relations stated with a date on or after this (YYYY[-MM[-DD]]); undated ones go.
    #[arg(long)]
    pub since: Option<String>,
    /// Only relations stated with a date on or before this.
    #[arg(long)]
    pub until: Option<String>,
    /// Only this entity and its neighbours (name, alias or id).
    #[arg(long)]
    pub ego: Option<String>,
    /// Co-occurrence edges kept per entity, strongest first.
    #[arg(long, default_value_t = 3)]
    pub per_node: usize,
    /// Layout engine (default: dot when small, sfdp when large).
    #[arg(long, value_enum)]
    pub engine: Option<Engine>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            top: 60,
            by: Rank::Mentions,
            kinds: Vec::new(),
            relations: Vec::new(),
            relations_only: false,
            since: None,
            until: None,
            ego: None,
            per_node: 3,
            engine: None,
        }
    }
}

/// A picture ready for Graphviz.
#[derive(Debug, Clone)]
pub struct Picture {
    /// DOT source.
    pub dot: String,
    /// The engine to lay it out with.
    pub engine: Engine,
    /// Entities drawn.
    pub nodes: usize,
    /// Edges drawn (relations and co-occurrence).
    pub edges: usize,
    /// The title, as drawn.
    pub title: String,
}

/// Pictures up to this many nodes and edges are laid out with `dot`; larger ones with `sfdp`.
const DOT_MAX_NODES: usize = 80;
const DOT_MAX_EDGES: usize = 200;

/// True when a relation has a statement dated within the range (a partial date overlaps it:
/// `2016` is within `2016-05`..).
fn in_range(r: &RelationOut, since: Option<&PartialDate>, until: Option<&PartialDate>) -> bool {
    if since.is_none() && until.is_none() {
        return true;
    }
    r.evidence
        .iter()
        .filter_map(|e| e.date.as_deref().and_then(PartialDate::parse))
        .any(|d| d.overlaps(since, until))
}

/// Chooses what to draw and writes it as DOT.
pub fn picture(g: &GraphFile, opts: &RenderOptions) -> Result<Picture> {
    let q = crate::query::Query::new(g);
    let since = crate::query::parse_bound(opts.since.as_deref())?;
    let until = crate::query::parse_bound(opts.until.as_deref())?;
    let kind_ok = |k: &str| opts.kinds.is_empty() || opts.kinds.iter().any(|x| x.eq_ignore_ascii_case(k));
    let kind_of: HashMap<&str, &str> = g.nodes.iter().map(|n| (n.id.as_str(), n.kind.as_str())).collect();
    let node_ok = |id: &str| kind_of.get(id).is_some_and(|k| kind_ok(k));
    let relations: Vec<&RelationOut> = g
        .relations
        .iter()
        .filter(|r| opts.relations.is_empty() || opts.relations.iter().any(|k| k == &r.relation))
        .filter(|r| in_range(r, since.as_ref(), until.as_ref()))
        .filter(|r| node_ok(&r.subject) && node_ok(&r.object))
        .collect();
    let dated = opts.since.is_some() || opts.until.is_some() || !opts.relations.is_empty();
    let cooccurrence: Vec<_> = if opts.relations_only {
        Vec::new()
    } else {
        g.cooccurrence
            .iter()
            .filter(|c| node_ok(&c.source) && node_ok(&c.target))
            .collect()
    };
    // Candidates: an ego network, or every node of the kinds asked for (with a relation filter,
    // only nodes that keep a relation).
    let ego = opts.ego.as_deref().map(|name| q.resolve(name)).transpose()?;
    let mut candidates: BTreeSet<&str> = BTreeSet::new();
    match ego {
        Some(e) => {
            candidates.insert(e.id.as_str());
            for r in &relations {
                if r.subject == e.id || r.object == e.id {
                    candidates.insert(&r.subject);
                    candidates.insert(&r.object);
                }
            }
            for c in &cooccurrence {
                if c.source == e.id || c.target == e.id {
                    candidates.insert(&c.source);
                    candidates.insert(&c.target);
                }
            }
        }
        None if dated || opts.relations_only => {
            for r in &relations {
                candidates.insert(&r.subject);
                candidates.insert(&r.object);
            }
        }
        None => candidates.extend(g.nodes.iter().filter(|n| kind_ok(&n.kind)).map(|n| n.id.as_str())),
    }
    // Rank and keep the top N.
    let mut degree: HashMap<&str, (usize, usize)> = HashMap::new();
    for r in &relations {
        for id in [&r.subject, &r.object] {
            degree.entry(id.as_str()).or_default().0 += 1;
        }
    }
    for c in &cooccurrence {
        for id in [&c.source, &c.target] {
            degree.entry(id.as_str()).or_default().1 += 1;
        }
    }
    let mentions: HashMap<&str, u64> = g.nodes.iter().map(|n| (n.id.as_str(), n.mentions)).collect();
    let mut ranked: Vec<&str> = candidates.iter().copied().collect();
    ranked.sort_by(|a, b| {
        let key = |id: &str| match opts.by {
            Rank::Mentions => (mentions.get(id).copied().unwrap_or(0), 0, 0),
            Rank::Degree => {
                let d = degree.get(id).copied().unwrap_or_default();
                (d.0 as u64, d.1, 0)
            }
        };
        key(b).cmp(&key(a)).then(a.cmp(b))
    });
    let total = ranked.len();
    let mut keep: BTreeSet<&str> = ranked.iter().take(opts.top.max(1)).copied().collect();
    if let Some(e) = ego {
        keep.insert(e.id.as_str());
    }
    // Edges among kept nodes: every relation; each node's strongest co-occurrence edges.
    let kept_relations: Vec<&RelationOut> = relations
        .iter()
        .copied()
        .filter(|r| keep.contains(r.subject.as_str()) && keep.contains(r.object.as_str()))
        .collect();
    let mut by_node: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, c) in cooccurrence.iter().enumerate() {
        if keep.contains(c.source.as_str()) && keep.contains(c.target.as_str()) {
            by_node.entry(&c.source).or_default().push(k);
            by_node.entry(&c.target).or_default().push(k);
        }
    }
    let mut kept_co: BTreeSet<usize> = BTreeSet::new();
    for edges in by_node.values_mut() {
        edges.sort_by(|&a, &b| {
            cooccurrence[b]
                .sentences
                .cmp(&cooccurrence[a].sentences)
                .then(a.cmp(&b))
        });
        kept_co.extend(edges.iter().take(opts.per_node));
    }
    // Drop nodes left without an edge (unless it is the only thing asked for).
    let mut touched: BTreeSet<&str> = BTreeSet::new();
    for r in &kept_relations {
        touched.insert(&r.subject);
        touched.insert(&r.object);
    }
    for &k in &kept_co {
        touched.insert(&cooccurrence[k].source);
        touched.insert(&cooccurrence[k].target);
    }
    if let Some(e) = ego {
        touched.insert(e.id.as_str());
    }
    let drawn: BTreeSet<&str> = keep.intersection(&touched).copied().collect();
    let edges = kept_relations.len() + kept_co.len();
    let engine = opts
        .engine
        .unwrap_or(if drawn.len() <= DOT_MAX_NODES && edges <= DOT_MAX_EDGES {
            Engine::Dot
        } else {
            Engine::Sfdp
        });
    // Title: what was drawn.
    let mut what = format!(
        "{} of {} entities by {}",
        drawn.len(),
        total,
        match opts.by {
            Rank::Mentions => "mentions",
            Rank::Degree => "degree",
        }
    );
    if let Some(e) = ego {
        what = format!("{} and its neighbours: {what}", e.name);
    }
    if !opts.kinds.is_empty() {
        let _ = write!(what, "; kinds {}", opts.kinds.join(", "));
    }
    if !opts.relations.is_empty() {
        let _ = write!(what, "; relations {}", opts.relations.join(", "));
    }
    if opts.since.is_some() || opts.until.is_some() {
        let _ = write!(
            what,
            "; dated {} to {}",
            opts.since.as_deref().unwrap_or("…"),
            opts.until.as_deref().unwrap_or("…")
        );
    }
    let _ = write!(
        what,
        "; {} relation edges{}",
        kept_relations.len(),
        if opts.relations_only {
            String::new()
        } else {
            format!(
                ", {} co-occurrence edges (the {} strongest per entity)",
                kept_co.len(),
                opts.per_node
            )
        }
    );
    let title = format!("newskg: {what}");
    // DOT.
    let mut s = String::new();
    let _ = writeln!(s, "digraph newskg {{");
    let _ = writeln!(s, "  label={};", dot_str(&title));
    let _ = writeln!(s, "  labelloc=t; fontsize=18; fontname=\"Helvetica\";");
    match engine {
        Engine::Dot => {
            let _ = writeln!(s, "  rankdir=LR; splines=true; nodesep=0.3;");
        }
        Engine::Sfdp | Engine::Neato => {
            let _ = writeln!(
                s,
                "  splines=false; overlap=prism; overlap_scaling=2; outputorder=edgesfirst; K=1.2;"
            );
        }
    }
    let _ = writeln!(s, "  node [style=filled, fontname=\"Helvetica\", fontsize=11];");
    let _ = writeln!(s, "  edge [fontname=\"Helvetica\", fontsize=9];");
    let by_id: HashMap<&str, &super::ron::NodeOut> = g.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let max_mentions = drawn
        .iter()
        .filter_map(|id| mentions.get(id))
        .copied()
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    for id in &drawn {
        let n = by_id[id];
        let (shape, fill) = kind_style(&n.kind);
        let size = 10.0 + 10.0 * ((n.mentions.max(1) as f64).ln() / max_mentions.ln().max(1.0));
        let _ = writeln!(
            s,
            "  {} [label={}, shape={shape}, fillcolor=\"{fill}\", fontsize={size:.1}, tooltip={}];",
            dot_str(id),
            dot_str(&n.name),
            dot_str(&format!(
                "{} ({}): {} mentions in {} documents",
                n.name,
                n.kind,
                n.mentions,
                n.documents.len()
            ))
        );
    }
    for &k in &kept_co {
        let c = cooccurrence[k];
        if !drawn.contains(c.source.as_str()) || !drawn.contains(c.target.as_str()) {
            continue;
        }
        let pen = 0.5 + (c.sentences as f64).log2().max(0.0) * 0.5;
        let _ = writeln!(
            s,
            "  {} -> {} [dir=none, color=\"#b0b0b0\", penwidth={pen:.2}, tooltip={}];",
            dot_str(&c.source),
            dot_str(&c.target),
            dot_str(&format!("{} sentences in {} documents", c.sentences, c.documents))
        );
    }
    for r in &kept_relations {
        let (color, style) = relation_style(&r.relation);
        // The dates of the statements drawn (within the range asked for).
        let dates: BTreeSet<&str> = r
            .evidence
            .iter()
            .filter_map(|e| e.date.as_deref())
            .filter(|d| PartialDate::parse(d).is_some_and(|d| d.overlaps(since.as_ref(), until.as_ref())))
            .collect();
        let mut label = r.relation.clone();
        match (dates.first(), dates.last()) {
            (Some(a), Some(b)) if a != b => {
                let _ = write!(label, " {a} – {b}");
            }
            (Some(a), _) => {
                let _ = write!(label, " {a}");
            }
            _ => {}
        }
        let _ = writeln!(
            s,
            "  {} -> {} [color=\"{color}\", fontcolor=\"{color}\", style={}, penwidth={:.2}, label={}{}];",
            dot_str(&r.subject),
            dot_str(&r.object),
            if r.planned { "dashed" } else { style },
            1.5 + (r.documents as f64).log2().max(0.0),
            dot_str(&label),
            if r.relation == "met" || r.relation == "phoned" {
                ", dir=both"
            } else {
                ""
            }
        );
    }
    legend(&mut s, g, &drawn, &kept_relations);
    s.push_str("}\n");
    Ok(Picture {
        dot: s,
        engine,
        nodes: drawn.len(),
        edges,
        title,
    })
}

/// The legend, one node holding a table (every layout engine keeps it in one piece): a swatch
/// per node kind drawn, the colour and line of each relation kind drawn, and planned vs done.
fn legend(s: &mut String, g: &GraphFile, drawn: &BTreeSet<&str>, relations: &[&RelationOut]) {
    let kinds: BTreeSet<&str> = g
        .nodes
        .iter()
        .filter(|n| drawn.contains(n.id.as_str()))
        .map(|n| n.kind.as_str())
        .collect();
    let rels: BTreeSet<&str> = relations.iter().map(|r| r.relation.as_str()).collect();
    if kinds.is_empty() {
        return;
    }
    let mut rows = String::from("<TR><TD COLSPAN=\"2\"><B>legend</B></TD></TR>");
    for k in &kinds {
        let (shape, fill) = kind_style(k);
        let _ = write!(
            rows,
            "<TR><TD BGCOLOR=\"{fill}\" BORDER=\"1\">{shape}</TD><TD ALIGN=\"LEFT\">{k}</TD></TR>"
        );
    }
    for r in &rels {
        let (color, style) = relation_style(r);
        let line = match style {
            "dashed" => "- - - -",
            "dotted" => "· · · · ·",
            _ => "———",
        };
        let _ = write!(
            rows,
            "<TR><TD><FONT COLOR=\"{color}\"><B>{line}</B></FONT></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"{color}\">{r}</FONT></TD></TR>"
        );
    }
    if !rels.is_empty() {
        let _ = write!(
            rows,
            "<TR><TD>- - - -</TD><TD ALIGN=\"LEFT\">planned, not done</TD></TR>"
        );
    }
    let _ = writeln!(
        s,
        "  \"legend:\" [shape=plaintext, style=\"\", label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" COLOR=\"#909090\">{rows}</TABLE>>];"
    );
}

fn dot_str(s: &str) -> String {
    match quote(s) {
        graphviz_rust::dot_structures::Id::Escaped(x) => x,
        _ => format!("\"{s}\""),
    }
}

/// Lays the picture out with Graphviz and returns the image bytes in `format` (`svg`, `png`,
/// `pdf`...). A clear error says when Graphviz is not installed.
pub fn render(p: &Picture, format: &str) -> Result<Vec<u8>> {
    use graphviz_rust::cmd::{CommandArg, Layout};
    let layout = match p.engine {
        Engine::Dot => Layout::Dot,
        Engine::Sfdp => Layout::Sfdp,
        Engine::Neato => Layout::Neato,
    };
    let args = vec![CommandArg::Layout(layout), CommandArg::Custom(format!("-T{format}"))];
    graphviz_rust::exec_dot(p.dot.clone(), args).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::new(
                ErrorKind::Output,
                "Graphviz is not installed (no `dot` command on PATH): install it (Debian/Ubuntu: \
                 apt install graphviz), or write the DOT source with `--format dot` and lay it out elsewhere",
            )
        } else {
            Error::new(ErrorKind::Output, format!("Graphviz ({}) failed: {e}", p.engine.name()))
        }
    })
}
