//! The fuzz harnesses of `fuzz/` (cargo-fuzz) run on their checked-in corpus in every test run:
//! the smoke test that keeps them working between fuzzing campaigns, and a regression test for
//! every input a campaign found (crash files go into fuzz/corpus/*).

use std::path::Path;

fn inputs(dir: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(Path::new("fuzz/corpus").join(dir))
        .unwrap_or_else(|e| panic!("fuzz/corpus/{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

/// Runs `harness` on every input of `fuzz/corpus/<dir>` (at least `min` of them); `what` says
/// what a failing input breaks.
fn replay(dir: &str, min: usize, harness: fn(&[u8]), what: &str) {
    let corpus = inputs(dir);
    assert!(corpus.len() >= min, "{} inputs in fuzz/corpus/{dir}", corpus.len());
    for (name, data) in &corpus {
        let r = std::panic::catch_unwind(|| harness(data));
        assert!(r.is_ok(), "{name} {what}");
    }
}

#[test]
fn extract_harness_holds_on_its_corpus() {
    replay(
        "extract",
        20,
        newskg::fuzzing::extract_bytes,
        "breaks an extraction invariant",
    );
}

#[test]
fn the_harnesses_accept_a_valid_document_and_refuse_a_broken_gazetteer_cleanly() {
    // A real document with mentions and relations passes every check of the extraction harness
    // (its checks are not tripped by ordinary output)...
    newskg::fuzzing::extract_bytes("Wladimir Putin traf Angela Merkel in Wien.".as_bytes());
    // ...and the gazetteer harness takes a broken file's located problems without a panic.
    newskg::fuzzing::gazetteer_bytes(b"[ (id: \"x\", kind: Persn, name: \"X\", aliases: []) ]");
}

#[test]
fn gazetteer_harness_holds_on_its_corpus() {
    replay(
        "gazetteer",
        1,
        newskg::fuzzing::gazetteer_bytes,
        "makes the gazetteer loader panic",
    );
}

#[test]
fn jsonl_harness_holds_on_its_corpus() {
    replay(
        "jsonl",
        10,
        newskg::fuzzing::jsonl_bytes,
        "makes the JSON Lines reader break an invariant",
    );
}

#[test]
fn record_harness_holds_on_its_corpus() {
    replay(
        "record",
        5,
        newskg::fuzzing::record_bytes,
        "makes record reading or an output break an invariant",
    );
}

#[test]
fn the_record_harness_checks_a_real_record_and_locates_a_broken_one() {
    // A real record passes every check of the record harness (round trip, all outputs)...
    let good = std::fs::read("fuzz/corpus/record/seed-01.jsonl").unwrap();
    newskg::fuzzing::record_bytes(&good);
    // ...and a record cut in the middle is refused on its own line, which the harness checks.
    let mut cut = b"\n".to_vec();
    cut.extend_from_slice(&good[..good.len() / 2]);
    let e = newskg::record::Record::parse_line(
        std::str::from_utf8(&cut[1..]).unwrap_or("{"),
        std::path::Path::new("x.jsonl"),
        2,
    )
    .unwrap_err();
    assert_eq!(e.problems[0].line, 2);
    newskg::fuzzing::record_bytes(&cut);
}
