//! Migration 10 (`0010_search_prefixes.sql`), its step after the SQL: the search index,
//! made anew with prefix indexes, filled again. Its tokens come from Rust (`search.rs`), so
//! this step is Rust. Shipped: pinned like the SQL (`migrations.rs`), never edited.

use rusqlite::Connection;

use crate::domain::case::Case;
use crate::store::Result;
use crate::store::search::{case_text, index_case_tokens, index_tokens, set_bulk_loading};

/// Fills the empty search index from every case's stored document: as the bulk load does,
/// segments are merged once at the end. A document that does not parse is left out rather
/// than refusing the whole upgrade (and with it every writing open of a ledger the last
/// version opened): `check` names it.
pub(in crate::store) fn run(conn: &Connection) -> Result<()> {
    set_bulk_loading(conn, true)?;
    let mut stmt = conn.prepare("SELECT id, doc FROM cases ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let doc = row.get_ref(1)?.as_str().ok();
        if let Some(case) = doc.and_then(|d| serde_json::from_str::<Case>(d).ok()) {
            index_case_tokens(conn, id, &index_tokens(&case_text(&case)))?;
        }
    }
    set_bulk_loading(conn, false)
}
