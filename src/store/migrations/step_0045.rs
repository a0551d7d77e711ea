//! Migration 45 (`0045_squeezed_accused.sql`), its step after the SQL: each distinct value
//! of the accused columns, read from their indexes, rewritten where squeezing changes it
//! (`rules::squeezed`, as `visibility::accused_keys` writes new rows). The person first: a
//! unit with nothing left of it falls back to the person, as a new row's does. Shipped:
//! pinned like the SQL (`migrations.rs`), never edited.

use rusqlite::Connection;

use crate::domain::rules::squeezed;
use crate::store::Result;

/// The distinct values of `column` that squeezing changes, with what they become.
fn changed(conn: &Connection, column: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT DISTINCT {column} FROM cases WHERE {column} IS NOT NULL"
    ))?;
    let values = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for v in values {
        let v = v?;
        let s = squeezed(&v);
        if s != v {
            out.push((v, s));
        }
    }
    Ok(out)
}

pub(in crate::store) fn run(conn: &Connection) -> Result<()> {
    for (old, new) in changed(conn, "target_person")? {
        conn.execute(
            "UPDATE cases SET target_person = nullif(?2, '') WHERE target_person = ?1",
            [&old, &new],
        )?;
    }
    for (old, new) in changed(conn, "target")? {
        conn.execute(
            "UPDATE cases SET target = coalesce(nullif(?2, ''), target_person) WHERE target = ?1",
            [&old, &new],
        )?;
    }
    Ok(())
}
