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
        }
    }
}
