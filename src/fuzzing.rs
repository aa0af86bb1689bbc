//! Harnesses for the fuzz targets of `fuzz/` (cargo-fuzz, libFuzzer) and for the smoke test that
//! runs them on the checked-in corpus in every `cargo test` (`tests/fuzz_smoke.rs`). Each takes
//! arbitrary bytes and panics when an invariant breaks; a clean error is fine.

use crate::extract::Pipeline;
use crate::gazetteer::Gazetteer;
use crate::input::Document;
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
        assert!(
            x.sentences
                .iter()
                .any(|s| s.start == r.sentence.start && r.sentence.end <= s.end),
            "evidence {:?} is no sentence",
            r.sentence
        );
    }
    let line = x.to_json_line(p.gazetteer());
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
