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
    // An unknown kind, a missing field, an unknown field and a syntax error, in four records.
    assert_eq!(err.problems.len(), 4, "{err}");
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
