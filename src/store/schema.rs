//! What a ledger's schema holds: a ledger opened read-only before its upgrade is read as it
//! is, so the readers ask which tables and columns it has.

use rusqlite::Connection;

use super::Result;

/// Whether `table` has `column`.
pub(super) fn has_column(conn: &Connection, table: &str, column: &str) -> Result<bool> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2")?;
    Ok(stmt.exists([table, column])?)
}

/// Whether the ledger has `table`.
pub(super) fn has_table(conn: &Connection, table: &str) -> Result<bool> {
    let mut stmt =
        conn.prepare_cached("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1")?;
    Ok(stmt.exists([table])?)
}
