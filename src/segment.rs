//! German-aware sentence segmentation over the original text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it) when
//! whitespace and a plausible sentence start follow (a capital letter, a digit, an opening quote
//! or bracket), except after
//! - an abbreviation from `data/de/abbreviations.txt` (`Dr.`, `z.B.`, `bzw.`, `Sept.`),
//! - a single capital initial (`Donald J. Trump`),
//! - a one- or two-digit number (ordinal dates: `am 13. September`, `der 2. Weltkrieg`);
//!
//! numbers like `1.000` or `3.5` never break (no whitespace follows the dot). A blank line always
//! ends a sentence; a single line break ends one unless the next line continues in lower case,
//! so headlines, datelines and bylines without a full stop stand alone.
//! Spans exclude surrounding whitespace.

use crate::span::Span;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// The abbreviations, looked up at every dot that may end a sentence (Fx: SipHash was a tenth
/// of segmentation).
fn abbreviations() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| crate::word_list(include_str!("../data/de/abbreviations.txt")).collect())
}

const CLOSERS: &[char] = &['"', '\'', '“', '”', '‘', '’', '»', '«', ')', ']', '›', '‹'];

fn is_sentence_start(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '„' | '“' | '»' | '«' | '(' | '[' | '\'' | '‚' | '‘' | '-' | '–'
        )
}

/// Is the `.` at byte `dot` an abbreviation or ordinal dot rather than a sentence end?
fn dot_is_not_final(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '„')
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if abbreviations().contains(word) {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true; // an initial
    }
    (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// A headline glued to the next sentence without a full stop (`... Geschenke von Russland Der
/// russische Chefdiplomat ...`): a capitalised article can only start a sentence (articles are
/// not nouns), so a space between a capitalised word and `Der`/`Die`/`Das`/`Ein`/`Eine` is a
/// sentence boundary.
fn glued_headline(text: &str, space: usize) -> bool {
    // The article as a word of its own and a space after it: compared as bytes (the loop stops
    // at every capital `D` and `E` after a space, most of them no article).
    let next = &text.as_bytes()[space + 1..];
    if ![&b"Der "[..], b"Die ", b"Das ", b"Ein ", b"Eine "]
        .iter()
        .any(|a| next.starts_with(a))
    {
        return false;
    }
    let prev = text[..space]
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    prev.chars().next().is_some_and(char::is_uppercase) && prev.chars().count() > 1 && text[..space].ends_with(prev)
}

/// The bytes the sentence loop stops at: `\n . ! ?`, the lead byte of `…` (E2), and `D`/`E`,
/// which may begin a glued headline's article (`... Russland Der ...`) after a space.
const STOPS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xE2] = true;
    t[b'D' as usize] = true;
    t[b'E' as usize] = true;
    t
};

/// Splits `text[from..]` into sentence spans (offsets into `text`).
pub fn sentences(text: &str, from: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = from;
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trimmed = seg.trim();
        if !trimmed.is_empty() {
            out.push(Span::new(s + lead, s + lead + trimmed.len()));
        }
    };
    // A byte loop: only `\n`, ` `, `.`, `!`, `?` and `…` (E2 80 A6) can end a sentence, and none of
    // them is a UTF-8 continuation byte, so every other byte is skipped without decoding.
    let b = text.as_bytes();
    let mut i = from;
    // The next byte of each group of `STOPS` at or after the place it was searched from (`memchr`
    // searches a vector of bytes at a time): still the next one while it is not behind `i`,
    // because `i` only moves forward.
    let find = |group: usize, from: usize| {
        let rest = &b[from..];
        let at = match group {
            0 => memchr::memchr3(b'.', b'!', b'?', rest),
            1 => memchr::memchr2(b'\n', 0xE2, rest),
            _ => memchr::memchr2(b'D', b'E', rest),
        };
        at.map_or(b.len(), |k| from + k)
    };
    let mut next = [None::<usize>; 3];
    while i < b.len() {
        // Skip to the next byte that can matter. A space matters only before `D` or `E`, so the
        // stops hold those letters instead: the space before one is handled here when the skip
        // passed over it (as the loop did byte by byte).
        let skipped = i;
        for (group, n) in next.iter_mut().enumerate() {
            if n.is_none_or(|at| at < i) {
                *n = Some(find(group, i));
            }
        }
        i = next.iter().flatten().copied().min().unwrap_or(b.len());
        debug_assert!(b[skipped..i].iter().all(|&x| !STOPS[x as usize]));
        if i == b.len() {
            break;
        }
        if matches!(b[i], b'D' | b'E') {
            if i > skipped && b[i - 1] == b' ' && glued_headline(text, i - 1) {
                push(start, i - 1, &mut out);
                start = i;
            }
            i += 1;
            continue;
        }
        match b[i] {
            b'\n' => {
                // Find the next non-space character and whether a blank line lies between.
                let rest = &text[i + 1..];
                let blank = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
                let tail = rest.trim_start();
                let continues = tail.chars().next().is_some_and(char::is_lowercase);
                if blank || !continues {
                    push(start, i, &mut out);
                    start = i + 1;
                }
                // The whitespace run after a line break holds no boundary of its own: skip it,
                // so that a run of blank lines is read once, not once per line.
                i = text.len() - tail.len();
                continue;
            }
            b'.' | b'!' | b'?' | 0xE2 => {
                let c = text[i..].chars().next().unwrap_or(' ');
                if !matches!(c, '.' | '!' | '?' | '…') {
                    i += c.len_utf8();
                    continue;
                }
                // Absorb repeated terminators and closing quotes/brackets.
                let mut end = i + c.len_utf8();
                for d in text[end..].chars() {
                    if matches!(d, '.' | '!' | '?' | '…') || CLOSERS.contains(&d) {
                        end += d.len_utf8();
                    } else {
                        break;
                    }
                }
                let (at, next_i) = (i, end);
                i = next_i;
                let rest = &text[end..];
                let ws = rest.len() - rest.trim_start().len();
                if ws == 0 && end < text.len() {
                    continue; // 1.000, z.B, www.example.org
                }
                let next = rest.trim_start().chars().next();
                if next.is_some_and(|n| !is_sentence_start(n)) {
                    continue;
                }
                if c == '.' && end == at + 1 && dot_is_not_final(text, at) {
                    continue;
                }
                push(start, end, &mut out);
                start = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    push(start, text.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t, 0).iter().map(|s| s.slice(t)).collect()
    }

    #[test]
    fn runs_of_blank_lines_split_once() {
        let t = format!("Erster Satz{}Zweiter Satz.", "\n".repeat(50_000));
        assert_eq!(split(&t), ["Erster Satz", "Zweiter Satz."]);
        assert_eq!(split("Titel\n \n\t\nText."), ["Titel", "Text."]);
        assert_eq!(split("Er kam\nan und ging."), ["Er kam\nan und ging."]);
    }

    #[test]
    fn german_cases() {
        assert_eq!(
            split("Am 13. September traf er Putin. Dann reiste er ab."),
            ["Am 13. September traf er Putin.", "Dann reiste er ab."]
        );
        assert_eq!(
            split("Mehr als 1.000 Container. Laut Dr. Kim u.a. mehr."),
            ["Mehr als 1.000 Container.", "Laut Dr. Kim u.a. mehr."]
        );
        assert_eq!(
            split("Er sagte: „Wir kommen.“ Dann ging er."),
            ["Er sagte: „Wir kommen.“", "Dann ging er."]
        );
        assert_eq!(
            split("MOSKAU: Lawrow kam\nan. Nächster Satz"),
            ["MOSKAU: Lawrow kam\nan.", "Nächster Satz"]
        );
        assert_eq!(
            split("Überschrift ohne Punkt\nText beginnt hier."),
            ["Überschrift ohne Punkt", "Text beginnt hier."]
        );
        assert_eq!(split("Im Jahr 2018. Danach"), ["Im Jahr 2018.", "Danach"]);
        assert_eq!(split("Donald J. Trump kam."), ["Donald J. Trump kam."]);
        assert_eq!(
            split("Kim Jong-un erhält Geschenke von Russland Der russische Chefdiplomat zeigte sich sicher."),
            [
                "Kim Jong-un erhält Geschenke von Russland",
                "Der russische Chefdiplomat zeigte sich sicher."
            ]
        );
        assert_eq!(
            split("Er las die Zeitung, die der Minister brachte."),
            ["Er las die Zeitung, die der Minister brachte."]
        );
    }
}
