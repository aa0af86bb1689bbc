//! Who says so: `laut X`, `X zufolge`, `nach Angaben X`, `unter Berufung auf X`, `wie X
//! berichtete`, or the subject of a verb of saying in the sentence. Only computed for sentences
//! that gave a relation.

use super::Attribution;
use crate::gazetteer::{Gazetteer, Kind};
use crate::span::Span;
use crate::syntax::lexicon::{Lexicon, flag};
use crate::syntax::parse::Parse;
use crate::syntax::token::Tokens;

fn source_at(gaz: &Gazetteer, lex: &Lexicon, t: &Tokens, from: usize) -> Option<Attribution> {
    let stop = |i: usize| {
        let tok = &t.toks[i];
        (tok.punct.is_some() && tok.punct != Some('-'))
            || t.has(lex, i, flag::PREP)
            || t.has(lex, i, flag::SAYING)
            || t.word(i).is_some_and(|w| lex.info(w).finite())
    };
    let end = (from..(from + 7).min(t.len()))
        .find(|&j| stop(j))
        .unwrap_or((from + 7).min(t.len()));
    if end <= from {
        return None;
    }
    let pick = |k: &dyn Fn(Kind) -> bool| {
        (from..end).find(|&j| {
            t.toks[j]
                .slot
                .is_some_and(|s| k(gaz.entity(s.entity).kind) && !s.attributive() && !s.reference)
        })
    };
    let j = pick(&|k| k == Kind::Organization)
        .or_else(|| pick(&|k| k == Kind::Person))
        .or_else(|| pick(&|_| true));
    Some(match j {
        Some(j) => Attribution {
            source: t.toks[j].slot.map(|s| s.entity),
            span: t.toks[j].span,
        },
        None => Attribution {
            source: None,
            span: Span::new(t.toks[from].span.start, t.toks[end - 1].span.end),
        },
    })
}

/// The source a sentence names for what it says.
pub fn attribution(
    gaz: &Gazetteer,
    lex: &Lexicon,
    t: &Tokens,
    p: &Parse,
    subject: impl Fn(usize) -> Option<usize>,
) -> Option<Attribution> {
    for i in 0..t.len() {
        if !t.toks[i].is_word() {
            continue;
        }
        if t.has(lex, i, flag::SOURCE_PREP) {
            if t.is(i, "zufolge") {
                if let Some(s) = i
                    .checked_sub(1)
                    .and_then(|j| t.toks[j].slot)
                    .filter(|s| !s.attributive())
                {
                    return Some(Attribution {
                        source: Some(s.entity),
                        span: t.toks[i - 1].span,
                    });
                }
                continue;
            }
            if let Some(a) = source_at(gaz, lex, t, i + 1) {
                return Some(a);
            }
        }
        for phrase in &lex.source_phrases {
            if phrase.len() > 1
                && i + phrase.len() < t.len()
                && phrase.iter().enumerate().all(|(k, w)| t.word(i + k) == Some(*w))
                && let Some(a) = source_at(gaz, lex, t, i + phrase.len())
            {
                return Some(a);
            }
        }
    }
    // The subject of a verb of saying (`teilte ... mit`, `sagte X`).
    for i in 0..t.len() {
        if !t.has(lex, i, flag::SAYING) {
            continue;
        }
        let ci = p.clause_of[i];
        if let Some(pi) = subject(ci) {
            let ph = &p.phrases[pi];
            if let Some(s) = t.toks[ph.head].slot.filter(|s| {
                !s.attributive()
                    && matches!(
                        gaz.entity(s.entity).kind,
                        Kind::Organization | Kind::Person | Kind::Country
                    )
            }) {
                return Some(Attribution {
                    source: Some(s.entity),
                    span: t.toks[ph.head].span,
                });
            }
        }
    }
    None
}
