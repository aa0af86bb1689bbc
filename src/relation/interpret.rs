//! Applies the constructions of `data/de/constructions.ron` to the clauses of a parsed sentence.
//!
//! For every trigger (a verb form whose lemma, read with the clause's separable particle, is a
//! construction's trigger; or a noun, also as the tail of a compound), each construction of the
//! trigger checks its voice and conditions, selects its arguments with its selectors, and gives a
//! relation for every pair of participants from different sides. The clause decides the rest:
//! negation and calling off drop it, speculation and hearsay mark it hedged, modals, future,
//! plan words and plan adjectives make it planned, the nearest date expression dates it. A
//! construction with `visits` adds a visit of every participant who came from elsewhere to the
//! place where it happened.

use super::constructions::{CondC, Construction, Constructions, PlannedDef, PrepSpec, Sel, Visitor, Voice, Who};
use super::events::{Event, Note};
use super::{Attribution, Relation, RelationKind, dates};
use crate::date::PartialDate;
use crate::gazetteer::{EntityIdx, Gazetteer, Kind};
use crate::link::references::DocRefs;
use crate::span::Span;
use crate::syntax::lexicon::{LemmaId, Lexicon, VForm, WordId, case, flag};
use crate::syntax::parse::{ClauseKind, Head, Parse, person_title};
use crate::syntax::token::Tokens;

/// What a sentence gives.
#[derive(Debug, Default)]
pub struct SentenceRelations {
    /// Relations stated as facts or plans.
    pub relations: Vec<Relation>,
    /// Relations stated under speculation, fear or hearsay.
    pub hedged: Vec<Relation>,
    /// Persons who joined a meeting, by the phrase of its meeting noun.
    pub joined: Vec<(usize, Vec<EntityIdx>)>,
    /// Persons a verb of receiving or inviting made hosts, whether or not its guests are named
    /// (`X empfing am Abend Freunde`): whose `die Gäste` a later sentence means.
    pub hosts: Vec<EntityIdx>,
}

/// Why the participants of a located meeting came to it, beyond what is known of their homes
/// ([`Ctx::visitors`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Summit {
    /// Nothing more.
    No,
    /// One group of three or more met among themselves.
    Group,
    /// It was at a summit of states or organisations (`am Rande des G20-Gipfels`).
    Named,
}

/// One sentence's interpretation context.
pub struct Ctx<'a> {
    /// Gazetteer.
    pub gaz: &'a Gazetteer,
    /// Lexicon.
    pub lex: &'static Lexicon,
    /// Constructions.
    pub cons: &'static Constructions,
    /// Document references and facts.
    pub refs: &'a DocRefs<'a>,
    /// Document date.
    pub date: Option<&'a PartialDate>,
    /// Date the dead rule compares with when a relation has none of its own (the document date,
    /// else the latest year the text names).
    pub ref_date: Option<PartialDate>,
    /// The document text.
    pub text: &'a str,
    /// Subjects found so far, per clause.
    pub subjects: std::cell::RefCell<Vec<Option<Option<usize>>>>,
    /// Tokens.
    pub t: &'a Tokens,
    /// Parse.
    pub p: &'a Parse,
    /// The last place named before this sentence, for `dort` (`Putin reiste nach Wien. Dort traf
    /// er Fischer.`).
    pub there: Option<EntityIdx>,
    /// The place of the document's dateline (`Minsk – …`), for a facility no later sentence
    /// places (`verhandelten im Präsidentenpalast`).
    pub dateline_place: Option<EntityIdx>,
    /// The meeting told of last, which a definite meeting noun may refer back to.
    pub event: Option<&'a Event>,
}

/// The phrase index of a place that no phrase of the sentence names (`dort`).
const NO_PHRASE: usize = usize::MAX;

/// A participant list with the phrase each came from.
type Side = Vec<(EntityIdx, usize)>;

impl Ctx<'_> {
    fn clause_tokens(&self, ci: usize) -> Vec<usize> {
        self.p.clauses[ci].tokens().collect()
    }

    fn clause_has(&self, ci: usize, f: u32) -> bool {
        self.p.clauses[ci].tokens().any(|i| self.t.has(self.lex, i, f))
    }

    /// Is token `i`'s word one of `list`?
    fn word_is(&self, i: usize, list: &[WordId]) -> bool {
        self.t.word(i).is_some_and(|w| list.contains(&w))
    }

    /// Is one of `words` in the clause: the word itself, or (for listed words of six bytes or
    /// more) a capitalised compound ending in it (`Grundsatzvereinbarung`, `Massenprotest`)?
    fn word_in_clause(&self, ci: usize, words: &[String]) -> bool {
        self.p.clauses[ci].tokens().any(|i| {
            let tok = &self.t.toks[i];
            let norm = self.t.norm(i);
            tok.is_word()
                && words
                    .iter()
                    .any(|w| w == norm || (tok.cap && w.len() >= 6 && norm.ends_with(w.as_str())))
        })
    }

    /// Entities a phrase stands for.
    fn referents(&self, pi: usize) -> Vec<EntityIdx> {
        let ph = &self.p.phrases[pi];
        if !ph.refs.is_empty() {
            return ph.refs.clone();
        }
        if ph.head_kind == Head::None {
            return Vec::new();
        }
        if ph.head_kind == Head::Noun
            && let Some(city) = self.district_of(ph.head)
        {
            return vec![city];
        }
        if ph.head_kind == Head::Noun && self.lex.is_delegation_noun(self.t.norm(ph.head)) {
            return self.delegation_leaders(pi);
        }
        match self.t.toks[ph.head].slot {
            Some(s) if !s.attributive() => vec![s.entity],
            _ => Vec::new(),
        }
    }

    /// `die Delegation der Opposition unter Führung von X`, `die Regierungsdelegation unter dem
    /// Botschafter X`: the persons who lead the delegation of phrase `pi` (it stands for them).
    fn delegation_leaders(&self, pi: usize) -> Vec<EntityIdx> {
        // The first phrase after the delegation and its genitives, with nothing in between.
        let mut end = self.p.phrases[pi].toks.end;
        let mut k = pi + 1;
        while k < self.p.phrases.len() && self.p.phrases[k].genitive && self.p.phrases[k].toks.start == end {
            end = self.p.phrases[k].toks.end;
            k += 1;
        }
        let Some(q) = self.p.phrases.get(k).filter(|q| q.toks.start == end) else {
            return Vec::new();
        };
        if !q.prep.is_some_and(|w| self.prep_is(w, &["unter"])) {
            return Vec::new();
        }
        let leader = if q.head_kind == Head::Noun && self.lex.leading_nouns.iter().any(|n| n == self.t.norm(q.head)) {
            // `unter Führung von X`, `unter der Leitung des Botschafters X`.
            match self.p.phrases.get(k + 1).filter(|r| r.of == Some(k) || r.genitive) {
                Some(_) => k + 1,
                None => return Vec::new(),
            }
        } else {
            k
        };
        self.person_ids(&self.side_of(&self.group(leader)))
    }

    /// `in Wien-Wieden`, `in Kiew-Petschersk`: a name after a city and a hyphen that is no German
    /// word (nor ends in one: `Syrien-Friedensgespräche`) is a part of that city.
    fn district_of(&self, head: usize) -> Option<EntityIdx> {
        if head < 2 || self.t.toks[head - 1].punct != Some('-') || !self.t.toks[head].cap {
            return None;
        }
        let city = self.t.toks[head - 2].slot.filter(|s| s.kind == Kind::City)?;
        let w = self.t.norm(head);
        let word_inside = w
            .char_indices()
            .map(|(i, _)| &w[i..])
            .any(|tail| tail.chars().count() >= 4 && crate::gazetteer::ordinary::is_noun_form(tail));
        (!w.is_empty() && !word_inside).then_some(city.entity)
    }

    /// `Wien – Der russische Außenminister traf am Montag ...`: the one place a dateline opening
    /// the sentence names, with its phrase. Several places (`Wien/Kiew –`) say nothing certain.
    fn dateline(&self) -> Option<(EntityIdx, usize)> {
        let c0 = self.p.clauses.first()?;
        if c0.kind != ClauseKind::Fragment {
            return None;
        }
        let toks: Vec<usize> = c0.tokens().collect();
        if toks.first() != Some(&0) {
            return None;
        }
        let last = *toks.last()?;
        if !self
            .t
            .toks
            .get(last + 1)
            .and_then(|x| x.punct)
            .is_some_and(|c| matches!(c, '–' | '—' | '-'))
        {
            return None;
        }
        let mut place: Option<(EntityIdx, usize)> = None;
        for &i in &toks {
            match (self.t.toks[i].slot, self.t.toks[i].punct) {
                (Some(s), _) if s.place() => {
                    if place.is_some_and(|(e, _)| e != s.entity) {
                        return None;
                    }
                    place = Some((s.entity, i));
                }
                (None, Some('/')) => {}
                _ => return None,
            }
        }
        let (e, tok) = place?;
        let pi = self.p.phrases.iter().position(|ph| ph.head == tok)?;
        (!self.facility(pi)).then_some((e, pi))
    }

    /// The place of a clause that names none of its own: `dort` (the last place named before
    /// the sentence), else the dateline's.
    fn dateline_for(&self, ci: usize) -> Side {
        // `reiste nach Berlin, wo er … zusammenkam`: `wo` is the place named before it (not
        // one of several: `in Rom und Bratislava erwartet, wo sie …`).
        if let ClauseKind::Subordinate(w) = self.p.clauses[ci].kind
            && self.t.is(w, "wo")
            && let Some(i) = (0..w).rev().find(|&i| {
                self.t.toks[i]
                    .slot
                    .is_some_and(|s| s.place() && !s.attributive() && !s.genitive)
            })
        {
            // Nor a facility (`hinter der Villa Kerry, wo …`).
            let listed = self.p.phrase_of[i].is_some_and(|pi| self.group(pi).len() > 1 || self.facility(pi));
            return match self.t.toks[i].slot {
                Some(s) if !listed => vec![(s.entity, NO_PHRASE)],
                _ => Vec::new(),
            };
        }
        if let Some(d) = self.p.clauses[ci]
            .tokens()
            .find(|&i| self.word_is(i, &self.lex.there_words))
        {
            // `dort`: the last place named before it, in this sentence (`nach Paris reisen und
            // dort mit X sprechen`) or before.
            let here = (0..d).rev().find_map(|i| {
                self.t.toks[i]
                    .slot
                    .filter(|s| s.place() && !s.attributive() && !s.genitive)
                    .map(|s| s.entity)
            });
            if let Some(e) = here.or(self.there) {
                return vec![(e, NO_PHRASE)];
            }
        }
        match self.dateline() {
            Some((e, pi)) if ci > 0 && self.p.phrases[pi].clause != ci => vec![(e, pi)],
            Some(_) => Vec::new(),
            // A later sentence that places its clause in a facility only (`im Präsidentenpalast`,
            // `in einem Hotel`) is in the dateline's city.
            None => match self.dateline_place {
                Some(e) if self.in_facility(ci) => vec![(e, NO_PHRASE)],
                _ => Vec::new(),
            },
        }
    }

    /// Does clause `ci` place itself in a facility that names no place (`im Präsidentenpalast`,
    /// `in einem Hotel der Stadt`)?
    fn in_facility(&self, ci: usize) -> bool {
        let facility = |pi: usize| {
            let ph = &self.p.phrases[pi];
            ph.head_kind == Head::Noun
                && self.t.toks[ph.head].slot.is_none()
                && self.lex.is_facility_word(self.t.norm(ph.head))
        };
        self.p.clauses[ci].phrases.iter().any(|&pi| {
            self.prep_matches(pi, &self.cons.meeting_place_preps)
                // `im Hof des Kanzleramts`: a part of a facility is in it.
                && (facility(pi) || self.genitives_of(pi).any(facility))
        })
    }

    /// The phrases coordinated with `pi` (itself included).
    fn group(&self, pi: usize) -> Vec<usize> {
        let g = self.p.phrases[pi].group;
        self.p.group(g).collect()
    }

    fn side_of(&self, phrases: &[usize]) -> Side {
        let mut out: Side = Vec::new();
        for &pi in phrases {
            for e in self.referents(pi) {
                if !out.iter().any(|x| x.0 == e) {
                    out.push((e, pi));
                }
            }
        }
        out
    }

    fn free(&self, pi: usize) -> bool {
        let ph = &self.p.phrases[pi];
        ph.prep.is_none() && !ph.genitive && ph.of.is_none() && ph.appos_of.is_none() && !self.after_predicative(pi)
    }

    /// Does a predicative marker stand before the phrase, with at most two words of no phrase
    /// between (`als erste ausländische Regierungschefin`)? Not the conjunction of a verb-final
    /// clause (`Als May in Washington ankam`: May is its subject).
    fn after_predicative(&self, pi: usize) -> bool {
        let start = self.p.phrases[pi].toks.start;
        (start.saturating_sub(3)..start)
            .rev()
            .take_while(|&j| self.p.phrase_of[j].is_none())
            .any(|j| {
                self.t.has(self.lex, j, flag::PREDICATIVE)
                    && (j + 1..start).all(|k| self.t.toks[k].is_word())
                    && self.p.clauses[self.p.clause_of[j]].kind != ClauseKind::Subordinate(j)
            })
    }

    /// The cases a phrase can be in, narrowed by the gender of its head (`der Bischof` is
    /// nominative, `der Kanzlerin` is not).
    fn cases_of(&self, pi: usize) -> u16 {
        let ph = &self.p.phrases[pi];
        let title_gender = std::iter::once(ph.head)
            .chain(ph.titles.iter().copied())
            .find_map(|i| person_title(self.lex, self.t, i).and_then(|n| self.lex.nouns[n as usize].gender));
        let gender = title_gender.or_else(|| {
            self.t.toks[ph.head]
                .slot
                .filter(|s| s.kind == Kind::Person && !s.attributive())
                .and_then(|s| self.refs.gender(s.entity))
        });
        let mask = match gender {
            Some(crate::gazetteer::Gender::Male) => case::M,
            Some(crate::gazetteer::Gender::Female) => case::F,
            None => return ph.cases,
        };
        match ph.cases & mask {
            0 => ph.cases,
            m => m,
        }
    }

    fn nominative(&self, pi: usize) -> bool {
        let ph = &self.p.phrases[pi];
        match ph.head_kind {
            Head::Pronoun => self.t.toks[ph.head]
                .word
                .and_then(|w| self.lex.info(w).pron)
                .is_some_and(|(c, _)| {
                    matches!(
                        c,
                        crate::syntax::lexicon::PronCase::Nom | crate::syntax::lexicon::PronCase::NomOrAcc
                    )
                }),
            Head::Entity => {
                self.cases_of(pi) & case::NOM != 0
                    && !self.t.toks[ph.head]
                        .slot
                        .is_some_and(|s| (s.genitive && !s.reference) || s.attributive())
            }
            _ => self.cases_of(pi) & case::NOM != 0,
        }
    }

    /// The subject phrase of clause `ci` (the first of its group), computed once per clause.
    pub fn subject(&self, ci: usize) -> Option<usize> {
        if let Some(Some(s)) = self.subjects.borrow().get(ci) {
            return *s;
        }
        let s = self.subject_depth(ci, 0);
        let mut cache = self.subjects.borrow_mut();
        if cache.len() < self.p.clauses.len() {
            cache.resize(self.p.clauses.len(), None);
        }
        cache[ci] = Some(s);
        s
    }

    fn subject_depth(&self, ci: usize, depth: usize) -> Option<usize> {
        let c = &self.p.clauses[ci];
        let cands: Vec<usize> = c
            .phrases
            .iter()
            .copied()
            .filter(|&pi| {
                self.free(pi)
                    && self.nominative(pi)
                    && !matches!(self.p.phrases[pi].head_kind, Head::None)
                    && !self.t.has(self.lex, self.p.phrases[pi].head, flag::TEMPORAL)
                    && !self.t.has(self.lex, self.p.phrases[pi].head, flag::REFLEXIVE)
            })
            .collect();
        let inherited = (c.elided || c.kind == ClauseKind::Infinitive) && depth < 4;
        if inherited
            && (c.kind == ClauseKind::Infinitive
                || cands
                    .iter()
                    .all(|&pi| self.p.phrases[pi].toks.start > c.finite.unwrap_or(0)))
        {
            let parent = c.parent?;
            // `warf X vor, ... zu liefern`: the object of an object-control verb.
            if c.kind == ClauseKind::Infinitive && self.object_control(parent) {
                let subj = self.subject_depth(parent, depth + 1);
                // With no subject found, the Vorfeld of a main clause is taken for it (`Der
                // Minister empfahl seinen Landsleuten, …`).
                let pc = &self.p.clauses[parent];
                let vorfeld = |pi: usize| {
                    subj.is_none()
                        && pc.kind == ClauseKind::Main
                        && pc.finite.is_some_and(|f| self.p.phrases[pi].head < f)
                };
                let objs: Vec<usize> = self
                    .objects(parent)
                    .into_iter()
                    .filter(|&pi| Some(pi) != subj && !vorfeld(pi))
                    .collect();
                if let Some(obj) = objs.iter().copied().find(|&pi| !self.referents(pi).is_empty()) {
                    return Some(obj);
                }
                // `empfahl seinen Landsleuten, … zu verbringen`: those the object names, whom
                // no entity stands for; not the one who recommends.
                if !objs.is_empty() {
                    return None;
                }
            }
            return self.subject_depth(parent, depth + 1);
        }
        match c.kind {
            // `die von Kohl berufene Merkel`: the phrase the participle qualifies.
            ClauseKind::Participial(head) => head,
            // `X ist, begleitet von Y, nach Z gereist`: the subject of the clause it belongs to.
            ClauseKind::Adjunct if depth < 4 => self.subject_depth(c.parent?, depth + 1),
            ClauseKind::Main => {
                let f = c.finite?;
                let before = cands.iter().copied().find(|&pi| self.p.phrases[pi].head < f);
                let after = cands.iter().copied().find(|&pi| self.p.phrases[pi].head > f);
                // `Die Predigt hält der Bischof`: an object may come first; a phrase after the
                // verb that can only be nominative is the subject.
                let only_nom = |pi: usize| {
                    let c = self.cases_of(pi);
                    c != case::ANY && c & (case::ACC | case::DAT | case::GEN) == 0
                };
                let ambiguous = |pi: usize| {
                    let c = self.cases_of(pi);
                    c == case::ANY || c & case::ACC != 0
                };
                // With `sein`, the phrase after the verb is a predicate (`Obama sei ihr Gast`).
                let copula = self.t.word(f).is_some_and(|w| {
                    self.lex
                        .info(w)
                        .verbs
                        .iter()
                        .any(|v| matches!(self.lex.lemmas[v.lemma as usize].name.as_str(), "sein" | "bleiben"))
                });
                match (before, after) {
                    (Some(b), Some(a)) if !copula && ambiguous(b) && only_nom(a) && !only_nom(b) => Some(a),
                    (Some(b), _) => Some(b),
                    (None, a) => a,
                }
            }
            ClauseKind::Relative(ante) => {
                // `die Gespräche, die X führte`: a relative pronoun whose antecedent is a
                // thing, facing a named subject, is the object.
                let rel = cands
                    .iter()
                    .copied()
                    .find(|&pi| self.p.phrases[pi].head_kind == Head::Relative);
                let other = cands
                    .iter()
                    .copied()
                    .find(|&pi| self.p.phrases[pi].head_kind != Head::Relative && !self.referents(pi).is_empty());
                match (rel, other, ante) {
                    (Some(r), Some(o), Some(a))
                        if self.p.phrases[a].head_kind == Head::Noun && self.p.phrases[r].cases & case::ACC != 0 =>
                    {
                        Some(o)
                    }
                    (Some(r), _, _) => Some(r),
                    _ => cands.first().copied(),
                }
            }
            ClauseKind::Infinitive => None,
            _ => cands.first().copied(),
        }
    }

    /// The `mit` phrases of a clause right after `gemeinsam`/`zusammen`.
    fn companions(&self, ci: usize) -> Vec<usize> {
        self.p.clauses[ci]
            .phrases
            .iter()
            .copied()
            .filter(|&pi| {
                let ph = &self.p.phrases[pi];
                ph.prep.is_some()
                    && ph.prep == self.lex.id("mit")
                    && ph.toks.start > 0
                    && self.t.has(self.lex, ph.toks.start - 1, flag::COMPANION)
            })
            .collect()
    }

    /// A noun phrase right after a comma that follows a person's name is an apposition to it
    /// (`traf Patriarch Kyrill, das Oberhaupt der Kirche`), whatever its noun.
    fn explains_person(&self, pi: usize) -> bool {
        let start = self.p.phrases[pi].toks.start;
        start > 1
            && self.t.toks[start - 1].punct == Some(',')
            && pi > 0
            && self.p.phrases[pi - 1].toks.end + 1 == start
            && self.p.phrases[pi - 1].clause == self.p.phrases[pi].clause
            && self.t.toks[self.p.phrases[pi - 1].head]
                .slot
                .is_some_and(|s| s.person())
    }

    /// Are two persons of one known country (one delegation, not sides that meet)?
    fn one_delegation(&self, x: EntityIdx, y: EntityIdx) -> bool {
        let hx = self.refs.home(x, self.date);
        hx.is_some() && hx == self.refs.home(y, self.date)
    }

    /// Every pair of `people` that are not one delegation, in list order.
    fn pairs_across_sides(&self, people: &[EntityIdx]) -> Vec<(EntityIdx, EntityIdx)> {
        let mut out = Vec::new();
        for (k, &x) in people.iter().enumerate() {
            out.extend(
                people[k + 1..]
                    .iter()
                    .filter(|&&y| !self.one_delegation(x, y))
                    .map(|&y| (x, y)),
            );
        }
        out
    }

    /// The genitive phrases that belong to phrase `pi` (`des Kanzleramts` in `im Hof des
    /// Kanzleramts`).
    fn genitives_of(&self, pi: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.p.phrases.len()).filter(move |&g| self.p.phrases[g].genitive && self.p.phrases[g].of == Some(pi))
    }

    /// The country whose side a clause puts its subject on (`auf russischer Seite`, `auf Seiten
    /// Russlands`).
    fn side_named(&self, ci: usize) -> Option<EntityIdx> {
        self.p.clauses[ci].phrases.iter().find_map(|&pi| {
            let ph = &self.p.phrases[pi];
            let seite = ph.head_kind == Head::Noun && matches!(self.t.norm(ph.head), "seite" | "seiten");
            if !seite || !ph.prep.is_some_and(|w| self.prep_is(w, &["auf"])) {
                return None;
            }
            let genitive = self.genitives_of(pi).map(|g| self.p.phrases[g].head);
            ph.attrs
                .iter()
                .copied()
                .chain(ph.possessor)
                .chain(genitive)
                .find_map(|i| {
                    self.t.toks[i]
                        .slot
                        .filter(|s| s.kind == Kind::Country)
                        .map(|s| s.entity)
                })
        })
    }

    fn object_control(&self, ci: usize) -> bool {
        self.clause_verb(ci, |l| self.lex.object_control.contains(&l)).is_some()
    }

    fn subject_side(&self, ci: usize) -> Side {
        match self.subject(ci) {
            Some(pi) => {
                // An inherited subject (`um ... teilzunehmen`, `und reiste dann`) brings the
                // conjuncts of the clause it stands in.
                let sc = self.p.phrases[pi].clause;
                let mut phrases = self.group(pi);
                phrases.extend(self.late_conjuncts(sc, pi));
                phrases.extend(self.mixed_list(sc, pi));
                self.side_of(&phrases)
            }
            None => Vec::new(),
        }
    }

    /// `Die Königsfamilie, Premierminister X, tausende Gäste und Y haben gefeiert`: a list of
    /// subjects of different kinds (the coordination pass groups only phrases of a kind). The
    /// phrases right after the subject, separated by commas and ending with `und`/`sowie`, none
    /// with a preposition of its own, an attribute or an apposition.
    fn mixed_list(&self, ci: usize, subj: usize) -> Vec<usize> {
        let phrases = &self.p.clauses[ci].phrases;
        let Some(at) = phrases.iter().position(|&pi| pi == subj) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut end = self.p.phrases[subj].toks.end;
        let mut closed = false;
        for &pi in &phrases[at + 1..] {
            let ph = &self.p.phrases[pi];
            if ph.genitive || ph.of.is_some() {
                end = end.max(ph.toks.end);
                continue; // `die Außenminister der USA, ...`
            }
            let gap: Vec<&str> = (end..ph.toks.start)
                .map(|i| {
                    if self.t.toks[i].punct == Some(',') {
                        ","
                    } else {
                        self.t.norm(i)
                    }
                })
                .collect();
            let comma = gap == [","];
            let and = matches!(gap.as_slice(), ["und"] | ["sowie"] | [",", "und"] | [",", "sowie"]);
            if !(comma || and)
                || ph.appos_of.is_some()
                || ph.prep.is_some_and(|_| ph.prep_tok.is_some_and(|t| t >= ph.toks.start))
            {
                break;
            }
            out.push(pi);
            end = ph.toks.end;
            if and {
                closed = true;
                break;
            }
        }
        if closed
            && out
                .iter()
                .any(|&pi| self.p.phrases[pi].group != self.p.phrases[subj].group)
        {
            out
        } else {
            Vec::new()
        }
    }

    /// `X nach der Weihe und der Bischof Y nach seiner Konsekration werden eintreffen`: a person
    /// in the nominative after `und` past the subject's adjuncts is one more subject. The
    /// coordination pass joins only neighbours, and gives such a phrase the preposition of the
    /// adjunct before it, so a case that the preposition cannot govern decides.
    fn late_conjuncts(&self, ci: usize, subj: usize) -> Vec<usize> {
        let person_like = |pi: usize| matches!(self.p.phrases[pi].head_kind, Head::Entity | Head::Person);
        if !person_like(subj) {
            return Vec::new();
        }
        let g = self.p.phrases[subj].group;
        let phrases = &self.p.clauses[ci].phrases;
        let Some(last) = phrases.iter().rposition(|&pi| self.p.phrases[pi].group == g) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for &pi in &phrases[last + 1..] {
            let ph = &self.p.phrases[pi];
            if ph.group == g || out.contains(&pi) {
                continue;
            }
            let own_prep = ph.prep.is_some() && ph.prep_tok.is_none_or(|t| t >= ph.toks.start);
            if own_prep || ph.genitive || ph.of.is_some() || ph.appos_of.is_some() {
                continue; // an adjunct or an attribute
            }
            let start = ph.toks.start;
            let after_und = start > 0 && matches!(self.t.norm(start - 1), "und" | "sowie");
            let nominative = if ph.prep.is_some() {
                let c = self.cases_of(pi);
                c & case::NOM != 0 && c & (case::ACC | case::DAT) == 0
            } else {
                self.nominative(pi)
            };
            if !after_und || !person_like(pi) || !nominative || ph.head_kind == Head::Relative {
                break;
            }
            out.extend(self.group(pi));
        }
        out
    }

    /// Free phrases of the clause other than the subject group.
    fn objects(&self, ci: usize) -> Vec<usize> {
        let subj = self.subject(ci).map(|s| self.p.phrases[s].group);
        self.p.clauses[ci]
            .phrases
            .iter()
            .copied()
            .filter(|&pi| {
                self.free(pi)
                    && Some(self.p.phrases[pi].group) != subj
                    && self.p.phrases[pi].head_kind != Head::Relative
                    && !self.t.has(self.lex, self.p.phrases[pi].head, flag::TEMPORAL)
            })
            .collect()
    }

    /// The phrases right after a noun governed by one of these prepositions.
    fn attributes_with(&self, np: usize, preps: &[PrepSpec]) -> Vec<usize> {
        self.attributes(np)
            .into_iter()
            .filter(|&pi| self.prep_matches(pi, preps))
            .collect()
    }

    fn prep_matches(&self, pi: usize, preps: &[PrepSpec]) -> bool {
        let ph = &self.p.phrases[pi];
        let Some(w) = ph.prep else { return false };
        preps.iter().any(|s| {
            // A genitive before the noun stands for the article and leaves the case open
            // (`in Frankreichs Hauptstadt`); after a verb of motion that is the direction.
            let genitive_det = ph.cases == case::ANY && ph.possessor.is_some();
            s.word == w
                && (!s.accusative
                    || genitive_det
                    || (ph.cases & case::ACC != 0 && ph.cases & case::DAT == 0 && ph.cases != case::ANY))
                && (!s.not_dative || ph.cases & case::DAT == 0 || ph.cases & case::ACC != 0)
        })
    }

    /// A place phrase right after a phrase headed by a common noun that is no event or venue
    /// belongs to that noun (`die Lage in Syrien`), not to the clause.
    ///
    /// With `at`, where the clause's own event took place is asked: an event noun keeps its
    /// place too unless the subject is at that event (`bei der Konferenz in Paris`), not talking
    /// about it (`sprach über das Treffen in Ankara`, `kritisierte die Verhandlungen in Genf`).
    fn belongs_to_other_noun(&self, pi: usize, at: bool) -> bool {
        let start = self.p.phrases[pi].toks.start;
        let Some(prev) = self.p.phrases.iter().rposition(|q| q.toks.end <= start) else {
            return false;
        };
        let q = &self.p.phrases[prev];
        let adjacent = (q.toks.end..start).all(|j| self.t.toks[j].punct.is_some_and(|c| c != ','));
        if !adjacent || q.head_kind != Head::Noun || self.t.has(self.lex, q.head, flag::TEMPORAL) {
            return false;
        }
        if self.lex.is_state_noun(self.t.norm(q.head)) {
            return false;
        }
        if !self.lex.is_event_noun(self.t.norm(q.head)) {
            // `empfing X im Kanzleramt in Wien`: the facility the event is in stands where its
            // place says (unless it belongs to a noun itself: `die Lage im Lager in X`).
            let in_facility = q.prep.is_some_and(|w| self.cons.at_event_preps.contains(&w))
                && self.lex.is_facility_word(self.t.norm(q.head))
                && !self.belongs_to_other_noun(prev, at);
            return !in_facility;
        }
        // `am Rande des Gipfels in Paris`: a genitive event counts with the phrase it belongs to.
        let owner = match q.of {
            Some(o) if q.genitive => &self.p.phrases[o],
            _ => q,
        };
        at && !owner.prep.is_some_and(|w| self.cons.at_event_preps.contains(&w))
    }

    fn facility(&self, pi: usize) -> bool {
        let ph = &self.p.phrases[pi];
        let named = self.t.toks[ph.head].slot.is_some_and(|_| {
            // A place whose own name says it is a facility (`Kosmodrom Wostotschny`).
            self.t.toks[ph.head]
                .span
                .slice(self.text)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| {
                    // `Sargfabrik`, `Militärflughafen`: a compound ending in a facility noun too.
                    self.lex.is_facility_word(&crate::normalize::normalize_pattern(w))
                })
        });
        named
            || ph.titles.iter().any(|&i| {
                self.t.has(self.lex, i, flag::FACILITY)
                    || self.t.toks[i].head.is_some_and(|h| self.lex.info(h).is(flag::FACILITY))
            })
    }

    /// Phrases right after noun phrase `np` that belong to it (prepositional and genitive
    /// attributes, coordinated ones included).
    fn attributes(&self, np: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let ci = self.p.phrases[np].clause;
        let mut end = self.p.phrases[np].toks.end;
        for k in np + 1..self.p.phrases.len() {
            let ph = &self.p.phrases[k];
            if ph.clause != ci {
                break;
            }
            let gap_ok = (end..ph.toks.start).all(|j| {
                self.t.toks[j].punct == Some(',')
                    || self.t.has(self.lex, j, flag::CONJ)
                    || matches!(self.t.norm(j), "auch" | "anschliessend" | "dann")
            });
            let attached = ph.of == Some(np)
                || ph.prep.is_some()
                || ph.genitive
                || self.p.phrases[k].group == self.p.phrases[k - 1].group;
            if !gap_ok || !attached || ph.head_kind == Head::Relative {
                break;
            }
            out.push(k);
            end = ph.toks.end;
        }
        out
    }

    /// The persons (named or referred to) in clause `ci`'s tokens.
    fn clause_persons(&self, ci: usize) -> Vec<EntityIdx> {
        self.p.clauses[ci]
            .tokens()
            .filter_map(|i| self.t.toks[i].slot.filter(|s| s.person()).map(|s| s.entity))
            .collect()
    }

    /// The persons of a side, without their phrases.
    fn person_ids(&self, side: &Side) -> Vec<EntityIdx> {
        side.iter()
            .map(|p| p.0)
            .filter(|&e| self.gaz.entity(e).kind == Kind::Person)
            .collect()
    }

    fn persons(&self, side: Side) -> Side {
        side.into_iter()
            .filter(|(e, _)| self.gaz.entity(*e).kind == Kind::Person)
            .collect()
    }

    fn places(&self, side: Side, pis_ok: impl Fn(usize) -> bool) -> Side {
        side.into_iter()
            .filter(|(e, pi)| self.gaz.entity(*e).kind.is_location() && pis_ok(*pi))
            .collect()
    }

    /// Places with the regions and countries their own phrase names by an adjective (`im
    /// steirischen Spielfeld` is in Styria too), as the annotation counts them.
    fn with_adjectives(&self, mut side: Side) -> Side {
        let extra: Side = side
            .iter()
            .filter(|&&(e, pi)| self.t.toks[self.p.phrases[pi].head].slot.is_some_and(|s| s.entity == e))
            .flat_map(|&(_, pi)| {
                self.p.phrases[pi]
                    .attrs
                    .iter()
                    .filter_map(|&i| self.t.toks[i].slot)
                    .filter(|s| s.attributive() && s.kind.is_location())
                    .map(move |s| (s.entity, pi))
            })
            .collect();
        for x in extra {
            if !side.iter().any(|y| y.0 == x.0) {
                side.push(x);
            }
        }
        side
    }

    /// `im Wiener Filmcasino`, `in einem Berliner Hotel`: a city adjective on the head of a
    /// place phrase that is no place of its own names the city it is in (not before a facility,
    /// whose place is its own, nor a newspaper: `in der Berliner Zeitung`).
    fn venue_cities(&self, pis: &[usize]) -> Side {
        let mut out: Side = Vec::new();
        for &pi in pis {
            let ph = &self.p.phrases[pi];
            let head = ph.head;
            // A named venue counts when it is no place one visits itself (`in der Wiener
            // Sargfabrik`); a facility noun keeps its place (`am Wiener Flughafen`).
            let own_place = self.t.toks[head].slot.is_some_and(|s| s.place() && !s.attributive()) && !self.facility(pi);
            let facility_noun = self.t.toks[head].slot.is_none()
                && (self.t.has(self.lex, head, flag::FACILITY)
                    || self.t.toks[head]
                        .head
                        .is_some_and(|h| self.lex.info(h).is(flag::FACILITY)));
            if own_place || !self.t.toks[head].cap || facility_noun || self.lex.is_media_noun(self.t.norm(head)) {
                continue;
            }
            for &i in &ph.attrs {
                if let Some(s) = self.t.toks[i].slot
                    && s.attributive()
                    && s.kind == Kind::City
                    && !out.iter().any(|x| x.0 == s.entity)
                {
                    out.push((s.entity, pi));
                }
            }
        }
        out
    }

    /// The places place phrases name: their entities (no facilities), the countries and cities
    /// their adjectives add, and the city of a venue (`im Wiener Filmcasino`).
    fn places_of(&self, pis: &[usize]) -> Side {
        let mut places = self.with_adjectives(self.places(self.side_of(pis), |x| !self.facility(x)));
        for v in self.venue_cities(pis) {
            if !places.iter().any(|p| p.0 == v.0) {
                places.push(v);
            }
        }
        places
    }

    /// Phrase `pi` names where the clause's event took place: governed by one of `preps` and
    /// belonging to no other noun (`at`: see [`Self::belongs_to_other_noun`]), or near there.
    fn clause_place(&self, pi: usize, preps: &[PrepSpec], at: bool) -> bool {
        ((self.prep_matches(pi, preps) && !self.belongs_to_other_noun(pi, at)) || self.near_place(pi, preps))
            && !self.in_vorfeld_phrase(pi)
    }

    /// A main clause has one constituent before its finite verb: a place phrase there after
    /// another phrase (not one of time, not an event the place is the clause's by: `Beim Treffen
    /// in Pjöngjang erklärte X`) is part of it (`Wegen der Schüsse auf Polizisten in Dallas
    /// verkürzte X seinen Aufenthalt`: Dallas is where the shots were, not where X stayed). Only
    /// where the finite verb stands second, with more of the clause after it (a clause read as
    /// main whose verb comes last is a verb-final one: `..., bei denen ... und X im September
    /// nach Russland reiste`).
    fn in_vorfeld_phrase(&self, pi: usize) -> bool {
        let ph = &self.p.phrases[pi];
        let c = &self.p.clauses[ph.clause];
        let Some(f) = c.finite else { return false };
        if c.kind != ClauseKind::Main || ph.toks.end > f || !c.tokens().any(|i| i > f && self.t.toks[i].punct.is_none())
        {
            return false;
        }
        let Some(&first) = c.phrases.first() else { return false };
        let q = &self.p.phrases[first];
        first != pi
            && q.toks.start < ph.toks.start
            && q.group != ph.group
            && !self.t.has(self.lex, q.head, flag::TEMPORAL)
            && !self.lex.is_event_noun(self.t.norm(q.head))
            && !self.t.toks[q.head].slot.is_some_and(|s| s.place())
            && (q.toks.start..ph.toks.start).all(|j| self.t.toks[j].punct != Some(','))
    }

    /// `in der Nähe von Aleppo`, `am Stadtrand Wiens`: a place attached to a noun of nearness
    /// that is governed by one of `preps` stands for the clause's place.
    fn near_place(&self, pi: usize, preps: &[PrepSpec]) -> bool {
        let ph = &self.p.phrases[pi];
        ph.of.is_some_and(|q| {
            let near = &self.p.phrases[q];
            near.head_kind == Head::Noun
                && self.lex.is_near_noun(self.t.norm(near.head))
                && self.prep_matches(q, preps)
                && !self.belongs_to_other_noun(q, true)
        }) && self.t.toks[ph.head]
            .slot
            .is_some_and(|s| s.kind.is_location() && !s.attributive())
    }

    /// The person whose title the noun trigger `t` is in phrase `np` (`sein Gast Angela Merkel`).
    fn titled(&self, np: usize, t: usize) -> Option<EntityIdx> {
        let ph = &self.p.phrases[np];
        if ph.head_kind != Head::Entity || !ph.titles.contains(&t) {
            return None;
        }
        self.t.toks[ph.head]
            .slot
            .filter(|s| s.person() && !s.attributive())
            .map(|s| s.entity)
    }

    fn possessor(&self, np: usize, ci: usize) -> Side {
        let ph = &self.p.phrases[np];
        if let Some(pt) = ph.possessor {
            if let Some(s) = self.t.toks[pt].slot.filter(|s| !s.attributive()) {
                return vec![(s.entity, np)];
            }
            // A possessive: the clause's subject if it fits (`bei seinem Besuch sagte X`), else
            // the pronoun's antecedent.
            if let Some(refers) = self.t.word(pt).and_then(|w| self.lex.info(w).poss) {
                let subject = self.subject_side(ci);
                let several = subject.len() > 1;
                let fits = |e: EntityIdx| match refers {
                    crate::syntax::lexicon::Refers::Male => {
                        self.refs.gender(e) != Some(crate::gazetteer::Gender::Female)
                    }
                    _ => self.refs.gender(e) == Some(crate::gazetteer::Gender::Female) || several,
                };
                // Not the phrase's own person (`Sein Gastgeber X sagte`: X is not his own host).
                let s: Side = subject.into_iter().filter(|&(e, sp)| fits(e) && sp != np).collect();
                if !s.is_empty() {
                    return s;
                }
                let before: Vec<EntityIdx> = (0..ph.toks.start)
                    .filter_map(|i| {
                        self.t.toks[i]
                            .slot
                            .filter(|s| s.person() && !s.genitive)
                            .map(|s| s.entity)
                    })
                    .collect();
                if let Some(e) = before.iter().rev().copied().find(|&e| fits(e)) {
                    return vec![(e, np)];
                }
                // A person in the genitive before it (`Während Kims Reise nach Russland, seiner
                // längsten Auslandsreise, ...`).
                let genitive = (0..ph.toks.start).rev().find_map(|i| {
                    self.t.toks[i]
                        .slot
                        .filter(|s| s.person() && s.genitive && fits(s.entity))
                        .map(|s| s.entity)
                });
                if let Some(e) = genitive {
                    return vec![(e, np)];
                }
                // None in the sentence: the person the sentences before were about, never one
                // the clause names (`Unter seinen Gästen war X`: X is no guest of X).
                let named = self.clause_persons(ci);
                let owners = self.refs.possessive_antecedent(refers, &named);
                if !owners.is_empty() {
                    return owners.into_iter().map(|e| (e, np)).collect();
                }
            }
        }
        for k in self.attributes(np) {
            let g = &self.p.phrases[k];
            if (g.genitive && g.of == Some(np))
                || (g.of == Some(np) && g.prep.is_some_and(|w| self.prep_is(w, &["von"])))
            {
                return self.side_of(&self.group(k));
            }
        }
        Vec::new()
    }

    /// True when preposition id `w` is one of `words` (contractions resolved: `vom` is `von`).
    fn prep_is(&self, w: WordId, words: &[&str]) -> bool {
        words.iter().any(|x| self.lex.id(x) == Some(w))
    }

    /// A clause whose verb is a light verb (`führte Gespräche`, `stattete einen Besuch ab`).
    fn light_clause(&self, ci: usize) -> bool {
        self.clause_verb_in(ci, &self.cons.light_verbs).is_some()
    }

    /// The first verb of clause `ci` (finite, then non-finite) with a reading among `lemmas`.
    fn clause_verb_in(&self, ci: usize, lemmas: &rustc_hash::FxHashSet<LemmaId>) -> Option<usize> {
        self.clause_verb(ci, |l| lemmas.contains(&l))
    }

    /// The first verb of clause `ci` (finite, then non-finite) with a reading whose lemma passes
    /// `wanted`.
    fn clause_verb(&self, ci: usize, wanted: impl Fn(LemmaId) -> bool) -> Option<usize> {
        let c = &self.p.clauses[ci];
        // A separable verb's stem form counts only with its particle (`treffen sich` is not
        // `zusammentreffen`).
        let particle = c.particle.and_then(|p| self.t.word(p));
        c.finite.iter().chain(c.nonfinite.iter()).copied().find(|&i| {
            self.t.word(i).is_some_and(|w| {
                self.lex
                    .info(w)
                    .verbs
                    .iter()
                    .any(|v| wanted(v.lemma) && (v.particle.is_none() || v.particle == particle))
            })
        })
    }

    /// Whether a meeting noun names an event its clause subject took part in: the object of a
    /// light verb, or a phrase of taking part (`beim Gipfel`, `zu Gesprächen`, `am Treffen`).
    fn takes_part(&self, np: Option<usize>) -> bool {
        let Some(np) = np else { return false };
        let ph = &self.p.phrases[np];
        match ph.prep {
            None => self.light_clause(ph.clause) || self.light_relative(np).is_some(),
            Some(w) => self.cons.presence_preps.contains(&w),
        }
    }

    /// `die Gespräche, die X führte`: the relative clause about the noun whose verb is light.
    fn light_relative(&self, np: usize) -> Option<usize> {
        (0..self.p.clauses.len())
            .find(|&k| self.p.clauses[k].kind == ClauseKind::Relative(Some(np)) && self.light_clause(k))
    }

    /// The clause subject a noun trigger lends its arguments from.
    fn clause_subject(&self, np: usize, ci: usize) -> Side {
        let ph = &self.p.phrases[np];
        let c = &self.p.clauses[ci];
        let adjunct = ph.prep.is_some_and(|w| self.cons.adjunct_preps.contains(&w));
        let verbs: Vec<LemmaId> = c
            .finite
            .iter()
            .chain(c.nonfinite.iter())
            .flat_map(|&i| {
                self.t
                    .word(i)
                    .map(|w| self.lex.info(w).verbs.iter().map(|v| v.lemma).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
            .collect();
        let light = self.free(np) && verbs.iter().any(|l| self.cons.light_verbs.contains(l));
        let copula = self.free(np)
            && verbs
                .iter()
                .any(|&l| matches!(self.lex.lemmas[l as usize].name.as_str(), "sein" | "bleiben"));
        if let Some(k) = self.light_relative(np) {
            return self.subject_side(k);
        }
        let subj = self.subject(ci);
        if subj.is_some_and(|s| self.p.phrases[s].group == ph.group) {
            return Vec::new(); // the noun is the subject itself
        }
        // `zwangen Hadi zur Flucht`, `forderte X zur Ausreise auf`: under an object-control verb,
        // a `zu` phrase belongs to the object.
        if ph.prep.is_some_and(|w| self.prep_is(w, &["zu"])) && self.object_control(ci) {
            let subj = self.subject(ci);
            // The person object nearest before it (`eroberten Sanaa und zwangen Hadi zur Flucht`).
            if let Some(obj) = self.objects(ci).into_iter().rev().find(|&pi| {
                Some(pi) != subj
                    && self.p.phrases[pi].toks.start < ph.toks.start
                    && self
                        .referents(pi)
                        .iter()
                        .any(|&e| self.gaz.entity(e).kind == Kind::Person)
            }) {
                return self.side_of(&self.group(obj));
            }
        }
        if adjunct || light || copula {
            let s = self.subject_side(ci);
            if !s.is_empty() {
                return s;
            }
        }
        Vec::new()
    }

    fn select(
        &self,
        con: &Construction,
        is_a: bool,
        t: usize,
        np: Option<usize>,
        ci: usize,
        passive: bool,
    ) -> (Side, bool) {
        let sels = if is_a { &con.a } else { &con.b };
        // `berieten mit den Landeshauptleuten`: the other party is there but unnamed, so the
        // coordinated subjects are not each other's partners.
        let mut unnamed = false;
        // `X traf gemeinsam mit Y den Z`: Y is on X's side; the partner is whom another
        // selector names, and Y only when none does.
        let companions: Vec<usize> = if !is_a && np.is_none() && con.kind == RelationKind::Met {
            self.companions(ci).into_iter().flat_map(|pi| self.group(pi)).collect()
        } else {
            Vec::new()
        };
        let mut companions_only: Option<Side> = None;
        for (k, sel) in sels.iter().enumerate() {
            let preps = con.preps.get(&(is_a, k)).map(Vec::as_slice).unwrap_or(&[]);
            let side: Side = match sel {
                Sel::Subject => {
                    if np.is_some() {
                        Vec::new()
                    } else {
                        self.subject_side(ci)
                    }
                }
                Sel::Object => {
                    let objs = self.objects(ci);
                    let first = objs.into_iter().find(|&pi| {
                        self.p.phrases[pi].cases & (case::ACC | case::DAT) != 0 && !self.referents(pi).is_empty()
                    });
                    match first {
                        // A supply goes to a country; everything else is between persons.
                        Some(pi) if con.kind == RelationKind::Supplied => self.side_of(&self.group(pi)),
                        Some(pi) => self.persons(self.side_of(&self.group(pi))),
                        None => Vec::new(),
                    }
                }
                Sel::ObjectPlace => {
                    let objs = self.objects(ci);
                    let first = objs.into_iter().find(|&pi| !self.referents(pi).is_empty());
                    match first {
                        Some(pi) => self.places(self.side_of(&self.group(pi)), |x| !self.facility(x)),
                        None => Vec::new(),
                    }
                }
                Sel::Prep(_) | Sel::Agent => {
                    let preps = if matches!(sel, Sel::Agent) {
                        &self.cons.agent_preps[..]
                    } else {
                        preps
                    };
                    let agent_sel = matches!(sel, Sel::Agent);
                    let skip_attr_of_noun = |pi: usize| {
                        // `mit Vertretern von X`: an attribute of another noun is no argument
                        // (but `bei seinem Besuch von X begleitet` may be the passive's agent).
                        !agent_sel && self.p.phrases[pi].of.is_some_and(|o| Some(o) != np)
                    };
                    // For a noun trigger, a phrase that belongs to another noun (`die Gespräche mit
                    // ihrem Kollegen ... beim Gipfel von X und Y`) is not its argument.
                    // For a verb, a phrase right after an event noun belongs to it (`nach dem Treffen
                    // mit Obama telefonierte Merkel mit Hollande`).
                    // A conjunct goes with the first phrase of its list (`am Rande des Gipfels mit
                    // X und Y`).
                    let after_event_noun = |pi: usize| {
                        np.is_none() && !agent_sel && {
                            let start = self.p.phrases[self.p.phrases[pi].group].toks.start;
                            self.p
                                .phrases
                                .iter()
                                .rposition(|q| q.toks.end <= start)
                                .is_some_and(|q| {
                                    let q = &self.p.phrases[q];
                                    q.toks.end == start
                                        && q.head_kind == Head::Noun
                                        && self.lex.is_event_noun(self.t.norm(q.head))
                                        && !self.t.has(self.lex, q.head, flag::TEMPORAL)
                                })
                        }
                    };
                    // In the middle field of a main clause, after the finite verb, the verb's own
                    // phrase may follow the event noun of an adjunct (`traf sich am Rande des
                    // Gipfels mit X`); it belongs to the noun in the field before the verb, which
                    // is one constituent (`Nach dem Treffen mit X telefonierte Y`), or where the
                    // clause has another such phrase for the verb (`... telefonierte Y mit Z`).
                    let c = &self.p.clauses[ci];
                    let event_attr = |pi: usize| {
                        after_event_noun(pi) && {
                            let middle = c.kind == ClauseKind::Main
                                && c.finite.is_some_and(|f| f < self.p.phrases[pi].toks.start);
                            !middle
                                || c.phrases.iter().any(|&qi| {
                                    self.p.phrases[qi].group != self.p.phrases[pi].group
                                        && self.prep_matches(qi, preps)
                                        && !after_event_noun(qi)
                                })
                        }
                    };
                    let other_noun = |pi: usize| {
                        event_attr(pi)
                            || np.is_some_and(|np| {
                                let start = self.p.phrases[pi].toks.start;
                                let prev = self.p.phrases.iter().rposition(|q| q.toks.end <= start);
                                prev.is_some_and(|q| {
                                    q != np
                                        && self.p.phrases[q].head_kind == Head::Noun
                                        && self.p.phrases[q].toks.end == start
                                }) && !self.attributes(np).contains(&pi)
                            })
                    };
                    let pis: Vec<usize> = self.p.clauses[ci]
                        .phrases
                        .iter()
                        .copied()
                        .filter(|&pi| self.prep_matches(pi, preps) && !skip_attr_of_noun(pi) && !other_noun(pi))
                        .collect();
                    let side = self.side_of(&pis);
                    unnamed |= side.is_empty() && !pis.is_empty();
                    side
                }
                Sel::Reciprocal | Sel::Between => Vec::new(), // handled by the caller
                Sel::Event => match self.meeting_phrase(ci).and_then(|mp| self.meeting_of(mp).0) {
                    Some(ev) => ev.participants.iter().map(|&e| (e, NO_PHRASE)).collect(),
                    None => Vec::new(),
                },
                // Not the person the noun titles (`Putin und sein Gast Merkel`: his guest).
                Sel::Possessor => match np {
                    Some(np) => self
                        .possessor(np, ci)
                        .into_iter()
                        .filter(|&(e, _)| Some(e) != self.titled(np, t))
                        .collect(),
                    None => Vec::new(),
                },
                Sel::Host => match np {
                    Some(np)
                        if self.p.phrases[np].possessor.is_none()
                            && self.p.phrases[np].det.is_some()
                            && self.definite(np) =>
                    {
                        let named = self.clause_persons(ci);
                        self.refs
                            .host()
                            .filter(|e| !named.contains(e))
                            .map(|e| vec![(e, np)])
                            .unwrap_or_default()
                    }
                    _ => Vec::new(),
                },
                Sel::Titled => match np.and_then(|np| self.titled(np, t).map(|e| (e, np))) {
                    Some(x) => vec![x],
                    None => Vec::new(),
                },
                Sel::Attr(_) => match np {
                    Some(np) => {
                        let pis: Vec<usize> = self.attributes_with(np, preps);
                        // The place of a visit: no facility, and the city of a venue.
                        let side = if con.kind == RelationKind::Visited && !is_a {
                            self.places_of(&pis)
                        } else {
                            self.side_of(&pis)
                        };
                        unnamed |= side.is_empty() && !pis.is_empty();
                        side
                    }
                    None => Vec::new(),
                },
                Sel::Compound => match np {
                    Some(np) => {
                        let ph = &self.p.phrases[np];
                        let mut out = Vec::new();
                        for &ai in &ph.attrs {
                            let adjacent = self.t.toks[t].glued
                                && (ai + 1 == t || (ai + 2 == t && self.t.toks[ai + 1].punct == Some('-')));
                            if let Some(s) = self.t.toks[ai]
                                .slot
                                .filter(|s| s.kind.is_location() && !s.attributive())
                                && adjacent
                            {
                                out.push((s.entity, np));
                            }
                        }
                        out
                    }
                    None => Vec::new(),
                },
                Sel::ClauseSubject => match np {
                    Some(np) => self.clause_subject(np, ci),
                    None => Vec::new(),
                },
                Sel::PlaceAt(_) => {
                    // `bei der Konferenz von Paris`: `von` after an event names its place too.
                    let of_event = |pi: usize| {
                        let ph = &self.p.phrases[pi];
                        ph.prep.is_some_and(|w| self.prep_is(w, &["von"]))
                            && ph.of.is_some_and(|o| {
                                self.p.phrases[o].head_kind == Head::Noun
                                    && self.lex.is_event_noun(self.t.norm(self.p.phrases[o].head))
                            })
                    };
                    let pis: Vec<usize> = self.p.clauses[ci]
                        .phrases
                        .iter()
                        .copied()
                        .filter(|&pi| Some(pi) != np && (self.clause_place(pi, preps, true) || of_event(pi)))
                        .collect();
                    if pis.is_empty() {
                        self.dateline_for(ci)
                    } else {
                        self.places_of(&pis)
                    }
                }
                Sel::Adjective => match np {
                    Some(np) => self.p.phrases[np]
                        .attrs
                        .iter()
                        .filter_map(|&i| self.t.toks[i].slot)
                        .filter(|s| s.attributive() && s.kind.is_location())
                        .map(|s| (s.entity, np))
                        .collect(),
                    None => Vec::new(),
                },
                Sel::PlaceIn(_) => {
                    let attached: Vec<usize> = match np {
                        Some(np) => self.attributes_with(np, preps),
                        None => Vec::new(),
                    };
                    let pis: Vec<usize> = if !attached.is_empty() {
                        attached
                    } else {
                        self.p.clauses[ci]
                            .phrases
                            .iter()
                            .copied()
                            .filter(|&pi| {
                                (self.prep_matches(pi, preps) || self.near_place(pi, preps))
                                    && Some(pi) != np
                                    && !self.in_vorfeld_phrase(pi)
                                    // `mit Nachrichten aus China`: an origin after a noun is the
                                    // noun's.
                                    && !(self.p.phrases[pi].prep.is_some_and(|w| self.prep_is(w, &["aus"]))
                                        && self.belongs_to_other_noun(pi, false))
                            })
                            .collect()
                    };
                    // `Wien – X ist am Montag eingetroffen`: a place of being (`in`), not of going.
                    let located = preps.iter().any(|p| !p.accusative && self.prep_is(p.word, &["in"]));
                    if pis.is_empty() && located {
                        self.dateline_for(ci)
                    } else {
                        self.places_of(&pis)
                    }
                }
            };
            let _ = passive;
            if matches!(sel, Sel::Reciprocal | Sel::Between) {
                if matches!(sel, Sel::Between) {
                    let anchor = np.unwrap_or(usize::MAX);
                    let pis: Vec<usize> = self.p.clauses[ci]
                        .phrases
                        .iter()
                        .copied()
                        .filter(|&pi| {
                            self.p.phrases[pi].prep.is_some_and(|w| self.prep_is(w, &["zwischen"]))
                                && (np.is_none() || pi > anchor)
                        })
                        .collect();
                    let side = self.side_of(&pis);
                    if side.len() >= 2 {
                        return (side, true);
                    }
                }
                if matches!(sel, Sel::Reciprocal) {
                    return match companions_only {
                        Some(side) => (side, false),
                        None => (Vec::new(), !unnamed),
                    };
                }
                continue;
            }
            let (with_x, side): (Side, Side) = side.into_iter().partition(|(_, pi)| companions.contains(pi));
            if !side.is_empty() {
                return (side, false);
            }
            if !with_x.is_empty() {
                companions_only.get_or_insert(with_x);
            }
        }
        (companions_only.unwrap_or_default(), false)
    }

    fn cond(&self, c: &CondC, ci: usize) -> bool {
        match c {
            CondC::Words(ws) => self.word_in_clause(ci, ws),
            CondC::Reflexive => self.clause_has(ci, flag::REFLEXIVE),
            CondC::ObjectNoun => {
                let c = &self.p.clauses[ci];
                let f = c.finite.unwrap_or(0);
                // `hatten sich mit X getroffen und den Plan ausgearbeitet`: with participles in a
                // list, an object after the first belongs to a later one.
                let before = if c.nonfinite.len() > 1 {
                    c.nonfinite.iter().copied().min().unwrap_or(usize::MAX)
                } else {
                    usize::MAX
                };
                self.objects(ci).into_iter().any(|pi| {
                    let ph = &self.p.phrases[pi];
                    ph.head_kind == Head::Noun
                        && ph.head > f
                        && ph.head < before
                        && ph.cases & case::ACC != 0
                        && !self.t.has(self.lex, ph.head, flag::TEMPORAL)
                        && person_title(self.lex, self.t, ph.head).is_none()
                        && ph.refs.is_empty()
                        && !self.explains_person(pi)
                })
            }
            CondC::HasPrep(ps) => self.p.clauses[ci].phrases.iter().any(|&pi| self.prep_matches(pi, ps)),
            CondC::PersonObject => self.objects(ci).into_iter().any(|pi| {
                self.referents(pi)
                    .iter()
                    .any(|&e| self.gaz.entity(e).kind == Kind::Person)
            }),
            CondC::Goods => !self.goods(ci).is_empty(),
            CondC::AtMeeting(nouns) | CondC::ToMeeting(nouns) => {
                let meeting =
                    |pi: usize| crate::syntax::lexicon::noun_ends_in(self.t.norm(self.p.phrases[pi].head), nouns);
                let to = matches!(c, CondC::ToMeeting(_));
                let c = &self.p.clauses[ci];
                // Travelling to a meeting joins one told of before (`zu dem Sondertreffen`), not
                // one named anew (`zum EU-Afrika-Gipfel nach Valletta`).
                let told = |pi: usize| {
                    self.event.is_some()
                        && self.definite(pi)
                        && self.p.phrases[pi].attrs.is_empty()
                        && self.own_places(pi).is_empty()
                };
                c.phrases.iter().any(|&pi| {
                    let ph = &self.p.phrases[pi];
                    ph.prep.is_some_and(|w| !to || self.prep_is(w, &["zu"]))
                        && match ph.head_kind {
                            Head::Noun => meeting(pi) && (!to || told(pi)),
                            Head::Relative => matches!(c.kind, ClauseKind::Relative(Some(a)) if meeting(a)),
                            _ => false,
                        }
                })
            }
            CondC::Copula => {
                let c = &self.p.clauses[ci];
                let sein = self.lex.lemma("sein");
                let is_sein = |i: usize| {
                    self.t.word(i).is_some_and(|w| {
                        self.lex
                            .info(w)
                            .verbs
                            .iter()
                            .any(|v| Some(v.lemma) == sein || self.lex.lemmas[v.lemma as usize].name == "weilen")
                    })
                };
                c.finite.is_some_and(is_sein) && c.nonfinite.iter().all(|&i| is_sein(i))
            }
        }
    }

    fn goods(&self, ci: usize) -> Vec<String> {
        let mut g: Vec<String> = Vec::new();
        for i in self.p.clauses[ci].tokens() {
            let w = self.t.norm(i);
            let compound_goods =
                self.t.toks[i].cap && (w.ends_with("lieferung") || w.ends_with("lieferungen")) && w.len() > 10;
            let goods_word = self.t.has(self.lex, i, flag::GOODS)
                || (self.t.toks[i].cap
                    && self
                        .lex
                        .goods
                        .iter()
                        .any(|x| x.len() >= 5 && w.len() > x.len() && w.ends_with(x.as_str())));
            if goods_word && !g.iter().any(|x| x == w) {
                g.push(w.to_string());
            } else if compound_goods {
                let head = w
                    .trim_end_matches("en")
                    .trim_end_matches("lieferung")
                    .trim_end_matches('s');
                if !head.is_empty() && !g.iter().any(|x| x == head) {
                    g.push(head.to_string());
                }
            }
        }
        g
    }

    /// `nicht`, `nie` negate the clause; `kein` negates only its own phrase (`gab es nach dem
    /// Gespräch mit X keine Einigung` does not deny the talk; `kein Treffen mit X` does).
    fn negated(&self, ci: usize, np: Option<usize>) -> bool {
        let toks = self.clause_tokens(ci);
        let own_phrase_only = |i: usize| {
            self.p.clauses[ci]
                .phrases
                .iter()
                .find(|&&pi| self.p.phrases[pi].det == Some(i))
                .is_some_and(|&pi| Some(pi) != np)
        };
        toks.iter().enumerate().any(|(k, &i)| {
            self.t.has(self.lex, i, flag::NEG)
                && !own_phrase_only(i)
                && !self.lex.negation_exceptions.iter().any(|ex| {
                    ex.iter()
                        .enumerate()
                        .all(|(d, w)| toks.get(k + d).is_some_and(|&j| self.t.word(j) == Some(*w)))
                })
        })
    }

    fn called_off(&self, ci: usize) -> bool {
        if self.clause_has(ci, flag::CANCEL) {
            return true;
        }
        let c = &self.p.clauses[ci];
        // `hätte empfangen werden sollen`: it did not happen.
        if c.finite
            .is_some_and(|f| self.word_is(f, &self.lex.counterfactual_finite))
            && c.tokens().any(|i| self.word_is(i, &self.lex.counterfactual_modals))
        {
            return true;
        }
        let particle = c.particle.and_then(|i| self.t.word(i));
        c.tokens().any(|i| {
            self.t
                .word(i)
                .and_then(|w| self.lex.cancel_needs_particle.get(&w))
                .is_some_and(|p| Some(*p) == particle)
        })
    }

    fn hedged(&self, ci: usize, t: usize, np: Option<usize>) -> bool {
        let c = &self.p.clauses[ci];
        // `Während Kims Besuch kam es zu Spekulationen`: an event in an adjunct is taken for
        // granted; the clause's hedge is about something else.
        if np.is_some_and(|np| {
            self.p.phrases[np]
                .prep
                .is_some_and(|w| self.cons.adjunct_preps.contains(&w))
        }) {
            return false;
        }
        if self.clause_has(ci, flag::HEDGE) {
            return true;
        }
        // `ob sie sich treffen werden`, `falls er kommt`: open, not stated.
        if let ClauseKind::Subordinate(opener) = c.kind
            && self.t.has(self.lex, opener, flag::OPEN)
        {
            return true;
        }
        if matches!(c.kind, ClauseKind::Subordinate(_) | ClauseKind::Infinitive)
            && let Some(parent) = c.parent
            && self.clause_has(parent, flag::HEDGE)
        {
            return true;
        }
        self.hearsay(ci, t)
    }

    /// `soll ... geliefert haben`: a hearsay modal with a perfect infinitive reports a past
    /// act on someone's word; it is hedged, and not a plan.
    fn hearsay(&self, ci: usize, t: usize) -> bool {
        let c = &self.p.clauses[ci];
        let modal = c.finite.is_some_and(|f| self.t.has(self.lex, f, flag::HEARSAY_MODAL));
        let participle = self.is_form(t, VForm::Participle);
        let perfect_inf = c
            .nonfinite
            .iter()
            .any(|&i| self.t.is(i, "haben") || self.t.is(i, "sein"));
        modal && participle && perfect_inf
    }

    fn is_form(&self, t: usize, form: VForm) -> bool {
        self.t
            .word(t)
            .is_some_and(|w| self.lex.info(w).verbs.iter().any(|v| v.form == form))
    }

    fn planned(&self, con: &Construction, ci: usize, t: usize, np: Option<usize>) -> bool {
        if con.planned == PlannedDef::Always {
            return true;
        }
        let c = &self.p.clauses[ci];
        let plan_word = |ci: usize| self.clause_has(ci, flag::PLAN);
        // `hatten X und Y den Durchbruch in einem Gespräch vorbereitet`: a meeting the clause
        // happens in is no object of its plan word.
        let circumstance = np.is_some_and(|np| {
            self.p.phrases[np]
                .prep
                .is_some_and(|w| self.prep_is(w, &["in", "im", "bei", "beim", "während"]))
        });
        if plan_word(ci) && !circumstance {
            return true;
        }
        // An infinitive clause under a plan (`kündigte an, X zu besuchen`).
        if matches!(c.kind, ClauseKind::Infinitive | ClauseKind::Subordinate(_))
            && let Some(parent) = c.parent
            && plan_word(parent)
        {
            return true;
        }
        // A clause sharing the finite verb of the one before (`will X besuchen und Y treffen`).
        let finite = c.finite.or_else(|| {
            c.shares_finite
                .then(|| c.parent.and_then(|pc| self.p.clauses[pc].finite))
                .flatten()
        });
        let finite_is = |f: u32| finite.is_some_and(|i| self.t.has(self.lex, i, f));
        let infinitive =
            c.nonfinite.contains(&t) && (self.is_form(t, VForm::Infinitive) || self.is_form(t, VForm::ZuInfinitive));
        // Future (`wird ... treffen`), modals (`will ... besuchen`).
        if infinitive && (finite_is(flag::MODAL) || (finite_is(flag::WERDEN) && !self.is_form(t, VForm::Participle))) {
            return true;
        }
        // `wird vertreten sein`, `wird getroffen werden`: `werden` with an infinitive after the
        // participle is a future too.
        if c.nonfinite.contains(&t)
            && finite_is(flag::WERDEN)
            && c.nonfinite
                .iter()
                .any(|&i| i != t && self.is_form(i, VForm::Infinitive))
        {
            return true;
        }
        // A zu-infinitive clause states an intention, an invitation or a plan (`nahm die
        // Einladung an, Nordkorea zu besuchen`).
        // (Not under a verb of saying: `warf X vor, ... zu liefern` reports an act.)
        if c.kind == ClauseKind::Infinitive && !c.parent.is_some_and(|pc| self.clause_has(pc, flag::SAYING)) {
            return true;
        }
        if let Some(np) = np {
            let ph = &self.p.phrases[np];
            if ph.toks.clone().any(|i| self.t.has(self.lex, i, flag::PLAN_ADJ)) {
                return true;
            }
            // An adjunct before or after (`nach seinem Besuch`, `auf Einladung von X`) is an event
            // of its own, not the clause's plan; an event at the same time (`an den Gesprächen
            // werden X teilnehmen`, `beim Gipfel wird X sprechen`) shares the clause's tense.
            let at_event = self.meeting(np) || self.lex.is_event_noun(self.t.norm(ph.head));
            let adjunct = ph.prep.is_some_and(|w| {
                self.cons.adjunct_preps.contains(&w) && !(at_event && self.cons.at_event_preps.contains(&w))
            });
            if !adjunct {
                // `wird ... zu Besuch`, `will einen Besuch abstatten`.
                if finite_is(flag::WERDEN) && c.nonfinite.is_empty() {
                    return true;
                }
                // `will/wird ... Gespräche führen`.
                if infinitive
                    || ((finite_is(flag::MODAL) || finite_is(flag::WERDEN))
                        && c.nonfinite.iter().any(|&i| self.is_form(i, VForm::Infinitive)))
                {
                    return true;
                }
            }
        }
        // Present tense with a day ahead (`trifft am Montag`): a schedule. A plural present has
        // the form of a subjunctive I too (`besuchen am Dienstag`), which is no past either.
        let present = c.finite.is_some_and(|f| {
            self.t.word(f).is_some_and(|w| {
                let verbs = &self.lex.info(w).verbs;
                verbs.iter().any(|v| v.form == VForm::Present) && !verbs.iter().any(|v| v.form == VForm::Past)
            })
        });
        let perfect = c.finite.is_some_and(|f| self.t.has(self.lex, f, flag::PERFECT_AUX)) && !c.nonfinite.is_empty();
        if present && !perfect {
            let ahead = c.tokens().any(|i| {
                self.word_is(i, &self.lex.ahead_words)
                    && !(self.t.toks[i].cap && self.word_is(i, &self.lex.ahead_lowercase_only))
                    // `weilt seit Montag in Berlin`: a day behind.
                    && !(i > 0 && self.word_is(i - 1, &self.lex.behind_words))
            });
            if ahead {
                return true;
            }
        }
        false
    }

    fn passive(&self, ci: usize, t: usize) -> bool {
        let c = &self.p.clauses[ci];
        if matches!(c.kind, ClauseKind::Participial(_) | ClauseKind::Adjunct) {
            // `die von X empfangene Y` is passive; `der angereiste Y` (a verb with a `sein`
            // perfect) is not.
            let word = if c.kind == ClauseKind::Adjunct {
                self.t.word(t)
            } else {
                crate::syntax::parse::participle_adjective(self.lex, self.t, t)
            };
            let motion = word.is_some_and(|w| {
                self.lex
                    .info(w)
                    .verbs
                    .iter()
                    .any(|v| v.form == VForm::Participle && self.cons.sein_perfect.contains(&v.lemma))
            });
            return !motion;
        }
        if !self.is_form(t, VForm::Participle) || c.finite == Some(t) {
            return false;
        }
        let werden = c.tokens().any(|i| self.t.has(self.lex, i, flag::WERDEN));
        if !werden {
            // `war bei den Neos zu einem Hearing geladen`: `sein` with a participle and a host.
            let sein = c.finite.is_some_and(|f| {
                self.t.word(f).is_some_and(|w| {
                    self.lex
                        .info(w)
                        .verbs
                        .iter()
                        .any(|v| self.lex.lemmas[v.lemma as usize].name == "sein")
                })
            });
            let host = c.phrases.iter().any(|&pi| {
                self.p.phrases[pi]
                    .prep
                    .is_some_and(|w| self.prep_is(w, &["von", "durch", "bei"]))
                    && !self.referents(pi).is_empty()
            });
            // `ist auf Einladung von X eingetroffen` is the perfect of a verb of motion.
            let perfect = self.t.word(t).is_some_and(|w| {
                self.lex
                    .info(w)
                    .verbs
                    .iter()
                    .any(|v| v.form == VForm::Participle && self.cons.sein_perfect.contains(&v.lemma))
            });
            return sein && host && !perfect && c.nonfinite.contains(&t);
        }
        let worden = c.tokens().any(|i| self.t.is(i, "worden"));
        let past = c.finite.is_some_and(|f| matches!(self.t.norm(f), "wurde" | "wurden"));
        let agent = c.phrases.iter().any(|&pi| {
            self.p.phrases[pi]
                .prep
                .is_some_and(|w| self.prep_is(w, &["von", "durch"]))
        });
        let inf_too = self.is_form(t, VForm::Infinitive);
        if worden || past || agent || !inf_too {
            return true;
        }
        // `wird X empfangen` (future active) has an object besides the subject.
        let persons = c
            .phrases
            .iter()
            .filter(|&&pi| self.free(pi) && !self.referents(pi).is_empty())
            .count();
        persons < 2
    }

    fn date_of(&self, ci: usize, t: usize, planned: bool) -> Option<PartialDate> {
        let toks = self.clause_tokens(ci);
        dates::find(self.t, &toks, t, self.date, planned)
    }

    /// The country of a place: the gazetteer's, else the country an adjective of its phrase in
    /// this sentence names (`im russischen Fernen Osten` with a gazetteer that gives the region
    /// no country).
    fn place_country(&self, place: EntityIdx) -> Option<EntityIdx> {
        self.gaz
            .entity(place)
            .home_country(self.gaz, place, self.date)
            .or_else(|| {
                self.p
                    .phrases
                    .iter()
                    .filter(|ph| {
                        self.t.toks[ph.head]
                            .slot
                            .is_some_and(|s| s.entity == place && !s.attributive())
                    })
                    .flat_map(|ph| ph.attrs.iter())
                    .find_map(|&i| {
                        self.t.toks[i]
                            .slot
                            .filter(|s| s.attributive() && self.gaz.entity(s.entity).kind == Kind::Country)
                            .map(|s| s.entity)
                    })
            })
    }

    fn alive_at(&self, e: EntityIdx, d: Option<PartialDate>) -> bool {
        match (self.gaz.entity(e).died, d.or(self.ref_date)) {
            (Some(died), Some(at)) => !at.is_after(&died),
            _ => true,
        }
    }

    fn kinds_ok(&self, kind: RelationKind, s: EntityIdx, o: EntityIdx) -> bool {
        let (ks, ko) = (self.gaz.entity(s).kind, self.gaz.entity(o).kind);
        match kind {
            RelationKind::Visited => ks == Kind::Person && ko.is_location(),
            RelationKind::Supplied => {
                matches!(ks, Kind::Country | Kind::City | Kind::Organization)
                    && matches!(ko, Kind::Country | Kind::City | Kind::Organization)
            }
            RelationKind::Invited => matches!(ks, Kind::Person | Kind::Organization) && ko == Kind::Person,
            _ => ks == Kind::Person && ko == Kind::Person,
        }
    }

    /// Who of the participants of a meeting at `places` came from elsewhere: (person, place,
    /// confidence).
    ///
    /// `summit`: the participants are one group of three or more who met each other (`in Minsk
    /// verhandelten X, Y, Z und W`), not hosts and guests, so where none of them is known to be at
    /// home, they all came to it; or they met at a summit of states (`am Rande des
    /// G20-Gipfels`), which everyone not known to be at home there came to.
    ///
    /// `received`: (host, guest) pairs of a reception there: a guest whose home is not known came
    /// to the host, and the host is not a visitor because the guest is at home.
    fn visitors(
        &self,
        participants: &[EntityIdx],
        places: &[EntityIdx],
        who: Who,
        summit: Summit,
        received: &[(EntityIdx, EntityIdx)],
        confidence: f32,
    ) -> Vec<(EntityIdx, EntityIdx, f32)> {
        let mut out = Vec::new();
        for &place in places {
            let pc = self.place_country(place);
            // A participant at home there is the host: the one whose home is not known came
            // to them (`traf in Ankara den türkischen Regierungschef`).
            let host_here = pc.is_some() && participants.iter().any(|&p| self.refs.home(p, self.date) == pc);
            let group = summit == Summit::Group && pc.is_some() && !host_here;
            let summit = summit == Summit::Named;
            for &person in participants {
                let home = self.refs.home(person, self.date);
                let hosts = received.iter().any(|r| r.0 == person);
                let guest = received.iter().any(|r| r.1 == person);
                // Inside the home country, a city other than its capital and the city one is
                // from is away from home too (`Putin in Wladiwostok`); a region of it is not
                // (`im russischen Fernen Osten` may be where one governs).
                let domestic_trip = home.is_some_and(|h| {
                    home == pc
                        && self.gaz.entity(place).kind == Kind::City
                        && self.gaz.entity(h).capital != Some(place)
                        && self.refs.home_city(person).is_none_or(|c| c != place)
                });
                let (away, conf) = match who {
                    Who::FromElsewhere => match (home, pc) {
                        (Some(h), Some(c)) => (h != c || domestic_trip, 0.8),
                        // Who was told to have gone to the country is not at home there
                        // (`X reiste in die Ukraine. In Kiew wurde er empfangen.`).
                        (None, Some(c)) => (
                            (host_here && !hosts)
                                || group
                                || summit
                                || guest
                                || self
                                    .refs
                                    .travels_of(person)
                                    .any(|p| p == c || self.place_country(p) == Some(c)),
                            0.6,
                        ),
                        (None, None) => (summit || guest, 0.6),
                        _ => (false, 0.0),
                    },
                    Who::Travellers => (home.is_none() || pc.is_none() || home != pc || domestic_trip, 0.8),
                };
                if away && self.gaz.entity(person).kind == Kind::Person {
                    out.push((person, place, confidence * conf));
                }
            }
        }
        out
    }

    /// Is the phrase headed by a meeting noun (`data/de/constructions.ron`'s `meeting_nouns`),
    /// in any form or as the head of a compound (`Sommervollversammlung`)?
    fn meeting(&self, pi: usize) -> bool {
        self.head_noun(pi).is_some_and(|l| self.cons.meeting_nouns.contains(l))
    }

    /// The lemma of a phrase's capitalised head noun, or of the head of its compound.
    fn head_noun(&self, pi: usize) -> Option<&str> {
        let ph = &self.p.phrases[pi];
        let i = ph.head;
        if ph.head_kind != Head::Noun || !self.t.toks[i].cap {
            return None;
        }
        self.t
            .word(i)
            .and_then(|w| self.lex.info(w).noun)
            .or_else(|| self.t.toks[i].head.and_then(|h| self.lex.info(h).noun))
            .map(|n| self.lex.nouns[n as usize].lemma.as_str())
    }

    /// Does clause `ci` take place at a summit of states or organisations: a phrase of a summit
    /// noun (`summit_nouns`) naming an organisation or state (`am Rande des G20-Gipfels`,
    /// `beim EU-Gipfel`), governed by a preposition of presence or a genitive of one?
    fn at_summit(&self, ci: usize) -> bool {
        self.p.clauses[ci].phrases.iter().any(|&pi| {
            let ph = &self.p.phrases[pi];
            let summit = self.head_noun(pi).is_some_and(|l| self.cons.summit_nouns.contains(l));
            let at = ph.genitive || ph.prep.is_some_and(|w| self.cons.at_event_preps.contains(&w));
            summit
                && at
                && ph.toks.clone().any(|k| {
                    self.t.toks[k]
                        .slot
                        .is_some_and(|s| matches!(self.gaz.entity(s.entity).kind, Kind::Organization | Kind::Country))
                })
        })
    }

    /// The meeting noun a clause of taking part is about: `an den Gesprächen`, or the noun a
    /// relative clause qualifies (`Dieser Vorgipfel, bei dem X vertreten sein wird`).
    fn meeting_phrase(&self, ci: usize) -> Option<usize> {
        let c = &self.p.clauses[ci];
        // Taking part is `an`, `bei`, `auf`, `zu` a meeting, not `um` or `über` it.
        let at = |pi: usize| {
            self.p.phrases[pi]
                .prep
                .is_some_and(|w| self.cons.at_event_preps.contains(&w))
        };
        c.phrases.iter().find_map(|&pi| {
            let ph = &self.p.phrases[pi];
            match ph.head_kind {
                Head::Noun if at(pi) && self.meeting(pi) => Some(pi),
                Head::Relative if at(pi) => match c.kind {
                    ClauseKind::Relative(Some(a)) if self.meeting(a) => Some(a),
                    _ => None,
                },
                _ => None,
            }
        })
    }

    /// Does a phrase refer back with a definite article, a demonstrative or a contraction (`den
    /// Gesprächen`, `dieser Vorgipfel`, `beim Gipfel`)?
    fn definite(&self, pi: usize) -> bool {
        let ph = &self.p.phrases[pi];
        match ph.det {
            Some(d) => {
                let w = self.t.norm(d);
                matches!(w, "der" | "die" | "das" | "den" | "dem" | "des")
                    || ["dies", "jen", "selb"].iter().any(|x| w.starts_with(x))
            }
            None => ph
                .prep_tok
                .is_some_and(|p| matches!(self.t.norm(p), "am" | "beim" | "im" | "zum" | "zur" | "vom")),
        }
    }

    /// The places (no facilities) of clause `ci` where a meeting in it is held.
    fn clause_meeting_places(&self, ci: usize) -> Vec<EntityIdx> {
        self.places(self.side_of(&self.meeting_place_phrases(ci)), |x| !self.facility(x))
            .into_iter()
            .map(|p| p.0)
            .collect()
    }

    /// The place phrases of clause `ci` where a meeting in it is held: `in`/`auf` phrases that
    /// belong to no other noun (or to an event the clause takes part in).
    fn meeting_place_phrases(&self, ci: usize) -> Vec<usize> {
        self.p.clauses[ci]
            .phrases
            .iter()
            .copied()
            .filter(|&pi| {
                self.prep_matches(pi, &self.cons.meeting_place_preps) && !self.belongs_to_other_noun(pi, true)
            })
            .collect()
    }

    /// The places a meeting noun names of its own (`own`, from [`Self::own_places`]: `der
    /// Gipfel in Brüssel`), or, for the subject of its clause or an event taken part in, the
    /// clause's places.
    fn meeting_places(&self, mp: usize, own: Vec<usize>) -> Vec<EntityIdx> {
        let ph = &self.p.phrases[mp];
        let about = self
            .subject(ph.clause)
            .is_some_and(|s| self.p.phrases[s].group == ph.group);
        let located = about || self.takes_part(Some(mp));
        let pis: Vec<usize> = if !own.is_empty() {
            own
        } else if located {
            self.meeting_place_phrases(ph.clause)
        } else {
            Vec::new()
        };
        // `Wien – Die Außenminister treffen sich zu Gesprächen`: a meeting the clause takes part
        // in and names no place for is where the dateline (or `dort`) says.
        let places = if pis.is_empty() && located {
            self.dateline_for(ph.clause)
        } else {
            self.places_of(&pis)
        };
        places.into_iter().map(|p| p.0).collect()
    }

    /// The place phrases right after a meeting noun (`der Gipfel in Brüssel`), up to the first
    /// attribute that is no place (`das Gespräch über Kirche und Gesellschaft in Österreich`
    /// names a topic, not where it is held).
    fn own_places(&self, mp: usize) -> Vec<usize> {
        self.attributes(mp)
            .into_iter()
            .take_while(|&pi| {
                self.prep_matches(pi, &self.cons.meeting_place_preps)
                    && self.t.toks[self.p.phrases[pi].head].slot.is_some_and(|s| s.place())
            })
            .collect()
    }

    /// The meeting a meeting noun names: the one told of before when it refers back (a definite
    /// noun with no place of its own), with the places it names.
    fn meeting_of(&self, mp: usize) -> (Option<&Event>, Vec<EntityIdx>) {
        let own = self.own_places(mp);
        let back = self.definite(mp) && own.is_empty();
        let mut places = self.meeting_places(mp, own);
        let ev = if back { self.event } else { None };
        if let Some(e) = ev {
            for &p in &e.places {
                if !places.contains(&p) {
                    places.push(p);
                }
            }
        }
        (ev, places)
    }

    /// Is the phrase headed by a noun of receiving (`Empfang`: the noun of a construction of
    /// kind `received`)?
    fn reception(&self, pi: usize) -> bool {
        self.head_noun(pi).is_some_and(|l| {
            self.cons
                .by_noun
                .get(l)
                .is_some_and(|ks| ks.iter().any(|&k| self.cons.list[k].kind == RelationKind::Received))
        })
    }

    /// The persons who invite in clause `ci`: the subject of an active verb of an invitation
    /// construction (`hatte X die Staatschefs zu einem Empfang geladen`).
    fn inviters_of(&self, ci: usize) -> Vec<EntityIdx> {
        let inviting = |l: LemmaId| {
            self.cons.by_lemma.get(&l).is_some_and(|ks| {
                ks.iter()
                    .any(|&k| self.cons.list[k].verb && self.cons.list[k].kind == RelationKind::Invited)
            })
        };
        match self.clause_verb(ci, inviting) {
            Some(v) if !self.passive(ci, v) => self.person_ids(&self.subject_side(ci)),
            _ => Vec::new(),
        }
    }

    /// What the sentence says of meetings, in order: a meeting noun opens a meeting of its own
    /// or refers back to the one told of before; a clause of a meeting verb naming no
    /// participant goes on telling of it, with the host who invited (`tagen auf Einladung von
    /// X`).
    pub fn event_notes(&self, found: &SentenceRelations) -> Vec<Note> {
        let mut notes: Vec<(usize, Note)> = Vec::new();
        let persons_of_clause = |ci: usize| -> Vec<EntityIdx> {
            let mut v = Vec::new();
            for r in &found.relations {
                if r.kind != RelationKind::Met {
                    continue;
                }
                let in_clause = self
                    .t
                    .toks
                    .iter()
                    .enumerate()
                    .any(|(i, tok)| tok.span == r.trigger && self.p.clause_of[i] == ci);
                if in_clause {
                    for e in [r.subject, r.object] {
                        if self.gaz.entity(e).kind == Kind::Person && !v.contains(&e) {
                            v.push(e);
                        }
                    }
                }
            }
            v
        };
        let mut meeting_clauses = Vec::new();
        for (pi, ph) in self.p.phrases.iter().enumerate() {
            if !self.meeting(pi) {
                continue;
            }
            meeting_clauses.push(ph.clause);
            let own = self.own_places(pi);
            let new = !(self.definite(pi) && own.is_empty());
            let mut participants = persons_of_clause(ph.clause);
            // `hatte X die Staatschefs zu einem Empfang geladen`: who invited to it takes part.
            let inviters = self.inviters_of(ph.clause);
            for &e in &inviters {
                if !participants.contains(&e) {
                    participants.push(e);
                }
            }
            for (jp, js) in &found.joined {
                if *jp == pi {
                    for &e in js {
                        if !participants.contains(&e) {
                            participants.push(e);
                        }
                    }
                }
            }
            notes.push((
                ph.head,
                Note {
                    new,
                    places: self.meeting_places(pi, own),
                    participants,
                    inviters,
                },
            ));
        }
        for (ci, c) in self.p.clauses.iter().enumerate() {
            if meeting_clauses.contains(&ci) {
                continue;
            }
            let Some(verb) = self.clause_verb_in(ci, &self.cons.meeting_verbs) else {
                continue;
            };
            // A clause that names its participants tells of a meeting of its own.
            let named = self.subject(ci).is_some_and(|s| {
                self.referents(s)
                    .iter()
                    .any(|&e| matches!(self.gaz.entity(e).kind, Kind::Person | Kind::Organization))
            }) || c.phrases.iter().any(|&pi| {
                self.p.phrases[pi].prep.is_some_and(|w| self.prep_is(w, &["mit"])) && !self.referents(pi).is_empty()
            });
            let places = self.clause_meeting_places(ci);
            if named {
                // ... which a later definite meeting noun can refer back to (`X kam in Wien mit Y
                // zusammen. Am Sonntag stieß Z zu den Gesprächen hinzu.`).
                let participants = persons_of_clause(ci);
                if !participants.is_empty() {
                    notes.push((
                        verb,
                        Note {
                            new: true,
                            places,
                            participants,
                            inviters: Vec::new(),
                        },
                    ));
                }
                continue;
            }
            // `auf Einladung von X`: who invited hosts it (a singular noun of an invitation
            // construction).
            let invitation = |i: usize| {
                self.t.word(i).and_then(|w| self.lex.info(w).noun).is_some_and(|n| {
                    let noun = &self.lex.nouns[n as usize];
                    !noun.plural
                        && self
                            .cons
                            .by_noun
                            .get(&noun.lemma)
                            .is_some_and(|ks| ks.iter().any(|&k| self.cons.list[k].kind == RelationKind::Invited))
                })
            };
            let mut hosts = Vec::new();
            for &pi in &c.phrases {
                let ph = &self.p.phrases[pi];
                if ph.head_kind == Head::Noun && invitation(ph.head) {
                    for (e, _) in self.persons(self.side_of(&self.attributes_with(pi, &self.cons.agent_preps))) {
                        hosts.push(e);
                    }
                }
            }
            notes.push((
                verb,
                Note {
                    new: false,
                    places,
                    inviters: hosts.clone(),
                    participants: hosts,
                },
            ));
        }
        notes.sort_by_key(|n| n.0);
        notes.into_iter().map(|n| n.1).collect()
    }

    /// Applies every construction to every trigger of the sentence.
    pub fn run(&self, out: &mut SentenceRelations, sentence: Span, attribution: &Option<Attribution>) {
        let t = self.t;
        for i in 0..t.len() {
            if !t.toks[i].is_word() {
                continue;
            }
            let ci = self.p.clause_of[i];
            let c = &self.p.clauses[ci];
            // Verb triggers: readings of this form whose lemma (with the clause's particle) has
            // constructions.
            let mut fired: Vec<(usize, Option<usize>, Option<LemmaId>)> = Vec::new(); // (construction, noun phrase, verb lemma)
            // The participle of a participial attribute (`berufene`) is read as its participle.
            let attributive = matches!(c.kind, ClauseKind::Participial(_)) && c.nonfinite.contains(&i);
            let word = if attributive {
                crate::syntax::parse::participle_adjective(self.lex, t, i)
            } else {
                // `willkommen geheißen`: a particle written apart before a non-finite form (looked
                // up only for a verb form, not after every preposition that is also a particle).
                let apart = (i > 0
                    && c.finite != Some(i)
                    && t.has(self.lex, i - 1, flag::PARTICLE)
                    && t.word(i)
                        .is_some_and(|w| self.lex.info(w).verbs.iter().any(|v| !v.form.finite())))
                .then(|| self.lex.id(&format!("{}{}", t.norm(i - 1), t.norm(i))))
                .flatten();
                apart.or(t.word(i))
            };
            if self.p.phrase_of[i].is_none()
                && let Some(w) = word
            {
                let info = self.lex.info(w);
                let particle = if c.finite == Some(i) {
                    c.particle.and_then(|p| t.word(p))
                } else {
                    None
                };
                // The readings with the clause's particle if there are any, else those without
                // one (walked over twice rather than collected: most words have no construction).
                let with_particle = particle.is_some() && info.verbs.iter().any(|v| v.particle == particle);
                let lemmas = info
                    .verbs
                    .iter()
                    .filter(|v| {
                        if with_particle {
                            v.particle == particle
                        } else {
                            v.particle.is_none() && (!attributive || v.form == VForm::Participle)
                        }
                    })
                    .map(|v| v.lemma);
                let mut seen = Vec::new();
                for l in lemmas {
                    if let Some(cs) = self.cons.by_lemma.get(&l) {
                        for &k in cs {
                            if !seen.contains(&k) {
                                seen.push(k);
                                fired.push((k, None, Some(l)));
                            }
                        }
                    }
                }
            }
            // Noun triggers.
            if t.toks[i].cap
                && let Some(np) = self.p.phrase_of[i]
                    .filter(|&np| self.p.phrases[np].head == i || self.p.phrases[np].titles.contains(&i))
            {
                let noun = t
                    .word(i)
                    .and_then(|w| self.lex.info(w).noun)
                    .or_else(|| t.toks[i].head.and_then(|h| self.lex.info(h).noun));
                if let Some(noun) = noun {
                    let lemma = &self.lex.nouns[noun as usize].lemma;
                    if let Some(cs) = self.cons.by_noun.get(lemma) {
                        for &k in cs {
                            if !self.cons.list[k].exclude.contains(t.norm(i))
                                && !excluded_compound(&self.cons.list[k], t.norm(i), lemma)
                            {
                                fired.push((k, Some(np), None));
                            }
                        }
                    }
                }
            }
            // A lemma of coming home (`zurückreisen`) beside a travel lemma of the same form
            // (`reiste ... zurück`): no visit to where the travel goes ...
            let returning = fired
                .iter()
                .any(|f| f.2.is_some_and(|l| self.cons.return_verbs.contains(&l)));
            for (k, np, lemma) in fired {
                // ... but the place coming home from was visited (`kehrte aus China zurück`).
                let from = lemma.is_some_and(|l| self.cons.return_verbs.contains(&l));
                if returning && !from && self.cons.list[k].kind == RelationKind::Visited && np.is_none() {
                    continue;
                }
                self.apply(&self.cons.list[k], i, np, ci, out, sentence, attribution);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn apply(
        &self,
        con: &Construction,
        t: usize,
        np: Option<usize>,
        ci: usize,
        out: &mut SentenceRelations,
        sentence: Span,
        attribution: &Option<Attribution>,
    ) {
        let passive = np.is_none() && self.passive(ci, t);
        match (con.voice, passive) {
            (Voice::Active, true) | (Voice::Passive, false) => return,
            _ => {}
        }
        if con.requires.iter().any(|c| !self.cond(c, ci)) || con.unless.iter().any(|c| self.cond(c, ci)) {
            return;
        }
        if !con.presupposed && (self.negated(ci, np) || self.called_off(ci)) {
            return;
        }
        let (mut a, a_pairs) = self.select(con, true, t, np, ci, passive);
        if a.is_empty() {
            return;
        }
        if matches!(con.kind, RelationKind::Received | RelationKind::Invited) && np.is_none() && !passive {
            for &(e, _) in &a {
                if self.gaz.entity(e).kind == Kind::Person && !out.hosts.contains(&e) {
                    out.hosts.push(e);
                }
            }
        }
        // `X reiste gemeinsam mit Y nach Z`: Y went too, and they were together.
        let mut together: Vec<(EntityIdx, EntityIdx)> = Vec::new();
        if con.kind == RelationKind::Visited && np.is_none() {
            let travellers: Vec<EntityIdx> = self.person_ids(&a);
            // `X und Y besuchten Z`: who went together met (not who are only placed there, `X
            // und Y warben in Z um …`, or may have come apart, `X und Y trafen in Z ein`).
            // `Für die EU sind X und Y gereist`: the representatives of one side are one delegation.
            let delegation = self.p.clauses[ci].phrases.iter().any(|&pi| {
                let ph = &self.p.phrases[pi];
                ph.prep.is_some()
                    && ph.prep == self.lex.id("für")
                    && self.t.toks[ph.head]
                        .slot
                        .is_some_and(|s| matches!(s.kind, Kind::Country | Kind::Organization))
            });
            for (k, &x) in travellers.iter().enumerate().filter(|_| con.together && !delegation) {
                together.extend(travellers[k + 1..].iter().map(|&y| (x, y)));
            }
            for pi in self.companions(ci) {
                for p in self.persons(self.side_of(&self.group(pi))) {
                    if !a.iter().any(|q| q.0 == p.0) {
                        a.push(p);
                        together.extend(travellers.iter().map(|&x| (x, p.0)));
                    }
                }
            }
        }
        let (b, b_reciprocal) = if a_pairs {
            (Vec::new(), true)
        } else {
            self.select(con, false, t, np, ci, passive)
        };
        let mut pairs: Vec<(EntityIdx, EntityIdx)> = Vec::new();
        // `X traf gemeinsam mit Y den Z`: Y met Z too, and was with X.
        if con.kind == RelationKind::Met && np.is_none() && !a_pairs && !b.is_empty() {
            for pi in self.companions(ci) {
                for (c, _) in self.persons(self.side_of(&self.group(pi))) {
                    if a.iter().chain(&b).any(|q| q.0 == c) {
                        continue;
                    }
                    pairs.extend(a.iter().map(|&(x, _)| (x, c)));
                    pairs.extend(b.iter().map(|&(y, _)| (c, y)));
                }
            }
        }
        if a_pairs || (b_reciprocal && b.is_empty()) {
            for x in 0..a.len() {
                for y in x + 1..a.len() {
                    pairs.push((a[x].0, a[y].0));
                }
            }
        } else {
            for &(x, _) in &a {
                for &(y, _) in &b {
                    if x != y && !a.iter().any(|p| p.0 == y) {
                        pairs.push((x, y));
                    }
                }
            }
            // `X und Y trafen sich mit Z`: who met someone together were together, unless one
            // delegation (of one known country).
            if con.kind == RelationKind::Met && !b.is_empty() {
                for (x, y) in self.pairs_across_sides(&self.person_ids(&a)) {
                    if !pairs.contains(&(x, y)) && !pairs.contains(&(y, x)) {
                        pairs.push((x, y));
                    }
                }
            }
        }
        // `Unter den Gästen waren X und Y`: who were guests together met, unless one delegation
        // (of one known country).
        let co_guests: Vec<(EntityIdx, EntityIdx)> = if con.together && con.kind != RelationKind::Visited {
            self.pairs_across_sides(&self.person_ids(&b))
        } else {
            Vec::new()
        };
        // `An den Gesprächen werden X und Y teilnehmen`: who joins a meeting an earlier sentence
        // told of met who took part before, and was at its place.
        let mut event_visits: Vec<(EntityIdx, EntityIdx, f32)> = Vec::new();
        let mut event_invites: Vec<(EntityIdx, EntityIdx)> = Vec::new();
        // Who took part before: not placed again by this clause (their visits were told of then).
        let mut earlier: Vec<EntityIdx> = Vec::new();
        // A construction of presence that names no meeting (`saßen mit am Tisch`, `war anwesend`)
        // joins the one told of last; one that names a meeting (`An den Gesprächen nahm X teil`)
        // joins the meeting it names.
        let meeting = self.meeting_phrase(ci);
        let presence = con.joins_event && meeting.is_none() && !con.names_meeting() && self.event.is_some();
        if con.joins_event && (meeting.is_some() || presence) {
            let joiners: Vec<EntityIdx> = self.person_ids(&a);
            let (event, places) = match meeting {
                Some(mp) => self.meeting_of(mp),
                None => {
                    let mut places = self.clause_meeting_places(ci);
                    for &p in self.event.iter().flat_map(|e| e.places.iter()) {
                        if !places.contains(&p) {
                            places.push(p);
                        }
                    }
                    (self.event, places)
                }
            };
            // `hatte X die Staatschefs zu einem Empfang geladen, zu dem auch Y kam`: the meeting
            // named in this sentence has who invited to it as host.
            let inviters_here = match (meeting, event) {
                (Some(mp), None) => self.inviters_of(self.p.phrases[mp].clause),
                _ => Vec::new(),
            };
            for &x in &joiners {
                for &i in inviters_here.iter().filter(|&&i| i != x) {
                    if !pairs.contains(&(x, i)) && !pairs.contains(&(i, x)) {
                        pairs.push((x, i));
                    }
                    event_invites.push((i, x));
                }
            }
            if let Some(ev) = event {
                // `Auf Einladung von X sind die Regierungschefs zusammengekommen. Zu dem Treffen
                // reiste auch Y an`: who joins a meeting was invited by who invited to it.
                for &x in &joiners {
                    event_invites.extend(ev.inviters.iter().filter(|&&i| i != x).map(|&i| (i, x)));
                }
                earlier.extend(ev.participants.iter().copied().filter(|e| !joiners.contains(e)));
                let side = self.side_named(ci);
                for &x in &joiners {
                    for &y in &ev.participants {
                        // `auf russischer Seite saß X mit am Tisch`: not with those of that side.
                        let same_side = side.is_some() && self.refs.home(y, self.date) == side;
                        if !joiners.contains(&y) && !same_side && !pairs.contains(&(x, y)) && !pairs.contains(&(y, x)) {
                            pairs.push((x, y));
                        }
                    }
                }
            }
            let who = con.visits.as_ref().map_or(Who::FromElsewhere, |v| v.1);
            let mut all = joiners.clone();
            all.extend(event.into_iter().flat_map(|e| e.participants.iter().copied()));
            event_visits = self
                .visitors(&all, &places, who, Summit::No, &[], con.confidence)
                .into_iter()
                .filter(|v| joiners.contains(&v.0))
                .collect();
            if let Some(mp) = meeting {
                out.joined.push((mp, joiners));
            }
        }
        // `Merkel führte in Ankara Gespräche`, `beim Gipfel in Paris sagte Merkel`: a meeting
        // with no named partner still places the one who took part in it.
        let lone: Vec<EntityIdx> = if pairs.is_empty() && con.visits.is_some() && self.takes_part(np) {
            self.person_ids(&a)
        } else {
            Vec::new()
        };
        if pairs.is_empty() && lone.is_empty() && event_visits.is_empty() && event_invites.is_empty() {
            return;
        }
        let hedged = self.hedged(ci, t, np);
        let planned = !con.presupposed && self.planned(con, ci, t, np) && !self.hearsay(ci, t);
        let own_date = self.date_of(ci, t, planned);
        let date = own_date.or(if planned { None } else { self.date.copied() });
        // The dead rule: a plan, or an event the text dates, is judged against that date; an
        // undated past event may be from any time of a life (`Freud verbrachte seine Sommer in
        // Altaussee`), so only a date of its own can rule it out.
        let judged = planned || own_date.is_some();
        let goods = if con.kind == RelationKind::Supplied {
            self.goods(ci)
        } else {
            Vec::new()
        };
        let trigger = self.t.toks[t].span;
        let mut made: Vec<Relation> = Vec::new();
        let push = |kind: RelationKind, s: EntityIdx, o: EntityIdx, conf: f32, made: &mut Vec<Relation>| {
            if s == o || !self.kinds_ok(kind, s, o) || (judged && (!self.alive_at(s, date) || !self.alive_at(o, date)))
            {
                return;
            }
            // A reception to come is a meeting to come (the meeting the construction also
            // gives): who will host is part of the plan, not yet a reception (ANNOTATION.md
            // plans only meetings and visits).
            if planned && kind == RelationKind::Received {
                return;
            }
            let home_city = self.refs.home_city(s);
            if kind == RelationKind::Visited
                && let Some(home) = self.refs.home(s, self.date)
                && (home == o
                    || (home_city.is_none() && self.gaz.entity(home).capital == Some(o))
                    || home_city == Some(o))
            {
                return; // at home: the home country, its capital, or the city they are from
            }
            if kind == RelationKind::Visited
                && con.kind == RelationKind::Visited
                && con.visitor == Visitor::Known
                && self.refs.home(s, self.date).is_none()
            {
                return;
            }
            if kind == RelationKind::Visited && con.kind == RelationKind::Visited && con.visitor == Visitor::Abroad {
                let abroad =
                    matches!((self.refs.home(s, self.date), self.place_country(o)), (Some(h), Some(c)) if h != c);
                if !abroad {
                    return;
                }
            }
            let (s, o) = if kind.is_symmetric() && o < s { (o, s) } else { (s, o) };
            if made.iter().any(|r| r.subject == s && r.object == o && r.kind == kind) {
                return;
            }
            made.push(Relation {
                subject: s,
                kind,
                object: o,
                planned,
                date,
                attribution: attribution.clone(),
                goods: goods.clone(),
                trigger,
                sentence,
                confidence: conf,
                construction: con.name.clone(),
                hedged,
            });
        };
        for &(s, o) in &pairs {
            push(con.kind, s, o, con.confidence, &mut made);
            for &k in &con.also {
                push(k, s, o, con.confidence * 0.9, &mut made);
            }
        }
        // Who went somewhere together met (when the going is stated: a visit was made), unless
        // they are one delegation: of one country (`die Innenministerin gemeinsam mit dem
        // Verteidigungsminister`).
        for &(x, y) in &co_guests {
            push(RelationKind::Met, x, y, con.confidence * 0.9, &mut made);
        }
        for &(x, y) in &together {
            if !self.one_delegation(x, y)
                && made
                    .iter()
                    .any(|r| r.kind == RelationKind::Visited && (r.subject == x || r.subject == y))
            {
                push(RelationKind::Met, x, y, con.confidence * 0.9, &mut made);
            }
        }
        // The invitation was made before the meeting, whatever its tense; who invited to a
        // reception received who came to it.
        let reception = meeting.is_some_and(|mp| self.reception(mp));
        for &(i, x) in &event_invites {
            let n = made.len();
            push(RelationKind::Invited, i, x, con.confidence * 0.8, &mut made);
            if let Some(r) = made.get_mut(n) {
                r.planned = false;
            }
            if reception {
                push(RelationKind::Received, i, x, con.confidence * 0.8, &mut made);
            }
        }
        // Visits: the places of a visit relation also give their country when the sentence
        // names it; participants of a located relation from elsewhere visited the place.
        let mut visits: Vec<(EntityIdx, EntityIdx, f32)> = event_visits;
        for r in &made {
            if r.kind == RelationKind::Visited {
                visits.push((r.subject, r.object, r.confidence));
            }
        }
        if let Some((preps, who)) = &con.visits {
            // A noun's place is in its own attributes (`das Treffen in Wladiwostok`); a verb's is
            // any place phrase of its clause that belongs to no other noun.
            let clause_places = || -> Vec<usize> {
                self.p.clauses[ci]
                    .phrases
                    .iter()
                    .copied()
                    .filter(|&pi| self.clause_place(pi, preps, false))
                    .collect()
            };
            let pis: Vec<usize> = match np {
                Some(np) => {
                    let att: Vec<usize> = self.attributes_with(np, preps);
                    // `Das Treffen fand in Pjöngjang statt`: the noun is what the clause is about;
                    // `führte in Ankara Gespräche`: the object of a light verb is its event.
                    let about = self
                        .subject(ci)
                        .is_some_and(|s| self.p.phrases[s].group == self.p.phrases[np].group);
                    let light_object = self.p.phrases[np].prep.is_none() && !about && self.light_clause(ci);
                    if att.is_empty() && (about || light_object) {
                        clause_places()
                    } else {
                        att
                    }
                }
                None => clause_places(),
            };
            // A place phrase that names no place (`in der Krim-Krise`) or only a facility (`im
            // Kanzleramt`) leaves the dateline's city.
            let mut places = self.places(self.side_of(&pis), |x| !self.facility(x));
            if places.is_empty() {
                places = self.dateline_for(ci);
            }
            let mut participants: Vec<EntityIdx> = lone.clone();
            for &(s, o) in &pairs {
                for e in [s, o] {
                    if self.gaz.entity(e).kind == Kind::Person && !participants.contains(&e) && !earlier.contains(&e) {
                        participants.push(e);
                    }
                }
            }
            let places: Vec<EntityIdx> = places.iter().map(|p| p.0).collect();
            // One group of persons met among itself: someone is on both sides of its pairs.
            let summit = if self.at_summit(ci) {
                Summit::Named
            } else if participants.len() >= 3 && pairs.iter().any(|&(s, _)| pairs.iter().any(|&(_, o)| o == s)) {
                Summit::Group
            } else {
                Summit::No
            };
            let received: &[(EntityIdx, EntityIdx)] = match con.kind {
                RelationKind::Received => &pairs,
                _ => &[],
            };
            visits.extend(self.visitors(&participants, &places, *who, summit, received, con.confidence));
        }
        for (person, place, conf) in visits {
            push(RelationKind::Visited, person, place, conf, &mut made);
            // `in der französischen Hauptstadt Paris`, `nach Wien, Österreich`: the country too
            // when the clause names it, or an adjective of the place's own phrase does (an
            // adjective on a person, `den türkischen Regierungschef`, says nothing of the place).
            let place_phrase = self.p.phrases.iter().find(|ph| {
                ph.clause == ci
                    && self.t.toks[ph.head]
                        .slot
                        .is_some_and(|s| s.entity == place && !s.attributive())
            });
            // A country that is a person's possessor (`Albaniens Regierungschef X`) says nothing
            // of the place either.
            let of_person = |i: usize| {
                self.p.phrases.iter().any(|ph| {
                    ph.possessor == Some(i)
                        && (ph.head_kind == Head::Person || self.t.toks[ph.head].slot.is_some_and(|s| s.person()))
                })
            };
            let named_country = |c: EntityIdx| {
                self.p.clauses[ci]
                    .tokens()
                    .any(|i| self.t.toks[i].slot.is_some_and(|s| s.entity == c && !s.attributive()) && !of_person(i))
                    || place_phrase.is_some_and(|ph| {
                        ph.attrs
                            .iter()
                            .chain(ph.possessor.iter())
                            .any(|&i| self.t.toks[i].slot.is_some_and(|s| s.entity == c))
                    })
            };
            if self.gaz.entity(place).kind != Kind::Country
                && let Some(c) = self.place_country(place)
                && named_country(c)
                && self.refs.home(person, self.date) != Some(c)
            {
                push(RelationKind::Visited, person, c, conf * 0.9, &mut made);
            }
        }
        for r in made {
            if r.hedged {
                out.hedged.push(r);
            } else if !out
                .relations
                .iter()
                .any(|x| x.subject == r.subject && x.object == r.object && x.kind == r.kind && x.trigger == r.trigger)
            {
                out.relations.push(r);
            }
        }
    }
}

/// A compound whose tail is a trigger noun but whose whole is excluded (`Rückreisen`).
fn excluded_compound(con: &Construction, norm: &str, lemma: &str) -> bool {
    con.exclude
        .iter()
        .any(|x| norm.starts_with(x.as_str()) && x.ends_with(lemma) && norm.len() <= x.len() + 4)
}
