//! Invariants: no panic and sound spans on any text; the graph folds and merges to the same
//! result in any order; the RON export round-trips.

use newskg::export::ron::GraphFile;
use newskg::input::Document;
use newskg::{Gazetteer, KnowledgeGraph, Pipeline};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Gazetteer::load_dir(Path::new("gazetteer")).unwrap()))
}

/// Text built from German words, names, punctuation and odd characters.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Putin".to_string()),
        Just("Kim".to_string()),
        Just("Kim Jong-un".to_string()),
        Just("Russlands".to_string()),
        Just("russisch-nordkoreanische".to_string()),
        Just("traf".to_string()),
        Just("sich mit".to_string()),
        Just("der russische Präsident".to_string()),
        Just("Kremlsprecher".to_string()),
        Just("am 13. September".to_string()),
        Just("1.000".to_string()),
        Just("ß".to_string()),
        Just("„".to_string()),
        Just("\u{AD}".to_string()),
        Just("o\u{308}".to_string()),
        Just(" date 2023-10 ".to_string()),
        "[ -~äöüÄÖÜß–—\n.,:;!?\"'()-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn extraction_never_panics_and_spans_are_sound(text in newsish()) {
        let doc = Document::new("p", text.clone());
        let x = pipeline().extract(&doc);
        let t = &x.text;
        let mut last_end = 0;
        for m in &x.mentions {
            prop_assert!(m.span.start < m.span.end && m.span.end <= t.len());
            prop_assert!(t.is_char_boundary(m.span.start) && t.is_char_boundary(m.span.end));
            prop_assert!(m.span.start >= last_end, "mentions overlap");
            last_end = m.span.end;
        }
        let mut last = 0;
        for s in &x.sentences {
            prop_assert!(s.start >= last && s.start < s.end && s.end <= t.len());
            prop_assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
            last = s.end;
        }
        for r in &x.relations {
            prop_assert!(r.sentence.contains(r.trigger));
            prop_assert!(r.subject != r.object);
        }
        // The JSON line is an extraction record that reads back, and folds to the same graph.
        let line = x.to_json_line(pipeline().gazetteer());
        let rec = newskg::record::Record::parse_line(&line, Path::new("mem"), 1);
        prop_assert!(rec.is_ok(), "{:?}", rec.err().map(|e| e.to_string()));
        let (mut a, mut b) = (KnowledgeGraph::new(), KnowledgeGraph::new());
        a.add(&x, pipeline().gazetteer());
        b.add_record(&rec.unwrap());
        prop_assert_eq!(GraphFile::from_graph(&a).to_ron(), GraphFile::from_graph(&b).to_ron());
    }
}

fn seed_extractions() -> Vec<newskg::DocExtraction> {
    let mut files: Vec<_> = std::fs::read_dir("examples/corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            pipeline().extract(&Document::new(f.file_stem().unwrap().to_string_lossy(), text))
        })
        .collect()
}

fn graph_of(xs: &[newskg::DocExtraction]) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    for x in xs {
        g.add(x, pipeline().gazetteer());
    }
    g
}

#[test]
fn fold_and_merge_give_the_same_graph_in_any_order() {
    let xs = seed_extractions();
    let whole = GraphFile::from_graph(&graph_of(&xs)).to_ron();
    let mut rev = xs.clone();
    rev.reverse();
    assert_eq!(GraphFile::from_graph(&graph_of(&rev)).to_ron(), whole, "input order");
    let (a, b) = xs.split_at(2);
    let (ga, gb) = (graph_of(a), graph_of(b));
    let mut ab = ga.clone();
    ab.merge(&gb);
    let mut ba = gb.clone();
    ba.merge(&ga);
    assert_eq!(GraphFile::from_graph(&ab).to_ron(), whole, "merge a+b");
    assert_eq!(GraphFile::from_graph(&ba).to_ron(), whole, "merge b+a");
    // Merging what is already there changes nothing.
    let mut twice = ab.clone();
    twice.merge(&ga);
    assert_eq!(GraphFile::from_graph(&twice).to_ron(), whole, "idempotent");
}

#[test]
fn ron_export_round_trips() {
    let f = GraphFile::from_graph(&graph_of(&seed_extractions()));
    let s = f.to_ron();
    let back = GraphFile::from_ron(&s, Path::new("mem.ron")).unwrap();
    assert_eq!(back, f);
    assert_eq!(back.to_ron(), s);
    assert!(f.relations.iter().any(|r| r.relation == "met" && r.documents >= 2));
    // Every evidence sentence is in the documents section.
    for c in &f.cooccurrence {
        for e in &c.evidence {
            assert!(f.sentence_text(&e.doc, e.start).is_some());
        }
    }
}

/// One sentence with thousands of clauses and no full stop: the syntax layer reads a bounded
/// prefix, says so, and keeps a bounded number of relations — the work and the output stay
/// linear in the input, whatever its length.
#[test]
fn a_sentence_of_thousands_of_clauses_is_capped_and_counted() {
    let names = ["Putin", "Kim Jong-un", "Lawrow", "Schoigu"];
    let sentence = |n: usize| -> String {
        let clauses: Vec<String> = (0..n)
            .map(|i| format!("{} traf {} in Wien", names[i % 4], names[(i + 1) % 4]))
            .collect();
        format!("date 2023-10 {}.", clauses.join(" "))
    };
    let mut sizes = Vec::new();
    for n in [500, 2000] {
        let x = pipeline().extract(&Document::new("long", sentence(n)));
        assert_eq!(x.truncated.0, 1, "the one long sentence is read only in part");
        assert!(x.relations.len() <= newskg::relation::MAX_RELATIONS_PER_SENTENCE);
        let json = x.to_json_line(pipeline().gazetteer());
        sizes.push((x.text.len(), json.len(), x.relations.len()));
    }
    // Four times the text gives no more relations: the output grows with the mentions only.
    assert_eq!(sizes[0].2, sizes[1].2, "{sizes:?}");
    // Each added clause adds its mentions to the output, and nothing else: the growth of the
    // output per byte of input is the same small constant (a mention record, with its byte and
    // code-point offsets, is about 80 bytes for a name of 7), not a multiple of the sentence.
    let per_byte = (sizes[1].1 - sizes[0].1) as f64 / (sizes[1].0 - sizes[0].0) as f64;
    assert!(
        per_byte < 12.0,
        "output grows by {per_byte:.1} bytes per input byte: {sizes:?}"
    );
}
