//! Dates stated in a clause (`am 13. September`, `im vergangenen September`, `2019`), resolved
//! against the document date.

use super::tokens::Tok;
use crate::date::PartialDate;

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// The month a (normalised) month name names, 1–12; Austrian `Jänner` included.
pub fn month_of(w: &str) -> Option<u8> {
    if w == "jänner" {
        return Some(1);
    }
    MONTHS.iter().position(|m| *m == w).map(|i| i as u8 + 1)
}

fn year_of(t: &Tok) -> Option<i32> {
    (t.is_word() && t.norm.len() == 4 && t.norm.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.norm.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// A date expression found in tokens: where, and what it says.
#[derive(Debug, Clone, Copy)]
struct Found {
    at: usize,
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    last: bool,
}

/// The date stated in `toks[range]` nearest to token `near`, resolved with `doc` (the document
/// date). `planned` decides whether a bare month lies ahead of or behind the document date.
pub fn find(
    toks: &[Tok],
    range: std::ops::Range<usize>,
    near: usize,
    doc: Option<&PartialDate>,
    planned: bool,
) -> Option<PartialDate> {
    let mut found: Vec<Found> = Vec::new();
    let r = range.clone();
    for i in r.clone() {
        let t = &toks[i];
        if !t.is_word() {
            continue;
        }
        if let Some(m) = month_of(&t.norm) {
            let day = (i >= r.start + 2 && toks[i - 1].punct == Some('.'))
                .then(|| toks[i - 2].norm.parse::<u8>().ok())
                .flatten()
                .filter(|d| (1..=31).contains(d));
            let year = toks.get(i + 1).filter(|_| i + 1 < r.end).and_then(year_of);
            let last = i > r.start && matches!(toks[i - 1].norm.as_str(), "vergangenen" | "letzten" | "vorigen");
            found.push(Found {
                at: i,
                year,
                month: Some(m),
                day,
                last,
            });
        } else if let Some(y) = year_of(t) {
            let prev = if i > r.start { toks[i - 1].norm.as_str() } else { "" };
            let after_month = i > r.start && month_of(&toks[i - 1].norm).is_some();
            if !after_month && !matches!(prev, "seit" | "bis" | "vor" | "ab" | "nach" | "von") {
                found.push(Found {
                    at: i,
                    year: Some(y),
                    month: None,
                    day: None,
                    last: false,
                });
            }
        }
    }
    let f = found.into_iter().min_by_key(|f| f.at.abs_diff(near))?;
    let year = match (f.year, f.month, doc) {
        (Some(y), _, _) => y,
        (None, Some(m), Some(d)) => {
            let dm = d.month.unwrap_or(12);
            if f.last {
                if m >= dm { d.year - 1 } else { d.year }
            } else if planned {
                if m >= dm { d.year } else { d.year + 1 }
            } else if m <= dm {
                d.year
            } else {
                d.year - 1
            }
        }
        _ => return None,
    };
    Some(PartialDate {
        year,
        month: f.month,
        day: f.month.and(f.day),
    })
}
