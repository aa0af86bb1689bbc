//! Runs the data-driven cases of tests/data/cases/*.ron against the bundled gazetteer and against a
//! plain copy of it (ids, kinds, names, aliases, adjectives and demonyms only: what a user's own
//! gazetteer usually has). A case that needs the bundled records' roles or dates says `bundled_only`.

use newskg::input::Document;
use newskg::{Gazetteer, Pipeline};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    expect: Vec<(String, String, String)>,
    #[serde(default)]
    absent: Vec<String>,
    /// (surface, entity id): the words must not name that entity (it may be named elsewhere).
    #[serde(default)]
    not: Vec<(String, String)>,
    #[serde(default)]
    ambiguous: Vec<String>,
    /// The case needs what only the bundled records have (roles, dates of death).
    #[serde(default)]
    bundled_only: bool,
    /// A user's own records (RON, as in a gazetteer file), added on top of the gazetteer the
    /// case runs with, for names no bundled record has (`Bild`, `Laufen`).
    #[serde(default)]
    records: Option<String>,
}

/// The gazetteer directory the cases run with.
fn gazetteer_dir() -> std::path::PathBuf {
    std::env::var("NEWSKG_GAZETTEER")
        .unwrap_or_else(|_| "gazetteer".into())
        .into()
}

/// The case's pipeline when it brings records of its own: the gazetteer's files (`files`, as
/// the bundled gazetteer loaded them) and the records as one more file, made plain for the
/// plain run.
fn with_records(files: &[std::path::PathBuf], records: &str, which: &str) -> Pipeline {
    let mut sources: Vec<(std::path::PathBuf, String)> = files
        .iter()
        .map(|f| (f.clone(), std::fs::read_to_string(f).unwrap()))
        .collect();
    sources.push(("case-records.ron".into(), format!("[{records}]")));
    let refs: Vec<(&Path, &str)> = sources.iter().map(|(p, s)| (p.as_path(), s.as_str())).collect();
    let g = Gazetteer::from_sources(&refs).unwrap_or_else(|e| panic!("case records: {e}"));
    Pipeline::new(if which == "plain" { g.plain() } else { g })
}

fn pipeline() -> Pipeline {
    Pipeline::new(Gazetteer::load_dir(&gazetteer_dir()).expect("bundled gazetteer loads"))
}

fn run_file(file: &str) {
    let bundled = pipeline();
    let plain = Pipeline::new(bundled.gazetteer().plain());
    let files = bundled.gazetteer().files().to_vec();
    run_with(file, &bundled, &files, "bundled");
    run_with(file, &plain, &files, "plain");
}

fn run_with(file: &str, p: &Pipeline, files: &[std::path::PathBuf], which: &str) {
    let src = std::fs::read_to_string(Path::new("tests/data/cases").join(file)).unwrap();
    let cases: Vec<Case> = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&src)
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for c in cases.iter().filter(|c| which == "bundled" || !c.bundled_only) {
        let own;
        let p = match &c.records {
            Some(r) => {
                own = with_records(files, r, which);
                &own
            }
            None => p,
        };
        let g = p.gazetteer();
        let text = match &c.date {
            Some(d) => format!("date {d} {}", c.text),
            None => c.text.clone(),
        };
        let x = p.extract(&Document::new("case", text.as_str()));
        let found: Vec<(&str, &str, &str)> = x
            .mentions
            .iter()
            .map(|m| (m.span.slice(&x.text), g.entity(m.entity).id.as_str(), m.via.as_str()))
            .collect();
        for (surface, id, via) in &c.expect {
            // `*`: any way of linking (the bundled and the plain gazetteer may differ in it).
            if !found
                .iter()
                .any(|f| (f.0, f.1) == (surface.as_str(), id.as_str()) && (via == "*" || f.2 == via))
            {
                failures.push(format!(
                    "{}: expected {surface:?} → {id} via {via}; found {found:?}",
                    c.name
                ));
            }
        }
        for id in &c.absent {
            if found.iter().any(|f| f.1 == id) {
                failures.push(format!("{}: {id} must not be linked; found {found:?}", c.name));
            }
        }
        for (surface, id) in &c.not {
            if found.iter().any(|f| f.0 == surface && f.1 == id) {
                failures.push(format!("{}: {surface:?} must not name {id}; found {found:?}", c.name));
            }
        }
        let amb: Vec<&str> = x.ambiguous.iter().map(|a| a.span.slice(&x.text)).collect();
        for s in &c.ambiguous {
            if !amb.contains(&s.as_str()) {
                failures.push(format!("{}: {s:?} must be ambiguous; ambiguous were {amb:?}", c.name));
            }
        }
        for m in &x.mentions {
            assert!(x.text.is_char_boundary(m.span.start) && x.text.is_char_boundary(m.span.end));
        }
    }
    assert!(
        failures.is_empty(),
        "{} gazetteer: {} of {} cases failed:\n{}",
        which,
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn matching_cases() {
    run_file("matching.ron");
}

#[test]
fn linking_cases() {
    run_file("linking.ron");
}
