//! What the examples share: reading `[GRAPH] [NAME]` arguments and reporting errors plainly.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// `[GRAPH] [NAME]`: a lone argument is a name; the graph defaults to `out/graph.ron`.
pub fn args(default_name: Option<&str>) -> (PathBuf, Option<String>) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let graph = PathBuf::from("out/graph.ron");
    match args.as_slice() {
        [] => (graph, default_name.map(str::to_string)),
        [one] if one.ends_with(".ron") => (PathBuf::from(one), default_name.map(str::to_string)),
        [name] => (graph, Some(name.clone())),
        [path, name, ..] => (PathBuf::from(path), Some(name.clone())),
    }
}

/// Writes one line to standard output; a closed pipe (`| head`) ends the program quietly.
pub fn line(text: impl std::fmt::Display) -> Result<(), newskg::Error> {
    writeln!(std::io::stdout().lock(), "{text}")
        .map_err(|e| newskg::Error::new(newskg::ErrorKind::Output, format!("cannot write to stdout: {e}")))
}

/// Runs an example's body, printing an error as a sentence rather than a debug dump.
pub fn main_with(run: impl FnOnce() -> Result<(), newskg::Error>) -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        // `who_met_whom | head`: the reader has all it wants.
        Err(e) if e.kind == newskg::ErrorKind::Output && e.message.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
