//! The whole pipeline against a bare aho-corasick scan of the same aliases over the same bytes,
//! in the same process, side by side: issue 8 asks for the pipeline at 40 % of the bare scan.
//!
//! Measured, alternating and best of `NEWSKG_RATIO_ROUNDS` rounds (default 7), over the 1,028
//! 10kGNAD articles (`NEWSKG_BENCH_CORPUS`, see `benches/common/mod.rs`):
//! - **pipeline**: what `newskg extract -j 1` does per document after start-up and reading:
//!   `Pipeline::extract` and the JSON line written into a buffer;
//! - **bare scan**: the same normalised alias forms as one aho-corasick automaton, leftmost-longest
//!   and ASCII case-insensitive over the raw bytes, a hit counted only as a whole word (no
//!   normalisation, no inflection, no linking, no relations), once as a DFA (the kind newskg's
//!   matcher builds) and once as a contiguous NFA (the figure issue 8 quotes).
//!
//! It prints both in MB/s and their ratio. Every loop asserts its count, so a fast wrong change
//! cannot look like a win.
//!
//! ```sh
//! cargo bench --bench ratio
//! ```

mod common;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use newskg::{Gazetteer, Pipeline};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// A letter or digit of the raw text (any byte of a multi-byte character counts as one).
fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Leftmost-longest hits of `ac` in `text` that stand as whole words.
fn whole_word_hits(ac: &AhoCorasick, text: &str) -> usize {
    let b = text.as_bytes();
    ac.find_iter(text)
        .filter(|m| (m.start() == 0 || !word_byte(b[m.start() - 1])) && b.get(m.end()).is_none_or(|&c| !word_byte(c)))
        .count()
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let r = f();
    (t.elapsed(), r)
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that names no bench of this file skips it.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && !"ratio".contains(a.as_str()))
    {
        return;
    }
    let rounds: usize = std::env::var("NEWSKG_RATIO_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let docs = common::corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let gaz = Gazetteer::load_dir(Path::new("gazetteer")).expect("bundled gazetteer");
    let pipeline = Pipeline::new(gaz.clone());
    let patterns = common::bare_patterns(&gaz);
    let build = |kind| {
        AhoCorasick::builder()
            .kind(Some(kind))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the gazetteer's forms build")
    };
    let dfa = build(AhoCorasickKind::DFA);
    let nfa = build(AhoCorasickKind::ContiguousNFA);
    // Warm up: start-up data built on first use (lexicon, constructions) is not timed.
    let mut out: Vec<u8> = Vec::with_capacity(1 << 20);
    pipeline
        .extract(&docs[0])
        .write_json_line(pipeline.gazetteer(), &mut out);

    let bare = |ac: &AhoCorasick| {
        let n: usize = docs.iter().map(|d| whole_word_hits(ac, &d.text)).sum();
        assert!((5_000..40_000).contains(&n), "{n} bare hits");
        black_box(n)
    };
    let mut run_pipeline = || {
        let (mut mentions, mut relations, mut written) = (0, 0, 0);
        for d in &docs {
            let x = pipeline.extract(d);
            mentions += x.mentions.len();
            relations += x.relations.len();
            out.clear();
            x.write_json_line(pipeline.gazetteer(), &mut out);
            written += out.len();
        }
        assert!((12_000..20_000).contains(&mentions), "{mentions} mentions");
        assert!((30..150).contains(&relations), "{relations} relations");
        assert!(written > bytes, "{written} bytes of JSON");
        black_box(written)
    };
    let mut best = [Duration::MAX; 3];
    for _ in 0..rounds {
        let (t, _) = time(|| bare(&dfa));
        best[0] = best[0].min(t);
        let (t, _) = time(&mut run_pipeline);
        best[1] = best[1].min(t);
        let (t, _) = time(|| bare(&nfa));
        best[2] = best[2].min(t);
    }
    let mbs = |t: Duration| bytes as f64 / t.as_secs_f64() / 1e6;
    let (dfa_mbs, pipe_mbs, nfa_mbs) = (mbs(best[0]), mbs(best[1]), mbs(best[2]));
    println!(
        "ratio: {} documents, {:.2} MB, {} patterns; best of {rounds} alternating rounds, one thread",
        docs.len(),
        bytes as f64 / 1e6,
        patterns.len()
    );
    println!("  pipeline (extract + JSON line)             {pipe_mbs:8.1} MB/s");
    println!(
        "  bare scan, DFA, leftmost-longest, words    {dfa_mbs:8.1} MB/s   pipeline/bare {:5.1} %",
        100.0 * pipe_mbs / dfa_mbs
    );
    println!(
        "  bare scan, contiguous NFA, same            {nfa_mbs:8.1} MB/s   pipeline/bare {:5.1} %",
        100.0 * pipe_mbs / nfa_mbs
    );
}
