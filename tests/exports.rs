//! graph.graphml and graph.json hold the nodes and edges of graph.ron and load in networkx (the
//! venv scripts/test.sh makes has it); the CSVs load in pandas.

mod common;
use common::*;
use std::process::Command;

#[test]
fn graphml_and_node_link_json_match_graph_ron() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let ron = newskg::export::ron::GraphFile::load(&dir.path().join("graph.ron")).unwrap();
    let edges = ron.cooccurrence.len() + ron.relations.len();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("graph.json")).unwrap()).unwrap();
    assert_eq!(json["nodes"].as_array().unwrap().len(), ron.nodes.len());
    let links = json["links"].as_array().unwrap();
    assert_eq!(links.len(), edges);
    for r in &ron.relations {
        let l = links
            .iter()
            .find(|l| {
                l["source"] == r.subject.as_str()
                    && l["target"] == r.object.as_str()
                    && l["relation"] == r.relation.as_str()
            })
            .unwrap_or_else(|| panic!("{} {} {} missing from graph.json", r.subject, r.relation, r.object));
        assert_eq!(
            l["directed"],
            serde_json::Value::Bool(!matches!(r.relation.as_str(), "met" | "phoned"))
        );
        assert_eq!(l["evidence"].as_array().unwrap().len(), r.evidence.len());
    }
    // The real consumer: networkx reads both files (a multigraph with every node and edge, typed
    // attributes; symmetric relations marked).
    let script = r#"
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
h = nx.node_link_graph(json.load(open(sys.argv[2])), edges="links")
assert g.number_of_nodes() == h.number_of_nodes() and g.number_of_edges() == h.number_of_edges()
met = [d for _, _, d in g.edges(data=True) if d["relation"] == "met"]
assert met and all(d["symmetric"] is True for d in met), met[:1]
assert all(isinstance(d["documents"], int) and isinstance(d["planned"], bool) for _, _, d in g.edges(data=True))
visited = [d for _, _, d in g.edges(data=True) if d["relation"] == "visited"]
assert visited and all(d["symmetric"] is False for d in visited)
assert g.nodes["sergey-lavrov"]["nationality"] == "russia" and isinstance(g.nodes["sergey-lavrov"]["mentions"], int)
print(g.number_of_nodes(), g.number_of_edges())
"#;
    let out = Command::new(python())
        .arg("-c")
        .arg(script)
        .arg(dir.path().join("graph.graphml"))
        .arg(dir.path().join("graph.json"))
        .output()
        .expect("python runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{} {edges}", ron.nodes.len())
    );
}

#[test]
fn pandas_reads_relations_csv_and_edges_csv_with_the_right_types() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let ron = newskg::export::ron::GraphFile::load(&dir.path().join("graph.ron")).unwrap();
    let statements: usize = ron.relations.iter().map(|r| r.evidence.len()).sum();
    let python = python();
    // Default inference, as a notebook user reads it: no dtype arguments.
    let script = r#"
import sys
import pandas as pd
from pandas.api import types as t
df = pd.read_csv(sys.argv[1])
assert t.is_bool_dtype(df["planned"]), df["planned"].dtype
assert t.is_float_dtype(df["confidence"]), df["confidence"].dtype
for c in ["date", "date_from", "date_to", "subject", "object", "relation", "sentence", "document"]:
    assert not t.is_numeric_dtype(df[c]), (c, df[c].dtype)
dated = df.dropna(subset=["date_from"])
assert len(dated) > 0
days = pd.to_datetime(dated["date_from"], format="%Y-%m-%d")
assert (pd.to_datetime(dated["date_to"], format="%Y-%m-%d") >= days).all()
met = df[df["relation"] == "met"]
assert len(met) > 0 and met["sentence"].str.len().min() > 10
assert all(trig in sent for trig, sent in zip(df["trigger"], df["sentence"])), "trigger not in its sentence"
# edges.csv (Gephi's columns): dates are days, never numbers.
edges = pd.read_csv(sys.argv[1].replace("relations.csv", "edges.csv"))
for c in ["FirstDate", "LastDate"]:
    assert not t.is_numeric_dtype(edges[c]), (c, edges[c].dtype)
    pd.to_datetime(edges[c].dropna(), format="%Y-%m-%d")
assert edges["FirstDate"].notna().sum() > 0
print(len(df))
"#;
    let out = Command::new(&python)
        .args(["-c", script, dir.path().join("relations.csv").to_str().unwrap()])
        .output()
        .expect("python3 with pandas is needed (scripts/test.sh installs it); set NEWSKG_PYTHON");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim().parse::<usize>().unwrap(),
        statements
    );
}

/// What the texts state about an entity (nationality, gender, title) reaches its node in every
/// output, each statement with words that are really at its span, and survives a reload.
#[test]
fn node_facts_from_the_texts_reach_every_output() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let path = dir.path().join("graph.ron");
    let ron = newskg::export::ron::GraphFile::load(&path).unwrap();
    let node = |id: &str| ron.nodes.iter().find(|n| n.id == id).unwrap();
    // `der russische Außenminister Sergej Lawrow`.
    let lavrov = node("sergey-lavrov");
    assert_eq!(lavrov.fact("nationality"), Some("russia"));
    assert_eq!(lavrov.fact("title"), Some("foreign-minister"));
    // Called `Außenminister` (generic masculine) in some articles and `Amtskollegin` in one: female.
    let choe = node("choe-son-hui");
    assert_eq!(choe.fact("gender"), Some("female"));
    assert!(choe.facts.iter().any(|f| f.fact == "gender" && f.value == "male"));
    let mut checked = 0;
    for n in &ron.nodes {
        for f in &n.facts {
            let text = std::fs::read_to_string(format!("examples/corpus/{}.txt", f.doc)).unwrap();
            assert_eq!(&text[f.start..f.end], f.text, "{} {} {}", n.id, f.fact, f.value);
            checked += 1;
        }
    }
    assert!(checked > 30, "{checked} facts");
    // Loads back into the same graph, facts included.
    let again = newskg::export::ron::GraphFile::from_graph(&ron.to_graph(&path).unwrap());
    assert_eq!(again, ron);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("graph.json")).unwrap()).unwrap();
    let j = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "choe-son-hui")
        .unwrap();
    assert_eq!(j["gender"], "female");
    assert_eq!(j["facts"].as_array().unwrap().len(), choe.facts.len());
    let csv = std::fs::read_to_string(dir.path().join("nodes.csv")).unwrap();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with("Nationality,Affiliation,Gender,Title")
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("sergey-lavrov,") && l.ends_with(",russia,,male,foreign-minister"))
    );
    let graphml = std::fs::read_to_string(dir.path().join("graph.graphml")).unwrap();
    assert!(graphml.contains("<key id=\"nationality\" for=\"node\""));
}

/// The Neo4j import files hold the graph of graph.ron with the typed headers `neo4j-admin
/// database import` reads: every relationship's ends are entity ids, types are the relation
/// kinds, dates are days.
#[test]
fn neo4j_import_files_hold_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let ron = newskg::export::ron::GraphFile::load(&dir.path().join("graph.ron")).unwrap();
    let read = |name: &str| {
        let mut r = csv::Reader::from_path(dir.path().join(name)).unwrap();
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|x| x.unwrap().iter().map(String::from).collect())
            .collect();
        (header, rows)
    };
    let (eh, entities) = read("neo4j-entities.csv");
    assert_eq!(eh[0], "id:ID(Entity)");
    assert!(eh.contains(&":LABEL".to_string()) && eh.contains(&"mentions:long".to_string()));
    assert_eq!(entities.len(), ron.nodes.len());
    let ids: std::collections::BTreeSet<&str> = entities.iter().map(|r| r[0].as_str()).collect();
    let label = eh.iter().position(|h| h == ":LABEL").unwrap();
    for (row, n) in entities.iter().zip(&ron.nodes) {
        assert_eq!(row[label], format!("Entity;{}", n.kind));
    }
    let (rh, relations) = read("neo4j-relations.csv");
    assert_eq!(&rh[..3], [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]);
    assert_eq!(relations.len(), ron.relations.len());
    let from = rh.iter().position(|h| h == "from:date").unwrap();
    let mut dated = 0;
    for (row, r) in relations.iter().zip(&ron.relations) {
        assert!(
            ids.contains(row[0].as_str()) && ids.contains(row[1].as_str()),
            "{row:?}"
        );
        assert_eq!(row[2], r.relation.to_uppercase());
        if let Some(first) = &r.first_date {
            assert!(
                row[from].starts_with(first.as_str()) && row[from].len() == 10,
                "{row:?}"
            );
            dated += 1;
        }
    }
    assert!(dated > 0 && relations.iter().any(|r| r[2] == "MET"));
    let (ch, cooc) = read("neo4j-cooccurrence.csv");
    assert_eq!(ch[2], ":TYPE");
    assert_eq!(cooc.len(), ron.cooccurrence.len());
    assert!(
        cooc.iter()
            .all(|r| r[2] == "CO_OCCURS" && ids.contains(r[0].as_str()) && ids.contains(r[1].as_str()))
    );
}
