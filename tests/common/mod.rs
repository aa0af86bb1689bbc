//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs the newskg binary from the crate root.
pub fn newskg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newskg"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// Runs newskg, asserting success; returns stdout.
pub fn ok(args: &[&str]) -> String {
    let out = newskg(args);
    assert!(
        out.status.success(),
        "newskg {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Builds the bundled corpus into `dir` with extra arguments.
pub fn build_into(dir: &Path, extra: &[&str]) {
    let d = dir.to_str().unwrap();
    let mut args = vec!["build", "--out", d];
    args.extend_from_slice(extra);
    ok(&args);
}

/// Gold rows of a gold.tsv file: (kind, doc, rest of fields).
pub fn gold(path: &str) -> Vec<Vec<String>> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// Precision, recall, F1 of two sets.
pub fn prf<T: Ord>(gold: &std::collections::BTreeSet<T>, sys: &std::collections::BTreeSet<T>) -> (f64, f64, f64) {
    let tp = gold.intersection(sys).count() as f64;
    let p = if sys.is_empty() { 0.0 } else { tp / sys.len() as f64 };
    let r = if gold.is_empty() { 1.0 } else { tp / gold.len() as f64 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

/// Every file `build` and `merge` write.
pub const OUTPUTS: [&str; 12] = [
    "graph.ron",
    "graph.dot",
    "relations.dot",
    "nodes.csv",
    "edges.csv",
    "relations.csv",
    "neo4j-entities.csv",
    "neo4j-relations.csv",
    "neo4j-cooccurrence.csv",
    "graph.graphml",
    "graph.json",
    "graph.html",
];

/// Every output file of `got` is byte-identical to the one of `expected`.
pub fn assert_same_outputs(expected: &Path, got: &Path, what: &str) {
    for name in OUTPUTS {
        let (a, b) = (
            std::fs::read(expected.join(name)).unwrap(),
            std::fs::read(got.join(name)).unwrap(),
        );
        assert!(
            a == b,
            "{what}: {name} differs from the single build ({} vs {} bytes)",
            a.len(),
            b.len()
        );
    }
}

/// The Python the tests use: NEWSKG_PYTHON (scripts/test.sh sets it to the venv it prepares),
/// else the repository's .venv, else python3.
pub fn python() -> String {
    let venv = Path::new(".venv/bin/python");
    std::env::var("NEWSKG_PYTHON").unwrap_or_else(|_| {
        if venv.exists() {
            venv.to_string_lossy().into_owned()
        } else {
            "python3".into()
        }
    })
}
