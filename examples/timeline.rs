//! One person's dated relations in order — from `out/graph.ron` alone.
//!
//! ```sh
//! cargo run --example timeline -- out/graph.ron "Kim Jong Un"
//! ```

mod common;
use newskg::query::Query;

fn main() -> std::process::ExitCode {
    common::main_with(|| {
        let (path, name) = common::args(Some("Lawrow"));
        let name = name.unwrap_or_default();
        let graph = newskg::export::ron::GraphFile::load(&path)?;
        let q = Query::new(&graph);
        let who = q.resolve(&name)?;
        let entries = q.timeline(&name)?;
        common::line(format!(
            "Timeline of {} ({}): {} relations",
            who.name,
            who.id,
            entries.len()
        ))?;
        for e in &entries {
            common::line(q.format_entry(e))?;
        }
        Ok(())
    })
}
