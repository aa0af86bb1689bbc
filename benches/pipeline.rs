//! Throughput of each stage and of the whole pipeline, in bytes per second, on real news:
//! the 1,028 DER STANDARD articles of 10kGNAD (path from `NEWSKG_BENCH_CORPUS`, default
//! `../shared/corpora/10kgnad/test.csv`), with the bundled gazetteer.
//!
//! The baseline is a bare aho-corasick scan of the same bytes with the same patterns (no
//! normalisation, no boundaries, no linking): newskg aims at a small factor of it.
//! Every bench asserts the count it expects, so a fast wrong change cannot look like a win.
//!
//! ```sh
//! NEWSKG_BENCH_CORPUS=../shared/corpora/10kgnad/test.csv cargo bench --bench pipeline
//! ```

mod common;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newskg::normalize::Normalized;
use newskg::{Gazetteer, KnowledgeGraph, Pipeline};
use std::hint::black_box;
use std::path::Path;

fn benches(c: &mut Criterion) {
    let docs = common::corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let gaz = Gazetteer::load_dir(Path::new("gazetteer")).expect("bundled gazetteer");
    let pipeline = Pipeline::new(gaz.clone());
    eprintln!(
        "corpus: {} documents, {:.2} MB; automaton: {} patterns, {:.1} MiB",
        docs.len(),
        bytes as f64 / 1e6,
        pipeline.matcher().pattern_count(),
        pipeline.matcher().memory_usage() as f64 / (1 << 20) as f64
    );
    let mut g = c.benchmark_group("10kgnad");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);

    // Baseline: the same normalised patterns, a bare scan of the raw bytes.
    let patterns = common::bare_patterns(&gaz);
    // Same automaton kind as newskg's matcher (a DFA), so the comparison is like for like.
    let dfa = Some(aho_corasick::AhoCorasickKind::DFA);
    let bare = AhoCorasick::builder()
        .kind(dfa)
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .unwrap();
    g.bench_function("baseline: bare aho-corasick scan (leftmost-longest)", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| bare.find_iter(d.text.as_str()).count()).sum();
            assert!(n > 10_000, "{n}");
            black_box(n)
        })
    });
    let bare_all = AhoCorasick::builder()
        .kind(dfa)
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .unwrap();
    g.bench_function("baseline: bare aho-corasick scan (overlapping)", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| bare_all.find_overlapping_iter(d.text.as_str()).count())
                .sum();
            assert!(n > 10_000, "{n}");
            black_box(n)
        })
    });
    g.bench_function("normalise", |b| {
        let mut norm = Normalized::default();
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                norm.fill(&d.text);
                n += norm.text.len();
            }
            assert!(n >= bytes * 9 / 10);
            black_box(n)
        })
    });
    g.bench_function("normalise + match", |b| {
        let mut norm = Normalized::default();
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                norm.fill(&d.text);
                n += pipeline.matcher().find(&d.text, &norm).len();
            }
            assert!((12_000..20_000).contains(&n), "{n} hits");
            black_box(n)
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| newskg::segment::sentences(&d.text, 0).len()).sum();
            assert!((15_000..40_000).contains(&n), "{n} sentences");
            black_box(n)
        })
    });
    // The relation pass alone (gate, syntax layer on candidate sentences, references,
    // constructions), on mentions and sentences found beforehand.
    let prepared: Vec<_> = docs
        .iter()
        .map(|d| {
            let norm = Normalized::new(&d.text);
            let hits = pipeline.matcher().find(&d.text, &norm);
            let (mentions, _) = newskg::link::link(pipeline.gazetteer(), &d.text, &hits, None);
            let sentences = newskg::segment::sentences(&d.text, 0);
            (norm, mentions, sentences)
        })
        .collect();
    g.bench_function("relations: gate + syntax layer + constructions", |b| {
        b.iter(|| {
            let mut n = 0;
            for (d, (norm, mentions, sentences)) in docs.iter().zip(&prepared) {
                let r = newskg::relation::extract(pipeline.gazetteer(), &d.text, norm, sentences, mentions, None);
                n += r.relations.len();
            }
            assert!((30..150).contains(&n), "{n} relations");
            black_box(n)
        })
    });
    g.bench_function("extract (one thread)", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| pipeline.extract(d).mentions.len()).sum();
            assert!((12_000..20_000).contains(&n), "{n} mentions");
            black_box(n)
        })
    });
    let extractions: Vec<_> = docs.iter().map(|d| pipeline.extract(d)).collect();
    g.bench_function("graph: fold extractions", |b| {
        b.iter(|| {
            let mut kg = KnowledgeGraph::new();
            for x in &extractions {
                kg.add(x, pipeline.gazetteer());
            }
            assert!(kg.nodes().count() > 500);
            black_box(kg)
        })
    });
    g.finish();
}

criterion_group!(pipeline_benches, benches);
criterion_main!(pipeline_benches);
