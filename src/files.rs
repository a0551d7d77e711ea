//! Files the desk and the command line write for people: exports and reports.

use std::path::Path;

/// A new or truncated file only its owner may read: exports and reports carry petitioners'
/// personal data. A file already there is made private before anything is written to it
/// (it kept its 0644), and a symbolic link is not followed (another user's link would lead
/// the data where they can read it).
#[cfg(unix)]
pub fn private_file(p: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    parent_dirs(p)?;
    let f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(p)?;
    f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    Ok(f)
}

#[cfg(not(unix))]
pub fn private_file(p: &Path) -> std::io::Result<std::fs::File> {
    parent_dirs(p)?;
    std::fs::File::create(p)
}

/// The folders `--out out/2026/x.xlsx` names, made (0700) when missing: a trial's export
/// failed with the system's "No such file or directory".
fn parent_dirs(p: &Path) -> std::io::Result<()> {
    match p.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.exists() => private_dirs(dir),
        _ => Ok(()),
    }
}

/// Makes `dir` and the folders above it that are missing, each its owner's alone (0700):
/// what goes in them (reports, documents, attachments) is personal data.
pub fn private_dirs(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// A name as a single folder or file name on every system: separators, the characters
/// Windows refuses and control characters become `_`, and `.`/`..` cannot climb out.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    match cleaned.trim_matches('.') {
        "" => "_".to_owned(),
        _ => cleaned,
    }
}

/// Writes `body` to `p` as a private file and makes sure it reached the disk.
pub fn write_private(p: &Path, body: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut f = private_file(p)?;
    f.write_all(body)?;
    f.sync_all()
}

/// Reads a file to attach (附件), refusing one over `limit_mb` before reading it; what is
/// wrong said in `lang`, naming the file.
pub fn read_attachment(
    lang: crate::strings::Lang,
    path: &Path,
    limit_mb: u32,
) -> Result<Vec<u8>, String> {
    use crate::strings::attachments as text;
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| text::unreadable(lang, &shown, &e))?;
    if !meta.is_file() {
        return Err(text::not_a_file(lang, &shown));
    }
    if meta.len() > u64::from(limit_mb) * crate::domain::attachment::MB {
        let name = crate::domain::attachment::file_name(&shown);
        return Err(text::too_large(lang, name, meta.len(), limit_mb));
    }
    std::fs::read(path).map_err(|e| text::unreadable(lang, &shown, &e))
}

/// An exclusive lock on `<path><tail>` (0600), waited for and held until dropped; none
/// where the folder cannot hold the file (read-only media) or the system has no `flock`
/// (Windows).
#[cfg(unix)]
pub fn lock_beside(path: &Path, tail: &str) -> Option<std::fs::File> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    let mut name = path.as_os_str().to_owned();
    name.push(tail);
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(std::path::PathBuf::from(name))
        .ok()?;
    // SAFETY: flock on a descriptor this function owns; released when the file closes.
    (unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX) } == 0).then_some(f)
}

#[cfg(not(unix))]
pub fn lock_beside(_: &Path, _: &str) -> Option<std::fs::File> {
    None
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    /// An export onto a file anyone may read leaves it private; onto a link, it is refused.
    #[cfg(unix)]
    #[test]
    fn a_private_file_is_private_even_when_it_was_there() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let there = dir.path().join("export.csv");
        std::fs::write(&there, "old").unwrap();
        std::fs::set_permissions(&there, std::fs::Permissions::from_mode(0o644)).unwrap();
        super::write_private(&there, "张三,11010519491231002X".as_bytes()).unwrap();
        let mode = std::fs::metadata(&there).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(dir.path().join("elsewhere.csv"), &link).unwrap();
        let refused = super::write_private(&link, b"x").unwrap_err();
        assert!(!dir.path().join("elsewhere.csv").exists());
        let said = crate::strings::input::io_reason(crate::strings::Lang::Zh, &refused);
        assert!(said.contains("符号链接"), "{said}");
        // Missing folders are made, the owner's alone.
        let deep = dir.path().join("out/2026/export.csv");
        super::write_private(&deep, b"x").unwrap();
        let folder = std::fs::metadata(dir.path().join("out/2026")).unwrap();
        assert_eq!(folder.permissions().mode() & 0o777, 0o700);
    }

    #[test]
    fn a_name_stays_one_path_component() {
        assert_eq!(safe_name("孙丽"), "孙丽");
        assert_eq!(safe_name("../孙丽"), ".._孙丽");
        assert_eq!(safe_name(".."), "_");
        assert_eq!(safe_name("a/b\\c:d"), "a_b_c_d");
        assert_eq!(safe_name(" "), "_");
    }
}
