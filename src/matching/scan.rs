//! Overlapping aho-corasick search as one tight loop over the automaton's transitions.
//!
//! `AhoCorasick::find_overlapping_iter` keeps its position in a resumable search state and
//! re-reads its input at every byte: about 21 instructions a byte over the normalised text, for
//! each of the two scans a document gets (the gazetteer's names, the relation gate). Walking the
//! same automaton (aho-corasick's own `dfa::DFA` or contiguous NFA, through its public
//! [`Automaton`] trait, which exists for such loops) in one `for` over the bytes reports the same
//! matches in the same order.

use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, PatternID};

/// Calls `f(pattern, start, end)` for every match of `aut` in `haystack`, overlapping, in the
/// order `find_overlapping_iter` reports them: by end offset, then in the automaton's order of
/// the patterns that end there. `aut` must be unanchored (the default of its builders) and have
/// no empty pattern.
#[inline]
pub fn overlapping<A: Automaton + ?Sized>(aut: &A, haystack: &[u8], mut f: impl FnMut(PatternID, usize, usize)) {
    let Ok(mut sid) = aut.start_state(Anchored::No) else {
        return;
    };
    debug_assert!(!aut.is_match(sid), "an empty pattern matches everywhere");
    let mut at = 0;
    while at < haystack.len() {
        (at, sid) = to_special(aut, haystack, at, sid);
        if at == haystack.len() || aut.is_dead(sid) {
            return;
        }
        if aut.is_match(sid) {
            let end = at + 1;
            for i in 0..aut.match_len(sid) {
                let p = aut.match_pattern(sid, i);
                f(p, end - aut.pattern_len(p), end);
            }
        }
        at += 1;
    }
}

/// Walks from state `sid` over `haystack[at..]` to the first byte that leads into a special
/// state (a match or the dead state): its offset and that state, or the haystack's length.
/// Not inlined, so that the loop keeps its few variables in registers whatever the caller does
/// with the matches (inlined into the matcher it spilled them to the stack: 18 instructions a
/// byte).
#[inline(never)]
fn to_special<A: Automaton + ?Sized>(
    aut: &A,
    haystack: &[u8],
    mut at: usize,
    mut sid: aho_corasick::automaton::StateID,
) -> (usize, aho_corasick::automaton::StateID) {
    while at < haystack.len() {
        sid = aut.next_state(Anchored::No, sid, haystack[at]);
        if aut.is_special(sid) {
            return (at, sid);
        }
        at += 1;
    }
    (at, sid)
}

/// [`overlapping`] with two automata over the same haystack in one walk: `f` gets the matches
/// of `a`, `g` those of `b`, each in the order [`overlapping`] gives them. Cheaper than two
/// walks (the haystack is read once), and the two chains of transition loads overlap.
#[inline]
pub fn overlapping2<A: Automaton + ?Sized, B: Automaton + ?Sized>(
    a: &A,
    b: &B,
    haystack: &[u8],
    mut f: impl FnMut(PatternID, usize, usize),
    mut g: impl FnMut(PatternID, usize, usize),
) {
    let (Ok(mut sa), Ok(mut sb)) = (a.start_state(Anchored::No), b.start_state(Anchored::No)) else {
        overlapping(a, haystack, f);
        overlapping(b, haystack, g);
        return;
    };
    debug_assert!(
        !a.is_match(sa) && !b.is_match(sb),
        "an empty pattern matches everywhere"
    );
    let mut at = 0;
    while at < haystack.len() {
        (at, sa, sb) = to_special2(a, b, haystack, at, sa, sb);
        if at == haystack.len() {
            return;
        }
        let end = at + 1;
        report(a, sa, end, &mut f);
        report(b, sb, end, &mut g);
        if a.is_dead(sa) && b.is_dead(sb) {
            return;
        }
        at += 1;
    }
}

/// Calls `f` with the matches of state `sid` of `aut`, which end at `end`.
#[inline]
fn report<A: Automaton + ?Sized>(
    aut: &A,
    sid: aho_corasick::automaton::StateID,
    end: usize,
    f: &mut impl FnMut(PatternID, usize, usize),
) {
    if aut.is_match(sid) {
        for i in 0..aut.match_len(sid) {
            let p = aut.match_pattern(sid, i);
            f(p, end - aut.pattern_len(p), end);
        }
    }
}

/// [`to_special`] for two automata: walks both to the first byte where either enters a special
/// state. A dead automaton stays dead (its transitions lead back to the dead state).
#[inline(never)]
fn to_special2<A: Automaton + ?Sized, B: Automaton + ?Sized>(
    a: &A,
    b: &B,
    haystack: &[u8],
    mut at: usize,
    mut sa: aho_corasick::automaton::StateID,
    mut sb: aho_corasick::automaton::StateID,
) -> (
    usize,
    aho_corasick::automaton::StateID,
    aho_corasick::automaton::StateID,
) {
    while at < haystack.len() {
        let byte = haystack[at];
        sa = a.next_state(Anchored::No, sa, byte);
        sb = b.next_state(Anchored::No, sb, byte);
        if a.is_special(sa) | b.is_special(sb) {
            return (at, sa, sb);
        }
        at += 1;
    }
    (at, sa, sb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    /// The same matches, in the same order, as aho-corasick's own overlapping iterator, with a
    /// DFA and a contiguous NFA, with and without a prefilter.
    #[test]
    fn same_matches_as_find_overlapping_iter() {
        let patterns = ["kim", "kim jong un", "jong", "un", "russland", "land", "and", "s", "ss"];
        let hay = "kim jong un besuchte russland. ein landsmann sagte: kim jong unss und so";
        let want: Vec<(usize, usize, usize)> = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .unwrap()
            .find_overlapping_iter(hay)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        assert!(want.len() > 10);
        for prefilter in [false, true] {
            let dfa = aho_corasick::dfa::Builder::new()
                .prefilter(prefilter)
                .build(patterns)
                .unwrap();
            let nfa = aho_corasick::nfa::contiguous::Builder::new()
                .prefilter(prefilter)
                .build(patterns)
                .unwrap();
            let mut got = Vec::new();
            overlapping(&dfa, hay.as_bytes(), |p, s, e| got.push((p.as_usize(), s, e)));
            assert_eq!(got, want);
            got.clear();
            overlapping(&nfa, hay.as_bytes(), |p, s, e| got.push((p.as_usize(), s, e)));
            assert_eq!(got, want);
            // Both at once, each with its own matches in its own order.
            let (mut x, mut y) = (Vec::new(), Vec::new());
            overlapping2(
                &dfa,
                &nfa,
                hay.as_bytes(),
                |p, s, e| x.push((p.as_usize(), s, e)),
                |p, s, e| y.push((p.as_usize(), s, e)),
            );
            assert_eq!((&x, &y), (&want, &want));
            let other = aho_corasick::dfa::Builder::new().build(["ein", "und", "so"]).unwrap();
            let (mut x, mut y) = (Vec::new(), Vec::new());
            overlapping2(
                &other,
                &dfa,
                hay.as_bytes(),
                |p, s, e| x.push((p.as_usize(), s, e)),
                |p, s, e| y.push((p.as_usize(), s, e)),
            );
            assert_eq!((x.len(), &y), (3, &want));
        }
    }
}
