//! A corpus split into parts gives the graph of the whole: `build --from-extractions` folds the
//! records of `extract` to the bytes of `build`, and `merge` combines the graphs of parts in any
//! order and grouping to the bytes of the single build.

mod common;
#[path = "support/corpus.rs"]
mod corpus;

use common::*;
use newskg::export::ron::GraphFile;
use newskg::record::Record;
use newskg::{Gazetteer, KnowledgeGraph, Pipeline};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs newskg with `stdin` as standard input.
fn newskg_stdin(args: &[&str], stdin: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newskg"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(stdin).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// A fixed shuffle (xorshift), so a failure names the order it happened in.
fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut v = items.to_vec();
    let mut x = seed | 1;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
    v
}

#[test]
fn records_fold_to_the_bytes_of_build_from_a_file_a_directory_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("whole");
    build_into(&whole, &[]);
    let records = ok(&["extract"]);
    let lines: Vec<&str> = records.lines().collect();
    assert_eq!(lines.len(), 5);
    for l in &lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(
            (v["schema"].as_str(), v["version"].as_u64()),
            (Some("newskg.extraction"), Some(1))
        );
    }

    let file = dir.path().join("x.jsonl");
    std::fs::write(&file, &records).unwrap();
    let out = dir.path().join("from-file");
    ok(&["build", "--from-extractions", s(&file), "--out", s(&out)]);
    assert_same_outputs(&whole, &out, "records from a file");

    // A directory as Spark writes it: part files, a _SUCCESS marker, hidden checksum files.
    let parts = dir.path().join("parts");
    std::fs::create_dir(&parts).unwrap();
    for (i, chunk) in lines.chunks(2).enumerate() {
        std::fs::write(parts.join(format!("part-{i:05}")), chunk.join("\n") + "\n").unwrap();
        std::fs::write(parts.join(format!(".part-{i:05}.crc")), b"\x00garbage").unwrap();
    }
    std::fs::write(parts.join("_SUCCESS"), "").unwrap();
    let out = dir.path().join("from-dir");
    ok(&["build", "--from-extractions", s(&parts), "--out", s(&out)]);
    assert_same_outputs(&whole, &out, "records from a directory of parts");

    let reversed: String = lines.iter().rev().map(|l| format!("{l}\n\n")).collect();
    let out = dir.path().join("from-stdin");
    let r = newskg_stdin(
        &["build", "--from-extractions", "-", "--out", s(&out)],
        reversed.as_bytes(),
    );
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(String::from_utf8_lossy(&r.stderr).contains("5 documents"));
    assert_same_outputs(&whole, &out, "records on stdin, reversed, with blank lines");
}

#[test]
fn a_thousand_documents_in_shuffled_parts_merge_in_any_order_and_grouping() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, what) = corpus::thousand_jsonl(dir.path());
    eprintln!("corpus: {what}");
    let whole = dir.path().join("whole");
    ok(&["build", s(&corpus), "--out", s(&whole)]);
    let graph = std::fs::read_to_string(whole.join("graph.ron")).unwrap();
    assert!(
        graph.matches("\n    (\n      subject:").count() > 0,
        "the corpus states relations"
    );

    let records = ok(&["extract", s(&corpus)]);
    let lines: Vec<&str> = records.lines().collect();
    assert!(lines.len() >= 900, "{} records", lines.len());

    // All records, shuffled, folded at once.
    let all = dir.path().join("all.jsonl");
    std::fs::write(&all, shuffled(&lines, 7).join("\n") + "\n").unwrap();
    let out = dir.path().join("folded");
    ok(&["build", "--from-extractions", s(&all), "--out", s(&out)]);
    assert_same_outputs(&whole, &out, "all records shuffled");

    // Four parts of uneven size, from a shuffled order; each part built on its own.
    let order = shuffled(&lines, 2024);
    let cuts = [0, order.len() / 10, order.len() / 2, order.len() * 3 / 4, order.len()];
    let mut parts: Vec<PathBuf> = Vec::new();
    for i in 0..4 {
        let f = dir.path().join(format!("part{i}.jsonl"));
        std::fs::write(&f, order[cuts[i]..cuts[i + 1]].join("\n") + "\n").unwrap();
        let g = dir.path().join(format!("g{i}"));
        ok(&["build", "--from-extractions", s(&f), "--out", s(&g)]);
        parts.push(g);
    }
    let merge = |inputs: &[&Path], name: &str| -> PathBuf {
        let out = dir.path().join(name);
        let mut args = vec!["merge"];
        args.extend(inputs.iter().map(|p| s(p)));
        args.extend(["--out", s(&out)]);
        ok(&args);
        out
    };
    let p: Vec<&Path> = parts.iter().map(PathBuf::as_path).collect();
    // At once, in two orders.
    assert_same_outputs(&whole, &merge(&[p[0], p[1], p[2], p[3]], "m0123"), "merge 0 1 2 3");
    assert_same_outputs(&whole, &merge(&[p[3], p[1], p[0], p[2]], "m3102"), "merge 3 1 0 2");
    // (0+1)+(2+3) and ((3+0)+2)+1, through intermediate graph files.
    let m01 = merge(&[p[0], p[1]], "m01");
    let m23 = merge(&[p[2], p[3]], "m23");
    assert_same_outputs(&whole, &merge(&[&m01, &m23], "m01_23"), "(0+1)+(2+3)");
    let m30 = merge(&[p[3], p[0]], "m30");
    let m302 = merge(&[&m30, p[2]], "m302");
    assert_same_outputs(&whole, &merge(&[&m302, p[1]], "m302_1"), "((3+0)+2)+1");
    // A part merged again changes nothing.
    assert_same_outputs(&whole, &merge(&[&whole, p[2], &m01], "again"), "whole + parts again");
}

#[test]
fn the_graphs_of_single_articles_merge_to_the_build_of_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("whole");
    build_into(&whole, &[]);
    let mut files: Vec<PathBuf> = std::fs::read_dir("examples/corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut parts = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let g = dir.path().join(format!("a{i}"));
        ok(&["build", s(f), "--out", s(&g)]);
        parts.push(g.join("graph.ron"));
    }
    for seed in [1, 2, 3] {
        let order = shuffled(&parts, seed);
        let out = dir.path().join(format!("m{seed}"));
        let mut args = vec!["merge"];
        args.extend(order.iter().map(|p| s(p)));
        args.extend(["--out", s(&out)]);
        ok(&args);
        assert_same_outputs(&whole, &out, &format!("merge of single articles, order {order:?}"));
    }
}

#[test]
fn bad_records_and_graph_files_are_named_by_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let records = ok(&[
        "extract",
        "examples/corpus/000_8dc24f57d4033450.txt",
        "examples/corpus/001_0a9157087a4d36df.txt",
    ]);
    let lines: Vec<&str> = records.lines().collect();
    let f = dir.path().join("x.jsonl");
    let out = dir.path().join("out");
    let fails = |content: String, inputs: &[&Path]| -> String {
        std::fs::write(&f, content).unwrap();
        let mut args = vec!["build", "--out", s(&out), "--from-extractions"];
        args.extend(inputs.iter().map(|p| s(p)));
        let r = newskg(&args);
        assert!(!r.status.success());
        assert!(!out.exists(), "a failed run writes nothing");
        String::from_utf8_lossy(&r.stderr).into_owned()
    };
    // Broken JSON on line 2.
    let err = fails(format!("{}\n{}\n", lines[0], &lines[1][..40]), &[&f]);
    assert!(err.contains(&format!("{}:2:40: EOF", f.display())), "{err}");
    // An unknown relation kind: the column points just past it.
    let bad = lines[1].replacen("\"relation\":\"", "\"relation\":\"xx", 1);
    assert_ne!(bad, lines[1], "the second article states a relation");
    // Columns count characters (the record's sentences hold umlauts before it).
    let col = bad[..bad.find("\"relation\":\"xx").unwrap() + "\"relation\":\"xx".len()]
        .chars()
        .count();
    let err = fails(format!("{}\n\n{bad}\n", lines[0]), &[&f]);
    let at = format!("{}:3:", f.display());
    let got: usize = err[err.find(&at).unwrap_or_else(|| panic!("{err}")) + at.len()..]
        .split(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (col..col + 12).contains(&got),
        "column {got}, relation kind at {col}: {err}"
    );
    assert!(err.contains("unknown variant"), "{err}");
    // Output of an older extract (no schema).
    let old = lines[0].replacen("\"schema\":\"newskg.extraction\",\"version\":1,", "", 1);
    let err = fails(format!("{old}\n"), &[&f]);
    assert!(
        err.contains(&format!("{}:1:", f.display())) && err.contains("schema"),
        "{err}"
    );
    // The same document in two files names both places.
    let g = dir.path().join("y.jsonl");
    std::fs::write(&g, format!("{}\n{}\n", lines[1], lines[0])).unwrap();
    let err = fails(format!("{}\n", lines[0]), &[&f, &g]);
    assert!(
        err.contains(&format!("{}:2:1", g.display())) && err.contains(&format!("{}:1", f.display())),
        "{err}"
    );

    // Graph files: a syntax error by line and column; a file of version 1.
    let whole = dir.path().join("whole");
    build_into(&whole, &[]);
    let ron = std::fs::read_to_string(whole.join("graph.ron")).unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        ron.replacen("kind: \"Organization\"", "kind: Organization\"", 1),
    )
    .unwrap();
    let r = newskg(&["merge", s(&whole), s(&broken), "--out", s(&out)]);
    assert!(!r.status.success());
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.contains(&format!("{}:7:", broken.display())), "{err}");
    let v1 = dir.path().join("v1.ron");
    std::fs::write(&v1, ron.replacen("version: 2,", "version: 1,", 1)).unwrap();
    let r = newskg(&["merge", s(&v1), "--out", s(&out)]);
    assert!(!r.status.success());
    assert!(
        String::from_utf8_lossy(&r.stderr).contains("version 1"),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    assert!(!out.exists());
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Gazetteer::load_dir(Path::new("gazetteer")).unwrap()))
}

/// The records of the bundled articles and of a few short texts, as JSON lines.
fn record_lines() -> &'static [String] {
    static R: OnceLock<Vec<String>> = OnceLock::new();
    R.get_or_init(|| {
        let mut docs: Vec<newskg::input::Document> = Vec::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir("examples/corpus")
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            docs.push(newskg::input::Document::new(
                f.file_stem().unwrap().to_string_lossy(),
                text,
            ));
        }
        for (i, t) in [
            "date 2023-09 Putin empfing Kim Jong Un in Wladiwostok.",
            "date 2019-04 Kim Jong Un traf Putin in Wladiwostok. Lawrow begleitete Putin.",
            "Merkel telefonierte mit Putin. Die Kanzlerin reiste nach Moskau.",
            "date 2023-10 Lawrow traf Choe Son Hui in Pjöngjang.",
        ]
        .iter()
        .enumerate()
        {
            docs.push(newskg::input::Document::new(format!("short-{i}"), *t));
        }
        docs.iter()
            .map(|d| pipeline().extract(d).to_json_line(pipeline().gazetteer()))
            .collect()
    })
}

fn fold(lines: &[&String]) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    for (i, l) in lines.iter().enumerate() {
        g.add_record(&Record::parse_line(l, Path::new("mem"), i + 1).unwrap());
    }
    g
}

/// Through the file and back, as `merge` reads it.
fn through_file(g: &KnowledgeGraph) -> KnowledgeGraph {
    let ron = GraphFile::from_graph(g).to_ron();
    GraphFile::from_ron(&ron, Path::new("mem.ron"))
        .unwrap()
        .to_graph(Path::new("mem.ron"))
        .unwrap()
}

/// Merges the parts as a binary tree whose shape the `cuts` choose.
fn merge_tree(parts: &[KnowledgeGraph], cuts: &[usize]) -> KnowledgeGraph {
    if parts.len() == 1 {
        return through_file(&parts[0]);
    }
    let at = 1 + cuts.first().copied().unwrap_or(0) % (parts.len() - 1);
    let rest = cuts.get(1..).unwrap_or(&[]);
    let mut left = merge_tree(&parts[..at], rest);
    let right = merge_tree(&parts[at..], rest);
    left.merge(&right);
    through_file(&left)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any split of the records into parts, folded, written, read back and merged in any order
    /// and grouping, gives the bytes of folding them all at once.
    #[test]
    fn any_split_merged_in_any_order_gives_the_same_bytes(
        assign in proptest::collection::vec(0..4usize, 9),
        seed in any::<u64>(),
        cuts in proptest::collection::vec(any::<usize>(), 4),
    ) {
        let lines = record_lines();
        prop_assert_eq!(lines.len(), assign.len());
        let all: Vec<&String> = lines.iter().collect();
        let whole = GraphFile::from_graph(&fold(&all)).to_ron();
        let mut parts: Vec<KnowledgeGraph> = (0..4)
            .map(|p| {
                let mine: Vec<&String> = lines.iter().zip(&assign).filter(|(_, a)| **a == p).map(|(l, _)| l).collect();
                fold(&shuffled(&mine, seed))
            })
            .collect();
        parts = shuffled(&parts, seed.rotate_left(17));
        prop_assert_eq!(GraphFile::from_graph(&merge_tree(&parts, &cuts)).to_ron(), whole);
    }
}
