//! A sentence as tokens in which linked mentions are slots with a kind.

use crate::gazetteer::{EntityIdx, Kind};
use crate::link::Via;
use crate::normalize::normalize_pattern;
use crate::span::Span;

/// A mention usable as an argument.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    /// The entity.
    pub entity: EntityIdx,
    /// Its kind.
    pub kind: Kind,
    /// Where.
    pub span: Span,
    /// How it was found (`Role` for role descriptions).
    pub via: Via,
    /// A pronoun resolved to the entity.
    pub pronoun: bool,
    /// Written in the genitive.
    pub genitive: bool,
}

impl Slot {
    /// Genitive (`Kims`, `Russlands`): attached to a noun, never a subject.
    pub fn genitive(&self) -> bool {
        self.genitive
    }

    /// Adjective or demonym: describes, does not name.
    pub fn attributive(&self) -> bool {
        self.via.is_attributive()
    }
}

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub struct Tok {
    /// Where.
    pub span: Span,
    /// Normalised word (empty for slots).
    pub norm: String,
    /// Starts with a capital letter.
    pub cap: bool,
    /// Punctuation (one character).
    pub punct: Option<char>,
    /// A slot.
    pub slot: Option<Slot>,
}

impl Tok {
    /// True for a word (not a slot, not punctuation).
    pub fn is_word(&self) -> bool {
        self.slot.is_none() && self.punct.is_none()
    }

    /// True when this is the word `w` (normalised).
    pub fn is(&self, w: &str) -> bool {
        self.is_word() && self.norm == w
    }
}

/// Splits `text[sentence]` into words and punctuation, then overlays `slots` (sorted, non-overlapping).
/// A word partly covered by a slot (`Kreml|sprecher`) keeps its uncovered tail as a word.
pub fn tokenize(text: &str, sentence: Span, slots: &[Slot]) -> Vec<Tok> {
    let mut words: Vec<Tok> = Vec::new();
    let s = sentence.slice(text);
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let span = Span::new(sentence.start + i, sentence.start + end);
            words.push(word(text, span));
        } else if !c.is_whitespace() {
            let span = Span::new(sentence.start + i, sentence.start + i + c.len_utf8());
            words.push(Tok {
                span,
                norm: String::new(),
                cap: false,
                punct: Some(c),
                slot: None,
            });
        }
    }
    let mut out = Vec::with_capacity(words.len());
    let mut k = 0;
    for w in words {
        while k < slots.len() && slots[k].span.end <= w.span.start {
            k += 1;
        }
        match slots.get(k) {
            Some(sl) if sl.span.start < w.span.end => {
                // The word overlaps a slot: emit the slot once, then any tail of the word.
                if out.last().is_none_or(|t: &Tok| t.slot.map(|x| x.span) != Some(sl.span)) {
                    out.push(Tok {
                        span: sl.span,
                        norm: String::new(),
                        cap: true,
                        punct: None,
                        slot: Some(*sl),
                    });
                }
                if w.span.end > sl.span.end && w.punct.is_none() {
                    out.push(word(text, Span::new(sl.span.end, w.span.end)));
                }
            }
            _ => out.push(w),
        }
    }
    out
}

/// Lower case and `ß` → `ss`: what [`normalize_pattern`] does to a single word, without its
/// buffers (words have no hyphens or spaces; a rare composed character falls back to it).
fn fold_word(raw: &str) -> String {
    if raw.bytes().all(|b| b.is_ascii()) {
        return raw.to_ascii_lowercase();
    }
    if raw
        .chars()
        .any(|c| matches!(c as u32, 0x0300..=0x036F | 0xAD | 0x200B..=0x200D))
    {
        return normalize_pattern(raw);
    }
    let mut out = String::with_capacity(raw.len() + 2);
    for c in raw.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn word(text: &str, span: Span) -> Tok {
    let raw = span.slice(text);
    Tok {
        span,
        norm: fold_word(raw),
        cap: raw.chars().next().is_some_and(char::is_uppercase),
        punct: None,
        slot: None,
    }
}

/// Clause boundaries: commas, semicolons, colons, brackets, quotes and dashes.
pub fn is_clause_break(t: &Tok) -> bool {
    matches!(
        t.punct,
        Some(',' | ';' | ':' | '(' | ')' | '"' | '„' | '“' | '”' | '«' | '»' | '–' | '—' | '!' | '?')
    )
}

/// Token index ranges of the clauses of a sentence: split at punctuation, and at a conjunction
/// (`und`, `sowie`, `oder`, `aber`) that follows a lower-case word — a verb ending one clause
/// (`... Nordkorea besuchte und der Führer ... reiste`), not a name in a list
/// (`Lawrow und Choe trafen sich`) — or that is followed by a verb (`traf er Putin und
/// inspizierte ...`: `is_verb` tells).
pub fn clauses(toks: &[Tok], is_verb: impl Fn(&Tok) -> bool) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        let conj = t.is_word()
            && matches!(t.norm.as_str(), "und" | "sowie" | "oder" | "aber")
            && i > start
            && ((toks[i - 1].is_word() && !toks[i - 1].cap)
                || toks.get(i + 1).is_some_and(|n| n.is_word() && !n.cap && is_verb(n)));
        if is_clause_break(t) || conj {
            if i > start {
                out.push(start..i);
            }
            start = i + 1;
        }
    }
    if toks.len() > start {
        out.push(start..toks.len());
    }
    out
}
