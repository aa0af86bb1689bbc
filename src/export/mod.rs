//! Exports of the graph: RON (our versioned schema), Graphviz DOT, and the flat files analysts'
//! tools read; every file written atomically.

pub mod csv;
pub mod dot;
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

/// Writes several files so that each either keeps its old content or gets the new one whole:
/// all contents go to temporary files in the target directory first, and only when every one is
/// written and flushed are they renamed into place.
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let mut staged = Vec::new();
    for (path, bytes) in files {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
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
