//! Converting a plaintext ledger (from before encryption) into an encrypted one,
//! and proving the copy identical. The old file is only read.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};

use super::keys::DataKey;
use super::{Result, StoreError, connect, is_plaintext, migrations};

/// What `encrypt_ledger` copied and found identical.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    pub tables: usize,
    pub cases: i64,
    pub events: i64,
}

/// Copies the plaintext ledger `old` into a new encrypted ledger `new` under
/// `key`, then compares every row of every table of both (cases, events,
/// documents, facts, …). A failed conversion removes the new file; `old` is
/// opened read-only and never changed.
pub fn encrypt_ledger(old: &Path, new: &Path, key: &DataKey) -> Result<Converted> {
    if !is_plaintext(old) {
        return Err(StoreError::Damaged(format!(
            "{}: not a plaintext ledger",
            old.display()
        )));
    }
    let plain = Connection::open_with_flags(old, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let version: i64 = plain.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version < 1 || version > migrations::latest() {
        return Err(StoreError::Damaged(format!(
            "schema {version}: not a ledger this xinfang knows"
        )));
    }
    super::claim_new_ledger(new)?;
    let result = copy(old, new, key, version).and_then(|()| verify(&plain, new, key));
    if result.is_err() {
        let _ = std::fs::remove_file(new);
    }
    result
}

fn copy(old: &Path, new: &Path, key: &DataKey, version: i64) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_URI;
    super::cipher_ready();
    let dst = Connection::open_with_flags(new, flags)?;
    dst.execute_batch(&key.pragma(super::page_seal::PageSeal::NEW))?;
    // The old file is attached read-only (a URI's mode=ro) with an empty key,
    // which SQLCipher reads as "not encrypted".
    dst.execute("ATTACH DATABASE ?1 AS plain KEY ''", [read_only_uri(old)])?;
    dst.query_row("SELECT sqlcipher_export('main', 'plain')", [], |_| Ok(()))?;
    dst.execute_batch("DETACH DATABASE plain")?;
    dst.pragma_update(None, "user_version", version)?;
    Ok(())
}

/// `file:` URI for `path`, read-only; the characters a URI gives meaning to escaped.
fn read_only_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?mode=ro");
    uri
}

fn verify(plain: &Connection, new: &Path, key: &DataKey) -> Result<Converted> {
    let enc = connect(new, OpenFlags::SQLITE_OPEN_READ_ONLY, key)?;
    let tables: Vec<String> = plain
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in &tables {
        let (a, b) = (digest(plain, table)?, digest(&enc, table)?);
        if a != b {
            return Err(StoreError::Damaged(format!(
                "table {table} differs after encryption ({} rows before, {} after)",
                a.0, b.0
            )));
        }
    }
    let count = |t: &str| -> Result<i64> {
        Ok(enc.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))?)
    };
    Ok(Converted {
        tables: tables.len(),
        cases: count("cases")?,
        events: count("events")?,
    })
}

/// The rows of `table` and a digest of their contents, independent of row order
/// (a copy may store rows in another order; what matters is that none differs).
fn digest(conn: &Connection, table: &str) -> Result<(usize, [u8; 32])> {
    let quoted = table.replace('"', "\"\"");
    let mut stmt = conn.prepare(&format!("SELECT * FROM \"{quoted}\""))?;
    let width = stmt.column_count();
    let mut rows = stmt.query([])?;
    let mut hashes = Vec::new();
    while let Some(row) = rows.next()? {
        let mut h = Sha256::new();
        for i in 0..width {
            let value = row.get_ref(i)?;
            h.update(format!("{:?}", value).as_bytes());
            h.update([0]);
        }
        hashes.push(<[u8; 32]>::from(h.finalize()));
    }
    hashes.sort_unstable();
    let mut all = Sha256::new();
    for h in &hashes {
        all.update(h);
    }
    Ok((hashes.len(), all.finalize().into()))
}

/// The operators of the plaintext ledger `old` (who may be given the first slot
/// of its encrypted copy).
pub fn plaintext_operators(old: &Path) -> Result<Vec<crate::domain::rules::Operator>> {
    let plain = Connection::open_with_flags(old, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    super::directory::operators(&plain)
}
