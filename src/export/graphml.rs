//! `graph.graphml` (Gephi, yEd, Cytoscape, networkx `read_graphml`) and `graph.json` (networkx
//! node-link: `networkx.node_link_graph(json.load(f), edges="links")`): the same nodes and edges as
//! graph.ron, one file each, dates as `YYYY[-MM[-DD]]` strings. Every edge is written directed
//! (`source` → `target`; networkx refuses GraphML that mixes directed and undirected edges), and a
//! boolean `symmetric` marks those without a direction (co-occurrence, `met`, `phoned`).

use super::ron::GraphFile;
use serde_json::{Value, json};

/// True for relation kinds without direction.
fn undirected(relation: &str) -> bool {
    matches!(relation, "met" | "phoned" | "cooccurrence")
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

use super::ron::FACTS;

/// The graph as GraphML: node attributes label, kind, mentions, documents, wikidata,
/// nationality, affiliation, gender, title (the values most documents state); edge
/// attributes relation, weight (sentences or statements), documents, planned, first_date,
/// last_date, symmetric (co-occurrence, `met` and `phoned` have no direction; every edge is
/// written directed, as networkx needs one kind per file).
pub fn to_graphml(g: &GraphFile) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
         \x20 <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n\
         \x20 <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n\
         \x20 <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"/>\n\
         \x20 <key id=\"ndocuments\" for=\"node\" attr.name=\"documents\" attr.type=\"long\"/>\n\
         \x20 <key id=\"wikidata\" for=\"node\" attr.name=\"wikidata\" attr.type=\"string\"/>\n\
         \x20 <key id=\"nationality\" for=\"node\" attr.name=\"nationality\" attr.type=\"string\"/>\n\
         \x20 <key id=\"affiliation\" for=\"node\" attr.name=\"affiliation\" attr.type=\"string\"/>\n\
         \x20 <key id=\"gender\" for=\"node\" attr.name=\"gender\" attr.type=\"string\"/>\n\
         \x20 <key id=\"title\" for=\"node\" attr.name=\"title\" attr.type=\"string\"/>\n\
         \x20 <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n\
         \x20 <key id=\"symmetric\" for=\"edge\" attr.name=\"symmetric\" attr.type=\"boolean\"/>\n\
         \x20 <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n\
         \x20 <key id=\"edocuments\" for=\"edge\" attr.name=\"documents\" attr.type=\"long\"/>\n\
         \x20 <key id=\"planned\" for=\"edge\" attr.name=\"planned\" attr.type=\"boolean\"/>\n\
         \x20 <key id=\"first_date\" for=\"edge\" attr.name=\"first_date\" attr.type=\"string\"/>\n\
         \x20 <key id=\"last_date\" for=\"edge\" attr.name=\"last_date\" attr.type=\"string\"/>\n\
         \x20 <graph id=\"newskg\" edgedefault=\"directed\">\n",
    );
    for n in &g.nodes {
        s.push_str(&format!(
            "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"kind\">{}</data><data key=\"mentions\">{}</data><data key=\"ndocuments\">{}</data>",
            xml_escape(&n.id),
            xml_escape(&n.name),
            xml_escape(&n.kind),
            n.mentions,
            n.documents.len()
        ));
        if let Some(w) = &n.wikidata {
            s.push_str(&format!("<data key=\"wikidata\">{}</data>", xml_escape(w)));
        }
        for f in FACTS {
            if let Some(v) = n.fact(f) {
                s.push_str(&format!("<data key=\"{f}\">{}</data>", xml_escape(v)));
            }
        }
        s.push_str("</node>\n");
    }
    let mut k = 0usize;
    let mut edge = |s: &mut String,
                    src: &str,
                    dst: &str,
                    rel: &str,
                    weight: usize,
                    docs: usize,
                    planned: bool,
                    dates: [Option<&str>; 2]| {
        s.push_str(&format!(
            "    <edge id=\"e{k}\" source=\"{}\" target=\"{}\"><data key=\"relation\">{}</data><data key=\"symmetric\">{}</data><data key=\"weight\">{weight}</data><data key=\"edocuments\">{docs}</data><data key=\"planned\">{planned}</data>",
            xml_escape(src),
            xml_escape(dst),
            xml_escape(rel),
            undirected(rel)
        ));
        for (key, d) in ["first_date", "last_date"].iter().zip(dates) {
            if let Some(d) = d {
                s.push_str(&format!("<data key=\"{key}\">{}</data>", xml_escape(d)));
            }
        }
        s.push_str("</edge>\n");
        k += 1;
    };
    for c in &g.cooccurrence {
        edge(
            &mut s,
            &c.source,
            &c.target,
            "cooccurrence",
            c.sentences,
            c.documents,
            false,
            [None, None],
        );
    }
    for r in &g.relations {
        edge(
            &mut s,
            &r.subject,
            &r.object,
            &r.relation,
            r.evidence.len(),
            r.documents,
            r.planned,
            [r.first_date.as_deref(), r.last_date.as_deref()],
        );
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

/// The graph in networkx's node-link form (a directed multigraph: co-occurrence and symmetric
/// relations carry `"directed": false`), with each relation's statements as evidence
/// (document, sentence byte span, date, planned, source).
pub fn to_node_link(g: &GraphFile) -> String {
    let nodes: Vec<Value> = g
        .nodes
        .iter()
        .map(|n| {
            let mut node = json!({
                "id": n.id, "label": n.name, "kind": n.kind, "mentions": n.mentions,
                "documents": n.documents.len(), "wikidata": n.wikidata, "aliases": n.aliases,
            });
            for f in FACTS {
                node[f] = json!(n.fact(f));
            }
            node["facts"] = json!(n
                .facts
                .iter()
                .map(|f| json!({"fact": f.fact, "value": f.value, "doc": f.doc, "start": f.start, "end": f.end, "text": f.text}))
                .collect::<Vec<_>>());
            node
        })
        .collect();
    let mut links: Vec<Value> = Vec::with_capacity(g.cooccurrence.len() + g.relations.len());
    for c in &g.cooccurrence {
        links.push(json!({
            "source": c.source, "target": c.target, "key": "cooccurrence", "relation": "cooccurrence",
            "directed": false, "weight": c.sentences, "documents": c.documents,
        }));
    }
    for r in &g.relations {
        let evidence: Vec<Value> = r
            .evidence
            .iter()
            .map(|e| {
                json!({"doc": e.doc, "start": e.start, "end": e.end, "date": e.date,
                       "planned": e.planned, "attribution": e.attribution})
            })
            .collect();
        links.push(json!({
            "source": r.subject, "target": r.object, "key": r.relation, "relation": r.relation,
            "directed": !undirected(&r.relation), "weight": r.evidence.len(), "documents": r.documents,
            "planned": r.planned, "first_date": r.first_date, "last_date": r.last_date, "evidence": evidence,
        }));
    }
    let doc = json!({
        "directed": true,
        "multigraph": true,
        "graph": {"name": "newskg", "schema": g.schema, "version": g.version},
        "nodes": nodes,
        "links": links,
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
