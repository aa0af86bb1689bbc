//! `newskg render`: a picture of the seed graph that keeps the top entities, draws no isolated
//! node, filters by relation kind and by ego network, carries a title and a legend, picks the
//! layout by size, and is laid out by Graphviz where it is installed.

mod common;
use common::*;
use newskg::export::render::{Engine, RenderOptions, picture};
use newskg::export::ron::{CooccurrenceOut, GraphFile, NodeOut};
use std::collections::BTreeSet;

fn seed_graph(dir: &std::path::Path) -> GraphFile {
    build_into(dir, &[]);
    GraphFile::load(&dir.join("graph.ron")).unwrap()
}

/// Node ids and edges (`a -> b`) of a DOT picture, leaving out the legend.
fn parse_dot(dot: &str) -> (BTreeSet<String>, Vec<(String, String, String)>) {
    let mut nodes = BTreeSet::new();
    let mut edges = Vec::new();
    for line in dot.lines().map(str::trim) {
        if line.starts_with("\"legend:") || !line.starts_with('"') {
            continue;
        }
        let id = |s: &str| s.trim_matches('"').to_string();
        if let Some((a, rest)) = line.split_once(" -> ") {
            let (b, attrs) = rest.split_once(" [").unwrap();
            edges.push((id(a), id(b), attrs.to_string()));
        } else if let Some((a, _)) = line.split_once(" [") {
            nodes.insert(id(a));
        }
    }
    (nodes, edges)
}

#[test]
fn the_top_entities_with_their_edges_a_title_and_a_legend() {
    let dir = tempfile::tempdir().unwrap();
    let g = seed_graph(dir.path());
    let opts = RenderOptions {
        top: 12,
        ..Default::default()
    };
    let pic = picture(&g, &opts).unwrap();
    let (nodes, edges) = parse_dot(&pic.dot);
    assert!(nodes.len() <= 12 && nodes.len() >= 5, "{} nodes", nodes.len());
    assert_eq!(nodes.len(), pic.nodes);
    // The twelve most mentioned entities are the candidates; none is drawn without an edge.
    let mut by_mentions: Vec<&NodeOut> = g.nodes.iter().collect();
    by_mentions.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
    let top: BTreeSet<String> = by_mentions.iter().take(12).map(|n| n.id.clone()).collect();
    assert!(nodes.is_subset(&top), "{nodes:?} not within {top:?}");
    for n in &nodes {
        assert!(
            edges.iter().any(|(a, b, _)| a == n || b == n),
            "{n} drawn without an edge"
        );
    }
    for (a, b, _) in &edges {
        assert!(
            nodes.contains(a) && nodes.contains(b),
            "edge {a} -> {b} to an undrawn node"
        );
    }
    // At most three co-occurrence edges per node were chosen for it.
    assert!(
        pic.title
            .contains(&format!("{} of {} entities by mentions", nodes.len(), g.nodes.len()))
    );
    assert!(pic.dot.contains(&format!("label=\"{}\"", pic.title)));
    assert!(pic.dot.contains("\"legend:\" [shape=plaintext"));
    assert_eq!(pic.engine, Engine::Dot, "a small picture is laid out with dot");
}

#[test]
fn relation_kinds_and_an_ego_network_narrow_the_picture() {
    let dir = tempfile::tempdir().unwrap();
    let g = seed_graph(dir.path());
    let met = picture(
        &g,
        &RenderOptions {
            relations: vec!["met".into()],
            relations_only: true,
            ..Default::default()
        },
    )
    .unwrap();
    let (nodes, edges) = parse_dot(&met.dot);
    let expected: BTreeSet<String> = g
        .relations
        .iter()
        .filter(|r| r.relation == "met")
        .flat_map(|r| [r.subject.clone(), r.object.clone()])
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(nodes, expected);
    assert!(
        edges.iter().all(|(_, _, attrs)| attrs.contains("label=\"met")),
        "{edges:?}"
    );
    // Putin's neighbours only (found through an alias).
    let ego = picture(
        &g,
        &RenderOptions {
            ego: Some("Putin".into()),
            top: 1000,
            ..Default::default()
        },
    )
    .unwrap();
    let (nodes, edges) = parse_dot(&ego.dot);
    assert!(nodes.contains("vladimir-putin"));
    let neighbours: BTreeSet<String> = g
        .relations
        .iter()
        .map(|r| (r.subject.clone(), r.object.clone()))
        .chain(g.cooccurrence.iter().map(|c| (c.source.clone(), c.target.clone())))
        .filter(|(a, b)| a == "vladimir-putin" || b == "vladimir-putin")
        .flat_map(|(a, b)| [a, b])
        .collect();
    assert!(
        nodes.is_subset(&neighbours),
        "{:?}",
        nodes.difference(&neighbours).collect::<Vec<_>>()
    );
    assert!(!edges.is_empty());
    assert!(ego.title.contains("Vladimir Putin and its neighbours"));
    // Dated relations only: every drawn relation has a statement in 2023.
    let dated = picture(
        &g,
        &RenderOptions {
            since: Some("2023".into()),
            until: Some("2023-12".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let (_, edges) = parse_dot(&dated.dot);
    let relation_edges: Vec<_> = edges.iter().filter(|(_, _, a)| !a.contains("dir=none")).collect();
    assert!(!relation_edges.is_empty());
    assert!(
        relation_edges.iter().all(|(_, _, a)| a.contains("2023")),
        "{relation_edges:?}"
    );
    let refused = |opts: RenderOptions| picture(&g, &opts).is_err();
    assert!(refused(RenderOptions {
        since: Some("gestern".into()),
        ..Default::default()
    }));
    // An unknown name is an error, not an empty picture.
    assert!(refused(RenderOptions {
        ego: Some("Nobody Known".into()),
        ..Default::default()
    }));
}

#[test]
fn a_large_graph_is_laid_out_with_sfdp() {
    // 400 entities in a ring of co-occurrence: too many for dot.
    let nodes: Vec<NodeOut> = (0..400)
        .map(|i| NodeOut {
            id: format!("e{i:03}"),
            kind: "Person".into(),
            name: format!("Person {i}"),
            wikidata: None,
            aliases: vec![],
            mentions: 1000 - i as u64,
            documents: vec!["d".into()],
            document_mentions: vec![1],
            summary: vec![],
            facts: vec![],
        })
        .collect();
    let cooccurrence: Vec<CooccurrenceOut> = (0..400)
        .map(|i| {
            let (a, b) = (format!("e{i:03}"), format!("e{:03}", (i + 1) % 400));
            let (source, target) = if a < b { (a, b) } else { (b, a) };
            CooccurrenceOut {
                source,
                target,
                sentences: 2,
                documents: 1,
                evidence: vec![],
            }
        })
        .collect();
    let g = GraphFile {
        schema: newskg::export::ron::SCHEMA.into(),
        version: newskg::export::ron::VERSION,
        nodes,
        cooccurrence,
        relations: vec![],
        documents: vec![],
    };
    let top = |n: usize| {
        picture(
            &g,
            &RenderOptions {
                top: n,
                ..Default::default()
            },
        )
        .unwrap()
    };
    let big = top(300);
    assert_eq!(big.engine, Engine::Sfdp);
    assert!(big.dot.contains("splines=false; overlap=prism"));
    let small = top(30);
    assert_eq!(small.engine, Engine::Dot);
}

#[test]
fn graphviz_lays_the_picture_out() {
    // Graphviz is installed by scripts/test.sh, the project's test command.
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let svg = dir.path().join("picture.svg");
    ok(&[
        "render",
        "--graph",
        dir.path().join("graph.ron").to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
        "--top",
        "20",
    ]);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("<svg"), "not an SVG");
    assert!(text.contains("newskg: "), "no title in the SVG");
    assert!(text.contains("Vladimir Putin"));
}

#[test]
fn without_graphviz_the_error_says_what_to_install_and_dot_source_still_works() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let graph = dir.path().join("graph.ron");
    let png = dir.path().join("picture.png");
    // Runs `render -o OUT` with a PATH that holds no `dot`.
    let render_without_dot = |out: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_newskg"))
            .args([
                "render",
                "--graph",
                graph.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ])
            .env("PATH", dir.path())
            .output()
            .unwrap()
    };
    let out = render_without_dot(&png);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Graphviz is not installed") && err.contains("--format dot"),
        "{err}"
    );
    assert!(!png.exists(), "nothing is written when rendering fails");
    let dot = dir.path().join("picture.dot");
    let out = render_without_dot(&dot);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read_to_string(&dot).unwrap().starts_with("digraph newskg {"));
}
