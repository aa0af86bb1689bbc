//! Reading documents: `.txt` files, directories of them, JSON Lines files, and JSON Lines on
//! standard input (streamed).
//!
//! A `.txt` file's document id is its file name without extension. A leading `date YYYY-MM[-DD]`
//! marker (optionally after whitespace) gives the document date; it is not text, so matching
//! starts after it, but all offsets still count from the file's first byte.
//! A JSON Lines record is `{"id": "...", "text": "...", "date": "YYYY-MM-DD"}` (`date` optional;
//! without it a marker at the start of `text` is honoured).

use crate::date::PartialDate;
use crate::error::{Error, ErrorKind, Problem, Result};
use serde::Deserialize;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Largest document accepted, in bytes; longer texts are cut at a character boundary (with a
/// warning) so that offsets fit in 32 bits and one document cannot exhaust memory.
pub const MAX_DOCUMENT_BYTES: usize = 64 << 20;

/// One input document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Document id.
    pub id: String,
    /// Full original text (including any date marker).
    pub text: String,
    /// Document date, from the marker or the JSON `date` field.
    pub date: Option<PartialDate>,
    /// Byte offset where the body starts (after a date marker; 0 without one).
    pub body: usize,
    /// Where `--lossy` replaced invalid bytes of a text file: (offset of the U+FFFD in `text`,
    /// how many bytes of the file it stands for), in order. Spans are mapped back through them,
    /// so they always index the original file.
    pub repairs: Vec<(usize, usize)>,
}

impl Document {
    /// A document from its id and text; a leading date marker is parsed.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let mut text: String = text.into();
        truncate(&mut text);
        let (date, body) = parse_marker(&text);
        Document {
            id: id.into(),
            text,
            date,
            body,
            repairs: Vec::new(),
        }
    }
}

/// Offsets in a text repaired by `--lossy` mapped back to the original bytes.
pub fn original_offset(repairs: &[(usize, usize)], p: usize) -> usize {
    // Every replacement at or before `p` (a span never starts or ends inside one) shifts it by
    // the difference between the 3 bytes of U+FFFD and the bytes it stands for.
    let before = repairs.partition_point(|&(at, _)| at < p);
    repairs[..before].iter().fold(p, |q, &(_, n)| q + n - 3)
}

/// Lossy UTF-8 decoding that records where it replaced bytes (see [`Document::repairs`]).
fn decode_lossy(bytes: &[u8]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(bytes.len());
    let mut repairs = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            repairs.push((text.len(), chunk.invalid().len()));
            text.push('\u{FFFD}');
        }
    }
    (text, repairs)
}

fn truncate(text: &mut String) {
    if text.len() > MAX_DOCUMENT_BYTES {
        let mut cut = MAX_DOCUMENT_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
}

/// Parses a leading `date YYYY-MM[-DD]` marker: returns the date and where the body starts.
pub fn parse_marker(text: &str) -> (Option<PartialDate>, usize) {
    // A byte-order mark before the marker is not text (editors on Windows write one).
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
            .len();
    let rest = &text[lead..];
    let Some(after) = rest.strip_prefix("date ") else {
        return (None, 0);
    };
    let token_len = after.find(char::is_whitespace).unwrap_or(after.len());
    match PartialDate::parse(&after[..token_len]) {
        Some(d) => {
            let tail = &after[token_len..];
            let ws = tail.len() - tail.trim_start().len();
            (Some(d), lead + 5 + token_len + ws)
        }
        None => (None, 0),
    }
}

/// Decodes bytes as UTF-8, or names the first invalid byte by line and column.
pub fn decode_utf8(path: &Path, bytes: Vec<u8>) -> std::result::Result<String, Problem> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let ok = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or("");
        let line = ok.matches('\n').count() + 1;
        let col = ok.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Problem::at(path, line, col, format!("invalid UTF-8 at byte {valid}"))
            .hint("convert the file to UTF-8, or pass --lossy to replace invalid bytes")
    })
}

/// How to read inputs.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of failing.
    pub lossy: bool,
}

#[derive(Deserialize)]
struct JsonDoc {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
}

/// A source of documents: what the user named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A `.txt` file.
    Text(PathBuf),
    /// A `.jsonl` file.
    JsonLines(PathBuf),
    /// JSON Lines on standard input.
    Stdin,
    /// One of the bundled example articles ([`BUNDLED_CORPUS`]), by index.
    Bundled(usize),
}

/// The example corpus (`examples/corpus/`, the five seed articles), compiled into the binary so
/// that `newskg build` with no input works from any directory, like the bundled gazetteer.
pub const BUNDLED_CORPUS: [(&str, &str); 5] = [
    (
        "000_8dc24f57d4033450",
        include_str!("../examples/corpus/000_8dc24f57d4033450.txt"),
    ),
    (
        "001_0a9157087a4d36df",
        include_str!("../examples/corpus/001_0a9157087a4d36df.txt"),
    ),
    (
        "002_0813c541cded42ab",
        include_str!("../examples/corpus/002_0813c541cded42ab.txt"),
    ),
    (
        "003_d89fb3c56c059fbe",
        include_str!("../examples/corpus/003_d89fb3c56c059fbe.txt"),
    ),
    (
        "004_29f25e26d60bd0ed",
        include_str!("../examples/corpus/004_29f25e26d60bd0ed.txt"),
    ),
];

/// The default input: `examples/corpus` where it exists (in the repository), else the bundled
/// copy of it.
pub const DEFAULT_CORPUS: &str = "examples/corpus";

/// Sources for the inputs given; with none (or only the default path, absent here) the bundled
/// corpus.
pub fn expand_or_bundled(inputs: &[PathBuf]) -> Result<Vec<Source>> {
    let default = inputs.is_empty() || (inputs.len() == 1 && inputs[0] == Path::new(DEFAULT_CORPUS));
    if default && !Path::new(DEFAULT_CORPUS).exists() {
        return Ok((0..BUNDLED_CORPUS.len()).map(Source::Bundled).collect());
    }
    expand(inputs)
}

/// Expands command-line inputs into sources: directories become their `.txt` files (sorted).
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            let rd = std::fs::read_dir(p).map_err(|e| Error::io(ErrorKind::Input, "cannot read directory", p, e))?;
            let mut files: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "txt" || x == "jsonl"))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(Error::new(
                    ErrorKind::Input,
                    format!("no .txt or .jsonl files in {}", p.display()),
                ));
            }
            out.extend(files.into_iter().map(classify));
        } else if p.exists() {
            out.push(classify(p.clone()));
        } else {
            return Err(Error::new(
                ErrorKind::Input,
                format!("input {} does not exist", p.display()),
            ));
        }
    }
    Ok(out)
}

fn classify(p: PathBuf) -> Source {
    if p.extension().is_some_and(|x| x == "jsonl" || x == "ndjson") {
        Source::JsonLines(p)
    } else {
        Source::Text(p)
    }
}

/// Where a document came from: its source and, for JSON Lines, its line.
#[derive(Clone, Copy)]
struct Origin {
    source: u32,
    line: usize,
}

fn origin_text(sources: &[Source], o: Origin) -> String {
    match &sources[o.source as usize] {
        Source::Text(p) => p.display().to_string(),
        Source::JsonLines(p) => format!("{}:{}", p.display(), o.line),
        Source::Stdin => format!("<stdin>:{}", o.line),
        Source::Bundled(i) => format!("the bundled corpus ({}.txt)", BUNDLED_CORPUS[*i].0),
    }
}

/// The id of the document at `o`, read again from its file (`None` for standard input).
fn id_at(sources: &[Source], o: Origin) -> Option<String> {
    use std::io::BufRead;
    match &sources[o.source as usize] {
        Source::Text(p) => p.file_stem().map(|s| s.to_string_lossy().into_owned()),
        Source::JsonLines(p) => {
            let f = std::fs::File::open(p).ok()?;
            let line = std::io::BufReader::new(f).split(b'\n').nth(o.line - 1)?.ok()?;
            let rec: JsonDoc = serde_json::from_slice(&line).ok()?;
            Some(match rec.id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            })
        }
        Source::Stdin => None,
        Source::Bundled(i) => Some(BUNDLED_CORPUS[*i].0.to_string()),
    }
}

fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    // SipHash with fixed keys: the same on every run.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

/// Streams the documents of `sources` in order, calling `sink` for each. Rejects duplicate ids,
/// naming both places. Ids are kept as 64-bit hashes with where they were seen (about 24 bytes a
/// document, whatever the id's length); a hash seen before is checked against the id read again
/// from its file, so a collision is never taken for a duplicate (standard input cannot be read
/// again: there two ids with the same hash, odds about 1 in 10^7 for a billion documents, would be
/// reported as a duplicate).
pub fn read_all(sources: &[Source], opts: ReadOptions, mut sink: impl FnMut(Document) -> Result<()>) -> Result<()> {
    let mut seen: rustc_hash::FxHashMap<u64, Origin> = rustc_hash::FxHashMap::default();
    let mut emit = |doc: Document, here: Origin, sink: &mut dyn FnMut(Document) -> Result<()>| -> Result<()> {
        let h = id_hash(&doc.id);
        if let Some(&first) = seen.get(&h) {
            let same = id_at(sources, first).is_none_or(|id| id == doc.id);
            if same {
                return Err(Error::new(
                    ErrorKind::Input,
                    format!(
                        "duplicate document id {:?}: in {} and again in {}",
                        doc.id,
                        origin_text(sources, first),
                        origin_text(sources, here)
                    ),
                ));
            }
        } else {
            seen.insert(h, here);
        }
        sink(doc)
    };
    for (k, src) in sources.iter().enumerate() {
        let at = |line: usize| Origin { source: k as u32, line };
        match src {
            Source::Text(p) => {
                let bytes = std::fs::read(p).map_err(|e| Error::io(ErrorKind::Input, "cannot read input", p, e))?;
                let (text, repairs) = decode(p, bytes, opts)?;
                let id = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let mut doc = Document::new(id, text);
                doc.repairs = repairs;
                emit(doc, at(0), &mut sink)?;
            }
            Source::JsonLines(p) => {
                let f = std::fs::File::open(p).map_err(|e| Error::io(ErrorKind::Input, "cannot read input", p, e))?;
                read_jsonl(std::io::BufReader::new(f), p, opts, &mut |d, line| {
                    emit(d, at(line), &mut sink)
                })?;
            }
            Source::Bundled(i) => {
                let (id, text) = BUNDLED_CORPUS[*i];
                emit(Document::new(id, text), at(0), &mut sink)?;
            }
            Source::Stdin => {
                let stdin = std::io::stdin();
                read_jsonl(stdin.lock(), Path::new("<stdin>"), opts, &mut |d, line| {
                    emit(d, at(line), &mut sink)
                })?;
            }
        }
    }
    Ok(())
}

fn decode(p: &Path, bytes: Vec<u8>, opts: ReadOptions) -> Result<(String, Vec<(usize, usize)>)> {
    if opts.lossy {
        match String::from_utf8(bytes) {
            Ok(s) => Ok((s, Vec::new())),
            Err(e) => {
                eprintln!("warning: {}: invalid UTF-8 replaced (--lossy)", p.display());
                Ok(decode_lossy(e.as_bytes()))
            }
        }
    } else {
        decode_utf8(p, bytes)
            .map(|s| (s, Vec::new()))
            .map_err(|pr| Error::with_problems(ErrorKind::Input, "input is not valid UTF-8", vec![pr]))
    }
}

/// Reads JSON Lines from `r` line by line (never the whole stream at once).
pub fn read_jsonl(
    mut r: impl BufRead,
    path: &Path,
    opts: ReadOptions,
    sink: &mut dyn FnMut(Document, usize) -> Result<()>,
) -> Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = r
            .read_until(b'\n', &mut buf)
            .map_err(|e| Error::io(ErrorKind::Input, "cannot read", path, e))?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        // Borrowed from the line buffer: serde copies the text out of it once anyway.
        let line: std::borrow::Cow<'_, str> = match std::str::from_utf8(&buf) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(e) if opts.lossy => {
                eprintln!(
                    "warning: {}:{line_no}: invalid UTF-8 replaced (--lossy)",
                    path.display()
                );
                let _ = e;
                std::borrow::Cow::Owned(String::from_utf8_lossy(&buf).into_owned())
            }
            Err(e) => {
                let col = std::str::from_utf8(&buf[..e.valid_up_to()]).map_or(0, |s| s.chars().count()) + 1;
                return Err(Error::with_problems(
                    ErrorKind::Input,
                    "input is not valid UTF-8",
                    vec![
                        Problem::at(path, line_no, col, "invalid UTF-8").hint("pass --lossy to replace invalid bytes"),
                    ],
                ));
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let rec: JsonDoc = serde_json::from_str(&line).map_err(|e| {
            Error::with_problems(
                ErrorKind::Input,
                "bad JSON Lines record",
                vec![
                    Problem::at(
                        path,
                        line_no,
                        crate::error::char_column(&line, e.column()),
                        e.to_string(),
                    )
                    .hint("each line must be {\"id\": ..., \"text\": ..., \"date\": \"YYYY-MM-DD\"}"),
                ],
            )
        })?;
        let id = match rec.id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        if id.trim().is_empty() {
            return Err(Error::with_problems(
                ErrorKind::Input,
                "bad JSON Lines record",
                vec![Problem::at(path, line_no, 1, "the document id is empty").hint("give every document an id")],
            ));
        }
        let mut doc = Document::new(id, rec.text);
        if let Some(d) = rec.date.as_deref().filter(|d| !d.trim().is_empty()) {
            // An ISO 8601 date-time (`2023-10-05T12:00:00Z`, `2023-10-05 12:00`) gives its day.
            let day = match d.trim().split_once(['T', ' ']) {
                Some((day, _)) if day.len() == 10 => day,
                _ => d,
            };
            doc.date = Some(PartialDate::parse(day).ok_or_else(|| {
                Error::with_problems(
                    ErrorKind::Input,
                    "bad date in JSON Lines record",
                    vec![Problem::at(
                        path,
                        line_no,
                        1,
                        format!("date {d:?} is not YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time"),
                    )],
                )
            })?);
        }
        sink(doc, line_no)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sources: &[Source]) -> Result<Vec<(String, Option<String>)>> {
        let mut out = Vec::new();
        read_all(sources, ReadOptions::default(), |d| {
            out.push((d.id, d.date.map(|x| x.to_string())));
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn duplicate_ids_name_both_lines_and_iso_datetimes_give_their_day() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jsonl");
        std::fs::write(
            &a,
            "{\"id\": \"x\", \"text\": \"T\", \"date\": \"2023-10-05T12:00:00Z\"}\n{\"id\": 7, \"text\": \"U\"}\n",
        )
        .unwrap();
        let b = dir.path().join("b.jsonl");
        std::fs::write(
            &b,
            "\n{\"id\": \"y\", \"text\": \"V\"}\n{\"id\": \"7\", \"text\": \"W\"}\n",
        )
        .unwrap();
        let docs = read(&[Source::JsonLines(a.clone())]).unwrap();
        assert_eq!(docs[0], ("x".to_string(), Some("2023-10-05".to_string())));
        let err = read(&[Source::JsonLines(a), Source::JsonLines(b)])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("duplicate document id \"7\"") && err.contains("a.jsonl:2") && err.contains("b.jsonl:3"),
            "{err}"
        );
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_the_date() {
        let d = Document::new("x", "\u{FEFF}date 2023-10 Lawrow: Text");
        assert_eq!(d.date.unwrap().to_string(), "2023-10");
        assert_eq!(&d.text[d.body..], "Lawrow: Text");
    }

    #[test]
    fn an_empty_id_is_refused_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jsonl");
        std::fs::write(
            &a,
            "{\"id\": \"x\", \"text\": \"T\"}\n{\"id\": \" \", \"text\": \"U\"}\n",
        )
        .unwrap();
        let err = read(&[Source::JsonLines(a)]).unwrap_err();
        assert!(
            format!("{err:?}").contains("a.jsonl") && err.to_string().contains("bad JSON Lines record"),
            "{err:?}"
        );
    }

    #[test]
    fn marker_gives_date_and_body() {
        let d = Document::new("x", " date 2023-10 Lawrow: Text");
        assert_eq!(d.date.unwrap().to_string(), "2023-10");
        assert_eq!(&d.text[d.body..], "Lawrow: Text");
        let d = Document::new("x", "date of the meeting");
        assert_eq!((d.date, d.body), (None, 0));
    }

    #[test]
    fn invalid_utf8_is_located() {
        let p = decode_utf8(Path::new("f.txt"), b"ab\ncd\xffe".to_vec()).unwrap_err();
        assert_eq!((p.line, p.col), (2, 3));
    }
}
