//! Relation constructions as data: `data/de/constructions.ron` (format in its header), compiled
//! against the lexicon once. A construction names its relation kind, its trigger lemmas, how its
//! arguments are selected from the clause, the conditions it needs, and an example with its
//! negative twin; the interpreter ([`super::interpret`]) applies it.

use super::RelationKind;
use crate::normalize::normalize_pattern;
use crate::syntax::lexicon::{LemmaId, Lexicon, WordId, case, flag};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::sync::OnceLock;

/// The relation kinds as written in the data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum KindDef {
    /// `met`.
    Met,
    /// `received`.
    Received,
    /// `visited`.
    Visited,
    /// `accompanied`.
    Accompanied,
    /// `invited`.
    Invited,
    /// `phoned`.
    Phoned,
    /// `supplied`.
    Supplied,
}

impl KindDef {
    fn kind(self) -> RelationKind {
        match self {
            KindDef::Met => RelationKind::Met,
            KindDef::Received => RelationKind::Received,
            KindDef::Visited => RelationKind::Visited,
            KindDef::Accompanied => RelationKind::Accompanied,
            KindDef::Invited => RelationKind::Invited,
            KindDef::Phoned => RelationKind::Phoned,
            KindDef::Supplied => RelationKind::Supplied,
        }
    }
}

/// What fires a construction.
#[derive(Debug, Clone, Deserialize)]
pub enum TriggerDef {
    /// Verb lemmas (every form, separable verbs with their particle).
    Verb(Vec<String>),
    /// Noun lemmas (every form, and compounds ending in one).
    Noun(Vec<String>),
}

/// Active, passive or either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Voice {
    /// Not a `werden` passive.
    Active,
    /// `werden` + participle.
    Passive,
    /// Either (nouns).
    Any,
}

/// An argument selector (see the data file's header).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum Sel {
    /// The clause's subject.
    Subject,
    /// An accusative or dative object that is a person.
    Object,
    /// An object that is a place.
    ObjectPlace,
    /// Phrases governed by these prepositions in the clause.
    Prep(Vec<String>),
    /// The agent of a passive.
    Agent,
    /// The others coordinated with the first argument.
    Reciprocal,
    /// `zwischen X und Y`.
    Between,
    /// Whose noun it is.
    Possessor,
    /// The person a noun trigger is the title of (`sein Gast Angela Merkel`).
    Titled,
    /// A phrase governed by these prepositions right after the noun.
    Attr(Vec<String>),
    /// A place compounded with the noun.
    Compound,
    /// The subject of the clause the noun is an adjunct or light-verb object of.
    ClauseSubject,
    /// Places governed by these prepositions.
    PlaceIn(Vec<String>),
    /// Where the clause's event took place: places governed by these prepositions that do not
    /// belong to another noun (`die Lage in Syrien`), unless that noun is an event or venue
    /// (`auf der Kundgebung in Duisburg`).
    PlaceAt(Vec<String>),
    /// Countries named by an adjective in the noun's phrase (`im saudi-arabischen Exil`).
    Adjective,
    /// Who took part before in the meeting the clause's definite meeting noun refers back to
    /// (`Österreich wird bei der Synode von X vertreten`: X met them).
    Event,
    /// For a definite noun with no owner of its own (`unter den Gästen war X`): the host the
    /// document told of last (the subject of its latest reception or invitation), not a person
    /// the clause names.
    Host,
}

/// A condition on the clause.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum Cond {
    /// One of these words is in the clause.
    Words(Vec<String>),
    /// `sich`, `einander`.
    Reflexive,
    /// An accusative object that is a common noun.
    ObjectNoun,
    /// A phrase governed by one of these prepositions.
    HasPrep(Vec<String>),
    /// An object that is a person.
    PersonObject,
    /// Goods are named.
    Goods,
    /// `sein` is the clause's only verb (`war in Berlin`, `ist in Berlin gewesen`).
    Copula,
    /// A phrase governed by a preposition names a meeting of this list (or a compound ending in
    /// one): `am Gipfel`, or `bei dem` in a relative clause about one (`der Vorgipfel, bei dem X
    /// vertreten sein wird`).
    AtMeeting(Vec<String>),
    /// A phrase governed by `zu` names a meeting of this list: where one travels to (`reisten
    /// zu dem Sondertreffen an`; not `nach dem Treffen`, a time).
    ToMeeting(Vec<String>),
}

/// Who visited the place where a relation happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Who {
    /// Participants whose home is known to be elsewhere.
    FromElsewhere,
    /// Every participant not known to live there.
    Travellers,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct VisitsDef {
    preps: Vec<String>,
    who: Who,
}

/// Who counts as a visitor for a `Visited` construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
pub enum Visitor {
    /// Anyone not at home (the home country or its capital).
    #[default]
    Any,
    /// Only a person whose home country is known and is not the place's country: being somewhere
    /// is stated only indirectly (`sagte X in Brüssel`), so a domestic place is no evidence.
    Abroad,
    /// Only a person whose home country is known, anywhere but that country itself and its
    /// capital: a speech in a provincial town is a trip from the capital (`sagte X in Duisburg`).
    Known,
}

/// How tense is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
pub enum PlannedDef {
    /// From the clause.
    #[default]
    Clause,
    /// Always a plan.
    Always,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConstructionDef {
    name: String,
    kind: KindDef,
    trigger: TriggerDef,
    #[serde(default)]
    exclude: Vec<String>,
    voice: Voice,
    a: Vec<Sel>,
    b: Vec<Sel>,
    #[serde(default)]
    requires: Vec<Cond>,
    #[serde(default)]
    unless: Vec<Cond>,
    #[serde(default)]
    visits: Option<VisitsDef>,
    #[serde(default)]
    also: Vec<KindDef>,
    #[serde(default)]
    planned: PlannedDef,
    #[serde(default)]
    visitor: Visitor,
    #[serde(default)]
    presupposed: bool,
    #[serde(default)]
    together: bool,
    #[serde(default)]
    frequent: bool,
    #[serde(default)]
    joins_event: bool,
    confidence: f32,
    example: String,
    negative: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConstructionsFile {
    light_verbs: Vec<String>,
    adjunct_preps: Vec<String>,
    presence_preps: Vec<String>,
    at_event_preps: Vec<String>,
    return_verbs: Vec<String>,
    sein_perfect: Vec<String>,
    meeting_nouns: Vec<String>,
    meeting_verbs: Vec<String>,
    #[serde(default)]
    summit_nouns: Vec<String>,
    constructions: Vec<ConstructionDef>,
}

/// A preposition in a selector, compiled: the word and, for `in-acc`, accusative only; for
/// `auf-nodat`, not dative only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrepSpec {
    /// The preposition.
    pub word: WordId,
    /// Only with an accusative article (`in die`, `ins`): direction, not location.
    pub accusative: bool,
    /// `-nodat`: not with a dative article (`auf dem Flughafen` is where, `auf X` whom).
    pub not_dative: bool,
}

/// A compiled construction.
#[derive(Debug, Clone)]
pub struct Construction {
    /// Unique name.
    pub name: String,
    /// The relation kind.
    pub kind: RelationKind,
    /// More kinds with the same arguments.
    pub also: Vec<RelationKind>,
    /// Verb trigger (else noun).
    pub verb: bool,
    /// Noun forms that do not fire it (normalised).
    pub exclude: HashSet<String>,
    /// Voice.
    pub voice: Voice,
    /// Selectors of the first argument.
    pub a: Vec<Sel>,
    /// Selectors of the second argument.
    pub b: Vec<Sel>,
    /// Prepositions of the selectors, compiled (keyed by the selector's position: a then b).
    pub preps: HashMap<(bool, usize), Vec<PrepSpec>>,
    /// Conditions needed.
    pub requires: Vec<CondC>,
    /// Conditions that stop it.
    pub unless: Vec<CondC>,
    /// Place where it happened, and who visited it.
    pub visits: Option<(Vec<PrepSpec>, Who)>,
    /// Tense rule.
    pub planned: PlannedDef,
    /// Who counts as a visitor.
    pub visitor: Visitor,
    /// The relation is presupposed, not asserted: it holds even when the clause is negated or
    /// a plan (`darf Südafrika nicht verlassen` — one can only leave where one is).
    pub presupposed: bool,
    /// Coordinated subjects did it together and met (`X und Y besuchten Z`), unlike verbs that
    /// may be done apart (`X und Y trafen in Z ein`); of two sides, the second side's members
    /// did (`Unter den Gästen waren X und Y`).
    pub together: bool,
    /// Its trigger is a frequent verb (`sein`, `kommen`): like a visit, it makes its verb a weak
    /// trigger, read only in sentences that name a place or two persons.
    pub frequent: bool,
    /// Its participants may join a meeting an earlier sentence told of, which the definite
    /// meeting noun of the clause refers back to ([`super::events`]).
    pub joins_event: bool,
    /// Confidence.
    pub confidence: f32,
    /// A sentence that gives the relation.
    pub example: String,
    /// Its twin that must not.
    pub negative: String,
}

impl Construction {
    /// Does it require a meeting noun in its clause (`AtMeeting`)? One that does not and joins
    /// an event (`saßen mit am Tisch`) joins the meeting told of last.
    pub fn names_meeting(&self) -> bool {
        self.requires
            .iter()
            .any(|c| matches!(c, CondC::AtMeeting(_) | CondC::ToMeeting(_)))
    }
}

/// A compiled condition.
#[derive(Debug, Clone, PartialEq)]
pub enum CondC {
    /// One of these words (normalised).
    Words(Vec<String>),
    /// Reflexive.
    Reflexive,
    /// A common-noun object.
    ObjectNoun,
    /// A phrase with one of these prepositions.
    HasPrep(Vec<PrepSpec>),
    /// A person object.
    PersonObject,
    /// Goods named.
    Goods,
    /// `sein` as the only verb.
    Copula,
    /// At a meeting of these nouns (normalised).
    AtMeeting(Vec<String>),
    /// To a meeting of these nouns (normalised).
    ToMeeting(Vec<String>),
}

/// All constructions and the indexes that find them.
#[derive(Debug)]
pub struct Constructions {
    /// In file order.
    pub list: Vec<Construction>,
    /// Verb lemma → constructions.
    pub by_lemma: HashMap<LemmaId, Vec<usize>>,
    /// Noun lemma (normalised) → constructions.
    pub by_noun: HashMap<String, Vec<usize>>,
    /// Light verbs.
    pub light_verbs: HashSet<LemmaId>,
    /// Adjunct prepositions.
    pub adjunct_preps: HashSet<WordId>,
    /// Prepositions by which a clause's subject takes part in a meeting noun (`beim Gipfel`).
    pub presence_preps: HashSet<WordId>,
    /// Prepositions by which a clause's subject is at an event noun, which then lends the clause
    /// its place (`auf der Konferenz in Genf`).
    pub at_event_preps: HashSet<WordId>,
    /// Verbs of coming home.
    pub return_verbs: HashSet<LemmaId>,
    /// Verbs whose perfect is built with `sein` (`ist eingetroffen`): `sein` + participle is
    /// their perfect, never a passive.
    pub sein_perfect: HashSet<LemmaId>,
    /// Lemmas of the nouns naming a meeting later sentences may refer back to (folded; compound
    /// heads count: `Sommervollversammlung`).
    pub meeting_nouns: HashSet<String>,
    /// Lemmas of the nouns naming a summit of states or organisations (`G20-Gipfel`): who met
    /// at one came from elsewhere unless known to be at home there.
    pub summit_nouns: HashSet<String>,
    /// Verbs of meeting whose clause, naming no participant, goes on telling of the meeting
    /// named before (`tagen`, `beraten`).
    pub meeting_verbs: HashSet<LemmaId>,
    /// Finds a meeting noun anywhere in a text, compounds included (ASCII case folded): a
    /// sentence that names a place and a meeting but no one is read for the meeting.
    pub meeting_gate: AhoCorasick,
    /// Prepositions of a meeting's place (`in`, `auf`).
    pub meeting_place_preps: Vec<PrepSpec>,
    /// Prepositions of a passive's agent and of who invited (`von`, `durch`).
    pub agent_preps: Vec<PrepSpec>,
    /// Every surface form of every trigger (normalised), for the sentence gate.
    pub gate: aho_corasick::dfa::DFA,
    /// Words that let a frequent verb join the meeting told of last (`war anwesend`: the
    /// `Words` conditions of `frequent` constructions that join events), normalised.
    pub join_words: Vec<String>,
    /// Number of gate patterns.
    pub gate_patterns: usize,
    /// Gate patterns below this index are triggers.
    pub gate_triggers: usize,
    /// Gate patterns from `gate_triggers` below this index are triggers that need a place in the
    /// sentence; from `gate_weak` below `gate_pronouns` they are person nouns; the rest pronouns.
    pub gate_weak: usize,
    /// Where the pronoun patterns start.
    pub gate_pronouns: usize,
}

impl Constructions {
    /// The compiled constructions of `data/de/constructions.ron` (built once).
    pub fn get() -> &'static Constructions {
        static C: OnceLock<Constructions> = OnceLock::new();
        C.get_or_init(|| {
            Constructions::from_ron(include_str!("../../data/de/constructions.ron"), Lexicon::get()).unwrap_or_else(
                |e| panic!("data/de/constructions.ron: {e}; it is compiled in, so this is a build defect"),
            )
        })
    }

    /// Compiles constructions from RON text. Every lemma must be in the lexicon.
    pub fn from_ron(src: &str, lex: &Lexicon) -> Result<Constructions, String> {
        let file: ConstructionsFile = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(src)
            .map_err(|e| e.to_string())?;
        let mut problems = Vec::new();
        let word = |w: &str, problems: &mut Vec<String>| -> WordId {
            lex.id(&normalize_pattern(w)).unwrap_or_else(|| {
                problems.push(format!("unknown word {w:?}"));
                0
            })
        };
        let prep = |p: &str, problems: &mut Vec<String>| -> PrepSpec {
            let (p, not_dative) = match p.strip_suffix("-nodat") {
                Some(base) => (base, true),
                None => (p, false),
            };
            let (w, acc) = match p.strip_suffix("-acc") {
                Some(base) => (base, true),
                None => (p, false),
            };
            let id = word(w, problems);
            // A contraction in the data (`im`) means its preposition (`in`); `ins` (in das) is
            // the accusative, a direction.
            let (id, acc) = match lex.info(id).contraction {
                Some((p, cases)) => (p, acc || (cases & case::ACC != 0 && cases & case::DAT == 0)),
                None => (id, acc),
            };
            if lex.info(id).flags & flag::PREP == 0 {
                problems.push(format!("{p:?} is no preposition"));
            }
            PrepSpec {
                word: id,
                accusative: acc,
                not_dative,
            }
        };
        let lemma = |l: &str, problems: &mut Vec<String>| -> Option<LemmaId> {
            let id = lex.lemma(l);
            if id.is_none() {
                problems.push(format!("verb {l:?} is not in data/de/verbs.tsv"));
            }
            id
        };
        let cond = |c: &Cond, problems: &mut Vec<String>| -> CondC {
            match c {
                Cond::Words(ws) => CondC::Words(ws.iter().map(|w| normalize_pattern(w)).collect()),
                Cond::Reflexive => CondC::Reflexive,
                Cond::ObjectNoun => CondC::ObjectNoun,
                Cond::HasPrep(ps) => CondC::HasPrep(ps.iter().map(|p| prep(p, problems)).collect()),
                Cond::PersonObject => CondC::PersonObject,
                Cond::Goods => CondC::Goods,
                Cond::Copula => CondC::Copula,
                Cond::AtMeeting(ns) => CondC::AtMeeting(ns.iter().map(|w| normalize_pattern(w)).collect()),
                Cond::ToMeeting(ns) => CondC::ToMeeting(ns.iter().map(|w| normalize_pattern(w)).collect()),
            }
        };
        let mut list = Vec::new();
        let mut by_lemma: HashMap<LemmaId, Vec<usize>> = HashMap::default();
        let mut by_noun: HashMap<String, Vec<usize>> = HashMap::default();
        let mut names = HashSet::default();
        let mut gate_lemmas: HashSet<LemmaId> = HashSet::default();
        let mut gate_nouns: Vec<String> = Vec::new();
        for (k, d) in file.constructions.into_iter().enumerate() {
            if !names.insert(d.name.clone()) {
                problems.push(format!("construction {:?} is defined twice", d.name));
            }
            let verb = matches!(d.trigger, TriggerDef::Verb(_));
            match &d.trigger {
                TriggerDef::Verb(ls) => {
                    for l in ls {
                        if let Some(id) = lemma(l, &mut problems) {
                            by_lemma.entry(id).or_default().push(k);
                            gate_lemmas.insert(id);
                        }
                    }
                }
                TriggerDef::Noun(ns) => {
                    for n in ns {
                        let norm = normalize_pattern(n);
                        if lex.noun(n).is_none() {
                            problems.push(format!(
                                "noun {n:?} is not in data/de/nouns.tsv (run data/de/tools/make_nouns.py)"
                            ));
                        }
                        by_noun.entry(norm.clone()).or_default().push(k);
                        gate_nouns.push(norm);
                    }
                }
            }
            let mut preps = HashMap::default();
            for (is_a, sels) in [(true, &d.a), (false, &d.b)] {
                for (i, s) in sels.iter().enumerate() {
                    if let Sel::Prep(ps) | Sel::Attr(ps) | Sel::PlaceIn(ps) | Sel::PlaceAt(ps) = s {
                        preps.insert((is_a, i), ps.iter().map(|p| prep(p, &mut problems)).collect());
                    }
                }
            }
            if d.a.is_empty() || d.b.is_empty() {
                problems.push(format!("construction {:?} needs selectors for a and b", d.name));
            }
            if !(0.0..=1.0).contains(&d.confidence) {
                problems.push(format!(
                    "construction {:?}: confidence {} is not in 0..1",
                    d.name, d.confidence
                ));
            }
            list.push(Construction {
                name: d.name,
                kind: d.kind.kind(),
                also: d.also.iter().map(|k| k.kind()).collect(),
                verb,
                exclude: d.exclude.iter().map(|x| normalize_pattern(x)).collect(),
                voice: d.voice,
                a: d.a,
                b: d.b,
                preps,
                requires: d.requires.iter().map(|c| cond(c, &mut problems)).collect(),
                unless: d.unless.iter().map(|c| cond(c, &mut problems)).collect(),
                visits: d
                    .visits
                    .map(|v| (v.preps.iter().map(|p| prep(p, &mut problems)).collect(), v.who)),
                planned: d.planned,
                visitor: d.visitor,
                presupposed: d.presupposed,
                together: d.together,
                frequent: d.frequent,
                joins_event: d.joins_event,
                confidence: d.confidence,
                example: d.example,
                negative: d.negative,
            });
        }
        let light_verbs = file
            .light_verbs
            .iter()
            .filter_map(|l| lemma(l, &mut problems))
            .collect();
        let return_verbs = file
            .return_verbs
            .iter()
            .filter_map(|l| lemma(l, &mut problems))
            .collect();
        let sein_perfect = file
            .sein_perfect
            .iter()
            .filter_map(|l| lemma(l, &mut problems))
            .collect();
        let meeting_verbs = file
            .meeting_verbs
            .iter()
            .filter_map(|l| lemma(l, &mut problems))
            .collect();
        // The lemmas of a list of nouns (`what` names the list in a problem).
        let noun_lemmas = |list: &[String], what: &str, problems: &mut Vec<String>| -> HashSet<String> {
            let mut out = HashSet::default();
            for n in list {
                match lex.noun(n) {
                    Some(id) => {
                        out.insert(lex.nouns[id as usize].lemma.clone());
                    }
                    None => problems.push(format!(
                        "{what} noun {n:?} is not in data/de/nouns.tsv (run data/de/tools/make_nouns.py)"
                    )),
                }
            }
            out
        };
        let meeting_nouns = noun_lemmas(&file.meeting_nouns, "meeting", &mut problems);
        let summit_nouns = noun_lemmas(&file.summit_nouns, "summit", &mut problems);
        let meeting_gate = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(file.meeting_nouns.iter().map(|n| normalize_pattern(n)))
            .map_err(|e| e.to_string())?;
        let meeting_place_preps = ["in", "auf"].iter().map(|p| prep(p, &mut problems)).collect();
        let agent_preps = ["von", "durch"].iter().map(|p| prep(p, &mut problems)).collect();
        let adjunct_preps = file.adjunct_preps.iter().map(|p| prep(p, &mut problems).word).collect();
        let presence_preps = file
            .presence_preps
            .iter()
            .map(|p| prep(p, &mut problems).word)
            .collect();
        let at_event_preps = file
            .at_event_preps
            .iter()
            .map(|p| prep(p, &mut problems).word)
            .collect();
        if !problems.is_empty() {
            return Err(problems.join("; "));
        }
        // The gate: every form of every trigger lemma, and every trigger noun (as a substring,
        // so that compounds pass too). A sentence without any of them is never parsed.
        let gate_noun_lemmas: HashSet<&str> = gate_nouns
            .iter()
            .filter_map(|n| lex.noun(n).map(|id| lex.nouns[id as usize].lemma.as_str()))
            .collect();
        // A lemma whose constructions are all visits needs a place in the sentence to state
        // anything (`war`, `sagte`, `kam`): it is a weaker trigger, so that frequent verbs do not
        // send every sentence to the parser. Constructions marked `frequent` (`war bei X`,
        // `reiste zu X`) keep their verb weak too.
        let place_bound = |l: LemmaId| {
            by_lemma.get(&l).is_some_and(|ks| {
                ks.iter()
                    .all(|&k| list[k].kind == RelationKind::Visited || list[k].frequent)
            })
        };
        let mut patterns: Vec<String> = Vec::new();
        let mut weak: Vec<String> = Vec::new();
        for (f, id) in lex.forms() {
            let info = lex.info(id);
            let lemmas: Vec<LemmaId> = info
                .verbs
                .iter()
                .map(|v| v.lemma)
                .filter(|l| gate_lemmas.contains(l))
                .collect();
            let noun = info
                .noun
                .is_some_and(|x| gate_noun_lemmas.contains(lex.nouns[x as usize].lemma.as_str()));
            if noun || lemmas.iter().any(|&l| !place_bound(l)) {
                patterns.push(f.to_string());
            } else if !lemmas.is_empty() {
                weak.push(f.to_string());
            }
        }
        patterns.extend(gate_nouns.iter().cloned());
        patterns.sort();
        patterns.dedup();
        let triggers = patterns.len();
        weak.sort();
        weak.dedup();
        weak.retain(|f| patterns.binary_search(f).is_err());
        patterns.extend(weak);
        let weak_triggers = patterns.len();
        // Then the person nouns (`Chefdiplomat`, `Kanzlerin`): a sentence with one is read for
        // the references it makes, so that later pronouns find their antecedents.
        let mut titles: Vec<String> = lex
            .forms()
            .filter(|(_, w)| lex.info(*w).noun.is_some_and(|n| lex.nouns[n as usize].title.is_some()))
            .map(|(f, _)| f.to_string())
            .filter(|f| f.len() >= 4)
            .collect();
        titles.sort();
        titles.dedup();
        // A set, not a scan of the list per title (quadratic in the number of forms).
        let seen: HashSet<&str> = patterns.iter().map(String::as_str).collect();
        titles.retain(|f| !seen.contains(f.as_str()));
        drop(seen);
        patterns.extend(titles);
        // Last, the personal pronouns and the pair word `beiden` as whole words (the normalised
        // text has single spaces): a trigger with only `er`/`sie`/`die beiden` for a person still
        // needs the parser.
        let pronouns = patterns.len();
        // Not `ich`: it stands for someone only in interviews and quotes, whose other person is
        // named, and it is frequent.
        let mut words: Vec<&str> = lex
            .forms()
            .filter(|(_, w)| {
                lex.info(*w)
                    .pron
                    .is_some_and(|(_, r)| r != crate::syntax::lexicon::Refers::Speaker)
                    || lex.info(*w).flags & flag::PAIR != 0
            })
            .map(|(f, _)| f)
            .collect();
        words.sort_unstable();
        for p in words {
            for (a, b) in [(" ", " "), (" ", ","), (" ", "."), ("\"", " ")] {
                patterns.push(format!("{a}{p}{b}"));
            }
        }
        let mut join_words: Vec<String> = list
            .iter()
            .filter(|c| c.frequent && c.joins_event)
            .flat_map(|c| c.requires.iter())
            .filter_map(|c| match c {
                CondC::Words(ws) => Some(ws.iter().cloned()),
                _ => None,
            })
            .flatten()
            .collect();
        join_words.sort();
        join_words.dedup();
        // A DFA: about 2,000 short patterns build in milliseconds and it scans several times
        // faster than an NFA.
        // Searched with `matching::scan::overlapping`, so no prefilter (none helps these
        // patterns).
        let gate = aho_corasick::dfa::Builder::new()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(Constructions {
            list,
            by_lemma,
            by_noun,
            light_verbs,
            adjunct_preps,
            presence_preps,
            at_event_preps,
            return_verbs,
            sein_perfect,
            meeting_nouns,
            summit_nouns,
            join_words,
            meeting_verbs,
            meeting_gate,
            meeting_place_preps,
            agent_preps,
            gate_patterns: patterns.len(),
            gate_triggers: triggers,
            gate_weak: weak_triggers,
            gate_pronouns: pronouns,
            gate,
        })
    }

    /// The construction named `name`.
    pub fn by_name(&self, name: &str) -> Option<&Construction> {
        self.list.iter().find(|c| c.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_constructions_compile() {
        let c = Constructions::get();
        assert!(c.list.len() >= 20);
        let treffen = Lexicon::get().lemma("treffen").unwrap();
        assert!(c.by_lemma[&treffen].iter().any(|&k| c.list[k].name == "treffen"));
        assert!(c.gate_patterns > 100);
    }

    #[test]
    fn unknown_lemmas_and_prepositions_are_reported() {
        let src = r#"(light_verbs: [], adjunct_preps: [], presence_preps: [], at_event_preps: [], return_verbs: [], sein_perfect: [], meeting_nouns: [], meeting_verbs: [], constructions: [
            (name: "x", kind: Met, trigger: Verb(["gibtesnicht"]), voice: Active, a: [Subject], b: [Prep(["haus"])],
             confidence: 0.5, example: "", negative: "")])"#;
        let e = Constructions::from_ron(src, Lexicon::get()).unwrap_err();
        assert!(e.contains("gibtesnicht") && e.contains("haus"), "{e}");
    }
}
