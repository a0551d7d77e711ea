//! Numbered, append-only schema migrations tracked in `PRAGMA user_version`.
//! A hand-rolled runner (30 lines) instead of a crate that pins rusqlite.

use rusqlite::Connection;

use super::StoreError;

/// Each entry is applied once, in order; never edit one that has shipped.
const MIGRATIONS: &[&str] = &[include_str!("migrations/0001_ledger.sql")];

pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings the schema up to date inside one immediate transaction. A ledger
/// from a newer xinfang is refused rather than guessed at.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > latest() {
        return Err(StoreError::NewerSchema {
            found: current,
            known: latest(),
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}
