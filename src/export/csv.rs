//! Flat files for spreadsheet and network tools (Gephi, Cytoscape, pandas): `nodes.csv` and
//! `edges.csv` with Gephi's column names (`Id`, `Label`, `Source`, `Target`, `Type`, `Weight`).

use super::ron::GraphFile;

/// `nodes.csv`: Id, Label, Kind, Mentions, Documents, Wikidata.
pub fn nodes_csv(g: &GraphFile) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["Id", "Label", "Kind", "Mentions", "Documents", "Wikidata"]);
    for n in &g.nodes {
        let _ = w.write_record([
            n.id.as_str(),
            &n.name,
            &n.kind,
            &n.mentions.to_string(),
            &n.documents.len().to_string(),
            n.wikidata.as_deref().unwrap_or(""),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// `edges.csv`: Source, Target, Type (Undirected/Directed), Relation, Weight, Documents, Planned,
/// FirstDate, LastDate.
pub fn edges_csv(g: &GraphFile) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "Source",
        "Target",
        "Type",
        "Relation",
        "Weight",
        "Documents",
        "Planned",
        "FirstDate",
        "LastDate",
    ]);
    for c in &g.cooccurrence {
        let _ = w.write_record([
            c.source.as_str(),
            &c.target,
            "Undirected",
            "cooccurrence",
            &c.sentences.to_string(),
            &c.documents.to_string(),
            "false",
            "",
            "",
        ]);
    }
    for r in &g.relations {
        let _ = w.write_record([
            r.subject.as_str(),
            &r.object,
            if r.relation == "met" || r.relation == "phoned" {
                "Undirected"
            } else {
                "Directed"
            },
            &r.relation,
            &r.evidence.len().to_string(),
            &r.documents.to_string(),
            if r.planned { "true" } else { "false" },
            r.first_date.as_deref().unwrap_or(""),
            r.last_date.as_deref().unwrap_or(""),
        ]);
    }
    w.into_inner().unwrap_or_default()
}
