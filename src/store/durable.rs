//! Files beside the ledger written whole and durably: the key slots and the receipt
//! (temp file only the owner reads, fsync, rename over, fsync the directory), and the
//! directory of a backup moved into place; a backup copied into the ledger's place.

use std::io::Write;
use std::path::{Path, PathBuf};

/// `bytes` as the whole of `path`: a temp file (0600) beside it, fsynced, renamed over
/// it, the directory fsynced. A reader sees the old file or the new, never half of one.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace(path, |f| f.write_all(bytes))
}

/// A copy of the file at `from` as the whole of `to`, the same way as [`write`],
/// streamed: a ledger can be larger than memory.
pub(super) fn copy_private(from: &Path, to: &Path) -> std::io::Result<()> {
    replace(to, |f| {
        std::io::copy(&mut std::fs::File::open(from)?, f).map(|_| ())
    })
}

/// `path` replaced whole by what `fill` writes: a temp file only the owner reads, fsync,
/// rename over, fsync the directory; the temp file removed if anything fails.
fn replace(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let written = (|| {
        let mut f = private_new_file(&tmp)?;
        fill(&mut f)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
        return written;
    }
    sync_dir(path);
    Ok(())
}

/// Makes a rename into `file`'s directory durable; best effort, since not every system
/// can open a directory (Windows cannot, and there the rename is already durable).
pub(super) fn sync_dir(file: &Path) {
    let dir = file.parent().filter(|d| !d.as_os_str().is_empty());
    if let Ok(d) = std::fs::File::open(dir.unwrap_or(Path::new("."))) {
        let _ = d.sync_all();
    }
}

/// A file only its owner reads (mode 0600 on Unix), created or emptied.
#[cfg(unix)]
fn private_new_file(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn private_new_file(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
}
