//! Who met whom, when, says who — from `out/graph.ron` alone.
//!
//! ```sh
//! cargo run --example who_met_whom                  # every meeting
//! cargo run --example who_met_whom -- out/graph.ron Lawrow
//! ```
//! Prints `date  A — B  (planned)  [sources]` and the evidence sentences of each meeting.

mod common;
use newskg::query::Query;

fn main() -> std::process::ExitCode {
    common::main_with(|| {
        let (path, who) = common::args(None);
        let graph = newskg::export::ron::GraphFile::load(&path)?;
        let q = Query::new(&graph);
        let meetings = q.meetings(who.as_deref(), None, None)?;
        let done = meetings.iter().filter(|m| !m.planned).count();
        common::line(format!(
            "{} meetings ({done} held, {} planned) in {}",
            meetings.len(),
            meetings.len() - done,
            path.display()
        ))?;
        for m in &meetings {
            common::line(q.format_meeting(m))?;
        }
        Ok(())
    })
}
