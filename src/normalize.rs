//! Text normalisation for matching, with a map back to original byte offsets.
//!
//! Text and gazetteer patterns are folded the same way:
//! - Unicode lowercase (`Außenminister` → `außenminister` → see next);
//! - `ß` and `ẞ` → `ss` (`Außenminister` and `Aussenminister` meet);
//! - every hyphen and dash (`-`, U+2010–U+2015, U+2212 ...) and every whitespace run (including
//!   no-break spaces and line breaks) → one ASCII space, so `Kim Jong-un`, `Kim-Jong Un` and
//!   `Kim Jong Un` are the same string;
//! - typographic single quotes and apostrophes → `'`, typographic double quotes → `"`;
//! - soft hyphens and zero-width characters are dropped;
//! - a base letter followed by combining marks is composed (NFC) first, so decomposed `ö` is `ö`.
//!
//! - Latin letters with diacritics other than the German umlauts lose them (`Wałęsa`, `Wałesa` and
//!   `Walesa`, `Erdoğan` and `Erdogan`, `São Paulo` and `Sao Paulo` meet; `ł` → `l`, `ø` → `o`,
//!   `æ` → `ae`). Where two entities differ only by diacritics, the matcher prefers the one
//!   written exactly as in the text. German umlauts are kept (`Pjöngjang` ≠ `Pjongjang`: list both
//!   spellings in the gazetteer; `Bär` is not `Bar`).
//!
//! Every byte of the normalised text maps to the start of the original character it came from.

use unicode_normalization::UnicodeNormalization;

/// Normalised text and, per normalised byte, the byte offset of its original character.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The folded text.
    pub text: String,
    /// `map[i]` = byte offset in the original of the character that produced `text[i]`.
    pub map: Vec<u32>,
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// How one (non-ASCII) character folds.
enum Fold {
    Drop,
    Space,
    Char(char),
    Str(&'static str),
    Lower(char),
}

fn fold(c: char) -> Fold {
    match c {
        'ß' | 'ẞ' => Fold::Str("ss"),
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Fold::Drop,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Fold::Space,
        '‘' | '’' | '‚' | '‛' | '′' | '´' | '`' => Fold::Char('\''),
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' | '‹' | '›' => Fold::Char('"'),
        c if c.is_whitespace() => Fold::Space,
        'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' => Fold::Lower(c),
        '\u{C0}'..='\u{24F}' => latin_base(c).unwrap_or(Fold::Lower(c)),
        c => Fold::Lower(c),
    }
}

/// A Latin letter with a diacritic, folded to its base letter(s), lower case.
fn latin_base(c: char) -> Option<Fold> {
    match c {
        'ł' | 'Ł' => Some(Fold::Char('l')),
        'đ' | 'Đ' => Some(Fold::Char('d')),
        'ø' | 'Ø' => Some(Fold::Char('o')),
        'ı' => Some(Fold::Char('i')),
        'æ' | 'Æ' => Some(Fold::Str("ae")),
        'œ' | 'Œ' => Some(Fold::Str("oe")),
        'þ' | 'Þ' => Some(Fold::Str("th")),
        _ => {
            let mut d = std::iter::once(c).nfd();
            let base = d.next()?;
            (base.is_ascii_alphabetic() && d.all(is_combining)).then(|| Fold::Char(base.to_ascii_lowercase()))
        }
    }
}

impl Normalized {
    /// Normalises `text`.
    pub fn new(text: &str) -> Self {
        let mut n = Normalized::default();
        n.fill(text);
        n
    }

    /// Normalises `text` into this buffer, reusing its allocations.
    pub fn fill(&mut self, text: &str) {
        self.text.clear();
        self.map.clear();
        self.text.reserve(text.len());
        self.map.reserve(text.len());
        // SAFETY-free approach: we push only whole UTF-8 encodings into a Vec<u8> and convert once.
        let mut out = std::mem::take(&mut self.text).into_bytes();
        let map = &mut self.map;
        let bytes = text.as_bytes();
        let mut i = 0usize;
        // Does a combining mark (U+0300–U+036F: lead byte 0xCC or 0xCD) follow byte `k`?
        let combining_next = |k: usize| matches!(bytes.get(k + 1), Some(0xCC | 0xCD));
        while i < bytes.len() {
            // Fast path: a run of ASCII is lower-cased, its whitespace and hyphen runs folded to
            // one space, in one loop without per-byte capacity checks. Only the run's last byte
            // can be followed by a combining mark: that one takes the slow path below.
            let ascii = ascii_run(&bytes[i..]);
            let run = if ascii > 0 && combining_next(i + ascii - 1) {
                ascii - 1
            } else {
                ascii
            };
            if run > 0 {
                fold_ascii(&bytes[i..i + run], i, &mut out, map);
                i += run;
                continue;
            }
            // Fast path: the German letters outside ASCII (`ä ö ü Ä Ö Ü ß`: C3 and one byte)
            // without a combining mark after them fold without decoding.
            if bytes[i] == 0xC3
                && let Some(folded) = german_letter(bytes.get(i + 1).copied())
                && !text[i + 2..].chars().next().is_some_and(is_combining)
            {
                out.extend_from_slice(folded);
                map.extend([i as u32, i as u32]);
                i += 2;
                continue;
            }
            i = fold_cluster(text, i, &mut out, map);
        }
        // Every push above wrote a complete UTF-8 encoding.
        self.text = String::from_utf8(out).unwrap_or_default();
    }

    /// Maps a normalised byte range to the original byte range it came from.
    ///
    /// `original` must be the text this was built from. The end is extended to the end of the
    /// original character that produced the last normalised byte.
    pub fn original_span(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let os = self.map[start] as usize;
        let last = self.map[end - 1] as usize;
        let oe = last + original[last..].chars().next().map_or(0, char::len_utf8);
        (os, oe)
    }

    /// True when normalised byte `at` starts a new original character (not the middle of `ß`→`ss`
    /// or of a lowercase expansion).
    pub fn starts_char(&self, at: usize) -> bool {
        at == 0 || at >= self.map.len() || self.map[at] != self.map[at - 1]
    }
}

/// How `fold` folds the two-byte letter C3 `second` when it is a German one: the umlauts lower
/// case, `ß` as `ss` (both bytes of the fold map to the letter's first byte).
fn german_letter(second: Option<u8>) -> Option<&'static [u8; 2]> {
    match second? {
        0xA4 | 0x84 => Some(&[0xC3, 0xA4]), // ä Ä
        0xB6 | 0x96 => Some(&[0xC3, 0xB6]), // ö Ö
        0xBC | 0x9C => Some(&[0xC3, 0xBC]), // ü Ü
        0x9F => Some(b"ss"),                // ß
        _ => None,
    }
}

/// Length of the ASCII prefix of `b`, eight bytes at a time.
fn ascii_run(b: &[u8]) -> usize {
    let mut n = 0;
    for chunk in b.chunks_exact(8) {
        let w = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        let high = w & 0x8080_8080_8080_8080;
        if high != 0 {
            return n + (high.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + b[n..].iter().position(|&x| x >= 0x80).unwrap_or(b.len() - n)
}

/// Appends the folding of `run` (ASCII only, starting at original byte `at`) to `out` and `map`:
/// lower case, and every run of whitespace and hyphens one space (none after a space already
/// written). Written in two passes: a branch-free one the compiler vectorises, then, only where
/// the run has two spaces in a row (a blank line, ` - `), a pass that folds them.
fn fold_ascii(run: &[u8], at: usize, out: &mut Vec<u8>, map: &mut Vec<u32>) {
    let base = out.len();
    let prev_space = out.last() == Some(&b' ');
    // Written into a zeroed slice of the run's length, slice to slice: the compiler vectorises
    // that loop (extending from a mapped iterator it did not, a byte at a time).
    out.resize(base + run.len(), 0);
    for (o, &b) in out[base..].iter_mut().zip(run) {
        let space = (b == b' ') | (b == b'-') | (b.wrapping_sub(b'\t') <= b'\r' - b'\t');
        let lower = b | (u8::from(b.is_ascii_uppercase()) << 5);
        *o = if space { b' ' } else { lower };
    }
    map.extend(at as u32..(at + run.len()) as u32);
    let o = &out[base..];
    // Without early exit, so that it is vectorised too: most runs have no double space.
    let double = o
        .iter()
        .zip(&o[1..])
        .fold(false, |d, (&x, &y)| d | ((x == b' ') & (y == b' ')));
    let first = if prev_space && o.first() == Some(&b' ') {
        0
    } else if double {
        o.windows(2).position(|w| w == b"  ").map_or(0, |p| p + 1)
    } else {
        return;
    };
    let mut k = base + first;
    let mut prev = true;
    for j in base + first..base + run.len() {
        let space = out[j] == b' ';
        out[k] = out[j];
        map[k] = map[j];
        // A space right after a space is overwritten by the next byte (or cut below).
        k += usize::from(!(space && prev));
        prev = space;
    }
    out.truncate(k);
    map.truncate(k);
}

/// Folds the character at byte `i` of `text` (with the combining marks after it, composed first)
/// into `out`, mapping every byte written to `i`; returns where the next character starts.
fn fold_cluster(text: &str, i: usize, out: &mut Vec<u8>, map: &mut Vec<u32>) -> usize {
    let start = i;
    let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
    let next = i + c.len_utf8();
    // A base character followed by combining marks: compose the cluster first.
    let mut end = next;
    while let Some(m) = text[end..].chars().next().filter(|&m| is_combining(m)) {
        end += m.len_utf8();
    }
    let emit = |c: char, out: &mut Vec<u8>, map: &mut Vec<u32>| match fold(c) {
        Fold::Drop => {}
        Fold::Space => {
            if out.last() != Some(&b' ') {
                out.push(b' ');
                map.push(start as u32);
            }
        }
        Fold::Char(f) => push_char(out, map, f, start),
        Fold::Str(s) => {
            for f in s.chars() {
                push_char(out, map, f, start);
            }
        }
        Fold::Lower(c) => {
            for f in c.to_lowercase() {
                push_char(out, map, f, start);
            }
        }
    };
    if end > next {
        for composed in text[start..end].nfc() {
            emit(composed, out, map);
        }
        end
    } else {
        emit(c, out, map);
        next
    }
}

fn push_char(out: &mut Vec<u8>, map: &mut Vec<u32>, c: char, at: usize) {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        out.push(b);
        map.push(at as u32);
    }
}

/// Normalises a gazetteer pattern: as text, then with spaces trimmed.
pub fn normalize_pattern(s: &str) -> String {
    Normalized::new(s).text.trim_matches(' ').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time folding `fill` replaced: `fill` must give the same text and map.
    fn fill_reference(n: &mut Normalized, text: &str) {
        n.text.clear();
        n.map.clear();
        n.text.reserve(text.len());
        n.map.reserve(text.len());
        // SAFETY-free approach: we push only whole UTF-8 encodings into a Vec<u8> and convert once.
        let mut out = std::mem::take(&mut n.text).into_bytes();
        let map = &mut n.map;
        let bytes = text.as_bytes();
        let mut i = 0usize;
        let push_space = |out: &mut Vec<u8>, map: &mut Vec<u32>, at: usize| {
            if out.last() != Some(&b' ') {
                out.push(b' ');
                map.push(at as u32);
            }
        };
        // Does a combining mark (U+0300–U+036F: lead byte 0xCC or 0xCD) follow byte `k`?
        let combining_next = |k: usize| matches!(bytes.get(k + 1), Some(0xCC | 0xCD));
        while i < bytes.len() {
            let b = bytes[i];
            // Fast path: a run of ASCII word characters is lower-cased and mapped in bulk.
            let run = bytes[i..]
                .iter()
                .position(|&x| x >= 0x80 || matches!(x, b'-' | b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
                .unwrap_or(bytes.len() - i);
            if run > 1 {
                let end = if combining_next(i + run - 1) {
                    i + run - 1
                } else {
                    i + run
                };
                out.extend(bytes[i..end].iter().map(u8::to_ascii_lowercase));
                map.extend(i as u32..end as u32);
                i = end;
                continue;
            }
            if b < 0x80 && !combining_next(i) {
                match b {
                    b'-' | b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => push_space(&mut out, map, i),
                    _ => {
                        out.push(b.to_ascii_lowercase());
                        map.push(i as u32);
                    }
                }
                i += 1;
                continue;
            }
            i = fold_cluster(text, i, &mut out, map);
        }
        // Every push above wrote a complete UTF-8 encoding.
        n.text = String::from_utf8(out).unwrap_or_default();
    }

    fn reference(text: &str) -> Normalized {
        let mut n = Normalized::default();
        fill_reference(&mut n, text);
        n
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        #[test]
        fn fill_equals_the_reference(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "B", "Z", "-", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", ".", "'", "ä", "Ä", "ö", "Ö", "ü", "Ü", "ß", "ẞ",
                "\u{308}", "\u{301}\u{328}", "\u{20D0}", "\u{AD}", "\u{200B}", "‑", "—", "„", "“", "’", "ł", "İ",
                "Ⱥ", "é", "e\u{301}", "ﬁ", "Σ", "\u{a0}", "0", "Kim Jong-un", "Außenminister", "\u{2028}",
            ]), 0..40)
        ) {
            let text: String = parts.concat();
            let (a, b) = (Normalized::new(&text), reference(&text));
            proptest::prop_assert_eq!(&a.text, &b.text);
            proptest::prop_assert_eq!(&a.map, &b.map);
        }
    }

    #[test]
    fn folds_case_sharp_s_hyphens_spaces_quotes() {
        assert_eq!(normalize_pattern("Außenminister"), "aussenminister");
        assert_eq!(normalize_pattern("Kim-Jong Un"), "kim jong un");
        assert_eq!(normalize_pattern("Kim  Jong\u{2011}un"), "kim jong un");
        assert_eq!(normalize_pattern("„Kalter Krieg“"), "\"kalter krieg\"");
        assert_eq!(normalize_pattern("Russ\u{AD}land"), "russland");
        assert_eq!(normalize_pattern("Pjo\u{308}ngjang"), "pjöngjang");
        assert_eq!(normalize_pattern("MOSKAU"), "moskau");
    }

    #[test]
    fn folds_diacritics_but_not_umlauts() {
        assert_eq!(normalize_pattern("Lech Wałęsa"), "lech walesa");
        assert_eq!(normalize_pattern("Lech Wałesa"), "lech walesa");
        assert_eq!(normalize_pattern("Erdoğan"), "erdogan");
        assert_eq!(normalize_pattern("İstanbul"), "istanbul");
        assert_eq!(normalize_pattern("São Paulo"), "sao paulo");
        assert_eq!(normalize_pattern("Wałe\u{328}sa"), "walesa");
        assert_eq!(normalize_pattern("Pjöngjang"), "pjöngjang");
        assert_eq!(normalize_pattern("Ærø"), "aero");
        let text = "Präsident Lech Wałęsa kam";
        let n = Normalized::new(text);
        let at = n.text.find("walesa").unwrap();
        let (s, e) = n.original_span(text, at, at + "walesa".len());
        assert_eq!(&text[s..e], "Wałęsa");
    }

    #[test]
    fn map_points_into_the_original() {
        let text = "Der Außenminister Lawrow";
        let n = Normalized::new(text);
        let at = n.text.find("lawrow").unwrap();
        let (s, e) = n.original_span(text, at, at + "lawrow".len());
        assert_eq!(&text[s..e], "Lawrow");
        let at = n.text.find("aussen").unwrap();
        let (s, e) = n.original_span(text, at, at + "aussenminister".len());
        assert_eq!(&text[s..e], "Außenminister");
        assert!(!n.starts_char(n.text.find("ssen").unwrap() + 1));
    }
}
