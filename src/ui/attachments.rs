//! 附件 on the desk: the file a form names read when it is saved, and an attachment opened
//! with the system's viewer from a private temporary folder that goes when the desk closes.

use std::path::{Path, PathBuf};

use crate::domain::attachment::safe_name;
use crate::domain::command::Command;
use crate::files::{read_attachment, write_private};
use crate::strings::{Lang, attachments as text};

/// The attach form's command with the file it names read (the form carries only the path):
/// refused in words when the file is missing, unreadable or over the limit.
pub fn read_named(command: &Command, lang: Lang, limit_mb: u32) -> Result<Command, String> {
    match command {
        Command::AttachFile {
            name, bytes: None, ..
        } => {
            let path = expand_home(name.trim());
            let bytes = read_attachment(lang, &path, limit_mb)?;
            Ok(Command::attach_file(&path.to_string_lossy(), bytes))
        }
        other => Ok(other.clone()),
    }
}

/// `~/扫描/信.pdf` as a person types it.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(typed),
    }
}

/// The desk's private folder for opened attachments (owner only), one per desk process.
fn folder() -> PathBuf {
    std::env::temp_dir().join(format!("xinfang-open-{}", std::process::id()))
}

/// Writes the file into the private folder (0600) and hands it to the system's viewer
/// without waiting for it; says which file was opened.
pub fn open(name: &str, n: u32, bytes: &[u8], lang: Lang) -> Result<String, String> {
    let dir = folder();
    let made = make_private_dir(&dir);
    let path = dir.join(format!("{n}-{}", safe_name(name)));
    made.and_then(|()| write_private(&path, bytes))
        .map_err(|e| text::open_failed(lang, name, &e.to_string()))?;
    let child = viewer(&path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| text::open_failed(lang, name, &e.to_string()))?;
    // Reaped off the desk's thread: the viewer may stay open for hours.
    std::thread::spawn(move || {
        let mut child = child;
        let _ = child.wait();
    });
    Ok(text::opened(lang, name))
}

/// The folder made private (0700), or one already there taken only if it is a folder of
/// this user's that nobody else may enter: another user could make `/tmp/xinfang-open-<pid>`
/// first, open to all, and read every attachment the desk opens into it.
#[cfg(unix)]
fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt};
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let found = std::fs::symlink_metadata(dir)?;
            // SAFETY: geteuid has no preconditions and cannot fail.
            let me = unsafe { libc::geteuid() };
            if found.is_dir() && found.uid() == me && found.mode() & 0o077 == 0 {
                Ok(())
            } else {
                Err(std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    format!("{} is not a private folder of this user's", dir.display()),
                ))
            }
        }
        other => other,
    }
}

#[cfg(not(unix))]
fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// The system's "open with the default program".
#[cfg(windows)]
fn viewer(path: &Path) -> std::process::Command {
    let mut c = std::process::Command::new("explorer");
    c.arg(path);
    c
}

#[cfg(target_os = "macos")]
fn viewer(path: &Path) -> std::process::Command {
    let mut c = std::process::Command::new("open");
    c.arg(path);
    c
}

#[cfg(all(not(windows), not(target_os = "macos")))]
fn viewer(path: &Path) -> std::process::Command {
    let mut c = std::process::Command::new("xdg-open");
    c.arg(path);
    c
}

/// Removes the opened copies when the desk closes (held by `ui::run`).
pub struct Opened;

impl Drop for Opened {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(folder());
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    /// A folder made beforehand open to others is not used; a private one of ours is.
    #[test]
    fn a_folder_another_could_enter_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let open = dir.path().join("xinfang-open-1");
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
        assert!(super::make_private_dir(&open).is_err());
        let private = dir.path().join("xinfang-open-2");
        super::make_private_dir(&private).unwrap();
        super::make_private_dir(&private).unwrap();
        let mode = std::fs::metadata(&private).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
