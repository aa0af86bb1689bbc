//! Relations between entities stated by a sentence.
//!
//! Co-occurrence (two entities in one sentence) is derived in [`crate::graph`] from the linked
//! mentions and sentence spans of a [`crate::DocExtraction`]; typed relations are extracted here.

pub mod attribution;
pub mod constructions;
pub mod dates;
pub mod events;
pub mod interpret;

use crate::date::PartialDate;
use crate::gazetteer::{EntityIdx, Gazetteer, Kind};
use crate::link::Mention;
use crate::link::references::{DocRefs, Facts};
use crate::normalize::Normalized;
use crate::span::Span;
use crate::syntax::{Lexicon, parse, tokenize};
use constructions::Constructions;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Kinds of typed relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    /// Two persons met (symmetric).
    Met,
    /// A person visited a country, city or place.
    Visited,
    /// A host received a guest.
    Received,
    /// A companion accompanied a principal.
    Accompanied,
    /// A host invited a guest.
    Invited,
    /// Two persons phoned (symmetric).
    Phoned,
    /// A country supplied another with goods.
    Supplied,
}

impl RelationKind {
    /// Every kind, in output order.
    pub const ALL: [RelationKind; 7] = [
        RelationKind::Met,
        RelationKind::Visited,
        RelationKind::Received,
        RelationKind::Accompanied,
        RelationKind::Invited,
        RelationKind::Phoned,
        RelationKind::Supplied,
    ];

    /// The label used in outputs (`met`, `visited`...).
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Met => "met",
            RelationKind::Visited => "visited",
            RelationKind::Received => "received",
            RelationKind::Accompanied => "accompanied",
            RelationKind::Invited => "invited",
            RelationKind::Phoned => "phoned",
            RelationKind::Supplied => "supplied",
        }
    }

    /// Parses a label.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True for symmetric kinds, stored with subject id < object id.
    pub fn is_symmetric(self) -> bool {
        matches!(self, RelationKind::Met | RelationKind::Phoned)
    }
}

/// Who says so.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Attribution {
    /// The source entity, when it is in the gazetteer.
    pub source: Option<EntityIdx>,
    /// The words naming the source.
    pub span: Span,
}

/// A typed relation stated in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Subject entity.
    pub subject: EntityIdx,
    /// Kind.
    pub kind: RelationKind,
    /// Object entity.
    pub object: EntityIdx,
    /// Announced or expected, not (yet) done.
    pub planned: bool,
    /// When, from the text or the document date.
    pub date: Option<PartialDate>,
    /// Who says so, when the text names a source.
    pub attribution: Option<Attribution>,
    /// Goods, for `supplied`.
    pub goods: Vec<String>,
    /// The trigger words.
    pub trigger: Span,
    /// The sentence.
    pub sentence: Span,
    /// Confidence 0..1.
    pub confidence: f32,
    /// The construction that stated it (`data/de/constructions.ron`).
    pub construction: String,
    /// Stated under speculation, fear, suspicion or hearsay: reported apart, not as a fact.
    pub hedged: bool,
}

/// Tokens of a sentence the syntax layer reads at most; the rest of a longer sentence is not
/// examined for relations (counted in [`DocRelations::truncated_sentences`]). News sentences rarely
/// pass 80 tokens; the cap keeps a pathological one (thousands of clauses without a full stop)
/// linear.
pub const MAX_SYNTAX_TOKENS: usize = 300;

/// Relations kept per sentence; more are dropped and counted ([`DocRelations::dropped_relations`]).
pub const MAX_RELATIONS_PER_SENTENCE: usize = 64;

/// Tokens of evidence a relation quotes at most: a relation of a longer sentence quotes the
/// tokens around its trigger, so a sentence that gives many relations (a run of sentences without
/// a capital after the full stop, a list of visits) does not repeat its whole text in each — the
/// record stays linear in the sentence's length.
pub const EVIDENCE_TOKENS: usize = 60;

/// What the document pass produces.
#[derive(Debug, Default)]
pub struct DocRelations {
    /// Role descriptions resolved to persons (`der russische Außenminister` → Lavrov).
    pub role_mentions: Vec<Mention>,
    /// Typed relations stated as facts or plans.
    pub relations: Vec<Relation>,
    /// Relations stated under speculation, fear or hearsay.
    pub hedged: Vec<Relation>,
    /// What the text says about persons (nationality, gender, titles).
    pub facts: BTreeMap<EntityIdx, Facts>,
    /// Sentences parsed by the syntax layer (for relations or for the references they make).
    pub parsed_sentences: usize,
    /// Sentences relation constructions were applied to.
    pub candidate_sentences: usize,
    /// Sentences longer than [`MAX_SYNTAX_TOKENS`] tokens, read only up to it.
    pub truncated_sentences: usize,
    /// Relations over [`MAX_RELATIONS_PER_SENTENCE`] in a sentence, dropped.
    pub dropped_relations: usize,
}

/// Does a person mention of the sentence stand next to words that may say something about the
/// person: a capitalised word or a compound before it (`Bundeskanzlerin Merkel`, `US-Präsident
/// Obama`, `die Finnin X`), or a comma after it (`X, der französische Präsident,`)?
fn fact_cue(gaz: &Gazetteer, lex: &Lexicon, text: &str, sentence: Span, ms: &[Mention]) -> bool {
    ms.iter().enumerate().any(|(k, m)| {
        if gaz.entity(m.entity).kind != Kind::Person || m.via.is_attributive() {
            return false;
        }
        let before = text[sentence.start..m.span.start].trim_end();
        // An attributive mention right before (`der Finne X`, `US-Präsident X`).
        if k > 0 && ms[k - 1].span.end + 2 >= before.len() + sentence.start && ms[k - 1].via.is_attributive() {
            return true;
        }
        let word_before = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let tail = word_before.rsplit('-').next().unwrap_or("");
        let mut folded = String::new();
        crate::syntax::token::fold_into(tail.trim_matches(|c: char| !c.is_alphanumeric()), &mut folded);
        // A person noun before the name (`Bundeskanzlerin`, `Kardinal`, `Frau`), a compound one
        // (`Wirtschaftsminister`), or a number (`die 45-Jährige X`).
        let title = lex.id(&folded).is_some_and(|w| lex.info(w).noun.is_some())
            || lex.compound_head(&folded).is_some()
            || matches!(folded.as_str(), "frau" | "herr")
            || folded.starts_with("jährig");
        // An apposition after it (`X, der französische Präsident,`).
        let after = text[m.span.end..sentence.end].trim_start();
        let appos = after.starts_with(',') && {
            let next = after[1..].trim_start();
            ["der ", "die ", "des ", "dem ", "den "]
                .iter()
                .any(|d| next.starts_with(d))
        };
        // A party in brackets after it (`X (SPÖ)`).
        let party = after.starts_with('(')
            && ms.get(k + 1).is_some_and(|o| {
                gaz.entity(o.entity).kind == Kind::Organization
                    && text[m.span.end..o.span.start].trim() == "("
                    && text[o.span.end..].starts_with(')')
            });
        // A title the alias begins with (`Papst Franziskus`).
        let alias_title = lex.leading_title(&text[m.span.start..m.span.end]).is_some();
        title || appos || party || alias_title
    })
}

/// Does the sentence have a possessive (`Sein Besuch in Österreich`)? Asked only of sentences
/// with a trigger and no one else who could take part, so a word-by-word look is cheap enough;
/// the gate's scan cannot see them (`sein` is also a trigger verb and a part of `seine`).
fn has_possessive(lex: &Lexicon, sentence: &str) -> bool {
    let mut folded = String::new();
    sentence.split(|c: char| !c.is_alphabetic()).any(|w| {
        // The possessives words.ron lists are forms of `sein-` and `ihr-`: 3 to 6 bytes.
        (3..=6).contains(&w.len()) && {
            folded.clear();
            crate::syntax::token::fold_into(w, &mut folded);
            lex.id(&folded)
                .is_some_and(|id| lex.info(id).is(crate::syntax::lexicon::flag::POSS))
        }
    })
}

/// Is the word at `pos` preceded, over adjectives only, by a definite article or a possessive
/// (`der russische Chefdiplomat`, `die Kanzlerin`) — a description that may refer back?
fn definite_before(text: &str, from: usize, pos: usize) -> bool {
    let mut words = text[from..pos].split_whitespace().rev();
    for _ in 0..4 {
        let Some(w) = words.next() else { return false };
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // Compared without a lower-cased copy: no character but ASCII lower-cases to these
        // letters (the Kelvin sign's `k` is none of them).
        let b = w.as_bytes();
        let starts = |p: &str| b.get(..p.len()).is_some_and(|x| x.eq_ignore_ascii_case(p.as_bytes()));
        if ["der", "die", "den", "dem", "des", "beiden"]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
            || ["sein", "ihr", "dies"].iter().any(|p| starts(p))
        {
            return true;
        }
        if w.chars().next().is_none_or(|c| c.is_uppercase()) {
            return false;
        }
    }
    false
}

/// The latest year (1900–2100) the text names as a word of its own: the reference for the dead
/// rule of an undated document (an undated 2015 report is not judged against today).
pub fn latest_year(text: &str) -> Option<PartialDate> {
    let b = text.as_bytes();
    let mut best: Option<i32> = None;
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i + 4 == b.len() || !b[i + 4].is_ascii_alphanumeric())
        {
            let y: i32 = b[i..i + 4].iter().fold(0, |a, d| a * 10 + (d - b'0') as i32);
            if (1900..=2100).contains(&y) {
                best = Some(best.map_or(y, |x| x.max(y)));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    best.map(PartialDate::year)
}

/// Runs references and relation constructions over a document. Only sentences with a trigger
/// word (found by one automaton pass over the normalised text) are parsed for relations;
/// sentences with a person are parsed for the facts they state.
pub fn extract(
    gaz: &Gazetteer,
    text: &str,
    norm: &Normalized,
    sentences: &[Span],
    mentions: &[Mention],
    date: Option<&PartialDate>,
) -> DocRelations {
    extract_traced(gaz, text, norm, sentences, mentions, date, None)
}

/// Does a sentence have a word by which a frequent verb joins a meeting (`anwesend`)?
fn joins(cons: &Constructions, sentence: &str) -> bool {
    sentence.split(|c: char| !c.is_alphanumeric()).any(|w| {
        if w.is_empty() {
            false
        } else if w.is_ascii() {
            // An ASCII run of letters and digits normalises to its lower case: compared byte by
            // byte, without normalising every word of the sentence into a new string.
            cons.join_words
                .iter()
                .any(|j| j.len() == w.len() && j.bytes().zip(w.bytes()).all(|(a, b)| a == b.to_ascii_lowercase()))
        } else {
            cons.join_words.contains(&crate::normalize::normalize_pattern(w))
        }
    })
}

/// Does `haystack` contain `needle`? With a searcher built once per needle (`str::contains`
/// sets up its two-way search at every call, and the gate asks it of most sentences with a
/// trigger word).
fn has(finder: &std::sync::LazyLock<memchr::memmem::Finder<'static>>, haystack: &str) -> bool {
    finder.find(haystack.as_bytes()).is_some()
}

static HAUPTSTADT: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("auptstadt"));
static DORT: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("dort "));
static DORT_CAP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("Dort "));

/// [`extract`], writing how every parsed sentence was read (tokens, phrases, clauses, subjects,
/// relations) into `trace` when given: what `examples/explain.rs` shows.
pub fn extract_traced(
    gaz: &Gazetteer,
    text: &str,
    norm: &Normalized,
    sentences: &[Span],
    mentions: &[Mention],
    date: Option<&PartialDate>,
    trace: Option<&mut String>,
) -> DocRelations {
    let mut gate = Gate::default();
    crate::matching::scan::overlapping(Gate::automaton(), norm.text.as_bytes(), |pattern, start, _| {
        gate.hit(norm, pattern, start)
    });
    extract_gated(gaz, text, sentences, mentions, date, gate, trace)
}

/// What the gate found in a document's normalised text: the original offsets of trigger words
/// (strong, and weak ones that need a place), person nouns and pronouns.
#[derive(Debug, Default)]
pub struct Gate {
    triggers: Vec<usize>,
    weak: Vec<usize>,
    titles: Vec<usize>,
    pronouns: Vec<usize>,
}

impl Gate {
    /// The gate's automaton, searched over the normalised text (see [`Gate::hit`]).
    pub fn automaton() -> &'static aho_corasick::dfa::DFA {
        &Constructions::get().gate
    }

    /// Notes a match of [`Gate::automaton`] (`pattern`, starting at normalised byte `start`), in
    /// the order `matching::scan::overlapping` gives them.
    pub fn hit(&mut self, norm: &Normalized, pattern: aho_corasick::PatternID, start: usize) {
        let cons = Constructions::get();
        let k = pattern.as_usize();
        // A pronoun pattern starts with the space or quote before the word, which may belong to
        // the sentence before: the word's own offset says whose it is.
        let at = start + usize::from(k >= cons.gate_pronouns);
        if let Some(&o) = norm.map.get(at) {
            let v = if k < cons.gate_triggers {
                &mut self.triggers
            } else if k < cons.gate_weak {
                &mut self.weak
            } else if k < cons.gate_pronouns {
                &mut self.titles
            } else {
                &mut self.pronouns
            };
            if v.last() != Some(&(o as usize)) {
                v.push(o as usize);
            }
        }
    }
}

/// [`extract_traced`] with the gate's matches found beforehand (by `Matcher::find_also`, in the
/// walk that finds the names).
pub fn extract_gated(
    gaz: &Gazetteer,
    text: &str,
    sentences: &[Span],
    mentions: &[Mention],
    date: Option<&PartialDate>,
    gate: Gate,
    mut trace: Option<&mut String>,
) -> DocRelations {
    let cons = Constructions::get();
    let lex = Lexicon::get();
    let Gate {
        mut triggers,
        mut weak,
        mut titles,
        mut pronouns,
    } = gate;
    for v in [&mut triggers, &mut weak, &mut titles, &mut pronouns] {
        v.sort_unstable();
    }
    // The dead rule needs a reference date; an undated document gets the latest year it names,
    // looked for only when one of its entities has died.
    let ref_date = date.copied().or_else(|| {
        mentions
            .iter()
            .any(|m| gaz.entity(m.entity).died.is_some())
            .then(|| latest_year(text))
            .flatten()
    });
    let mut refs = DocRefs::new(gaz, text, date, ref_date, mentions);
    let mut out = DocRelations::default();
    let mut k = 0;
    // The mentions of a sentence: a slice of `mentions` unless one that runs past the sentence
    // end stands before another that does not (copying them cost an allocation per sentence).
    let in_sentence = |k: &mut usize, sentence: Span| -> std::borrow::Cow<'_, [Mention]> {
        while *k < mentions.len() && mentions[*k].span.start < sentence.start {
            *k += 1;
        }
        let end = mentions[*k..]
            .iter()
            .position(|m| m.span.start >= sentence.end)
            .map_or(mentions.len(), |n| *k + n);
        let all = &mentions[*k..end];
        let inside = all.iter().take_while(|m| m.span.end <= sentence.end).count();
        if all[inside..].iter().all(|m| m.span.end > sentence.end) {
            std::borrow::Cow::Borrowed(&all[..inside])
        } else {
            std::borrow::Cow::Owned(all.iter().filter(|m| m.span.end <= sentence.end).copied().collect())
        }
    };
    // First pass: what the document says about its persons (a nationality or a title stated
    // anywhere holds for the whole document). Only sentences where a title, an apposition or an
    // attribute stands next to a name are read. Their tokens and parses are kept for the second
    // pass (with the number of tokens before the cap), which reads many of them again.
    let mut read_first: Vec<(usize, usize, crate::syntax::Tokens, crate::syntax::Parse)> = Vec::new();
    for (si, &sentence) in sentences.iter().enumerate() {
        let ms = in_sentence(&mut k, sentence);
        if fact_cue(gaz, lex, text, sentence, &ms) {
            let mut t = tokenize(lex, text, sentence, &ms, |e| gaz.entity(e).kind);
            let all = t.toks.len();
            t.toks.truncate(MAX_SYNTAX_TOKENS);
            t.set_genders(|e| refs.gender(e));
            let p = parse(lex, &t);
            refs.learn(&t, &p);
            read_first.push((si, all, t, p));
        }
    }
    let mut read_first = read_first.into_iter().peekable();
    // The document's dateline: a place opening the text before a dash (`Minsk – …`).
    let dateline_place = mentions.first().filter(|m| {
        gaz.entity(m.entity).kind.is_location()
            && sentences
                .first()
                .is_some_and(|s| s.start <= m.span.start && text[s.start..m.span.start].trim().is_empty())
            && text[m.span.end..].trim_start().starts_with(['–', '—', '-'])
    });
    let dateline_place = dateline_place.map(|m| m.entity);
    // Second pass, in order: references and relations.
    k = 0;
    // The last place named before the current sentence (for `dort`).
    let mut there: Option<EntityIdx> = None;
    // The meeting told of last (`An den Gesprächen werden X und Y teilnehmen`).
    let mut events = events::Events::default();
    let mut next_there: Option<EntityIdx> = None;
    for (si, &sentence) in sentences.iter().enumerate() {
        let ms = in_sentence(&mut k, sentence);
        there = next_there.or(there);
        // Not a place in a person's name or title (`Patriarch Kyrill von Moskau`).
        let of_person = |j: usize| {
            let m = &ms[j];
            j > 0
                && gaz.entity(ms[j - 1].entity).kind == Kind::Person
                && text[ms[j - 1].span.end..m.span.start].trim() == "von"
        };
        next_there = (0..ms.len())
            .rev()
            .find(|&j| {
                let m = &ms[j];
                !m.via.is_attributive() && !m.genitive && gaz.entity(m.entity).kind.is_location() && !of_person(j)
            })
            .map(|j| ms[j].entity);
        refs.begin_sentence(si, sentence.start);
        // The syntax layer runs on sentences with a trigger word, an entity and someone who can
        // take part.
        let within = |v: &[usize]| {
            let at = v.partition_point(|&x| x < sentence.start);
            v.get(at).is_some_and(|&x| x < sentence.end)
        };
        let named = |f: &dyn Fn(Kind) -> bool| {
            ms.iter()
                .any(|m| !m.via.is_attributive() && f(gaz.entity(m.entity).kind))
        };
        // Without a trigger word nothing below the gate's hits is needed: most sentences stop
        // here, before their text is searched for `Hauptstadt` and `dort`.
        let trigger = within(&triggers);
        let weak_trigger = within(&weak);
        let candidate = (trigger || weak_trigger) && {
            // Someone who can take part: a named person (or organisation), a person noun, a
            // pronoun.
            let someone =
                named(&|k| k == Kind::Person || k == Kind::Organization) || within(&titles) || within(&pronouns);
            let countries = ms
                .iter()
                .filter(|m| matches!(gaz.entity(m.entity).kind, Kind::Country | Kind::City))
                .count();
            // A place named by description (`in die französische Hauptstadt`) is a place too.
            let place = named(&|k| k.is_location())
                || has(&HAUPTSTADT, sentence.slice(text))
                || (there.is_some() && {
                    let s = sentence.slice(text);
                    has(&DORT, s) || has(&DORT_CAP, s)
                });
            // Two persons named: what a weak trigger with a person argument needs (`war bei X`),
            // or a meeting told of just before that one may join (`Auch X war anwesend`: see
            // `joins`).
            let persons = {
                let mut v = ms
                    .iter()
                    .filter(|m| !m.via.is_attributive() && gaz.entity(m.entity).kind == Kind::Person)
                    .map(|m| m.entity);
                v.next().is_some_and(|a| v.any(|b| b != a))
            };
            // `Die beiden Politiker kamen zusammen`: the last pair named are two persons.
            let pair = || {
                let s = sentence.slice(text);
                lex.pair_words.iter().any(|w| s.contains(w.as_str()))
            };
            // A possessive is someone too (`Sein Besuch in Österreich`), looked for last.
            (trigger
                && (((named(&|_| true) || place) && (someone || has_possessive(lex, sentence.slice(text))))
                    || countries >= 2
                    || (someone && pair())))
                || (weak_trigger
                    && (place || persons || (events.current(si).is_some() && joins(cons, sentence.slice(text))))
                    && someone)
        };
        // A meeting placed with no one named yet (`Die Bischofskonferenz trifft sich zu ihrer
        // Vollversammlung in Mariazell`) is read for the meeting later sentences tell of.
        let meeting =
            !candidate && trigger && named(&|k| k.is_location()) && cons.meeting_gate.is_match(sentence.slice(text));
        // A description standing alone (`Der russische Chefdiplomat zeigte sich sicher`) is read
        // for later pronouns.
        let reference = !named(&|k| k == Kind::Person) && {
            let at = titles.partition_point(|&x| x < sentence.start);
            titles[at..]
                .iter()
                .take_while(|&&x| x < sentence.end)
                .any(|&x| definite_before(text, sentence.start, x))
        };
        if !candidate && !reference && !meeting {
            refs.note_mentions(&ms);
            continue;
        }
        // The tokens are those of the first pass where it read the sentence (tokenising is a
        // function of the sentence and its mentions); its parse too, unless a gender learnt since
        // changed a person's slot.
        while read_first.next_if(|r| r.0 < si).is_some() {}
        let (mut t, all, first_parse) = match read_first.next_if(|r| r.0 == si) {
            Some((_, all, t, p)) => (t, all, Some(p)),
            None => {
                let t = tokenize(lex, text, sentence, &ms, |e| gaz.entity(e).kind);
                let all = t.toks.len();
                (t, all, None)
            }
        };
        // The evidence of a relation is the part of the sentence that was read: a sentence cut
        // at the cap is quoted up to the cut, so no relation repeats an unbounded text.
        let mut evidence = sentence;
        if all > MAX_SYNTAX_TOKENS {
            t.toks.truncate(MAX_SYNTAX_TOKENS);
            out.truncated_sentences += 1;
            evidence = Span::new(sentence.start, t.toks.last().map_or(sentence.end, |x| x.span.end));
        }
        let genders = |t: &crate::syntax::Tokens| -> Vec<Option<crate::gazetteer::Gender>> {
            t.toks.iter().filter_map(|x| x.slot.map(|s| s.gender)).collect()
        };
        let before = first_parse.as_ref().map(|_| genders(&t));
        t.set_genders(|e| refs.gender(e));
        let mut p = match first_parse {
            Some(p) if before.is_some_and(|b| b == genders(&t)) => p,
            _ => parse(lex, &t),
        };
        out.parsed_sentences += 1;
        if candidate {
            out.candidate_sentences += 1;
        }
        out.role_mentions.extend(refs.resolve(&mut t, &mut p));
        let mut found = interpret::SentenceRelations::default();
        let (subjects, notes) = {
            let ctx = interpret::Ctx {
                gaz,
                lex,
                cons,
                refs: &refs,
                date,
                ref_date,
                text,
                subjects: Default::default(),
                t: &t,
                p: &p,
                there,
                dateline_place,
                event: events.current(si),
            };
            if candidate {
                ctx.run(&mut found, evidence, &None);
                // Who says so is asked only of a sentence that gave a relation (most give none),
                // and holds for every relation of the sentence.
                if !(found.relations.is_empty() && found.hedged.is_empty())
                    && let Some(attr) = attribution::attribution(gaz, lex, &t, &p, |ci| ctx.subject(ci))
                {
                    for r in found.relations.iter_mut().chain(found.hedged.iter_mut()) {
                        r.attribution = Some(attr.clone());
                    }
                }
            }
            let notes = ctx.event_notes(&found);
            // The clauses' subjects, which `note_parse` asks only about phrases headed by a person.
            let persons = p.phrases.iter().any(|ph| {
                ph.head_kind != crate::syntax::Head::None && t.toks[ph.head].slot.is_some_and(|s| s.person())
            });
            let subjects: Vec<usize> = if persons {
                (0..p.clauses.len()).filter_map(|ci| ctx.subject(ci)).collect()
            } else {
                Vec::new()
            };
            if let Some(tr) = trace.as_deref_mut() {
                crate::syntax::explain(tr, gaz, text, &t, &p, |ci| ctx.subject(ci));
                for r in found.relations.iter().chain(&found.hedged) {
                    tr.push_str(&format!(
                        "  => {} {} {}{}{} [{}]\n",
                        gaz.entity(r.subject).id,
                        r.kind.as_str(),
                        gaz.entity(r.object).id,
                        if r.planned { " (planned)" } else { "" },
                        if r.hedged { " (hedged)" } else { "" },
                        r.construction
                    ));
                }
            }
            (subjects, notes)
        };
        events.note(si, &notes);
        refs.note_parse(&t, &p, &subjects);
        // `Moskau – X ist zu einem Besuch in Russland eingetroffen`: a visit the first sentence
        // makes to the country of the dateline's city went to that city.
        if si == 0
            && let Some(city) = dateline_place.filter(|&c| gaz.entity(c).kind == Kind::City)
            && let Some(country) = gaz.entity(city).home_country(gaz, city, date)
        {
            let mut extra: Vec<Relation> = Vec::new();
            for r in &found.relations {
                let at_city =
                    |q: &Relation| q.kind == RelationKind::Visited && q.subject == r.subject && q.object == city;
                if r.kind == RelationKind::Visited
                    && !r.planned
                    && r.object == country
                    && !found.relations.iter().any(at_city)
                    && !extra.iter().any(at_city)
                {
                    extra.push(Relation {
                        object: city,
                        ..r.clone()
                    });
                }
            }
            found.relations.extend(extra);
        }
        // `der Gast` is the latest person received, else the first visitor (a later visit told
        // in passing, `Zeman, der China mehrfach besucht hatte`, does not make a guest).
        for r in &found.relations {
            match r.kind {
                RelationKind::Received => refs.note_guest(r.object, true),
                RelationKind::Visited => {
                    refs.note_guest(r.subject, false);
                    if !r.planned {
                        refs.note_travel(r.subject, r.object);
                    }
                }
                _ => {}
            }
        }
        for &e in &found.hosts {
            refs.note_host(e);
        }
        if t.toks.len() > EVIDENCE_TOKENS {
            for r in found.relations.iter_mut().chain(found.hedged.iter_mut()) {
                let at = t.toks.partition_point(|x| x.span.start < r.trigger.start);
                let hi = (at.saturating_sub(EVIDENCE_TOKENS / 2) + EVIDENCE_TOKENS).min(t.toks.len());
                let lo = hi - EVIDENCE_TOKENS;
                r.sentence = Span::new(
                    if lo == 0 { evidence.start } else { t.toks[lo].span.start },
                    if hi == t.toks.len() {
                        evidence.end
                    } else {
                        t.toks[hi - 1].span.end
                    },
                );
            }
        }
        for list in [&mut found.relations, &mut found.hedged] {
            if list.len() > MAX_RELATIONS_PER_SENTENCE {
                out.dropped_relations += list.len() - MAX_RELATIONS_PER_SENTENCE;
                list.truncate(MAX_RELATIONS_PER_SENTENCE);
            }
        }
        out.relations.append(&mut found.relations);
        out.hedged.append(&mut found.hedged);
    }
    out.facts = std::mem::take(&mut refs.facts);
    out
}
