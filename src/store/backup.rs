//! Consistent online copies of the ledger.

use std::path::Path;

use super::findings::CheckReport;
use super::{KeyError, Result, Store, StoreError, check};

impl Store {
    /// Writes a consistent copy to `dest` (which must not exist: a backup
    /// never overwrites anything) while others may keep writing, then opens
    /// the copy and checks it: integrity, hash chain, cases vs journal.
    pub fn backup(&self, dest: &Path) -> Result<CheckReport> {
        if dest.exists() {
            return Err(StoreError::AlreadyExists(dest.display().to_string()));
        }
        let target = dest.to_str().ok_or_else(|| {
            StoreError::CannotOpen(format!("{}: not a UTF-8 path", dest.display()))
        })?;
        // Created empty with mode 0600 first: the copy holds ID numbers too.
        // (The exists() check above refuses an existing file; a file that
        // appears in between is non-empty and VACUUM INTO refuses it.)
        super::create_private_file(dest)?;
        // VACUUM INTO reads one snapshot, so the copy is consistent even
        // while another desk commits.
        self.conn.execute("VACUUM INTO ?1", [target])?;
        // SQLCipher writes the copy under the ledger's own key. A plaintext copy
        // would hand every petitioner to whoever finds the file: make sure, and
        // take it away again if it ever is one.
        if super::is_plaintext(dest) {
            let _ = std::fs::remove_file(dest);
            return Err(KeyError::NotEncrypted.into());
        }
        let copy = super::connect(dest, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY, &self.key)?;
        check::check(&copy, &self.office)
    }
}
