//! The gazetteer as users extend it: the bundled gazetteer built in, `-g` layers, aliases a new
//! entity takes, `gazetteer check` and `gazetteer suggest` (issue 7.7).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs newskg in `cwd` with `stdin`.
fn run_in(cwd: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newskg"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Entity ids of one `extract` line.
fn ids(line: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn build_with_no_input_works_from_any_directory_on_the_bundled_corpus() {
    // Outside the repository there is no examples/corpus: the copy built into newskg is read,
    // and gives the same graph as the repository's files.
    let elsewhere = tempfile::tempdir().unwrap();
    stdout(&run_in(elsewhere.path(), &["build"], ""));
    let here = tempfile::tempdir().unwrap();
    let out = here.path().to_str().unwrap();
    stdout(&run_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["build", "--out", out],
        "",
    ));
    for name in ["graph.ron", "relations.csv", "nodes.csv"] {
        let a = std::fs::read_to_string(elsewhere.path().join("out").join(name)).unwrap();
        let b = std::fs::read_to_string(here.path().join(name)).unwrap();
        assert!(a == b, "{name} differs between the bundled corpus and examples/corpus");
    }
    // A missing input named by the user is still an error.
    let o = run_in(elsewhere.path(), &["build", "nowhere/corpus"], "");
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("nowhere/corpus does not exist"));
}

const DOC: &str = r#"{"id": "a", "text": "Wladimir Putin traf in Wien die Regisseurin Marta Kowalska."}"#;

#[test]
fn the_bundled_gazetteer_works_from_any_directory() {
    let elsewhere = tempfile::tempdir().unwrap();
    let out = stdout(&run_in(elsewhere.path(), &["extract", "-"], DOC));
    let found = ids(out.trim());
    assert!(
        found.contains(&"vladimir-putin".to_string()) && found.contains(&"vienna".to_string()),
        "{found:?}"
    );
}

#[test]
fn layers_add_entities_and_replace_records_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(
        mine.join("people.ron"),
        r#"[
    (id: "marta-kowalska", kind: "Person", name: "Marta Kowalska", aliases: ["Marta Kowalska", "Kowalska"], gender: "Female"),
    (id: "vienna", kind: City, name: "Vienna", aliases: ["Vienna"]),
]"#,
    )
    .unwrap();
    let m = mine.to_str().unwrap();
    // On top of the bundled gazetteer: the new person is found, Putin still is, and the replaced
    // Vienna record (no German alias any more) no longer matches `Wien`.
    let layered = ids(stdout(&run_in(dir.path(), &["extract", "-g", "@bundled", "-g", m, "-"], DOC)).trim());
    assert!(layered.contains(&"marta-kowalska".to_string()), "{layered:?}");
    assert!(layered.contains(&"vladimir-putin".to_string()), "{layered:?}");
    assert!(!layered.contains(&"vienna".to_string()), "{layered:?}");
    // Alone, the directory replaces the bundled gazetteer.
    let alone = ids(stdout(&run_in(dir.path(), &["extract", "-g", m, "-"], DOC)).trim());
    assert_eq!(alone, ["marta-kowalska"]);
}

#[test]
fn an_alias_taken_from_an_earlier_entity_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.ron"),
        "[\n    (id: \"wiener-festwochen-gmbh\", kind: Organization, name: \"Festwochen\", aliases: [\"Festwochen GmbH\", \"Wien\"]),\n]",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let o = run_in(dir.path(), &["extract", "-g", "@bundled", "-g", d, "-"], DOC);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success());
    assert!(
        err.contains("x.ron:2:5") && err.contains("\"Wien\"") && err.contains("vienna"),
        "{err}"
    );
    // Without the new layer nothing is said.
    let o = run_in(dir.path(), &["extract", "-"], DOC);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("warning"));
}

#[test]
fn check_reports_ordinary_words_shared_aliases_and_problems() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.ron"),
        r#"[
    (id: "hans-koch", kind: Person, name: "Hans Koch", aliases: ["Hans Koch", "Koch"]),
    (id: "eva-koch", kind: Person, name: "Eva Koch", aliases: ["Eva Koch", "Koch"]),
    (id: "anna-wolf", kind: Person, name: "Anna Wolf", aliases: ["Wolf"]),
]"#,
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let out = stdout(&run_in(dir.path(), &["gazetteer", "check", d], ""));
    assert!(
        out.contains("p.ron:2:5: alias \"Koch\" of hans-koch is an ordinary German word"),
        "{out}"
    );
    assert!(out.contains("anna-wolf is never named on its own"), "{out}");
    // `Koch` is short for both (an ordinary word); the full names are not shared.
    assert!(!out.contains("alias \"Hans Koch\""), "{out}");
    // A broken file fails with file:line:col.
    std::fs::write(
        dir.path().join("q.ron"),
        "[\n    (id: \"x\", kind: Persn, name: \"X\", aliases: [\"X\"]),\n]",
    )
    .unwrap();
    let o = run_in(dir.path(), &["gazetteer", "check", d], "");
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("q.ron:2:"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn suggest_names_titled_people_no_entity_covers() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = [
        r#"{"id": "1", "text": "Frankreichs Außenminister Laurent Fabius traf Außenminister Sergej Lawrow."}"#,
        r#"{"id": "2", "text": "Am Montag sagte Außenminister Laurent Fabius, die Lage sei ernst."}"#,
        r#"{"id": "3", "text": "Trainer Peter Zeidler lobte das Team."}"#,
    ]
    .join("\n");
    let out = stdout(&run_in(
        dir.path(),
        &["gazetteer", "suggest", "-", "--min", "2"],
        &corpus,
    ));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].contains(
            r#"(id: "laurent-fabius", kind: Person, name: "Laurent Fabius", aliases: ["Laurent Fabius", "Fabius"])"#
        ),
        "{out}"
    );
    assert!(lines[0].contains("2×"), "{out}");
    // Lawrow is in the gazetteer; a name seen once is below --min 2.
    let all = stdout(&run_in(
        dir.path(),
        &["gazetteer", "suggest", "-", "--min", "1"],
        &corpus,
    ));
    assert!(all.contains("Peter Zeidler") && !all.contains("Lawrow"), "{all}");
}
