//! `check`: the database's own integrity, then the journal's hash chain, every case against
//! its journal, the report's rows and the issued documents. It sits above the table modules
//! and calls down into each one's check; none of them calls back.

use rusqlite::{Connection, OpenFlags};

use super::damage::Damage;
use super::findings::CheckReport;
use super::{Result, Store, documents, facts, journal, office_journal, receipt};
use crate::config::Office;

mod cases;
mod office;
mod quick;
mod rows;
mod search;
mod tables;

pub use quick::TAIL;

impl Store {
    /// The full check. On a ledger at the latest schema, and outside a transaction of the
    /// caller's, the database's own check and the chains run on a second reader while this
    /// one recomputes every table: the two halves take about as long each.
    /// Every check, and the ledger against its receipt. A receipt that went missing is
    /// written anew when everything else checks whole (the one way back from losing it).
    pub fn check(&self) -> Result<CheckReport> {
        let report = self.check_tables()?;
        self.with_receipt(report, true)
    }

    /// The ledger against its receipt (`receipt.rs`), after the rest of a check; a lost
    /// receipt is written anew only after a full check (`renew`), never a quick one.
    fn with_receipt(&self, mut report: CheckReport, renew: bool) -> Result<CheckReport> {
        let whole = renew && report.ok();
        report.receipt = receipt::checked(&self.conn, &self.path, &self.key)?;
        if whole && matches!(report.receipt, Some(Damage::ReceiptMissing { .. })) {
            receipt::renew(&self.conn, &self.path, &self.key)?;
            report.receipt = None;
            report.receipt_renewed = true;
        }
        Ok(report)
    }

    fn check_tables(&self) -> Result<CheckReport> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != super::migrations::latest() || !self.conn.is_autocommit() {
            return check(&self.conn, &self.office);
        }
        let (path, key) = (self.path.clone(), self.key.clone());
        let chains = std::thread::spawn(move || -> Result<CheckReport> {
            let conn = super::connect(&path, OpenFlags::SQLITE_OPEN_READ_ONLY, &key)?;
            let mut report = CheckReport::default();
            database(&conn, &mut report)?;
            journal::check_chain(&conn, &mut report)?;
            office_journal::check_chain(&conn, &mut report)?;
            Ok(report)
        });
        let mut report = in_snapshot(&self.conn, || {
            let mut report = CheckReport::default();
            derived(&self.conn, &self.office, &mut report)?;
            Ok(report)
        })?;
        let chains = chains
            .join()
            .map_err(|_| std::io::Error::other("the check's second reader stopped"))??;
        report.database = chains.database;
        report.events = chains.events;
        report.first_bad_event = chains.first_bad_event;
        report.office_events = chains.office_events;
        report.first_bad_office_event = chains.first_bad_office_event;
        Ok(report)
    }

    /// `check --quick`: the cheap part only (see `check/quick.rs`).
    pub fn check_quick(&self) -> Result<CheckReport> {
        let report = in_snapshot(&self.conn, || {
            let mut report = CheckReport::default();
            quick::check(&self.conn, &mut report)?;
            Ok(report)
        })?;
        self.with_receipt(report, false)
    }
}

/// Every check on the ledger behind `conn`, which may be a read-only copy (`backup`).
pub(super) fn check(conn: &Connection, office: &Office) -> Result<CheckReport> {
    in_snapshot(conn, || run(conn, office))
}

/// `f` in one read transaction (unless the caller holds one): every table as of one
/// instant, while desks go on writing.
fn in_snapshot<T>(conn: &Connection, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let began = conn.is_autocommit();
    if began {
        conn.execute_batch("BEGIN")?;
    }
    let out = f();
    if began {
        // Only read: ending it cannot lose anything.
        let _ = conn.execute_batch("COMMIT");
    }
    out
}

fn run(conn: &Connection, office: &Office) -> Result<CheckReport> {
    let mut report = CheckReport::default();
    database(conn, &mut report)?;
    journal::check_chain(conn, &mut report)?;
    office_journal::check_chain(conn, &mut report)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version == super::migrations::latest() {
        derived(conn, office, &mut report)?;
    } else {
        // An old backup opened read-only: its cases, report rows and documents as before.
        journal::check_cases(conn, &mut report)?;
        facts::check(conn, &mut report)?;
        documents::check_documents(conn, &mut report)?;
    }
    Ok(report)
}

/// Every derived row recomputed from the journals (`check/`), on a ledger at the latest
/// schema: the case documents, report rows and documents among them.
fn derived(conn: &Connection, office: &Office, report: &mut CheckReport) -> Result<()> {
    let operators = super::directory::operators(conn)?;
    let departments = super::directory::department_names(conn)?;
    let rules = office.rules(&operators, &departments);
    let seen = cases::check(conn, &rules, report)?;
    search::check_vocabulary(conn, &seen.words, report)?;
    tables::case_counters(conn, &seen, report)?;
    tables::document_counters(conn, report)?;
    tables::person_counts(conn, report)?;
    tables::earlier_petitioner(conn, report)?;
    let ids = seen.ids.iter().copied().collect();
    tables::drafts(conn, &ids, report)?;
    tables::reception_records(conn, &ids, report)?;
    office::check(conn, &seen.roles, report)
}

fn integrity(conn: &Connection, report: &mut CheckReport) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    for row in rows {
        let line = row?;
        if line != "ok" {
            report.database.push(line);
        }
    }
    Ok(())
}

/// `PRAGMA integrity_check` and `foreign_key_check` findings.
fn database(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    // A damaged search index makes the check itself fail (FTS5 checks itself there): that
    // is a finding, not an end to the check.
    if let Err(e) = integrity(conn, report) {
        report.database.push(format!("case_search: {e}"));
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
