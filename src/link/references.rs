//! References and entity facts from the text, resolved once per document before relations run.
//!
//! - **Facts** a document states about a person: titles (`Bundeskanzlerin Angela Merkel`,
//!   `Kardinal X`), nationality (`der französische Präsident X`, `US-Präsident X`, `Indiens
//!   Premier X`, `die Finnin X`, an apposition `X, der russische Außenminister,`) and gender (a
//!   feminine title, `Frau X`, `die 45-Jährige X`). They are learned from every person mention —
//!   in sentences that are not parsed, from a small window before the mention.
//! - **History**: the persons of each sentence in order, subjects first, for pronouns and
//!   descriptions.
//! - **Resolution** of the phrases of a parsed sentence: `er`/`sie`/`ihn`/`ihm` (gender from the
//!   gazetteer or the facts), relative pronouns (their antecedent), descriptions (`die
//!   Kanzlerin` → the person the document introduced with a title of that family, else the
//!   gazetteer's holder of the role at the document date; `der Politiker` → the latest person of
//!   its gender; `der 63-Jährige` likewise; `die beiden` → the last pair).

use crate::date::PartialDate;
use crate::gazetteer::{EntityIdx, Gazetteer, Gender, Kind};
use crate::link::{Mention, Via};
use crate::span::Span;
use crate::syntax::lexicon::{Lexicon, PronCase, Refers, TitleRefers, case, flag};
use crate::syntax::parse::{ClauseKind, Head, Parse, person_title};
use crate::syntax::token::{Slot, Tokens};
use std::collections::BTreeMap;

/// What the text says about a person.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Gender, and the words that say so.
    pub gender: Option<(Gender, Span)>,
    /// Country of the person, and the words that say so.
    pub nationality: Option<(EntityIdx, Span)>,
    /// Organisation the person belongs to (`EU-Kommissar`, `ÖVP-Chef`).
    pub affiliation: Option<(EntityIdx, Span)>,
    /// Titles as the document states them: (title family, the title's words).
    pub titles: Vec<(String, Span)>,
    /// The city the person is from (`der Karlsruher Experte X`, `Grazer Bischof X`), and the words.
    pub home_city: Option<(EntityIdx, Span)>,
}

#[derive(Debug, Clone, Copy)]
struct Seen {
    sentence: usize,
    entity: EntityIdx,
    subject: bool,
    genitive: bool,
}

/// Per-document reference state.
#[derive(Debug)]
pub struct DocRefs<'g> {
    gaz: &'g Gazetteer,
    text: &'g str,
    lex: &'static Lexicon,
    date: Option<&'g PartialDate>,
    /// Entities the document names with a full alias (role holders must be among them
    /// without a document date).
    named: std::collections::BTreeSet<EntityIdx>,
    /// Facts per person.
    pub facts: BTreeMap<EntityIdx, Facts>,
    /// The document date, else the latest year the text names (for the dead).
    ref_date: Option<PartialDate>,
    seen: Vec<Seen>,
    sentence: usize,
    /// The turns of an interview transcript (`Standard: …? Jagland: …`), in text order.
    turns: Vec<Turn>,
    /// The one person an interview's questions address (`Sie`).
    interviewee: Option<EntityIdx>,
    /// Who speaks in the current sentence: the person of its turn, or `Some(None)` for the
    /// interviewer.
    speaker: Option<Option<EntityIdx>>,
    /// The latest person received or visiting (`note_guest`).
    guest: Option<EntityIdx>,
    /// The latest person who received or invited someone (`note_host`).
    host: Option<EntityIdx>,
    /// Places persons were told to have gone to (`note_travel`), in text order.
    travels: Vec<(EntityIdx, EntityIdx)>,
}

/// A turn of a transcript: a label (`Jagland:`, `Standard:`) at the start of a sentence.
#[derive(Debug, Clone, Copy)]
struct Turn {
    /// Where the label starts.
    start: usize,
    /// The person the label names; `None` for another label (the interviewer, the paper).
    person: Option<EntityIdx>,
}

/// Who says a first person in direct speech: the person named as the subject of a verb of
/// saying in another clause of the sentence (`"Ich habe X getroffen", sagte Y`).
fn quoted_speaker(lex: &Lexicon, t: &Tokens, p: &Parse, pron: usize) -> Option<EntityIdx> {
    let own = p.clause_of[pron];
    let ci = (0..t.len())
        .filter(|&i| t.has(lex, i, flag::SAYING) && p.clause_of[i] != own)
        .map(|i| p.clause_of[i])
        .next()?;
    p.clauses[ci]
        .phrases
        .iter()
        .map(|&k| &p.phrases[k])
        .filter(|ph| ph.prep.is_none() && !ph.genitive && ph.head_kind == Head::Entity)
        .find_map(|ph| t.toks[ph.head].slot.filter(|s| s.person() && !s.reference))
        .map(|s| s.entity)
}

/// Labels longer than this are no speaker labels.
const MAX_LABEL: usize = 40;

/// The speaker labels of a text: `Name:` at the start of a sentence (after `.?!`, a closing
/// quote or a line break), one to four capitalised words, followed by a space. A label that is
/// a person mention names that person. Returns the turns and the labels of the non-person
/// turns (folded to lower case), which the caller counts.
fn speaker_labels(gaz: &Gazetteer, text: &str, mentions: &[Mention]) -> (Vec<Turn>, Vec<String>) {
    let mut turns = Vec::new();
    let mut others = Vec::new();
    // Colons found a vector of bytes at a time (str::match_indices cost 800 instructions a
    // colon); the space after one is checked by hand.
    for c in memchr::memchr_iter(b':', text.as_bytes()) {
        if text.as_bytes().get(c + 1) != Some(&b' ') {
            continue;
        }
        let mut from = c.saturating_sub(MAX_LABEL);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..c];
        let Some(b) = before.rfind(['.', '?', '!', '\n', '"', '“', '”', '»', '«']) else {
            if from != 0 {
                continue;
            }
            // The label opens the text.
            push_label(gaz, text, mentions, 0, c, &mut turns, &mut others);
            continue;
        };
        let ch = before[b..].chars().next().unwrap_or(' ');
        let start = from + b + ch.len_utf8();
        // A quote is a boundary only after the end of a sentence.
        if matches!(ch, '"' | '“' | '”' | '»' | '«') && !text[..from + b].trim_end().ends_with(['.', '?', '!']) {
            continue;
        }
        push_label(gaz, text, mentions, start, c, &mut turns, &mut others);
    }
    (turns, others)
}

fn push_label(
    gaz: &Gazetteer,
    text: &str,
    mentions: &[Mention],
    start: usize,
    colon: usize,
    turns: &mut Vec<Turn>,
    others: &mut Vec<String>,
) {
    let raw = &text[start..colon];
    let label = raw.trim_start();
    let start = start + (raw.len() - label.len());
    let words = label.split(' ').count();
    if label.is_empty()
        || words > 4
        || !label.starts_with(char::is_uppercase)
        || !label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\''))
    {
        return;
    }
    let at = mentions.partition_point(|m| m.span.start < start);
    let person = mentions[at..]
        .iter()
        .take_while(|m| m.span.start < colon)
        .find(|m| m.span.end == colon && !m.via.is_attributive() && gaz.entity(m.entity).kind == Kind::Person)
        .map(|m| m.entity);
    if person.is_none() {
        others.push(label.to_lowercase());
    }
    turns.push(Turn { start, person });
}

impl<'g> DocRefs<'g> {
    /// A new document.
    pub fn new(
        gaz: &'g Gazetteer,
        text: &'g str,
        date: Option<&'g PartialDate>,
        ref_date: Option<PartialDate>,
        mentions: &[Mention],
    ) -> Self {
        let (turns, mut others) = speaker_labels(gaz, text, mentions);
        // An interview: one label other than a person asks at least twice (`Standard:`), and
        // exactly one person answers at least twice.
        others.sort_unstable();
        let asks = others.windows(2).any(|w| w[0] == w[1]);
        let mut answers: BTreeMap<EntityIdx, usize> = BTreeMap::new();
        for t in &turns {
            if let Some(e) = t.person {
                *answers.entry(e).or_default() += 1;
            }
        }
        let mut twice = answers.iter().filter(|&(_, &n)| n >= 2).map(|(&e, _)| e);
        let interviewee = match (twice.next(), twice.next()) {
            (Some(e), None) if asks => Some(e),
            _ => None,
        };
        DocRefs {
            gaz,
            text,
            lex: Lexicon::get(),
            date,
            named: mentions
                .iter()
                .filter(|m| !m.via.is_attributive())
                .map(|m| m.entity)
                .collect(),
            facts: BTreeMap::new(),
            ref_date,
            seen: Vec::new(),
            sentence: 0,
            turns,
            interviewee,
            speaker: None,
            guest: None,
            host: None,
            travels: Vec::new(),
        }
    }

    /// Notes that `e` received or invited someone: whose guests `die Gäste` are.
    pub fn note_host(&mut self, e: EntityIdx) {
        self.host = Some(e);
    }

    /// The host noted last.
    pub fn host(&self) -> Option<EntityIdx> {
        self.host
    }

    /// Notes that `person` went to `place` (a visit the document states as done).
    pub fn note_travel(&mut self, person: EntityIdx, place: EntityIdx) {
        // Bounded: a document repeating one visit cannot grow the list past its distinct pairs.
        if !self.travels.contains(&(person, place)) && self.travels.len() < MAX_TRAVELS {
            self.travels.push((person, place));
        }
    }

    /// The places `person` was told to have gone to so far.
    pub fn travels_of(&self, person: EntityIdx) -> impl Iterator<Item = EntityIdx> + '_ {
        self.travels.iter().filter(move |t| t.0 == person).map(|t| t.1)
    }

    /// Notes a person the document has just told was received or visiting somewhere: whom a
    /// later `der Gast` means (a visitor only when no guest was noted before, unless `replace`).
    pub fn note_guest(&mut self, e: EntityIdx, replace: bool) {
        if replace || self.guest.is_none() {
            self.guest = Some(e);
        }
    }

    /// Starts sentence number `si`, which begins at byte `start`.
    pub fn begin_sentence(&mut self, si: usize, start: usize) {
        self.sentence = si;
        // A label within the sentence's first bytes (after a quote or space) opens it.
        let at = self.turns.partition_point(|t| t.start < start + 3);
        let last = at.checked_sub(1).map(|i| self.turns[i]);
        self.speaker = match last {
            // In an interview a turn runs until the next label; elsewhere a person's label
            // holds for its own sentence only.
            Some(t) if self.interviewee.is_some() => Some(t.person),
            Some(t) if t.start >= start && t.person.is_some() => Some(t.person),
            _ => None,
        };
    }

    /// Who `ich`/`mir`/`mich` is: the person whose turn the sentence is in.
    fn speaking(&self) -> Option<EntityIdx> {
        self.speaker.flatten()
    }

    /// Who the polite `Sie` is: the interviewee, in a question of the interviewer.
    fn addressed(&self) -> Option<EntityIdx> {
        match self.speaker {
            Some(None) => self.interviewee,
            _ => None,
        }
    }

    /// The gender of a person: the gazetteer's, else what the text says.
    pub fn gender(&self, e: EntityIdx) -> Option<Gender> {
        self.gaz
            .entity(e)
            .gender
            .or_else(|| self.facts.get(&e).and_then(|f| f.gender.map(|g| g.0)))
    }

    /// The home country of an entity: the gazetteer's (roles, `country`, itself), else the
    /// nationality the text states.
    pub fn home(&self, e: EntityIdx, date: Option<&PartialDate>) -> Option<EntityIdx> {
        self.gaz
            .entity(e)
            .home_country(self.gaz, e, date)
            .or_else(|| self.facts.get(&e).and_then(|f| f.nationality.map(|n| n.0)))
            .or_else(|| {
                // `OeNB-Gouverneur X`: the country of the organisation the text puts them in.
                let (org, _) = self.facts.get(&e)?.affiliation?;
                self.gaz.entity(org).home_country(self.gaz, org, date)
            })
            .or_else(|| {
                // `der Karlsruher Experte X`: the country of their city.
                let city = self.home_city(e)?;
                self.gaz.entity(city).home_country(self.gaz, city, date)
            })
    }

    /// The city the text says a person is from, where the gazetteer gives no home country (a
    /// `Grazer Bischof` in Vienna is away from home; in Graz he is not).
    pub fn home_city(&self, e: EntityIdx) -> Option<EntityIdx> {
        self.facts.get(&e)?.home_city.map(|c| c.0)
    }

    /// Notes the persons of a sentence that is not parsed, in text order (the first one that is
    /// not a genitive counts as its subject).
    pub fn note_mentions(&mut self, mentions: &[Mention]) {
        let mut subject_done = false;
        for m in mentions {
            if self.gaz.entity(m.entity).kind != Kind::Person || m.via.is_attributive() {
                continue;
            }
            let subject = !subject_done && !m.genitive;
            subject_done |= subject;
            self.seen.push(Seen {
                sentence: self.sentence,
                entity: m.entity,
                subject,
                genitive: m.genitive,
            });
        }
    }

    /// Notes the persons of a parsed sentence: subjects of its clauses first, then the others.
    pub fn note_parse(&mut self, t: &Tokens, p: &Parse, subjects: &[usize]) {
        let mut order: Vec<(bool, usize)> = Vec::new();
        for (pi, ph) in p.phrases.iter().enumerate() {
            if ph.head_kind == Head::None {
                continue;
            }
            if t.toks[ph.head].slot.is_none_or(|s| !s.person()) {
                continue;
            }
            // Every conjunct of a coordinated subject is a subject (`X und Y reisten`).
            let subject = subjects.iter().any(|&k| k == pi || p.phrases[k].group == ph.group);
            order.push((!subject, pi));
        }
        order.sort_by_key(|&(not_subject, pi)| (not_subject, p.phrases[pi].toks.start));
        for (not_subject, pi) in order {
            let ph = &p.phrases[pi];
            if let Some(s) = t.toks[ph.head].slot {
                self.seen.push(Seen {
                    sentence: self.sentence,
                    entity: s.entity,
                    subject: !not_subject,
                    genitive: ph.genitive || s.genitive,
                });
            }
        }
    }

    fn fits(&self, e: EntityIdx, refers: Refers) -> bool {
        if self.gaz.entity(e).kind != Kind::Person {
            return false;
        }
        // The dead are rarely the `er` of current news.
        if let (Some(died), Some(at)) = (self.gaz.entity(e).died, self.ref_date)
            && at.is_after(&died)
        {
            return false;
        }
        match refers {
            Refers::Male => self.gender(e) != Some(Gender::Female),
            Refers::FemaleOrPlural => self.gender(e) == Some(Gender::Female),
            Refers::Plural | Refers::Speaker => false,
        }
    }

    /// The antecedent of a pronoun: the nearest fitting person earlier in this sentence (not for
    /// object pronouns), else the subject (or first person) of the latest sentence with a
    /// fitting one.
    /// The person a possessive of a sentence that names others stands for, from the sentences
    /// before (`Putin gab ein Abendessen. Unter seinen Gästen war Merkel.`), never one of
    /// `exclude` (the clause's own persons).
    ///
    /// `ihr` after a sentence whose subject was several persons (`X und Y hatten ihre Kollegen
    /// eingeladen. Unter ihren Gästen war Z.`) stands for all of them.
    pub fn possessive_antecedent(&self, refers: Refers, exclude: &[EntityIdx]) -> Vec<EntityIdx> {
        if refers == Refers::FemaleOrPlural {
            let (subjects, _) = self.previous_persons();
            if subjects.len() >= 2 && !subjects.iter().any(|e| exclude.contains(e)) {
                return subjects;
            }
        }
        self.antecedent_by(false, true, &[], |e| self.fits(e, refers) && !exclude.contains(&e))
            .into_iter()
            .collect()
    }

    fn antecedent(&self, refers: Refers, object: bool, before: &[EntityIdx]) -> Option<EntityIdx> {
        self.antecedent_by(object, false, before, |e| self.fits(e, refers))
    }

    /// `antecedent` for persons that pass `fits`; for a `subject` pronoun, a fitting subject of
    /// the last [`SUBJECT_REACH`] sentences comes before a non-subject of the latest one.
    fn antecedent_by(
        &self,
        object: bool,
        subject: bool,
        before: &[EntityIdx],
        fits: impl Fn(EntityIdx) -> bool,
    ) -> Option<EntityIdx> {
        if !object && let Some(&e) = before.iter().rev().find(|&&e| fits(e)) {
            return Some(e);
        }
        let mut k = self.seen.len();
        while k > 0 {
            let s = self.seen[k - 1].sentence;
            if s == self.sentence {
                k -= 1;
                continue;
            }
            let start = self.seen[..k]
                .iter()
                .rposition(|x| x.sentence != s)
                .map_or(0, |i| i + 1);
            let group = &self.seen[start..k];
            if let Some(x) = group.iter().find(|x| x.subject && fits(x.entity)) {
                return Some(x.entity);
            }
            let pick = group
                .iter()
                .find(|x| !x.genitive && fits(x.entity))
                .or_else(|| group.iter().find(|x| fits(x.entity)));
            if let Some(x) = pick {
                // A subject pronoun goes on with the subject of the sentences just before rather
                // than a person a sentence only mentions (`Obama landete in Brüssel. ... Ein
                // Treffen mit X steht auf dem Programm. Am Donnerstag reist er weiter`).
                if subject {
                    let earlier = self.seen[..start]
                        .iter()
                        .rev()
                        .take_while(|y| self.sentence - y.sentence <= SUBJECT_REACH)
                        .find(|y| y.subject && fits(y.entity));
                    if let Some(y) = earlier {
                        return Some(y.entity);
                    }
                }
                return Some(x.entity);
            }
            k = start;
        }
        None
    }

    /// The persons who were the subject of the sentence right before this one, when there were
    /// several (`X und Y`): what a plural `sie` stands for; else the two persons that sentence
    /// named (`X traf Y. Danach reisten sie ab.`). Empty otherwise.
    fn previous_subjects(&self) -> Vec<EntityIdx> {
        let (subjects, named) = self.previous_persons();
        let mut v = if subjects.len() >= 2 {
            subjects
        } else if named.len() == 2 {
            named
        } else {
            Vec::new()
        };
        v.reverse();
        v
    }

    /// The subjects and the persons named (not in the genitive) of the sentence right before this
    /// one, latest first.
    fn previous_persons(&self) -> (Vec<EntityIdx>, Vec<EntityIdx>) {
        let Some(prev) = self.sentence.checked_sub(1) else {
            return (Vec::new(), Vec::new());
        };
        let mut subjects: Vec<EntityIdx> = Vec::new();
        let mut named: Vec<EntityIdx> = Vec::new();
        for x in self.seen.iter().rev().take_while(|x| x.sentence >= prev) {
            if x.sentence != prev {
                continue;
            }
            if x.subject && !subjects.contains(&x.entity) {
                subjects.push(x.entity);
            }
            if !x.genitive && !named.contains(&x.entity) {
                named.push(x.entity);
            }
        }
        (subjects, named)
    }

    /// Learns facts from the phrases of a parsed sentence (or window).
    pub fn learn(&mut self, t: &Tokens, p: &Parse) {
        let text = self.text;
        for (pi, ph) in p.phrases.iter().enumerate() {
            // The person a phrase names: its head, or for an apposition the phrase it explains.
            let (target, src) = match ph.appos_of {
                Some(prev) if p.phrases[prev].head_kind == Head::Entity => (prev, pi),
                _ => (pi, pi),
            };
            let tp = &p.phrases[target];
            if tp.head_kind != Head::Entity {
                continue;
            }
            let Some(slot) = t.toks[tp.head]
                .slot
                .filter(|s| s.kind == Kind::Person && !s.attributive() && !s.reference)
            else {
                continue;
            };
            let e = slot.entity;
            let sp = &p.phrases[src];
            let mut titles: Vec<usize> = sp.titles.clone();
            if src != target && sp.head_kind == Head::Person {
                titles.push(sp.head);
            }
            let mut learned = Facts::default();
            // A title the gazetteer's alias itself begins with (`Papst Franziskus`, `Kardinal X`).
            if let Some(title) = self.lex.leading_title(t.toks[tp.head].span.slice(text)) {
                learned
                    .titles
                    .push((self.lex.titles[title as usize].family.clone(), t.toks[tp.head].span));
            }
            for &ti in &titles {
                if let Some(noun) = person_title(self.lex, t, ti) {
                    let n = &self.lex.nouns[noun as usize];
                    if let Some(title) = n.title {
                        learned
                            .titles
                            .push((self.lex.titles[title as usize].family.clone(), t.toks[ti].span));
                        if self.lex.titles[title as usize].family != "kin"
                            && let Some(g) = n.gender
                        {
                            learned.gender.get_or_insert((g, t.toks[ti].span));
                        }
                    }
                } else if t.is(ti, "frau") || t.is(ti, "herr") {
                    let g = if t.is(ti, "frau") { Gender::Female } else { Gender::Male };
                    learned.gender.get_or_insert((g, t.toks[ti].span));
                } else if t.norm(ti).starts_with("jährig")
                    && let Some(d) = sp.det
                {
                    // `die 45-Jährige X`
                    let g = match t.norm(d) {
                        "die" | "eine" => Some(Gender::Female),
                        "der" | "ein" | "dem" | "den" => Some(Gender::Male),
                        _ => None,
                    };
                    if let Some(g) = g {
                        learned.gender.get_or_insert((g, t.toks[ti].span));
                    }
                }
            }
            // Nationality: attributive country mentions and prefixes, a genitive country.
            let mut attrs: Vec<usize> = sp.attrs.clone();
            if let Some(pos) = sp.possessor {
                attrs.push(pos);
            }
            for &ai in &attrs {
                let Some(s) = t.toks[ai].slot else { continue };
                match self.gaz.entity(s.entity).kind {
                    Kind::Country => {
                        learned.nationality.get_or_insert((s.entity, t.toks[ai].span));
                        let w = t.toks[ai].span;
                        if s.via == Via::Demonym && demonym_female(w.slice(text)) {
                            learned.gender.get_or_insert((Gender::Female, w));
                        }
                    }
                    Kind::Organization => {
                        learned.affiliation.get_or_insert((s.entity, t.toks[ai].span));
                    }
                    Kind::City if s.via.is_attributive() => {
                        learned.home_city.get_or_insert((s.entity, t.toks[ai].span));
                    }
                    _ => {}
                }
            }
            // `Johanna Mikl-Leitner (ÖVP)`: the organisation in brackets right after the name.
            if learned.affiliation.is_none()
                && let [open, org, close] = t.toks.get(tp.toks.end..tp.toks.end + 3).unwrap_or_default()
                && open.punct == Some('(')
                && close.punct == Some(')')
                && let Some(s) = org.slot.filter(|s| s.kind == Kind::Organization && !s.attributive())
            {
                learned.affiliation = Some((s.entity, org.span));
            }
            let f = self.facts.entry(e).or_default();
            // A feminine form is never generic; a masculine title often is (`Außenminister
            // Choe Son Hui`): the first female statement replaces a male one.
            if f.gender.is_none()
                || (f.gender.map(|g| g.0) == Some(Gender::Male) && learned.gender.map(|g| g.0) == Some(Gender::Female))
            {
                f.gender = learned.gender.or(f.gender);
            }
            if f.nationality.is_none() {
                f.nationality = learned.nationality;
            }
            if f.affiliation.is_none() {
                f.affiliation = learned.affiliation;
            }
            if f.home_city.is_none() {
                f.home_city = learned.home_city;
            }
            for x in learned.titles {
                if !f.titles.iter().any(|y| y.0 == x.0) {
                    f.titles.push(x);
                }
            }
        }
    }

    /// Resolves the pronouns, relative pronouns and descriptions of a parsed sentence, writing
    /// the entity into the head token's slot (or the phrase's `refs` for a pair). Returns the
    /// mentions that descriptions make (`via: role`).
    pub fn resolve(&mut self, t: &mut Tokens, p: &mut Parse) -> Vec<Mention> {
        let mut made = Vec::new();
        // `mit dem neuen Fraktionschef, dem Abgeordneten X,`: an apposition that names the person
        // names the title phrase before it.
        for q in 0..p.phrases.len() {
            let Some(prev) = p.phrases[q].appos_of else { continue };
            let (ph, pv) = (&p.phrases[q], &p.phrases[prev]);
            // `die Außenminister, John Kerry und Sergej Lawrow,`: a list explains a plural.
            let listed: Vec<EntityIdx> = p
                .group(ph.group)
                .filter_map(|k| t.toks[p.phrases[k].head].slot.filter(|s| s.person()))
                .map(|s| s.entity)
                .collect();
            if pv.head_kind == Head::Person && t.toks[pv.head].slot.is_none() && listed.len() > 1 {
                p.phrases[prev].refs = listed;
                continue;
            }
            // `die drei Mitglieder des Präsidiums, darunter X`: the named members stand for the
            // group.
            if crate::syntax::parse::members_of_group(t, ph.toks.start).is_some()
                && t.toks[pv.head].slot.is_none()
                && !listed.is_empty()
            {
                p.phrases[prev].refs = listed;
                continue;
            }
            if pv.head_kind == Head::Person
                && t.toks[pv.head].slot.is_none()
                && let Some(s) = t.toks[ph.head].slot.filter(|s| s.person())
            {
                let head = pv.head;
                t.toks[head].slot = Some(Slot {
                    reference: true,
                    gender: None,
                    genitive: pv.genitive,
                    ..s
                });
            }
        }
        for pi in 0..p.phrases.len() {
            let ph = p.phrases[pi].clone();
            if t.toks[ph.head].slot.is_some_and(|s| !s.attributive()) || !ph.refs.is_empty() {
                continue;
            }
            // Persons earlier in the sentence that head a phrase of their own or own a noun
            // (`Während Kims Besuch traf er`) — not those inside another phrase's attributes
            // (`an den Denkmälern der Führer Kim Il Sung`). Gathered only for the pronouns and
            // descriptions that ask for them, before either changes a token.
            let persons_before = |t: &Tokens, p: &Parse| -> Vec<EntityIdx> {
                p.phrases
                    .iter()
                    .filter(|q| q.toks.start < ph.toks.start && !q.genitive)
                    .flat_map(|q| {
                        let owner = q.possessor.and_then(|x| t.toks[x].slot).filter(|s| s.person());
                        let head = t.toks[q.head]
                            .slot
                            .filter(|s| s.person() && q.head_kind != Head::None && q.prep.is_none());
                        owner.into_iter().chain(head).map(|s| s.entity)
                    })
                    .collect()
            };
            let resolved = match ph.head_kind {
                Head::Pronoun => {
                    let Some((pcase, refers)) = t.word(ph.head).and_then(|w| self.lex.info(w).pron) else {
                        continue;
                    };
                    // Capitalised `Sie` mid-sentence is the polite form: in an interviewer's question,
                    // the interviewee. `ich` is whoever speaks.
                    let polite = t.toks[ph.head].cap && ph.head > 0 && t.toks[ph.head - 1].punct.is_none();
                    if polite || refers == Refers::Speaker {
                        let who = if polite {
                            self.addressed()
                        } else {
                            self.speaking().or_else(|| quoted_speaker(self.lex, t, p, ph.head))
                        };
                        if let Some(e) = who {
                            self.write(t, &ph, e, Via::Coreference);
                        }
                        continue;
                    }
                    let object = matches!(pcase, PronCase::Acc | PronCase::Dat);
                    let ci = p.clause_of[ph.head];
                    // `Sie konnten`: `sie` with a plural verb is several people.
                    let plural_verb = plural_finite(self.lex, t, p.clauses[ci].finite);
                    // `ein Fluss, der, sobald er ...`: in a relative clause about a masculine thing,
                    // `er` is that thing.
                    let thing = match p.clauses[ci].kind {
                        ClauseKind::Relative(Some(a)) => p.phrases[a].head_kind == Head::Noun && refers == Refers::Male,
                        _ => false,
                    } || p.clauses[ci].parent.is_some_and(|pc| {
                        matches!(p.clauses[pc].kind, ClauseKind::Relative(Some(a)) if p.phrases[a].head_kind == Head::Noun)
                            && refers == Refers::Male
                            && matches!(p.clauses[ci].kind, ClauseKind::Subordinate(_))
                    });
                    if refers == Refers::FemaleOrPlural && plural_verb && !object {
                        // `X und Y sprachen am Montag. Am Dienstag reisten sie ab.`: a plural `sie`
                        // with no plural noun before it stands for the previous sentence's subjects.
                        let plural_before = p.phrases.iter().any(|q| {
                            q.toks.start < ph.toks.start
                                && q.prep.is_none()
                                && matches!(q.head_kind, Head::Noun | Head::Person)
                        });
                        if !plural_before {
                            p.phrases[pi].refs = self.previous_subjects();
                        }
                        None
                    } else if thing {
                        None
                    } else {
                        // A personal pronoun is never a person its own clause names as another
                        // of its verb's arguments (`Merkel empfing sie`: `sie` is not Merkel;
                        // that would be `sich`).
                        let coargs = coarguments(t, p, pi);
                        let mut before = persons_before(t, p);
                        before.retain(|e| !coargs.contains(e));
                        // With its clause's arguments left out, an object pronoun may stand for
                        // a person of an earlier clause (`reist Obama nach Rom, wo ihn Merkel
                        // erwartet`).
                        let subject = pcase == PronCase::Nom;
                        // `In Ankara hatte Tusk X getroffen, in Istanbul war er …`: a subject
                        // pronoun opening a main clause goes on with the first person of the main
                        // clause before it (its subject, as a rule), not the last one named.
                        let first_of_main = (subject && p.clauses[ci].kind == ClauseKind::Main)
                            .then(|| (0..ci).rev().find(|&k| p.clauses[k].kind == ClauseKind::Main))
                            .flatten()
                            .and_then(|k| {
                                p.clauses[k].phrases.iter().find_map(|&q| {
                                    let q = &p.phrases[q];
                                    t.toks[q.head]
                                        .slot
                                        .filter(|s| s.person() && q.prep.is_none() && !q.genitive)
                                        .map(|s| s.entity)
                                })
                            })
                            .filter(|&e| before.contains(&e) && self.fits(e, refers));
                        if let Some(e) = first_of_main {
                            before.retain(|&x| x != e);
                            before.push(e);
                        }
                        self.antecedent_by(false, subject, &before, |e| self.fits(e, refers))
                            .filter(|e| !coargs.contains(e))
                            .map(|e| (e, Via::Coreference))
                    }
                }
                Head::Relative => {
                    let ante = p.clauses.iter().find_map(|c| match c.kind {
                        ClauseKind::Relative(Some(a)) if c.contains(ph.head) => Some((a, c.finite)),
                        _ => None,
                    });
                    // `X und Y, die gemeinsam vor die Presse traten`: `die` with a plural verb
                    // after coordinated names stands for all of them.
                    let plural_verb = plural_finite(self.lex, t, ante.and_then(|(_, f)| f));
                    let group: Vec<EntityIdx> = match ante {
                        Some((a, _)) if plural_verb && t.norm(ph.head) == "die" => p
                            .group(p.phrases[a].group)
                            .filter_map(|g| {
                                t.toks[p.phrases[g].head]
                                    .slot
                                    .filter(|s| !s.attributive() && s.person())
                            })
                            .map(|s| s.entity)
                            .collect(),
                        _ => Vec::new(),
                    };
                    match ante.map(|x| x.0) {
                        Some(_) if group.len() > 1 => {
                            p.phrases[pi].refs = group;
                            None
                        }
                        Some(a) => {
                            let ap = &p.phrases[a];
                            if !ap.refs.is_empty() {
                                p.phrases[pi].refs = ap.refs.clone();
                                None
                            } else {
                                t.toks[ap.head]
                                    .slot
                                    .filter(|s| !s.attributive())
                                    .map(|s| (s.entity, Via::Coreference))
                            }
                        }
                        None => None,
                    }
                }
                Head::Noun => {
                    // `die französische Hauptstadt`, `Frankreichs Hauptstadt`: the capital.
                    let capital = t.norm(ph.head).starts_with("hauptstadt") && t.toks[ph.head].is_word();
                    let country = capital
                        .then(|| {
                            ph.attrs
                                .iter()
                                .chain(ph.possessor.iter())
                                .filter_map(|&i| t.toks[i].slot)
                                .chain(
                                    p.phrases
                                        .iter()
                                        .filter(|g| g.of == Some(pi) && g.genitive)
                                        .filter_map(|g| t.toks[g.head].slot),
                                )
                                .find(|s| self.gaz.entity(s.entity).kind == Kind::Country)
                        })
                        .flatten();
                    if let Some(c) = country.and_then(|s| self.gaz.entity(s.entity).capital) {
                        t.toks[ph.head].slot = Some(Slot {
                            entity: c,
                            kind: Kind::City,
                            via: Via::Role,
                            genitive: ph.genitive,
                            reference: true,
                            gender: None,
                        });
                    }
                    None
                }
                Head::Person => {
                    let before = persons_before(t, p);
                    let r = self.description(t, p, pi, &before);
                    match r {
                        Description::One(e) => Some((e, Via::Role)),
                        Description::Pair(a, b) => {
                            p.phrases[pi].refs = vec![a, b];
                            None
                        }
                        Description::None => None,
                    }
                }
                _ => None,
            };
            if let Some((e, via)) = resolved {
                let span = t.toks[ph.head].span;
                if let Some(d) = t.toks[ph.head].slot.filter(|s| s.via == Via::Demonym) {
                    let f = self.facts.entry(e).or_default();
                    f.nationality.get_or_insert((d.entity, span));
                }
                self.write(t, &ph, e, via);
                if via == Via::Role {
                    made.push(Mention {
                        span,
                        entity: e,
                        via: Via::Role,
                        genitive: false,
                    });
                }
            }
        }
        // `Orbán kam an. Sein Besuch in Österreich ...`: in a sentence that names no person, a
        // possessive stands for the person the sentences before were about. (Where one is
        // named, the relation layer reads it from the clause: `bei seinem Besuch sagte X`.)
        if !t.toks.iter().any(|x| x.slot.is_some_and(|s| s.person())) {
            for ph in &p.phrases {
                let Some(pt) = ph.possessor.filter(|&pt| t.toks[pt].slot.is_none()) else {
                    continue;
                };
                let Some(refers) = t.word(pt).and_then(|w| self.lex.info(w).poss) else {
                    continue;
                };
                if let Some(e) = self.antecedent(refers, false, &[]) {
                    t.toks[pt].slot = Some(Slot {
                        entity: e,
                        kind: Kind::Person,
                        via: Via::Coreference,
                        genitive: true,
                        reference: true,
                        gender: None,
                    });
                }
            }
        }
        made
    }

    /// Writes the person a phrase refers to into its head's slot.
    fn write(&self, t: &mut Tokens, ph: &crate::syntax::parse::Phrase, e: EntityIdx, via: Via) {
        t.toks[ph.head].slot = Some(Slot {
            entity: e,
            kind: Kind::Person,
            via,
            genitive: ph.genitive,
            reference: true,
            gender: None,
        });
    }

    fn description(&self, t: &Tokens, p: &Parse, pi: usize, before: &[EntityIdx]) -> Description {
        let ph = &p.phrases[pi];
        let lex = self.lex;
        // `Der Chef des Ifo-Instituts, Hans-Werner Sinn,`, `der Österreicher Dominic Thiem`: a
        // description followed by the name of a person the gazetteer lacks is that person.
        let end = p
            .phrases
            .iter()
            .filter(|g| g.of == Some(pi))
            .fold(ph.toks.end, |e, g| e.max(g.toks.end));
        let comma = t.toks.get(end).is_some_and(|x| x.punct == Some(','));
        let unknown_name = |k: usize| {
            t.toks.get(k).is_some_and(|x| {
                x.cap
                    && x.slot.is_none()
                    && x.punct.is_none()
                    && crate::link::names::first_name(x.span.slice(self.text))
            })
        };
        if unknown_name(ph.head + 1) || unknown_name(end + usize::from(comma)) {
            return Description::None;
        }
        // `die 28-jährige Italienerin`: the latest person of that gender and country.
        if let Some(d) = t.toks[ph.head].slot.filter(|s| s.via == Via::Demonym) {
            let female = demonym_female(t.toks[ph.head].span.slice(self.text));
            let refers = if female { Refers::FemaleOrPlural } else { Refers::Male };
            let plural = t.toks[ph.head].span.slice(self.text).ends_with("innen")
                || ph.det.is_some_and(|x| matches!(t.norm(x), "die" | "den") && !female)
                // `der Kurden`, `der Italienern`: a genitive or dative plural (`der Kurde` is one).
                || (ph.det.is_some_and(|x| t.norm(x) == "der")
                    && !female
                    && t.toks[ph.head].span.slice(self.text).ends_with('n'));
            // Only with a definite article or a demonstrative: a bare or indefinite demonym is
            // a group or someone (`Die meisten seien Franzosen`, `ein gesuchter Algerier`).
            let definite = ph.det.is_some_and(|x| {
                t.word(x)
                    .is_some_and(|w| self.lex.info(w).flags & flag::DET != 0 && !t.norm(x).starts_with("ein"))
            });
            // `X ist einer von drei … festgehaltenen Nordamerikanern`: the group the subject is
            // one of stands for the subject.
            // (The attributes may lie between: `von insgesamt drei in X festgehaltenen`.)
            let partitive = (ph.toks.start.saturating_sub(10)..ph.toks.start)
                .rev()
                .take_while(|&k| t.toks[k].punct.is_none())
                .any(|k| t.norm(k) == "von" && k > 0 && matches!(t.norm(k - 1), "einer" | "eine" | "eines"));
            if (plural || !definite) && !partitive {
                return Description::None;
            }
            // A person of unknown home only when named in this sentence or the one before: further
            // back, `der Argentinier` is as likely someone the gazetteer lacks (`Neben Ibrahimovic
            // soll vor allem Angel di Maria … Der Argentinier kam …`).
            let ok = |e: EntityIdx, near: bool| self.home(e, self.date).map_or(near, |h| h == d.entity);
            let mut recent: Vec<(EntityIdx, bool)> = before.iter().rev().map(|&e| (e, true)).collect();
            recent.extend(
                self.seen
                    .iter()
                    .rev()
                    .map(|s| (s.entity, s.sentence + 1 >= self.sentence)),
            );
            return recent
                .into_iter()
                .find(|&(e, near)| ok(e, near) && (self.fits(e, refers) || (female && self.gender(e).is_none())))
                .map_or(Description::None, |(e, _)| Description::One(e));
        }
        // `die beiden (Politiker)`: the last pair.
        let pair = ph.toks.clone().any(|i| t.has(lex, i, flag::PAIR));
        let det = ph.det.map(|d| t.norm(d));
        let definite = det.is_some_and(|d| {
            t.word(ph.det.unwrap_or(0)).is_some_and(|w| {
                let info = lex.info(w);
                info.flags & flag::POSS != 0
                    || (info.flags & flag::DET != 0 && !d.starts_with("ein") && !d.starts_with("kein"))
            })
        }) || ph
            .prep_tok
            .is_some_and(|pt| lex.info(t.word(pt).unwrap_or(0)).contraction.is_some())
            || ph.possessor.is_some_and(|x| t.toks[x].slot.is_some()); // `Russlands Außenminister`
        if pair {
            // The last two persons named, this sentence's first (`Ein Gespräch Merkels mit Putin
            // war nicht vorgesehen; die beiden hatten ...`).
            let mut last: Vec<EntityIdx> = Vec::new();
            // (Not the clause's other arguments: `X hatte die beiden begrüßt`.)
            let coargs = coarguments(t, p, pi);
            let named_before: Vec<EntityIdx> = t.toks[..ph.toks.start]
                .iter()
                .filter_map(|x| x.slot.filter(|s| s.person() && !s.attributive()))
                .map(|s| s.entity)
                .filter(|e| !coargs.contains(e))
                .collect();
            let recent = named_before
                .into_iter()
                .rev()
                .chain(self.seen.iter().rev().map(|s| s.entity).filter(|e| !coargs.contains(e)));
            for e in recent {
                if self.gaz.entity(e).kind != Kind::Person {
                    continue;
                }
                if !last.contains(&e) {
                    last.push(e);
                }
                if last.len() == 2 {
                    return Description::Pair(last[1], last[0]);
                }
            }
            return Description::None;
        }
        if !definite {
            return Description::None; // `ein Sprecher`: someone
        }
        // `der Gast`, `ihren Gast`: the latest person the document had received or visiting
        // (`note_guest`), unless the clause names them otherwise (the host, or whom the
        // possessive stands for); of either gender.
        let guest = person_title(lex, t, ph.head).is_some_and(|n| {
            let n = &lex.nouns[n as usize];
            !n.plural
                && n.title
                    .is_some_and(|ti| lex.titles[ti as usize].refers == TitleRefers::Guest)
        });
        if guest {
            let mut hosts = coarguments(t, p, pi);
            hosts.extend(ph.possessor.and_then(|x| t.toks[x].slot).map(|s| s.entity));
            let fits = |e: EntityIdx| !hosts.contains(&e);
            return self
                .guest
                .filter(|&e| fits(e))
                .map_or(Description::None, Description::One);
        }
        // Possessive descriptions (`sein Amtskollege`) say whose, not who.
        if ph.possessor.is_some() && ph.det == ph.possessor {
            return Description::None;
        }
        // Gender the description gives.
        // `Kremlchef`, `Kreml-Chef`: the matcher split the compound after the name; the whole
        // word is the title.
        let h = ph.head;
        let compound = t.compound_name_before(h).and_then(|k| {
            let whole = format!("{}{}", t.toks[k].span.slice(self.text), t.toks[h].span.slice(self.text));
            lex.noun(&whole).filter(|&n| lex.nouns[n as usize].title.is_some())
        });
        let (title, gender, word) = match compound.or_else(|| person_title(lex, t, h)) {
            Some(noun) => {
                let n = &lex.nouns[noun as usize];
                // `die Bischöfe`: several; `die Länderchefs`: `die` before a masculine noun is
                // plural whatever the form (`Chefs` is also a genitive singular).
                if n.plural || (det == Some("die") && n.gender == Some(Gender::Male)) {
                    return Description::None;
                }
                // `beim Treffen der Staats- und Regierungschefs`: `der` before a masculine noun
                // in any form but its lemma is a genitive plural.
                let lemma = crate::normalize::normalize_pattern(&n.lemma);
                let w = t.norm(h);
                // (`der Heeresminister` ends in its lemma; `der Vorsitzende`, an adjectival noun,
                // in its lemma less the `r`.)
                let singular =
                    w.ends_with(lemma.as_str()) || lemma.strip_suffix('r').is_some_and(|stem| w.ends_with(stem));
                if det == Some("der") && n.gender == Some(Gender::Male) && compound.is_none() && !singular {
                    return Description::None;
                }
                (n.title, n.gender, crate::normalize::normalize_pattern(&n.lemma))
            }
            None => (None, None, String::new()), // `63-Jährige`
        };
        let gender = gender.or(match det {
            Some("die") => Some(Gender::Female),
            Some("der" | "den" | "dem" | "des") => Some(Gender::Male),
            _ => None,
        });
        let refers = match gender {
            Some(Gender::Female) => Refers::FemaleOrPlural,
            _ => Refers::Male,
        };
        if ph.cases & case::NOM & case::PL == ph.cases & case::NOM
            && ph.cases & case::NOM != 0
            && det == Some("die")
            && gender.is_none()
        {
            return Description::None; // plural
        }
        // Qualifier: the country (or organisation) whose office it is.
        let qualifier = ph
            .attrs
            .iter()
            .chain(ph.possessor.iter())
            .filter_map(|&i| t.toks[i].slot)
            .find(|s| matches!(s.kind, Kind::Country | Kind::Organization | Kind::City))
            .map(|s| s.entity)
            .or_else(|| {
                // `der Präsident Russlands`: a genitive right after.
                p.phrases
                    .iter()
                    .find(|g| g.of == Some(pi) && g.genitive)
                    .and_then(|g| t.toks[g.head].slot)
                    .filter(|s| matches!(s.kind, Kind::Country | Kind::Organization))
                    .map(|s| s.entity)
            });
        let Some(title) = title else {
            // `der 63-Jährige`: the latest person of that gender; as a subject, one who was the
            // subject of the sentences just before rather than a person the last one only
            // mentions (`Merkel ließ über Sprecher Seibert mitteilen … Der 56-Jährige soll`).
            let subject = ph.prep.is_none() && ph.cases & crate::syntax::lexicon::case::NOM != 0;
            if subject {
                return before
                    .iter()
                    .rev()
                    .copied()
                    .find(|&e| self.fits(e, refers))
                    .or_else(|| self.antecedent_by(true, true, &[], |e| self.fits(e, refers)))
                    .map_or(Description::None, Description::One);
            }
            return self.latest(refers, before).map_or(Description::None, Description::One);
        };
        let info = &lex.titles[title as usize];
        if info.refers == TitleRefers::Never {
            return Description::None;
        }
        if info.refers == TitleRefers::Any {
            return self.latest(refers, before).map_or(Description::None, Description::One);
        }
        // A person the document introduced with a title of this family (and this country), one
        // whose title is this very word first (`der Kanzler` after `Bundeskanzler X`, before a
        // `Ministerpräsident Y` named since).
        let qual_ok = |e: EntityIdx| {
            qualifier.is_none_or(|q| self.home(e, self.date) == Some(q) || self.affiliation(e) == Some(q))
        };
        let learned = |e: EntityIdx, exact: bool| {
            self.facts.get(&e).is_some_and(|f| {
                f.titles.iter().any(|(fam, span)| {
                    same_office(fam, &info.family)
                        && (!exact
                            || crate::normalize::normalize_pattern(span.slice(self.text)).ends_with(word.as_str()))
                })
            }) && qual_ok(e)
                && (gender.is_none() || self.gender(e).is_none() || self.gender(e) == gender)
        };
        let mut recent: Vec<EntityIdx> = before.iter().rev().copied().collect();
        recent.extend(self.seen.iter().rev().map(|s| s.entity));
        for exact in [true, false] {
            if let Some(e) = recent.iter().copied().find(|&e| learned(e, exact)) {
                return Description::One(e);
            }
        }
        // The gazetteer's holder of the role (at the document date; without one, a holder the
        // document names).
        if info.roles.is_empty() {
            return Description::None;
        }
        let holds = |e: EntityIdx| {
            self.gaz.entity(e).roles.iter().any(|r| {
                info.roles.contains(&r.key)
                    && qualifier.is_none_or(|q| r.of == q || self.gaz.entity(q).country == Some(r.of))
                    && r.active_at(self.date)
            })
        };
        if qualifier.is_some() {
            let mut pool: Vec<EntityIdx> = self.gaz.role_holders().iter().copied().filter(|&e| holds(e)).collect();
            // `die Bundeskanzlerin`: a holder of the other gender is not meant.
            if let Some(g) = gender {
                pool.retain(|&e| self.gender(e).is_none_or(|x| x == g));
            }
            if self.date.is_none() || pool.len() > 1 {
                pool.retain(|e| self.named.contains(e) && !self.gaz.entity(*e).died_before(self.ref_date.as_ref()));
            }
            return if pool.len() == 1 {
                Description::One(pool[0])
            } else {
                Description::None
            };
        }
        recent
            .iter()
            .copied()
            .find(|&e| holds(e))
            .map_or(Description::None, Description::One)
    }

    fn affiliation(&self, e: EntityIdx) -> Option<EntityIdx> {
        self.facts.get(&e).and_then(|f| f.affiliation.map(|a| a.0))
    }

    fn latest(&self, refers: Refers, before: &[EntityIdx]) -> Option<EntityIdx> {
        before
            .iter()
            .rev()
            .copied()
            .find(|&e| self.fits(e, refers))
            .or_else(|| self.antecedent(refers, true, &[]))
    }
}

/// The persons a phrase's clause names as other arguments of its verb (phrases without a
/// preposition, not genitives): who a pronoun or `der Gast` there cannot be.
/// A finite verb whose every finite reading is plural (`konnten`, `traten`).
fn plural_finite(lex: &Lexicon, t: &Tokens, finite: Option<usize>) -> bool {
    finite.and_then(|f| t.toks[f].word).is_some_and(|w| {
        let v = &lex.info(w).verbs;
        !v.is_empty() && v.iter().filter(|r| r.form.finite()).all(|r| r.plural == Some(true))
    })
}

fn coarguments(t: &Tokens, p: &Parse, pi: usize) -> Vec<EntityIdx> {
    let head = p.phrases[pi].head;
    p.clauses[p.clause_of[head]]
        .phrases
        .iter()
        .map(|&q| &p.phrases[q])
        .filter(|q| q.head != head && q.prep.is_none() && !q.genitive)
        .filter_map(|q| t.toks[q.head].slot.filter(|s| s.person()))
        .map(|s| s.entity)
        .collect()
}

/// Visits a document's travel notes keep at most (`note_travel`).
const MAX_TRAVELS: usize = 256;

/// How many sentences back a subject pronoun looks for a subject (`antecedent_by`).
const SUBJECT_REACH: usize = 3;

enum Description {
    One(EntityIdx),
    Pair(EntityIdx, EntityIdx),
    None,
}

/// Can a description of family `b` refer to a person introduced with a title of family `a`? A
/// head of state is also called leader or ruler (`der nordkoreanische Führer` … `des
/// nordkoreanischen Präsidenten`); an ambassador is a diplomat (`Botschafter X` … `den
/// Diplomaten`), though not every diplomat an ambassador; every minister is a minister
/// (`Außenminister X` … `der Minister`), though not every minister a foreign minister.
fn same_office(a: &str, b: &str) -> bool {
    const TOP: [&str; 3] = ["head-of-state", "leader", "monarch"];
    a == b
        || (TOP.contains(&a) && TOP.contains(&b))
        || (b == "diplomat" && a == "ambassador")
        || (b == "minister" && a.ends_with("-minister"))
}

/// A demonym written in the feminine (`Finnin`, `Russinnen`).
fn demonym_female(word: &str) -> bool {
    word.ends_with("in") || word.ends_with("innen")
}
