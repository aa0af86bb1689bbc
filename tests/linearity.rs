//! No input makes the output grow faster than the input (issue 11): random German-like text built
//! from names, trigger verbs, places, pronouns, lists and punctuation is repeated k, 2k and 3k
//! times — as many sentences, and as one endless sentence — and the extraction record, its
//! relations and its mentions must grow from 2k to 3k by no more than from k to 2k (linear growth
//! with any fixed part). Sizes, not times: a timed test would be flaky; an algorithm that is
//! quadratic in its output (every relation repeating its sentence, every pair of a growing list)
//! shows up here.

use newskg::input::Document;
use newskg::{Gazetteer, Pipeline};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Gazetteer::load_dir(Path::new("gazetteer")).unwrap()))
}

const PIECES: &[&str] = &[
    "Wladimir Putin",
    "Angela Merkel",
    "Kim Jong Un",
    "Sergej Lawrow",
    "François Hollande",
    "er",
    "sie",
    "die beiden",
    "der russische Präsident",
    "traf",
    "trafen sich",
    "empfing",
    "besuchte",
    "reiste nach",
    "telefonierte mit",
    "kam mit",
    "zusammen",
    "in Moskau",
    "in Berlin",
    "Pjöngjang",
    "Wien –",
    "dort",
    "und",
    "sowie",
    ",",
    "mit",
    "zwischen",
    "am Montag",
    "nicht",
    "soll",
    "werde",
    "eingeladen",
    "Gespräch",
    "an den Gesprächen",
    "teilnehmen",
    "Besuch",
    "dass",
    "der",
    "die",
];

/// The record size, relation count and mention count of one document. The size counts every
/// run of digits as one byte: offsets into a text twice as long may have one digit more, a
/// logarithmic growth of the numbers, not of what the record says.
fn measure(text: &str) -> (usize, usize, usize) {
    let p = pipeline();
    let x = p.extract(&Document::new("lin", text.to_string()));
    let record = x.to_json_line(p.gazetteer());
    let b = record.as_bytes();
    let size = (0..b.len())
        .filter(|&i| !(b[i].is_ascii_digit() && i > 0 && b[i - 1].is_ascii_digit()))
        .count();
    (size, x.relations.len() + x.hedged.len(), x.mentions.len())
}

fn assert_linear(unit: &str, sep: &str, k: usize) {
    let text = |n: usize| vec![unit; n].join(sep);
    let (b1, r1, m1) = measure(&text(k));
    let (b2, r2, m2) = measure(&text(2 * k));
    let (b3, r3, m3) = measure(&text(3 * k));
    // Linear output grows by the same amount from k to 2k as from 2k to 3k, whatever its fixed
    // part (the first sentence may give less than the others: `die beiden` has no pair yet); a
    // quadratic one grows by more each time. The slack is a little more than nothing.
    let grows = |a: usize, b: usize, c: usize, slack: usize| c.saturating_sub(b) <= b.saturating_sub(a) + slack;
    assert!(
        grows(b1, b2, b3, 2_000),
        "record bytes {b1} -> {b2} -> {b3} for {unit:?} ×{k} joined by {sep:?}"
    );
    assert!(
        grows(r1, r2, r3, 4),
        "relations {r1} -> {r2} -> {r3} for {unit:?} ×{k} joined by {sep:?}"
    );
    assert!(
        grows(m1, m2, m3, 4),
        "mentions {m1} -> {m2} -> {m3} for {unit:?} ×{k} joined by {sep:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn output_grows_at_most_linearly(picks in prop::collection::vec(0..PIECES.len(), 3..18), k in 20usize..60) {
        let unit: Vec<&str> = picks.iter().map(|&i| PIECES[i]).collect();
        let unit = unit.join(" ");
        // Many sentences, and one sentence that never ends.
        assert_linear(&format!("{unit}."), " ", k);
        assert_linear(&unit, " und ", k);
    }
}

#[test]
fn the_known_quadratic_inputs_stay_linear() {
    // One sentence with thousands of trigger verbs (issue 11's example) and a trigger followed by
    // an endless list of names.
    assert_linear("Wladimir Putin traf Angela Merkel in Wien", " ", 500);
    assert_linear("Angela Merkel traf sich mit Wladimir Putin", ", ", 500);
    assert_linear("Kim Jong Un und Sergej Lawrow", " und ", 400);
    // Everyone who joins a meeting told of before meets everyone who took part in it.
    assert_linear(
        "An den Gesprächen nahmen Angela Merkel und Wladimir Putin teil",
        ". ",
        300,
    );
    assert_linear(
        "Dieser Gipfel, bei dem Kim Jong Un und Sergej Lawrow vertreten sind",
        ", ",
        300,
    );
}
