//! Running the pipeline over a corpus: documents are read in order, extracted in parallel in
//! batches, and handed on in input order, so outputs do not depend on the thread count.

use crate::error::Result;
use crate::export::ron::GraphFile;
use crate::extract::{DocExtraction, Pipeline};
use crate::graph::KnowledgeGraph;
use crate::input::{self, Document, ReadOptions, Source};
use crate::record;
use rayon::prelude::*;
use std::path::PathBuf;

/// Documents extracted together; bounds memory while keeping both cores busy.
const BATCH: usize = 64;

/// Extracts every document of `sources`, calling `sink` in input order.
pub fn extract_all(
    pipeline: &Pipeline,
    sources: &[Source],
    opts: ReadOptions,
    sink: impl FnMut(DocExtraction) -> Result<()>,
) -> Result<()> {
    extract_map(pipeline, sources, opts, |x| x, sink)
}

/// Extracts every document of `sources` and turns each extraction into a `T` with `make` on the
/// worker threads (`newskg extract` writes its JSON line there), then calls `sink` with them in
/// input order, so outputs do not depend on the thread count.
///
/// With more than one worker thread, the documents are read on a thread of their own, a batch
/// ahead of the workers: reading, extracting and writing overlap instead of taking turns.
pub fn extract_map<T: Send>(
    pipeline: &Pipeline,
    sources: &[Source],
    opts: ReadOptions,
    make: impl Fn(DocExtraction) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    let mut flush = |batch: &mut Vec<Document>| -> Result<()> {
        let out: Vec<T> = batch.par_iter().map(|d| make(pipeline.extract(d))).collect();
        batch.clear();
        out.into_iter().try_for_each(&mut sink)
    };
    if rayon::current_num_threads() <= 1 {
        let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
        input::read_all(sources, opts, |doc| {
            batch.push(doc);
            if batch.len() >= BATCH {
                flush(&mut batch)
            } else {
                Ok(())
            }
        })?;
        return flush(&mut batch);
    }
    // One batch in the channel and one being read: memory stays bound by three batches.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Vec<Document>>>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
            let read = input::read_all(sources, opts, |doc| {
                batch.push(doc);
                if batch.len() >= BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // The receiver is gone only when writing failed: stop reading quietly.
                    tx.send(Ok(full))
                        .map_err(|_| crate::error::Error::new(crate::error::ErrorKind::Output, "stopped"))
                } else {
                    Ok(())
                }
            });
            let last = match read {
                Ok(()) => Ok(batch),
                Err(e) => Err(e),
            };
            let _ = tx.send(last);
        });
        let mut result = Ok(());
        for batch in rx.iter() {
            match batch.and_then(|mut b| flush(&mut b)) {
                Ok(()) => {}
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        // Dropping the receiver ends the reader at its next batch.
        drop(rx);
        result
    })
}

/// Builds the graph of every document of `sources`: the graph, the number of documents, and
/// what the per-sentence caps cut (sentences read in part, relations dropped).
/// `progress` is called with the number of documents done after each one.
pub fn build_graph(
    pipeline: &Pipeline,
    sources: &[Source],
    opts: ReadOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<(KnowledgeGraph, usize, (usize, usize))> {
    let mut g = KnowledgeGraph::new();
    let mut n = 0usize;
    let mut cut = (0, 0);
    extract_all(pipeline, sources, opts, |x| {
        g.add(&x, pipeline.gazetteer());
        n += 1;
        progress(n);
        cut.0 += x.truncated.0;
        cut.1 += x.truncated.1;
        Ok(())
    })?;
    Ok((g, n, cut))
}

/// Builds the graph by folding extraction records (files, directories of them, or `-`; see
/// [`record::expand`]) without extracting again: the graph, the number of documents, and what
/// the per-sentence caps had cut when the records were made.
pub fn build_graph_from_records(
    inputs: &[PathBuf],
    progress: &mut dyn FnMut(usize),
) -> Result<(KnowledgeGraph, usize, (usize, usize))> {
    let paths = record::expand(inputs)?;
    let mut g = KnowledgeGraph::new();
    let mut n = 0usize;
    let mut cut = (0, 0);
    record::read_all(&paths, |rec| {
        g.add_record(&rec);
        n += 1;
        progress(n);
        cut.0 += rec.truncated.sentences;
        cut.1 += rec.truncated.relations;
        Ok(())
    })?;
    Ok((g, n, cut))
}

/// Merges graph files (`graph.ron`, or directories holding one) into one graph.
pub fn merge_graph_files(inputs: &[PathBuf]) -> Result<KnowledgeGraph> {
    let mut g = KnowledgeGraph::new();
    for p in inputs {
        let path = if p.is_dir() { p.join("graph.ron") } else { p.clone() };
        let part = GraphFile::load(&path)?.to_graph(&path)?;
        g.merge(&part);
    }
    Ok(g)
}
