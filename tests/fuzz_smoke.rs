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

#[test]
fn extract_harness_holds_on_its_corpus() {
    let corpus = inputs("extract");
    assert!(corpus.len() >= 20, "{} inputs", corpus.len());
    for (name, data) in &corpus {
        let r = std::panic::catch_unwind(|| newskg::fuzzing::extract_bytes(data));
        assert!(r.is_ok(), "{name} breaks an extraction invariant");
    }
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
    for (name, data) in &inputs("gazetteer") {
        let r = std::panic::catch_unwind(|| newskg::fuzzing::gazetteer_bytes(data));
        assert!(r.is_ok(), "{name} makes the gazetteer loader panic");
    }
}
