//! Flat files for spreadsheet and network tools (Gephi, Cytoscape, pandas): `nodes.csv` and
//! `edges.csv` with Gephi's column names (`Id`, `Label`, `Source`, `Target`, `Type`, `Weight`).

use super::ron::GraphFile;

/// `nodes.csv`: Id, Label, Kind, Mentions, Documents, Wikidata, and the values most documents
/// state: Nationality, Affiliation, Gender, Title.
pub fn nodes_csv(g: &GraphFile) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "Id",
        "Label",
        "Kind",
        "Mentions",
        "Documents",
        "Wikidata",
        "Nationality",
        "Affiliation",
        "Gender",
        "Title",
    ]);
    for n in &g.nodes {
        let (mentions, documents) = (n.mentions.to_string(), n.documents.len().to_string());
        let head = [
            n.id.as_str(),
            &n.name,
            &n.kind,
            &mentions,
            &documents,
            n.wikidata.as_deref().unwrap_or(""),
        ];
        let _ = w.write_record(head.into_iter().chain(n.fact_row()));
    }
    w.into_inner().unwrap_or_default()
}

/// A stated date (`YYYY[-MM[-DD]]`) as the first or last day of the period it covers, always
/// `YYYY-MM-DD`: a bare year would read as a number in pandas and spreadsheets.
fn day(date: Option<&str>, last: bool) -> String {
    date.and_then(crate::date::PartialDate::parse)
        .map(|d| d.iso_day(last))
        .unwrap_or_default()
}

/// `edges.csv`: Source, Target, Type (Undirected/Directed), Relation, Weight, Documents, Planned,
/// FirstDate (the first day of the earliest date stated), LastDate (the last day of the latest),
/// both `YYYY-MM-DD`.
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
            &day(r.first_date.as_deref(), false),
            &day(r.last_date.as_deref(), true),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// `relations.csv`: one row per statement of a relation, flat, for a notebook or a spreadsheet:
/// who (id and name), the kind, whom, planned, the date as stated and the period it covers
/// (`date_from`/`date_to`, always `YYYY-MM-DD`, so that pandas reads them as text or with
/// `parse_dates` and never as numbers), the document and its date, who says so, the confidence,
/// the trigger word and the sentence. Rows in the graph's order (subject, kind, object), then the
/// statements' order.
pub fn relations_csv(g: &GraphFile) -> Vec<u8> {
    let name: std::collections::HashMap<&str, &str> =
        g.nodes.iter().map(|n| (n.id.as_str(), n.name.as_str())).collect();
    let docs: std::collections::HashMap<&str, &super::ron::DocumentOut> =
        g.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "subject_id",
        "subject",
        "relation",
        "object_id",
        "object",
        "planned",
        "date",
        "date_from",
        "date_to",
        "document",
        "document_date",
        "attribution",
        "confidence",
        "trigger",
        "sentence",
    ]);
    for r in &g.relations {
        for e in &r.evidence {
            let doc = docs.get(e.doc.as_str());
            let sentence = doc
                .and_then(|d| d.sentences.iter().find(|s| s.start == e.start && s.end == e.end))
                .map(|s| s.text.as_str());
            let trigger = sentence
                .and_then(|s| s.get(e.trigger_start.checked_sub(e.start)?..e.trigger_end.checked_sub(e.start)?))
                .unwrap_or("");
            let period = e.date.as_deref().and_then(crate::date::PartialDate::parse);
            let attribution = e
                .attribution
                .as_deref()
                .map(|a| name.get(a).copied().unwrap_or(a))
                .unwrap_or("");
            let _ = w.write_record([
                r.subject.as_str(),
                name.get(r.subject.as_str()).copied().unwrap_or(&r.subject),
                &r.relation,
                &r.object,
                name.get(r.object.as_str()).copied().unwrap_or(&r.object),
                if e.planned { "true" } else { "false" },
                e.date.as_deref().unwrap_or(""),
                &period.map(|p| p.iso_day(false)).unwrap_or_default(),
                &period.map(|p| p.iso_day(true)).unwrap_or_default(),
                &e.doc,
                doc.and_then(|d| d.date.as_deref()).unwrap_or(""),
                attribution,
                &format!("{:.2}", e.confidence),
                trigger,
                sentence.unwrap_or(""),
            ]);
        }
    }
    w.into_inner().unwrap_or_default()
}
