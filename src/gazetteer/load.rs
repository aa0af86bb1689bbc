//! Reading gazetteer files: one RON list of records per file, parsed record by record so that a
//! broken record does not hide the problems of the others, and every error keeps its
//! file:line:column.

use super::model::EntityRecord;
use crate::error::Problem;
use ron::extensions::Extensions;
use std::path::Path;

/// A token of RON source, enough to split a list into records and find field values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    /// An identifier or bare word (`id`, `Person`, `Some`, `true`).
    Ident(String),
    /// A string literal's raw content between its quotes.
    Str(String),
    /// One punctuation character.
    Punct(char),
    /// A number or another literal we need not understand.
    Other,
}

/// A token with its 1-based line and character column and byte offset.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub tok: Tok,
    pub line: usize,
    pub col: usize,
    pub byte: usize,
}

/// Tokenises RON source. `Err` carries a position and message for an unterminated literal.
pub(crate) fn tokenize(src: &str) -> Result<Vec<Token>, (usize, usize, String)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = src.char_indices().collect();
    let (mut i, mut line, mut col) = (0usize, 1usize, 1usize);
    // Advances over chars[i], keeping line and column.
    macro_rules! bump {
        () => {{
            if chars[i].1 == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
            i += 1;
        }};
    }
    while i < chars.len() {
        let (byte, c) = chars[i];
        let (tl, tc) = (line, col);
        let next = chars.get(i + 1).map(|&(_, c)| c);
        if c.is_whitespace() {
            bump!();
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i].1 != '\n' {
                bump!();
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0usize;
            loop {
                if i >= chars.len() {
                    return Err((tl, tc, "unterminated block comment".into()));
                }
                let n = chars.get(i + 1).map(|&(_, c)| c);
                if chars[i].1 == '/' && n == Some('*') {
                    depth += 1;
                    bump!();
                    bump!();
                } else if chars[i].1 == '*' && n == Some('/') {
                    depth -= 1;
                    bump!();
                    bump!();
                    if depth == 0 {
                        break;
                    }
                } else {
                    bump!();
                }
            }
        } else if c == '"' || (c == 'r' && matches!(next, Some('"') | Some('#'))) {
            // Plain or raw string.
            let mut hashes = 0usize;
            let raw = c == 'r';
            if raw {
                bump!();
                while i < chars.len() && chars[i].1 == '#' {
                    hashes += 1;
                    bump!();
                }
                if i >= chars.len() || chars[i].1 != '"' {
                    return Err((tl, tc, "malformed raw string".into()));
                }
            }
            bump!(); // opening quote
            let start = i;
            loop {
                if i >= chars.len() {
                    return Err((tl, tc, "unterminated string".into()));
                }
                let ch = chars[i].1;
                if !raw && ch == '\\' {
                    bump!();
                    if i < chars.len() {
                        bump!();
                    }
                    continue;
                }
                if ch == '"' {
                    let closes = (1..=hashes).all(|k| chars.get(i + k).map(|&(_, c)| c) == Some('#'));
                    if closes {
                        let content: String = chars[start..i].iter().map(|&(_, c)| c).collect();
                        bump!();
                        for _ in 0..hashes {
                            bump!();
                        }
                        out.push(Token {
                            tok: Tok::Str(content),
                            line: tl,
                            col: tc,
                            byte,
                        });
                        break;
                    }
                }
                bump!();
            }
        } else if c == '\'' {
            bump!();
            while i < chars.len() && chars[i].1 != '\'' {
                if chars[i].1 == '\\' {
                    bump!();
                }
                if i < chars.len() {
                    bump!();
                }
            }
            if i >= chars.len() {
                return Err((tl, tc, "unterminated character literal".into()));
            }
            bump!();
            out.push(Token {
                tok: Tok::Other,
                line: tl,
                col: tc,
                byte,
            });
        } else if c.is_alphabetic() || c == '_' {
            let mut s = String::new();
            while i < chars.len() && (chars[i].1.is_alphanumeric() || chars[i].1 == '_') {
                s.push(chars[i].1);
                bump!();
            }
            out.push(Token {
                tok: Tok::Ident(s),
                line: tl,
                col: tc,
                byte,
            });
        } else if c.is_ascii_digit() || ((c == '-' || c == '+' || c == '.') && next.is_some_and(|n| n.is_ascii_digit()))
        {
            bump!();
            while i < chars.len() && (chars[i].1.is_alphanumeric() || matches!(chars[i].1, '.' | '_' | '+' | '-')) {
                bump!();
            }
            out.push(Token {
                tok: Tok::Other,
                line: tl,
                col: tc,
                byte,
            });
        } else {
            out.push(Token {
                tok: Tok::Punct(c),
                line: tl,
                col: tc,
                byte,
            });
            bump!();
        }
    }
    Ok(out)
}

/// One record of a file: its tokens and where it starts.
#[derive(Debug)]
pub(crate) struct RecordSource<'s> {
    /// The record's source text.
    pub text: &'s str,
    /// Its tokens (positions are absolute in the file).
    pub tokens: Vec<Token>,
    /// Line of its first character.
    pub line: usize,
    /// Column of its first character.
    pub col: usize,
}

impl RecordSource<'_> {
    /// Position of the value token after `field:` at the record's top level, or the record start.
    pub fn field_pos(&self, field: &str) -> (usize, usize) {
        self.field_value(field)
            .map(|t| (t.line, t.col))
            .unwrap_or((self.line, self.col))
    }

    /// The value token after `field:` at the record's top level (depth 1).
    pub fn field_value(&self, field: &str) -> Option<&Token> {
        let mut depth = 0i32;
        for (k, t) in self.tokens.iter().enumerate() {
            match &t.tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => depth -= 1,
                Tok::Ident(name) if depth == 1 && name == field => {
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
    pub fn list_strings(&self, field: &str) -> Vec<&Token> {
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
    pub fn nested_strings(&self, field: &str) -> Vec<&Token> {
        self.tokens
            .windows(3)
            .filter(|w| matches!(&w[0].tok, Tok::Ident(n) if n == field) && w[1].tok == Tok::Punct(':'))
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
                    && name == field
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

/// The RON options the gazetteer is read with: `IMPLICIT_SOME`, so optional fields are written
/// plainly (`from: "2004"`, not `from: Some("2004")`).
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses one file's source into records. Problems (syntax, schema) are pushed to `problems`;
/// every record that parses is returned with its source.
pub(crate) fn parse_file<'s>(
    path: &Path,
    src: &'s str,
    problems: &mut Vec<Problem>,
) -> Vec<(EntityRecord, RecordSource<'s>)> {
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
    let tokens = match tokenize(src) {
        Ok(t) => t,
        Err((line, col, msg)) => {
            problems.push(Problem::at(path, line, col, msg));
            return Vec::new();
        }
    };
    // Skip inner attributes such as `#![enable(implicit_some)]`.
    let mut k = 0;
    while matches!(tokens.get(k).map(|t| &t.tok), Some(Tok::Punct('#'))) {
        while k < tokens.len() && tokens[k].tok != Tok::Punct(']') {
            k += 1;
        }
        k += 1;
    }
    match tokens.get(k) {
        Some(t) if t.tok == Tok::Punct('[') => k += 1,
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
            problems.push(Problem::at(
                path,
                1,
                1,
                "empty file: a gazetteer file is a list `[...]` of entity records",
            ));
            return Vec::new();
        }
    }
    let mut records = Vec::new();
    let mut depth = 0i32;
    let mut item: Vec<Token> = Vec::new();
    let mut closed = false;
    let mut flush = |item: &mut Vec<Token>, end_byte: usize, problems: &mut Vec<Problem>| {
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
        };
        let mut text = unquote_variants(&rec).unwrap_or_else(|| rec.text.to_string());
        // An unknown field is reported and then blanked out, so the record's other problems
        // (references, a duplicate id) are found in the same run; each round blanks one field.
        for _ in 0..=rec.tokens.len() {
            match ron_options().from_str::<EntityRecord>(&text) {
                Ok(r) => {
                    records.push((r, rec));
                    return;
                }
                Err(e) => {
                    let (l, c) = (e.span.start.line, e.span.start.col);
                    let line = rec.line + l - 1;
                    let col = if l == 1 { rec.col + c - 1 } else { c };
                    problems.push(Problem::at(path, line, col, e.code.to_string()));
                    match &e.code {
                        ron::Error::NoSuchStructField { found, .. } => match blank_field(&rec, &text, found) {
                            Some(t) => text = t,
                            None => return,
                        },
                        _ => return,
                    }
                }
            }
        }
    };
    for t in tokens.into_iter().skip(k) {
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
        let recs = parse_file(Path::new("t.ron"), src, &mut problems);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].0.kind, super::super::Kind::Person);
        assert_eq!(recs[0].0.gender, Some(super::super::Gender::Female));
        // A wrong kind is reported where it stands, with the known kinds.
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = problems[0].to_string();
        assert!(p.contains("t.ron:3:") && p.contains("Persn"), "{p}");
    }

    #[test]
    fn records_are_split_at_top_level_commas() {
        let src = "[\n (id: \"a\", kind: Person, name: \"A\", aliases: [\"A\", \"B\"]),\n (id: \"b\", kind: City, name: \"B\", aliases: [\"C\"],),\n]";
        let mut problems = Vec::new();
        let recs = parse_file(Path::new("t.ron"), src, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(recs.len(), 2);
        assert_eq!((recs[1].1.line, recs[1].1.col), (3, 2));
        assert_eq!(recs[0].1.list_strings("aliases").len(), 2);
    }
}
