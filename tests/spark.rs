//! The Spark job of `examples/spark/` on `local[2]` gives the graph files of the single-process
//! build, byte for byte: on the bundled articles and on about a thousand documents; and its
//! DataFrame aggregation gives tables that hold the same graph.
//!
//! Needs Java and pyspark (`scripts/test.sh` installs both where missing and sets
//! NEWSKG_REQUIRE_SPARK=1, which turns a missing one into a failure); elsewhere the test says what
//! is missing and passes without running.

mod common;
#[path = "support/corpus.rs"]
mod corpus;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn python() -> String {
    std::env::var("NEWSKG_PYTHON").unwrap_or_else(|_| {
        let venv = Path::new(".venv/bin/python");
        if venv.exists() {
            venv.to_string_lossy().into_owned()
        } else {
            "python3".into()
        }
    })
}

/// What is missing for Spark, if anything.
fn missing() -> Option<String> {
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Some("Java (apt-get install openjdk-17-jre-headless)".into());
    }
    let py = Command::new(python()).args(["-c", "import pyspark"]).output();
    if !py.is_ok_and(|o| o.status.success()) {
        return Some(format!("pyspark for {} (pip install pyspark)", python()));
    }
    None
}

/// Runs the Spark job; returns its stderr.
fn spark_job(input: &Path, out: &Path, extra: &[&str]) -> String {
    let r = Command::new(python())
        .arg("examples/spark/newskg_spark.py")
        .args(["--master", "local[2]", "--newskg", env!("CARGO_BIN_EXE_newskg")])
        .args(["--input", input.to_str().unwrap(), "--out", out.to_str().unwrap()])
        .args(extra)
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&r.stderr).into_owned();
    assert!(r.status.success(), "the Spark job failed:\n{err}");
    err
}

/// Writes JSON Lines as Parquet with Spark (id, text and date columns).
fn to_parquet(jsonl: &Path, parquet: &Path) {
    let script = r#"
import sys
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
spark.read.schema("id string, text string, date string").json(sys.argv[1]).write.parquet(sys.argv[2])
spark.stop()
"#;
    let r = Command::new(python())
        .args(["-c", script, jsonl.to_str().unwrap(), parquet.to_str().unwrap()])
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .unwrap();
    assert!(
        r.status.success(),
        "writing Parquet: {}",
        String::from_utf8_lossy(&r.stderr)
    );
}

/// The DataFrame path's tables hold the graph of the single build (examples/spark/compare_tables.py).
fn same_tables(tables: &Path, graph: &Path) {
    let r = Command::new(python())
        .args([
            "examples/spark/compare_tables.py",
            tables.to_str().unwrap(),
            graph.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&r.stdout);
    assert!(r.status.success(), "{said}{}", String::from_utf8_lossy(&r.stderr));
    for table in ["nodes", "cooccurrence", "relations", "documents"] {
        assert!(said.contains(&format!("{table}: ")), "{said}");
    }
}

fn records_in(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("part-"))
        .map(|p| std::fs::read_to_string(p).unwrap().lines().count())
        .sum()
}

#[test]
fn spark_on_local_2_gives_the_bytes_of_the_single_process_build() {
    if let Some(what) = missing() {
        if std::env::var_os("NEWSKG_REQUIRE_SPARK").is_some() {
            panic!("NEWSKG_REQUIRE_SPARK is set but {what} is missing");
        }
        eprintln!("SKIPPED spark test: {what} is missing");
        return;
    }
    let dir = tempfile::tempdir().unwrap();

    // The bundled articles: the single build reads the .txt files with the built-in gazetteer,
    // Spark the same documents from Parquet in three partitions with the gazetteer directory
    // shipped to the executors, and the driver streams the records into newskg.
    let single = dir.path().join("single");
    build_into(&single, &[]);
    let jsonl = corpus::bundled_jsonl(dir.path());
    let input = dir.path().join("bundled.parquet");
    to_parquet(&jsonl, &input);
    let out = dir.path().join("spark");
    let tables = dir.path().join("tables");
    let t = tables.to_str().unwrap();
    let log = spark_job(
        &input,
        &out,
        &[
            "--format",
            "parquet",
            "--partitions",
            "3",
            "--fold",
            "stream",
            "--tables",
            t,
            "--tables-format",
            "json",
            "--gazetteer",
            "gazetteer",
        ],
    );
    assert!(log.contains("3 partitions") && log.contains("fold (stream)"), "{log}");
    assert_eq!(records_in(&out.join("extractions")), 5);
    assert_same_outputs(&single, &out, "bundled articles");
    same_tables(&tables, &single.join("graph.ron"));

    // About a thousand documents in four partitions; the driver folds the records directory.
    let (input, what) = corpus::thousand_jsonl(dir.path());
    let single: PathBuf = dir.path().join("single-1k");
    ok(&["build", input.to_str().unwrap(), "--out", single.to_str().unwrap()]);
    let out = dir.path().join("spark-1k");
    let tables = dir.path().join("tables-1k");
    let log = spark_job(
        &input,
        &out,
        &[
            "--partitions",
            "4",
            "--fold",
            "files",
            "--tables",
            tables.to_str().unwrap(),
            "--tables-format",
            "json",
        ],
    );
    assert!(log.contains("4 partitions") && log.contains("fold (files)"), "{log}");
    let docs = std::fs::read_to_string(&input).unwrap().lines().count();
    assert_eq!(records_in(&out.join("extractions")), docs, "{what}");
    assert_same_outputs(&single, &out, what);
    same_tables(&tables, &single.join("graph.ron"));
}
