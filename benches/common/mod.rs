//! What the benches share: the bench corpus and the patterns of the bare baseline scan.

use newskg::Gazetteer;
use newskg::input::Document;
use newskg::normalize::normalize_pattern;

/// The 1,028 DER STANDARD articles of 10kGNAD's test split (path from `NEWSKG_BENCH_CORPUS`,
/// default `../shared/corpora/10kgnad/test.csv`), as documents.
pub fn corpus() -> Vec<Document> {
    let path = std::env::var("NEWSKG_BENCH_CORPUS").unwrap_or_else(|_| "../shared/corpora/10kgnad/test.csv".into());
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .quote(b'\'')
        .has_headers(false)
        .flexible(true)
        .from_path(&path)
        .unwrap_or_else(|e| panic!("cannot read the bench corpus {path} (set NEWSKG_BENCH_CORPUS): {e}"));
    let docs: Vec<Document> = rdr
        .records()
        .enumerate()
        .map(|(i, r)| {
            let r = r.expect("a CSV record");
            Document::new(format!("gnad-{i:04}"), r.get(1).unwrap_or_default().to_string())
        })
        .collect();
    assert!(
        docs.len() > 1000,
        "expected the 1,028 articles of 10kGNAD, got {}",
        docs.len()
    );
    docs
}

/// Every name form of the gazetteer the matcher searches for (aliases, short aliases, adjective
/// stems, demonyms), normalised: the patterns of the bare baseline scan.
pub fn bare_patterns(gaz: &Gazetteer) -> Vec<String> {
    gaz.entities()
        .iter()
        .flat_map(|e| {
            e.aliases
                .iter()
                .chain(&e.short_aliases)
                .chain(&e.adjectives)
                .chain(&e.demonyms)
        })
        .map(|a| normalize_pattern(a))
        .filter(|p| !p.is_empty())
        .collect()
}
