//! Import files for Neo4j's bulk importer (`neo4j-admin database import full`): one node file and
//! two relationship files with typed headers, so a graph database holds the graph with no
//! script in between:
//!
//! ```text
//! neo4j-admin database import full --nodes=out/neo4j-entities.csv \
//!     --relationships=out/neo4j-relations.csv --relationships=out/neo4j-cooccurrence.csv newskg
//! ```
//!
//! Entities carry the label `Entity` and their kind (`Entity;Person`); relation types are the
//! relation kinds in upper case (`MET`, `VISITED` …), co-occurrence is `CO_OCCURS`. A stated
//! date is kept as written (`first_date`, `last_date`: `YYYY[-MM[-DD]]`) and as the days it
//! spans (`from:date`, `to:date`), so Cypher compares dates whatever their precision.

use super::ron::GraphFile;
use crate::date::PartialDate;

/// Neo4j's array delimiter in these files.
const ARRAY: &str = ";";

/// `neo4j-entities.csv`: `id:ID(Entity)`, name, kind, `:LABEL`, mentions, documents, wikidata,
/// the facts the texts state (nationality, affiliation, gender, title) and the aliases.
pub fn entities_csv(g: &GraphFile) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "id:ID(Entity)",
        "name",
        "kind",
        ":LABEL",
        "mentions:long",
        "documents:long",
        "wikidata",
        "nationality",
        "affiliation",
        "gender",
        "title",
        "aliases:string[]",
    ]);
    for n in &g.nodes {
        // The array delimiter cannot stand inside an element.
        let aliases: Vec<String> = n.aliases.iter().map(|a| a.replace(ARRAY, ",")).collect();
        let aliases = aliases.join(ARRAY);
        let label = format!("Entity{ARRAY}{}", n.kind);
        let (mentions, documents) = (n.mentions.to_string(), n.documents.len().to_string());
        let head = [
            n.id.as_str(),
            &n.name,
            &n.kind,
            &label,
            &mentions,
            &documents,
            n.wikidata.as_deref().unwrap_or(""),
        ];
        let _ = w.write_record(head.into_iter().chain(n.fact_row()).chain([aliases.as_str()]));
    }
    w.into_inner().unwrap_or_default()
}

/// `neo4j-relations.csv`: one relationship per subject–kind–object, typed `MET`, `VISITED` …,
/// with planned, statements, documents and the dates stated.
pub fn relations_csv(g: &GraphFile) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        ":START_ID(Entity)",
        ":END_ID(Entity)",
        ":TYPE",
        "planned:boolean",
        "statements:long",
        "documents:long",
        "first_date",
        "last_date",
        "from:date",
        "to:date",
    ]);
    for r in &g.relations {
        let from = r
            .first_date
            .as_deref()
            .and_then(PartialDate::parse)
            .map(|d| d.iso_day(false));
        let to = r
            .last_date
            .as_deref()
            .and_then(PartialDate::parse)
            .map(|d| d.iso_day(true));
        let _ = w.write_record([
            r.subject.as_str(),
            &r.object,
            &r.relation.to_uppercase(),
            if r.planned { "true" } else { "false" },
            &r.evidence.len().to_string(),
            &r.documents.to_string(),
            r.first_date.as_deref().unwrap_or(""),
            r.last_date.as_deref().unwrap_or(""),
            &from.unwrap_or_default(),
            &to.unwrap_or_default(),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// `neo4j-cooccurrence.csv`: `CO_OCCURS` relationships with the sentences and documents that
/// name both entities.
pub fn cooccurrence_csv(g: &GraphFile) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        ":START_ID(Entity)",
        ":END_ID(Entity)",
        ":TYPE",
        "sentences:long",
        "documents:long",
    ]);
    for c in &g.cooccurrence {
        let _ = w.write_record([
            c.source.as_str(),
            &c.target,
            "CO_OCCURS",
            &c.sentences.to_string(),
            &c.documents.to_string(),
        ]);
    }
    w.into_inner().unwrap_or_default()
}
