//! The document pass: role descriptions and pronouns become slots, then every trigger of every
//! sentence looks for its arguments in its clause.

use super::dates;
use super::lexicon::{Form, Frame, Lexicon, lexicon};
use super::tokens::{Slot, Tok, clauses, tokenize};
use super::{Attribution, Relation, RelationKind};
use crate::date::PartialDate;
use crate::gazetteer::{EntityIdx, Gazetteer, Gender, Kind};
use crate::link::{Mention, Via};
use crate::span::Span;
use std::collections::BTreeSet;
use std::ops::Range;

const PREPS: &[&str] = &[
    "mit",
    "von",
    "vom",
    "zwischen",
    "bei",
    "beim",
    "für",
    "fur",
    "an",
    "am",
    "gegen",
    "über",
    "durch",
    "zu",
    "zum",
    "zur",
    "nach",
    "in",
    "im",
    "aus",
    "auf",
    "unter",
    "vor",
    "seit",
    "gegenüber",
    "ohne",
    "um",
    "laut",
    "trotz",
    "wegen",
    "neben",
    "hinter",
    "bis",
    "ins",
];
const RELATIVE: &[&str] = &[
    "der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welcher", "welche", "welches", "welchem", "welchen",
];
const POSSESSIVE: &[&str] = &[
    "sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres",
];
const ARTICLES: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines",
];
/// Articles of a noun phrase that cannot be a subject (accusative, dative, genitive).
const OBLIQUE: &[&str] = &["den", "dem", "des", "einem", "einen", "eines"];
/// Finite auxiliaries and copulas: they end a noun phrase when scanning left, and after a
/// participle they mark a verb-final clause.
const AUX: &[&str] = &[
    "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "worden", "hat", "hatte", "haben", "hatten",
    "habe", "sei", "seien", "wäre", "wären", "hätte", "hätten", "gewesen", "bin", "bist",
];
const NEGATIONS: &[&str] = &[
    "nicht", "nie", "niemals", "kein", "keine", "keinen", "keinem", "keiner", "keines",
];
const PLURAL_CUES: &[&str] = &[
    "beiden", "beide", "zwei", "drei", "vier", "mehrere", "viele", "alle", "einige", "anderen", "andere",
];
const PASSIVE_AUX: &[&str] = &["wurde", "wird", "werden", "wurden", "worden", "werde", "würde"];

/// What the document pass produces.
#[derive(Debug, Default)]
pub struct DocRelations {
    /// Role descriptions resolved to persons (`der russische Außenminister` → Lavrov).
    pub role_mentions: Vec<Mention>,
    /// Typed relations.
    pub relations: Vec<Relation>,
}

/// Runs role resolution and relation extraction over a document.
pub fn extract(
    gaz: &Gazetteer,
    text: &str,
    sentences: &[Span],
    mentions: &[Mention],
    date: Option<&PartialDate>,
) -> DocRelations {
    let lex = lexicon();
    let supported: BTreeSet<EntityIdx> = mentions
        .iter()
        .filter(|m| !m.via.is_attributive())
        .map(|m| m.entity)
        .collect();
    let mut history = History::default();
    let mut out = DocRelations::default();
    let mut k = 0;
    for &sentence in sentences {
        while k < mentions.len() && mentions[k].span.start < sentence.start {
            k += 1;
        }
        let slots: Vec<Slot> = mentions[k..]
            .iter()
            .take_while(|m| m.span.start < sentence.end)
            .filter(|m| m.span.end <= sentence.end)
            .map(|m| Slot {
                entity: m.entity,
                kind: gaz.entity(m.entity).kind,
                span: m.span,
                via: m.via,
                pronoun: false,
                genitive: m.genitive,
            })
            .collect();
        let mut toks = tokenize(text, sentence, &slots);
        history.begin_sentence();
        resolve_references(
            gaz,
            lex,
            &mut toks,
            &mut history,
            &supported,
            date,
            &mut out.role_mentions,
        );
        let mut s = Sentence {
            gaz,
            lex,
            date,
            clauses: clauses(&toks, |t| {
                lex.triggers
                    .get(&t.norm)
                    .is_some_and(|r| r.iter().any(|(_, f)| *f != Form::Noun))
            }),
            toks,
            sentence,
            out: Vec::new(),
        };
        s.run();
        out.relations.append(&mut s.out);
    }
    out
}

/// The role keys a word names (`Außenminister` → foreign-minister), if it is a role noun.
fn is_role_word<'l>(lex: &'l Lexicon, t: &Tok) -> Option<&'l [String]> {
    lex.roles.get(&t.norm).map(Vec::as_slice).filter(|_| t.is_word())
}

/// The persons named so far, sentence by sentence, for pronouns and role descriptions.
#[derive(Debug, Default)]
struct History {
    /// (person, written in the genitive), in text order.
    persons: Vec<(EntityIdx, bool)>,
    /// Index into `persons` where each sentence starts.
    starts: Vec<usize>,
}

impl History {
    fn begin_sentence(&mut self) {
        self.starts.push(self.persons.len());
    }

    fn push(&mut self, e: EntityIdx, genitive: bool) {
        self.persons.push((e, genitive));
    }

    /// Most recent first.
    fn recent(&self) -> impl Iterator<Item = EntityIdx> + '_ {
        self.persons.iter().rev().map(|p| p.0)
    }

    /// The antecedent of `er`/`sie`: the nearest fitting person earlier in this sentence
    /// (`Während Kims Besuch traf er ...`), else the first fitting person of the latest sentence
    /// that has one — its subject, as a rule (`Kim hatte Putin getroffen. Dabei hatte er ...`).
    fn antecedent(&self, fits: impl Fn(EntityIdx) -> bool, earlier_only: bool) -> Option<EntityIdx> {
        let cur = self.starts.last().copied().unwrap_or(0);
        if !earlier_only && let Some(e) = self.persons[cur..].iter().rev().map(|p| p.0).find(|&e| fits(e)) {
            return Some(e);
        }
        let mut end = cur;
        for &start in self.starts.iter().rev().skip(1) {
            let sentence = &self.persons[start..end];
            let pick = sentence
                .iter()
                .find(|p| !p.1 && fits(p.0))
                .or_else(|| sentence.iter().find(|p| fits(p.0)));
            if let Some(p) = pick {
                return Some(p.0);
            }
            end = start;
        }
        None
    }
}

/// Turns role descriptions and `er`/`sie` into person slots, keeping a history of persons.
fn resolve_references(
    gaz: &Gazetteer,
    lex: &Lexicon,
    toks: &mut [Tok],
    history: &mut History,
    supported: &BTreeSet<EntityIdx>,
    date: Option<&PartialDate>,
    role_mentions: &mut Vec<Mention>,
) {
    for i in 0..toks.len() {
        if let Some(sl) = toks[i].slot {
            if sl.kind == Kind::Person && !sl.attributive() {
                history.push(sl.entity, sl.genitive());
            }
            continue;
        }
        if !toks[i].is_word() {
            continue;
        }
        // Pronouns: the most recent person, when the gender fits.
        let norm = toks[i].norm.as_str();
        let female = match norm {
            "er" | "ihn" | "ihm" => Some(false),
            "sie" if !toks[i].cap || i == 0 => Some(true),
            _ => None,
        };
        // `Kim empfing ihn`: an object pronoun does not point back to its own clause's subject,
        // so it looks at earlier sentences only.
        let object_pronoun = matches!(norm, "ihn" | "ihm");
        if let Some(female) = female {
            // The dead are rarely the `er` of current news, and never a relation's participant.
            let fits = |e: EntityIdx| {
                let g = gaz.entity(e).gender;
                !gaz.entity(e).dead_at(date)
                    && if female {
                        g == Some(Gender::Female)
                    } else {
                        g != Some(Gender::Female)
                    }
            };
            if let Some(e) = history.antecedent(fits, object_pronoun) {
                toks[i].slot = Some(Slot {
                    entity: e,
                    kind: Kind::Person,
                    span: toks[i].span,
                    via: Via::Coreference,
                    pronoun: true,
                    genitive: false,
                });
            }
            continue;
        }
        let Some(keys) = is_role_word(lex, &toks[i]) else {
            continue;
        };
        let adjacent_prev = i > 0 && toks[i - 1].span.end == toks[i].span.start;
        if i > 0 && PLURAL_CUES.contains(&toks[i - 1].norm.as_str()) {
            continue; // `die beiden Chefdiplomaten` are two people
        }
        if !toks[i].cap && !adjacent_prev {
            continue; // a noun is capitalised unless it is the tail of a compound (Kreml|sprecher)
        }
        // An apposition (`Außenminister Sergej Lawrow`, `Präsident Macron`) names the person itself.
        if let Some(next) = toks.get(i + 1) {
            let names_person = next.slot.is_some_and(|s| s.kind == Kind::Person && !s.attributive());
            let unknown_name = next.is_word()
                && next.cap
                && !lex.roles.contains_key(&next.norm)
                && !lex.triggers.contains_key(&next.norm);
            if names_person || unknown_name {
                continue;
            }
        }
        // `als erster russischer Verteidigungsminister`: a predicate about someone named
        // elsewhere in the sentence, not a reference.
        if (i.saturating_sub(4)..i).any(|j| toks[j].is_word() && toks[j].norm == "als") {
            continue;
        }
        // Whose role: a compound head (Kremlsprecher, US-Präsident), an adjective or genitive
        // before (der russische Präsident, Russlands Außenminister), or a genitive after.
        let mut of: Option<EntityIdx> = None;
        if adjacent_prev {
            if let Some(s) = toks[i - 1].slot {
                of = Some(s.entity);
            } else if toks[i - 1].punct == Some('-') && i >= 2 && toks[i - 2].span.end == toks[i - 1].span.start {
                of = toks[i - 2].slot.map(|s| s.entity);
            }
        }
        if of.is_none() {
            for j in (i.saturating_sub(3)..i).rev() {
                match (&toks[j].slot, toks[j].punct) {
                    (Some(s), _) if s.attributive() || s.genitive() => {
                        of = Some(s.entity);
                        break;
                    }
                    (Some(_), _) | (None, Some(_)) => break,
                    // The qualifier stands between the article and the noun (`der russische
                    // Präsident`); an article or preposition ends the search.
                    _ if ARTICLES.contains(&toks[j].norm.as_str()) || PREPS.contains(&toks[j].norm.as_str()) => break,
                    _ => {}
                }
            }
        }
        if of.is_none()
            && let Some(s) = toks
                .get(i + 1)
                .and_then(|t| t.slot)
                .filter(|s| s.genitive() && s.kind != Kind::Person)
        {
            of = Some(s.entity);
        }
        let holds = |e: EntityIdx, at: Option<&PartialDate>| {
            gaz.entity(e)
                .roles
                .iter()
                .any(|r| keys.contains(&r.key) && of.is_none_or(|o| r.of == o) && r.active_at(at))
        };
        let resolved = match of {
            Some(_) => {
                let mut pool: Vec<EntityIdx> = gaz.role_holders().iter().copied().filter(|&e| holds(e, date)).collect();
                // Without a document date any holder, past or present, may be meant: only one the
                // document names will do. With a date, the one holder at that date is enough.
                if date.is_none() || pool.len() > 1 {
                    pool.retain(|e| supported.contains(e) && !gaz.entity(*e).dead_at(date));
                }
                (pool.len() == 1).then(|| pool[0])
            }
            None => history.recent().find(|&e| holds(e, date)),
        };
        if let Some(e) = resolved {
            let slot = Slot {
                entity: e,
                kind: Kind::Person,
                span: toks[i].span,
                via: Via::Role,
                pronoun: false,
                genitive: false,
            };
            toks[i].slot = Some(slot);
            role_mentions.push(Mention {
                span: toks[i].span,
                entity: e,
                via: Via::Role,
                genitive: false,
            });
            history.push(e, false);
        }
    }
}

/// Days, months and other time nouns: a phrase like `am Mittwoch` ends at them.
fn is_temporal(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "woche",
        "wochenende",
        "jahr",
        "jahres",
        "monat",
        "monats",
        "morgen",
        "abend",
        "nachmittag",
        "vormittag",
        "nacht",
        "vortag",
        "vorabend",
        "wochen",
        "jahren",
        "monaten",
        "tagen",
    ];
    WORDS.contains(&w)
        || dates::month_of(w).is_some()
        || ["tag", "tags", "woch", "morgen", "abend"]
            .iter()
            .any(|end| w.ends_with(end))
}

struct Sentence<'a> {
    gaz: &'a Gazetteer,
    lex: &'static Lexicon,
    date: Option<&'a PartialDate>,
    toks: Vec<Tok>,
    clauses: Vec<Range<usize>>,
    sentence: Span,
    out: Vec<Relation>,
}

fn is_location(k: Kind) -> bool {
    k.is_location()
}

impl Sentence<'_> {
    fn clause_of(&self, i: usize) -> Range<usize> {
        self.clauses
            .iter()
            .find(|c| c.contains(&i))
            .cloned()
            .unwrap_or(i..i + 1)
    }

    fn clause_index(&self, i: usize) -> usize {
        self.clauses.iter().position(|c| c.contains(&i)).unwrap_or(0)
    }

    fn is_relative(&self, c: &Range<usize>) -> bool {
        let w: Vec<&Tok> = self.toks[c.clone()].iter().take(2).collect();
        match w.as_slice() {
            [a, ..] if a.is_word() && RELATIVE.contains(&a.norm.as_str()) && !a.cap => true,
            [a, b, ..]
                if a.is_word()
                    && PREPS.contains(&a.norm.as_str())
                    && b.is_word()
                    && RELATIVE.contains(&b.norm.as_str()) =>
            {
                true
            }
            _ => false,
        }
    }

    fn has_word(&self, c: &Range<usize>, words: &[&str]) -> bool {
        self.toks[c.clone()]
            .iter()
            .any(|t| t.is_word() && words.contains(&t.norm.as_str()))
    }

    fn last_word(&self, c: &Range<usize>) -> Option<&str> {
        self.toks[c.clone()]
            .iter()
            .rev()
            .find(|t| t.punct.is_none())
            .filter(|t| t.is_word())
            .map(|t| t.norm.as_str())
    }

    /// Scans left from token `i` over its noun phrase (articles, adjectives, titles, attributive
    /// mentions) and returns the governing preposition and the phrase's article, if any.
    fn np(&self, i: usize) -> (Option<&str>, Option<&str>) {
        let c = self.clause_of(i);
        let mut article: Option<&str> = None;
        for j in (c.start.max(i.saturating_sub(7))..i).rev() {
            let t = &self.toks[j];
            if let Some(s) = t.slot {
                if s.attributive() || s.genitive() {
                    continue;
                }
                return (None, article);
            }
            if t.punct.is_some() {
                return (None, article);
            }
            let w = t.norm.as_str();
            if PREPS.contains(&w) {
                return (Some(w), article);
            }
            if ARTICLES.contains(&w) {
                if article.is_some() {
                    return (None, article);
                }
                article = Some(w);
                if w == "des" {
                    return (Some("des"), article); // a genitive attribute of the noun before
                }
                continue;
            }
            if matches!(w, "denen" | "dessen" | "deren")
                || AUX.contains(&w)
                || self.lex.triggers.contains_key(w)
                || self.lex.modals.contains(w)
            {
                return (None, article);
            }
            if matches!(w, "und" | "oder" | "sowie") {
                // `auf X oder Y`, `zwischen X und Y`: a coordinated phrase shares the governor of
                // the phrase before it; a clause joined by `und` does not.
                if j > c.start && self.toks[j - 1].slot.is_some_and(|s| !s.attributive()) {
                    return self.np(j - 1);
                }
                return (None, article);
            }
            if article.is_some() && t.cap && !self.lex.roles.contains_key(w) {
                return (None, article); // a noun before the article ends the phrase
            }
            if is_temporal(w) {
                return (None, article); // `am Mittwoch Xi Jinping`: the time phrase ends before the name
            }
        }
        (None, article)
    }

    /// The preposition governing token `i`, if any.
    fn gov(&self, i: usize) -> Option<&str> {
        self.np(i).0
    }

    fn topic_only(&self, i: usize) -> bool {
        let c = self.clause_of(i);
        self.toks[c.start.max(i.saturating_sub(6))..i]
            .iter()
            .any(|t| t.is_word() && self.lex.not_present.contains(&t.norm))
    }

    fn alive(&self, e: EntityIdx) -> bool {
        !self.gaz.entity(e).dead_at(self.date)
    }

    /// A person that can be an argument: named (not attributive), alive, not a monument's topic.
    fn person_at(&self, i: usize) -> Option<EntityIdx> {
        let s = self.toks[i].slot?;
        (s.kind == Kind::Person && !s.attributive() && self.alive(s.entity) && !self.topic_only(i)).then_some(s.entity)
    }

    fn location_at(&self, i: usize) -> Option<EntityIdx> {
        let s = self.toks[i].slot?;
        (is_location(s.kind) && !s.attributive() && !s.genitive()).then_some(s.entity)
    }

    fn country_at(&self, i: usize) -> Option<EntityIdx> {
        let s = self.toks[i].slot?;
        (matches!(s.kind, Kind::Country | Kind::City) && !s.attributive()).then_some(s.entity)
    }

    /// Subject-like candidate: not genitive, not governed by a preposition.
    fn candidate(&self, i: usize, pick: &dyn Fn(&Self, usize) -> Option<EntityIdx>) -> Option<EntityIdx> {
        let s = self.toks[i].slot?;
        let (gov, article) = self.np(i);
        if s.genitive() || gov.is_some() || article.is_some_and(|a| OBLIQUE.contains(&a)) {
            return None;
        }
        pick(self, i)
    }

    /// True when the trigger at `t` ends its clause (only auxiliaries follow): a verb-final
    /// subordinate clause (`..., dass Putin Kim getroffen habe`).
    fn verb_final(&self, t: usize) -> bool {
        let c = self.clause_of(t);
        self.toks[t + 1..c.end].iter().all(|x| {
            x.punct.is_some() || (x.is_word() && (AUX.contains(&x.norm.as_str()) || self.lex.modals.contains(&x.norm)))
        })
    }

    /// The subject of the trigger at `t`. In a verb-final clause, the first candidate of the
    /// clause; otherwise the nearest candidate to its left, else the first to its right (verb
    /// second), else — for a verb opening a clause after `und` — the subject of the clause before,
    /// else the nearest candidate in earlier main clauses.
    fn subject_with(
        &self,
        t: usize,
        exclude: &[EntityIdx],
        pick: &dyn Fn(&Self, usize) -> Option<EntityIdx>,
    ) -> Option<(usize, EntityIdx)> {
        let c = self.clause_of(t);
        let ok = |i: usize| self.candidate(i, pick).filter(|e| !exclude.contains(e)).map(|e| (i, e));
        let ci = self.clause_index(t);
        let elided = t == c.start && ci > 0 && self.toks.get(c.start.wrapping_sub(1)).is_some_and(|x| x.is_word());
        if elided && let Some(x) = self.clauses[ci - 1].clone().find_map(ok) {
            return Some(x);
        }
        if self.verb_final(t) && t > c.start {
            if let Some(x) = (c.start..t).find_map(ok) {
                return Some(x);
            }
        } else if let Some(x) = (c.start..t).rev().find_map(ok) {
            return Some(x);
        }
        // An unresolved role noun right before the verb is its subject (`Bundespräsident traf
        // Merkel`): the persons after the verb are objects.
        if t > c.start
            && self.toks[t - 1].is_word()
            && self.toks[t - 1].cap
            && self.lex.roles.contains_key(&self.toks[t - 1].norm)
        {
            return None;
        }
        if let Some(x) = (t + 1..c.end).find_map(ok) {
            return Some(x);
        }
        // A subject of its own (`ein Zehntel`, `die Delegation`) keeps earlier clauses out.
        let own_subject = (c.start..c.end.saturating_sub(1)).any(|i| {
            self.toks[i].is_word()
                && matches!(self.toks[i].norm.as_str(), "der" | "die" | "das" | "ein" | "eine")
                && self.toks[i + 1..(i + 3).min(c.end)]
                    .iter()
                    .any(|x| x.is_word() && x.cap)
        });
        if own_subject {
            return None;
        }
        for prev in self.clauses[..ci].iter().rev() {
            if self.is_relative(prev) {
                continue;
            }
            if let Some(x) = prev.clone().rev().find_map(ok) {
                return Some(x);
            }
        }
        None
    }

    fn subject(&self, t: usize, exclude: &[EntityIdx]) -> Option<(usize, EntityIdx)> {
        self.subject_with(t, exclude, &|s, i| s.person_at(i))
    }

    /// Persons governed by `prep` in the clause of `t`.
    fn governed_person(&self, t: usize, preps: &[&str], exclude: &[EntityIdx]) -> Option<EntityIdx> {
        let c = self.clause_of(t);
        c.clone().find_map(|i| {
            self.person_at(i)
                .filter(|e| !exclude.contains(e) && self.gov(i).is_some_and(|p| preps.contains(&p)))
        })
    }

    /// Another free (non-governed, non-genitive) person in the clause, nearest to `t`.
    fn other_person(&self, t: usize, exclude: &[EntityIdx]) -> Option<EntityIdx> {
        let c = self.clause_of(t);
        let mut idx: Vec<usize> = c.collect();
        idx.sort_by_key(|&i| (i < t, i.abs_diff(t)));
        idx.into_iter().find_map(|i| {
            let s = self.toks[i].slot?;
            (!s.genitive() && self.gov(i).is_none())
                .then(|| self.person_at(i))
                .flatten()
                .filter(|e| !exclude.contains(e))
        })
    }

    fn governed_location(&self, range: Range<usize>, preps: &[&str]) -> Option<EntityIdx> {
        range.clone().find_map(|i| {
            self.location_at(i)
                .filter(|_| self.gov(i).is_some_and(|p| preps.contains(&p)))
        })
    }

    /// A plan or expectation: a plan word in the clause, a plan adjective right before a noun
    /// trigger, or an infinitive trigger with a modal or `zu`.
    fn planned(&self, c: &Range<usize>, t: usize, form: Form) -> bool {
        let words = |set: &rustc_hash::FxHashSet<String>, r: Range<usize>| {
            self.toks[r].iter().any(|x| x.is_word() && set.contains(&x.norm))
        };
        let plan_word = words(&self.lex.plan_words, c.clone());
        let plan_adj = form == Form::Noun && words(&self.lex.plan_adjectives, c.start.max(t.saturating_sub(3))..t);
        let modal = words(&self.lex.modals, c.clone());
        let zu = t > 0 && self.toks[t - 1].is("zu");
        plan_word || plan_adj || (form == Form::Infinitive && (modal || zu))
    }

    fn attribution(&self) -> Option<Attribution> {
        let toks = &self.toks;
        let stop = |t: &Tok| {
            super::tokens::is_clause_break(t)
                || (t.is_word()
                    && (PREPS.contains(&t.norm.as_str())
                        || self.lex.triggers.contains_key(&t.norm)
                        || self.lex.modals.contains(&t.norm)
                        || self.lex.saying_verbs.contains(&t.norm)))
        };
        let source_after = |from: usize| -> Option<Attribution> {
            let end = (from..(from + 7).min(toks.len()))
                .find(|&j| stop(&toks[j]))
                .unwrap_or((from + 7).min(toks.len()));
            if end <= from {
                return None;
            }
            let window = from..end;
            let pick = |k: &dyn Fn(Kind) -> bool| {
                window
                    .clone()
                    .find(|&j| toks[j].slot.is_some_and(|s| k(s.kind) && !s.attributive()))
            };
            let j = pick(&|k| k == Kind::Organization)
                .or_else(|| pick(&|k| k == Kind::Person))
                .or_else(|| pick(&|_| true));
            Some(match j {
                Some(j) => Attribution {
                    source: toks[j].slot.map(|s| s.entity),
                    span: toks[j].span,
                },
                None => Attribution {
                    source: None,
                    span: Span::new(toks[from].span.start, toks[end - 1].span.end),
                },
            })
        };
        for i in 0..toks.len() {
            if !toks[i].is_word() {
                continue;
            }
            if self.lex.source_preps.contains(&toks[i].norm) {
                if toks[i].norm == "zufolge" {
                    if let Some(s) = i.checked_sub(1).and_then(|j| toks[j].slot) {
                        return Some(Attribution {
                            source: Some(s.entity),
                            span: s.span,
                        });
                    }
                    continue;
                }
                if let Some(a) = source_after(i + 1) {
                    return Some(a);
                }
            }
            for p in &self.lex.source_phrases {
                if p.len() > 1
                    && toks[i..].len() > p.len()
                    && p.iter().enumerate().all(|(k, w)| toks[i + k].is(w))
                    && let Some(a) = source_after(i + p.len())
                {
                    return Some(a);
                }
            }
        }
        for i in 0..toks.len() {
            if toks[i].is_word() && self.lex.saying_verbs.contains(&toks[i].norm) {
                let pick = |s: &Self, j: usize| {
                    let sl = s.toks[j].slot?;
                    (matches!(sl.kind, Kind::Organization | Kind::Person | Kind::Country) && !sl.attributive())
                        .then_some(sl.entity)
                };
                // The speaker stands in the saying verb's own clause, nearest first.
                let c = self.clause_of(i);
                let own = (c.start..i)
                    .rev()
                    .chain(i + 1..c.end)
                    .find_map(|j| self.candidate(j, &pick).map(|e| (j, e)));
                if let Some((j, e)) = own {
                    return Some(Attribution {
                        source: Some(e),
                        span: toks[j].span,
                    });
                }
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    /// Records a relation, and the same relation for every entity coordinated with its subject
    /// or object (`von Lawrow und Verteidigungsminister Beloussow begleitet`, `besuchte Moskau
    /// und Peking`) — unless subject and object are coordinated with each other (`Lawrow und
    /// Choe trafen sich`), which is one pair.
    fn push(
        &mut self,
        kind: RelationKind,
        s: Option<EntityIdx>,
        o: Option<EntityIdx>,
        planned: bool,
        t: usize,
        confidence: f32,
        goods: Vec<String>,
    ) {
        let (Some(s), Some(o)) = (s, o) else { return };
        let (ss, os) = (self.group(s, t), self.group(o, t));
        if ss.iter().any(|e| os.contains(e)) {
            self.push_one(kind, s, o, planned, t, confidence, goods);
            return;
        }
        for &a in &ss {
            for &b in &os {
                self.push_one(kind, a, b, planned, t, confidence, goods.clone());
            }
        }
    }

    /// `e` and the entities of its kind coordinated with it in the clause of `t`
    /// (`X und Y`, `X, Y sowie Außenminister Z`).
    fn group(&self, e: EntityIdx, t: usize) -> Vec<EntityIdx> {
        let c = self.clause_of(t);
        let mut out = vec![e];
        let Some(at) = (c.start..c.end).find(|&i| self.toks[i].slot.is_some_and(|s| s.entity == e && !s.attributive()))
        else {
            return out;
        };
        let kind = self.gaz.entity(e).kind;
        let same = |i: usize| {
            self.toks[i]
                .slot
                .filter(|s| {
                    !s.attributive() && !s.genitive() && (s.kind == kind || (is_location(s.kind) && is_location(kind)))
                })
                .map(|s| s.entity)
        };
        // Walk right, then left, over `und`/`sowie`/`oder`/`,` and up to two title words.
        for dir in [1isize, -1] {
            let mut i = at as isize;
            loop {
                let mut j = i + dir;
                let mut joined = false;
                let mut titles = 0;
                while j >= c.start as isize && j < c.end as isize {
                    let tok = &self.toks[j as usize];
                    if tok.punct == Some(',')
                        || (tok.is_word() && matches!(tok.norm.as_str(), "und" | "sowie" | "oder"))
                    {
                        joined = true;
                    } else if tok.is_word() && tok.cap && titles < 2 && joined {
                        titles += 1;
                    } else {
                        break;
                    }
                    j += dir;
                }
                if !joined || j < c.start as isize || j >= c.end as isize {
                    break;
                }
                match same(j as usize) {
                    Some(x) if !out.contains(&x) => {
                        out.push(x);
                        i = j;
                    }
                    _ => break,
                }
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn push_one(
        &mut self,
        kind: RelationKind,
        s: EntityIdx,
        o: EntityIdx,
        planned: bool,
        t: usize,
        confidence: f32,
        goods: Vec<String>,
    ) {
        if s == o || (kind == RelationKind::Supplied && goods.is_empty()) {
            return; // a supply names what is supplied (`mit Angaben versorgen` is not one)
        }
        let (ks, ko) = (self.gaz.entity(s).kind, self.gaz.entity(o).kind);
        let kinds_ok = match kind {
            RelationKind::Visited => ks == Kind::Person && is_location(ko),
            RelationKind::Supplied => {
                matches!(ks, Kind::Country | Kind::City) && matches!(ko, Kind::Country | Kind::City)
            }
            _ => ks == Kind::Person && ko == Kind::Person,
        };
        if !kinds_ok || !self.alive(s) || !self.alive(o) {
            return;
        }
        let c = self.clause_of(t);
        let date =
            dates::find(&self.toks, c, t, self.date, planned).or(if planned { None } else { self.date.copied() });
        if let Some(d) = date
            && (self.gaz.entity(s).died.is_some_and(|x| d.is_after(&x))
                || self.gaz.entity(o).died.is_some_and(|x| d.is_after(&x)))
        {
            return;
        }
        if self
            .out
            .iter()
            .any(|r| r.subject == s && r.object == o && r.kind == kind && r.trigger == self.toks[t].span)
        {
            return;
        }
        self.out.push(Relation {
            subject: s,
            kind,
            object: o,
            planned,
            date,
            attribution: None,
            goods,
            trigger: self.toks[t].span,
            sentence: self.sentence,
            confidence,
        });
        // `im russischen Fernen Osten`, `in der russischen Hafenstadt Wladiwostok`: the text says
        // which country the place is in, so the visitor (from elsewhere) visited that country too.
        if kind == RelationKind::Visited
            && let Some(country) = self.country_adjective(o, t)
            && country != o
            && self.gaz.entity(s).home_country(self.gaz, s, self.date) != Some(country)
        {
            self.push_one(kind, s, country, planned, t, confidence * 0.9, Vec::new());
        }
    }

    /// The country named by an adjective inside the noun phrase of location `o`
    /// (`russischen` in `im russischen Fernen Osten`).
    fn country_adjective(&self, o: EntityIdx, t: usize) -> Option<EntityIdx> {
        let c = self.clause_of(t);
        let at = (c.start..c.end).find(|&i| self.toks[i].slot.is_some_and(|s| s.entity == o && !s.attributive()))?;
        for j in (c.start.max(at.saturating_sub(5))..at).rev() {
            let tok = &self.toks[j];
            match tok.slot {
                Some(s) if s.attributive() && s.kind == Kind::Country => return Some(s.entity),
                Some(s) if s.attributive() => continue,
                Some(_) => return None,
                None if tok.punct.is_some() || PREPS.contains(&tok.norm.as_str()) => return None,
                None => {}
            }
        }
        None
    }

    /// A meeting held in a place is a visit there for participants from another country.
    fn meeting_place(&mut self, t: usize, participants: &[Option<EntityIdx>], planned: bool) {
        let c = self.clause_of(t);
        let Some(place) = self.governed_location(c.clone(), &["in", "im"]) else {
            return;
        };
        let place_country = self.gaz.entity(place).home_country(self.gaz, place, self.date);
        for p in participants.iter().flatten() {
            let home = self.gaz.entity(*p).home_country(self.gaz, *p, self.date);
            if let (Some(h), Some(pc)) = (home, place_country)
                && h != pc
            {
                // One participant at a time: the home-country test is per person.
                self.push_one(RelationKind::Visited, *p, place, planned, t, 0.6, Vec::new());
            }
        }
    }

    fn run(&mut self) {
        for t in 0..self.toks.len() {
            let tok = &self.toks[t];
            if !tok.is_word() {
                continue;
            }
            let Some(readings) = self.lex.triggers.get(&tok.norm) else {
                continue;
            };
            let sentence_start = t == 0 || self.toks[..t].iter().all(|x| x.punct.is_some());
            for &(frame, form) in readings.iter() {
                let is_noun = form == Form::Noun;
                if (is_noun || !sentence_start) && is_noun != self.toks[t].cap {
                    continue;
                }
                self.frame(t, frame, form);
            }
        }
        if let Some(a) = self.attribution() {
            for r in &mut self.out {
                r.attribution = Some(a.clone());
            }
        }
    }

    fn frame(&mut self, t: usize, frame: Frame, form: Form) {
        use RelationKind as R;
        let c = self.clause_of(t);
        if self.has_word(&c, NEGATIONS) {
            return; // `hat ... nicht getroffen`, `traf keinen ...`
        }
        let called_off = self.toks[c.clone()]
            .iter()
            .any(|x| x.is_word() && self.lex.cancel_words.contains(&x.norm))
            || (self.has_word(&c, &["sagte", "sagten", "sagt"]) && self.last_word(&c) == Some("ab"));
        if called_off {
            return; // `sagte die Reise nach Brüssel ab`, `das Treffen wurde abgesagt`
        }
        let planned = self.planned(&c, t, form);
        let last = self.last_word(&c).map(str::to_string);
        let passive = form == Form::Participle && self.has_word(&c, PASSIVE_AUX);
        match frame {
            Frame::MeetVerb => {
                if matches!(form, Form::Past | Form::Present) && last.as_deref() == Some("ein") {
                    return; // `traf ... ein` is an arrival
                }
                let Some((si, s)) = self.subject(t, &[]) else { return };
                let coordinated = self.coordinated(si, &c);
                let p = self
                    .governed_person(t, &["mit"], &[s])
                    .or(coordinated)
                    .or_else(|| self.other_person(t, &[s]));
                self.push(R::Met, Some(s), p, planned, t, 0.85, Vec::new());
                self.meeting_place(t, &[Some(s), p], planned);
            }
            Frame::MeetSeparable => {
                if last.as_deref() != Some("zusammen") {
                    return;
                }
                let Some((si, s)) = self.subject(t, &[]) else { return };
                let p = self
                    .governed_person(t, &["mit"], &[s])
                    .or_else(|| self.coordinated(si, &c));
                self.push(R::Met, Some(s), p, planned, t, 0.8, Vec::new());
                self.meeting_place(t, &[Some(s), p], planned);
            }
            Frame::MeetNoun => {
                let planned = planned || matches!(self.gov(t), Some("zu" | "zum"));
                let (a, b) = self.pair_after(t).unwrap_or((None, None));
                let (a, b) = if a.is_some() && b.is_some() {
                    (a, b)
                } else {
                    let b = self
                        .governed_person(t, &["mit"], &[])
                        .filter(|_| self.after_in_clause(t, &["mit"]));
                    let a = self.genitive_before(t).or_else(|| self.attribute_after(t)).or_else(|| {
                        // `Kims Besuch in Russland und dem Treffen mit Putin`
                        (c.start..t).rev().find_map(|i| {
                            self.toks[i]
                                .slot
                                .filter(|s| s.genitive())
                                .and_then(|_| self.person_at(i))
                        })
                    });
                    match (a, b) {
                        (Some(a), Some(b)) => (Some(a), Some(b)),
                        (None, Some(b)) => (self.subject(t, &[b]).map(|x| x.1), Some(b)),
                        // `Xi und Obama hatten ihr Treffen genutzt`: a coordinated subject.
                        _ if (t.saturating_sub(2)..t).any(|i| {
                            matches!(self.toks[i].norm.as_str(), "ihr" | "ihre" | "ihrem" | "ihren" | "ihres")
                        }) =>
                        {
                            match self.subject(t, &[]) {
                                Some((si, s)) => (Some(s), self.coordinated(si, &c)),
                                None => (None, None),
                            }
                        }
                        _ => (None, None),
                    }
                };
                self.push(R::Met, a, b, planned, t, 0.75, Vec::new());
                if a.is_some() && b.is_some() {
                    self.meeting_place(t, &[a, b], planned);
                }
            }
            Frame::VisitVerb => {
                let Some((_, s)) = self.subject(t, &[]) else { return };
                let bad = [
                    "aus", "von", "vom", "seit", "gegen", "für", "über", "mit", "zwischen", "nach",
                ];
                let loc_ok = |me: &Self, i: usize| {
                    me.location_at(i)
                        .filter(|_| me.gov(i).is_none_or(|p| !bad.contains(&p)))
                };
                let after = (t + 1..c.end).find_map(|i| loc_ok(self, i));
                let before = (c.start..t).rev().find_map(|i| loc_ok(self, i));
                if let Some(o) = after.or(before) {
                    self.push(R::Visited, Some(s), Some(o), planned, t, 0.85, Vec::new());
                } else if let Some(p) = (t + 1..c.end.min(t + 4))
                    .find_map(|i| self.candidate(i, &|me, i| me.person_at(i)))
                    .filter(|&p| p != s)
                {
                    self.push(R::Met, Some(s), Some(p), planned, t, 0.6, Vec::new()); // `X besuchte Y`
                }
            }
            Frame::TravelVerb => {
                let Some((_, s)) = self.subject(t, &[]) else { return };
                // The destination: `nach P`, else `in die/den P` (accusative); `in P` without an
                // article is where something else happened (`nach seinem Besuch in Washington`).
                let o = self.governed_location(c.clone(), &["nach", "ins"]).or_else(|| {
                    c.clone().find_map(|i| {
                        self.location_at(i)
                            .filter(|_| matches!(self.np(i), (Some("in"), Some("die" | "den" | "das"))))
                    })
                });
                self.push(R::Visited, Some(s), o, planned, t, 0.85, Vec::new());
            }
            Frame::ArriveVerb => {
                let Some((_, s)) = self.subject(t, &[]) else { return };
                let o = self.governed_location(c.clone(), &["in", "im", "auf"]);
                self.push(R::Visited, Some(s), o, planned, t, 0.85, Vec::new());
            }
            Frame::ArriveSeparable => {
                let particle = if matches!(self.toks[t].norm.as_str(), "kam" | "kamen" | "kommt") {
                    "an"
                } else {
                    "ein"
                };
                if last.as_deref() != Some(particle) {
                    return;
                }
                let Some((_, s)) = self.subject(t, &[]) else { return };
                let o = self.governed_location(c.clone(), &["in", "im"]);
                self.push(R::Visited, Some(s), o, planned, t, 0.8, Vec::new());
            }
            Frame::VisitNoun => self.visit_noun(t, &c, planned),
            Frame::PayVisit => {
                if last.as_deref() != Some("ab") {
                    return;
                }
                let Some((_, s)) = self.subject(t, &[]) else { return };
                let o = (t + 1..c.end).find_map(|i| self.location_at(i).filter(|_| self.gov(i).is_none()));
                self.push(R::Visited, Some(s), o, planned, t, 0.8, Vec::new());
            }
            Frame::Receive => {
                let (host, guest) = self.agent_patient(t, passive);
                self.push(R::Received, host, guest, planned, t, 0.85, Vec::new());
                self.push(R::Met, host, guest, planned, t, 0.7, Vec::new());
                if host.is_some() {
                    self.meeting_place(t, &[guest], planned); // received in Moscow: the guest came there
                }
            }
            Frame::Accompany => {
                let (companion, principal) = self.agent_patient(t, passive);
                let planned = planned && !passive;
                self.push(R::Accompanied, companion, principal, planned, t, 0.85, Vec::new());
                if companion.is_some() && principal.is_some() {
                    // `auf einer Reise nach Peking`, `bei einem Besuch in Peking`: both travelled.
                    let place = self
                        .governed_location(c.clone(), &["nach"])
                        .or_else(|| self.governed_location(c.clone(), &["in", "im"]));
                    if let Some(p) = place {
                        self.push(R::Visited, principal, Some(p), planned, t, 0.7, Vec::new());
                        self.push(R::Visited, companion, Some(p), planned, t, 0.7, Vec::new());
                    }
                }
            }
            Frame::AccompanyNoun => {
                if !matches!(self.gov(t), Some("in")) {
                    return;
                }
                let comp = self.governed_person(t, &["von", "vom"], &[]);
                let principal = self.subject(t, &comp.into_iter().collect::<Vec<_>>()).map(|x| x.1);
                self.push(R::Accompanied, comp, principal, planned, t, 0.75, Vec::new());
            }
            Frame::InviteSeparable => {
                if last.as_deref() != Some("ein") {
                    return;
                }
                let host = self.subject(t, &[]).map(|x| x.1);
                let guest = host.and_then(|h| self.other_person(t, &[h]));
                self.push(R::Invited, host, guest, false, t, 0.85, Vec::new());
            }
            Frame::Invite => {
                let (host, guest) = self.agent_patient(t, passive);
                self.push(R::Invited, host, guest, false, t, 0.8, Vec::new());
            }
            Frame::InviteNoun => {
                let host = self.attribute_after(t).or_else(|| self.genitive_before(t));
                let Some(host) = host else { return };
                let guest = self
                    .governed_person(t, &["an"], &[host])
                    .or_else(|| self.subject(t, &[host]).map(|x| x.1));
                self.push(R::Invited, Some(host), guest, false, t, 0.75, Vec::new());
            }
            Frame::Phone => {
                let Some((_, s)) = self.subject(t, &[]) else { return };
                let p = self.governed_person(t, &["mit"], &[s]);
                self.push(R::Phoned, Some(s), p, planned, t, 0.85, Vec::new());
            }
            Frame::PhoneNoun => {
                let (a, b) = match self.pair_after(t) {
                    Some((a, b)) => (a, b),
                    None => {
                        let b = self.governed_person(t, &["mit"], &[]);
                        (b.and_then(|b| self.subject(t, &[b]).map(|x| x.1)), b)
                    }
                };
                self.push(R::Phoned, a, b, planned, t, 0.75, Vec::new());
            }
            Frame::Supply => {
                let goods = self.goods(&c);
                let pick = |s: &Self, i: usize| s.country_at(i);
                // `warf Nordkorea vor, Russland mit Munition zu beliefern`: the infinitive clause
                // names the recipient; the supplier is the country of the clause before.
                let ci = self.clause_index(t);
                if t > 0 && self.toks[t - 1].is("zu") && ci > 0 {
                    let recipient = (c.start..t)
                        .find_map(|i| self.country_at(i).filter(|_| matches!(self.gov(i), None | Some("an"))));
                    let supplier = self.clauses[ci - 1]
                        .clone()
                        .rev()
                        .find_map(|i| self.country_at(i).filter(|_| self.gov(i).is_none()));
                    // `zu beliefern` here reports an accusation, not a plan: only plan words make it one.
                    let planned = self.toks[c.clone()]
                        .iter()
                        .any(|x| x.is_word() && self.lex.plan_words.contains(&x.norm));
                    self.push(R::Supplied, supplier, recipient, planned, t, 0.6, goods);
                    return;
                }
                // In a verb-final clause the supplier comes first: `dass Pjöngjang Moskau beliefert`.
                let Some(s) = (c.start..c.end)
                    .find_map(|i| self.candidate(i, &pick))
                    .or_else(|| self.subject_with(t, &[], &pick).map(|x| x.1))
                else {
                    return;
                };
                let o = c
                    .clone()
                    .find_map(|i| self.country_at(i).filter(|&e| e != s && self.gov(i) == Some("an")))
                    .or_else(|| (c.start..c.end).find_map(|i| self.candidate(i, &pick).filter(|&e| e != s)));
                self.push(R::Supplied, Some(s), o, planned, t, 0.7, goods);
            }
            Frame::SupplyNoun => {
                let goods = self.goods(&c);
                let supplier = (t + 1..c.end.min(t + 8)).find_map(|i| {
                    let sl = self.toks[i].slot?;
                    (sl.genitive() || self.gov(i) == Some("aus"))
                        .then(|| self.country_at(i))
                        .flatten()
                });
                let recipient = (t + 1..c.end).find_map(|i| self.country_at(i).filter(|_| self.gov(i) == Some("an")));
                let planned = planned || matches!(self.gov(t), Some("zu" | "zur"));
                // `Waffenlieferungen`: the compound names the goods.
                let mut goods = goods;
                let head = self.toks[t]
                    .norm
                    .trim_end_matches("en")
                    .trim_end_matches("lieferung")
                    .trim_end_matches('s');
                if !head.is_empty() && !goods.iter().any(|g| g == head) {
                    goods.push(head.to_string());
                }
                self.push(R::Supplied, supplier, recipient, planned, t, 0.65, goods);
            }
        }
    }

    /// Who acts and who undergoes a transitive verb: in the active, the subject and another
    /// person of the clause (`Kim empfing Lawrow`); in the passive, the `von`-person and the
    /// subject (`Lawrow wurde von Kim empfangen`).
    fn agent_patient(&self, t: usize, passive: bool) -> (Option<EntityIdx>, Option<EntityIdx>) {
        if passive {
            let agent = self.governed_person(t, &["von", "vom"], &[]);
            let exclude: Vec<EntityIdx> = agent.into_iter().collect();
            (agent, self.subject(t, &exclude).map(|x| x.1))
        } else {
            let agent = self.subject(t, &[]).map(|x| x.1);
            (agent, agent.and_then(|a| self.other_person(t, &[a])))
        }
    }

    /// The person coordinated with the one at `si` (`X und Y`, in either order).
    fn coordinated(&self, si: usize, c: &Range<usize>) -> Option<EntityIdx> {
        let after = (si + 2 < c.end && self.toks[si + 1].is("und"))
            .then(|| self.person_at(si + 2))
            .flatten();
        let before = (si >= c.start + 2 && self.toks[si - 1].is("und"))
            .then(|| self.person_at(si - 2))
            .flatten();
        after.or(before)
    }

    fn goods(&self, c: &Range<usize>) -> Vec<String> {
        let mut g: Vec<String> = Vec::new();
        for t in &self.toks[c.clone()] {
            if t.is_word() && self.lex.goods.contains(&t.norm) && !g.contains(&t.norm) {
                g.push(t.norm.clone());
            }
        }
        g
    }

    fn after_in_clause(&self, t: usize, preps: &[&str]) -> bool {
        let c = self.clause_of(t);
        (t + 1..c.end).any(|i| self.toks[i].is_word() && preps.contains(&self.toks[i].norm.as_str()))
    }

    /// `zwischen X und Y`, `von X und Y` right after a noun.
    fn pair_after(&self, t: usize) -> Option<(Option<EntityIdx>, Option<EntityIdx>)> {
        let c = self.clause_of(t);
        let p = (t + 1..c.end.min(t + 4)).find(|&i| self.toks[i].is("zwischen") || self.toks[i].is("von"))?;
        let people: Vec<(usize, EntityIdx)> = (p + 1..c.end)
            .filter_map(|i| self.person_at(i).map(|e| (i, e)))
            .take(2)
            .collect();
        match people.as_slice() {
            [(i, a), (j, b)]
                if (i + 1..*j).any(|k| self.toks[k].is("und")) && (i + 1..*j).all(|k| self.toks[k].is_word()) =>
            {
                Some((Some(*a), Some(*b)))
            }
            _ => None,
        }
    }

    /// A genitive person just before a noun (`Kims erstes Treffen`, `Kims Russland-Besuch`).
    fn genitive_before(&self, t: usize) -> Option<EntityIdx> {
        let c = self.clause_of(t);
        for i in (c.start.max(t.saturating_sub(4))..t).rev() {
            if let Some(s) = self.toks[i].slot {
                if s.genitive() && s.kind == Kind::Person {
                    return self.person_at(i);
                }
                if !(s.attributive() || is_location(s.kind)) {
                    return None;
                }
            } else if self.toks[i].punct.is_some_and(|p| p != '-') {
                return None;
            }
        }
        None
    }

    /// A person attribute just after a noun: `des russischen Außenministers`, `von Kim Jong Un`,
    /// `Kims` (genitive after the noun).
    fn attribute_after(&self, t: usize) -> Option<EntityIdx> {
        let c = self.clause_of(t);
        for i in t + 1..c.end.min(t + 6) {
            if let Some(s) = self.toks[i].slot {
                if s.attributive() {
                    continue;
                }
                if s.kind != Kind::Person {
                    return None;
                }
                return match self.gov(i) {
                    None | Some("von" | "vom" | "des") => self.person_at(i),
                    _ => None,
                };
            }
            if self.toks[i].is_word() && (self.lex.triggers.contains_key(&self.toks[i].norm) || self.toks[i].is("mit"))
            {
                return None;
            }
        }
        None
    }

    fn visit_noun(&mut self, t: usize, c: &Range<usize>, planned: bool) {
        // An invitation `zu einem Besuch` is not a visit.
        let invited = self.toks.iter().any(|x| {
            x.is_word()
                && self.lex.triggers.get(&x.norm).is_some_and(|r| {
                    r.iter()
                        .any(|(f, _)| matches!(f, Frame::InviteSeparable | Frame::Invite | Frame::InviteNoun))
                })
        });
        if invited && matches!(self.gov(t), Some("zu" | "zum")) {
            return;
        }
        // Compound `Russland-Besuch` / `Russlandbesuch`, else `in P` / `nach P` after the noun.
        let adjacent = |i: usize, j: usize| self.toks[i].span.end == self.toks[j].span.start;
        let mut loc = None;
        let mut head = t;
        if t >= 1 && adjacent(t - 1, t) {
            if let Some(l) = self.location_at(t - 1) {
                loc = Some(l);
                head = t - 1;
            } else if t >= 2 && self.toks[t - 1].punct == Some('-') && adjacent(t - 2, t - 1) {
                loc = self.location_at(t - 2);
                head = t - 2;
            }
        }
        if loc.is_none() {
            let end = c.end.min(t + 7);
            loc = self.governed_location(t + 1..end, &["in", "im", "nach"]);
        }
        let Some(loc) = loc else { return };
        let possessive = (head.saturating_sub(3)..head)
            .any(|i| self.toks[i].is_word() && POSSESSIVE.contains(&self.toks[i].norm.as_str()));
        // `bei einem Besuch in Kairo sagte Kerry`, `zu Besuch in Sarajevo`, `wird zu einem Besuch
        // in Hanoi erwartet`: a visit adjunct belongs to the clause's subject.
        let adjunct = matches!(self.gov(head), Some("zu" | "zum" | "bei" | "beim" | "während"))
            || (head > 0 && self.toks[head - 1].is("zu"));
        let possessive = possessive || adjunct;
        let visitor = self
            .genitive_before(head)
            .or_else(|| self.attribute_after(t))
            .or_else(|| {
                if possessive {
                    self.subject(t, &[]).map(|x| x.1)
                } else {
                    None
                }
            });
        self.push(RelationKind::Visited, visitor, Some(loc), planned, t, 0.75, Vec::new());
    }
}
