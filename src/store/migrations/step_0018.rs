//! Migration 18 (`0018_confidentiality.sql`), its step after the SQL: the operators' unit
//! and department-wide view, the cases' 被反映人 and 保密 columns the lists filter by. Each
//! column is added only when missing, so the step may run again on a ledger put back to an
//! older version. Shipped: pinned like the SQL (`migrations.rs`), never edited.

use rusqlite::Connection;

use crate::store::Result;

/// Adds `column` (with its SQL `decl`) to `table` unless it is there.
fn add_column(conn: &Connection, table: &str, column: &str, decl: &str) -> Result<()> {
    let there: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2)",
        [table, column],
        |r| r.get(0),
    )?;
    if !there {
        conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {decl}"))?;
    }
    Ok(())
}

pub(in crate::store) fn run(conn: &Connection) -> Result<()> {
    add_column(conn, "operators", "unit", "TEXT")?;
    add_column(
        conn,
        "operators",
        "department_wide",
        "INTEGER NOT NULL DEFAULT 0",
    )?;
    add_column(conn, "cases", "target_person", "TEXT")?;
    add_column(conn, "cases", "confidential", "INTEGER NOT NULL DEFAULT 0")?;
    conn.execute_batch(
        "UPDATE cases
         SET target_person = json_extract(doc, '$.intake.target_person'),
             confidential = coalesce(json_extract(doc, '$.intake.confidential'), 0)
         WHERE json_extract(doc, '$.intake.target_person') IS NOT NULL
            OR json_extract(doc, '$.intake.confidential') = 1",
    )?;
    Ok(())
}
