//! # newskg — a knowledge-graph builder for German news
//!
//! newskg reads news articles and a gazetteer of entities and builds a graph of who and what the
//! news talks about, with the sentence that says so.
//!
//! The stages, one module each:
//! 1. [`gazetteer`] — entities and their surface forms from `gazetteer/*.ron`, with every problem
//!    reported by file:line:column;
//! 2. [`normalize`] — case, `ß`, hyphen, space and quote folding with a map back to original bytes;
//! 3. [`matching`] — one aho-corasick automaton over all forms; German boundaries, inflections
//!    (`Putins`, `russische`, `Kremlsprecher`, `Russland-Besuch`);
//! 4. [`link`] — mentions to entities: short names by coreference, ambiguity reported;
//! 5. [`segment`] — German-aware sentences;
//! 6. [`relation`] — typed relations;
//! 7. [`extract`] — the [`Pipeline`] that runs 2–6 on one document into a [`DocExtraction`];
//! 8. [`graph`] — the petgraph [`KnowledgeGraph`] folded from extractions;
//! 9. [`export`] — RON, DOT and CSV, written atomically.
//!
//! Guarantees: [`Pipeline::extract`] never fails or panics on any text; every span is a byte
//! range into the original text on character boundaries; outputs are byte-identical for the same
//! input, whatever the thread count or input order.
//!
//! ```
//! use newskg::{Gazetteer, Pipeline, input::Document};
//! use std::path::Path;
//!
//! let gaz = Gazetteer::from_sources(&[(Path::new("mini.ron"), r#"[
//!     (id: "vladimir-putin", kind: Person, name: "Vladimir Putin", aliases: ["Wladimir Putin", "Putin"]),
//!     (id: "russia", kind: Country, name: "Russia", aliases: ["Russland"], adjectives: ["russisch"]),
//! ]"#)])?;
//! let pipeline = Pipeline::new(gaz);
//! let x = pipeline.extract(&Document::new("d1", "Der russische Präsident Wladimir Putin reiste ab. Putins Reise endete."));
//! let ids: Vec<&str> = x.mentions.iter().map(|m| pipeline.gazetteer().entity(m.entity).id.as_str()).collect();
//! assert_eq!(ids, ["russia", "vladimir-putin", "vladimir-putin"]);
//! assert_eq!(x.sentences.len(), 2);
//! # Ok::<(), newskg::Error>(())
//! ```

#![deny(missing_docs)]

pub mod date;
pub mod error;
pub mod export;
pub mod extract;
#[doc(hidden)]
pub mod fuzzing;
pub mod gazetteer;
pub mod geo;
pub mod graph;
pub mod input;
pub mod link;
pub mod matching;
pub mod normalize;
pub mod query;
pub mod record;
pub mod relation;
pub mod run;
pub mod segment;
pub mod span;
pub mod syntax;

pub use error::{Error, ErrorKind, Result};
pub use extract::{DocExtraction, Pipeline};
pub use gazetteer::Gazetteer;
pub use graph::KnowledgeGraph;
pub use span::Span;

/// The entries of a one-word-per-line data file (`data/de/*.txt`): lines trimmed, blank lines and
/// `#` comments skipped.
pub(crate) fn word_list(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
