//! `check`: the database's own integrity, then the journal's hash chain, every case against
//! its journal, the report's rows and the issued documents. It sits above the table modules
//! and calls down into each one's check; none of them calls back.

use rusqlite::Connection;

use super::findings::CheckReport;
use super::{Result, Store, documents, facts, journal, office_journal};

impl Store {
    pub fn check(&self) -> Result<CheckReport> {
        check(&self.conn)
    }
}

/// Every check on the ledger behind `conn`, which may be a read-only copy (`backup`).
pub(super) fn check(conn: &Connection) -> Result<CheckReport> {
    let mut report = CheckReport::default();
    database(conn, &mut report)?;
    journal::check_chain(conn, &mut report)?;
    journal::check_cases(conn, &mut report)?;
    office_journal::check_chain(conn, &mut report)?;
    facts::check(conn, &mut report)?;
    documents::check_documents(conn, &mut report)?;
    Ok(report)
}

/// `PRAGMA integrity_check` and `foreign_key_check` findings.
fn database(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    for row in rows {
        let line = row?;
        if line != "ok" {
            report.database.push(line);
        }
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    // A WITHOUT ROWID table (petitioners) names no rowid: NULL.
    let rows = stmt.query_map([], |r| {
        let table = r.get::<_, String>(0)?;
        Ok(match r.get::<_, Option<i64>>(1)? {
            Some(row) => format!("foreign key: {table} row {row}"),
            None => format!("foreign key: {table}"),
        })
    })?;
    for row in rows {
        report.database.push(row?);
    }
    Ok(())
}
