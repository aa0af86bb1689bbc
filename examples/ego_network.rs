//! The ego network of one entity as its own Graphviz file — from `out/graph.ron` alone.
//!
//! ```sh
//! cargo run --example ego_network -- out/graph.ron Putin     # writes out/ego-vladimir-putin.dot
//! dot -Tsvg out/ego-vladimir-putin.dot -o putin.svg
//! ```
//! Keeps the entity, its relation partners and its co-occurrence neighbours, with the edges
//! among them; relation edges keep their colours and labels.

mod common;
use newskg::export::dot::{DotOptions, to_dot};
use newskg::query::Query;
use std::collections::BTreeSet;

fn main() -> std::process::ExitCode {
    common::main_with(|| {
        let (path, name) = common::args(Some("Putin"));
        let graph = newskg::export::ron::GraphFile::load(&path)?;
        let q = Query::new(&graph);
        let ego = q.resolve(&name.unwrap_or_default())?.id.clone();
        let mut keep: BTreeSet<String> = q.neighbours(&ego)?.into_iter().map(|n| n.id).collect();
        keep.insert(ego.clone());
        let mut sub = graph.clone();
        sub.nodes.retain(|n| keep.contains(&n.id));
        sub.cooccurrence
            .retain(|c| keep.contains(&c.source) && keep.contains(&c.target));
        sub.relations
            .retain(|r| keep.contains(&r.subject) && keep.contains(&r.object));
        let out = path.with_file_name(format!("ego-{ego}.dot"));
        newskg::export::write_all_atomic(&[(out.clone(), to_dot(&sub, DotOptions::default()).into_bytes())])?;
        common::line(format!(
            "{ego}: {} nodes, {} co-occurrence and {} relation edges → {}",
            sub.nodes.len(),
            sub.cooccurrence.len(),
            sub.relations.len(),
            out.display()
        ))?;
        Ok(())
    })
}
