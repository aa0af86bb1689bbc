//! Dates stated in a clause (`am 13. September`, `im vergangenen September`, `2019`), resolved
//! against the document date.

use crate::date::PartialDate;
use crate::syntax::Tokens;

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

fn year_of(t: &Tokens, i: usize) -> Option<i32> {
    let w = t.norm(i);
    (t.toks[i].is_word() && w.len() == 4 && t.toks[i].num)
        .then(|| w.parse().ok())
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

/// The date stated in the tokens `idx` (a clause, in order) nearest to token `near`, resolved
/// with `doc` (the document date). `planned` decides whether a bare month lies ahead of or
/// behind the document date.
pub fn find(t: &Tokens, idx: &[usize], near: usize, doc: Option<&PartialDate>, planned: bool) -> Option<PartialDate> {
    let mut found: Vec<Found> = Vec::new();
    for (k, &i) in idx.iter().enumerate() {
        if !t.toks[i].is_word() {
            continue;
        }
        let prev = |d: usize| k.checked_sub(d).map(|j| idx[j]);
        if let Some(m) = month_of(t.norm(i)) {
            let day = match (prev(1), prev(2)) {
                (Some(a), Some(b)) if t.toks[a].punct == Some('.') => t.norm(b).parse::<u8>().ok(),
                _ => None,
            }
            .filter(|d| (1..=31).contains(d));
            let year = idx.get(k + 1).and_then(|&j| year_of(t, j));
            let last = prev(1).is_some_and(|a| matches!(t.norm(a), "vergangenen" | "letzten" | "vorigen"));
            found.push(Found {
                at: i,
                year,
                month: Some(m),
                day,
                last,
            });
        } else if let Some(y) = year_of(t, i) {
            let p = prev(1).map_or("", |a| t.norm(a));
            let after_month = month_of(p).is_some();
            if !after_month && !matches!(p, "seit" | "bis" | "vor" | "ab" | "nach" | "von") {
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
