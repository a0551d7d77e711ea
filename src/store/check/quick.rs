//! `check --quick`, for every day: the last events of each chain, and the counts that must
//! agree (events numbered without a gap, a counter per year at its greatest case number, a
//! report row and a search row per case), besides the receipt. What it leaves to the full
//! check: reading every page (SQLite's `quick_check` alone read the whole file, a minute
//! at a million cases) and every row against the journal's replay.

use rusqlite::Connection;

use crate::domain::filing::case_number;
use crate::store::findings::{CheckReport, Table};
use crate::store::{Result, journal, office_journal};

/// How many of the newest events of each chain the quick check verifies.
pub const TAIL: i64 = 1000;

pub(super) fn check(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    report.quick = true;
    let last = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let events = last("SELECT coalesce(max(seq), 0) FROM events")?;
    journal::check_chain_from(conn, (events - TAIL + 1).max(1), report)?;
    let office = last("SELECT coalesce(max(seq), 0) FROM office_events")?;
    office_journal::check_chain_from(conn, (office - TAIL + 1).max(1), report)?;
    report.cases = last("SELECT count(*) FROM cases")?;
    let journaled = last("SELECT coalesce(max(case_id), 0) FROM events")?;
    if journaled != report.cases {
        report.differ(
            Table::Cases,
            "(count)",
            "(rows)",
            journaled.to_string(),
            report.cases.to_string(),
        );
    }
    for (table, sql) in [
        (Table::CaseFacts, "SELECT count(*) FROM case_facts"),
        (Table::CaseSummaries, "SELECT count(*) FROM case_summaries"),
        (
            Table::CaseSearch,
            "SELECT count(*) FROM case_search_docsize",
        ),
    ] {
        let n = last(sql)?;
        if n != report.cases {
            report.differ(
                table,
                "(count)",
                "(rows)",
                report.cases.to_string(),
                n.to_string(),
            );
        }
    }
    counters(conn, report)
}

/// Each year's counter against the numbers: the number it last gave exists and the next
/// does not (two look-ups on the numbers' index per year).
fn counters(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare("SELECT year, last FROM case_counters ORDER BY year")?;
    let counters = stmt.query_map([], |r| Ok((r.get::<_, i32>(0)?, r.get::<_, i64>(1)?)))?;
    let mut exists = conn.prepare("SELECT EXISTS (SELECT 1 FROM cases WHERE case_no = ?1)")?;
    for row in counters {
        let (year, last) = row?;
        let given: bool = exists.query_row([case_number(year, last)], |r| r.get(0))?;
        let next: bool = exists.query_row([case_number(year, last + 1)], |r| r.get(0))?;
        if !given || next {
            let want = if next {
                format!("{} or more", last + 1)
            } else {
                format!("less than {last}")
            };
            report.differ(
                Table::CaseCounters,
                year.to_string(),
                "last",
                want,
                last.to_string(),
            );
        }
    }
    Ok(())
}
