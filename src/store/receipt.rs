//! The receipt: outside the ledger file, beside it (`<ledger>.receipt`), the head of each
//! journal — how many events, the last one's hash and time — written after every commit
//! that appended to a journal, atomically and durably (temp file, fsync, rename, fsync the
//! directory). SQLite drops every -wal frame after one with a bad checksum, silently; the
//! receipt remembers how long the journals were, so a ledger that lost acknowledged events
//! is found on the next open and never written again.
//!
//! It holds no personal data: counts, hashes, times, the ledger's random identity and the
//! path of the newest backup, sealed with an HMAC under the ledger's key (a receipt made
//! without the key, or another ledger's, is known as such).
//!
//! Order: the receipt is written only after the commit is durable (synchronous = FULL), so
//! a crash in between leaves the ledger *ahead* of its receipt — normal: the next open
//! verifies the newer events' chain and brings the receipt forward. Behind never happens
//! but by loss. Receipts are written holding the ledger's write lock, so two writers' never
//! go backwards.

use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::damage::{Damage, Journal, Link};
use super::keys::DataKey;
use super::{Result, Store, StoreError, journal, office_journal};

const FORMAT: u32 = 1;
/// The ledger's identity: random, made on its first open by a version that keeps receipts.
const LEDGER_ID: &str = "ledger_id";
/// Set once the ledger has had a receipt: from then on a missing one is not a first run.
const HAD_RECEIPT: &str = "receipt_kept";
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A journal's head: its number of events, the last one's hash and time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub count: i64,
    pub hash: String,
    pub at: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Receipt {
    format: u32,
    ledger: String,
    events: Head,
    office_events: Head,
    /// The newest backup written from this ledger (its path), to name when restoring.
    #[serde(default)]
    backup: Option<String>,
    #[serde(default)]
    seal: String,
}

impl Receipt {
    fn sealed(mut self, key: &DataKey) -> Result<Receipt> {
        self.seal = String::new();
        self.seal = key.seal(serde_json::to_string(&self)?.as_bytes());
        Ok(self)
    }

    fn verifies(&self, key: &DataKey) -> bool {
        self.clone()
            .sealed(key)
            .is_ok_and(|fresh| fresh.seal == self.seal)
    }
}

/// `<ledger>.receipt`.
pub fn receipt_path(ledger: &Path) -> PathBuf {
    let mut name = ledger.as_os_str().to_owned();
    name.push(".receipt");
    PathBuf::from(name)
}

/// What lies beside the ledger.
enum Found {
    Missing,
    Foreign,
    Kept(Receipt),
}

fn read(path: &Path, key: &DataKey, ledger: &str) -> Found {
    let text = match std::fs::read_to_string(receipt_path(path)) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Found::Missing,
        Err(_) => return Found::Foreign,
        Ok(text) => text,
    };
    match serde_json::from_str::<Receipt>(&text) {
        Ok(r) if r.format == FORMAT && r.ledger == ledger && r.verifies(key) => Found::Kept(r),
        _ => Found::Foreign,
    }
}

fn table(journal: Journal) -> &'static str {
    match journal {
        Journal::Cases => "events",
        Journal::Office => "office_events",
    }
}

/// The journal's head as the ledger holds it.
fn head(conn: &Connection, journal: Journal) -> Result<Head> {
    let sql = format!(
        "SELECT seq, hash, at FROM {} ORDER BY seq DESC LIMIT 1",
        table(journal)
    );
    let row = conn
        .prepare_cached(&sql)?
        .query_row([], |r| {
            Ok(Head {
                count: r.get(0)?,
                hash: r.get(1)?,
                at: r.get(2)?,
            })
        })
        .optional()?;
    Ok(row.unwrap_or(Head {
        count: 0,
        hash: GENESIS.to_owned(),
        at: None,
    }))
}

fn tail(conn: &Connection, journal: Journal, from: i64) -> Result<Vec<Link>> {
    match journal {
        Journal::Cases => journal::tail(conn, from),
        Journal::Office => office_journal::tail(conn, from),
    }
}

fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

fn set_meta(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
        [key, value],
    )?;
    Ok(())
}

/// The newest events from the one the receipt acknowledged last (at least the last two):
/// numbered without a gap, each whole and linked to the one before, and the receipt's
/// own event the one it names.
fn judge(journal: Journal, links: &[Link], from: i64, acknowledged: &Head) -> Option<Damage> {
    let mut prev: Option<&str> = None;
    for (i, l) in links.iter().enumerate() {
        let seq = from + i as i64;
        let linked = match prev {
            Some(p) => l.prev_hash == p,
            None => l.seq != 1 || l.prev_hash == GENESIS,
        };
        if l.seq != seq || !l.whole || !linked {
            return Some(Damage::Tail { journal, seq });
        }
        if l.seq == acknowledged.count && l.hash != acknowledged.hash {
            return Some(Damage::Diverged {
                journal,
                seq,
                backup: None,
            });
        }
        prev = Some(&l.hash);
    }
    None
}

/// The ledger against its receipt `r`: Ok(true) when it is ahead (a commit whose receipt
/// was not written yet), Ok(false) when level, Err when it lost or changed what `r`
/// acknowledged, or its newest events do not verify.
fn compare(conn: &Connection, path: &Path, r: &Receipt) -> Result<Result<bool, Damage>> {
    let mut ahead = false;
    for (journal, acknowledged) in [
        (Journal::Cases, &r.events),
        (Journal::Office, &r.office_events),
    ] {
        let found = head(conn, journal)?;
        if found.count < acknowledged.count {
            return Ok(Err(Damage::Behind {
                journal,
                acknowledged: acknowledged.count,
                acknowledged_at: acknowledged.at.clone(),
                found: found.count,
                found_at: found.at,
                backup: newest_backup(conn, path, r)?,
            }));
        }
        let from = acknowledged.count.min(found.count - 1).max(1);
        let links = tail(conn, journal, from)?;
        match judge(journal, &links, from, acknowledged) {
            Some(Damage::Diverged { journal, seq, .. }) => {
                let backup = newest_backup(conn, path, r)?;
                return Ok(Err(Damage::Diverged {
                    journal,
                    seq,
                    backup,
                }));
            }
            Some(damage) => return Ok(Err(damage)),
            None => ahead |= found.count > acknowledged.count,
        }
    }
    Ok(Ok(ahead))
}

/// The newest backup that is still there: the receipt's, else the office journal's last
/// successful one.
fn newest_backup(conn: &Connection, path: &Path, r: &Receipt) -> Result<Option<String>> {
    if let Some(b) = r.backup.as_ref().filter(|b| Path::new(b).exists()) {
        return Ok(Some(b.clone()));
    }
    let recorded: Option<String> = conn
        .query_row(
            "SELECT subject FROM office_events WHERE act = 'backup' AND result = 'ok'
             ORDER BY seq DESC LIMIT 1",
            [],
            |row| row.get(0),
        )
        .optional()?;
    // A relative path was given from where the command ran; the ledger's directory is
    // the best guess left.
    Ok(recorded
        .filter(|b| Path::new(b).exists() || path.parent().is_some_and(|d| d.join(b).exists())))
}

/// What the receipt beside a ledger says of it.
enum Verdict {
    /// It agrees with the journals' heads.
    Level,
    /// The ledger is ahead (a commit whose receipt was not written) and its newer events
    /// verify; or it has no receipt yet and never had one (first run after an upgrade).
    Ahead,
    Damaged(Damage),
}

/// What `open`, a write and `check` make of the receipt beside `path`.
fn judged(conn: &Connection, path: &Path, key: &DataKey) -> Result<Verdict> {
    let Some(ledger) = meta(conn, LEDGER_ID)? else {
        return Ok(Verdict::Ahead);
    };
    let shown = receipt_path(path).display().to_string();
    let verdict = match read(path, key, &ledger) {
        Found::Missing if meta(conn, HAD_RECEIPT)?.is_some() => {
            Verdict::Damaged(Damage::ReceiptMissing { path: shown })
        }
        Found::Missing => Verdict::Ahead,
        Found::Foreign => Verdict::Damaged(Damage::ReceiptForeign { path: shown }),
        Found::Kept(r) => match compare(conn, path, &r)? {
            Ok(true) => Verdict::Ahead,
            Ok(false) => Verdict::Level,
            Err(d) => Verdict::Damaged(d),
        },
    };
    if let Verdict::Damaged(_) = verdict {
        // Nothing is written over a damaged ledger, not even by closing it: the last
        // connection to close copies the -wal's readable frames into the file and empties
        // the -wal, where the frames past a damaged one are the evidence of what was lost.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    }
    Ok(verdict)
}

/// On every read-write open: the ledger given an identity if it has none, compared with
/// its receipt (refused when behind, changed or its receipt is gone), and the receipt
/// written when there is none yet (first run after an upgrade) or the ledger is ahead.
pub(super) fn on_open(conn: &Connection, path: &Path, key: &DataKey) -> Result<()> {
    if meta(conn, LEDGER_ID)?.is_none() {
        let id: String = conn.query_row("SELECT lower(hex(randomblob(16)))", [], |r| r.get(0))?;
        set_meta(conn, LEDGER_ID, &id)?;
    }
    match judged(conn, path, key)? {
        Verdict::Level => {}
        Verdict::Ahead => write(conn, path, key, None, true)?,
        Verdict::Damaged(d) => return Err(StoreError::Unsafe(Box::new(d))),
    }
    if meta(conn, HAD_RECEIPT)?.is_none() {
        set_meta(conn, HAD_RECEIPT, "1")?;
    }
    Ok(())
}

/// Before a write, inside its transaction: the receipt agrees with the journals' heads
/// (or they are ahead of it) and the newest events verify.
pub(super) fn guard(conn: &Connection, path: &Path, key: &DataKey) -> Result<()> {
    match judged(conn, path, key)? {
        Verdict::Level | Verdict::Ahead => Ok(()),
        Verdict::Damaged(d) => Err(StoreError::Unsafe(Box::new(d))),
    }
}

/// `check`: what the receipt says of the ledger (None: it agrees, or the ledger is
/// ahead of it and its newer events verify).
pub(super) fn checked(conn: &Connection, path: &Path, key: &DataKey) -> Result<Option<Damage>> {
    Ok(match judged(conn, path, key)? {
        Verdict::Level | Verdict::Ahead => None,
        Verdict::Damaged(d) => Some(d),
    })
}

/// `check`, when the receipt was missing and everything else checked whole: a new one
/// from the ledger as it stands (which is all there is left to go by).
pub(super) fn renew(conn: &Connection, path: &Path, key: &DataKey) -> Result<()> {
    write(conn, path, key, None, false)
}

/// Writes the receipt of the ledger behind `conn` as it now stands, keeping the newest
/// backup unless `backup` names a newer one. `lock`: hold the ledger's write lock while
/// reading the heads and writing (a read-only copy cannot take it, and needs none).
fn write(
    conn: &Connection,
    path: &Path,
    key: &DataKey,
    backup: Option<&str>,
    lock: bool,
) -> Result<()> {
    let tx = if lock {
        Some(Transaction::new_unchecked(
            conn,
            TransactionBehavior::Immediate,
        )?)
    } else {
        None
    };
    let Some(ledger) = meta(conn, LEDGER_ID)? else {
        return Ok(());
    };
    let backup = match (backup, read(path, key, &ledger)) {
        (Some(b), _) => Some(b.to_owned()),
        (None, Found::Kept(old)) => old.backup,
        (None, Found::Missing | Found::Foreign) => None,
    };
    let receipt = Receipt {
        format: FORMAT,
        ledger,
        events: head(conn, Journal::Cases)?,
        office_events: head(conn, Journal::Office)?,
        backup,
        seal: String::new(),
    }
    .sealed(key)?;
    super::durable::write(
        &receipt_path(path),
        serde_json::to_string_pretty(&receipt)?.as_bytes(),
    )?;
    // Nothing was written in it: the lock only kept other writers out.
    drop(tx);
    Ok(())
}

/// What `restore` needs of a ledger's journals and receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heads {
    /// The ledger's identity (None: a ledger from before receipts).
    pub ledger: Option<String>,
    pub events: Head,
    pub office_events: Head,
}

/// Both journals' heads as the ledger behind `conn` holds them.
pub(super) fn heads(conn: &Connection) -> Result<Heads> {
    Ok(Heads {
        ledger: meta(conn, LEDGER_ID)?,
        events: head(conn, Journal::Cases)?,
        office_events: head(conn, Journal::Office)?,
    })
}

/// What the receipt beside `path` acknowledged, if it is this ledger's (`ledger`) and
/// sealed with `key`.
pub(super) fn acknowledged(path: &Path, key: &DataKey, ledger: &str) -> Option<Heads> {
    match read(path, key, ledger) {
        Found::Kept(r) => Some(Heads {
            ledger: Some(r.ledger),
            events: r.events,
            office_events: r.office_events,
        }),
        Found::Missing | Found::Foreign => None,
    }
}

impl Store {
    /// After a commit that appended to a journal: the receipt brought up to the ledger's
    /// head. Not while bulk loading (written once at its end). A receipt that cannot be
    /// written leaves the ledger ahead of it, which the next write or open catches up.
    pub(super) fn anchor(&self) {
        if !self.bulk {
            let _ = write(&self.conn, &self.path, &self.key, None, true);
        }
    }

    /// The receipt beside a backup about to be put at `dest` (`copy`: read-only).
    pub(super) fn anchor_copy(&self, copy: &Connection, dest: &Path) -> Result<()> {
        write(copy, dest, &self.key, None, false)
    }

    /// The newest backup noted in the ledger's own receipt (not on a ledger opened only
    /// for reading: a damaged one's receipt is the evidence, kept as it is).
    pub(super) fn note_backup(&self, dest: &Path) -> Result<()> {
        if !self.conn.is_readonly(rusqlite::MAIN_DB)? {
            let shown = std::path::absolute(dest).unwrap_or_else(|_| dest.to_owned());
            write(
                &self.conn,
                &self.path,
                &self.key,
                Some(&shown.display().to_string()),
                true,
            )?;
        }
        Ok(())
    }
}
