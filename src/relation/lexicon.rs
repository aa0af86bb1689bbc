//! The German lexicon of relation extraction, read from `data/de/lexicon.ron` at compile time.

use crate::normalize::normalize_pattern;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::sync::OnceLock;

/// How a trigger finds its arguments (see the module docs of [`crate::relation`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Frame {
    /// `X traf (sich mit) Y`, `X und Y trafen sich`.
    MeetVerb,
    /// `X und Y kamen zusammen`, `X kam mit Y zusammen`.
    MeetSeparable,
    /// `Treffen zwischen X und Y`, `Treffen des X mit Y`, `Xs Treffen mit Y`.
    MeetNoun,
    /// `X besuchte P`.
    VisitVerb,
    /// `X reiste nach P`.
    TravelVerb,
    /// `X ist in P eingetroffen`.
    ArriveVerb,
    /// `X traf in P ein`, `X kam in P an` (a separable verb: not a meeting).
    ArriveSeparable,
    /// `Xs Besuch in P`, `seine Reise nach P`, `Russland-Besuch`.
    VisitNoun,
    /// `X stattete P einen Besuch ab`.
    PayVisit,
    /// `X empfing Y`, `Y wurde von X empfangen`.
    Receive,
    /// `X begleitete Y`, `Y wird von X begleitet`.
    Accompany,
    /// `in Begleitung von X`.
    AccompanyNoun,
    /// `X lud Y ... ein`.
    InviteSeparable,
    /// `X hat Y eingeladen`, `Y wurde von X eingeladen`.
    Invite,
    /// `auf Einladung von X`, `eine Einladung Xs`.
    InviteNoun,
    /// `X telefonierte mit Y`.
    Phone,
    /// `Telefonat zwischen X und Y`.
    PhoneNoun,
    /// `X lieferte Waffen an Y`, `X beliefert Y mit Munition`.
    Supply,
    /// `Lieferung von Waffen Xs an Y`.
    SupplyNoun,
}

/// Tense or part of speech of a trigger form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Form {
    /// Simple past (`traf`).
    Past,
    /// Present (`trifft`).
    Present,
    /// Past participle (`getroffen`, `empfangen`).
    Participle,
    /// Infinitive (`treffen`): with a modal or `zu`, a plan.
    Infinitive,
    /// A noun (`Treffen`).
    Noun,
}

#[derive(Deserialize)]
struct TriggerDef {
    frame: Frame,
    form: Form,
    words: Vec<String>,
}

#[derive(Deserialize)]
struct RoleDef {
    keys: Vec<String>,
    words: Vec<String>,
}

#[derive(Deserialize)]
struct LexiconFile {
    triggers: Vec<TriggerDef>,
    modals: Vec<String>,
    plan_words: Vec<String>,
    plan_adjectives: Vec<String>,
    cancel_words: Vec<String>,
    not_present: Vec<String>,
    source_preps: Vec<String>,
    source_phrases: Vec<Vec<String>>,
    saying_verbs: Vec<String>,
    goods: Vec<String>,
    roles: Vec<RoleDef>,
}

/// The compiled lexicon; all words normalised.
#[derive(Debug)]
pub struct Lexicon {
    /// Trigger word → its readings.
    pub triggers: HashMap<String, Vec<(Frame, Form)>>,
    /// Modal and future auxiliaries.
    pub modals: HashSet<String>,
    /// Words marking a clause as a plan.
    pub plan_words: HashSet<String>,
    /// Adjectives marking the noun after them as a plan.
    pub plan_adjectives: HashSet<String>,
    /// Words calling a trip or meeting off.
    pub cancel_words: HashSet<String>,
    /// Words that make a person a topic (monuments).
    pub not_present: HashSet<String>,
    /// `laut`, `zufolge`.
    pub source_preps: HashSet<String>,
    /// `nach Angaben`, `unter Berufung auf`.
    pub source_phrases: Vec<Vec<String>>,
    /// `sagte`, `teilte ... mit`.
    pub saying_verbs: HashSet<String>,
    /// Goods.
    pub goods: HashSet<String>,
    /// Role noun → role keys.
    pub roles: HashMap<String, Vec<String>>,
}

fn norm_all(v: Vec<String>) -> HashSet<String> {
    v.iter().map(|w| normalize_pattern(w)).collect()
}

/// The lexicon (parsed once).
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let file: LexiconFile = ron::from_str(include_str!("../../data/de/lexicon.ron")).unwrap_or_else(|e| {
            panic!("data/de/lexicon.ron is broken at {e}; it is compiled in, so this is a build defect")
        });
        let mut triggers: HashMap<String, Vec<(Frame, Form)>> = HashMap::default();
        for t in file.triggers {
            for w in t.words {
                triggers
                    .entry(normalize_pattern(&w))
                    .or_default()
                    .push((t.frame, t.form));
            }
        }
        let mut roles: HashMap<String, Vec<String>> = HashMap::default();
        for r in file.roles {
            for w in r.words {
                roles
                    .entry(normalize_pattern(&w))
                    .or_default()
                    .extend(r.keys.iter().cloned());
            }
        }
        Lexicon {
            triggers,
            modals: norm_all(file.modals),
            plan_words: norm_all(file.plan_words),
            plan_adjectives: norm_all(file.plan_adjectives),
            cancel_words: norm_all(file.cancel_words),
            not_present: norm_all(file.not_present),
            source_preps: norm_all(file.source_preps),
            source_phrases: file
                .source_phrases
                .into_iter()
                .map(|p| p.iter().map(|w| normalize_pattern(w)).collect())
                .collect(),
            saying_verbs: norm_all(file.saying_verbs),
            goods: norm_all(file.goods),
            roles,
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn lexicon_parses_and_normalises() {
        let l = super::lexicon();
        assert!(l.triggers.contains_key("traf"));
        assert!(l.roles.contains_key("aussenminister"));
        assert!(l.saying_verbs.contains("hiess"));
    }
}
