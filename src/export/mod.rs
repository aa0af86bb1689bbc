//! Exports of the graph: RON (our versioned schema), Graphviz DOT, and the flat files analysts'
//! tools read; every file written atomically.

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod html;
pub mod neo4j;
pub mod render;
pub mod ron;

use crate::error::{Error, ErrorKind, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Temporary files are private (0600); an output keeps the mode of the file it replaces, or gets
/// the usual 0644 of a new file.
#[cfg(unix)]
fn set_output_mode(file: &std::fs::File, path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let perms = match std::fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o644),
    };
    file.set_permissions(perms)
}

#[cfg(not(unix))]
fn set_output_mode(_: &std::fs::File, _: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Writes several files as one set: a reader (or a later run) finds either all the old files or
/// all the new ones, never a mix, whatever point a run is killed at.
///
/// When every file goes to one directory (`out/`), the new set is written into a staging
/// directory beside it (`.newskg-stage-<pid>-…`), the other entries of the output directory are
/// hard-linked into the stage so nothing else is lost, and on Linux the two directories are
/// swapped with one `renameat2(RENAME_EXCHANGE)`; the old set is then removed. Stages that a killed
/// run left behind are removed by the next run. Where the exchange is not available (another
/// system or file system, or an output directory with subdirectories) each file is replaced
/// atomically on its own, after all of them are written.
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let dirs: std::collections::BTreeSet<&Path> = files.iter().map(|(p, _)| parent_of(p)).collect();
    if let [dir] = dirs.into_iter().collect::<Vec<_>>()[..]
        && let Some(done) = write_set_by_exchange(dir, files)?
    {
        return Ok(done);
    }
    write_each_atomic(files)
}

fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

const STAGE_PREFIX: &str = ".newskg-stage-";

/// Removes the stages of earlier runs that were killed (their process is gone).
fn remove_stale_stages(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(STAGE_PREFIX)) else {
            continue;
        };
        let pid: Option<u32> = rest.split('-').next().and_then(|p| p.parse().ok());
        let alive = pid.is_some_and(|p| p == std::process::id() || Path::new("/proc").join(p.to_string()).exists());
        if !alive {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// The set switch of [`write_all_atomic`]; `Ok(None)` when it cannot be used here.
fn write_set_by_exchange(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<Option<()>> {
    if !cfg!(target_os = "linux") {
        return Ok(None);
    }
    let dir_err = |e| Error::io(ErrorKind::Output, "cannot write the output directory", dir, e);
    // The stage must sit on the same file system, beside the output directory.
    let abs = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        std::env::current_dir().map_err(dir_err)?.join(dir)
    };
    let (Some(parent), Some(_)) = (abs.parent(), abs.file_name()) else {
        return Ok(None);
    };
    if std::fs::symlink_metadata(&abs).is_ok_and(|m| m.file_type().is_symlink()) {
        return Ok(None); // swapping would replace the link itself
    }
    std::fs::create_dir_all(parent).map_err(dir_err)?;
    remove_stale_stages(parent);
    let existing: Vec<std::fs::DirEntry> = match std::fs::read_dir(&abs) {
        Ok(rd) => rd.collect::<std::io::Result<_>>().map_err(dir_err)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => return Err(dir_err(e)),
        Err(e) => return Err(dir_err(e)),
    };
    if existing.iter().any(|e| e.file_type().map_or(true, |t| t.is_dir())) {
        return Ok(None);
    }
    let stage = tempfile::Builder::new()
        .prefix(&format!("{STAGE_PREFIX}{}-", std::process::id()))
        .tempdir_in(parent)
        .map_err(|e| Error::io(ErrorKind::Output, "cannot create a staging directory in", parent, e))?
        .keep();
    let result = (|| -> Result<Option<()>> {
        let names: std::collections::BTreeSet<&std::ffi::OsStr> =
            files.iter().filter_map(|(p, _)| p.file_name()).collect();
        for e in &existing {
            let name = e.file_name();
            if !names.contains(name.as_os_str()) && !name.to_string_lossy().starts_with(".newskg-") {
                std::fs::hard_link(e.path(), stage.join(&name))
                    .map_err(|err| Error::io(ErrorKind::Output, "cannot keep", &e.path(), err))?;
            }
        }
        for (path, bytes) in files {
            let name = path.file_name().unwrap_or_default();
            let target = stage.join(name);
            let mut f =
                std::fs::File::create(&target).map_err(|e| Error::io(ErrorKind::Output, "cannot write", path, e))?;
            f.write_all(bytes)
                .and_then(|_| f.sync_all())
                .map_err(|e| Error::io(ErrorKind::Output, "cannot write", path, e))?;
            set_output_mode(&f, path).map_err(|e| Error::io(ErrorKind::Output, "cannot set the mode of", path, e))?;
        }
        if existing.is_empty() && !abs.exists() {
            std::fs::rename(&stage, &abs).map_err(dir_err)?;
            return Ok(Some(()));
        }
        if !exchange(&stage, &abs) {
            return Ok(None);
        }
        // The stage now holds the old set.
        let _ = std::fs::remove_dir_all(&stage);
        Ok(Some(()))
    })();
    if !matches!(result, Ok(Some(()))) {
        let _ = std::fs::remove_dir_all(&stage);
    }
    result
}

/// Swaps two directories in one step (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let (Ok(ca), Ok(cb)) = (
        std::ffi::CString::new(a.as_os_str().as_bytes()),
        std::ffi::CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both arguments are valid NUL-terminated paths that live across the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    rc == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// Each file either keeps its old content or gets the new one whole: all contents go to
/// temporary files in the target directory first, and only when every one is written and
/// flushed are they renamed into place.
fn write_each_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let mut staged = Vec::new();
    for (path, bytes) in files {
        let dir = parent_of(path);
        std::fs::create_dir_all(dir).map_err(|e| Error::io(ErrorKind::Output, "cannot create directory", dir, e))?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".newskg-")
            .tempfile_in(dir)
            .map_err(|e| Error::io(ErrorKind::Output, "cannot create a temporary file in", dir, e))?;
        tmp.write_all(bytes)
            .and_then(|_| tmp.as_file().sync_all())
            .map_err(|e| Error::io(ErrorKind::Output, "cannot write", path, e))?;
        set_output_mode(tmp.as_file(), path)
            .map_err(|e| Error::io(ErrorKind::Output, "cannot set the mode of", path, e))?;
        staged.push((tmp, path));
    }
    for (tmp, path) in staged {
        tmp.persist(path)
            .map_err(|e| Error::io(ErrorKind::Output, "cannot replace", path, e.error))?;
    }
    Ok(())
}

/// Writes one file atomically (temporary file beside it, then rename).
pub fn write_file_atomic(path: &Path, bytes: Vec<u8>) -> Result<()> {
    write_each_atomic(&[(path.to_path_buf(), bytes)])
}

/// What `build` and `merge` write: graph.ron, graph.dot (drawn with `dot`), relations.dot
/// (relation edges only), nodes.csv and edges.csv, relations.csv (one row per statement), graph.graphml and graph.json (networkx
/// node-link), graph.html (the evidence explorer), the Neo4j import files (neo4j-entities.csv, neo4j-relations.csv,
/// neo4j-cooccurrence.csv), all into `out` or none. Returns the file's
/// view of the graph.
pub fn write_outputs(graph: &crate::graph::KnowledgeGraph, out: &Path, dot: dot::DotOptions) -> Result<ron::GraphFile> {
    let file = ron::GraphFile::from_graph(graph);
    let files: Vec<(PathBuf, Vec<u8>)> = outputs(&file, dot)
        .into_iter()
        .map(|(name, bytes)| (out.join(name), bytes))
        .collect();
    write_all_atomic(&files)?;
    Ok(file)
}

/// Every file `build` writes, by name, rendered from the file's view of the graph.
pub fn outputs(file: &ron::GraphFile, dot: dot::DotOptions) -> Vec<(&'static str, Vec<u8>)> {
    let relations = dot::DotOptions {
        relations_only: true,
        min_sentences: 1,
    };
    vec![
        ("graph.ron", file.to_ron().into_bytes()),
        ("graph.dot", dot::to_dot(file, dot).into_bytes()),
        ("relations.dot", dot::to_dot(file, relations).into_bytes()),
        ("nodes.csv", csv::nodes_csv(file)),
        ("edges.csv", csv::edges_csv(file)),
        ("relations.csv", csv::relations_csv(file)),
        ("graph.graphml", graphml::to_graphml(file).into_bytes()),
        ("graph.json", graphml::to_node_link(file).into_bytes()),
        ("graph.html", html::to_html(file).into_bytes()),
        ("neo4j-entities.csv", neo4j::entities_csv(file)),
        ("neo4j-relations.csv", neo4j::relations_csv(file)),
        ("neo4j-cooccurrence.csv", neo4j::cooccurrence_csv(file)),
    ]
}
