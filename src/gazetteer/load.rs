//! Reading gazetteer files: one RON list of records per file, parsed record by record so that a
//! broken record does not hide the problems of the others, and every error keeps its
//! file:line:column.

use super::model::{EntityRecord, Gender, Kind};
use crate::error::Problem;
use ron::extensions::Extensions;
use std::path::Path;

/// A token of RON source, enough to split a list into records and find field values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok<'s> {
    /// An identifier or bare word (`id`, `Person`, `Some`, `true`).
    Ident(&'s str),
    /// A string literal's raw content between its quotes.
    Str(&'s str),
    /// One punctuation character.
    Punct(char),
    /// A number or another literal we need not understand.
    Other,
}

/// A token with its 1-based line and character column and byte offset; its text is borrowed from
/// the source (a gazetteer of hundreds of thousands of records makes millions of tokens).
#[derive(Debug, Clone)]
pub(crate) struct Token<'s> {
    pub tok: Tok<'s>,
    pub line: usize,
    pub col: usize,
    pub byte: usize,
}

/// Tokenises RON source. `Err` carries a position and message for an unterminated literal.
#[cfg(test)]
pub(crate) fn tokenize(src: &str) -> Result<Vec<Token<'_>>, (usize, usize, String)> {
    Lexer::new(src).collect()
}

/// A streaming tokeniser over RON source: one token at a time, so that a large file is never held
/// as a whole token list (or a list of its characters). Yields `Err` with a position and message
/// for an unterminated literal, then stops.
pub(crate) struct Lexer<'s> {
    src: &'s str,
    /// Byte offset of the next character.
    i: usize,
    /// Byte offset of `src` in its file.
    base: usize,
    line: usize,
    col: usize,
    failed: bool,
}

impl<'s> Lexer<'s> {
    pub(crate) fn new(src: &'s str) -> Lexer<'s> {
        Lexer::at(src, 1, 1, 0)
    }

    /// A lexer over a piece of a file that starts at `line`, `col` and byte `base`: its tokens
    /// carry positions in the file.
    pub(crate) fn at(src: &'s str, line: usize, col: usize, base: usize) -> Lexer<'s> {
        Lexer {
            src,
            i: 0,
            base,
            line,
            col,
            failed: false,
        }
    }

    /// The character `k` characters ahead of the next one.
    fn peek(&self, k: usize) -> Option<char> {
        match self.src.as_bytes().get(self.i) {
            Some(&b) if k == 0 && b < 0x80 => Some(b as char),
            _ => self.src[self.i..].chars().nth(k),
        }
    }

    /// Advances over the next character, keeping line and column.
    fn bump(&mut self) {
        if let Some(c) = self.peek(0) {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
            self.i += c.len_utf8();
        }
    }

    /// Advances over the characters of a string literal up to its next `"` or backslash (or the end
    /// of the source), a byte at a time, keeping line and column: a name is most of a record.
    fn bump_string_content(&mut self) {
        let bytes = self.src.as_bytes();
        while let Some(&b) = bytes.get(self.i) {
            match b {
                b'"' | b'\\' => return,
                b'\n' => {
                    self.line += 1;
                    self.col = 1;
                }
                // A character's first byte counts a column; its continuation bytes do not.
                _ if b & 0xC0 != 0x80 => self.col += 1,
                _ => {}
            }
            self.i += 1;
        }
    }

    fn at_end(&self) -> bool {
        self.i >= self.src.len()
    }

    fn bump_while(&mut self, keep: impl Fn(char) -> bool) {
        while self.peek(0).is_some_and(&keep) {
            self.bump();
        }
    }

    fn token(&mut self) -> Result<Option<Token<'s>>, (usize, usize, String)> {
        loop {
            let Some(c) = self.peek(0) else { return Ok(None) };
            let (byte, tl, tc) = (self.base + self.i, self.line, self.col);
            let next = self.peek(1);
            let tok = |tok| {
                Ok(Some(Token {
                    tok,
                    line: tl,
                    col: tc,
                    byte,
                }))
            };
            if c.is_whitespace() {
                self.bump();
            } else if c == '/' && next == Some('/') {
                self.bump_while(|c| c != '\n');
            } else if c == '/' && next == Some('*') {
                let mut depth = 0usize;
                loop {
                    if self.at_end() {
                        return Err((tl, tc, "unterminated block comment".into()));
                    }
                    let (a, b) = (self.peek(0), self.peek(1));
                    if a == Some('/') && b == Some('*') {
                        depth += 1;
                        self.bump();
                        self.bump();
                    } else if a == Some('*') && b == Some('/') {
                        depth -= 1;
                        self.bump();
                        self.bump();
                        if depth == 0 {
                            break;
                        }
                    } else {
                        self.bump();
                    }
                }
            } else if c == '"' || (c == 'r' && matches!(next, Some('"') | Some('#'))) {
                // Plain or raw string.
                let mut hashes = 0usize;
                let raw = c == 'r';
                if raw {
                    self.bump();
                    while self.peek(0) == Some('#') {
                        hashes += 1;
                        self.bump();
                    }
                    if self.peek(0) != Some('"') {
                        return Err((tl, tc, "malformed raw string".into()));
                    }
                }
                self.bump(); // opening quote
                let start = self.i;
                loop {
                    self.bump_string_content();
                    let Some(ch) = self.peek(0) else {
                        return Err((tl, tc, "unterminated string".into()));
                    };
                    if !raw && ch == '\\' {
                        self.bump();
                        self.bump();
                        continue;
                    }
                    if ch == '"'
                        && self.src.as_bytes()[self.i + 1..]
                            .iter()
                            .take(hashes)
                            .filter(|&&b| b == b'#')
                            .count()
                            == hashes
                    {
                        let content = &self.src[start..self.i];
                        for _ in 0..=hashes {
                            self.bump();
                        }
                        return tok(Tok::Str(content));
                    }
                    self.bump();
                }
            } else if c == '\'' {
                self.bump();
                while let Some(ch) = self.peek(0)
                    && ch != '\''
                {
                    if ch == '\\' {
                        self.bump();
                    }
                    self.bump();
                }
                if self.at_end() {
                    return Err((tl, tc, "unterminated character literal".into()));
                }
                self.bump();
                return tok(Tok::Other);
            } else if c.is_alphabetic() || c == '_' {
                let from = self.i;
                self.bump_while(|c| c.is_alphanumeric() || c == '_');
                return tok(Tok::Ident(&self.src[from..self.i]));
            } else if c.is_ascii_digit()
                || ((c == '-' || c == '+' || c == '.') && next.is_some_and(|n| n.is_ascii_digit()))
            {
                self.bump();
                self.bump_while(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'));
                return tok(Tok::Other);
            } else {
                self.bump();
                return tok(Tok::Punct(c));
            }
        }
    }
}

impl<'s> Iterator for Lexer<'s> {
    type Item = Result<Token<'s>, (usize, usize, String)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let t = self.token();
        self.failed = t.is_err();
        t.transpose()
    }
}

/// One record of a file: its tokens and where it starts.
#[derive(Debug, Clone)]
pub(crate) struct RecordSource<'s> {
    /// The record's source text.
    pub text: &'s str,
    /// Its tokens (positions are absolute in the file); empty once `compact`ed.
    pub tokens: Vec<Token<'s>>,
    /// Line of its first character.
    pub line: usize,
    /// Column of its first character.
    pub col: usize,
    /// Byte offset of its first character in the file.
    pub byte: usize,
}

impl<'s> RecordSource<'s> {
    /// The record without its tokens: what is kept of every record of a large gazetteer while
    /// the rest is read and checked (`tokenized` gives them back where a problem needs a
    /// position).
    pub fn compact(mut self) -> RecordSource<'s> {
        self.tokens = Vec::new();
        self
    }

    /// The record with its tokens, read again from its text if it was `compact`ed.
    pub fn tokenized(&self) -> std::borrow::Cow<'_, RecordSource<'s>> {
        if !self.tokens.is_empty() {
            return std::borrow::Cow::Borrowed(self);
        }
        std::borrow::Cow::Owned(RecordSource {
            tokens: Lexer::at(self.text, self.line, self.col, self.byte)
                .map_while(Result::ok)
                .collect(),
            ..*self
        })
    }

    /// Position of the value token after `field:` at the record's top level, or the record start.
    pub fn field_pos(&self, field: &str) -> (usize, usize) {
        self.field_value(field)
            .map(|t| (t.line, t.col))
            .unwrap_or((self.line, self.col))
    }

    /// The value token after `field:` at the record's top level (depth 1).
    pub fn field_value(&self, field: &str) -> Option<&Token<'s>> {
        let mut depth = 0i32;
        for (k, t) in self.tokens.iter().enumerate() {
            match &t.tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => depth -= 1,
                Tok::Ident(name) if depth == 1 && *name == field => {
                    if matches!(self.tokens.get(k + 1).map(|t| &t.tok), Some(Tok::Punct(':'))) {
                        return self.tokens.get(k + 2);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The string literals of the list `field: [...]`, in order, with their tokens.
    pub fn list_strings(&self, field: &str) -> Vec<&Token<'s>> {
        let Some(open) = self.field_value(field) else {
            return Vec::new();
        };
        let start = self.tokens.iter().position(|t| std::ptr::eq(t, open)).unwrap_or(0);
        let mut depth = 0i32;
        let mut out = Vec::new();
        for t in &self.tokens[start..] {
            match &t.tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => {
                    depth -= 1;
                    if depth <= 0 {
                        break;
                    }
                }
                Tok::Str(_) if depth == 1 => out.push(t),
                _ => {}
            }
        }
        out
    }

    /// Every string value of `field:` anywhere inside the record (e.g. each role's `of`).
    pub fn nested_strings(&self, field: &str) -> Vec<&Token<'s>> {
        self.tokens
            .windows(3)
            .filter(|w| matches!(&w[0].tok, Tok::Ident(n) if *n == field) && w[1].tok == Tok::Punct(':'))
            .filter(|w| matches!(w[2].tok, Tok::Str(_)))
            .map(|w| &w[2])
            .collect()
    }
}

/// `text` (the record's source, or a same-length rewrite of it) with field `field` and its value
/// (and the comma after it) replaced by spaces, keeping every other line and column; `None` when
/// the record has no such field at its top level.
fn blank_field(rec: &RecordSource<'_>, text: &str, field: &str) -> Option<String> {
    let base = rec.tokens.first()?.byte;
    let mut depth = 0i32;
    let mut start: Option<usize> = None;
    let mut end: Option<usize> = None;
    for (i, t) in rec.tokens.iter().enumerate() {
        match &t.tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 && start.is_some() {
                    end = Some(t.byte);
                    break;
                }
            }
            Tok::Punct(',') if depth == 1 && start.is_some() => {
                end = Some(t.byte + 1);
                break;
            }
            Tok::Ident(name)
                if depth == 1
                    && start.is_none()
                    && *name == field
                    && matches!(rec.tokens.get(i + 1).map(|x| &x.tok), Some(Tok::Punct(':'))) =>
            {
                start = Some(t.byte);
            }
            _ => {}
        }
    }
    let (a, b) = (start? - base, end? - base);
    let blanked: String = text
        .get(a..b)?
        .chars()
        .map(|c| if c == '\n' || c == '\r' { c } else { ' ' })
        .collect();
    Some(format!("{}{blanked}{}", &text[..a], &text[b..]))
}

/// `kind: "Person"` and `gender: "Female"` as python-ron writes them: the record's text with the
/// quotes of those values turned into spaces (same length, so error positions stay true), or
/// `None` when there is nothing to change.
fn unquote_variants(rec: &RecordSource<'_>) -> Option<String> {
    let base = rec.tokens.first()?.byte;
    let mut out: Option<Vec<u8>> = None;
    for field in ["kind", "gender"] {
        let Some(t) = rec.field_value(field) else { continue };
        let Tok::Str(v) = &t.tok else { continue };
        if !v.chars().all(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let at = t.byte - base;
        let bytes = out.get_or_insert_with(|| rec.text.as_bytes().to_vec());
        if bytes.get(at) == Some(&b'"') && bytes.get(at + v.len() + 1) == Some(&b'"') {
            bytes[at] = b' ';
            bytes[at + v.len() + 1] = b' ';
        }
    }
    out.and_then(|b| String::from_utf8(b).ok())
}

/// A record of only string fields, lists of strings and a bare `kind` and `gender`, read from its
/// tokens as RON would read it; `None` for anything else (roles, a prior, an escape in a string,
/// `Some(..)`, a field twice or missing, an unknown field, a quoted kind...), which RON then reads
/// and, where it is wrong, reports. Parsing a record this way takes a tenth of RON's time, which
/// was a third of the start-up with a gazetteer of 234,570 cities.
fn plain_record(tokens: &[Token<'_>]) -> Option<EntityRecord> {
    let mut toks = tokens.iter().map(|t| &t.tok);
    let string = |t: Option<&Tok<'_>>| match t {
        Some(Tok::Str(s)) if !s.contains('\\') => Some(s.to_string()),
        _ => None,
    };
    fn once<T>(slot: &mut Option<T>, v: T) -> Option<()> {
        slot.is_none().then(|| *slot = Some(v))
    }
    if toks.next()? != &Tok::Punct('(') {
        return None;
    }
    let (mut id, mut kind, mut name, mut aliases) = (None, None, None, None);
    let (mut adjectives, mut demonyms, mut short_aliases) = (None, None, None);
    let (mut died, mut wikidata, mut gender, mut country) = (None, None, None, None);
    loop {
        let field = match toks.next()? {
            Tok::Punct(')') => break,
            Tok::Ident(f) => *f,
            _ => return None,
        };
        if toks.next()? != &Tok::Punct(':') {
            return None;
        }
        match field {
            "id" => once(&mut id, string(toks.next())?)?,
            "name" => once(&mut name, string(toks.next())?)?,
            "died" => once(&mut died, string(toks.next())?)?,
            "wikidata" => once(&mut wikidata, string(toks.next())?)?,
            "country" => once(&mut country, string(toks.next())?)?,
            "kind" => {
                let k = match toks.next()? {
                    Tok::Ident("Person") => Kind::Person,
                    Tok::Ident("Country") => Kind::Country,
                    Tok::Ident("City") => Kind::City,
                    Tok::Ident("Place") => Kind::Place,
                    Tok::Ident("Organization") => Kind::Organization,
                    _ => return None,
                };
                once(&mut kind, k)?
            }
            "gender" => {
                let g = match toks.next()? {
                    Tok::Ident("Female") => Gender::Female,
                    Tok::Ident("Male") => Gender::Male,
                    _ => return None,
                };
                once(&mut gender, g)?
            }
            "aliases" | "adjectives" | "demonyms" | "short_aliases" => {
                if toks.next()? != &Tok::Punct('[') {
                    return None;
                }
                let mut list = Vec::new();
                loop {
                    match toks.next()? {
                        Tok::Punct(']') => break,
                        t @ Tok::Str(_) => list.push(string(Some(t))?),
                        _ => return None,
                    }
                    match toks.next()? {
                        Tok::Punct(',') => {}
                        Tok::Punct(']') => break,
                        _ => return None,
                    }
                }
                let slot = match field {
                    "aliases" => &mut aliases,
                    "adjectives" => &mut adjectives,
                    "demonyms" => &mut demonyms,
                    _ => &mut short_aliases,
                };
                once(slot, list)?
            }
            _ => return None,
        }
        match toks.next()? {
            Tok::Punct(',') => {}
            Tok::Punct(')') => break,
            _ => return None,
        }
    }
    if toks.next().is_some() {
        return None;
    }
    Some(EntityRecord {
        id: id?,
        kind: kind?,
        name: name?,
        aliases: aliases?,
        adjectives: adjectives.unwrap_or_default(),
        demonyms: demonyms.unwrap_or_default(),
        short_aliases: short_aliases.unwrap_or_default(),
        roles: Vec::new(),
        prior: None,
        died,
        wikidata,
        gender,
        country,
    })
}

/// The RON options the gazetteer is read with: `IMPLICIT_SOME`, so optional fields are written
/// plainly (`from: "2004"`, not `from: Some("2004")`).
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses one file's source into records, one at a time. Problems (syntax, schema) are pushed to
/// `problems`; every record that parses is passed to `check` (which may report problems of its
/// own) while its tokens are at hand, and returned with its source, without tokens (see
/// `RecordSource::compact`), and what `check` said.
pub(crate) fn parse_file<'s>(
    path: &Path,
    src: &'s str,
    problems: &mut Vec<Problem>,
    mut check: impl FnMut(&EntityRecord, &RecordSource<'s>, &mut Vec<Problem>) -> bool,
) -> Vec<(EntityRecord, RecordSource<'s>, bool)> {
    let whole_file_error = |problems: &mut Vec<Problem>| {
        match ron_options().from_str::<Vec<EntityRecord>>(src) {
            Err(e) => problems.push(Problem::at(
                path,
                e.span.start.line,
                e.span.start.col,
                e.code.to_string(),
            )),
            Ok(_) => problems.push(Problem::at(path, 1, 1, "cannot split the file into records")),
        };
    };
    let reported = problems.len();
    // Tokens one at a time: records are split and parsed as the file is read.
    let mut lexer = Lexer::new(src);
    let mut lex_error = None;
    let mut tokens = std::iter::from_fn(|| match lexer.next()? {
        Ok(t) => Some(t),
        Err(e) => {
            lex_error = Some(e);
            None
        }
    })
    .peekable();
    // Skip inner attributes such as `#![enable(implicit_some)]`.
    while tokens.next_if(|t| t.tok == Tok::Punct('#')).is_some() {
        for t in tokens.by_ref() {
            if t.tok == Tok::Punct(']') {
                break;
            }
        }
    }
    match tokens.next() {
        Some(t) if t.tok == Tok::Punct('[') => {}
        Some(t) => {
            problems.push(
                Problem::at(
                    path,
                    t.line,
                    t.col,
                    "expected `[`: a gazetteer file is a list of entity records",
                )
                .hint("write `[ (id: \"...\", kind: Person, name: \"...\", aliases: [\"...\"]), ... ]`"),
            );
            return Vec::new();
        }
        None => {
            drop(tokens);
            match lex_error {
                Some((line, col, msg)) => problems.push(Problem::at(path, line, col, msg)),
                None => problems.push(Problem::at(
                    path,
                    1,
                    1,
                    "empty file: a gazetteer file is a list `[...]` of entity records",
                )),
            }
            return Vec::new();
        }
    }
    let mut records = Vec::new();
    let mut depth = 0i32;
    let mut item: Vec<Token<'s>> = Vec::new();
    let mut closed = false;
    let mut flush = |item: &mut Vec<Token<'s>>, end_byte: usize, problems: &mut Vec<Problem>| {
        if item.is_empty() {
            return;
        }
        let first = item[0].clone();
        let text = &src[first.byte..end_byte];
        let rec = RecordSource {
            text: text.trim_end(),
            tokens: std::mem::take(item),
            line: first.line,
            col: first.col,
            byte: first.byte,
        };
        // The plain records that make up large gazetteers are read from their tokens; RON reads
        // every other one, and gives the errors.
        if let Some(r) = plain_record(&rec.tokens) {
            let ok = check(&r, &rec, problems);
            records.push((r, rec.compact(), ok));
            return;
        }
        let mut text: std::borrow::Cow<'_, str> = unquote_variants(&rec).map_or(rec.text.into(), Into::into);
        // An unknown field is reported and then blanked out, so the record's other problems
        // (references, a duplicate id) are found in the same run; each round blanks one field.
        for _ in 0..=rec.tokens.len() {
            match ron_options().from_str::<EntityRecord>(&text) {
                Ok(r) => {
                    let ok = check(&r, &rec, problems);
                    records.push((r, rec.compact(), ok));
                    return;
                }
                Err(e) => {
                    let (l, c) = (e.span.start.line, e.span.start.col);
                    let line = rec.line + l - 1;
                    let col = if l == 1 { rec.col + c - 1 } else { c };
                    problems.push(Problem::at(path, line, col, e.code.to_string()));
                    match &e.code {
                        ron::Error::NoSuchStructField { found, .. } => match blank_field(&rec, &text, found) {
                            Some(t) => text = t.into(),
                            None => return,
                        },
                        _ => return,
                    }
                }
            }
        }
    };
    for t in tokens.by_ref() {
        if closed {
            problems.push(Problem::at(
                path,
                t.line,
                t.col,
                "unexpected text after the closing `]` of the list",
            ));
            break;
        }
        match t.tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            flush(&mut item, t.byte, problems);
            closed = true;
            continue;
        }
        if depth == 0 && t.tok == Tok::Punct(',') {
            flush(&mut item, t.byte, problems);
            continue;
        }
        item.push(t);
    }
    drop(tokens);
    // A literal left open makes the rest of the file unreadable: that alone is reported.
    if let Some((line, col, msg)) = lex_error {
        problems.truncate(reported);
        problems.push(Problem::at(path, line, col, msg));
        return Vec::new();
    }
    if !closed {
        whole_file_error(problems);
        if let Some(first) = item.first() {
            problems.push(
                Problem::at(
                    path,
                    first.line,
                    first.col,
                    "this record is not closed before the end of the list",
                )
                .hint("check for a missing `)` or `]`"),
            );
        }
        return Vec::new();
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer_skips_comments_and_keeps_positions() {
        let toks = tokenize("[ // c\n  /* x /* y */ */ (id: \"a\\\"b\", n: r#\"x\"#) ]").unwrap();
        let s: Vec<_> = toks
            .iter()
            .filter(|t| matches!(t.tok, Tok::Str(_)))
            .map(|t| (t.line, t.col))
            .collect();
        assert_eq!(s, vec![(2, 24), (2, 35)]);
    }

    #[test]
    fn kinds_and_genders_may_be_written_as_strings() {
        let src = "[\n (id: \"a\", kind: \"Person\", name: \"A\", aliases: [\"A\"], gender: \"Female\"),\n (id: \"b\", kind: \"Persn\", name: \"B\", aliases: [\"B\"]),\n]";
        let mut problems = Vec::new();
        let recs = parse_file(Path::new("t.ron"), src, &mut problems, |_, _, _| true);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].0.kind, super::super::Kind::Person);
        assert_eq!(recs[0].0.gender, Some(super::super::Gender::Female));
        // A wrong kind is reported where it stands, with the known kinds.
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = problems[0].to_string();
        assert!(p.contains("t.ron:3:") && p.contains("Persn"), "{p}");
    }

    /// Every record, read from its tokens or by RON, is what RON reads from its text.
    #[test]
    fn plain_records_read_as_ron_reads_them() {
        let mine = r#"[
 (id: "a", kind: City, name: "A", aliases: ["A", "Ä b",], adjectives: [], demonyms: ["Aer"], short_aliases: ["x"],),
 (id: "b", kind: Person, name: "B", aliases: ["B \"q\""], gender: Female, country: "a", died: "2001", wikidata: "Q1"),
 (id: "c", kind: Place, name: r"C", aliases: ["C"], prior: 0.5, roles: [(role: "leader", of: "a")]),
 (id: "d", kind: Organization, /* c */ name: "D", // c
   aliases: ["D"], gender: Some(Male)),
]"#;
        let mut sources: Vec<(&str, &str)> = super::super::BUNDLED.to_vec();
        sources.push(("mine.ron", mine));
        let (mut plain, mut all) = (0, 0);
        for (name, src) in sources {
            let mut problems = Vec::new();
            parse_file(Path::new(name), src, &mut problems, |rec, rs, _| {
                let tokens = rs.tokenized();
                plain += usize::from(plain_record(&tokens.tokens).is_some());
                all += 1;
                let text = unquote_variants(&tokens).unwrap_or_else(|| rs.text.to_string());
                assert_eq!(
                    rec,
                    &ron_options().from_str::<EntityRecord>(&text).unwrap(),
                    "{}",
                    rs.text
                );
                true
            });
            assert!(problems.is_empty(), "{problems:?}");
        }
        assert!(plain > 100 && plain < all, "{plain} of {all}");
    }

    #[test]
    fn records_are_split_at_top_level_commas() {
        let src = "[\n (id: \"a\", kind: Person, name: \"A\", aliases: [\"A\", \"B\"]),\n (id: \"b\", kind: City, name: \"B\", aliases: [\"C\"],),\n]";
        let mut problems = Vec::new();
        let mut aliases = Vec::new();
        let recs = parse_file(Path::new("t.ron"), src, &mut problems, |_, rs, _| {
            aliases.push(rs.list_strings("aliases").len());
            true
        });
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(recs.len(), 2);
        assert_eq!((recs[1].1.line, recs[1].1.col), (3, 2));
        assert_eq!(aliases, [2, 1]);
        // Compacted, a record gives its tokens back from its text, at their places in the file.
        assert!(recs[1].1.tokens.is_empty());
        let again = recs[1].1.tokenized();
        let c = again.list_strings("aliases")[0];
        assert_eq!((c.line, c.col, &src[c.byte..c.byte + 3]), (3, 45, "\"C\""));
    }
}
