//! The command line end to end: outputs, determinism, rendering, loading in Python, bad input.

mod common;
use common::*;
use std::path::Path;
use std::process::{Command, Stdio};

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn build_matches_the_golden_files() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    for name in OUTPUTS {
        let got = read(&dir.path().join(name));
        let golden = Path::new("tests/data/golden").join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, &got).unwrap();
        }
        assert_eq!(
            got,
            read(&golden),
            "{name} differs from {} (UPDATE_GOLDEN=1 regenerates; review the diff)",
            golden.display()
        );
    }
}

#[test]
fn output_is_identical_across_threads_and_input_order() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    build_into(a.path(), &["-j", "1"]);
    let mut files: Vec<String> = std::fs::read_dir("examples/corpus")
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files.reverse();
    let mut extra: Vec<&str> = vec!["-j", "2"];
    extra.extend(files.iter().map(String::as_str));
    build_into(b.path(), &extra);
    for name in OUTPUTS {
        assert_eq!(read(&a.path().join(name)), read(&b.path().join(name)), "{name}");
    }
}

#[test]
fn dot_renders_to_svg() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let out = Command::new("dot")
        .args(["-Tsvg", dir.path().join("graph.dot").to_str().unwrap()])
        .output()
        .expect("Graphviz `dot` must be installed (apt-get install graphviz)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.contains("<svg") && svg.contains("Vladimir Putin"));
    assert!(
        out.stderr.is_empty(),
        "dot warned: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn python_ron_loads_graph_ron() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let python = python();
    let script = r#"
import sys, pyron
g = pyron.load(sys.argv[1])
assert g["schema"] == "newskg.graph" and g["version"] == 2, g.get("schema")
ids = [n["id"] for n in g["nodes"]]
assert ids == sorted(ids) and "vladimir-putin" in ids
kinds = {n["kind"] for n in g["nodes"]}
assert kinds <= {"Person", "Country", "City", "Place", "Organization"}, kinds
e = g["cooccurrence"][0]
assert isinstance(e["evidence"][0]["doc"], str) and e["sentences"] >= 1
# Python slices characters: trigger_chars gives the trigger in the sentence's text, the same
# words the byte offsets give.
sentences = {(d["id"], s["start"], s["end"]): s["text"] for d in g["documents"] for s in d["sentences"]}
checked = 0
for r in g["relations"]:
    for ev in r["evidence"]:
        text = sentences[(ev["doc"], ev["start"], ev["end"])]
        a, b = ev["trigger_chars"]
        by_bytes = text.encode()[ev["trigger_start"] - ev["start"]:ev["trigger_end"] - ev["start"]].decode()
        assert text[a:b] == by_bytes and by_bytes, (text, a, b, by_bytes)
        checked += 1
assert checked > 30, checked
print(len(ids))
"#;
    let out = Command::new(&python)
        .args(["-c", script, dir.path().join("graph.ron").to_str().unwrap()])
        .output()
        .expect("python3 with python-ron (pip install python-ron) is needed; set NEWSKG_PYTHON");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).trim().parse::<usize>().unwrap() > 20);
}

#[test]
fn a_failed_run_replaces_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("graph.ron"), "previous").unwrap();
    let bad_gaz = dir.path().join("gaz");
    std::fs::create_dir(&bad_gaz).unwrap();
    std::fs::write(
        bad_gaz.join("x.ron"),
        "[(id: \"x\", kind: Persn, name: \"X\", aliases: [\"X\"])]",
    )
    .unwrap();
    let r = newskg(&[
        "build",
        "--out",
        out.to_str().unwrap(),
        "--gazetteer",
        bad_gaz.to_str().unwrap(),
    ]);
    assert!(!r.status.success());
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.contains("x.ron:1:18") && err.contains("Persn"), "{err}");
    assert_eq!(read(&out.join("graph.ron")), "previous");
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        1,
        "no temporary files left behind"
    );
}

#[test]
fn non_utf8_input_is_named_or_read_lossily() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.txt");
    std::fs::write(&f, b"Putin traf\nKim in Wladiwostok \xff.").unwrap();
    let r = newskg(&["extract", f.to_str().unwrap()]);
    assert!(!r.status.success());
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.contains(&format!("{}:2:20", f.display())), "{err}");
    let r = newskg(&["extract", "--lossy", f.to_str().unwrap()]);
    assert!(r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("warning"));
    assert!(String::from_utf8_lossy(&r.stdout).contains("vladimir-putin"));
}

#[test]
fn extract_spans_slice_python_strings_by_their_chars() {
    // Every span of an extraction record gives its code-point offsets, so that Python slicing
    // the text it read gives the span's words: the seed articles (umlauts, ß, dashes, quotes)
    // and a file with an invalid byte before the names, read lossily as Python reads it.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(
        &bad,
        b"\xff\xfe Au\xc3\x9fenminister Lawrow traf in Pj\xc3\xb6ngjang Kim Jong Un.",
    )
    .unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let mut records = String::new();
    for input in [seeds.as_path(), bad.as_path()] {
        let r = newskg(&["extract", "--lossy", input.to_str().unwrap()]);
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        records.push_str(&String::from_utf8_lossy(&r.stdout));
    }
    let jsonl = dir.path().join("x.jsonl");
    std::fs::write(&jsonl, records).unwrap();
    let script = r#"
import json, os, sys
texts = {}
for d in sys.argv[2:]:
    for f in (os.listdir(d) if os.path.isdir(d) else [d]):
        p = os.path.join(d, f) if os.path.isdir(d) else d
        texts[os.path.basename(p).rsplit(".", 1)[0]] = open(p, "rb").read().decode("utf-8", "replace")
checked = wide = 0
def check(text, span):
    global checked, wide
    a, b = span["chars"]
    assert text[a:b] == span["text"], (text[a:b], span)
    checked += 1
    wide += a != span["start"]
for line in open(sys.argv[1]):
    r = json.loads(line)
    text = texts[r["doc"]]
    for e in r["entities"]:
        for m in e["mentions"]:
            check(text, m)
        for k, f in (e.get("facts") or {}).items():
            for x in f if isinstance(f, list) else [f]:
                check(text, x)
    for a in r["ambiguous"]:
        check(text, a)
    for rel in r["relations"] + r.get("hedged", []):
        check(text, rel["trigger"])
        check(text, rel["sentence"])
        if rel["attribution"]:
            check(text, rel["attribution"])
    for s in r["sentences"]:
        if "text" in s:
            check(text, s)
        else:
            a, b = s["chars"]
            assert text.encode()[s["start"]:s["end"]].decode() == text[a:b]
assert wide > 100, wide
print(checked)
"#;
    let out = Command::new(python())
        .args([
            "-c",
            script,
            jsonl.to_str().unwrap(),
            seeds.to_str().unwrap(),
            bad.to_str().unwrap(),
        ])
        .output()
        .expect("python runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).trim().parse::<usize>().unwrap() > 300);
}

#[test]
fn json_lines_on_stdin_are_streamed_in_order() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newskg"))
        .args(["extract", "-"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        writeln!(
            stdin,
            r#"{{"id": "b", "text": "Lawrow traf Choe Son Hui.", "date": "2023-10-19"}}"#
        )
        .unwrap();
        writeln!(
            stdin,
            r#"{{"id": 7, "text": "date 2019-04 Kim Jong Un kam nach Wladiwostok."}}"#
        )
        .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (lines[0]["doc"].as_str(), lines[0]["date"].as_str()),
        (Some("b"), Some("2023-10-19"))
    );
    assert_eq!(
        (lines[1]["doc"].as_str(), lines[1]["date"].as_str()),
        (Some("7"), Some("2019-04"))
    );
    let ids: Vec<&str> = lines[1]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["kim-jong-un", "vladivostok"]);
}

#[test]
fn bad_json_line_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("docs.jsonl");
    std::fs::write(
        &f,
        "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"txt\": \"y\"}\n",
    )
    .unwrap();
    let r = newskg(&["extract", f.to_str().unwrap()]);
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains(&format!("{}:2:", f.display())));
}

#[test]
fn duplicate_document_ids_are_rejected() {
    let r = newskg(&["extract", "examples/corpus", "examples/corpus/000_8dc24f57d4033450.txt"]);
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("duplicate document id"));
}

#[test]
fn help_documents_every_command() {
    let help = ok(&["--help"]);
    for cmd in ["build", "extract"] {
        assert!(help.contains(cmd), "{help}");
    }
    let build = ok(&["build", "--help"]);
    for opt in ["--gazetteer", "--out", "--lossy", "--threads", "--relations-only"] {
        assert!(build.contains(opt), "{build}");
    }
}

#[test]
fn absurd_thread_counts_are_refused_clearly() {
    let r = newskg(&["extract", "-j", "100000", "examples/corpus"]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("at most 1024 worker threads"));
}

#[test]
fn quiet_leaves_only_warnings_and_errors_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let loud = newskg(&["build", "--out", out]);
    assert!(loud.status.success());
    let said = String::from_utf8_lossy(&loud.stderr);
    // The summary, and no progress counter: stderr is a pipe here, not a terminal.
    assert!(said.contains("5 documents → "), "{said}");
    assert!(!said.contains('\r'), "progress written to a pipe: {said:?}");
    let quiet = newskg(&["build", "-q", "--out", out]);
    assert!(quiet.status.success());
    assert_eq!(String::from_utf8_lossy(&quiet.stderr), "");
    // Errors still speak.
    let bad = newskg(&["build", "--quiet", "--out", out, "nowhere.txt"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("nowhere.txt"));
}

/// Shell completions name every subcommand and option; the manual page is roff that `man`
/// renders, with the exit status; `--help` documents the exit codes.
#[test]
fn completions_and_manual_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = ok(&["completions", shell]);
        for word in ["build", "extract", "render", "gazetteer", "relations-only"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    assert!(!newskg(&["completions", "tcsh"]).status.success());
    let man = ok(&["man"]);
    assert!(man.contains(".TH newskg 1") && man.contains(".SH NAME"), "{man}");
    assert!(man.contains("Exit status") && ok(&["--help"]).contains("Exit status: 0"));
    // `man` itself reads it, where installed.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("newskg.1");
    std::fs::write(&page, &man).unwrap();
    if let Ok(out) = Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        && out.status.success()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("SYNOPSIS") && text.contains("newskg"), "{text}");
    }
}

/// With `--lossy`, invalid bytes are replaced for reading, but every span still indexes the
/// original file: each mention's bytes there are its text.
#[test]
fn lossy_spans_index_the_original_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.txt");
    // One, two and three invalid bytes before names (each replaced by one 3-byte U+FFFD).
    let raw: &[u8] = b"date 2023-10 A\xff\xfe Lawrow sprach. Dann \xc3 kam Wladimir Putin \xe2\x82 nach Moskau.";
    std::fs::write(&file, raw).unwrap();
    let refused = newskg(&["extract", file.to_str().unwrap()]);
    assert!(!refused.status.success());
    let out = ok(&["extract", "--lossy", file.to_str().unwrap()]);
    let rec: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let mut seen = 0;
    for e in rec["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&raw[s..t], m["text"].as_str().unwrap().as_bytes(), "{m}");
            seen += 1;
        }
    }
    assert!(seen >= 3, "{out}");
    for s in rec["sentences"].as_array().unwrap() {
        let t = s["end"].as_u64().unwrap() as usize;
        assert!(t <= raw.len());
    }
}
