//! Relation cases as data: tests/data/cases/relations.ron (constructions of German news, each with
//! its negative twin) and tests/data/cases/constructions.ron (a positive case and a negative twin
//! for every record of data/de/constructions.ron, tagged with its name). Also runs the example and
//! the negative of every construction record, and fails when a record has no case of either kind.

use newskg::input::Document;
use newskg::relation::constructions::Constructions;
use newskg::{DocExtraction, Gazetteer, Pipeline};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    s: String,
    r: String,
    o: String,
    #[serde(default)]
    planned: bool,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    goods: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    date: String,
    text: String,
    /// The construction this case is about: its expected relations must come from it.
    #[serde(default)]
    construction: Option<String>,
    #[serde(default)]
    expect: Vec<Expect>,
    #[serde(default)]
    absent: Vec<(String, String, String)>,
    /// Relations the text states only under speculation or hearsay: reported as hedged.
    #[serde(default)]
    hedged: Vec<(String, String, String)>,
    /// Also run with a plain copy of the gazetteer (ids, names, aliases, adjectives, demonyms):
    /// what the text says must suffice.
    #[serde(default)]
    plain: bool,
    /// Run with the bundled gazetteer too (false for what only holds when the gazetteer says
    /// nothing, such as a gender it would know).
    #[serde(default = "yes")]
    bundled: bool,
}

fn yes() -> bool {
    true
}

fn load(file: &str) -> Vec<Case> {
    let src = std::fs::read_to_string(Path::new("tests/data/cases").join(file)).unwrap();
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&src)
        .unwrap_or_else(|e| panic!("tests/data/cases/{file}: {e}"))
}

fn pipeline() -> Pipeline {
    Pipeline::new(Gazetteer::load_dir(Path::new("gazetteer")).unwrap())
}

fn describe(p: &Pipeline, x: &DocExtraction) -> Vec<String> {
    let g = p.gazetteer();
    let id = |e| g.entity(e).id.as_str();
    x.relations
        .iter()
        .chain(&x.hedged)
        .map(|r| {
            format!(
                "{} {}{}{} {} date={} src={} goods={:?} [{}]",
                id(r.subject),
                r.kind.as_str(),
                if r.planned { "(planned)" } else { "" },
                if r.hedged { "(hedged)" } else { "" },
                id(r.object),
                r.date.map(|d| d.to_string()).unwrap_or_default(),
                r.attribution.as_ref().and_then(|a| a.source).map(id).unwrap_or(""),
                r.goods,
                r.construction
            )
        })
        .collect()
}

/// Runs cases; returns failures.
fn run(p: &Pipeline, cases: &[Case]) -> Vec<String> {
    let g = p.gazetteer();
    let id = |e| g.entity(e).id.as_str();
    let mut failures = Vec::new();
    for c in cases {
        assert!(
            !c.expect.is_empty() || !c.absent.is_empty() || !c.hedged.is_empty(),
            "{}: a case must check something",
            c.name
        );
        let x = p.extract(&Document::new("case", format!("date {} {}", c.date, c.text)));
        let found = describe(p, &x);
        for e in &c.expect {
            let symmetric = e.r == "met" || e.r == "phoned";
            let ok = x.relations.iter().any(|r| {
                let same = (id(r.subject) == e.s && id(r.object) == e.o)
                    || (symmetric && id(r.subject) == e.o && id(r.object) == e.s);
                same && r.kind.as_str() == e.r
                    && r.planned == e.planned
                    && c.construction.as_ref().is_none_or(|k| &r.construction == k)
                    && e.date
                        .as_ref()
                        .is_none_or(|d| r.date.map(|x| x.to_string()).as_ref() == Some(d))
                    && e.source
                        .as_ref()
                        .is_none_or(|s| r.attribution.as_ref().and_then(|a| a.source).map(id) == Some(s.as_str()))
                    && e.goods.iter().all(|w| r.goods.contains(w))
            });
            if !ok {
                failures.push(format!(
                    "{}: expected {} {} {} (planned {}{}); found {found:#?}",
                    c.name,
                    e.s,
                    e.r,
                    e.o,
                    e.planned,
                    c.construction.as_ref().map(|k| format!(", by {k}")).unwrap_or_default()
                ));
            }
        }
        for (s, r, o) in &c.absent {
            let symmetric = r == "met" || r == "phoned";
            if x.relations.iter().any(|x| {
                x.kind.as_str() == r
                    && ((id(x.subject) == s && id(x.object) == o)
                        || (symmetric && id(x.subject) == o && id(x.object) == s))
            }) {
                failures.push(format!("{}: must not find {s} {r} {o}; found {found:#?}", c.name));
            }
        }
        for (s, r, o) in &c.hedged {
            if !x
                .hedged
                .iter()
                .any(|x| id(x.subject) == s && x.kind.as_str() == r && id(x.object) == o)
            {
                failures.push(format!(
                    "{}: must report {s} {r} {o} as hedged; found {found:#?}",
                    c.name
                ));
            }
        }
    }
    failures
}

fn assert_none(failures: Vec<String>, n: usize) {
    assert!(
        failures.is_empty(),
        "{} failures in {} cases:\n{}",
        failures.len(),
        n,
        failures.join("\n")
    );
}

#[test]
fn relation_cases_and_their_negative_twins() {
    let cases: Vec<Case> = load("relations.ron").into_iter().filter(|c| c.bundled).collect();
    assert_none(run(&pipeline(), &cases), cases.len());
}

#[test]
fn relation_cases_with_a_plain_gazetteer() {
    let cases: Vec<Case> = load("relations.ron").into_iter().filter(|c| c.plain).collect();
    assert!(cases.len() >= 5, "cases marked plain: {}", cases.len());
    let plain = Pipeline::new(Gazetteer::load_dir(Path::new("gazetteer")).unwrap().plain());
    assert_none(run(&plain, &cases), cases.len());
}

#[test]
fn every_construction_has_a_case_and_a_negative_twin() {
    let cases = load("constructions.ron");
    let cons = Constructions::get();
    let names: BTreeSet<&str> = cons.list.iter().map(|c| c.name.as_str()).collect();
    let mut missing = Vec::new();
    for c in &cases {
        let k = c
            .construction
            .as_deref()
            .unwrap_or_else(|| panic!("{}: names no construction", c.name));
        assert!(names.contains(k), "{}: no construction named {k:?}", c.name);
    }
    for name in &names {
        let mine: Vec<&Case> = cases
            .iter()
            .filter(|c| c.construction.as_deref() == Some(*name))
            .collect();
        if !mine.iter().any(|c| !c.expect.is_empty()) {
            missing.push(format!("{name}: no positive case"));
        }
        if !mine.iter().any(|c| !c.absent.is_empty() && c.expect.is_empty()) {
            missing.push(format!("{name}: no negative twin"));
        }
    }
    assert!(
        missing.is_empty(),
        "constructions without cases:\n{}",
        missing.join("\n")
    );
    assert_none(run(&pipeline(), &cases), cases.len());
}

#[test]
fn every_construction_record_gives_its_example_and_not_its_negative() {
    let p = pipeline();
    let mut failures = Vec::new();
    for c in &Constructions::get().list {
        let by_me = |text: &str| {
            let x = p.extract(&Document::new("example", text));
            let n = x
                .relations
                .iter()
                .chain(&x.hedged)
                .filter(|r| r.construction == c.name)
                .count();
            (n, describe(&p, &x))
        };
        let (n, found) = by_me(&c.example);
        if n == 0 {
            failures.push(format!(
                "{}: its example gives nothing by it: {:?}; found {found:#?}",
                c.name, c.example
            ));
        }
        let (n, found) = by_me(&c.negative);
        if n > 0 {
            failures.push(format!(
                "{}: its negative gives a relation: {:?}; found {found:#?}",
                c.name, c.negative
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The gate: a frequent verb (`war`, `kam`) sends a sentence to the parser only when the
/// sentence names a place or two persons; a sentence with a meeting verb and a person always.
#[test]
fn frequent_verbs_are_parsed_only_with_a_place_or_two_persons() {
    let p = pipeline();
    let parsed = |text: &str| {
        p.explain(&Document::new("gate", format!("date 2016-05 {text}")))
            .matches("sentence: ")
            .count()
    };
    assert_eq!(parsed("Angela Merkel war am Montag sehr zufrieden."), 0);
    assert_eq!(parsed("Angela Merkel fuhr am Montag Rad."), 0);
    assert_eq!(parsed("Angela Merkel fuhr am Montag zu Wladimir Putin."), 1);
    assert_eq!(parsed("Angela Merkel war am Montag bei Wladimir Putin."), 1);
    assert_eq!(parsed("Angela Merkel war am Montag in Moskau."), 1);
    assert_eq!(parsed("Angela Merkel traf am Montag ihren Amtskollegen."), 1);
}
