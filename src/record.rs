//! Extraction records: the file format of `newskg extract`, one JSON object per document per
//! line, and what `newskg build --from-extractions` folds into the graph without extracting again.
//!
//! A record is self-contained: besides what the text says (entities with their mention spans,
//! ambiguous mentions, relations with their evidence, hedged relations, entity facts) it carries
//! what the graph takes from the gazetteer (an entity's kind, name, Wikidata id and aliases) and
//! the text of every sentence that names an entity, so records can be folded on a machine that
//! has neither the gazetteer nor the texts. Folding the records of a corpus gives the same graph,
//! byte for byte, as building it from the texts: `newskg build` itself folds the records it makes.
//!
//! ```text
//! {"schema": "newskg.extraction", "version": 1, "doc": "...", "date": "YYYY[-MM[-DD]]" | null,
//!  "entities": [{"id", "name", "kind", "wikidata"?, "aliases": [...],
//!                "mentions": [{"start", "end", "chars", "text", "via"}], "facts"?: {...}}],
//!  "ambiguous": [{"start", "end", "text", "candidates": [id...], "reason"}],
//!  "relations": [{"subject", "relation", "object", "planned", "date",
//!                 "attribution": {"source", "text", "start", "end"} | null, "goods"?: [...],
//!                 "trigger": {"start", "end", "text"}, "sentence": {"start", "end", "text"},
//!                 "confidence", "construction"}],
//!  "hedged"?: [relations stated under speculation, fear or hearsay; not in the graph],
//!  "sentences": [{"start", "end", "text"?}],       every sentence; text where it names an entity
//!  "referenced"?: [{"id", "name", "kind", "wikidata"?, "aliases"}],   in relations, not named
//!  "truncated"?: {"sentences", "relations"}}        what the per-sentence caps cut
//! ```
//!
//! Spans are byte offsets into the original document (`start`, `end`); every span also gives
//! `"chars": [start, end]`, the same span in Unicode code points of the document's text, which
//! is what Python's `text[start:end]` counts (for a document with invalid UTF-8, of the text as
//! `bytes.decode("utf-8", "replace")` gives it). Readers accept records of this [`VERSION`] or
//! older (without `chars`), and ignore fields they do not know.

use crate::date::PartialDate;
use crate::error::{Error, ErrorKind, Problem, Result};
use crate::gazetteer::Kind;
use crate::relation::RelationKind;
use rayon::prelude::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeSet, HashMap};
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Schema name written to every record.
pub const SCHEMA: &str = "newskg.extraction";
/// Schema version; bumped on any incompatible change.
pub const VERSION: u32 = 1;

/// One document's extraction, as written by `newskg extract`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    #[serde(deserialize_with = "schema_name")]
    pub schema: String,
    /// [`VERSION`] of the writer.
    #[serde(deserialize_with = "schema_version")]
    pub version: u32,
    /// Document id.
    pub doc: String,
    /// Document date.
    #[serde(with = "opt_date")]
    pub date: Option<PartialDate>,
    /// Entities the document names, sorted by id, each with its mentions in text order.
    pub entities: Vec<EntityRecord>,
    /// Mentions that stay ambiguous, in text order.
    #[serde(default)]
    pub ambiguous: Vec<AmbiguousRecord>,
    /// Relations stated as facts, in text order.
    pub relations: Vec<RelationRecord>,
    /// Relations stated under speculation, fear, suspicion or hearsay (not in the graph).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hedged: Vec<RelationRecord>,
    /// Every sentence, in order; `text` where the sentence names an entity.
    pub sentences: Vec<SentenceRecord>,
    /// Entities that take part in relations without being named (a role description alone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub referenced: Vec<EntityInfo>,
    /// What the per-sentence caps of the relation pass cut.
    #[serde(default, skip_serializing_if = "Truncated::is_zero")]
    pub truncated: Truncated,
}

/// An entity as the graph shows it (from the gazetteer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityInfo {
    /// Entity id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: Kind,
    /// Wikidata id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// Aliases, then short aliases.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// An entity the document names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// Who it is (id, name, kind, wikidata, aliases), as for a referenced entity.
    #[serde(flatten)]
    pub entity: EntityInfo,
    /// Linked mentions, in text order.
    pub mentions: Vec<MentionRecord>,
    /// What the text says about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<FactsRecord>,
}

/// A linked mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The span in code points of the document's text (Python string indices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<[usize; 2]>,
    /// The words.
    pub text: String,
    /// How it was found (`alias`, `inflection`, `adjective`, `demonym`, `compound`,
    /// `coreference`, `prior`, `role`).
    pub via: String,
}

/// A mention left ambiguous.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmbiguousRecord {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The span in code points of the document's text (Python string indices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<[usize; 2]>,
    /// The words.
    pub text: String,
    /// Ids of every entity it may name.
    pub candidates: Vec<String>,
    /// Why it was not resolved.
    pub reason: String,
}

/// A span with its words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanText {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The span in code points of the document's text (Python string indices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<[usize; 2]>,
    /// The words.
    pub text: String,
}

/// Who says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionRecord {
    /// Id of the source entity, when the source is one.
    pub source: Option<String>,
    /// The source's words.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The span in code points of the document's text (Python string indices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<[usize; 2]>,
}

/// A typed relation with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationRecord {
    /// Subject id.
    pub subject: String,
    /// Kind (`met`, `visited`...).
    pub relation: RelationKind,
    /// Object id.
    pub object: String,
    /// Announced or expected, not done.
    pub planned: bool,
    /// When.
    #[serde(with = "opt_date")]
    pub date: Option<PartialDate>,
    /// Who says so.
    pub attribution: Option<AttributionRecord>,
    /// Goods, for `supplied`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goods: Vec<String>,
    /// The trigger words.
    pub trigger: SpanText,
    /// The sentence.
    pub sentence: SpanText,
    /// Confidence 0..1.
    pub confidence: f32,
    /// The construction of `data/de/constructions.ron` that stated it.
    pub construction: String,
}

/// One fact the text states about an entity, with the words that say so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactRecord {
    /// The value (a country or organisation id, `female`/`male`, a title family).
    pub value: String,
    /// The words.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The span in code points of the document's text (Python string indices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<[usize; 2]>,
}

/// Facts about an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactsRecord {
    /// Country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<FactRecord>,
    /// Organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<FactRecord>,
    /// Gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<FactRecord>,
    /// Titles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<FactRecord>,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The span in code points of the document's text (Python string indices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<[usize; 2]>,
    /// The text, for sentences that name an entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// What the per-sentence caps of the relation pass cut.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truncated {
    /// Sentences read only up to [`crate::relation::MAX_SYNTAX_TOKENS`] tokens.
    #[serde(default)]
    pub sentences: usize,
    /// Relations dropped over [`crate::relation::MAX_RELATIONS_PER_SENTENCE`] in a sentence.
    #[serde(default)]
    pub relations: usize,
}

impl Truncated {
    fn is_zero(&self) -> bool {
        self.sentences == 0 && self.relations == 0
    }
}

fn schema_name<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s != SCHEMA {
        return Err(serde::de::Error::custom(format!(
            "schema {s:?} is not {SCHEMA:?} (an extraction record of `newskg extract`)"
        )));
    }
    Ok(s)
}

fn schema_version<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<u32, D::Error> {
    let v = u32::deserialize(d)?;
    if v == 0 || v > VERSION {
        return Err(serde::de::Error::custom(format!(
            "record version {v} is not one this newskg reads (1 to {VERSION}); use a newskg at least as new as the one that wrote it"
        )));
    }
    Ok(v)
}

/// `Option<PartialDate>` as `"YYYY[-MM[-DD]]"` or `null`.
mod opt_date {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<PartialDate>, s: S) -> std::result::Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<PartialDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => PartialDate::parse(&s)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("date {s:?} is not YYYY, YYYY-MM or YYYY-MM-DD"))),
        }
    }
}

/// A record that parses but does not hold together: what is wrong, and a piece of the line
/// that shows where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inconsistency {
    /// What is wrong.
    pub message: String,
    /// JSON text to look for in the line (after `after`) to give a column.
    pub needle: String,
    /// A key the needle follows (`"relations"`), or empty.
    pub after: &'static str,
}

impl Record {
    /// Calls `f` with the byte offsets and the code-point offsets of every span of the record.
    fn for_each_span(&mut self, mut f: impl FnMut(&mut usize, &mut usize, &mut Option<[usize; 2]>)) {
        for e in &mut self.entities {
            for m in &mut e.mentions {
                f(&mut m.start, &mut m.end, &mut m.chars);
            }
            if let Some(facts) = &mut e.facts {
                for x in [&mut facts.nationality, &mut facts.affiliation, &mut facts.gender]
                    .into_iter()
                    .flatten()
                    .chain(facts.titles.iter_mut())
                {
                    f(&mut x.start, &mut x.end, &mut x.chars);
                }
            }
        }
        for a in &mut self.ambiguous {
            f(&mut a.start, &mut a.end, &mut a.chars);
        }
        for r in self.relations.iter_mut().chain(self.hedged.iter_mut()) {
            if let Some(a) = &mut r.attribution {
                f(&mut a.start, &mut a.end, &mut a.chars);
            }
            f(&mut r.trigger.start, &mut r.trigger.end, &mut r.trigger.chars);
            f(&mut r.sentence.start, &mut r.sentence.end, &mut r.sentence.chars);
        }
        for s in &mut self.sentences {
            f(&mut s.start, &mut s.end, &mut s.chars);
        }
    }

    /// Maps every span of the record through `f` (offsets in a repaired text to the original
    /// file's bytes).
    pub fn map_offsets(&mut self, f: impl Fn(usize) -> usize) {
        self.for_each_span(|start, end, _| {
            *start = f(*start);
            *end = f(*end);
        });
    }

    /// Sets the code-point offsets of every span from its byte offsets into `text`, in one pass
    /// over the text whatever the number of spans.
    pub fn set_chars(&mut self, text: &str) {
        let mut offsets = Vec::new();
        self.for_each_span(|start, end, _| offsets.extend([*start, *end]));
        offsets.sort_unstable();
        offsets.dedup();
        let mut counts = Vec::with_capacity(offsets.len());
        let (mut byte, mut chars) = (0, 0);
        for &o in &offsets {
            let o = o.min(text.len());
            chars += text.get(byte..o).map_or(0, |t| t.chars().count());
            byte = byte.max(o);
            counts.push(chars);
        }
        let at = |o: usize| counts[offsets.partition_point(|&x| x < o)];
        self.for_each_span(|start, end, c| *c = Some([at(*start), at(*end)]));
    }

    /// Every entity the record describes: the named ones, then the referenced ones.
    pub fn entity_infos(&self) -> impl Iterator<Item = EntityInfo> + '_ {
        self.entities
            .iter()
            .map(|e| e.entity.clone())
            .chain(self.referenced.iter().cloned())
    }

    /// Checks what the graph relies on: entity ids are unique, every relation names a described
    /// entity and has a confidence in 0..1 (one past f32's range would be written back as null),
    /// spans are not reversed, sentences are in order, and every sentence that names an
    /// entity has its text.
    pub fn check(&self) -> std::result::Result<(), Inconsistency> {
        let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        for (id, after) in self
            .entities
            .iter()
            .map(|e| (e.entity.id.as_str(), "\"entities\""))
            .chain(self.referenced.iter().map(|e| (e.id.as_str(), "\"referenced\"")))
        {
            if !ids.insert(id) {
                return Err(Inconsistency {
                    message: format!("entity {id:?} is described twice"),
                    needle: quoted(id),
                    after,
                });
            }
        }
        let reversed = |start: usize, end: usize, what: &str, after: &'static str| {
            (start > end).then(|| Inconsistency {
                message: format!("{what} span {start}..{end} ends before it starts"),
                needle: format!("{start}"),
                after,
            })
        };
        for e in &self.entities {
            for m in &e.mentions {
                if let Some(x) = reversed(m.start, m.end, "mention", "\"entities\"") {
                    return Err(x);
                }
            }
        }
        for r in &self.relations {
            for id in [&r.subject, &r.object] {
                if !ids.contains(id.as_str()) {
                    return Err(Inconsistency {
                        message: format!(
                            "relation {} {} {} names {id:?}, which is neither in \"entities\" nor in \"referenced\"",
                            r.subject,
                            r.relation.as_str(),
                            r.object
                        ),
                        needle: quoted(id),
                        after: "\"relations\"",
                    });
                }
            }
            if !(0.0..=1.0).contains(&r.confidence) {
                return Err(Inconsistency {
                    message: format!(
                        "relation {} {} {} has confidence {}, outside 0..1",
                        r.subject,
                        r.relation.as_str(),
                        r.object,
                        r.confidence
                    ),
                    needle: "\"confidence\"".to_string(),
                    after: "\"relations\"",
                });
            }
            for (s, what) in [(&r.sentence, "sentence"), (&r.trigger, "trigger")] {
                if let Some(x) = reversed(s.start, s.end, what, "\"relations\"") {
                    return Err(x);
                }
            }
        }
        let mut prev_end = 0;
        for s in &self.sentences {
            if let Some(x) = reversed(s.start, s.end, "sentence", "\"sentences\"") {
                return Err(x);
            }
            if s.start < prev_end {
                return Err(Inconsistency {
                    message: format!("sentence {}..{} overlaps the one before it", s.start, s.end),
                    needle: format!("{}", s.start),
                    after: "\"sentences\"",
                });
            }
            prev_end = s.end;
        }
        // Sentences that name an entity must carry their text: evidence is shown from it.
        let spans = self.mention_spans();
        let mut k = 0;
        for s in &self.sentences {
            while k < spans.len() && spans[k].0 < s.start {
                k += 1;
            }
            let names = spans[k..].iter().take_while(|m| m.0 < s.end).any(|m| m.1 <= s.end);
            if names && s.text.is_none() {
                return Err(Inconsistency {
                    message: format!("sentence {}..{} names an entity but has no \"text\"", s.start, s.end),
                    needle: format!("{}", s.start),
                    after: "\"sentences\"",
                });
            }
        }
        Ok(())
    }

    /// Every linked mention as `(start, end, index into entities)`, in text order.
    pub fn mention_spans(&self) -> Vec<(usize, usize, usize)> {
        let mut v: Vec<(usize, usize, usize)> = self
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start, m.end, i)))
            .collect();
        v.sort_unstable();
        v
    }

    /// Parses one line of a records file; `line` and the path are for the error.
    pub fn parse_line(text: &str, path: &Path, line: usize) -> Result<Record> {
        let bad = |col: usize, msg: String| {
            Error::with_problems(
                ErrorKind::Input,
                "bad extraction record",
                vec![Problem::at(path, line, col, msg).hint(
                    "each line must be a JSON object written by `newskg extract` (schema \"newskg.extraction\")",
                )],
            )
        };
        let text = text.trim_end_matches(['\n', '\r']);
        let rec: Record = serde_json::from_str(text).map_err(|e| {
            // serde_json appends " at line 1 column N"; the problem gives the position already.
            let msg = e.to_string();
            let msg = msg
                .rsplit_once(" at line ")
                .map_or(msg.as_str(), |(m, _)| m)
                .to_string();
            bad(crate::error::char_column(text, e.column()), msg)
        })?;
        rec.check().map_err(|x| {
            let from = text.find(x.after).filter(|_| !x.after.is_empty()).unwrap_or(0);
            let col = text[from..]
                .find(&x.needle)
                .map_or(1, |i| text[..from + i].chars().count() + 1);
            bad(col, x.message)
        })?;
        Ok(rec)
    }
}

/// Where records come from: files, directories of them, or standard input (`-`).
///
/// A directory contributes every regular file in it whose name does not start with `.` or `_`
/// (so the `part-*` files Spark and Hadoop write are read, and `_SUCCESS` and `.crc` files are
/// not), in name order.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" || p.is_file() {
            out.push(p.clone());
        } else if p.is_dir() {
            let rd = std::fs::read_dir(p).map_err(|e| Error::io(ErrorKind::Input, "cannot read directory", p, e))?;
            let mut files: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.is_file()
                        && f.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| !n.starts_with('.') && !n.starts_with('_'))
                })
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(Error::new(
                    ErrorKind::Input,
                    format!(
                        "no extraction records in {} (files starting with . or _ are skipped)",
                        p.display()
                    ),
                ));
            }
            out.extend(files);
        } else {
            return Err(Error::new(
                ErrorKind::Input,
                format!("input {} does not exist", p.display()),
            ));
        }
    }
    Ok(out)
}

/// Lines parsed together: parsing runs on every core, folding in input order.
const BATCH: usize = 256;

/// Reads the records of `paths` (from [`expand`]) line by line, parsing in parallel, and calls
/// `sink` for each in input order. Blank lines are skipped; a document id seen twice is an error
/// naming both places.
pub fn read_all(paths: &[PathBuf], mut sink: impl FnMut(Record) -> Result<()>) -> Result<()> {
    let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
    for (file_no, p) in paths.iter().enumerate() {
        let (name, reader): (&Path, Box<dyn BufRead>) = if p.as_os_str() == "-" {
            (Path::new("<stdin>"), Box::new(std::io::stdin().lock()))
        } else {
            let f = std::fs::File::open(p).map_err(|e| Error::io(ErrorKind::Input, "cannot read", p, e))?;
            (p.as_path(), Box::new(std::io::BufReader::with_capacity(1 << 16, f)))
        };
        let mut batch: Vec<(usize, String)> = Vec::with_capacity(BATCH);
        let mut flush = |batch: &mut Vec<(usize, String)>| -> Result<()> {
            let parsed: Vec<Result<Record>> = batch
                .par_iter()
                .map(|(line, text)| Record::parse_line(text, name, *line))
                .collect();
            for ((line, _), rec) in batch.drain(..).zip(parsed) {
                let rec = rec?;
                if let Some(&(f, l)) = seen.get(&rec.doc) {
                    let first = if f == usize::MAX {
                        "<stdin>".into()
                    } else {
                        paths[f].display().to_string()
                    };
                    return Err(Error::with_problems(
                        ErrorKind::Input,
                        "duplicate document in extraction records",
                        vec![Problem::at(
                            name,
                            line,
                            1,
                            format!("document {:?} was already read at {first}:{l}", rec.doc),
                        )],
                    ));
                }
                let here = if p.as_os_str() == "-" { usize::MAX } else { file_no };
                seen.insert(rec.doc.clone(), (here, line));
                sink(rec)?;
            }
            Ok(())
        };
        let mut line_no = 0usize;
        let mut buf = Vec::new();
        let mut reader = reader;
        loop {
            buf.clear();
            let n = reader
                .read_until(b'\n', &mut buf)
                .map_err(|e| Error::io(ErrorKind::Input, "cannot read", name, e))?;
            if n == 0 {
                break;
            }
            line_no += 1;
            let text = match std::str::from_utf8(&buf) {
                Ok(s) => s,
                Err(e) => {
                    let col = std::str::from_utf8(&buf[..e.valid_up_to()]).map_or(0, |s| s.chars().count()) + 1;
                    return Err(Error::with_problems(
                        ErrorKind::Input,
                        "extraction records are not valid UTF-8",
                        vec![Problem::at(name, line_no, col, "invalid UTF-8")],
                    ));
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            batch.push((line_no, text.to_string()));
            if batch.len() >= BATCH {
                flush(&mut batch)?;
            }
        }
        flush(&mut batch)?;
    }
    Ok(())
}

/// The JSON of a record, written by hand for the parts every record repeats (entities with their
/// aliases and mentions, sentences): the same bytes serde_json writes (a test compares them), at
/// a third of the instructions. The rarer parts (relations, facts, ambiguous mentions, dates,
/// kinds) are written by serde_json itself.
mod json {
    use super::*;

    /// Writes `v` as serde_json does (compact).
    fn serde<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) {
        // Writing to a Vec cannot fail, and the types written here have no failing serialiser.
        let _ = serde_json::to_writer(&mut *out, v);
    }

    fn uint(out: &mut Vec<u8>, n: usize) {
        out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    /// Does byte `x` need an escape in a JSON string: below 0x20, `"` or `\\`?
    #[inline]
    fn escaped(x: u8) -> bool {
        (x < 0x20) | (x == b'"') | (x == b'\\')
    }

    /// True when one of the eight bytes of `w` needs an escape: below 0x20, `"` or `\\`.
    fn needs_escape(w: u64) -> bool {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let below = w.wrapping_sub(ONES * 0x20) & !w;
        let quote = (w ^ (ONES * b'"' as u64)).wrapping_sub(ONES) & !(w ^ (ONES * b'"' as u64));
        let slash = (w ^ (ONES * b'\\' as u64)).wrapping_sub(ONES) & !(w ^ (ONES * b'\\' as u64));
        (below | quote | slash) & HIGH != 0
    }

    /// The first byte from `from` on that needs an escape, or the end of `b`. Blocks of 32 bytes
    /// are tested without an early exit, which the compiler turns into a few vector compares per
    /// block (a third of the instructions of the eight-byte word test, which takes the rest of
    /// a string before it is looked at byte by byte).
    #[inline]
    fn next_escape(b: &[u8], from: usize) -> usize {
        const BLOCK: usize = 32;
        let mut i = from;
        while let Some(block) = b.get(i..i + BLOCK).and_then(|c| <&[u8; BLOCK]>::try_from(c).ok()) {
            if block.iter().fold(false, |d, &x| d | escaped(x)) {
                break;
            }
            i += BLOCK;
        }
        while let Some(&w) = b.get(i..i + 8).and_then(|c| <&[u8; 8]>::try_from(c).ok()) {
            if needs_escape(u64::from_le_bytes(w)) {
                break;
            }
            i += 8;
        }
        b[i..].iter().position(|&x| escaped(x)).map_or(b.len(), |k| i + k)
    }

    /// A JSON string as serde_json escapes it: `"`, `\\` and the control characters, the short
    /// forms `\b \t \n \f \r` where they exist, `\u00xx` otherwise.
    pub(super) fn string(out: &mut Vec<u8>, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let b = s.as_bytes();
        out.reserve(b.len() + 2);
        out.push(b'"');
        let mut done = 0;
        loop {
            let i = next_escape(b, done);
            out.extend_from_slice(&b[done..i]);
            let Some(&c) = b.get(i) else { break };
            match c {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                0x08 => out.extend_from_slice(b"\\b"),
                b'\t' => out.extend_from_slice(b"\\t"),
                b'\n' => out.extend_from_slice(b"\\n"),
                0x0c => out.extend_from_slice(b"\\f"),
                b'\r' => out.extend_from_slice(b"\\r"),
                _ => out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(c >> 4) as usize], HEX[(c & 0xf) as usize]]),
            }
            done = i + 1;
        }
        out.push(b'"');
    }

    fn key(out: &mut Vec<u8>, first: &mut bool, k: &str) {
        if !*first {
            out.push(b',');
        }
        *first = false;
        // Keys are plain ASCII names: no escape.
        out.push(b'"');
        out.extend_from_slice(k.as_bytes());
        out.extend_from_slice(b"\":");
    }

    /// `{"start":..,"end":..` and `,"chars":[..,..]` where given: how every span object begins.
    fn open_span(out: &mut Vec<u8>, start: usize, end: usize, chars: Option<[usize; 2]>) {
        out.extend_from_slice(b"{\"start\":");
        uint(out, start);
        out.extend_from_slice(b",\"end\":");
        uint(out, end);
        if let Some([a, b]) = chars {
            out.extend_from_slice(b",\"chars\":[");
            uint(out, a);
            out.push(b',');
            uint(out, b);
            out.push(b']');
        }
    }

    fn list<T>(out: &mut Vec<u8>, items: &[T], mut each: impl FnMut(&mut Vec<u8>, &T)) {
        out.push(b'[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            each(out, x);
        }
        out.push(b']');
    }

    fn strings(out: &mut Vec<u8>, items: &[String]) {
        list(out, items, |out, s| string(out, s));
    }

    fn mention(out: &mut Vec<u8>, m: &MentionRecord) {
        open_span(out, m.start, m.end, m.chars);
        out.extend_from_slice(b",\"text\":");
        string(out, &m.text);
        out.extend_from_slice(b",\"via\":");
        string(out, &m.via);
        out.push(b'}');
    }

    fn entity_info(out: &mut Vec<u8>, first: &mut bool, e: &EntityInfo) {
        info_fields(
            out,
            first,
            (&e.id, &e.name, &e.kind, e.wikidata.as_deref()),
            e.aliases.iter(),
        );
    }

    /// The fields an entity's description shares, whether from a record or the gazetteer.
    fn info_fields<'a>(
        out: &mut Vec<u8>,
        first: &mut bool,
        (id, name, kind, wikidata): (&str, &str, &Kind, Option<&str>),
        aliases: impl Iterator<Item = &'a String>,
    ) {
        key(out, first, "id");
        string(out, id);
        key(out, first, "name");
        string(out, name);
        key(out, first, "kind");
        serde(out, kind);
        if let Some(w) = wikidata {
            key(out, first, "wikidata");
            string(out, w);
        }
        key(out, first, "aliases");
        out.push(b'[');
        for (i, a) in aliases.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            string(out, a);
        }
        out.push(b']');
    }

    fn entity(out: &mut Vec<u8>, e: &EntityRecord) {
        let first = &mut true;
        out.push(b'{');
        entity_info(out, first, &e.entity);
        key(out, first, "mentions");
        list(out, &e.mentions, mention);
        if let Some(f) = &e.facts {
            key(out, first, "facts");
            serde(out, f);
        }
        out.push(b'}');
    }

    fn sentence(out: &mut Vec<u8>, s: &SentenceRecord) {
        open_span(out, s.start, s.end, s.chars);
        if let Some(t) = &s.text {
            out.extend_from_slice(b",\"text\":");
            string(out, t);
        }
        out.push(b'}');
    }

    /// Appends the JSON of `r` (one line, no line break) to `out`.
    pub(super) fn record(out: &mut Vec<u8>, r: &Record) {
        let first = &mut true;
        out.push(b'{');
        key(out, first, "schema");
        string(out, &r.schema);
        key(out, first, "version");
        uint(out, r.version as usize);
        key(out, first, "doc");
        string(out, &r.doc);
        key(out, first, "date");
        match &r.date {
            Some(d) => string(out, &d.to_string()),
            None => out.extend_from_slice(b"null"),
        }
        key(out, first, "entities");
        list(out, &r.entities, entity);
        key(out, first, "ambiguous");
        serde(out, &r.ambiguous);
        key(out, first, "relations");
        serde(out, &r.relations);
        if !r.hedged.is_empty() {
            key(out, first, "hedged");
            serde(out, &r.hedged);
        }
        key(out, first, "sentences");
        list(out, &r.sentences, sentence);
        if !r.referenced.is_empty() {
            key(out, first, "referenced");
            list(out, &r.referenced, |out, e| {
                out.push(b'{');
                entity_info(out, &mut true, e);
                out.push(b'}');
            });
        }
        if !r.truncated.is_zero() {
            key(out, first, "truncated");
            serde(out, &r.truncated);
        }
        out.push(b'}');
    }

    /// A span's `"start":..,"end":..,"chars":[..,..]` (no braces), offsets mapped back through
    /// the document's repairs.
    fn span_fields(out: &mut Vec<u8>, x: &crate::DocExtraction, chars: &CharIndex, s: crate::Span) {
        let pos = |p: usize| {
            if x.repairs.is_empty() {
                p
            } else {
                crate::input::original_offset(&x.repairs, p)
            }
        };
        out.extend_from_slice(b"\"start\":");
        uint(out, pos(s.start));
        out.extend_from_slice(b",\"end\":");
        uint(out, pos(s.end));
        out.extend_from_slice(b",\"chars\":[");
        uint(out, chars.at(s.start));
        out.push(b',');
        uint(out, chars.at(s.end));
        out.push(b']');
    }

    /// `{"start":..,"end":..,"chars":[..],"text":".."}`.
    fn span_text(out: &mut Vec<u8>, x: &crate::DocExtraction, chars: &CharIndex, s: crate::Span) {
        out.push(b'{');
        span_fields(out, x, chars, s);
        out.extend_from_slice(b",\"text\":");
        string(out, s.slice(&x.text));
        out.push(b'}');
    }

    /// A fact: `{"value":..,"text":..,"start":..,"end":..,"chars":[..]}`.
    fn fact(out: &mut Vec<u8>, x: &crate::DocExtraction, chars: &CharIndex, value: &str, s: crate::Span) {
        out.extend_from_slice(b"{\"value\":");
        string(out, value);
        out.extend_from_slice(b",\"text\":");
        string(out, s.slice(&x.text));
        out.push(b',');
        span_fields(out, x, chars, s);
        out.push(b'}');
    }

    fn gaz_entity_info(out: &mut Vec<u8>, first: &mut bool, e: &crate::gazetteer::Entity) {
        info_fields(
            out,
            first,
            (&e.id, &e.name, &e.kind, e.wikidata.as_deref()),
            e.aliases.iter().chain(&e.short_aliases),
        );
    }

    fn relation(
        out: &mut Vec<u8>,
        x: &crate::DocExtraction,
        gaz: &crate::Gazetteer,
        chars: &CharIndex,
        r: &crate::relation::Relation,
    ) {
        out.extend_from_slice(b"{\"subject\":");
        string(out, &gaz.entity(r.subject).id);
        out.extend_from_slice(b",\"relation\":");
        serde(out, &r.kind);
        out.extend_from_slice(b",\"object\":");
        string(out, &gaz.entity(r.object).id);
        out.extend_from_slice(if r.planned {
            b",\"planned\":true,\"date\":"
        } else {
            b",\"planned\":false,\"date\":"
        });
        match &r.date {
            Some(d) => string(out, &d.to_string()),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"attribution\":");
        match &r.attribution {
            Some(a) => {
                out.extend_from_slice(b"{\"source\":");
                match a.source {
                    Some(e) => string(out, &gaz.entity(e).id),
                    None => out.extend_from_slice(b"null"),
                }
                out.extend_from_slice(b",\"text\":");
                string(out, a.span.slice(&x.text));
                out.push(b',');
                span_fields(out, x, chars, a.span);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        if !r.goods.is_empty() {
            out.extend_from_slice(b",\"goods\":");
            strings(out, &r.goods);
        }
        out.extend_from_slice(b",\"trigger\":");
        span_text(out, x, chars, r.trigger);
        out.extend_from_slice(b",\"sentence\":");
        span_text(out, x, chars, r.sentence);
        out.extend_from_slice(b",\"confidence\":");
        serde(out, &r.confidence);
        out.extend_from_slice(b",\"construction\":");
        string(out, &r.construction);
        out.push(b'}');
    }

    /// The record of an extraction, written from it directly (see [`super::write_extraction`]):
    /// field for field what [`record`] writes of `x.to_record(gaz)`.
    pub(super) fn extraction(out: &mut Vec<u8>, x: &crate::DocExtraction, gaz: &crate::Gazetteer, chars: &CharIndex) {
        use crate::gazetteer::EntityIdx;
        let text = x.text.as_str();
        let first = &mut true;
        out.push(b'{');
        key(out, first, "schema");
        string(out, SCHEMA);
        key(out, first, "version");
        uint(out, VERSION as usize);
        key(out, first, "doc");
        string(out, &x.doc);
        key(out, first, "date");
        match &x.date {
            Some(d) => string(out, &d.to_string()),
            None => out.extend_from_slice(b"null"),
        }
        // Entities by id, each with its mentions in text order (the mentions are in text order).
        let named = x.entities();
        let mut by_id: Vec<EntityIdx> = named.clone();
        by_id.sort_by(|&a, &b| gaz.entity(a).id.cmp(&gaz.entity(b).id));
        // Mention indices grouped by entity, in text order within each group (a stable sort).
        let mut grouped: Vec<usize> = (0..x.mentions.len()).collect();
        grouped.sort_by_key(|&i| x.mentions[i].entity);
        key(out, first, "entities");
        out.push(b'[');
        for (i, &e) in by_id.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let ent = gaz.entity(e);
            let f = &mut true;
            out.push(b'{');
            gaz_entity_info(out, f, ent);
            key(out, f, "mentions");
            out.push(b'[');
            let from = grouped.partition_point(|&i| x.mentions[i].entity < e);
            let to = grouped.partition_point(|&i| x.mentions[i].entity <= e);
            for (k, m) in grouped[from..to].iter().map(|&i| &x.mentions[i]).enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                out.push(b'{');
                span_fields(out, x, chars, m.span);
                out.extend_from_slice(b",\"text\":");
                string(out, m.span.slice(text));
                out.extend_from_slice(b",\"via\":");
                string(out, m.via.as_str());
                out.push(b'}');
            }
            out.push(b']');
            if let Some(facts) = x.facts.get(&e) {
                key(out, f, "facts");
                let g = &mut true;
                out.push(b'{');
                if let Some((c, s)) = facts.nationality {
                    key(out, g, "nationality");
                    fact(out, x, chars, &gaz.entity(c).id, s);
                }
                if let Some((c, s)) = facts.affiliation {
                    key(out, g, "affiliation");
                    fact(out, x, chars, &gaz.entity(c).id, s);
                }
                if let Some((gender, s)) = facts.gender {
                    key(out, g, "gender");
                    let v = if gender == crate::gazetteer::Gender::Female {
                        "female"
                    } else {
                        "male"
                    };
                    fact(out, x, chars, v, s);
                }
                if !facts.titles.is_empty() {
                    key(out, g, "titles");
                    list(out, &facts.titles, |out, (t, s)| fact(out, x, chars, t, *s));
                }
                out.push(b'}');
            }
            out.push(b'}');
        }
        out.push(b']');
        key(out, first, "ambiguous");
        list(out, &x.ambiguous, |out, a| {
            out.push(b'{');
            span_fields(out, x, chars, a.span);
            out.extend_from_slice(b",\"text\":");
            string(out, a.span.slice(text));
            out.extend_from_slice(b",\"candidates\":");
            list(out, &a.candidates, |out, &c| string(out, &gaz.entity(c).id));
            out.extend_from_slice(b",\"reason\":");
            string(out, a.reason);
            out.push(b'}');
        });
        key(out, first, "relations");
        list(out, &x.relations, |out, r| relation(out, x, gaz, chars, r));
        if !x.hedged.is_empty() {
            key(out, first, "hedged");
            list(out, &x.hedged, |out, r| relation(out, x, gaz, chars, r));
        }
        // Every sentence; its text where it names an entity (the same walk as co-occurrence).
        key(out, first, "sentences");
        let mut k = 0;
        list(out, &x.sentences, |out, &s| {
            while k < x.mentions.len() && x.mentions[k].span.start < s.start {
                k += 1;
            }
            let names = x.mentions[k..]
                .iter()
                .take_while(|m| m.span.start < s.end)
                .any(|m| m.span.end <= s.end);
            out.push(b'{');
            span_fields(out, x, chars, s);
            if names {
                out.extend_from_slice(b",\"text\":");
                string(out, s.slice(text));
            }
            out.push(b'}');
        });
        // Entities that take part in relations without a mention (a role description alone).
        let mut referenced: Vec<EntityIdx> = x
            .relations
            .iter()
            .flat_map(|r| [r.subject, r.object])
            .filter(|e| named.binary_search(e).is_err())
            .collect();
        if !referenced.is_empty() {
            referenced.sort_unstable();
            referenced.dedup();
            referenced.sort_by(|&a, &b| gaz.entity(a).id.cmp(&gaz.entity(b).id));
            key(out, first, "referenced");
            list(out, &referenced, |out, &e| {
                out.push(b'{');
                gaz_entity_info(out, &mut true, gaz.entity(e));
                out.push(b'}');
            });
        }
        if x.truncated != (0, 0) {
            key(out, first, "truncated");
            out.extend_from_slice(b"{\"sentences\":");
            uint(out, x.truncated.0);
            out.extend_from_slice(b",\"relations\":");
            uint(out, x.truncated.1);
            out.push(b'}');
        }
        out.push(b'}');
    }
}

impl Record {
    /// Appends the record's JSON object (what `serde_json::to_writer` writes, byte for byte) to
    /// `out`, without a line break.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        json::record(out, self);
    }
}

/// Code-point offsets of byte offsets into one text, in constant time each: for every 64-byte
/// block the number of characters before it and a bit per byte that begins a character, counted
/// once; an offset's count is its block's plus the bits below it (one `popcount`; counting the
/// block's bytes at every offset cost a sixth of the writer).
struct CharIndex<'a> {
    text: &'a [u8],
    /// Per block: characters before it, and the bits of the bytes in it that begin one.
    blocks: Vec<(u32, u64)>,
    /// An offset off a character boundary was asked for (the record's own algorithm counts
    /// those differently: [`Record::set_chars`]).
    off_boundary: std::cell::Cell<bool>,
}

impl<'a> CharIndex<'a> {
    const BLOCK: usize = 64;

    fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut n = 0u32;
        for chunk in bytes.chunks(Self::BLOCK) {
            let starts = Self::starts(chunk);
            blocks.push((n, starts));
            n += starts.count_ones();
        }
        blocks.push((n, 0));
        CharIndex {
            text: bytes,
            blocks,
            off_boundary: std::cell::Cell::new(false),
        }
    }

    /// Bit `k` set when byte `k` of `b` (at most 64 bytes) is no UTF-8 continuation byte
    /// (`10xxxxxx`): eight bytes at a time, their top bits gathered by one multiplication.
    fn starts(b: &[u8]) -> u64 {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let mut bits = 0u64;
        let mut words = b.chunks_exact(8);
        for (k, w) in (&mut words).enumerate() {
            let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            // Bit 7 of a byte set where it is not a continuation byte: bit 7 clear, or bit 6 set.
            let start = (!w | (w << 1)) & HIGH;
            // The eight top bits, byte 0's lowest, gathered in the top byte of the product.
            bits |= ((start >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
        }
        let at = b.len() - words.remainder().len();
        for (k, &x) in words.remainder().iter().enumerate() {
            bits |= u64::from((x as i8) >= -0x40) << (at + k);
        }
        bits
    }

    /// Characters of the text before byte `o` (the whole text for `o` past its end).
    fn at(&self, o: usize) -> usize {
        let o = o.min(self.text.len());
        if self.text.get(o).is_some_and(|&b| (b as i8) < -0x40) {
            self.off_boundary.set(true);
        }
        let (before, starts) = self.blocks[o / Self::BLOCK];
        before as usize + (starts & ((1u64 << (o % Self::BLOCK)) - 1)).count_ones() as usize
    }
}

/// Writes the `newskg extract` record of `x` (the JSON object, no line break) to `out` straight
/// from the extraction, the same bytes as [`crate::DocExtraction::to_record`] followed by
/// [`Record::write_json`] give (a test compares them), without building the owned record first.
pub(crate) fn write_extraction(x: &crate::DocExtraction, gaz: &crate::Gazetteer, out: &mut Vec<u8>) {
    let base = out.len();
    let chars = CharIndex::new(&x.text);
    json::extraction(out, x, gaz, &chars);
    if chars.off_boundary.get() {
        // Never seen: every span of an extraction lies on character boundaries. Counted the way
        // the record counts them, to keep the bytes.
        out.truncate(base);
        x.to_record(gaz).write_json(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> String {
        r#"{"schema":"newskg.extraction","version":1,"doc":"d","date":"2023-10","entities":[{"id":"a","name":"A","kind":"Person","aliases":["A"],"mentions":[{"start":0,"end":1,"text":"A","via":"alias"}]}],"ambiguous":[],"relations":[{"subject":"a","relation":"met","object":"b","planned":false,"date":null,"attribution":null,"trigger":{"start":2,"end":6,"text":"traf"},"sentence":{"start":0,"end":9,"text":"A traf B."},"confidence":0.9,"construction":"x"}],"sentences":[{"start":0,"end":9,"text":"A traf B."}]}"#.to_string()
    }

    #[test]
    fn a_relation_naming_an_undescribed_entity_is_located() {
        let line = minimal();
        let e = Record::parse_line(&line, Path::new("r.jsonl"), 3).unwrap_err();
        let p = &e.problems[0];
        assert_eq!(p.line, 3);
        assert!(p.message.contains("\"b\""), "{}", p.message);
        assert_eq!(&line[p.col - 1..p.col + 2], "\"b\"");
        let fixed = line.replace(r#""object":"b""#, r#""object":"a""#);
        assert!(Record::parse_line(&fixed, Path::new("r.jsonl"), 3).is_ok());
    }

    #[test]
    fn unknown_kinds_and_bad_dates_are_located_by_serde() {
        let line = minimal().replace(r#""relation":"met""#, r#""relation":"mett""#);
        let e = Record::parse_line(&line, Path::new("r.jsonl"), 1).unwrap_err();
        let p = &e.problems[0];
        assert!(p.message.contains("mett"), "{}", p.message);
        assert!(line[..p.col].ends_with("\"mett\""), "col {} in {line}", p.col);
        let line = minimal().replace("2023-10", "2023-13");
        let e = Record::parse_line(&line, Path::new("r.jsonl"), 1).unwrap_err();
        assert!(e.problems[0].message.contains("2023-13"), "{e}");
        let line = minimal().replace("newskg.extraction", "newskg.graph");
        let e = Record::parse_line(&line, Path::new("r.jsonl"), 1).unwrap_err();
        assert!(e.problems[0].message.contains("newskg.graph"), "{e}");
    }

    #[test]
    fn a_named_sentence_without_text_is_refused() {
        let line = minimal().replace(r#""object":"b""#, r#""object":"a""#).replace(
            r#"{"start":0,"end":9,"text":"A traf B."}]}"#,
            r#"{"start":0,"end":9}]}"#,
        );
        let e = Record::parse_line(&line, Path::new("r.jsonl"), 1).unwrap_err();
        assert!(e.problems[0].message.contains("no \"text\""), "{e}");
    }

    /// The hand-written JSON is serde_json's, byte for byte: on records with every optional part
    /// present and absent, and on strings with every character class an escape can meet.
    #[test]
    fn write_json_equals_serde_json() {
        let fixed = minimal().replace(r#""object":"b""#, r#""object":"a""#);
        let mut rec: Record = serde_json::from_str(&fixed).unwrap();
        let same = |rec: &Record| {
            let mut out = Vec::new();
            rec.write_json(&mut out);
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(rec).unwrap());
        };
        same(&rec);
        rec.set_chars("A traf B. mehr Text");
        rec.date = None;
        rec.sentences.push(SentenceRecord {
            start: 10,
            end: 19,
            chars: None,
            text: None,
        });
        let e = &mut rec.entities[0];
        e.entity.wikidata = Some("Q1".into());
        e.entity.aliases.push("\"Ä\\\u{1}\u{1f}\u{7f}\t\n\r\u{8}\u{c}é".into());
        e.facts = Some(FactsRecord {
            nationality: None,
            affiliation: None,
            gender: Some(FactRecord {
                value: "female".into(),
                text: "sie".into(),
                start: 1,
                end: 2,
                chars: Some([1, 2]),
            }),
            titles: Vec::new(),
        });
        rec.referenced.push(rec.entities[0].entity.clone());
        rec.hedged = rec.relations.clone();
        rec.truncated = Truncated {
            sentences: 1,
            relations: 0,
        };
        same(&rec);
    }

    /// The record written straight from an extraction is the one `to_record` builds, byte for
    /// byte: on the probe documents (relations, hedged relations, facts, ambiguous mentions), a
    /// relation of an unnamed person (`referenced`), and a repaired text (offsets mapped back).
    #[test]
    fn write_extraction_equals_the_record() {
        use crate::gazetteer::Layer;
        use crate::input::{Document, ReadOptions, Source};
        let same = |p: &crate::Pipeline, d: &Document| {
            let x = p.extract(d);
            let (mut direct, mut built) = (Vec::new(), Vec::new());
            write_extraction(&x, p.gazetteer(), &mut direct);
            x.to_record(p.gazetteer()).write_json(&mut built);
            assert_eq!(String::from_utf8(direct).unwrap(), String::from_utf8(built).unwrap());
        };
        let probe = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/probe");
        for set in ["a", "b", "c"] {
            let layer = Layer::Dir(probe.join(format!("gazetteer-{set}")));
            let p = crate::Pipeline::new(crate::Gazetteer::load_layers(&[layer]).unwrap().gazetteer);
            let source = Source::JsonLines(probe.join(format!("{set}.jsonl")));
            crate::input::read_all(&[source], ReadOptions::default(), |d| {
                same(&p, &d);
                Ok(())
            })
            .unwrap();
        }
        let p = crate::Pipeline::new(crate::Gazetteer::bundled().unwrap());
        let mut d = Document::new(
            "r",
            "Der russische Präsident traf sich am Montag in Paris mit François Hollande.",
        );
        d.date = PartialDate::parse("2016-05-10");
        let x = p.extract(&d);
        assert!(!x.relations.is_empty() && x.to_record(p.gazetteer()).referenced.len() == 1);
        same(&p, &d);
        let mut d = Document::new("lossy", "Merkel traf \u{FFFD} Putin in Moskau. Er sprach mit Merkel.");
        d.repairs = vec![(12, 2)];
        same(&p, &d);
    }

    proptest::proptest! {
        #[test]
        fn json_strings_are_escaped_as_serde_json_does(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "abcdefgh", "\"", "\\", "\u{0}", "\u{1f}", "\u{20}", "\u{7f}", "\t", "\n", "\r", "\u{8}",
                "\u{c}", "ä", "„", "\u{2028}", "😀", "/", "<", "]",
            ]), 0..40)
        ) {
            let s: String = parts.concat();
            let mut out = Vec::new();
            json::string(&mut out, &s);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn char_offsets_count_the_characters_before(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "abcdefgh", "ä", "„", "😀", " ", "\n",
            ]), 0..120)
        ) {
            let s: String = parts.concat();
            let index = CharIndex::new(&s);
            for (o, _) in s.char_indices().chain([(s.len(), ' ')]) {
                proptest::prop_assert_eq!(index.at(o), s[..o].chars().count());
            }
            proptest::prop_assert_eq!(index.at(s.len() + 5), s.chars().count());
            proptest::prop_assert!(!index.off_boundary.get());
        }
    }
}
