//! `check`: the database's own integrity, then the journal's hash chain, every case against
//! its journal, the report's rows and the issued documents. It sits above the table modules
//! and calls down into each one's check; none of them calls back.

use rusqlite::Connection;

use super::damage::Damage;
use super::findings::CheckReport;
use super::{Result, Store, documents, facts, journal, office_journal, receipt};

impl Store {
    /// Every check, and the ledger against its receipt. A receipt that went missing is
    /// written anew when everything else checks whole (the one way back from losing it).
    pub fn check(&self) -> Result<CheckReport> {
        let mut report = check(&self.conn)?;
        let whole = report.ok();
        report.receipt = receipt::checked(&self.conn, &self.path, &self.key)?;
        if whole && matches!(report.receipt, Some(Damage::ReceiptMissing { .. })) {
            receipt::renew(&self.conn, &self.path, &self.key)?;
            report.receipt = None;
            report.receipt_renewed = true;
        }
        Ok(report)
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
