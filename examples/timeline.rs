//! One person's dated relations in order — from `out/graph.ron` alone.
//!
//! ```sh
//! cargo run --example timeline -- out/graph.ron "Kim Jong Un"
//! ```

use newskg::export::ron::GraphFile;
use newskg::query::Query;

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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, name) = match args.as_slice() {
        [name] => ("out/graph.ron".to_string(), name.clone()),
        [path, name, ..] => (path.clone(), name.clone()),
        [] => ("out/graph.ron".to_string(), "Lawrow".to_string()),
    };
    let graph = GraphFile::load(path.as_ref())?;
    let q = Query::new(&graph);
    let who = q.resolve(&name)?;
    let entries = q.timeline(&name)?;
    println!("Timeline of {} ({}): {} relations", who.name, who.id, entries.len());
    for e in &entries {
        println!("{}", q.format_entry(e));
    }
    Ok(())
}
