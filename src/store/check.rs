//! `check`: the database's own integrity, then the journal's hash chain, every case against
//! its journal, the report's rows and the issued documents. It sits above the table modules
//! and calls down into each one's check; none of them calls back.

use rusqlite::Connection;

use super::damage::Damage;
use super::findings::CheckReport;
use super::{Result, Store, documents, facts, journal, office_journal, receipt};
use crate::config::Office;

mod backlog;
mod cases;
mod evaluation;
mod jobs;
mod office;
mod quick;
mod rows;
mod screening;
mod search;
mod tables;

pub use quick::TAIL;

impl Store {
    /// The full check: every page read and authenticated, the chains walked, every table
    /// recomputed from the journals (`check/jobs.rs`: on every core the machine has).
    /// Every check, and the ledger against its receipt. A receipt that went missing is
    /// written anew when everything else checks whole (the one way back from losing it).
    pub fn check(&self) -> Result<CheckReport> {
        let report = self.check_tables(Depth::Full)?;
        self.with_receipt(report, true)
    }

    /// `check --deep`: the full check with SQLite's `integrity_check` (every index entry
    /// looked up against its row) in place of its `quick_check`: minutes more at a million cases
    /// on a slow machine, so for when a full check finds the database itself damaged.
    pub fn check_deep(&self) -> Result<CheckReport> {
        let report = self.check_tables(Depth::Deep)?;
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

    fn check_tables(&self, depth: Depth) -> Result<CheckReport> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != super::migrations::latest() || !self.conn.is_autocommit() {
            return in_snapshot(&self.conn, || run(&self.conn, &self.office, depth));
        }
        let readers = jobs::Readers {
            path: &self.path,
            key: &self.key,
        };
        let before: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn
            .pragma_update(None, "cache_size", -jobs::cache_kib(&self.path, 1))?;
        let report = in_snapshot(&self.conn, || {
            jobs::run(&self.conn, &readers, &self.office, depth)
        });
        self.conn.pragma_update(None, "cache_size", before)?;
        report
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

/// How much of SQLite's own check a full check runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Depth {
    /// Beside the pass over the cases, which reads every table it checks (and the search
    /// index through its vocabulary): the pages it does not read (every index, the small
    /// tables). Every page is read once (and, encrypted, authenticated by its HMAC, so a
    /// changed byte anywhere is found).
    Full,
    /// `quick_check`: every page read and every b-tree's shape verified (a ledger of an
    /// older schema, whose pass reads less).
    Pages,
    /// `integrity_check`: every page and b-tree, every index entry looked up against its
    /// row, and FTS5's own check of the search index's structure (a quarter of a full
    /// check's time at a million cases by itself).
    Deep,
}

/// Every check on the ledger behind `conn`, which may be a read-only copy (`backup`).
pub(super) fn check(conn: &Connection, office: &Office) -> Result<CheckReport> {
    in_snapshot(conn, || run(conn, office, Depth::Full))
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

fn run(conn: &Connection, office: &Office, depth: Depth) -> Result<CheckReport> {
    let mut report = CheckReport::default();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let older = version != super::migrations::latest();
    let depth = if older && depth == Depth::Full {
        Depth::Pages
    } else {
        depth
    };
    database(conn, depth, &mut report)?;
    office_journal::check_chain(conn, &mut report)?;
    if !older {
        let operators = super::directory::operators(conn)?;
        let departments = super::directory::department_names(conn)?;
        let rules = office.rules(&operators, &departments);
        let seen = cases::check(conn, &rules, cases::Span::ALL, &mut report)?;
        beside_cases(conn, &mut report)?;
        super::rollup::check(conn, &rules, &mut report)?;
        after_cases(conn, &seen, None, &mut report)?;
    } else {
        // An old backup opened read-only: its chain, cases, report rows and documents as
        // before.
        journal::check_chain(conn, &mut report)?;
        journal::check_cases(conn, &mut report)?;
        facts::check(conn, &mut report)?;
        documents::check_documents(conn, &mut report)?;
    }
    Ok(report)
}

/// The tables recomputed from rows alone (the repeat petitioners, the document counters):
/// a job of its own beside the pass over the cases.
fn beside_cases(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    tables::document_counters(conn, report)?;
    tables::person_counts(conn, report)?;
    tables::start_tallies(conn, report)?;
    tables::earlier_petitioner(conn, report)?;
    tables::again_at(conn, report)
}

/// The checks that need the whole pass over the cases first (`cases::Seen`); the search
/// index's vocabulary as a job read it (`None`: read here).
fn after_cases(
    conn: &Connection,
    seen: &cases::Seen,
    vocabulary: Option<std::result::Result<search::Words, String>>,
    report: &mut CheckReport,
) -> Result<()> {
    let vocabulary = vocabulary.unwrap_or_else(|| search::read_vocabulary(conn));
    search::compare_vocabulary(&seen.words, vocabulary, report);
    // The pass read every event and gathered its links: a whole chain is counted, a broken
    // one walked in order to name its first bad event (`chain::Links`).
    match seen.links.whole() {
        Some(events) => report.events += events,
        None => journal::check_chain(conn, report)?,
    }
    tables::case_counters(conn, seen, report)?;
    let ids = seen.ids.iter().copied().collect();
    tables::drafts(conn, &ids, report)?;
    tables::reception_records(conn, &ids, report)?;
    office::check(conn, &seen.roles, report)?;
    screening::check(conn, report)?;
    super::attachments::check(conn, &seen.attachments, report)?;
    backlog::check(conn, report)?;
    evaluation::check(conn, report)
}

/// The tables the pass over the cases reads whole (`check/cases.rs`, the chains, FTS5's own
/// check): SQLite's check need not read their pages a second time.
const READ_BY_THE_PASS: [&str; 8] = [
    "events",
    "cases",
    "petitioners",
    "case_facts",
    "case_summaries",
    "case_search_docsize",
    "case_search_data",
    "documents",
];

fn sqlite_check(conn: &Connection, depth: Depth, report: &mut CheckReport) -> rusqlite::Result<()> {
    let lines = |sql: &str, report: &mut CheckReport| -> rusqlite::Result<()> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for row in rows {
            let line = row?;
            if line != "ok" {
                report.database.push(line);
            }
        }
        Ok(())
    };
    match depth {
        Depth::Deep => lines("PRAGMA integrity_check", report),
        Depth::Pages => lines("PRAGMA quick_check", report),
        Depth::Full => unread_pages(conn, report),
    }
}

/// Every page the pass does not read — the indexes, the small tables — read once through
/// `dbstat`, which walks each b-tree: in an encrypted ledger each page read is checked
/// against its HMAC, so a changed byte is found wherever it is. (`quick_check` read the
/// whole file again besides the pass: a third of a full check.)
fn unread_pages(conn: &Connection, report: &mut CheckReport) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND rootpage > 0",
    )?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut pages = conn.prepare("SELECT count(*) FROM dbstat WHERE name = ?1")?;
    for name in names
        .iter()
        .filter(|n| !READ_BY_THE_PASS.contains(&n.as_str()))
    {
        if let Err(e) = pages.query_row([name], |r| r.get::<_, i64>(0)) {
            report.database.push(format!("{name}: {e}"));
        }
    }
    Ok(())
}

/// SQLite's own check (`depth`) and the foreign keys no other check covers.
fn database(conn: &Connection, depth: Depth, report: &mut CheckReport) -> Result<()> {
    // A damaged search index makes the check itself fail (FTS5 checks itself there): that
    // is a finding, not an end to the check.
    if let Err(e) = sqlite_check(conn, depth, report) {
        report.database.push(format!("case_search: {e}"));
    }
    // Only the journal's side table: every row keyed by a case is compared with the
    // journal's replay, which names a row of no case (`check/cases.rs`, `tables.rs`);
    // the whole database's check was a look-up per row, a fifth of a check's time.
    let mut stmt = conn.prepare("PRAGMA foreign_key_check(event_entries)")?;
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
