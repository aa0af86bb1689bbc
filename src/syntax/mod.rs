//! The German syntax layer: tokens, noun phrases and clauses of the sentences that may state a
//! relation (a trigger word and an entity), built only there.
//!
//! - [`lexicon`][]: function words, verb forms, person nouns — data from `data/de/`;
//! - [`token`][]: tokens as slices of the text with interned word ids, mentions as slots;
//! - [`parse`][]: phrases (head, determiner cases, titles, appositions, coordination, genitives)
//!   and clauses (finite verb, particle, relative and subordinate clauses with their antecedents).

pub mod lexicon;
pub mod parse;
pub mod token;

pub use lexicon::Lexicon;
pub use parse::{Clause, ClauseKind, Head, Parse, Phrase, parse};
pub use token::{Slot, Token, Tokens, tokenize};

/// Writes a readable account of a parse: tokens with their entities, phrases, clauses with their
/// verbs and subjects (for `examples/explain.rs` and for debugging constructions).
pub fn explain(
    out: &mut String,
    gaz: &crate::gazetteer::Gazetteer,
    text: &str,
    t: &Tokens,
    p: &Parse,
    subject: impl Fn(usize) -> Option<usize>,
) {
    use std::fmt::Write;
    let lex = Lexicon::get();
    let tok = |i: usize| -> String {
        let s = t.toks[i].span.slice(text);
        match t.toks[i].slot {
            Some(sl) => format!(
                "{s}={}{}",
                gaz.entity(sl.entity).id,
                if sl.attributive() { "(attr)" } else { "" }
            ),
            None => s.to_string(),
        }
    };
    let _ = writeln!(out, "sentence: {}", t.sentence.slice(text));
    for (ci, c) in p.clauses.iter().enumerate() {
        let words: Vec<String> = c.tokens().map(tok).collect();
        let _ = writeln!(
            out,
            "  clause {ci} {:?} parent {:?}{}: {}",
            c.kind,
            c.parent,
            if c.elided { " elided" } else { "" },
            words.join(" ")
        );
        let _ = writeln!(
            out,
            "    finite {:?} nonfinite {:?} particle {:?} subject {:?}",
            c.finite.map(tok),
            c.nonfinite.iter().map(|&i| tok(i)).collect::<Vec<_>>(),
            c.particle.map(tok),
            subject(ci).map(|s| tok(p.phrases[s].head))
        );
        for &pi in &c.phrases {
            let ph = &p.phrases[pi];
            let prep = ph
                .prep
                .and_then(|w| lex.forms().find(|(_, id)| *id == w).map(|(f, _)| f.to_string()));
            let _ = writeln!(
                out,
                "    phrase {pi} [{}] head {:?} {} prep {:?} cases {:04x} group {}{}{}{}{}{}{}",
                ph.toks.clone().map(tok).collect::<Vec<_>>().join(" "),
                ph.head_kind,
                tok(ph.head),
                prep,
                ph.cases,
                ph.group,
                if ph.genitive { " genitive" } else { "" },
                ph.of.map(|o| format!(" of {o}")).unwrap_or_default(),
                ph.appos_of.map(|o| format!(" appos-of {o}")).unwrap_or_default(),
                if ph.titles.is_empty() {
                    String::new()
                } else {
                    format!(" titles {:?}", ph.titles.iter().map(|&i| tok(i)).collect::<Vec<_>>())
                },
                ph.possessor
                    .map(|x| format!(" possessor {}", tok(x)))
                    .unwrap_or_default(),
                if ph.refs.is_empty() {
                    String::new()
                } else {
                    format!(
                        " refs {:?}",
                        ph.refs.iter().map(|&e| gaz.entity(e).id.as_str()).collect::<Vec<_>>()
                    )
                },
            );
        }
    }
}
