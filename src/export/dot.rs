//! `out/graph.dot`: the graph for Graphviz, built with graphviz-rust.
//!
//! Nodes are styled by kind (shape and fill colour); co-occurrence edges are thin, grey and
//! undirected (`dir=none`), with `penwidth` growing with the number of sentences and an integer
//! `weight` that only steers the layout; relation edges are drawn by kind (colour, style, a label
//! with the date). Labels are escaped; statements come in id order, so the output is stable.
//! Render with `dot -Tsvg out/graph.dot -o out/graph.svg` (or `sfdp`/`neato` for big graphs).

use super::ron::GraphFile;
use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

/// What to draw.
#[derive(Debug, Clone, Copy, Default)]
pub struct DotOptions {
    /// Draw only relation edges and the nodes they touch (the who-met-whom picture).
    pub relations_only: bool,
    /// Leave out co-occurrence edges seen in fewer sentences than this (0 and 1 keep all).
    pub min_sentences: usize,
}

/// Escapes a string for a double-quoted DOT id.
pub fn quote(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: Id) -> Attribute {
    Attribute(Id::Plain(k.to_string()), v)
}

fn plain(v: impl ToString) -> Id {
    Id::Plain(v.to_string())
}

/// Shape and fill colour per kind.
pub fn kind_style(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "Person" => ("ellipse", "#fde2b8"),
        "Country" => ("box", "#b8d8f8"),
        "City" => ("house", "#c8ecc0"),
        "Place" => ("hexagon", "#e0e0e0"),
        _ => ("component", "#e6d3f5"),
    }
}

/// Colour and line style per relation kind.
pub fn relation_style(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "met" => ("#c0392b", "bold"),
        "visited" => ("#2471a3", "solid"),
        "received" => ("#7d3c98", "solid"),
        "accompanied" => ("#117a65", "dashed"),
        "invited" => ("#b9770e", "dotted"),
        "phoned" => ("#a04000", "dashed"),
        _ => ("#566573", "solid"),
    }
}

/// Renders the graph file as DOT source.
pub fn to_dot(g: &GraphFile, opts: DotOptions) -> String {
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", quote("newskg")),
            attr("overlap", plain("false")),
            attr("splines", plain("true")),
            attr("fontname", quote("Helvetica")),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", quote("filled")),
            attr("fontname", quote("Helvetica")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", quote("Helvetica")),
            attr("fontsize", plain(9)),
        ])),
    ];
    let keep: std::collections::BTreeSet<&str> = if opts.relations_only {
        g.relations
            .iter()
            .flat_map(|r| [r.subject.as_str(), r.object.as_str()])
            .collect()
    } else {
        g.nodes.iter().map(|n| n.id.as_str()).collect()
    };
    for n in g.nodes.iter().filter(|n| keep.contains(n.id.as_str())) {
        let (shape, fill) = kind_style(&n.kind);
        stmts.push(Stmt::Node(Node::new(
            NodeId(quote(&n.id), None),
            vec![
                attr("label", quote(&n.name)),
                attr("shape", plain(shape)),
                attr("fillcolor", quote(fill)),
                attr(
                    "tooltip",
                    quote(&format!(
                        "{} ({}): {} mentions in {} documents",
                        n.name,
                        n.kind,
                        n.mentions,
                        n.documents.len()
                    )),
                ),
            ],
        )));
    }
    let edge = |a: &str, b: &str, attributes: Vec<Attribute>| {
        Stmt::Edge(Edge {
            ty: EdgeTy::Pair(Vertex::N(NodeId(quote(a), None)), Vertex::N(NodeId(quote(b), None))),
            attributes,
        })
    };
    if !opts.relations_only {
        for c in g.cooccurrence.iter().filter(|c| c.sentences >= opts.min_sentences) {
            let pen = 0.5 + (c.sentences as f64).log2().max(0.0) * 0.75;
            stmts.push(edge(
                &c.source,
                &c.target,
                vec![
                    attr("dir", plain("none")),
                    attr("color", quote("#9e9e9e")),
                    attr("penwidth", quote(&format!("{pen:.2}"))),
                    attr("weight", plain(c.sentences)),
                    attr(
                        "tooltip",
                        quote(&format!("{} sentences in {} documents", c.sentences, c.documents)),
                    ),
                ],
            ));
        }
    }
    for r in &g.relations {
        let (color, style) = relation_style(&r.relation);
        let mut label = r.relation.clone();
        if r.planned {
            label.push_str(" (planned)");
        }
        match (&r.first_date, &r.last_date) {
            (Some(a), Some(b)) if a != b => label.push_str(&format!("\n{a} – {b}")),
            (Some(a), _) => label.push_str(&format!("\n{a}")),
            _ => {}
        }
        let mut attrs = vec![
            attr("label", quote(&label)),
            attr("color", quote(color)),
            attr("fontcolor", quote(color)),
            attr("style", quote(if r.planned { "dashed" } else { style })),
            attr(
                "penwidth",
                quote(&format!("{:.2}", 1.5 + (r.documents as f64).log2().max(0.0))),
            ),
            attr("weight", plain(r.documents.max(1) * 2)),
        ];
        if r.relation == "met" || r.relation == "phoned" {
            attrs.push(attr("dir", plain("both")));
        }
        stmts.push(edge(&r.subject, &r.object, attrs));
    }
    let graph = Graph::DiGraph {
        id: plain("newskg"),
        strict: false,
        stmts,
    };
    let mut ctx = PrinterContext::default();
    let mut s = graph.print(&mut ctx);
    s.push('\n');
    s
}
