//! `restore`: a verified backup put in the ledger's place. Nothing is deleted: the ledger
//! it replaces is moved aside whole (`<ledger>.before-restore-<UTC time>` with its -wal,
//! -shm, receipt and a copy of its key slots, so it still opens), the backup goes in under
//! a temporary name first (fsync, then rename over), and its receipt comes with it, so the
//! restored ledger opens level with its receipt.
//!
//! The backup's check (the full check and its receipt) is the caller's, on a store opened
//! read-only on the backup (`Store::open_read_only` + `check`); here the files are moved.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::keys::DataKey;
use super::page_seal::PageSeal;
use super::receipt::{self, Heads};
use super::{Result, StoreError, durable, is_plaintext, sidecar_path};

/// Why a restore is refused before anything moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreRefusal {
    /// Another program has the ledger open (a desk, `apply`, a backup running).
    InUse,
    /// The backup is another ledger's (its identity differs from the ledger's).
    Foreign { backup: String },
    /// The backup has no receipt beside it (`<backup>.receipt`): it cannot be shown whole.
    NoReceipt { receipt: String },
    /// The backup is the ledger itself, or one of its own files.
    SameFile,
}

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    /// Where the replaced ledger now is (its -wal, -shm, .receipt, .keys beside it).
    pub aside: Option<PathBuf>,
    /// The backup's journals.
    pub backup: Heads,
    /// What the replaced ledger held, when it could be read.
    pub replaced: Option<Heads>,
    /// What the replaced ledger's receipt acknowledged, when it had a sound one.
    pub acknowledged: Option<Heads>,
}

impl Restored {
    /// Case-journal events the replaced ledger had (or acknowledged) beyond the backup:
    /// what the office must enter again from paper.
    pub fn events_beyond(&self) -> i64 {
        let held = [&self.replaced, &self.acknowledged]
            .into_iter()
            .flatten()
            .map(|h| h.events.count)
            .max();
        held.map_or(0, |n| (n - self.backup.events.count).max(0))
    }

    /// The same for the office journal (sign-ins, administration).
    pub fn office_events_beyond(&self) -> i64 {
        let held = [&self.replaced, &self.acknowledged]
            .into_iter()
            .flatten()
            .map(|h| h.office_events.count)
            .max();
        held.map_or(0, |n| (n - self.backup.office_events.count).max(0))
    }
}

/// `path` with `suffix` appended to its file name.
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The files that make up a ledger at `path`, the main file last.
const PARTS: [&str; 3] = ["-wal", "-shm", ""];

/// Puts the verified backup at `from` in the place of the ledger at `ledger` (both opened
/// with `key`); `stamp` (UTC, e.g. `20261205T153000Z`) names the moved-aside ledger.
pub fn restore(ledger: &Path, from: &Path, key: &DataKey, stamp: &str) -> Result<Restored> {
    let refuse = |r| Err(StoreError::Restore(r));
    if same_file(ledger, from) {
        return refuse(RestoreRefusal::SameFile);
    }
    let from_receipt = receipt::receipt_path(from);
    if !from_receipt.exists() {
        let receipt = from_receipt.display().to_string();
        return refuse(RestoreRefusal::NoReceipt { receipt });
    }
    let backup = {
        let conn = super::connect(from, OpenFlags::SQLITE_OPEN_READ_ONLY, key)?;
        receipt::heads(&conn)?
    };
    // Held until the files moved: nobody opens the old ledger meanwhile.
    let hold = hold(ledger, key)?;
    let replaced = hold.as_ref().map(receipt::heads).transpose()?;
    if let (Some(b), Some(Some(r))) = (&backup.ledger, replaced.as_ref().map(|r| &r.ledger))
        && b != r
    {
        let backup = from.display().to_string();
        return refuse(RestoreRefusal::Foreign { backup });
    }
    let id = backup.ledger.clone().unwrap_or_default();
    let acknowledged = receipt::acknowledged(ledger, key, &id);
    let receipt_text = std::fs::read(&from_receipt)?;
    // The copy first, beside the ledger: a full disk fails here, with nothing moved.
    let tmp = beside(ledger, &format!(".restoring-{}", std::process::id()));
    let copied = durable::copy_private(from, &tmp);
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    let aside = move_aside(ledger, stamp, &receipt_text).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    // Over the old name in one rename: there is never a moment without a ledger there.
    std::fs::rename(&tmp, ledger)?;
    durable::sync_dir(ledger);
    bring_slots(ledger, from)?;
    drop(hold);
    Ok(Restored {
        aside,
        backup,
        replaced,
        acknowledged,
    })
}

/// Whether `a` and `b` are one file (or `b` is one of `a`'s own files).
fn same_file(a: &Path, b: &Path) -> bool {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    let b = canon(b);
    b.is_some()
        && ["", "-wal", "-shm", ".receipt", ".keys"]
            .iter()
            .any(|s| canon(&beside(a, s)) == b)
}

/// The ledger at `path` opened alone (exclusive locking, no checkpoint when closed, so
/// its -wal stays as it is for whoever examines it), or `InUse` when another program
/// has it open. None when there is no ledger there or it cannot be read at all (a
/// damaged first page): it is replaced all the same.
fn hold(path: &Path, key: &DataKey) -> Result<Option<Connection>> {
    if !path.exists() || is_plaintext(path) {
        return Ok(None);
    }
    super::cipher_ready();
    for seal in PageSeal::NEWEST_FIRST {
        match hold_sealed(path, key, seal) {
            Err(Held::Unreadable) => continue,
            Err(Held::Other(e)) => return Err(e),
            Ok(conn) => return Ok(Some(conn)),
        }
    }
    Ok(None)
}

/// Why `hold_sealed` did not hold the ledger.
enum Held {
    /// Its first page does not authenticate with this seal, or it cannot be read.
    Unreadable,
    Other(StoreError),
}

impl From<rusqlite::Error> for Held {
    fn from(e: rusqlite::Error) -> Held {
        Held::Other(e.into())
    }
}

fn hold_sealed(
    path: &Path,
    key: &DataKey,
    seal: PageSeal,
) -> std::result::Result<Connection, Held> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    conn.execute_batch(&key.pragma(seal))?;
    conn.busy_timeout(Duration::from_millis(500))?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    // An exclusive lock on the file itself: refused while any other connection (whose
    // WAL-mode reader holds a shared lock for as long as it is open) has the ledger.
    match conn.execute_batch("BEGIN EXCLUSIVE; SELECT count(*) FROM sqlite_master;") {
        Ok(()) => Ok(conn),
        Err(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) =>
        {
            Err(Held::Other(StoreError::Restore(RestoreRefusal::InUse)))
        }
        Err(_) => Err(Held::Unreadable),
    }
}

/// Moves the ledger's files to `<ledger>.before-restore-<stamp>…` (the -wal and -shm
/// first: a -wal must never meet another main file), its key slots copied, and puts
/// the backup's receipt (`receipt`) in place of its own. None when there was no ledger.
fn move_aside(ledger: &Path, stamp: &str, receipt: &[u8]) -> Result<Option<PathBuf>> {
    if !ledger.exists() {
        durable::write(&receipt::receipt_path(ledger), receipt)?;
        return Ok(None);
    }
    let aside = beside(ledger, &format!(".before-restore-{stamp}"));
    for s in PARTS.iter().chain(&[".receipt", ".keys"]) {
        if beside(&aside, s).exists() {
            return Err(StoreError::AlreadyExists(
                beside(&aside, s).display().to_string(),
            ));
        }
    }
    for s in ["-wal", "-shm", ".receipt"] {
        let from = beside(ledger, s);
        if from.exists() {
            std::fs::rename(&from, beside(&aside, s))?;
        }
    }
    let slots = sidecar_path(ledger);
    if slots.exists() {
        durable::copy_private(&slots, &sidecar_path(&aside))?;
    }
    // The backup's receipt before the backup itself: the old ledger beside it reads as
    // ahead of it (or diverged), never as a ledger level with a receipt it does not have.
    durable::write(&receipt::receipt_path(ledger), receipt)?;
    // A link keeps the old file under both names until the rename replaces one.
    if std::fs::hard_link(ledger, &aside).is_err() {
        std::fs::copy(ledger, &aside)?;
    }
    durable::sync_dir(&aside);
    Ok(Some(aside))
}

/// The ledger keeps its own key slots (the same data key, and its operators' latest
/// passphrases); a ledger that had none gets the backup's, if one lies beside it.
fn bring_slots(ledger: &Path, from: &Path) -> Result<()> {
    let (own, theirs) = (sidecar_path(ledger), sidecar_path(from));
    if !own.exists() && theirs.exists() {
        durable::copy_private(&theirs, &own)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::store::{page_seal, test_ledger};

    /// Restore holds a ledger of either seal before it moves it aside: one it could not
    /// read would be taken for damaged and replaced without asking whether it is in use.
    #[test]
    fn a_ledger_of_either_seal_is_held() {
        let dir = tempfile::tempdir().unwrap();
        let (path, old) = (dir.path().join("new.db"), dir.path().join("old.db"));
        drop(test_ledger::demo(&path, 5, 1, false));
        page_seal::tests::legacy_copy(&path, &old);
        for ledger in [&path, &old] {
            let held = super::hold(ledger, &test_ledger::key()).unwrap();
            assert!(held.is_some(), "{}", ledger.display());
        }
    }
}
