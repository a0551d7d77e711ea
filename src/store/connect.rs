//! Opening a connection to the encrypted ledger: keyed before anything reads it, with
//! whichever page seal the file has (`page_seal.rs`), SQLCipher set up once a process
//! (`cipher_ready`), and each connection's page and statement caches.

use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::keys::DataKey;
use super::page_seal::PageSeal;
use super::{BUSY_TIMEOUT, KeyError, Result, page_crypto};

/// The page cache of each connection, in KiB (`connect`).
const PAGE_CACHE_KIB: i64 = 8192;

/// Prepared statements each connection keeps (`prepare_cached`). rusqlite keeps 16; a save
/// alone uses more, so each save prepared most of its statements again, the insert into
/// `cases` with every trigger on it compiled anew: a third of a save's time at 1,000,000
/// cases.
const STATEMENTS_KEPT: usize = 256;

/// Opens a connection to the encrypted ledger at `path`, keyed before anything
/// reads it (SQLCipher needs the key first), and makes sure the key fits. A new
/// file gets the newest page seal; an existing one opens with whichever it has.
pub(super) fn connect(path: &Path, flags: OpenFlags, key: &DataKey) -> Result<Connection> {
    if is_plaintext(path) {
        return Err(KeyError::NotEncrypted.into());
    }
    cipher_ready();
    for seal in PageSeal::NEWEST_FIRST {
        if let Some(conn) = connect_sealed(path, flags, key, seal)? {
            return Ok(conn);
        }
    }
    Err(KeyError::WrongKey.into())
}

/// `connect` with one page seal: None when the first page does not authenticate with
/// it (another seal, or another key).
pub(super) fn connect_sealed(
    path: &Path,
    flags: OpenFlags,
    key: &DataKey,
    seal: PageSeal,
) -> Result<Option<Connection>> {
    let conn = Connection::open_with_flags(path, flags)?;
    // A connection whose seal does not fit must not copy a -wal left by a crash into the
    // ledger as it closes (the last connection to close does): set until the key fits.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    conn.execute_batch(&key.pragma(seal))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // The first read decrypts page 1: with a wrong key or seal SQLCipher answers "not a
    // database".
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => {
            conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
            // SQLite's default page cache (2 MB) held less than the desk's screens read
            // between them, so going back to one decrypted and authenticated its pages again
            // (a quarter of `Esc` to the dashboard at a million cases). Set once the key is
            // known to fit (the pragma reads the schema); pages are cached as they are read.
            conn.pragma_update(None, "cache_size", -PAGE_CACHE_KIB)?;
            conn.set_prepared_statement_cache_capacity(STATEMENTS_KEPT);
            Ok(Some(conn))
        }
        Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == ErrorCode::NotADatabase => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// SQLite marks itself initialised before it has run SQLCipher's own set-up, so
/// a thread opening its first connection just then finds SQLCipher not ready and
/// `PRAGMA key` fails ("An error occurred with PRAGMA key"). Opening one
/// connection first, once, while every other thread waits, closes that gap.
pub(super) fn cipher_ready() {
    static READY: std::sync::Once = std::sync::Once::new();
    READY.call_once(|| {
        if let Ok(conn) = Connection::open_in_memory() {
            // A failure leaves SQLCipher's own default, which `connect` still opens.
            let _ = conn.execute_batch(&PageSeal::default_pragma());
            // SQLCipher writes its own errors to stderr, over the desk's screen: a first
            // page that does not authenticate (`connect` trying the newer seal on an older
            // ledger) is an expected answer here, and every error reaches the user as the
            // store's own message. `check` turns them back on (`cipher_errors_to_stderr`).
            let _ = conn.execute_batch("PRAGMA cipher_log = off;");
            let version: Option<String> = conn
                .query_row("PRAGMA cipher_version", [], |r| r.get(0))
                .ok();
            page_crypto::install(version.as_deref().unwrap_or_default());
        }
    });
}

/// Sends SQLCipher's own error messages to stderr from now on (process-wide): for `check`,
/// whose reader wants to know which page failed its seal ("hmac check failed for pgno=…"),
/// once the ledger is open (the seals tried before it are expected failures).
pub fn cipher_errors_to_stderr() {
    if let Ok(conn) = Connection::open_in_memory() {
        let _ = conn.execute_batch("PRAGMA cipher_log = stderr; PRAGMA cipher_log_level = ERROR;");
    }
}

/// Whether `path` is a plaintext SQLite file (an unencrypted ledger from before
/// encryption, or a copy made with the sqlite3 shell): its first 16 bytes are
/// SQLite's header, where an encrypted file has random bytes.
pub fn is_plaintext(path: &Path) -> bool {
    // The benchmark build's ledgers are plaintext by design (keys.rs).
    if cfg!(feature = "plaintext-bench") {
        return false;
    }
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::{OpenFlags, PageSeal, connect_sealed};
    use crate::store::{page_seal, test_ledger};

    /// A copy of an older ledger with its -wal, as a crash leaves it (nobody has it open):
    /// trying the seal it does not have leaves the -wal as it was (the connection closing
    /// last would otherwise copy it into the ledger), and the right seal then opens it.
    #[test]
    fn a_tried_seal_leaves_a_crashed_wal_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (old, _) = page_seal::tests::legacy_demo(dir.path(), 10, 4);
        let open = page_seal::tests::open_with_a_save(&old);
        let wal = |p: &Path| PathBuf::from(format!("{}-wal", p.display()));
        let copy = dir.path().join("crashed.db");
        std::fs::copy(&old, &copy).unwrap();
        std::fs::copy(wal(&old), wal(&copy)).unwrap();
        drop(open);
        let frames = std::fs::read(wal(&copy)).unwrap();
        let (flags, key) = (OpenFlags::SQLITE_OPEN_READ_WRITE, test_ledger::key());
        let tried = connect_sealed(&copy, flags, &key, PageSeal::Sha256).unwrap();
        assert!(tried.is_none());
        assert_eq!(std::fs::read(wal(&copy)).unwrap(), frames);
        let opened = connect_sealed(&copy, flags, &key, PageSeal::Sha512).unwrap();
        assert!(opened.is_some());
    }
}
