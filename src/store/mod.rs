//! The ledger: the only place that speaks SQL.
//!
//! Durability: WAL with `synchronous = FULL`. Every commit is fsynced before
//! `execute` returns, so a power cut loses nothing that was reported as
//! committed; the price is one fsync per command (about a millisecond on an
//! SSD), which the desk's write rate never notices. `NORMAL` would survive a
//! crashed process but could lose the last commits on power loss, and
//! `apply` promises that a printed `"ok":true` is on disk.
//!
//! Layers, each importing only those below it:
//! - top: `execute` (one command, one transaction), `batch` (many, prepared on one thread
//!   and written on another), `issue` (a command with its document) and `check`;
//! - `prepare`: the one preparation of a command both `execute` and `batch` use;
//! - the tables: `cases`, `facts`, `journal`, `documents`, `search`, `directory`, …;
//! - leaves: `findings` (what `check` reports, filled in by each table's own check).

mod admin;
mod again;
mod attachments;
mod backlog;
mod backup;
mod batch;
mod bulk;
mod cases;
mod chain;
mod changed;
mod charts;
mod check;
mod checkpointer;
mod connect;
mod corrected;
mod counts;
mod damage;
mod dashboard;
mod dashboard_counts;
mod dashboard_memo;
mod directory;
mod documents;
mod drafts;
mod durable;
mod encrypt;
mod evaluation;
mod execute;
mod facts;
mod facts_days;
mod facts_row;
mod findings;
mod first_time;
mod first_time_counts;
mod flags;
mod guard;
mod hidden;
mod imported;
mod issue;
mod journal;
mod keys;
mod live;
mod migrations;
mod office_journal;
mod page_crypto;
mod page_random;
mod page_seal;
mod page_stitch;
mod passphrase;
mod prepare;
mod presets;
mod queries;
mod receipt;
mod reception;
mod report;
mod report_docs;
mod report_lists;
mod report_rolled;
mod restamp;
mod restore;
mod rollup;
mod rollup_months;
mod row_cache;
mod schema;
mod screening;
pub mod search;
mod sidecar;
mod sight;
mod signed;
mod stock_days;
mod stock_rows;
mod stocks;
#[cfg(test)]
mod test_ledger;
pub mod views;
mod warm;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::config::Office;
use crate::domain::error::WorkflowError;
use connect::{cipher_ready, connect};

pub use admin::{Admin, RECOVERY_KEY};
pub use backlog::BacklogRow;
pub use backup::UNFINISHED;
pub use cases::CaseRef;
pub use charts::{Charts, Week};
pub use check::TAIL;
pub use connect::{cipher_errors_to_stderr, is_plaintext};
pub use damage::{Damage, Journal};
pub use dashboard::{Dashboard, GROUP_VISIT, Repeater, Totals};
pub use documents::StoredDocument;
pub use drafts::Draft;
/// A file written whole (temp 0600, fsync, rename): the workbooks of `export` and `report`.
pub use durable::write as write_whole;
pub use encrypt::{Converted, encrypt_ledger, plaintext_operators};
pub use findings::{CheckReport, Difference, Table};
pub use issue::{Issued, RenderJob, Rendered};
pub use journal::JournalEntry;
pub use keys::{DataKey, Kdf, KeyError};
pub use office_journal::{OfficeEvent, OfficeRecord};
pub use passphrase::remove_new_ledger;
pub use prepare::{Applied, Request};
pub use queries::{CaseRow, ListFilter, Owner, Sort, SortKey, StateCounts};
pub use receipt::{Heads, receipt_path};
pub use reception::StoredRecord;
pub use report_docs::ReportCases;
pub use restamp::Restamped;
pub use restore::{RestoreRefusal, Restored, restore};
pub use sidecar::{Keyring, LOCKOUT_MINUTES, MAX_FAILED, sidecar_path};
pub use sight::Viewer;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the ledger is locked by another program")]
    Locked,
    #[error("the ledger is read-only")]
    ReadOnly,
    #[error("the ledger file is damaged or not a ledger: {0}")]
    Damaged(String),
    #[error("cannot open the ledger: {0}")]
    CannotOpen(String),
    #[error("the ledger was written by a newer xinfang (schema {found}, this one knows {known})")]
    NewerSchema { found: i64, known: i64 },
    #[error("case {case} was changed by someone else (version {expected} → {found})")]
    Stale {
        case: String,
        expected: i64,
        found: i64,
    },
    #[error("no case {0}")]
    CaseNotFound(String),
    /// A confidential case's handler, who sees its petitioners masked, asked for a document
    /// naming them (2022 Art 30 第三款).
    #[error("case {0} is confidential: its documents are not issued by its handler")]
    MaskedDocument(String),
    #[error("no operator {0}")]
    UnknownActor(String),
    #[error("{0} already exists")]
    AlreadyExists(String),
    #[error("the ledger was set up meanwhile by another desk")]
    AlreadySetUp,
    #[error("{0}")]
    Workflow(#[from] WorkflowError),
    /// A document's template failed; nothing was issued.
    #[error("document template: {0}")]
    Render(String),
    #[error("file: {0}")]
    Io(std::io::Error),
    #[error("database: {0}")]
    Sqlite(rusqlite::Error),
    /// The ledger's key: a passphrase, a slot, the recovery key, the file's encryption.
    #[error("{0}")]
    Key(#[from] KeyError),
    /// The ledger is not written: it lost or changed what its receipt acknowledged, or
    /// what the command would change does not verify (`damage.rs`).
    #[error("the ledger is not written: {0:?}")]
    Unsafe(Box<Damage>),
    /// An existing file that is empty (0 bytes): never initialised over.
    #[error("the ledger file is empty")]
    EmptyFile(String),
    /// The disk (or the user's quota) is full: the transaction was rolled back.
    #[error("the disk is full")]
    DiskFull,
    /// `restore` refused before anything moved (`restore.rs`).
    #[error("restore refused: {0:?}")]
    Restore(RestoreRefusal),
    /// A 矛盾纠纷排查 entry, change or 零报告 refused (`screening.rs`).
    #[error("{0}")]
    Screening(#[from] crate::domain::screening::ScreeningError),
    /// A 积案 change refused (`backlog.rs`).
    #[error("{0}")]
    Backlog(#[from] crate::domain::backlog::BacklogError),
    /// A 重点信访人 flag refused (`flags.rs`).
    #[error("{0}")]
    Flag(#[from] crate::domain::flags::FlagError),
    /// A 评查 refused (`evaluation.rs`).
    #[error("{0}")]
    Evaluation(#[from] crate::domain::evaluation::EvaluationError),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::SqliteFailure(f, msg) = &e {
            let detail = msg.clone().unwrap_or_else(|| f.to_string());
            return match f.code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => StoreError::Locked,
                ErrorCode::ReadOnly => StoreError::ReadOnly,
                ErrorCode::DiskFull => StoreError::DiskFull,
                ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => StoreError::Damaged(detail),
                ErrorCode::CannotOpen | ErrorCode::PermissionDenied => {
                    StoreError::CannotOpen(detail)
                }
                _ => StoreError::Sqlite(e),
            };
        }
        StoreError::Sqlite(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        // ENOSPC and EDQUOT: said as what to fix, not as the system's words.
        match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                StoreError::DiskFull
            }
            _ => StoreError::Io(e),
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Damaged(format!("a stored record does not parse: {e}"))
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How long a command waits for another desk's write to finish.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Runs `f` again while it reports the ledger busy, up to `BUSY_TIMEOUT`.
fn retry_busy<T>(mut f: impl FnMut() -> Result<T>) -> Result<T> {
    let start = std::time::Instant::now();
    loop {
        match f() {
            Err(StoreError::Locked) if start.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

pub struct Store {
    conn: Connection,
    office: Office,
    path: PathBuf,
    open_counts: counts::OpenCounts,
    /// Kept (wiped on drop) for the extra connections a report reads on.
    key: DataKey,
    /// Who types the commands in (the signed-in operator), recorded beside a
    /// command's actor when the two differ; None: each actor entered their own.
    entered_by: Option<String>,
    /// Who reads (`sight.rs`); None: everything.
    viewer: Option<sight::Viewer>,
    /// The cases hidden from the viewer (`hidden.rs`).
    hidden: hidden::HiddenCache,
    /// The case rows already made for the viewer (`row_cache.rs`).
    rows: row_cache::RowCache,
    /// The leader's dashboard as last read (`dashboard_memo.rs`).
    dashboards: dashboard_memo::DashboardMemo,
    /// The command driving the desk when no one sits at it (`replay`), named in the views
    /// it records (`sight.rs`).
    via: Option<&'static str>,
    /// Bulk loading: the receipt is written once at the end (`receipt.rs`).
    bulk: bool,
    /// The desk's checkpoints, in a thread (`checkpointer.rs`). Last: dropped after `conn`,
    /// whose hook tells the thread, so the thread sees it is done and is joined.
    checkpointer: Option<checkpointer::Checkpointer>,
}

impl Store {
    /// Opens the ledger at `path`, creating it (mode 0600: it holds ID
    /// numbers) when it does not exist. An existing file that is damaged,
    /// locked or read-only is reported, never replaced.
    pub fn open(path: &Path, office: Office, key: &DataKey) -> Result<Store> {
        Store::open_noting(path, office, key, &mut |_, _| {})
    }

    /// As [`Store::open`], telling `upgrading` the schema versions (found, latest) before
    /// an older ledger is upgraded, so that the user knows why opening takes a while. One
    /// connection: each one opened reads and parses the whole schema.
    pub fn open_noting(
        path: &Path,
        office: Office,
        key: &DataKey,
        upgrading: &mut dyn FnMut(i64, i64),
    ) -> Result<Store> {
        if !path.exists() {
            create_private_file(path)?;
        } else if std::fs::metadata(path)?.len() == 0 && !claimed(path, false) {
            // An empty file someone else left is not a new ledger (a failed copy, a
            // truncated file): never initialised over.
            return Err(StoreError::EmptyFile(path.display().to_string()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = connect(path, flags, key)?;
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StoreError::ReadOnly);
        }
        // Switching a new file to WAL and the first migration take locks
        // for which SQLite does not always wait (it answers BUSY at once
        // while another process sets up the same new ledger): retry them.
        retry_busy(|| {
            let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            if mode.eq_ignore_ascii_case("wal") {
                Ok(())
            } else {
                Err(StoreError::CannotOpen(format!("journal mode {mode}")))
            }
        })?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Reads too can be answered BUSY at once while another process opening the same
        // ledger recovers its -wal index.
        retry_busy(|| not_another_database(&conn))?;
        let found: i64 =
            retry_busy(|| Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?))?;
        if (1..migrations::latest()).contains(&found) {
            upgrading(found, migrations::latest());
        }
        retry_busy(|| migrations::migrate(&mut conn))?;
        retry_busy(|| receipt::on_open(&conn, path, key))?;
        // The report's rollups made once after the migration that adds them, a bulk load,
        // or a change of the office's clocks or calendar (`rollup.rs`). Where they cannot
        // be (a damaged row, another writer), reports count the cases instead, and
        // `check` names what is damaged: the ledger still opens.
        let _ = retry_busy(|| rollup::ensure(&conn, &office.rules(&[], &[])));
        // Next due dates stamped under other clocks are stamped again (`restamp.rs`); as
        // with the rollups, a ledger where it cannot be done still opens, and `check` says.
        let _ = retry_busy(|| restamp::ensure(&conn, &office.rules(&[], &[])));
        Ok(Store {
            conn,
            office,
            path: path.to_owned(),
            open_counts: counts::OpenCounts::default(),
            key: key.clone(),
            entered_by: None,
            viewer: None,
            hidden: hidden::HiddenCache::default(),
            rows: row_cache::RowCache::default(),
            dashboards: dashboard_memo::DashboardMemo::default(),
            via: None,
            bulk: false,
            checkpointer: None,
        })
    }

    /// Opens an existing ledger for reading only (show, list, search,
    /// export, check); works on a read-only file and never writes.
    pub fn open_read_only(path: &Path, office: Office, key: &DataKey) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::CannotOpen(path.display().to_string()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = connect(path, flags, key)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > migrations::latest() {
            return Err(StoreError::NewerSchema {
                found: version,
                known: migrations::latest(),
            });
        }
        // Reading needs only the case tables, which every schema from 1
        // has: an old backup can be checked and shown without upgrading.
        if version < 1 {
            return Err(StoreError::Damaged(format!(
                "schema {version}: not a xinfang ledger"
            )));
        }
        Ok(Store {
            conn,
            office,
            path: path.to_owned(),
            open_counts: counts::OpenCounts::default(),
            key: key.clone(),
            entered_by: None,
            viewer: None,
            hidden: hidden::HiddenCache::default(),
            rows: row_cache::RowCache::default(),
            dashboards: dashboard_memo::DashboardMemo::default(),
            via: None,
            bulk: false,
            checkpointer: None,
        })
    }

    /// Whether the ledger's schema is older than this program's (opening it for writing
    /// upgrades it).
    pub fn behind_schema(&self) -> Result<bool> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(version < migrations::latest())
    }

    /// For writing a demo or an import that can simply be redone: no WAL
    /// and no fsync, secondary indexes built at the end (`bulk.rs`). Turn
    /// it off again afterwards; the ledger is then as durable as ever.
    pub fn set_bulk_loading(&mut self, on: bool) -> Result<()> {
        self.forget_counts();
        self.bulk = on;
        if on {
            bulk::begin(&self.conn)
        } else {
            bulk::end(&self.conn)?;
            // The rollups in one pass over the loaded rows, not per case.
            rollup::ensure(&self.conn, &self.office.rules(&[], &[]))?;
            self.anchor();
            Ok(())
        }
    }

    pub fn office(&self) -> &Office {
        &self.office
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Creates the file of a new ledger, mode 0600, refusing when anything is there
/// already: `init` and a new demo claim the path first, so that of two started at
/// once one creates and the other is told, and neither touches the other's file.
pub fn claim_new_ledger(path: &Path) -> Result<()> {
    let claimed_now = create_private(path);
    if claimed_now.is_ok() {
        claimed(path, true);
    }
    match claimed_now {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(StoreError::AlreadyExists(path.display().to_string()))
        }
        other => other.map_err(Into::into),
    }
}

fn create_private_file(path: &Path) -> Result<()> {
    match create_private(path) {
        // Another process created it a moment ago: open theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        other => other.map_err(Into::into),
    }
}

#[cfg(unix)]
fn create_private(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // The folders made for a new ledger are its owner's alone (0700), as the file is.
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(drop)
}

#[cfg(not(unix))]
fn create_private(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map(drop)
}

/// Whether this process claimed the (empty) file at `path` itself and has not opened it
/// since (`claim`: note that it did): only such a file is set up as a new ledger.
fn claimed(path: &Path, claim: bool) -> bool {
    static CLAIMED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    let mut made = CLAIMED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if claim {
        made.push(path.to_owned());
        return true;
    }
    let before = made.len();
    made.retain(|p| p != path);
    made.len() < before
}

/// An encrypted database that is not a ledger (schema 0 with tables of its own) is
/// never migrated into one.
fn not_another_database(conn: &Connection) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    if version == 0 && tables > 0 {
        return Err(StoreError::Damaged(
            "schema 0: not a xinfang ledger".to_owned(),
        ));
    }
    Ok(())
}
