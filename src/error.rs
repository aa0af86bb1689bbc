//! The one error type of newskg.
//!
//! Errors come from configuration (gazetteer, options) and I/O, never from what a document says.
//! Where a position exists, a [`Problem`] names the file, line and column (both 1-based, column
//! counted in characters) and, where we know one, a hint on how to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong, broadly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The gazetteer cannot be loaded (syntax, schema, duplicate ids, empty aliases...).
    Gazetteer,
    /// An input document cannot be read (missing file, invalid UTF-8, bad JSON line...).
    Input,
    /// An output cannot be written.
    Output,
    /// A command-line option or argument is wrong.
    Usage,
    /// A query names something that does not exist.
    Query,
}

/// One located problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File the problem is in.
    pub file: PathBuf,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column in characters, 0 when unknown.
    pub col: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, where we can tell.
    pub hint: Option<String>,
}

impl Problem {
    /// A problem at `file:line:col`.
    pub fn at(file: &Path, line: usize, col: usize, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_path_buf(),
            line,
            col,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.col)?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

/// The error type of every fallible newskg operation.
#[derive(Debug)]
pub struct Error {
    /// Broad category.
    pub kind: ErrorKind,
    /// Summary line.
    pub message: String,
    /// Every located problem, in file order (empty when the summary says it all).
    pub problems: Vec<Problem>,
}

impl Error {
    /// An error without located problems.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            problems: Vec::new(),
        }
    }

    /// An error listing located problems.
    pub fn with_problems(kind: ErrorKind, message: impl Into<String>, problems: Vec<Problem>) -> Self {
        Error {
            kind,
            message: message.into(),
            problems,
        }
    }

    /// An I/O error on `path`, saying what we were doing.
    pub fn io(kind: ErrorKind, doing: &str, path: &Path, err: std::io::Error) -> Self {
        Error::new(kind, format!("{doing} {}: {err}", path.display()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Result alias with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// The 1-based character column of a 1-based byte column in `line` (serde_json counts bytes; a
/// problem's column counts characters). A byte column past the end gives the column after the last
/// character.
pub fn char_column(line: &str, byte_col: usize) -> usize {
    let mut end = byte_col.saturating_sub(1).min(line.len());
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    line[..end].chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::char_column;

    #[test]
    fn byte_columns_become_character_columns() {
        let line = r#"{"text":"Außenminister Lawrow trifft Kim"#;
        // serde_json reports the end of this cut line as byte column len + 1.
        let e = serde_json::from_str::<serde_json::Value>(line).unwrap_err();
        assert_eq!(e.column(), line.len());
        assert_eq!(char_column(line, e.column()), line.chars().count());
        assert_eq!(char_column("ßx", 3), 2); // the x after the two-byte ß
        assert_eq!(char_column("ßx", 2), 1); // inside the ß: its column
        assert_eq!(char_column("", 0), 1);
    }
}
