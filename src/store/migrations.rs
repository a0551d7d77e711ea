//! Numbered, append-only schema migrations tracked in `PRAGMA user_version`.
//! A hand-rolled runner (30 lines) instead of a crate that pins rusqlite.

use rusqlite::Connection;

use super::StoreError;

/// Each entry is applied once, in order; never edit one that has shipped.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_ledger.sql"),
    include_str!("migrations/0002_drafts.sql"),
    include_str!("migrations/0003_queue_views.sql"),
    include_str!("migrations/0004_dashboard.sql"),
    include_str!("migrations/0005_reception.sql"),
    include_str!("migrations/0006_report.sql"),
    include_str!("migrations/0007_documents.sql"),
    include_str!("migrations/0008_repeaters.sql"),
    include_str!("migrations/0009_charts.sql"),
    include_str!("migrations/0010_search_prefixes.sql"),
    include_str!("migrations/0011_case_facts.sql"),
];

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
        rust_step(&tx, i + 1)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

/// What a migration needs beyond its SQL, run in the same transaction right after it.
fn rust_step(tx: &Connection, version: usize) -> Result<(), StoreError> {
    match version {
        // The search index made anew with prefix indexes: its tokens come from Rust.
        10 => super::search::reindex_all(tx),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_database_migrates_to_latest_and_is_sound() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest());
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let fk: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk, 0);
        // Running again changes nothing.
        migrate(&mut conn).unwrap();
    }

    #[test]
    fn a_newer_ledger_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", latest() + 1)
            .unwrap();
        assert!(matches!(
            migrate(&mut conn),
            Err(StoreError::NewerSchema { found, known }) if found == latest() + 1 && known == latest()
        ));
    }

    #[test]
    fn a_ledger_of_schema_1_gains_drafts_and_keeps_its_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO operators (name, role) VALUES ('李娜', 'clerk')",
            [],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest());
        let name: String = conn
            .query_row("SELECT name FROM operators", [], |r| r.get(0))
            .unwrap();
        assert_eq!(name, "李娜");
        conn.execute(
            "INSERT INTO drafts (slot, operator, body, saved_at) VALUES ('intake', '李娜', '{}', '2026-04-01T09:00:00.000+08:00')",
            [],
        )
        .unwrap();
    }
}
