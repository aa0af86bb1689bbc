//! Tokens of one sentence: slices of the original text with their normalised form kept in one
//! buffer per sentence, an interned lexicon id, and linked mentions overlaid as entity slots.

use super::lexicon::{Lexicon, WordId};
use crate::gazetteer::{EntityIdx, Kind};
use crate::link::{Mention, Via};
use crate::normalize::normalize_pattern;
use crate::span::Span;

/// A linked entity standing in a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    /// The entity.
    pub entity: EntityIdx,
    /// Its kind.
    pub kind: Kind,
    /// How it was found (`Role` and `Coreference` for resolved references).
    pub via: Via,
    /// Written in the genitive (`Kims`, `Russlands`).
    pub genitive: bool,
    /// A pronoun, possessive, relative pronoun or description resolved to the entity.
    pub reference: bool,
    /// A person's gender where the gazetteer or the document says it (set by
    /// [`Tokens::set_genders`]): `die Kanzlerin Wladimir Putin` is two phrases.
    pub gender: Option<crate::gazetteer::Gender>,
}

impl Slot {
    /// Adjective or demonym: describes, does not name.
    pub fn attributive(&self) -> bool {
        self.via.is_attributive()
    }

    /// A person that can take part in a relation (named or referred to, not an adjective).
    pub fn person(&self) -> bool {
        self.kind == Kind::Person && !self.attributive()
    }

    /// A place one can be in (named, not an adjective).
    pub fn place(&self) -> bool {
        self.kind.is_location() && !self.attributive()
    }
}

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Where, in the original text.
    pub span: Span,
    /// Byte range of the normalised form in [`Tokens::norm`].
    pub norm: (u32, u32),
    /// The lexicon's id of the normalised form.
    pub word: Option<WordId>,
    /// For an unknown closed compound: the known noun it ends in (`Staatsbesuch` → `besuch`).
    pub head: Option<WordId>,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Punctuation (one character).
    pub punct: Option<char>,
    /// Touches the token before (no space between): compound tails, hyphens.
    pub glued: bool,
    /// Digits only.
    pub num: bool,
    /// The written word ends in `-e` (an adjective's ending after `der` in the nominative:
    /// `der nordkoreanische Staatschef`, which no dative preposition governs).
    pub ends_in_e: bool,
    /// A linked mention (or a resolved reference) covering this token.
    pub slot: Option<Slot>,
}

impl Token {
    /// A word: not punctuation, not an entity.
    pub fn is_word(&self) -> bool {
        self.punct.is_none() && self.slot.is_none()
    }
}

/// The tokens of one sentence.
#[derive(Debug, Clone)]
pub struct Tokens {
    /// Tokens in text order.
    pub toks: Vec<Token>,
    /// Normalised forms, back to back.
    pub norm: String,
    /// The sentence.
    pub sentence: Span,
}

impl Tokens {
    /// Notes the gender of every person mention, as `gender` knows it.
    pub fn set_genders(&mut self, gender: impl Fn(crate::gazetteer::EntityIdx) -> Option<crate::gazetteer::Gender>) {
        for tok in &mut self.toks {
            if let Some(s) = tok.slot.as_mut().filter(|s| s.kind == crate::gazetteer::Kind::Person) {
                s.gender = gender(s.entity);
            }
        }
    }

    /// The normalised form of token `i` (empty for entities and punctuation).
    pub fn norm(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].norm;
        &self.norm[a as usize..b as usize]
    }

    /// For the part of a compound after a name the matcher split off (`Kreml|chef`,
    /// `Kreml-|Chef`): the token of that name.
    pub fn compound_name_before(&self, i: usize) -> Option<usize> {
        let name = |k: usize| self.toks[k].slot.is_some_and(|s| s.via == crate::link::Via::Compound);
        if !self.toks[i].glued {
            return None;
        }
        if i > 0 && name(i - 1) {
            Some(i - 1)
        } else if i > 1 && self.toks[i - 1].punct == Some('-') && self.toks[i - 1].glued && name(i - 2) {
            Some(i - 2)
        } else {
            None
        }
    }

    /// The lexicon id of token `i`, if it is a known word.
    pub fn word(&self, i: usize) -> Option<WordId> {
        self.toks.get(i).filter(|t| t.is_word()).and_then(|t| t.word)
    }

    /// True when token `i` is a word with the lexicon flags `f`.
    pub fn has(&self, lex: &Lexicon, i: usize, f: u32) -> bool {
        self.word(i).is_some_and(|w| lex.info(w).is(f))
    }

    /// True when token `i` is the word `w` (normalised).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word()) && self.norm(i) == w
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when there is no token.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
}

/// Folds one word the way [`normalize_pattern`] does (lower case, `ß` → `ss`) into `out`.
pub(crate) fn fold_into(raw: &str, out: &mut String) {
    if raw.is_ascii() {
        // One copy and an in-place lower-casing: pushing char by char cost ~350 instructions a
        // word.
        let at = out.len();
        out.push_str(raw);
        out[at..].make_ascii_lowercase();
        return;
    }
    // Runs of ASCII are copied and lower-cased the same way, and the two-byte letters of
    // Latin-1 (`ä`, `Ö`, `ß`, `é`: lead byte C3) folded without decoding or a case table; any
    // other character sends the word to the general path below, which folds these the same way.
    let at = out.len();
    let b = raw.as_bytes();
    let mut i = 0;
    loop {
        let run = b[i..].iter().position(|&x| x >= 0x80).unwrap_or(b.len() - i);
        let from = out.len();
        out.push_str(&raw[i..i + run]);
        out[from..].make_ascii_lowercase();
        i += run;
        if i == b.len() {
            return;
        }
        // `raw` is UTF-8: a C3 lead byte has its continuation byte.
        match (b[i], b.get(i + 1).copied().unwrap_or(0)) {
            (0xC3, 0x9F) => out.push_str("ss"),
            // À–Þ but `×`: the lower case is 0x20 on.
            (0xC3, y @ 0x80..=0x9E) if y != 0x97 => out.push(char::from(0xC0 + (y - 0x80) + 0x20)),
            // à–ÿ and `÷`: lower case already.
            (0xC3, y @ 0xA0..=0xBF) => out.push(char::from(0xC0 + (y - 0x80))),
            _ => break,
        }
        i += 2;
    }
    out.truncate(at);
    if raw
        .chars()
        .any(|c| matches!(c as u32, 0x0300..=0x036F | 0xAD | 0x200B..=0x200D))
    {
        out.push_str(&normalize_pattern(raw));
        return;
    }
    for c in raw.chars() {
        match c {
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            'ß' | 'ẞ' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200D}') || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Splits `text[sentence]` into words and punctuation, looks every word up, and overlays the
/// mentions of the sentence (sorted, non-overlapping) as slots. A word partly covered by a
/// mention (`Kreml|sprecher`) keeps its uncovered tail as a glued word.
pub fn tokenize(
    lex: &Lexicon,
    text: &str,
    sentence: Span,
    mentions: &[Mention],
    kind_of: impl Fn(EntityIdx) -> Kind,
) -> Tokens {
    let s = sentence.slice(text);
    // Sized once for the sentence: a token per five bytes is more than news averages, and the
    // normalised forms are rarely longer than the text (`ß` → `ss`). Growing from empty cost a
    // sixth of tokenising.
    let mut out = Tokens {
        toks: Vec::with_capacity(s.len() / 5 + 4),
        norm: String::with_capacity(s.len() + 8),
        sentence,
    };
    let b = s.as_bytes();
    let mut prev_end = usize::MAX;
    let mut k = 0;
    let mut i = 0;
    // One pass: words and punctuation are overlaid with the mentions as they are found.
    while i < b.len() {
        let (c, n) = char_at(s, i);
        let start = sentence.start + i;
        // A word runs to the first character that is none; punctuation is one character;
        // whitespace is skipped.
        let (next, punct) = if is_word_char(c) {
            let mut j = i + n;
            while j < b.len() {
                // ASCII letters and digits by table, anything else decoded.
                let x = b[j];
                if x < 0x80 {
                    if !ASCII_WORD[x as usize] {
                        break;
                    }
                    j += 1;
                    continue;
                }
                let (d, m) = char_at(s, j);
                if !is_word_char(d) {
                    break;
                }
                j += m;
            }
            (j, None)
        } else {
            (i + n, Some(c))
        };
        if punct.is_none_or(|c| !c.is_whitespace()) {
            let end = sentence.start + next;
            place(
                lex,
                text,
                &mut out,
                mentions,
                &mut k,
                &kind_of,
                Span::new(start, end),
                prev_end == start,
                punct,
            );
            prev_end = end;
        }
        i = next;
    }
    out
}

/// ASCII letters and digits: the ASCII bytes [`is_word_char`] accepts.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// The character at byte `i` of `s` (a character boundary) and its length; ASCII without
/// decoding.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = s[i..].chars().next().unwrap_or('\0');
        (c, c.len_utf8())
    }
}

/// Adds one word or punctuation mark (`span`) to `out`, overlaid with the mentions (`k` is the
/// first mention that may still cover it).
#[allow(clippy::too_many_arguments)]
fn place(
    lex: &Lexicon,
    text: &str,
    out: &mut Tokens,
    mentions: &[Mention],
    k: &mut usize,
    kind_of: &impl Fn(EntityIdx) -> Kind,
    span: Span,
    glued: bool,
    punct: Option<char>,
) {
    while *k < mentions.len() && mentions[*k].span.end <= span.start {
        *k += 1;
    }
    match mentions.get(*k) {
        Some(m) if m.span.start < span.end && punct.is_none() => {
            let same = out.toks.last().is_some_and(|t| t.slot.is_some() && t.span == m.span);
            if !same {
                let at = out.norm.len() as u32;
                out.toks.push(Token {
                    span: m.span,
                    norm: (at, at),
                    word: None,
                    head: None,
                    cap: text[m.span.start..].chars().next().is_some_and(char::is_uppercase),
                    punct: None,
                    glued,
                    num: false,
                    ends_in_e: m.span.slice(text).ends_with('e'),
                    slot: Some(Slot {
                        entity: m.entity,
                        kind: kind_of(m.entity),
                        via: m.via,
                        genitive: m.genitive,
                        reference: false,
                        gender: None,
                    }),
                });
            }
            if span.end > m.span.end {
                let tail = Span::new(m.span.end, span.end);
                push_word(lex, text, out, tail, true);
            }
        }
        Some(m) if m.span.start < span.end && span.end <= m.span.end => {
            // Punctuation inside a mention (`Kim Jong-un`): part of the slot already.
        }
        _ => match punct {
            Some(c) => {
                let at = out.norm.len() as u32;
                out.toks.push(Token {
                    span,
                    norm: (at, at),
                    word: None,
                    head: None,
                    cap: false,
                    punct: Some(c),
                    glued,
                    num: false,
                    ends_in_e: false,
                    slot: None,
                });
            }
            None => push_word(lex, text, out, span, glued),
        },
    }
}

fn push_word(lex: &Lexicon, text: &str, out: &mut Tokens, span: Span, glued: bool) {
    let raw = span.slice(text);
    let at = out.norm.len();
    fold_into(raw, &mut out.norm);
    let norm = &out.norm[at..];
    let cap = raw.chars().next().is_some_and(char::is_uppercase);
    let num = raw.bytes().all(|b| b.is_ascii_digit());
    let word = lex.id(norm);
    let head = if cap && word.is_none_or(|w| lex.info(w).noun.is_none()) && !num {
        lex.compound_head(norm).map(|(_, id)| id)
    } else {
        None
    };
    out.toks.push(Token {
        span,
        norm: (at as u32, out.norm.len() as u32),
        word,
        head,
        cap,
        punct: None,
        glued,
        num,
        ends_in_e: raw.ends_with('e'),
        slot: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_spans_and_look_words_up() {
        let lex = Lexicon::get();
        let text = "Der Außenminister traf Kim-Jong Un im Kreml.";
        let m = Mention {
            span: Span::new(text.find("Kim").unwrap(), text.find(" im").unwrap()),
            entity: 7,
            via: Via::Alias,
            genitive: false,
        };
        let t = tokenize(lex, text, Span::new(0, text.len()), &[m], |_| Kind::Person);
        let words: Vec<&str> = (0..t.len()).map(|i| t.norm(i)).collect();
        assert_eq!(words, ["der", "aussenminister", "traf", "", "im", "kreml", ""]);
        assert_eq!(t.toks[3].slot.unwrap().entity, 7);
        assert_eq!(t.toks[3].span.slice(text), "Kim-Jong Un");
        assert!(t.word(2).is_some() && t.word(1).is_some());
        assert_eq!(t.toks[6].punct, Some('.'));
    }

    /// The fold of the general path, char by char: what the Latin-1 fast path must equal.
    fn fold_slowly(raw: &str) -> String {
        if raw
            .chars()
            .any(|c| matches!(c as u32, 0x0300..=0x036F | 0xAD | 0x200B..=0x200D))
        {
            return normalize_pattern(raw);
        }
        let mut out = String::new();
        for c in raw.chars() {
            match c {
                'ß' | 'ẞ' => out.push_str("ss"),
                c => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    #[test]
    fn latin1_letters_fold_as_the_general_path_does() {
        let mut words: Vec<String> = (0x80..0x250u32)
            .filter_map(char::from_u32)
            .flat_map(|c| [format!("{c}"), format!("Ab{c}Cd"), format!("{c}\u{308}x")])
            .collect();
        words.extend(
            [
                "Außenminister",
                "ÖSTERREICH",
                "Über×Straße",
                "Müller-Lüdenscheidt",
                "Ĳssel",
                "Ǆ",
            ]
            .map(String::from),
        );
        for w in &words {
            let mut out = String::from("x");
            fold_into(w, &mut out);
            assert_eq!(out[1..], fold_slowly(w), "{w:?}");
        }
    }

    #[test]
    fn compound_tails_are_glued_words() {
        let lex = Lexicon::get();
        let text = "Der Kremlsprecher sagte";
        let m = Mention {
            span: Span::new(4, 9),
            entity: 1,
            via: Via::Compound,
            genitive: false,
        };
        let t = tokenize(lex, text, Span::new(0, text.len()), &[m], |_| Kind::Organization);
        assert_eq!(t.norm(2), "sprecher");
        assert!(t.toks[2].glued);
        let t = tokenize(lex, "Der Chinabesuch", Span::new(0, 15), &[], |_| Kind::Person);
        assert!(t.toks[1].head.is_some());
    }
}
