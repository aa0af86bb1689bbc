//! The query module and `newskg query` over a freshly built graph of the bundled corpus.

mod common;
use common::*;
use newskg::export::ron::GraphFile;
use newskg::query::Query;

fn graph() -> (tempfile::TempDir, GraphFile) {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let g = GraphFile::load(&dir.path().join("graph.ron")).unwrap();
    (dir, g)
}

#[test]
fn names_resolve_through_aliases() {
    let (_d, g) = graph();
    let q = Query::new(&g);
    assert_eq!(q.resolve("Lawrow").unwrap().id, "sergey-lavrov");
    assert_eq!(q.resolve("sergey-lavrov").unwrap().id, "sergey-lavrov");
    assert_eq!(q.resolve("PJÖNGJANG").unwrap().id, "pyongyang");
    assert!(q.resolve("Kim").unwrap_err().to_string().contains("ambiguous"));
    assert!(q.resolve("Nobody").is_err());
}

#[test]
fn meetings_filter_by_person_and_date() {
    let (_d, g) = graph();
    let q = Query::new(&g);
    let all = q.meetings(None, None, None).unwrap();
    let oct = q.meetings(Some("Lawrow"), Some("2023-10"), Some("2023-10-31")).unwrap();
    assert!(!oct.is_empty() && oct.len() < all.len());
    assert!(
        oct.iter()
            .all(|m| (m.a == "sergey-lavrov" || m.b == "sergey-lavrov") && m.date.as_deref() == Some("2023-10"))
    );
    let pair: Vec<(&str, &str)> = oct.iter().map(|m| (m.a.as_str(), m.b.as_str())).collect();
    assert!(
        pair.contains(&("choe-son-hui", "sergey-lavrov")) && pair.contains(&("kim-jong-un", "sergey-lavrov")),
        "{pair:?}"
    );
    // The received-by-Kim meeting carries its source.
    let kim = oct.iter().find(|m| m.a == "kim-jong-un").unwrap();
    assert_eq!(kim.reports[0].attribution.as_deref(), Some("russian-foreign-ministry"));
    assert!(kim.reports[0].sentence.contains("empfangen"));
    assert!(q.meetings(None, Some("2023-13"), None).is_err());
}

#[test]
fn neighbours_and_paths() {
    let (_d, g) = graph();
    let q = Query::new(&g);
    let n = q.neighbours("Schoigu").unwrap();
    assert_eq!((n[0].id.as_str(), n[0].link.as_str()), ("north-korea", "visited →"));
    let path = q.path("Schoigu", "Choe Son Hui").unwrap().unwrap();
    assert_eq!(path.first().unwrap().0, "sergei-shoigu");
    assert_eq!(path.last().unwrap().0, "choe-son-hui");
    assert!(
        path.iter()
            .take(path.len() - 1)
            .all(|(_, link)| !link.contains("cooccurrence")),
        "{path:?}"
    );
}

#[test]
fn query_command_prints_meetings() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let g = dir.path().join("graph.ron");
    let out = ok(&[
        "query",
        "--graph",
        g.to_str().unwrap(),
        "met",
        "--who",
        "Choe Son Hui",
        "--since",
        "2023",
    ]);
    assert!(
        out.lines()
            .next()
            .unwrap()
            .starts_with("2023-10     Choe Son Hui — Sergey Lavrov"),
        "{out}"
    );
    let out = ok(&["query", "--graph", g.to_str().unwrap(), "path", "Schoigu", "Choe"]);
    assert!(out.starts_with("Sergei Shoigu —visited→ North Korea"), "{out}");
    // The arrow follows the edge's direction whichever way the path walks it.
    let back = ok(&["query", "--graph", g.to_str().unwrap(), "path", "Lawrow", "Kim Jong Un"]);
    assert!(back.contains("Sergey Lavrov ←received— Kim Jong Un"), "{back}");
    // `--graph` after the question, as users write it.
    let after = ok(&["query", "path", "Schoigu", "Choe", "--graph", g.to_str().unwrap()]);
    assert_eq!(after, out);
    let r = newskg(&["query", "--graph", g.to_str().unwrap(), "neighbours", "Nobody"]);
    assert!(!r.status.success() && String::from_utf8_lossy(&r.stderr).contains("no entity named"));
}

#[test]
fn query_answers_in_json_lines_with_names() {
    let (d, g) = graph();
    let graph = d.path().join("graph.ron");
    let graph = graph.to_str().unwrap();
    let q = Query::new(&g);
    let meetings = q.meetings(None, None, None).unwrap();
    let out = ok(&["query", "met", "--json", "--graph", graph]);
    let rows: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), meetings.len());
    for (row, m) in rows.iter().zip(&meetings) {
        assert_eq!(row["a"], m.a.as_str());
        assert_eq!(row["a_name"], q.name_of(&m.a));
        assert_eq!(row["b_name"], q.name_of(&m.b));
        assert_eq!(row["reports"].as_array().unwrap().len(), m.reports.len());
        let c = row["reports"][0]["confidence"].as_f64().unwrap();
        assert_eq!(c, (c * 100.0).round() / 100.0, "confidence rounded to two decimals");
    }
    let path = ok(&["query", "--json", "--graph", graph, "path", "Putin", "Choe Son Hui"]);
    let p: serde_json::Value = serde_json::from_str(path.trim()).unwrap();
    let steps = p["path"].as_array().unwrap();
    assert_eq!(steps.first().unwrap()["id"], "vladimir-putin");
    assert_eq!(steps.last().unwrap()["name"], "Choe Son Hui");
    let timeline = ok(&["query", "timeline", "Lawrow", "--json", "--graph", graph]);
    assert!(timeline.lines().all(|l| {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        v["subject"] == "sergey-lavrov" || v["object"] == "sergey-lavrov"
    }));
}
