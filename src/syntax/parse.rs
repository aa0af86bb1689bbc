//! Noun phrases and clauses of one sentence.
//!
//! 1. **Segments**: the sentence is cut at punctuation. A segment that opens with a relative
//!    pronoun or a subordinating conjunction and has a finite verb is a relative or subordinate
//!    clause; one opening with `um`/`ohne`/`statt` or ending in a zu-infinitive is an infinitive
//!    clause; one with a finite verb is a main clause; the rest are fragments.
//! 2. **Phrases**, segment by segment: a preposition (contractions resolved), a determiner or
//!    possessive with the cases it allows, adjectives and attributive mentions (`russische`,
//!    `US-`), titles (`Präsident`, `ÖVP-Chef`, `ihr Amtskollege`) and a head — a linked entity,
//!    a pronoun, a person noun, or any other noun. A genitive before the head (`Kims Besuch`,
//!    `Frankreichs Hauptstadt Paris`) is its possessor; `des X` or `von X` after a noun is an
//!    attribute of it. Phrases joined by `und`/`oder`/`sowie`/commas form a coordination group
//!    and share their preposition (`mit A, B und C`).
//! 3. **Clauses**: fragments that are appositions (`X, der französische Präsident,`) or list
//!    continuations join the clause before; a main clause interrupted by a relative or
//!    subordinate clause is one clause again after it (`X, der ..., traf Y`); two finite verbs
//!    joined by `und` make two clauses, the second without a subject of its own (`X traf Y und
//!    besuchte Z`). Each clause knows its finite verb, its other verb forms, a separable particle
//!    closing it, and the clause it depends on.

use super::lexicon::{Lexicon, PronCase, Refers, VForm, WordId, case, flag};
use super::token::Tokens;
use crate::gazetteer::Kind;
use std::ops::Range;

/// What heads a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// A linked entity (or a reference resolved to one).
    Entity,
    /// A personal pronoun (`er`, `ihn`).
    Pronoun,
    /// A relative pronoun opening a relative clause.
    Relative,
    /// A person noun (`Präsident`, `Politikerin`, `63-Jährige`).
    Person,
    /// Any other noun.
    Noun,
    /// Nothing yet (a determiner or adjectives only).
    None,
}

/// A noun phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// Token range.
    pub toks: Range<usize>,
    /// Head token (meaningful unless `head_kind` is `None`).
    pub head: usize,
    /// What the head is.
    pub head_kind: Head,
    /// The governing preposition.
    pub prep: Option<WordId>,
    /// The preposition's token (the first phrase of a coordination keeps it).
    pub prep_tok: Option<usize>,
    /// Cases and genders its determiner or contraction allows ([`case`]); `ANY` without one.
    pub cases: u16,
    /// Determiner or possessive token.
    pub det: Option<usize>,
    /// Person nouns before the head (`Präsident` in `Präsident Obama`, `Hauptstadt` in
    /// `Hauptstadt Paris`), in order.
    pub titles: Vec<usize>,
    /// Attributive mentions in the phrase: adjectives, demonyms, hyphen prefixes (`US-`).
    pub attrs: Vec<usize>,
    /// A genitive before the head (`Kims`), or a possessive determiner (`sein`).
    pub possessor: Option<usize>,
    /// This phrase is an attribute of phrase `of` (`des X`, `von X`, a genitive after a noun).
    pub of: Option<usize>,
    /// A genitive attribute.
    pub genitive: bool,
    /// Coordination group: phrases of one group share the number.
    pub group: usize,
    /// An apposition to phrase `appos_of` (`X, der französische Präsident,`).
    pub appos_of: Option<usize>,
    /// Clause index.
    pub clause: usize,
    /// Persons a reference without a single entity stands for (`die beiden`: the last pair).
    pub refs: Vec<crate::gazetteer::EntityIdx>,
}

/// How a clause stands in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    /// A main clause (finite verb second, or first after `und`).
    Main,
    /// A subordinate clause (finite verb last) opened by this conjunction token.
    Subordinate(usize),
    /// A relative clause about phrase `antecedent`.
    Relative(Option<usize>),
    /// A zu-infinitive clause (`um ... zu treffen`, `..., X zu besuchen`).
    Infinitive,
    /// A fragment without a finite verb.
    Fragment,
    /// An extended participial attribute (`die von Kohl in sein Kabinett berufene`) of phrase
    /// `head`; its participle is its only non-finite verb, a passive (or, for verbs that take
    /// `sein` in the perfect, an active) whose subject is that phrase.
    Participial(Option<usize>),
    /// An interposed or trailing participle phrase with its agent (`, begleitet von X,`): its
    /// participle is its only verb, a passive (or, for verbs that take `sein` in the perfect, an
    /// active) whose subject is the subject of the clause it belongs to (its parent).
    Adjunct,
}

/// A clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// Token ranges (several when interrupted by another clause).
    pub parts: Vec<Range<usize>>,
    /// How it stands.
    pub kind: ClauseKind,
    /// The finite verb.
    pub finite: Option<usize>,
    /// Non-finite verb forms (participles, infinitives), in order.
    pub nonfinite: Vec<usize>,
    /// A separable particle closing the clause (`traf ... ein`).
    pub particle: Option<usize>,
    /// `zu` before an infinitive.
    pub zu: bool,
    /// Opens with a verb after `und`: its subject is the previous clause's.
    pub elided: bool,
    /// Its verbs are infinitives or participles of the previous clause's finite verb (`will X
    /// besuchen und Y treffen`): it has no finite verb of its own.
    pub shares_finite: bool,
    /// The clause this one depends on or continues.
    pub parent: Option<usize>,
    /// Phrases in the clause, in order.
    pub phrases: Vec<usize>,
}

impl Clause {
    /// Every token index of the clause, in order.
    pub fn tokens(&self) -> impl Iterator<Item = usize> + '_ {
        self.parts.iter().flat_map(|r| r.clone())
    }

    /// True when token `i` is in the clause.
    pub fn contains(&self, i: usize) -> bool {
        self.parts.iter().any(|r| r.contains(&i))
    }

    /// First token.
    pub fn start(&self) -> usize {
        self.parts.first().map_or(0, |r| r.start)
    }
}

/// The parse of a sentence.
#[derive(Debug, Clone, Default)]
pub struct Parse {
    /// Phrases in text order.
    pub phrases: Vec<Phrase>,
    /// Clauses in text order of their first token.
    pub clauses: Vec<Clause>,
    /// Token → phrase index.
    pub phrase_of: Vec<Option<usize>>,
    /// Token → clause index.
    pub clause_of: Vec<usize>,
}

impl Parse {
    /// The phrases of group `g`.
    pub fn group(&self, g: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.phrases.len()).filter(move |&p| self.phrases[p].group == g)
    }
}

/// Is token `i` a verb form here (not a noun, not an adjective inside a phrase)?
fn verb_at(lex: &Lexicon, t: &Tokens, i: usize) -> bool {
    let tok = &t.toks[i];
    let Some(w) = t.word(i) else { return false };
    let info = lex.info(w);
    if info.verbs.is_empty() {
        return false;
    }
    // A closed-class word is that word, not a rare verb form (`eine` of `einen`, `die`), unless
    // it is an auxiliary or modal (`sein`).
    let closed = flag::DET
        | flag::POSS
        | flag::PREP
        | flag::PRON
        | flag::CONJ
        | flag::SUBORD
        | flag::RELATIVE
        | flag::ADVERB
        | flag::NEG;
    if info.flags & closed != 0 && info.flags & (flag::AUX | flag::MODAL) == 0 {
        return false;
    }
    if tok.cap {
        // Capitalised: a noun mid-sentence; at the start a verb only if not a known noun or time
        // word and a pronoun, `sich`, a name or an auxiliary follows (`Trafen sich ...`,
        // `Begleitet wird ...`; not `Ende des Monats`).
        let first = i == 0 || t.toks[..i].iter().all(|x| x.punct.is_some());
        if !first || info.noun.is_some() || info.flags & flag::TEMPORAL != 0 {
            return false;
        }
        let next_ok = t.toks.get(i + 1).is_some_and(|n| {
            n.slot.is_some()
                || n.word
                    .is_some_and(|w| lex.info(w).flags & (flag::PRON | flag::REFLEXIVE | flag::AUX | flag::MODAL) != 0)
        });
        if !next_ok {
            return false;
        }
    }
    // An inflected participle or adjective between a determiner and a noun (`die besuchte
    // Stadt`) is no verb.
    let prev_det = i > 0
        && t.word(i - 1)
            .is_some_and(|p| lex.info(p).flags & (flag::DET | flag::POSS) != 0);
    let next_noun = t
        .toks
        .get(i + 1)
        .is_some_and(|n| (n.cap && n.is_word()) || n.slot.is_some() || n.num);
    !(prev_det && next_noun && !info.is(flag::AUX))
}

fn finite_at(lex: &Lexicon, t: &Tokens, i: usize) -> bool {
    verb_at(lex, t, i) && t.word(i).is_some_and(|w| lex.info(w).finite())
}

/// The dot of an ordinal number inside a sentence: glued to digits (`70.`) or to a Roman
/// numeral (`Felipe VI.`, `Papst Benedikt XVI.`).
fn ordinal_dot(t: &Tokens, i: usize) -> bool {
    if i == 0 || i >= t.len() || t.toks[i].punct != Some('.') || !t.toks[i].glued {
        return false;
    }
    let prev = &t.toks[i - 1];
    prev.num
        || (prev.is_word() && prev.cap && {
            let w = t.norm(i - 1);
            (1..=5).contains(&w.len()) && w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x' | b'l' | b'c'))
        })
}

/// A capitalised word that is an inflected adjective of `-isch` or `-lich` (`Ökumenischen`,
/// `Päpstliche`), no known noun, right before a capitalised word or a name.
fn cap_adjective(lex: &Lexicon, t: &Tokens, i: usize) -> bool {
    let w = t.norm(i);
    let adjective = ["e", "en", "er", "es", "em"].iter().any(|end| {
        w.strip_suffix(end)
            .is_some_and(|rest| rest.len() > 6 && (rest.ends_with("isch") || rest.ends_with("lich")))
    });
    adjective
        && t.word(i).is_none_or(|x| lex.info(x).noun.is_none())
        && t.toks
            .get(i + 1)
            .is_some_and(|n| n.cap && (n.is_word() || n.slot.is_some()))
}

/// Hard clause boundaries.
fn hard_break(c: char) -> bool {
    matches!(c, ';' | ':' | '(' | ')' | '[' | ']' | '–' | '—' | '!' | '?' | '.')
}

/// Quotation marks: inside a sentence they mark a phrase, not a clause; phrases run through them.
fn quote(c: char) -> bool {
    matches!(
        c,
        '"' | '„' | '“' | '”' | '«' | '»' | '‚' | '‘' | '’' | '\'' | '›' | '‹'
    )
}

/// Parses a tokenised sentence.
pub fn parse(lex: &Lexicon, t: &Tokens) -> Parse {
    let n = t.len();
    // Sized once: growing these from empty was a tenth of parsing.
    let mut p = Parse {
        phrases: Vec::with_capacity(n / 3 + 2),
        clauses: Vec::with_capacity(4),
        phrase_of: vec![None; n],
        clause_of: vec![0; n],
    };
    // 1. Segments at punctuation (a comma between digits or a hyphen is no boundary).
    let mut segs: Vec<Range<usize>> = Vec::with_capacity(8);
    let mut start = 0;
    for i in 0..n {
        let Some(c) = t.toks[i].punct else { continue };
        let boundary = match c {
            ',' => !(t.toks[i].glued && i + 1 < n && t.toks[i + 1].glued && t.toks[i + 1].num),
            '.' => !ordinal_dot(t, i), // `13. September`, `2.`, `Felipe VI.`
            // `Windsor - Die Königsfamilie`: a hyphen with spaces on both sides is a dash.
            '-' => !t.toks[i].glued && t.toks.get(i + 1).is_some_and(|x| !x.glued),
            c if quote(c) => false,
            c => hard_break(c),
        };
        if boundary {
            if i > start {
                segs.push(start..i);
            }
            start = i + 1;
        }
    }
    if n > start {
        segs.push(start..n);
    }
    // 2. Split segments at `und` + finite verb when both sides have one.
    // (range, opens with a verb after `und`, its verbs are the non-finite partners of the finite
    // verb before the conjunction: `will X besuchen und Y treffen`)
    let mut split: Vec<(Range<usize>, bool, bool)> = Vec::with_capacity(segs.len() + 2);
    for s in segs {
        let mut from = s.start;
        let mut elided_first = false;
        let mut shared_first = false;
        for i in s.clone() {
            if i <= from || !t.has(lex, i, flag::CONJ) {
                continue;
            }
            let left = (from..i).any(|j| finite_at(lex, t, j));
            let verb_next = i + 1 < s.end && finite_at(lex, t, i + 1);
            let right = (i + 1..s.end).any(|j| finite_at(lex, t, j));
            // `wird X von A sowie B begleitet`: an auxiliary still waiting for its participle or
            // infinitive keeps the clause open across the conjunction.
            let open_aux = (from..i).any(|j| finite_aux_at(lex, t, j))
                && !(from..i).any(|j| verb_at(lex, t, j) && !finite_at(lex, t, j))
                && !(from..i).any(|j| {
                    verb_at(lex, t, j)
                        && t.word(j).is_some_and(|w| {
                            lex.info(w)
                                .verbs
                                .iter()
                                .any(|v| matches!(v.form, VForm::Participle | VForm::Infinitive))
                                && lex.info(w).flags & (flag::AUX | flag::MODAL) == 0
                        })
                });
            let closing_nonfinite = (i + 1..s.end).filter(|&j| verb_at(lex, t, j)).all(|j| {
                t.word(j).is_some_and(|w| {
                    lex.info(w)
                        .verbs
                        .iter()
                        .any(|v| matches!(v.form, VForm::Participle | VForm::Infinitive))
                })
            });
            // `will in Paris eine Rede halten und auch Hollande besuchen`: the modal before the
            // conjunction, its infinitive there too, and only infinitives after it.
            let modal_left = (from..i).any(|j| finite_aux_at(lex, t, j))
                && (from..i).any(|j| verb_at(lex, t, j) && is_nonfinite_form(lex, t, j) && !finite_only(lex, t, j));
            let shared = modal_left && closing_nonfinite && !verb_next;
            if left && right && !(open_aux && closing_nonfinite && !verb_next) {
                split.push((from..i, elided_first, shared_first));
                from = i + 1;
                elided_first = verb_next || shared;
                shared_first = shared;
            }
        }
        split.push((from..s.end, elided_first, shared_first));
    }
    // 3. Classify and chunk each segment.
    let mut seg_info: Vec<Seg> = Vec::with_capacity(split.len());
    for (range, elided, shared) in split {
        if range.is_empty() {
            continue;
        }
        let first = range.start;
        // The punctuation right before the segment (`)` then `,` in `X (Y), Z`).
        let before = || (0..first).rev().map_while(|j| t.toks[j].punct.filter(|c| !quote(*c)));
        let after_comma = before().any(|c| c == ',');
        let after_paren = before().any(|c| c == ')');
        let in_paren = before().next() == Some('(');
        let opener = if t.has(lex, first, flag::PREP) && range.len() > 1 {
            first + 1
        } else {
            first
        };
        let subordinate_opening =
            t.has(lex, first, flag::SUBORD) && !prep_use(lex, t, first) && !predicative_main(lex, t, &range);
        // `, seit der nordkoreanische Staatschef ... getroffen hat`: a conjunction that is also a
        // preposition, not a preposition before a relative pronoun.
        let relative_opening = after_comma
            && (opener == first || governs_relative(lex, t, first))
            && is_relative_at(lex, t, opener, range.end);
        // A verb-final clause ends with its finite verb, which the verb list may lack
        // (`unterstrich`): a lower-case unknown word closing it counts.
        // `..., Nordkorea zu besuchen`: a form after `zu` is an infinitive, not finite.
        let has_finite = range
            .clone()
            .any(|j| finite_at(lex, t, j) && !(j > 0 && t.is(j - 1, "zu")))
            || ((relative_opening || subordinate_opening) && unknown_verb_at_end(lex, t, &range));
        let kind = if relative_opening && has_finite {
            ClauseKind::Relative(None)
        } else if subordinate_opening && has_finite {
            ClauseKind::Subordinate(first)
        } else if (t.has(lex, first, flag::INF_OPENER)
            || (!has_finite && after_comma)
            // `an, X zur Rede stellen zu wollen`: a segment closing with `zu` and an infinitive
            // is one, whatever finite readings its infinitives have.
            || (after_comma
                && range
                    .clone()
                    .rev()
                    .find(|&j| t.toks[j].is_word())
                    .is_some_and(|j| j > 0 && t.is(j - 1, "zu") && is_zu_infinitive(lex, t, j))))
            && range.clone().any(|j| is_zu_infinitive(lex, t, j))
        {
            ClauseKind::Infinitive
        } else if has_finite {
            ClauseKind::Main
        } else {
            ClauseKind::Fragment
        };
        seg_info.push(Seg {
            range,
            kind,
            elided,
            shared,
            after_comma,
            after_paren,
            in_paren,
            continues: false,
        });
    }
    // `Zuvor hatte X, der den Vorsitz innehat, den Gast zu einem Frühstück empfangen`: after
    // embedded clauses, an article before a noun, up to the participle or infinitive the main
    // clause's auxiliary waits for, goes on with the main clause, not a relative clause.
    for si in 1..seg_info.len() {
        if seg_info[si].kind == ClauseKind::Relative(None)
            && seg_info[si].after_comma
            && t.toks
                .get(seg_info[si].range.start + 1)
                .is_some_and(|n| n.cap && n.slot.is_none())
            && waiting_host(lex, t, &seg_info, si).is_some_and(|k| k + 1 < si)
        {
            seg_info[si].kind = ClauseKind::Main;
            seg_info[si].continues = true;
        }
    }
    // `ist am Montag, begleitet von X, nach Moskau gereist`: a segment after a comma that opens
    // with a past participle and its agent (`von`), with no finite verb after it, is a participle
    // phrase about the subject of the clause it interrupts or closes; not a verb-first clause.
    for s in seg_info.iter_mut().skip(1) {
        let r = s.range.clone();
        if s.after_comma
            && r.len() > 2
            && participle_at(lex, t, r.start)
            && matches!(t.norm(r.start + 1), "von" | "vom")
            && (r.start + 1..r.end).all(|j| !finite_at(lex, t, j))
        {
            s.kind = ClauseKind::Adjunct;
        }
    }
    // Phrases per segment.
    for s in &seg_info {
        chunk(lex, t, s.range.clone(), !s.continues, &mut p);
    }
    // 4. Clauses. A fragment after a comma (an apposition, a list going on) joins the clause
    // before it; a clause without a finite verb so far (`Merkel, die ..., traf Y`, `Merkel,
    // Hollande und Obama trafen sich`) is completed by the next segment after the clauses
    // embedded in it.
    let mut seg_clause: Vec<usize> = vec![0; seg_info.len()];
    let mut paren_host: Option<usize> = None;
    for si in 0..seg_info.len() {
        let s = &seg_info[si];
        let mut host = None;
        // `X (Katholische Aktion), Y und Z teilnehmen`: a parenthesis is a clause of its own,
        // and what follows it continues the clause it interrupted.
        if s.in_paren {
            paren_host = si.checked_sub(1).map(|k| seg_clause[k]);
        } else if s.after_paren
            && let Some(h) = paren_host.take()
        {
            host = Some(h);
        } else if let Some(k) = (si > 0 && s.after_comma && s.kind == ClauseKind::Main)
            .then(|| waiting_host(lex, t, &seg_info, si))
            .flatten()
        {
            // `wird ... von X, dem Bischof Y und dem Bischof Z vertreten`: a list going on after
            // a comma up to the participle or infinitive its auxiliary waits for (also after
            // embedded clauses).
            host = Some(seg_clause[k]);
        } else if s.after_comma && matches!(s.kind, ClauseKind::Main | ClauseKind::Fragment) && si > 0 {
            let mut k = si - 1;
            while k > 0
                && matches!(
                    seg_info[k].kind,
                    ClauseKind::Relative(_) | ClauseKind::Subordinate(_) | ClauseKind::Infinitive | ClauseKind::Adjunct
                )
            {
                k -= 1;
            }
            let hc = seg_clause[k];
            let embedded = !matches!(
                seg_info[k].kind,
                ClauseKind::Relative(_) | ClauseKind::Subordinate(_) | ClauseKind::Infinitive
            );
            if embedded && p.clauses[hc].kind == ClauseKind::Fragment {
                host = Some(hc);
            } else if seg_info[si - 1].kind == ClauseKind::Adjunct
                && (s.kind == ClauseKind::Fragment
                    || (host_waits(lex, t, &seg_info[k])
                        && s.range.clone().rev().find(|&j| t.toks[j].is_word()).is_some_and(|j| {
                            is_nonfinite_form(lex, t, j) && s.range.clone().all(|i| i == j || !finite_at(lex, t, i))
                        })))
            {
                // The rest of the clause a participle phrase interrupted (`wurde, empfangen von
                // X, in Moskau begrüßt`).
                host = Some(hc);
            } else if s.kind == ClauseKind::Fragment {
                host = Some(seg_clause[si - 1]);
            }
        }
        if let Some(h) = host {
            p.clauses[h].parts.push(s.range.clone());
            if s.kind == ClauseKind::Main {
                p.clauses[h].kind = ClauseKind::Main;
            }
            seg_clause[si] = h;
            continue;
        }
        let prev_clause = p.clauses.len().checked_sub(1);
        // `liest X daraus, stellt sich ... und ist ... zu sehen`: a clause opening with its
        // finite verb after a comma, in a list of verb phrases that `und` + verb closes, shares
        // the subject of the clause before it.
        let listed = s.kind == ClauseKind::Main
            && s.after_comma
            && !s.elided
            && finite_at(lex, t, s.range.start)
            && seg_info.get(si + 1).is_some_and(|n| n.elided && n.kind == ClauseKind::Main)
            // Not after an inserted `erzählt sie,` (a clause opening with its verb itself).
            && prev_clause.is_some_and(|pc| {
                p.clauses[pc].kind == ClauseKind::Main && !finite_at(lex, t, p.clauses[pc].start())
            });
        // `, der nach Paris gereist war und mit Hollande sprach`: a verb-final clause after `und`
        // that goes on from a relative or subordinate clause shares its subject.
        let verb_final_conjunct = s.kind == ClauseKind::Main
            && !s.after_comma
            && s.range.start > 0
            && t.has(lex, s.range.start - 1, flag::CONJ)
            && prev_clause
                .is_some_and(|pc| matches!(p.clauses[pc].kind, ClauseKind::Relative(_) | ClauseKind::Subordinate(_)))
            && s.range
                .clone()
                .rev()
                .find(|&j| t.toks[j].is_word())
                .is_some_and(|last| finite_at(lex, t, last) && !(s.range.start..last).any(|j| finite_at(lex, t, j)));
        let elided = s.elided || listed || verb_final_conjunct;
        let parent = match s.kind {
            _ if s.in_paren => prev_clause,
            ClauseKind::Relative(_) | ClauseKind::Subordinate(_) | ClauseKind::Infinitive | ClauseKind::Adjunct => {
                prev_clause
            }
            _ if elided => prev_clause,
            _ => None,
        };
        p.clauses.push(Clause {
            parts: vec![s.range.clone()],
            kind: s.kind,
            finite: None,
            nonfinite: if s.kind == ClauseKind::Adjunct {
                vec![s.range.start]
            } else {
                Vec::new()
            },
            particle: None,
            zu: false,
            elided,
            shares_finite: s.shared,
            parent,
            phrases: Vec::new(),
        });
        seg_clause[si] = p.clauses.len() - 1;
    }
    // Subordinate clauses that open the sentence depend on the next main clause.
    for ci in 0..p.clauses.len() {
        if matches!(p.clauses[ci].kind, ClauseKind::Subordinate(_) | ClauseKind::Infinitive)
            && p.clauses[ci].parent.is_none()
        {
            p.clauses[ci].parent = (ci + 1..p.clauses.len()).find(|&k| p.clauses[k].kind == ClauseKind::Main);
        }
    }
    participial_attributes(lex, t, &mut p);
    for (ci, c) in p.clauses.iter().enumerate() {
        for i in c.tokens() {
            p.clause_of[i] = ci;
        }
    }
    for (pi, ph) in p.phrases.iter_mut().enumerate() {
        ph.clause = p.clause_of[ph.head.min(n.saturating_sub(1))];
        let _ = pi;
    }
    for pi in 0..p.phrases.len() {
        let ci = p.phrases[pi].clause;
        p.clauses[ci].phrases.push(pi);
    }
    coordinate(lex, t, &mut p);
    besides(t, &mut p);
    appositions(lex, t, &mut p);
    // 5. Verbs of each clause; antecedents of relative clauses.
    for ci in 0..p.clauses.len() {
        if matches!(p.clauses[ci].kind, ClauseKind::Participial(_) | ClauseKind::Adjunct) {
            continue; // its participle was set when it was found
        }
        verbs(lex, t, &mut p, ci);
        if let ClauseKind::Relative(_) = p.clauses[ci].kind {
            let start = p.clauses[ci].start();
            // The antecedent: the last phrase before the comma that opens the clause.
            let ante = (0..p.phrases.len())
                .rev()
                .find(|&k| p.phrases[k].toks.end <= start && p.phrases[k].head_kind != Head::None);
            // `die Gespräche in Ankara, die ...`: a city or country named without an article is
            // neuter, and `die`/`der`/`den` cannot stand for it; the noun before it is meant.
            let ante = ante.map(|k| {
                let ph = &p.phrases[k];
                // `das Treffen in Luxemburg, an dem X teilnahm`: after a preposition the relative
                // pronoun stands for what one takes part in or is at, not the city; nor the venue
                // of an event (`zu einem Empfang im Metropolitan Museum, zu dem X kam`).
                let governed = t.has(lex, start, flag::PREP);
                // Asked only after a preposition: the event nouns are compared one by one.
                let event_before = || {
                    k.checked_sub(1).is_some_and(|q| {
                        p.phrases[q].head_kind == Head::Noun && lex.is_event_noun(t.norm(p.phrases[q].head))
                    })
                };
                let venue = governed
                    && event_before()
                    && ph.prep.is_some()
                    && match t.toks[ph.head].slot {
                        Some(s) => s.kind == Kind::Place && !s.reference,
                        None => lex.is_facility_word(t.norm(ph.head)),
                    };
                let bare_place = venue
                    || (ph.prep.is_some()
                        && ph.head > 0
                        && ph.toks.start + 1 == ph.head
                        && t.toks[ph.head]
                            .slot
                            .is_some_and(|s| !s.reference && matches!(s.kind, Kind::City | Kind::Country)));
                let pronoun = if governed { start + 1 } else { start };
                let not_neuter = matches!(t.norm(pronoun), "die" | "der" | "den");
                match k.checked_sub(1) {
                    Some(prev)
                        if bare_place
                            && (not_neuter || governed)
                            && p.phrases[prev].toks.end == ph.toks.start
                            && matches!(p.phrases[prev].head_kind, Head::Noun | Head::Person) =>
                    {
                        prev
                    }
                    _ => k,
                }
            });
            let ante = ante.map(|k| p.phrases[k].appos_of.unwrap_or(k));
            let ante = ante.map(|k| {
                if p.phrases[k].genitive {
                    p.phrases[k].of.unwrap_or(k)
                } else {
                    k
                }
            });
            p.clauses[ci].kind = ClauseKind::Relative(ante);
        }
    }
    p
}

/// A form that can be an infinitive or participle.
/// A segment of a sentence between commas, parentheses and conjunctions, classified.
struct Seg {
    range: Range<usize>,
    kind: ClauseKind,
    elided: bool,
    shared: bool,
    after_comma: bool,
    after_paren: bool,
    in_paren: bool,
    /// Reclassified: it goes on with the main clause before the embedded ones.
    continues: bool,
}

/// The main-clause segment whose auxiliary the segment `si` completes: `si` opens with an
/// article and ends with the participle or infinitive, with no other finite verb; the host, found
/// back over embedded clauses, has an auxiliary or modal and no participle or infinitive yet.
fn waiting_host(lex: &Lexicon, t: &Tokens, segs: &[Seg], si: usize) -> Option<usize> {
    let r = segs[si].range.clone();
    let last = r.clone().rev().find(|&j| t.toks[j].is_word())?;
    // `will mit X, Y und Z verhandeln`: a list of names goes on too; `hatten X, die …, und
    // der Premier Y … vorbereitet`: so does a conjunct after the embedded clause.
    let first = if t.has(lex, r.start, flag::CONJ) && r.len() > 2 {
        r.start + 1
    } else {
        r.start
    };
    let goes_on = (t.has(lex, first, flag::DET) || t.toks[first].slot.is_some_and(|s| !s.attributive()))
        && is_nonfinite_form(lex, t, last)
        && r.clone().filter(|&j| j != last).all(|j| !finite_at(lex, t, j));
    if !goes_on {
        return None;
    }
    let mut k = si.checked_sub(1)?;
    while k > 0
        && matches!(
            segs[k].kind,
            ClauseKind::Relative(_) | ClauseKind::Subordinate(_) | ClauseKind::Infinitive | ClauseKind::Adjunct
        )
    {
        k -= 1;
    }
    host_waits(lex, t, &segs[k]).then_some(k)
}

/// A main-clause segment with an auxiliary or modal and no participle or infinitive yet.
fn host_waits(lex: &Lexicon, t: &Tokens, host: &Seg) -> bool {
    host.kind == ClauseKind::Main
        && host.range.clone().any(|j| finite_aux_at(lex, t, j))
        && !host
            .range
            .clone()
            .any(|j| is_nonfinite_form(lex, t, j) && !finite_only(lex, t, j) && verb_at(lex, t, j))
}

/// A finite auxiliary or modal (`hat`, `wird`, `will`).
fn finite_aux_at(lex: &Lexicon, t: &Tokens, j: usize) -> bool {
    finite_at(lex, t, j)
        && t.word(j)
            .is_some_and(|w| lex.info(w).flags & (flag::AUX | flag::MODAL) != 0)
}

/// A form that can be a past participle.
fn participle_at(lex: &Lexicon, t: &Tokens, j: usize) -> bool {
    !t.toks[j].cap
        && t.word(j)
            .is_some_and(|w| lex.info(w).verbs.iter().any(|v| v.form == VForm::Participle))
}

fn is_nonfinite_form(lex: &Lexicon, t: &Tokens, j: usize) -> bool {
    t.word(j)
        .is_some_and(|w| lex.info(w).verbs.iter().any(|v| !v.form.finite()))
}

/// A form that can only be finite.
fn finite_only(lex: &Lexicon, t: &Tokens, j: usize) -> bool {
    t.word(j)
        .is_some_and(|w| lex.info(w).verbs.iter().all(|v| v.form.finite()))
}

/// `während des Besuchs` (a preposition) rather than `während er ...` (a conjunction): a
/// genitive or dative article or a possessive follows. The words that are both (`seit`,
/// `während`, `bis`) govern no nominative: `seit der nordkoreanische Staatschef ... getroffen
/// hat`, with an adjective in its nominative ending, opens a clause.
fn prep_use(lex: &Lexicon, t: &Tokens, i: usize) -> bool {
    if !t.has(lex, i, flag::PREP) {
        return false;
    }
    let Some(next) = t.toks.get(i + 1) else { return false };
    let nominative = match t.norm(i + 1) {
        "die" | "das" => true,
        "der" => t.toks.get(i + 2).is_some_and(|a| a.ends_in_e && !a.cap),
        _ => false,
    };
    if nominative && t.has(lex, i, flag::SUBORD) {
        return false;
    }
    if next.slot.is_some() {
        return next.slot.is_some_and(|s| s.genitive);
    }
    t.word(i + 1)
        .is_some_and(|w| lex.info(w).flags & (flag::DET | flag::POSS) != 0 || lex.info(w).noun.is_some())
        || (next.cap && next.is_word() && !t.has(lex, i + 1, flag::PRON))
}

/// `Als erste Regierungschefin ist May ... empfangen worden`: a predicative marker opening a
/// segment whose finite verb stands second, with more of the clause after it, opens a main
/// clause, not a verb-final `als`-clause (`Als May in Washington ankam, ...`).
fn predicative_main(lex: &Lexicon, t: &Tokens, range: &std::ops::Range<usize>) -> bool {
    if !t.has(lex, range.start, flag::PREDICATIVE) {
        return false;
    }
    let Some(f) = (range.start + 2..range.end).find(|&j| finite_at(lex, t, j)) else {
        return false;
    };
    (f + 1..range.end).any(|k| t.toks[k].is_word() && !verb_at(lex, t, k))
}

/// The clause's first word at `i` is a preposition before a relative pronoun (`, mit dem er
/// sprach`), not a conjunction that is also a preposition (`, seit der nordkoreanische
/// Staatschef ... getroffen hat`).
fn governs_relative(lex: &Lexicon, t: &Tokens, i: usize) -> bool {
    t.has(lex, i, flag::PREP) && (!t.has(lex, i, flag::SUBORD) || prep_use(lex, t, i))
}

/// A relative pronoun at `i` (after a comma): what follows is not the rest of a noun phrase it
/// would determine (`der sie empfing`, `die am Montag ...`, `der die Unterstützung ...`).
fn is_relative_at(lex: &Lexicon, t: &Tokens, i: usize, end: usize) -> bool {
    if !t.has(lex, i, flag::RELATIVE) || (t.toks[i].cap && i > 0) {
        return false;
    }
    if matches!(
        t.norm(i),
        "dessen" | "deren" | "denen" | "welcher" | "welche" | "welches" | "welchem" | "welchen"
    ) {
        return true;
    }
    // `sagte, der Präsident werde ...`: after a finite verb and its comma an article opens
    // reported speech; a relative clause follows the noun it is about.
    if i >= 2
        && t.toks[i - 1].punct == Some(',')
        && !t.toks[i - 2].cap
        && t.word(i - 2)
            .is_some_and(|w| lex.info(w).verbs.iter().any(|v| v.form.finite()))
        && verb_at(lex, t, i - 2)
        // `war durch X vertreten, der …`: a participle closing an auxiliary's clause is no
        // verb of saying.
        && !(is_nonfinite_form(lex, t, i - 2)
            && (0..i - 2).any(|j| {
                finite_aux_at(lex, t, j)
            }))
    {
        return false;
    }
    let closing_verb = || {
        (i + 1..end)
            .rev()
            .find(|&j| t.toks[j].punct.is_none())
            .is_some_and(|j| {
                t.toks[j].is_word()
                    && !t.toks[j].cap
                    && t.word(j)
                        .is_none_or(|w| lex.info(w).flags & (flag::ADVERB | flag::PARTICLE) == 0)
            })
    };
    // `, dem Feldkircher Bischof Benno Elbs und ...`: an article before adjectives, a person
    // noun and a person's name is an apposition or a list going on, not a relative clause.
    let titled_name = || {
        let mut j = i + 1;
        while j < end
            && t.toks[j].slot.is_some_and(|s| s.attributive())
            && t.toks.get(j + 1).is_some_and(|x| x.punct.is_none())
        {
            j += 1;
        }
        j + 1 < end
            && person_title(lex, t, j).is_some()
            && t.toks[j + 1]
                .slot
                .is_some_and(|s| s.kind == crate::gazetteer::Kind::Person && !s.attributive())
    };
    match t.toks.get(i + 1).filter(|_| i + 1 < end) {
        None => false,
        Some(n) if n.slot.is_some() => !n.slot.is_some_and(|s| s.attributive()) || (closing_verb() && !titled_name()),
        Some(n) if n.punct.is_some() => false,
        Some(n) if n.cap => {
            closing_verb() && (i + 2..end).any(|j| t.toks[j].slot.is_some() || t.has(lex, j, flag::DET))
        }
        Some(_) => {
            t.word(i + 1).is_some_and(|w| {
                lex.info(w).flags
                    & (flag::DET
                        | flag::POSS
                        | flag::PRON
                        | flag::PREP
                        | flag::ADVERB
                        | flag::REFLEXIVE
                        | flag::NEG
                        | flag::VERB)
                    != 0
            }) || closing_verb()
        }
    }
}

fn unknown_verb_at_end(lex: &Lexicon, t: &Tokens, r: &Range<usize>) -> bool {
    let Some(last) = r.clone().rev().find(|&j| t.toks[j].punct.is_none()) else {
        return false;
    };
    let tok = &t.toks[last];
    tok.is_word()
        && !tok.cap
        && !tok.num
        && t.word(last).is_none_or(|w| {
            lex.info(w).flags & (flag::ADVERB | flag::PREP | flag::DET) == 0 && lex.info(w).noun.is_none()
        })
}

fn is_zu_infinitive(lex: &Lexicon, t: &Tokens, j: usize) -> bool {
    let Some(w) = t.word(j) else { return false };
    let info = lex.info(w);
    info.verbs.iter().any(|v| v.form == VForm::ZuInfinitive)
        || (j > 0 && t.is(j - 1, "zu") && info.verbs.iter().any(|v| v.form == VForm::Infinitive))
}

/// Finite verb, non-finite forms and particle of clause `ci`.
fn verbs(lex: &Lexicon, t: &Tokens, p: &mut Parse, ci: usize) {
    let toks: Vec<usize> = p.clauses[ci].tokens().collect();
    let verb_final = matches!(p.clauses[ci].kind, ClauseKind::Relative(_) | ClauseKind::Subordinate(_));
    let mut finite = None;
    let mut nonfinite = Vec::new();
    let mut zu = false;
    for &i in &toks {
        if p.phrase_of[i].is_some() || !verb_at(lex, t, i) {
            continue;
        }
        let info = lex.info(t.word(i).unwrap_or(0));
        let can_finite = info.finite();
        let can_nonfinite = info.verbs.iter().any(|v| !v.form.finite());
        if i > 0 && t.is(i - 1, "zu") {
            zu = true;
        }
        if info.verbs.iter().any(|v| v.form == VForm::ZuInfinitive) {
            zu = true;
        }
        // Main clause: the first finite form is the finite verb (`traf`, `hat`); later ones are
        // non-finite if they can be (`hat ... getroffen`). Verb-final: the last finite one.
        if can_finite && (finite.is_none() || verb_final) && !(finite.is_some() && can_nonfinite && !verb_final) {
            if verb_final && let Some(f) = finite.replace(i) {
                nonfinite.push(f);
            }
            if !verb_final {
                finite = Some(i);
            }
        } else if can_nonfinite || can_finite {
            nonfinite.push(i);
        }
    }
    // A verb-final clause's finite verb is the last verb; an earlier one counted as finite
    // (`getroffen habe`: `getroffen` could not be finite anyway) stays non-finite.
    if verb_final
        && let Some(f) = finite
        && nonfinite.iter().any(|&x| x > f)
    {
        // `..., dass er Putin treffen werde`: `werde` is finite, `treffen` non-finite.
        let last = *nonfinite.iter().max().unwrap_or(&f);
        if lex.info(t.word(last).unwrap_or(0)).finite() && last > f {
            nonfinite.retain(|&x| x != last);
            nonfinite.push(f);
            finite = Some(last);
        }
    }
    // `Begleitet wird Putin von ...`: a participle first, then the auxiliary, which is finite.
    if !verb_final
        && let Some(f) = finite
        && lex
            .info(t.word(f).unwrap_or(0))
            .verbs
            .iter()
            .any(|v| v.form == VForm::Participle || v.form == VForm::Infinitive)
        && let Some(&aux) = nonfinite.iter().find(|&&x| {
            x > f
                && t.word(x)
                    .is_some_and(|w| lex.info(w).flags & (flag::AUX | flag::MODAL) != 0 && lex.info(w).finite())
        })
        && f == toks
            .iter()
            .copied()
            .find(|&i| t.toks[i].punct.is_none())
            .unwrap_or(usize::MAX)
    {
        nonfinite.retain(|&x| x != aux);
        nonfinite.push(f);
        finite = Some(aux);
    }
    nonfinite.sort_unstable();
    // A separable particle closes a main clause (the last word before the clause ends).
    let mut particle = None;
    if !verb_final && let Some(f) = finite {
        let last_word = toks.iter().rev().copied().find(|&i| t.toks[i].punct.is_none());
        if let Some(l) = last_word
            && l > f
            && t.toks[l].is_word()
            && !t.toks[l].cap
            && t.has(lex, l, flag::PARTICLE)
            && p.phrase_of[l].is_none()
        {
            let pw = t.word(l);
            let finfo = lex.info(t.word(f).unwrap_or(0));
            if finfo.verbs.iter().any(|v| v.particle == pw) {
                particle = Some(l);
            }
        }
    }
    if p.clauses[ci].shares_finite {
        nonfinite.extend(finite.take());
        nonfinite.sort_unstable();
    }
    let c = &mut p.clauses[ci];
    c.finite = finite;
    c.nonfinite = nonfinite;
    c.particle = particle;
    c.zu = zu;
}

/// True for a word that can stand inside a phrase before its head (adjectives, numbers).
fn modifier(lex: &Lexicon, t: &Tokens, i: usize) -> bool {
    let tok = &t.toks[i];
    if !tok.is_word() || tok.cap {
        return tok.num;
    }
    let Some(w) = tok.word else { return true }; // unknown lower-case word: an adjective
    let info = lex.info(w);
    info.flags & (flag::PREP | flag::CONJ | flag::SUBORD | flag::PRON | flag::REFLEXIVE | flag::AUX | flag::MODAL) == 0
        && (info.verbs.is_empty() || !verb_at(lex, t, i))
}

/// Chunks the tokens of one segment into phrases.
/// `may_relate`: false for a segment that goes on with the main clause though it opens with a
/// word that can be a relative pronoun (see `waiting_host`).
fn chunk(lex: &Lexicon, t: &Tokens, r: Range<usize>, may_relate: bool, p: &mut Parse) {
    let mut open: Option<Phrase> = None;
    let close = |open: &mut Option<Phrase>, p: &mut Parse| {
        // `Die beiden trafen sich`: a pair word after a determiner heads its phrase, a person,
        // which ends there (`sprachen die beiden mehr als zwei Stunden`).
        if let Some(ph) = open.as_mut()
            && ph.head_kind == Head::None
            && let Some(d) = ph.det
            && d + 1 < ph.toks.end
            && t.has(lex, d + 1, flag::PAIR)
        {
            ph.head = d + 1;
            ph.toks.end = d + 2;
            ph.head_kind = Head::Person;
        }
        if let Some(mut ph) = open.take()
            && ph.head_kind != Head::None
        {
            ph.group = p.phrases.len();
            let idx = p.phrases.len();
            for i in ph.toks.clone() {
                p.phrase_of[i] = Some(idx);
            }
            p.phrases.push(ph);
        }
    };
    let new = |start: usize| Phrase {
        toks: start..start + 1,
        head: start,
        head_kind: Head::None,
        prep: None,
        prep_tok: None,
        cases: case::ANY,
        det: None,
        titles: Vec::new(),
        attrs: Vec::new(),
        possessor: None,
        of: None,
        genitive: false,
        group: 0,
        appos_of: None,
        clause: 0,
        refs: Vec::new(),
    };
    let mut i = r.start;
    while i < r.end {
        let tok = &t.toks[i];
        if let Some(c) = tok.punct {
            if quote(c) {
                i += 1;
                continue;
            }
            // `US-Präsident`: a hyphen glued on both sides stays inside the phrase, and so does
            // the dot of an ordinal (`zum 70. Jahrestag`, `König Felipe VI. und`).
            if (c == '-' && tok.glued && t.toks.get(i + 1).is_some_and(|n| n.glued)) || ordinal_dot(t, i) {
                if let Some(ph) = open.as_mut() {
                    ph.toks.end = i + 1;
                }
                i += 1;
                continue;
            }
            // `die Staats- und Regierungschefs`: a truncated compound and its conjunction belong
            // to the phrase of the noun after them, which heads it.
            let truncated = c == '-'
                && tok.glued
                && i > r.start
                && t.toks[i - 1].cap
                && i + 2 < r.end
                && t.has(lex, i + 1, flag::CONJ)
                && t.toks[i + 2].cap
                && t.toks[i + 2].is_word();
            if truncated && let Some(ph) = open.as_mut() {
                ph.toks.end = i + 2;
                ph.head_kind = Head::None;
                i += 2;
                continue;
            }
            close(&mut open, p);
            i += 1;
            continue;
        }
        // `König Felipe VI.`: the ordinal of a name is part of it.
        if i > 0 && t.toks[i - 1].slot.is_some_and(|s| s.person()) && ordinal_dot(t, i + 1) {
            if let Some(ph) = open.as_mut() {
                ph.toks.end = i + 2;
            }
            i += 2;
            continue;
        }
        if let Some(slot) = tok.slot {
            let next_hyphen = t.toks.get(i + 1).is_some_and(|n| n.punct == Some('-') && n.glued)
                // `EU-Türkei-Gipfel`: the next part may be a name itself.
                && t.toks.get(i + 2).is_some_and(|n| n.glued && n.punct.is_none());
            let next_glued_word = t.toks.get(i + 1).is_some_and(|n| n.glued && n.is_word());
            let next_head = t.toks.get(i + 1).is_some_and(|n| (n.cap && n.is_word()) || n.slot.is_some())
                // `Kims erstes Treffen`: adjectives may stand between.
                || (i + 2..(i + 4).min(t.len())).any(|j| {
                    (t.toks[j].cap && t.toks[j].is_word()) && (i + 1..j).all(|k| modifier(lex, t, k) && !t.toks[k].cap)
                });
            // `am Sonntag US-Präsident X`: a phrase ends at its noun of time.
            if open
                .as_ref()
                .is_some_and(|ph| ph.head_kind == Head::Noun && t.has(lex, ph.head, flag::TEMPORAL))
            {
                close(&mut open, p);
            }
            // An adjective after a head opens the next phrase (`betonte Avramopoulos griechischen
            // Medienberichten zufolge`): adjectives stand before their noun.
            if slot.attributive()
                && !next_hyphen
                && !next_glued_word
                && !tok.cap
                && open.as_ref().is_some_and(|ph| ph.head_kind != Head::None)
            {
                close(&mut open, p);
            }
            let ph = open.get_or_insert_with(|| new(i));
            ph.toks.end = i + 1;
            if slot.attributive() || next_hyphen || next_glued_word {
                // An adjective, demonym or compound prefix describes the head to come — unless
                // a demonym heads the phrase (`die Finnin` with no name after it).
                let demonym_head = slot.via == crate::link::Via::Demonym && !next_head;
                if demonym_head && ph.head_kind == Head::None {
                    // `die Italienerin`: a person of that country, a description to resolve.
                    ph.head = i;
                    ph.head_kind = Head::Person;
                    ph.attrs.push(i);
                } else {
                    ph.attrs.push(i);
                }
            } else if slot.genitive && next_head && ph.head_kind == Head::None {
                ph.possessor = Some(i); // `Kims Besuch`, `Frankreichs Hauptstadt Paris`
            } else {
                match ph.head_kind {
                    Head::None => {
                        ph.head = i;
                        ph.head_kind = Head::Entity;
                    }
                    Head::Person | Head::Noun
                        if !slot.genitive
                            && !t.has(lex, ph.head, flag::TEMPORAL)
                            && !gender_clash(lex, t, ph.head, &slot) =>
                    {
                        // Close apposition: `Präsident Obama`, `Hauptstadt Paris`.
                        ph.titles.push(ph.head);
                        ph.head = i;
                        ph.head_kind = Head::Entity;
                    }
                    Head::Entity if slot.genitive && i + 1 < t.len() && person_title(lex, t, i + 1).is_some() => {
                        // German gives a name no genitive attribute after it: `in Tirana
                        // Albaniens Regierungschef X` is the possessor of the person titled
                        // next (not before a bare name: `im Fernen Osten Russlands Putin`).
                        ph.toks.end = i;
                        close(&mut open, p);
                        let mut g = new(i);
                        g.possessor = Some(i);
                        open = Some(g);
                    }
                    _ => {
                        // A second name, or a genitive after the head (`Besuch Putins`).
                        ph.toks.end = i;
                        let prev = p.phrases.len();
                        close(&mut open, p);
                        let mut g = new(i);
                        g.head_kind = Head::Entity;
                        if slot.genitive {
                            g.genitive = true;
                            g.of = Some(prev);
                        }
                        open = Some(g);
                    }
                }
            }
            i += 1;
            continue;
        }
        let w = tok.word;
        let info = w.map(|w| lex.info(w));
        let f = info.map_or(0, |x| x.flags);
        // `unter anderem`, `vor allem`: an adverbial, no phrase.
        if f & flag::PREP != 0 && i + 1 < r.end && lex.adverbial_phrase(w, t.word(i + 1)) {
            close(&mut open, p);
            i += 2;
            continue;
        }
        // Preposition (not a particle closing the clause: `reiste ab`).
        let closes = i + 1 >= r.end;
        let starts = i == r.start || t.toks[r.start..i].iter().all(|x| x.punct.is_some());
        if f & flag::PREP != 0
            && (!tok.cap || starts)
            && !closes
            && w.and_then(|w| lex.prep_before.get(&w)).is_none_or(|&next| t.word(i + 1) == Some(next))
            && !(f & flag::PARTICLE != 0 && i + 1 < r.end && verb_at(lex, t, i + 1))
            && !(f & flag::SUBORD != 0 && starts && !prep_use(lex, t, i))
            // `um Barack Obama zu treffen`: `um` opens the infinitive clause, governs nothing.
            && !(starts && f & flag::INF_OPENER != 0 && r.clone().any(|j| is_zu_infinitive(lex, t, j)))
        {
            // (A time adverbial takes no attribute: `am Mittwoch von Putin empfangen`.)
            let prev_head = open
                .as_ref()
                .filter(|o| !t.has(lex, o.head, flag::TEMPORAL))
                .map(|o| (o.head_kind, p.phrases.len()));
            close(&mut open, p);
            let mut ph = new(i);
            let (prep, cases) = match info.and_then(|x| x.contraction) {
                Some((prep, cases)) => (prep, cases),
                None => (w.unwrap_or(0), case::ANY),
            };
            ph.prep = Some(prep);
            ph.prep_tok = Some(i);
            ph.cases = cases;
            // `von X` right after a noun is its attribute (`der Besuch von X`, `Gast von X`).
            if let Some((Head::Noun | Head::Person, idx)) = prev_head
                && matches!(t.norm(i), "von" | "vom")
            {
                ph.of = Some(idx);
            }
            open = Some(ph);
            i += 1;
            continue;
        }
        if f & flag::RELATIVE != 0
            && may_relate
            && (i == r.start || (i == r.start + 1 && governs_relative(lex, t, r.start)))
            && r.start > 0
            && t.toks[r.start - 1].punct == Some(',')
            && is_relative_at(lex, t, i, r.end)
        {
            let ph = open.get_or_insert_with(|| new(i));
            ph.toks.end = i + 1;
            ph.head = i;
            ph.head_kind = Head::Relative;
            ph.cases &= lex.info(w.unwrap_or(0)).rel;
            close(&mut open, p);
            i += 1;
            continue;
        }
        if f & (flag::DET | flag::POSS) != 0 && (!tok.cap || starts) {
            let det_cases = info.map_or(case::ANY, |x| if x.det != 0 { x.det } else { case::ANY });
            let genitive_det = det_cases & case::GEN != 0 && det_cases & (case::NOM | case::ACC) == 0;
            let prev_head = open.as_ref().filter(|o| o.head_kind != Head::None).map(|o| o.head_kind);
            let continuing = open
                .as_ref()
                .is_some_and(|o| o.head_kind == Head::None && o.det.is_none());
            if !continuing {
                let prev = p.phrases.len();
                close(&mut open, p);
                let mut ph = new(i);
                // `der Besuch des Präsidenten`: a genitive article after a head. The ambiguous
                // `der` not after a name: German gives names no genitive attribute after them, so
                // `auf Einladung von Faymann der türkische Premier X und Y` starts the subject.
                if prev_head.is_some()
                    && (genitive_det
                        || (det_cases & case::GEN != 0 && t.is(i, "der") && prev_head != Some(Head::Entity)))
                {
                    ph.genitive = true;
                    ph.of = Some(prev);
                    ph.cases = case::GEN;
                }
                open = Some(ph);
            }
            let ph = open.as_mut().expect("opened");
            ph.toks.end = i + 1;
            ph.det = Some(i);
            if !ph.genitive {
                ph.cases &= det_cases;
                if ph.cases == 0 {
                    ph.cases = det_cases;
                }
            }
            if f & flag::POSS != 0 {
                ph.possessor = Some(i);
            }
            i += 1;
            continue;
        }
        // A capitalised `Sie`/`Ihnen` mid-sentence is the polite form: a person all the same.
        let polite = tok.cap
            && info
                .and_then(|x| x.pron)
                .is_some_and(|(_, r)| r == Refers::FemaleOrPlural || r == Refers::Plural);
        if f & flag::PRON != 0 && (!tok.cap || starts || polite) {
            // `von ihm`, `mit ihr`: a preposition with nothing else yet governs the pronoun.
            let governed = open
                .as_ref()
                .filter(|o| o.head_kind == Head::None && o.prep.is_some() && o.toks == (i - 1..i))
                .map(|o| (o.toks.start, o.prep, o.prep_tok, o.of));
            close(&mut open, p);
            let mut ph = new(i);
            ph.head_kind = Head::Pronoun;
            if let Some((start, prep, prep_tok, of)) = governed {
                (ph.toks.start, ph.prep, ph.prep_tok, ph.of) = (start, prep, prep_tok, of);
            }
            // `er` is a subject, `ihn` an object: the pronoun's case is the phrase's.
            if let Some((pc, _)) = info.and_then(|x| x.pron) {
                ph.cases = match pc {
                    PronCase::Nom => case::NOM,
                    PronCase::Acc => case::ACC,
                    PronCase::Dat => case::DAT,
                    PronCase::NomOrAcc => case::NOM | case::ACC,
                };
            }
            open = Some(ph);
            close(&mut open, p);
            i += 1;
            continue;
        }
        // `63-Jährige`: a number, a hyphen and `Jährige` name a person; a lower-case `jährige`
        // before a noun is an adjective (`das 800-jährige Bestehen`).
        if tok.num
            && t.toks.get(i + 1).is_some_and(|n| n.punct == Some('-'))
            && t.toks
                .get(i + 2)
                .is_some_and(|n| n.is_word() && t.norm(i + 2).starts_with("jährig"))
            && (t.toks[i + 2].cap || !t.toks.get(i + 3).is_some_and(|n| n.cap && n.is_word()))
        {
            let ph = open.get_or_insert_with(|| new(i));
            ph.toks.end = i + 3;
            ph.head = i + 2;
            ph.head_kind = Head::Person;
            i += 3;
            continue;
        }
        // `mit dem Ökumenischen Patriarchen X`, `der Grünen Partei`: a capitalised adjective of a
        // name or title after its article, before its noun, is no noun itself.
        if tok.cap
            && open
                .as_ref()
                .is_some_and(|o| o.head_kind == Head::None && (o.det.is_some() || o.prep.is_some()))
            && cap_adjective(lex, t, i)
        {
            if let Some(ph) = open.as_mut() {
                ph.toks.end = i + 1;
            }
            i += 1;
            continue;
        }
        // `Kremlchef`, `Russlandreise`: the lower-case rest of a closed compound whose first part
        // names an entity is a noun like a capitalised word.
        let compound_tail = !tok.cap && i > 0 && t.compound_name_before(i) == Some(i - 1);
        if (tok.cap || compound_tail)
            && tok.is_word()
            && !verb_at(lex, t, i)
            && f & (flag::CONJ | flag::SUBORD | flag::ADVERB | flag::PREP | flag::DET) == 0
        {
            let person = is_person_noun(lex, t, i);
            let kind = if person { Head::Person } else { Head::Noun };
            let temporal = f & flag::TEMPORAL != 0;
            let hyphen_compound =
                compound_tail || (i > 1 && t.toks[i - 1].punct == Some('-') && t.toks[i - 1].glued && tok.glued);
            match open.as_mut() {
                Some(ph) if ph.head_kind == Head::None => {
                    ph.toks.end = i + 1;
                    ph.head = i;
                    ph.head_kind = kind;
                }
                // `September-Gipfel`, `Nahost-Reise`: the last part heads the compound.
                Some(ph) if hyphen_compound && matches!(ph.head_kind, Head::Noun | Head::Person) => {
                    ph.toks.end = i + 1;
                    ph.head = i;
                    ph.head_kind = kind;
                }
                Some(ph) if ph.head_kind == Head::Person && person => {
                    // `Außenminister Präsident`: titles in a row.
                    ph.titles.push(ph.head);
                    ph.toks.end = i + 1;
                    ph.head = i;
                }
                Some(ph)
                    if matches!(ph.head_kind, Head::Person | Head::Noun) && !temporal && !person && name_like(t, i) =>
                {
                    // `Kardinal Schönborn`, `Rapper Eminem`: an unknown name after a person
                    // noun stays in the phrase; the person noun is its title.
                    ph.toks.end = i + 1;
                    if ph.head_kind == Head::Person {
                        ph.titles.push(ph.head);
                        ph.head = i;
                        ph.head_kind = Head::Noun;
                    }
                }
                _ => {
                    close(&mut open, p);
                    let mut ph = new(i);
                    ph.head_kind = kind;
                    open = Some(ph);
                }
            }
            i += 1;
            continue;
        }
        if modifier(lex, t, i) && open.as_ref().is_some_and(|o| o.head_kind == Head::None) {
            if let Some(ph) = open.as_mut() {
                ph.toks.end = i + 1;
            }
            i += 1;
            continue;
        }
        if modifier(lex, t, i) && open.is_none() && t.toks.get(i + 1).is_some_and(|n| n.slot.is_some() || n.cap) {
            // `russische Soldaten`, `neue Präsidentin`: adjectives without an article.
            let mut ph = new(i);
            ph.toks.end = i + 1;
            open = Some(ph);
            i += 1;
            continue;
        }
        close(&mut open, p);
        i += 1;
    }
    close(&mut open, p);
}

/// An inflected past participle used as an adjective (`berufene`, `empfangenen`, `erschienenes`):
/// the lexicon word of the participle it inflects.
pub fn participle_adjective(lex: &Lexicon, t: &Tokens, i: usize) -> Option<WordId> {
    let tok = &t.toks[i];
    if tok.cap || !tok.is_word() {
        return None;
    }
    let norm = t.norm(i);
    ["en", "em", "er", "es", "e"].iter().find_map(|suffix| {
        norm.strip_suffix(suffix)
            .and_then(|stem| lex.id(stem))
            .filter(|&w| lex.info(w).verbs.iter().any(|v| v.form == VForm::Participle))
    })
}

/// Longest extended participial attribute read (tokens between the article and the participle).
const MAX_PARTICIPIAL: usize = 14;

/// `die von Kohl 1991 in sein Kabinett berufene Bundeskanzlerin`, `ihrem im Oktober erschienenen
/// Buch`: an article, then a preposition opening phrases that end in a participle used as an
/// adjective, then the noun. Those phrases belong to the participle, not to the clause around
/// them (`von Kohl` is no agent of the sentence's verb, `in sein Kabinett` no direction of it):
/// they become a fragment clause of their own.
fn participial_attributes(lex: &Lexicon, t: &Tokens, p: &mut Parse) {
    let n = t.len();
    let mut d = 0;
    while d + 2 < n {
        let opens = t.has(lex, d, flag::DET) || t.has(lex, d, flag::POSS);
        // `die von Kohl … berufene`; also `die Mitte Juli in Wien erzielte Vereinbarung`, `die
        // gestern in Wien erzielte`, after a finite verb only (so that `Die Woche in Wien
        // verbrachte Merkel …` keeps its finite verb).
        let timed = || {
            (t.has(lex, d + 1, flag::TEMPORAL) || t.has(lex, d + 1, flag::ADVERB))
                && (0..d).any(|k| !t.toks[k].cap && t.word(k).is_some_and(|w| lex.info(w).finite()))
        };
        if !opens || !(t.has(lex, d + 1, flag::PREP) || timed()) {
            d += 1;
            continue;
        }
        let mut end = None;
        for j in d + 2..(d + 2 + MAX_PARTICIPIAL).min(n) {
            let tok = &t.toks[j];
            // The participle (`eröffneten` is also a past tense) before the noun it qualifies.
            if participle_adjective(lex, t, j).is_some()
                && t.toks
                    .get(j + 1)
                    .is_some_and(|x| x.slot.is_some() || (x.is_word() && (x.cap || modifier(lex, t, j + 1))))
            {
                end = Some(j);
                break;
            }
            if (tok.punct.is_some() && tok.punct != Some('-'))
                || t.has(lex, j, flag::CONJ | flag::SUBORD)
                || t.word(j).is_some_and(|w| lex.info(w).finite() && !tok.cap)
            {
                break;
            }
        }
        let Some(end) = end else {
            d += 1;
            continue;
        };
        let span = d + 1..end + 1;
        let Some(host) = p
            .clauses
            .iter()
            .position(|c| c.parts.iter().any(|r| r.start <= span.start && span.end <= r.end))
        else {
            d = end + 1;
            continue;
        };
        let mut parts = Vec::new();
        for r in std::mem::take(&mut p.clauses[host].parts) {
            if r.start <= span.start && span.end <= r.end {
                if r.start < span.start {
                    parts.push(r.start..span.start);
                }
                if span.end < r.end {
                    parts.push(span.end..r.end);
                }
            } else {
                parts.push(r);
            }
        }
        p.clauses[host].parts = parts;
        let head = p.phrases.iter().position(|ph| ph.toks.contains(&(end + 1)));
        p.clauses.push(Clause {
            parts: vec![span],
            kind: ClauseKind::Participial(head),
            finite: None,
            nonfinite: vec![end],
            particle: None,
            zu: false,
            elided: false,
            shares_finite: false,
            parent: Some(host),
            phrases: Vec::new(),
        });
        d = end + 1;
    }
}

/// A capitalised word that looks like a name rather than a common noun: not in the lexicon,/// A capitalised word that looks like a name rather than a common noun: not in the lexicon,
/// not a compound of a known noun.
fn name_like(t: &Tokens, i: usize) -> bool {
    t.toks[i].word.is_none() && t.toks[i].head.is_none()
}

/// A person noun (title), also as the head of a closed compound (`Wirtschaftsminister`).
pub fn is_person_noun(lex: &Lexicon, t: &Tokens, i: usize) -> bool {
    person_title(lex, t, i).is_some()
}

/// The title entry of a person noun token, if any.
pub fn person_title(lex: &Lexicon, t: &Tokens, i: usize) -> Option<super::lexicon::NounId> {
    let tok = &t.toks[i];
    if !tok.is_word() {
        return None;
    }
    let noun = tok
        .word
        .and_then(|w| lex.info(w).noun)
        .or_else(|| tok.head.and_then(|h| lex.info(h).noun))?;
    lex.nouns[noun as usize].title.map(|_| noun)
}

/// `traf die Kanzlerin Wladimir Putin`: a feminine person noun is no title of a man's name. (A
/// masculine title is: `Außenminister Choe Son-hui` is a woman.)
fn gender_clash(lex: &Lexicon, t: &Tokens, title: usize, slot: &super::token::Slot) -> bool {
    use crate::gazetteer::Gender;
    let title_gender = person_title(lex, t, title).and_then(|n| lex.nouns[n as usize].gender);
    title_gender == Some(Gender::Female) && slot.gender == Some(Gender::Male)
}

/// Joins phrases of a clause into coordination groups: `A und B`, `A, B und C`, `A sowie B`.
fn coordinate(lex: &Lexicon, t: &Tokens, p: &mut Parse) {
    // `A (Katholische Aktion), B (Laienrat) und C`: a parenthesis inside a list is read past, so
    // its phrases and brackets stand neither between nor beside the conjuncts.
    let mut depth = vec![0u8; t.len()];
    let mut d = 0u8;
    for (j, tok) in t.toks.iter().enumerate() {
        if tok.punct == Some(')') {
            d = d.saturating_sub(1);
        }
        depth[j] = d;
        if tok.punct == Some('(') {
            d = d.saturating_add(1);
        }
    }
    let bracketed = |j: usize| depth[j] > 0 || matches!(t.toks[j].punct, Some('(' | ')'));
    // The phrase before `k` in its own clause, past the phrases of a parenthesis only.
    let before = |p: &Parse, k: usize| -> Option<usize> {
        let mut j = k.checked_sub(1)?;
        while p.phrases[j].clause != p.phrases[k].clause && bracketed(p.phrases[j].toks.start) {
            j = j.checked_sub(1)?;
        }
        (p.phrases[j].clause == p.phrases[k].clause).then_some(j)
    };
    for k in 1..p.phrases.len() {
        let Some(ka) = before(p, k) else { continue };
        let (a, b) = (&p.phrases[ka], &p.phrases[k]);
        let between: Vec<usize> = (a.toks.end..b.toks.start).filter(|&j| !bracketed(j)).collect();
        let joined = !between.is_empty()
            && between.iter().all(|&j| {
                t.toks[j].punct == Some(',')
                    || t.has(lex, j, flag::CONJ)
                    || matches!(
                        t.norm(j),
                        "auch" | "anschliessend" | "danach" | "dann" | "zudem" | "schliesslich" | "ausserdem"
                    )
            })
            && between
                .iter()
                .any(|&j| t.toks[j].punct == Some(',') || t.has(lex, j, flag::CONJ));
        if !joined || b.genitive || b.of.is_some() {
            continue;
        }
        let comparable = |h: Head| matches!(h, Head::Entity | Head::Person | Head::Pronoun);
        let same_kind = comparable(a.head_kind) && comparable(b.head_kind)
            || (a.head_kind == Head::Noun && b.head_kind == Head::Noun);
        // A comma alone joins only when the list goes on with `und` (`A, B und C`).
        let comma_only = between.iter().all(|&j| t.toks[j].punct == Some(','));
        let next = (k + 1..p.phrases.len()).find(|&n| before(p, n) == Some(k));
        let list_goes_on = comma_only
            && next.is_some_and(|n| {
                (b.toks.end..p.phrases[n].toks.start)
                    .filter(|&j| !bracketed(j))
                    .any(|j| t.has(lex, j, flag::CONJ) || t.toks[j].punct == Some(','))
            });
        // A comma joins phrases of a kind only (`für Flüchtlinge, António Guterres,` is an
        // apposition after an attribute, not a list).
        if comma_only && (!list_goes_on || !same_kind) {
            continue;
        }
        if b.prep.is_some() && b.prep != a.prep {
            continue;
        }
        // `der USA und Russlands, John Kerry und Sergej Lawrow,`: a comma does not join a person
        // to a place.
        let person = |ph: &Phrase| t.toks[ph.head].slot.map(|s| s.kind == crate::gazetteer::Kind::Person);
        if between.iter().any(|&j| t.toks[j].punct == Some(','))
            && matches!((person(a), person(b)), (Some(x), Some(y)) if x != y)
        {
            continue;
        }
        let (group, prep, prep_tok) = (a.group, a.prep, a.prep_tok);
        let genitive_of = (a.genitive, a.of);
        let b = &mut p.phrases[k];
        // `mit Flüchtlingen und dem Premier X`: the preposition is shared by every conjunct;
        // only phrases of a kind form a group of participants.
        if b.prep.is_none() {
            b.prep = prep;
            b.prep_tok = prep_tok;
        }
        if same_kind {
            b.group = group;
            // `der Führer Kim Il Sung und Kim Jong Il`: a conjunct of a genitive is a genitive.
            if genitive_of.0 && b.det.is_none() {
                b.genitive = true;
                b.of = genitive_of.1;
            }
        }
    }
}

/// `neben X auch A und B`: X is one more of the list after `auch` (`An dem Gipfel nahmen neben
/// dem griechischen Premier X auch A, B und C teil`), a person joined to its group.
fn besides(t: &Tokens, p: &mut Parse) {
    let person = |t: &Tokens, ph: &Phrase| t.toks[ph.head].slot.is_some_and(|s| s.person());
    for k in 0..p.phrases.len().saturating_sub(1) {
        let (a, b) = (&p.phrases[k], &p.phrases[k + 1]);
        let joins = a.prep_tok.is_some_and(|pt| t.is(pt, "neben"))
            && a.clause == b.clause
            && b.prep.is_none()
            && b.toks.start == a.toks.end + 1
            && t.is(a.toks.end, "auch")
            && person(t, a)
            && person(t, b);
        if joins {
            let group = b.group;
            let a = &mut p.phrases[k];
            a.prep = None;
            a.prep_tok = None;
            a.group = group;
        }
    }
}

/// `X, der französische Präsident, ...` and `dem Fraktionschef, dem Abgeordneten X, ...`: a
/// phrase with a determiner or title right after a comma that follows an entity or person noun of
/// the same clause is an apposition to it.
fn appositions(lex: &Lexicon, t: &Tokens, p: &mut Parse) {
    for q in 1..p.phrases.len() {
        let start = p.phrases[q].toks.start;
        // `traf die drei Mitglieder des Präsidiums, darunter den Bosniaken X`: members named
        // out of a group stand for it.
        let members = members_of_group(t, start);
        if start == 0 || (members.is_none() && t.toks[start - 1].punct != Some(',')) || p.phrases[q].prep.is_some() {
            continue;
        }
        let ph = &p.phrases[q];
        if !matches!(ph.head_kind, Head::Entity | Head::Person) {
            continue;
        }
        let Some(prev) = (0..q)
            .rev()
            .find(|&k| p.phrases[k].of.is_none() && !p.phrases[k].genitive)
        else {
            continue;
        };
        // `den UN-Hochkommissar für Flüchtlinge, António Guterres,`: a person noun with a
        // prepositional attribute right after it.
        let attribute = |k: usize| {
            let a = &p.phrases[k];
            k > 0
                && a.head_kind == Head::Noun
                && a.prep.is_some()
                && p.phrases[k - 1].head_kind == Head::Person
                && p.phrases[k - 1].toks.end == a.toks.start
        };
        let prev = if attribute(prev) && t.toks.get(p.phrases[q].toks.end).is_some_and(|x| x.punct == Some(',')) {
            prev - 1
        } else {
            prev
        };
        let pv = &p.phrases[prev];
        // The phrase with its genitive attributes (`die Außenminister der USA und Russlands`).
        let between_genitive =
            (prev + 1..q).all(|k| p.phrases[k].genitive || p.phrases[k].of.is_some() || attribute(k));
        let end = (prev + 1..q)
            .map(|k| p.phrases[k].toks.end)
            .max()
            .unwrap_or(pv.toks.end);
        if members.is_some_and(|comma| end == comma) && between_genitive && pv.head_kind != Head::Entity {
            p.phrases[q].appos_of = Some(prev);
            continue;
        }
        if !between_genitive
            || end + 1 != start
            || pv.clause != ph.clause
            || !matches!(pv.head_kind, Head::Entity | Head::Person)
        {
            continue;
        }
        // A bare name explains only a plural person noun (`die Außenminister, John Kerry und
        // Sergej Lawrow,`); otherwise an apposition has a determiner or a title.
        let plural_persons = pv.head_kind == Head::Person
            && person_title(lex, t, pv.head).is_some_and(|n| {
                let noun = &lex.nouns[n as usize];
                noun.plural
                    || (noun.gender == Some(crate::gazetteer::Gender::Male)
                        && pv.det.is_some_and(|d| matches!(t.norm(d), "die" | "den")))
            });
        // `Der Außenminister Russlands, Sergej Lawrow, traf`: a name between commas after a
        // person noun.
        let closed = pv.head_kind == Head::Person && t.toks.get(ph.toks.end).is_some_and(|x| x.punct == Some(','));
        if !(ph.det.is_some() || !ph.titles.is_empty() || ph.head_kind == Head::Person || plural_persons || closed) {
            continue;
        }
        // A list of names is no apposition (`Merkel, die Kanzlerin Österreichs` has a title).
        if pv.group == ph.group {
            continue;
        }
        // `empfing der Präsident, X, den Kardinal`: the comma closes the apposition X; a phrase
        // after it in another case is the clause's, not a second apposition.
        if let Some(head) = pv.appos_of
            && p.phrases[head].cases & ph.cases == 0
        {
            continue;
        }
        p.phrases[q].appos_of = Some(prev);
    }
    apposition_conjuncts(lex, t, p);
}

/// `Der Präsident des EP, Martin Schulz, und der Premier X`: the comma closes the apposition, and
/// what `und` adds after it is coordinated with the phrase the apposition explains.
fn apposition_conjuncts(lex: &Lexicon, t: &Tokens, p: &mut Parse) {
    for q in 0..p.phrases.len() {
        let Some(prev) = p.phrases[q].appos_of else { continue };
        // The apposition with its genitive attributes (`X, der Präsident Frankreichs, und Y`).
        let end = (q + 1..p.phrases.len())
            .take_while(|&k| p.phrases[k].of == Some(q) || p.phrases[k].genitive)
            .map(|k| p.phrases[k].toks.end)
            .fold(p.phrases[q].toks.end, usize::max);
        let closed = t.toks.get(end).is_some_and(|x| x.punct == Some(','))
            && end + 1 < t.len()
            && t.has(lex, end + 1, flag::CONJ);
        if !closed {
            continue;
        }
        let (group, head_group, clause, prep, prep_tok) = (
            p.phrases[q].group,
            p.phrases[prev].group,
            p.phrases[prev].clause,
            p.phrases[prev].prep,
            p.phrases[prev].prep_tok,
        );
        for r in q + 1..p.phrases.len() {
            let ph = &mut p.phrases[r];
            if ph.group == group && ph.toks.start > end + 1 && ph.clause == clause {
                ph.group = head_group;
                if ph.prep.is_none() {
                    ph.prep = prep;
                    ph.prep_tok = prep_tok;
                }
            }
        }
    }
}

/// When the phrase starting at `start` follows `, darunter` (members named out of the group
/// before; `darunter` may open the phrase itself): the comma's index.
pub fn members_of_group(t: &Tokens, start: usize) -> Option<usize> {
    let at = if t.is(start, "darunter") {
        start
    } else {
        start.checked_sub(1)?
    };
    let comma = at.checked_sub(1)?;
    (t.is(at, "darunter") && t.toks[comma].punct == Some(',')).then_some(comma)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Kind;
    use crate::link::{Mention, Via};
    use crate::span::Span;

    fn parse_str(text: &str, names: &[(&str, Kind, Via)]) -> (Tokens, Parse) {
        let lex = Lexicon::get();
        let mut mentions = Vec::new();
        let mut kinds = Vec::new();
        for (k, (name, kind, via)) in names.iter().enumerate() {
            let at = text.find(name).expect("name in text");
            mentions.push(Mention {
                span: Span::new(at, at + name.len()),
                entity: k as u32,
                via: *via,
                genitive: *via == Via::Inflection,
            });
            kinds.push(*kind);
        }
        mentions.sort();
        let t = super::super::token::tokenize(lex, text, Span::new(0, text.len()), &mentions, |e| kinds[e as usize]);
        let p = parse(lex, &t);
        (t, p)
    }

    #[test]
    fn the_rest_of_a_closed_compound_after_an_entity_heads_a_phrase() {
        let (t, p) = parse_str(
            "Der Kremlchef traf Merkel.",
            &[
                ("Kreml", Kind::Organization, Via::Compound),
                ("Merkel", Kind::Person, Via::Alias),
            ],
        );
        let kinds: Vec<Head> = p.phrases.iter().map(|ph| ph.head_kind).collect();
        assert_eq!(kinds, [Head::Person, Head::Entity], "{:?}", p.phrases);
        assert_eq!(t.norm(p.phrases[0].head), "chef");
    }

    #[test]
    fn an_extended_participial_attribute_is_a_clause_of_its_own() {
        let (t, p) = parse_str(
            "Merkel traf die von Obama in sein Kabinett berufene Ministerin.",
            &[
                ("Merkel", Kind::Person, Via::Alias),
                ("Obama", Kind::Person, Via::Alias),
            ],
        );
        let attr = p
            .clauses
            .iter()
            .find(|c| matches!(c.kind, ClauseKind::Participial(Some(_))))
            .expect("a participial clause");
        let words: Vec<&str> = attr.tokens().map(|i| t.norm(i)).collect();
        assert_eq!(words.last(), Some(&"berufene"), "{words:?}");
        assert_eq!(attr.nonfinite.len(), 1);
        let ClauseKind::Participial(Some(head)) = attr.kind else {
            unreachable!()
        };
        assert_eq!(t.norm(p.phrases[head].head), "ministerin");
        // The main clause keeps the article and the noun, not the attribute's phrases.
        assert!(!p.clauses[0].contains(attr.parts[0].start));
    }

    #[test]
    fn a_participle_phrase_with_its_agent_interrupts_the_clause_it_belongs_to() {
        let (t, p) = parse_str(
            "Merkel ist am Montag, begleitet von Gabriel, nach Paris gereist.",
            &[
                ("Merkel", Kind::Person, Via::Alias),
                ("Gabriel", Kind::Person, Via::Alias),
                ("Paris", Kind::City, Via::Alias),
            ],
        );
        assert_eq!(p.clauses.len(), 2, "{:?}", p.clauses);
        let (main, adj) = (&p.clauses[0], &p.clauses[1]);
        assert_eq!(adj.kind, ClauseKind::Adjunct);
        assert_eq!(adj.parent, Some(0));
        assert_eq!(
            adj.nonfinite.iter().map(|&i| t.norm(i)).collect::<Vec<_>>(),
            ["begleitet"]
        );
        // The main clause goes on after it and keeps its participle.
        assert_eq!(
            main.nonfinite.iter().map(|&i| t.norm(i)).collect::<Vec<_>>(),
            ["gereist"]
        );
        // Without an agent, a verb after a comma opens a clause of its own.
        let (_, p) = parse_str(
            "Merkel kam, begleitet wurde sie nicht.",
            &[("Merkel", Kind::Person, Via::Alias)],
        );
        assert!(
            p.clauses.iter().all(|c| c.kind != ClauseKind::Adjunct),
            "{:?}",
            p.clauses
        );
    }

    #[test]
    fn a_relative_clause_after_a_participle_closing_an_auxiliary_clause() {
        let persons = [
            ("Faymann", Kind::Person, Via::Alias),
            ("Paris", Kind::City, Via::Alias),
            ("Österreich", Kind::Country, Via::Alias),
        ];
        let (_, p) = parse_str(
            "Österreich war durch Faymann vertreten, der nach Paris gereist war.",
            &persons,
        );
        assert!(
            matches!(p.clauses[1].kind, ClauseKind::Relative(Some(_))),
            "{:?}",
            p.clauses
        );
        // After a finite verb of saying, an article opens reported speech.
        let (_, p) = parse_str("Faymann sagte, der Präsident sei nach Paris gereist.", &persons[..2]);
        assert!(
            p.clauses.iter().all(|c| !matches!(c.kind, ClauseKind::Relative(_))),
            "{:?}",
            p.clauses
        );
    }

    #[test]
    fn a_conjunct_after_a_relative_clause_goes_on_with_the_waiting_main_clause() {
        let (_, p) = parse_str(
            "Den Plan hatten Merkel, die in Brüssel gelandet war, und der Premier Rutte vorbereitet.",
            &[
                ("Merkel", Kind::Person, Via::Alias),
                ("Brüssel", Kind::City, Via::Alias),
                ("Rutte", Kind::Person, Via::Alias),
            ],
        );
        assert_eq!(p.clauses.len(), 2, "{:?}", p.clauses);
        assert_eq!(p.clauses[0].kind, ClauseKind::Main);
        assert_eq!(p.clauses[0].nonfinite.len(), 1, "{:?}", p.clauses[0]);
        let rutte = p
            .phrases
            .iter()
            .position(|ph| ph.toks.end == 15)
            .expect("Rutte's phrase");
        assert_eq!(p.phrases[rutte].clause, 0, "{:?}", p.phrases);
    }

    #[test]
    fn a_phrase_ends_at_its_noun_of_time() {
        let (t, p) = parse_str(
            "Merkel hat am Sonntag US-Präsident Obama begrüßt.",
            &[
                ("Merkel", Kind::Person, Via::Alias),
                ("US", Kind::Country, Via::Alias),
                ("Obama", Kind::Person, Via::Alias),
            ],
        );
        let kinds: Vec<Head> = p.phrases.iter().map(|ph| ph.head_kind).collect();
        assert_eq!(kinds, [Head::Entity, Head::Noun, Head::Entity], "{:?}", p.phrases);
        assert_eq!(t.norm(p.phrases[1].head), "sonntag");
        // Obama is a phrase of its own, not governed by `am`.
        assert!(p.phrases[2].prep.is_none());
    }

    #[test]
    fn a_hyphen_compound_of_names_is_headed_by_its_last_part() {
        let (t, p) = parse_str(
            "Beim EU-Türkei-Gipfel sprach Merkel.",
            &[
                ("EU", Kind::Organization, Via::Alias),
                ("Türkei", Kind::Country, Via::Alias),
                ("Merkel", Kind::Person, Via::Alias),
            ],
        );
        assert_eq!(t.norm(p.phrases[0].head), "gipfel", "{:?}", p.phrases);
        assert_eq!(p.phrases[0].attrs.len(), 2);
    }

    #[test]
    fn an_age_is_a_person_only_as_a_noun() {
        let (t, p) = parse_str("Der 63-Jährige traf das 800-jährige Denkmal.", &[]);
        let heads: Vec<(&str, Head)> = p.phrases.iter().map(|ph| (t.norm(ph.head), ph.head_kind)).collect();
        assert_eq!(
            heads,
            [("jährige", Head::Person), ("denkmal", Head::Noun)],
            "{:?}",
            p.phrases
        );
    }

    #[test]
    fn relative_clause_interrupts_a_main_clause() {
        let text = "Merkel, die am Montag in Paris war, traf Hollande.";
        let (t, p) = parse_str(
            text,
            &[
                ("Merkel", Kind::Person, Via::Alias),
                ("Paris", Kind::City, Via::Alias),
                ("Hollande", Kind::Person, Via::Alias),
            ],
        );
        assert_eq!(p.clauses.len(), 2, "{:?}", p.clauses);
        let main = &p.clauses[0];
        assert_eq!(main.kind, ClauseKind::Main);
        assert_eq!(t.norm(main.finite.unwrap()), "traf");
        assert!(matches!(p.clauses[1].kind, ClauseKind::Relative(Some(0))));
    }

    #[test]
    fn titles_prepositions_and_coordination() {
        let text = "Er traf sich mit US-Präsident Obama, Merkel und Hollande.";
        let (t, p) = parse_str(
            text,
            &[
                ("US", Kind::Country, Via::Compound),
                ("Obama", Kind::Person, Via::Alias),
                ("Merkel", Kind::Person, Via::Alias),
                ("Hollande", Kind::Person, Via::Alias),
            ],
        );
        let obama = p
            .phrases
            .iter()
            .find(|ph| ph.head_kind == Head::Entity && t.toks[ph.head].span.slice(text) == "Obama")
            .unwrap();
        assert_eq!(
            obama.prep.map(|w| Lexicon::get().info(w).flags & flag::PREP != 0),
            Some(true)
        );
        assert_eq!(obama.attrs.len(), 1);
        assert_eq!(obama.titles.len(), 1);
        let groups: Vec<usize> = p
            .phrases
            .iter()
            .filter(|ph| ph.head_kind == Head::Entity)
            .map(|ph| ph.group)
            .collect();
        assert!(groups.windows(2).all(|w| w[0] == w[1]), "{groups:?}");
        let hollande = p.phrases.last().unwrap();
        assert!(hollande.prep.is_some(), "Hollande shares `mit`");
    }

    #[test]
    fn a_truncated_compound_joins_the_phrase_of_the_noun_after_it() {
        let (t, p) = parse_str(
            "Die Staats- und Regierungschefs trafen Kerry.",
            &[("Kerry", Kind::Person, Via::Alias)],
        );
        let ph = &p.phrases[0];
        assert_eq!(t.norm(ph.head), "regierungschefs");
        assert_eq!(ph.toks.start, 0);
        assert_eq!(p.phrases.len(), 2, "the truncated `Staats-` is no phrase of its own");
        // A hyphen with no conjunction after it is no truncated compound.
        let (t, p) = parse_str(
            "Die Staats- Regierungschefs trafen Kerry.",
            &[("Kerry", Kind::Person, Via::Alias)],
        );
        assert_eq!(t.norm(p.phrases[0].head), "staats");
    }

    #[test]
    fn und_with_a_verb_opens_a_clause_with_an_elided_subject() {
        let text = "Kerry traf Lawrow und besuchte danach Moskau.";
        let (t, p) = parse_str(
            text,
            &[
                ("Kerry", Kind::Person, Via::Alias),
                ("Lawrow", Kind::Person, Via::Alias),
                ("Moskau", Kind::City, Via::Alias),
            ],
        );
        assert_eq!(p.clauses.len(), 2);
        assert!(p.clauses[1].elided);
        assert_eq!(t.norm(p.clauses[1].finite.unwrap()), "besuchte");
    }

    #[test]
    fn separable_particle_and_participles() {
        let text = "Putin traf am Montag in Wladiwostok ein.";
        let (t, p) = parse_str(
            text,
            &[
                ("Putin", Kind::Person, Via::Alias),
                ("Wladiwostok", Kind::City, Via::Alias),
            ],
        );
        assert_eq!(t.norm(p.clauses[0].particle.unwrap()), "ein");
        let text = "Putin hat Kim im September getroffen.";
        let (t, p) = parse_str(
            text,
            &[("Putin", Kind::Person, Via::Alias), ("Kim", Kind::Person, Via::Alias)],
        );
        assert_eq!(t.norm(p.clauses[0].finite.unwrap()), "hat");
        assert_eq!(
            p.clauses[0].nonfinite.iter().map(|&i| t.norm(i)).collect::<Vec<_>>(),
            ["getroffen"]
        );
    }

    #[test]
    fn genitives_are_attributes() {
        let text = "Der Besuch des Präsidenten in Frankreichs Hauptstadt Paris endete.";
        let (t, p) = parse_str(
            text,
            &[
                ("Frankreichs", Kind::Country, Via::Inflection),
                ("Paris", Kind::City, Via::Alias),
            ],
        );
        let genitive = p.phrases.iter().find(|ph| ph.head_kind == Head::Person).unwrap();
        assert!(genitive.genitive && genitive.of == Some(0));
        let paris = p.phrases.iter().find(|ph| ph.head_kind == Head::Entity).unwrap();
        assert_eq!(t.toks[paris.head].span.slice(text), "Paris");
        assert!(paris.possessor.is_some() && paris.prep.is_some());
    }
}
