//! The seed corpus against its gold annotations (a copy of the shared gold file is kept in
//! tests/data/gold.tsv so that this holds in CI).

mod common;
use common::*;
use std::collections::BTreeSet;

fn extract_seeds() -> Vec<serde_json::Value> {
    ok(&["extract", "examples/corpus"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn entity_f1_on_the_seeds() {
    let gold: BTreeSet<(String, String)> = gold("tests/data/gold.tsv")
        .into_iter()
        .filter(|r| r[0] == "M" || r[0] == "A")
        .map(|r| (r[1].clone(), r[2].clone()))
        .collect();
    let docs: BTreeSet<&String> = gold.iter().map(|g| &g.0).collect();
    let sys: BTreeSet<(String, String)> = extract_seeds()
        .iter()
        .filter(|d| docs.contains(&d["doc"].as_str().unwrap().to_string()))
        .flat_map(|d| {
            let doc = d["doc"].as_str().unwrap().to_string();
            d["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |e| (doc.clone(), e["id"].as_str().unwrap().to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    let (p, r, f) = prf(&gold, &sys);
    let missed: Vec<_> = gold.difference(&sys).collect();
    let spurious: Vec<_> = sys.difference(&gold).collect();
    assert!(
        p >= 0.95 && r >= 0.95 && f >= 0.97,
        "P {p:.3} R {r:.3} F1 {f:.3}\nmissed {missed:?}\nspurious {spurious:?}"
    );
}

#[test]
fn every_seed_is_extracted_in_input_order_with_its_date() {
    let docs = extract_seeds();
    let ids: Vec<&str> = docs.iter().map(|d| d["doc"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 5);
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    assert_eq!(docs[2]["date"], "2023-10");
    assert_eq!(docs[0]["date"], serde_json::Value::Null);
    // Spans point into the original file, marker included.
    let text = std::fs::read_to_string("examples/corpus/002_0813c541cded42ab.txt").unwrap();
    for e in docs[2]["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..t], m["text"].as_str().unwrap());
        }
    }
}

/// Relations scored as the shared scorer does in its lenient mode: `_planned` folded into the
/// base kind, `met` and `phoned` symmetric, only the six scored kinds.
#[test]
fn relation_f1_on_the_seeds() {
    const SCORED: [&str; 6] = ["met", "visited", "received", "accompanied", "invited", "phoned"];
    let key = |doc: &str, s: &str, r: &str, o: &str| {
        let r = r.trim_end_matches("_planned").to_string();
        let (s, o) = if (r == "met" || r == "phoned") && o < s {
            (o, s)
        } else {
            (s, o)
        };
        (doc.to_string(), s.to_string(), r, o.to_string())
    };
    let gold: BTreeSet<_> = gold("tests/data/gold.tsv")
        .into_iter()
        .filter(|r| r[0] == "R")
        .map(|r| key(&r[1], &r[2], &r[3], &r[4]))
        .collect();
    let docs: BTreeSet<String> = gold.iter().map(|g| g.0.clone()).collect();
    let mut sys = BTreeSet::new();
    for d in extract_seeds() {
        let doc = d["doc"].as_str().unwrap();
        if !docs.contains(doc) {
            continue;
        }
        for r in d["relations"].as_array().unwrap() {
            let kind = r["relation"].as_str().unwrap();
            if SCORED.contains(&kind) {
                sys.insert(key(
                    doc,
                    r["subject"].as_str().unwrap(),
                    kind,
                    r["object"].as_str().unwrap(),
                ));
            }
        }
    }
    let (p, r, f) = prf(&gold, &sys);
    let missed: Vec<_> = gold.difference(&sys).collect();
    let spurious: Vec<_> = sys.difference(&gold).collect();
    assert!(
        p >= 0.90 && f >= 0.85,
        "P {p:.3} R {r:.3} F1 {f:.3}\nmissed {missed:?}\nspurious {spurious:?}"
    );
}
