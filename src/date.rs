//! Partial calendar dates (`2023`, `2023-09`, `2023-09-13`) as news and gazetteers give them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartialDate {
    /// Year (e.g. 2023).
    pub year: i32,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day 1–31, when known (only with a month).
    pub day: Option<u8>,
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else or an impossible date.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().split('-');
        let y = parts.next()?;
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let mut date = PartialDate::year(year);
        if let Some(m) = parts.next() {
            if m.len() != 2 || !m.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let month: u8 = m.parse().ok()?;
            if !(1..=12).contains(&month) {
                return None;
            }
            date.month = Some(month);
            if let Some(d) = parts.next() {
                if d.len() != 2 || !d.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let day: u8 = d.parse().ok()?;
                if day == 0 || day > days_in_month(year, month) {
                    return None;
                }
                date.day = Some(day);
            }
        }
        if parts.next().is_some() {
            return None;
        }
        Some(date)
    }

    /// The first day this date can mean, as `(year, month, day)`.
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can mean, as `(year, month, day)`.
    pub fn last_day(&self) -> (i32, u8, u8) {
        let m = self.month.unwrap_or(12);
        (self.year, m, self.day.unwrap_or_else(|| days_in_month(self.year, m)))
    }

    /// The first (or, with `last`, the last) day this date can mean as `YYYY-MM-DD`, the form
    /// flat files give so that no reader takes a bare year for a number.
    pub fn iso_day(&self, last: bool) -> String {
        let (y, m, d) = if last { self.last_day() } else { self.first_day() };
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// True when the period `[from, to]` (open ends allowed) overlaps this date's period.
    pub fn overlaps(&self, from: Option<&PartialDate>, to: Option<&PartialDate>) -> bool {
        from.is_none_or(|f| f.first_day() <= self.last_day()) && to.is_none_or(|t| self.first_day() <= t.last_day())
    }

    /// True when this whole date lies strictly after `other`'s last day.
    pub fn is_after(&self, other: &PartialDate) -> bool {
        self.first_day() > other.last_day()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_precision() {
        for s in ["2023", "2023-09", "2023-09-13", "2024-02-29"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        for s in ["23", "2023-9", "2023-13", "2023-02-29", "2023-09-13-1", "x", ""] {
            assert_eq!(PartialDate::parse(s), None, "{s}");
        }
    }

    #[test]
    fn overlap_uses_the_whole_period() {
        let oct = PartialDate::parse("2023-10").unwrap();
        let from = PartialDate::parse("2023-10-31").unwrap();
        let to = PartialDate::parse("2023-09").unwrap();
        assert!(oct.overlaps(Some(&from), None));
        assert!(!oct.overlaps(None, Some(&to)));
        assert!(oct.is_after(&to));
    }
}
