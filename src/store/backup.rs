//! Consistent online copies of the ledger, written under a temporary name beside the
//! destination and put under its name only once verified: a killed or failed backup never
//! leaves a file under the destination's name.

use std::path::{Path, PathBuf};

use super::findings::CheckReport;
use super::{KeyError, Result, Store, StoreError, check};

/// What an unfinished backup's temporary file has in its name (`<dest>.unfinished-<pid>`),
/// so that a command pointed at one can say what it is.
pub const UNFINISHED: &str = ".unfinished-";

impl Store {
    /// Writes a consistent copy to `dest` (which must not exist: a backup never
    /// overwrites anything) while others may keep writing: first under a temporary name
    /// in the same directory, then opened with the key and checked (integrity, hash
    /// chains, cases vs journal), synced, and only when whole linked to `dest`, with its
    /// receipt beside it (`<dest>.receipt`). A copy that does not check whole is removed
    /// and its report returned.
    pub fn backup(&self, dest: &Path) -> Result<CheckReport> {
        if dest.exists() {
            return Err(StoreError::AlreadyExists(dest.display().to_string()));
        }
        let mut name = dest.as_os_str().to_owned();
        name.push(format!("{UNFINISHED}{}", std::process::id()));
        let tmp = PathBuf::from(name);
        let made = self.copy_to(&tmp, dest);
        if !matches!(&made, Ok(r) if r.ok()) {
            let _ = std::fs::remove_file(&tmp);
        }
        made
    }

    fn copy_to(&self, tmp: &Path, dest: &Path) -> Result<CheckReport> {
        let target = tmp.to_str().ok_or_else(|| {
            StoreError::CannotOpen(format!("{}: not a UTF-8 path", dest.display()))
        })?;
        // Created empty with mode 0600 first: the copy holds ID numbers too.
        super::claim_new_ledger(tmp)?;
        // VACUUM INTO reads one snapshot, so the copy is consistent even
        // while another desk commits.
        self.conn.execute("VACUUM INTO ?1", [target])?;
        // SQLCipher writes the copy under the ledger's own key. A plaintext copy
        // would hand every petitioner to whoever finds the file: make sure.
        if super::is_plaintext(tmp) {
            return Err(KeyError::NotEncrypted.into());
        }
        let copy = super::connect(tmp, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY, &self.key)?;
        let report = check::check(&copy, &self.office)?;
        if !report.ok() {
            return Ok(report);
        }
        std::fs::File::open(tmp)?.sync_all()?;
        self.anchor_copy(&copy, dest)?;
        drop(copy);
        put_in_place(tmp, dest)?;
        super::durable::sync_dir(dest);
        self.note_backup(dest)?;
        Ok(report)
    }
}

/// `tmp` under the name `dest`: a hard link, which refuses a file that appeared under the
/// name meanwhile; a rename where the file system has no links (FAT on a USB stick).
fn put_in_place(tmp: &Path, dest: &Path) -> Result<()> {
    let exists = || StoreError::AlreadyExists(dest.display().to_string());
    match std::fs::hard_link(tmp, dest) {
        Ok(()) => std::fs::remove_file(tmp)?,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(exists()),
        Err(_) if dest.exists() => return Err(exists()),
        Err(_) => std::fs::rename(tmp, dest)?,
    }
    Ok(())
}
