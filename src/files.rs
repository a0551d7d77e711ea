//! Files the desk and the command line write for people: exports and reports.

use std::path::Path;

/// A new or truncated file only its owner may read: exports and reports carry petitioners'
/// personal data.
#[cfg(unix)]
pub fn private_file(p: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(p)
}

#[cfg(not(unix))]
pub fn private_file(p: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::create(p)
}

/// Writes `body` to `p` as a private file and makes sure it reached the disk.
pub fn write_private(p: &Path, body: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut f = private_file(p)?;
    f.write_all(body)?;
    f.sync_all()
}
