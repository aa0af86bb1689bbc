//! Who met whom, when, says who — from `out/graph.ron` alone.
//!
//! ```sh
//! cargo run --example who_met_whom                  # every meeting
//! cargo run --example who_met_whom -- out/graph.ron Lawrow
//! ```
//! Prints `date  A — B  (planned)  [sources]` and the evidence sentences of each meeting.

use newskg::export::ron::GraphFile;
use newskg::query::Query;
use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), newskg::Error> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .map_or_else(|| PathBuf::from("out/graph.ron"), PathBuf::from);
    let who = args.next();
    let graph = GraphFile::load(&path)?;
    let q = Query::new(&graph);
    let meetings = q.meetings(who.as_deref(), None, None)?;
    let done = meetings.iter().filter(|m| !m.planned).count();
    println!(
        "{} meetings ({done} held, {} planned) in {}",
        meetings.len(),
        meetings.len() - done,
        path.display()
    );
    for m in &meetings {
        println!("{}", q.format_meeting(m));
    }
    Ok(())
}
