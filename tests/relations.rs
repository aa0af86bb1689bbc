//! Runs tests/data/cases/relations.ron: each construction of German news and its negative twin.

use newskg::input::Document;
use newskg::{Gazetteer, Pipeline};
use serde::Deserialize;
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
    #[serde(default)]
    expect: Vec<Expect>,
    #[serde(default)]
    absent: Vec<(String, String, String)>,
}

#[test]
fn relation_cases_and_their_negative_twins() {
    let src = std::fs::read_to_string("tests/data/cases/relations.ron").unwrap();
    let cases: Vec<Case> = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&src)
        .unwrap();
    let p = Pipeline::new(Gazetteer::load_dir(Path::new("gazetteer")).unwrap());
    let g = p.gazetteer();
    let mut failures = Vec::new();
    for c in &cases {
        assert!(
            !c.expect.is_empty() || !c.absent.is_empty(),
            "{}: a case must check something",
            c.name
        );
        let x = p.extract(&Document::new("case", format!("date {} {}", c.date, c.text)));
        let id = |e| g.entity(e).id.as_str();
        let found: Vec<String> = x
            .relations
            .iter()
            .map(|r| {
                format!(
                    "{} {}{} {} date={} src={} goods={:?}",
                    id(r.subject),
                    r.kind.as_str(),
                    if r.planned { "(planned)" } else { "" },
                    id(r.object),
                    r.date.map(|d| d.to_string()).unwrap_or_default(),
                    r.attribution.as_ref().and_then(|a| a.source).map(id).unwrap_or(""),
                    r.goods
                )
            })
            .collect();
        for e in &c.expect {
            let symmetric = e.r == "met" || e.r == "phoned";
            let ok = x.relations.iter().any(|r| {
                let same = (id(r.subject) == e.s && id(r.object) == e.o)
                    || (symmetric && id(r.subject) == e.o && id(r.object) == e.s);
                same && r.kind.as_str() == e.r
                    && r.planned == e.planned
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
                    "{}: expected {} {} {} (planned {}); found {found:#?}",
                    c.name, e.s, e.r, e.o, e.planned
                ));
            }
        }
        for (s, r, o) in &c.absent {
            if x.relations
                .iter()
                .any(|x| id(x.subject) == s && x.kind.as_str() == r && id(x.object) == o)
            {
                failures.push(format!("{}: must not find {s} {r} {o}; found {found:#?}", c.name));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures in {} cases:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
