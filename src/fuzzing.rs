//! Harnesses for the fuzz targets of `fuzz/` (cargo-fuzz, libFuzzer) and for the smoke test that
//! runs them on the checked-in corpus in every `cargo test` (`tests/fuzz_smoke.rs`). Each takes
//! arbitrary bytes and panics when an invariant breaks; a clean error is fine.

use crate::export::{dot, ron::GraphFile};
use crate::extract::Pipeline;
use crate::gazetteer::Gazetteer;
use crate::graph::KnowledgeGraph;
use crate::input::{Document, ReadOptions, read_jsonl};
use crate::record::Record;
use std::path::Path;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Gazetteer::bundled().expect("the bundled gazetteer loads")))
}

/// Extracts a document made of `data` (invalid UTF-8 replaced) with the bundled gazetteer and
/// checks what every user relies on: spans lie in the text on character boundaries, every
/// relation's evidence is a sentence of the text and its trigger lies inside it, the record is
/// valid JSON naming known entities, and extraction is deterministic.
pub fn extract_bytes(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let p = pipeline();
    let doc = Document::new("fuzz", text);
    let x = p.extract(&doc);
    let t = &x.text;
    let on_boundary = |i: usize| i <= t.len() && t.is_char_boundary(i);
    for s in &x.sentences {
        assert!(
            s.start <= s.end && on_boundary(s.start) && on_boundary(s.end),
            "sentence {s:?}"
        );
    }
    for m in &x.mentions {
        assert!(m.span.start < m.span.end, "empty mention {m:?}");
        assert!(
            on_boundary(m.span.start) && on_boundary(m.span.end),
            "mention {m:?} off a boundary"
        );
    }
    for r in x.relations.iter().chain(&x.hedged) {
        assert!(
            on_boundary(r.sentence.start) && on_boundary(r.sentence.end),
            "evidence {:?}",
            r.sentence
        );
        assert!(
            r.sentence.start <= r.trigger.start && r.trigger.end <= r.sentence.end,
            "trigger {:?} outside its sentence {:?}",
            r.trigger,
            r.sentence
        );
        // The whole sentence, the part of it that was read, or (in a sentence longer than
        // EVIDENCE_TOKENS) the tokens around the trigger: always inside one sentence.
        assert!(
            x.sentences
                .iter()
                .any(|s| s.start <= r.sentence.start && r.sentence.end <= s.end),
            "evidence {:?} is inside no sentence",
            r.sentence
        );
    }
    let line = x.to_json_line(p.gazetteer());
    // The line is written straight from the extraction: the bytes of the record it stands for.
    let mut built = Vec::new();
    x.to_record(p.gazetteer()).write_json(&mut built);
    assert_eq!(
        line.as_bytes(),
        built,
        "the record written directly differs from the one built"
    );
    let v: serde_json::Value = serde_json::from_str(&line).expect("the record is JSON");
    for e in v["entities"].as_array().expect("entities") {
        let id = e["id"].as_str().expect("an id");
        assert!(p.gazetteer().index_of(id).is_some(), "unknown entity {id}");
    }
    assert_eq!(p.extract(&doc).to_json_line(p.gazetteer()), line, "not deterministic");
}

/// Loads a gazetteer file made of `data`: it may be refused with located problems, never panic;
/// every located problem names a line and column inside the file.
pub fn gazetteer_bytes(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else { return };
    if let Err(e) = Gazetteer::from_sources(&[(std::path::Path::new("fuzz.ron"), src)]) {
        let lines = src.lines().count().max(1);
        for p in &e.problems {
            assert!(p.line <= lines + 1, "problem {p} past the end ({lines} lines)");
        }
    }
}

/// Reads `data` as JSON Lines input, strictly and with `--lossy`: it may be refused, never panic; a
/// refused input's problems name a line inside it, and every document read has a non-empty id.
pub fn jsonl_bytes(data: &[u8]) {
    let lines = data.split(|&b| b == b'\n').count();
    for lossy in [false, true] {
        let mut sink = |doc: Document, line: usize| {
            assert!(!doc.id.trim().is_empty(), "empty id read from line {line}");
            assert!((1..=lines).contains(&line), "line {line} of {lines}");
            Ok(())
        };
        if let Err(e) = read_jsonl(data, Path::new("fuzz.jsonl"), ReadOptions { lossy }, &mut sink) {
            for p in &e.problems {
                assert!(
                    (1..=lines).contains(&p.line),
                    "problem {p} outside the input ({lines} lines)"
                );
            }
        }
    }
}

/// Reads `data` as extraction records (`build --from-extractions`): a refused line is named by its
/// line and a column inside it; an accepted record survives a round trip through JSON; the graph
/// folded from every accepted record writes every output without a panic, and its `graph.ron`
/// reads back to the same file.
pub fn record_bytes(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let path = Path::new("fuzz.jsonl");
    let mut graph = KnowledgeGraph::new();
    for (i, line) in src.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match Record::parse_line(line, path, i + 1) {
            Ok(rec) => {
                let again = serde_json::to_string(&rec).expect("a record serialises");
                let back = Record::parse_line(&again, path, 1).expect("a written record reads back");
                assert_eq!(back, rec, "record round trip");
                graph.add_record(&rec);
            }
            Err(e) => {
                for p in &e.problems {
                    assert_eq!(p.line, i + 1, "problem {p} on the wrong line");
                    assert!(
                        p.col >= 1 && p.col <= line.chars().count() + 1,
                        "problem {p} past the line"
                    );
                }
            }
        }
    }
    let file = GraphFile::from_graph(&graph);
    let ron = file.to_ron();
    let back = GraphFile::from_ron(&ron, Path::new("graph.ron")).expect("graph.ron reads back");
    assert_eq!(back.to_ron(), ron, "graph.ron round trip");
    back.to_graph(Path::new("graph.ron")).expect("graph.ron makes a graph");
    // Every file `build` writes, from the same function `build` uses: none may panic.
    let _ = crate::export::outputs(
        &file,
        dot::DotOptions {
            relations_only: false,
            min_sentences: 1,
        },
    );
}
