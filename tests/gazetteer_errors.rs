//! Broken gazetteers are rejected with every problem listed at file:line:column.
//! Each tests/data/gazetteer_errors/NAME.ron has its exact expected message in NAME.expected
//! (regenerate after a deliberate change with UPDATE_EXPECTED=1 and review the diff).

use newskg::{ErrorKind, Gazetteer};
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("tests/data/gazetteer_errors")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_broken_fixture_reports_exact_positions() {
    let mut checked = 0;
    for f in fixtures() {
        let name = f.file_stem().unwrap().to_string_lossy().into_owned();
        if name.starts_with("valid") {
            continue;
        }
        let err = Gazetteer::load_files(std::slice::from_ref(&f)).expect_err(&name);
        assert_eq!(err.kind, ErrorKind::Gazetteer);
        let got = format!("{err}\n");
        let expected_path = f.with_extension("expected");
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&expected_path, &got).unwrap();
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        assert_eq!(got, expected, "fixture {name}");
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} fixtures");
}

#[test]
fn the_documented_minimal_format_loads() {
    let g = Gazetteer::load_files(&[PathBuf::from("tests/data/gazetteer_errors/valid_minimal.ron")]).unwrap();
    assert_eq!(g.len(), 2);
    assert_eq!(g.entity(g.index_of("russia").unwrap()).demonyms, ["Russe"]);
}

#[test]
fn all_problems_of_all_records_are_listed() {
    let err = Gazetteer::load_files(&[PathBuf::from("tests/data/gazetteer_errors/schema.ron")]).unwrap_err();
    // An unknown kind, a missing field, an unknown field (`alias`) and the missing `aliases` it
    // leaves, and a syntax error, in four records.
    assert_eq!(err.problems.len(), 5, "{err}");
    assert_eq!((err.problems[0].line, err.problems[0].col), (3, 26));
    assert!(err.problems[0].message.contains("Persn"));
}

#[test]
fn duplicate_ids_across_files_name_both_places() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    std::fs::write(
        &a,
        "[\n  (id: \"x\", kind: City, name: \"X\", aliases: [\"Xstadt\"]),\n]\n",
    )
    .unwrap();
    std::fs::write(&b, "[(id: \"y\", kind: City, name: \"Y\", aliases: [\"Y\"]),\n (id: \"x\", kind: City, name: \"X\", aliases: [\"X\"])]").unwrap();
    let err = Gazetteer::load_dir(dir.path()).unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    let p = &err.problems[0];
    assert_eq!((p.file.as_path(), p.line, p.col), (b.as_path(), 2, 7));
    assert!(
        p.hint.as_deref().unwrap().contains(&format!("{}:2:8", a.display())),
        "{p}"
    );
}

#[test]
fn invalid_utf8_gazetteer_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.ron");
    std::fs::write(
        &f,
        b"[\n  (id: \"x\", kind: City, name: \"M\xfcnchen\", aliases: [\"X\"]),\n]",
    )
    .unwrap();
    let err = Gazetteer::load_dir(dir.path()).unwrap_err();
    let p = &err.problems[0];
    assert_eq!((p.file.as_path(), p.line, p.col), (f.as_path(), 2, 33));
}

#[test]
fn shared_aliases_are_allowed() {
    let src = "[(id: \"a\", kind: Person, name: \"A\", aliases: [\"Kim\"]), (id: \"b\", kind: Person, name: \"B\", aliases: [\"Kim\"])]";
    let g = Gazetteer::from_sources(&[(Path::new("s.ron"), src)]).unwrap();
    assert_eq!(g.lookup("kim").len(), 2);
}

/// Issue 11 point 6: one run reports every problem of every file. An unknown field no longer hides
/// its record's other problems or the duplicate id it causes in another file; an unknown role no
/// longer hides the unknown id the role is `of`; a syntax error in one file hides nothing elsewhere.
#[test]
fn one_run_reports_every_problem_of_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, src: &str| std::fs::write(dir.path().join(name), src).unwrap();
    write(
        "a.ron",
        "[\n  (id: \"putin\", kind: Person, name: \"Wladimir Putin\", aliases: [\"Putin\"], colour: \"red\", country: \"narnia\"),\n  (id: \"kim\", kind: Person, name: \"Kim\", aliases: [\"Kim\"], roles: [(role: \"nope\", of: \"atlantis\")]),\n]\n",
    );
    write(
        "b.ron",
        "[\n  (id: \"putin\", kind: Person, name: \"Putin again\", aliases: [\"W. Putin\"]),\n  (id: \"x\", kind: Persn, name: \"X\", aliases: []),\n]\n",
    );
    write(
        "c.ron",
        "[\n  (id: \"y\", kind: Person, name: \"Y\" aliases: [\"Y\"]),\n  (id: \"putin\", kind: Person, name: \"Third\", aliases: [\"P\"]),\n]\n",
    );
    let err = Gazetteer::load_dir(dir.path()).unwrap_err();
    let got: Vec<(String, usize, usize, &str)> = err
        .problems
        .iter()
        .map(|p| {
            let file = p.file.file_name().unwrap().to_string_lossy().into_owned();
            let what = [
                "Unexpected field",
                "country of",
                "unknown role",
                "role of",
                "duplicate id",
                "Unexpected variant",
                "Expected comma",
            ]
            .into_iter()
            .find(|w| p.message.contains(w))
            .unwrap_or("?");
            (file, p.line, p.col, what)
        })
        .collect();
    let want = [
        ("a.ron", 2, 75, "Unexpected field"),
        ("a.ron", 2, 99, "country of"),
        ("a.ron", 3, 75, "unknown role"),
        ("a.ron", 3, 87, "role of"),
        ("b.ron", 2, 8, "duplicate id"),
        ("b.ron", 3, 19, "Unexpected variant"),
        ("c.ron", 2, 37, "Expected comma"),
        ("c.ron", 3, 8, "duplicate id"),
    ];
    let want: Vec<(String, usize, usize, &str)> = want.iter().map(|&(f, l, c, w)| (f.to_string(), l, c, w)).collect();
    assert_eq!(got, want, "{err}");
}
