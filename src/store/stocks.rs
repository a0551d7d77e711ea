//! The report's stocks kept by case (migration 0027; what they hold:
//! `domain::stats::stocks`): the spans on which each clock is overdue and the 督办 orders,
//! written with the rollups (`rollup.rs` calls [`replace`] in the case's transaction and
//! [`put`] when it makes them all), and compared by `check`. The report counts and lists
//! them from their indexes (`report_lists.rs`).

use std::collections::BTreeSet;

use rusqlite::{Connection, params};

use super::findings::{CheckReport, Table};
use super::stock_rows::{ORDER_ROWS, OVERDUE_ROWS, OrderRow, OverdueRow, differ, rows, stored};
use super::{Result, stock_days};
use crate::domain::rules::Rules;
use crate::domain::stats::CaseFacts;

/// Adds the rows of a case that has none.
pub(super) fn put(conn: &Connection, rules: &Rules, f: &CaseFacts) -> Result<()> {
    let (spans, orders) = rows(f, rules);
    if !spans.is_empty() {
        let mut stmt = conn.prepare_cached(
            "INSERT INTO report_overdue (case_id, ord, from_day, to_day, due, start, clock, state)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (id, ord, from, to, due, start, clock, state) in spans {
            stmt.execute(params![id, ord, from, to, due, start, clock, state])?;
        }
    }
    if !orders.is_empty() {
        let mut stmt = conn.prepare_cached(
            "INSERT INTO report_supervision
                    (case_id, seq, at, ground, feedback_by, state, day, prev_day)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (id, seq, at, ground, feedback_by, state, day, prev) in orders {
            stmt.execute(params![id, seq, at, ground, feedback_by, state, day, prev])?;
        }
    }
    Ok(())
}

/// The rows of a case made anew from its facts, and the day changes of its old rows moved
/// to its new ones (`stock_days.rs`).
pub(super) fn replace(conn: &Connection, rules: &Rules, f: &CaseFacts) -> Result<()> {
    let old = (
        of_case::<OverdueRow>(conn, OVERDUE_ROWS, f.id)?,
        of_case::<OrderRow>(conn, ORDER_ROWS, f.id)?,
    );
    conn.prepare_cached("DELETE FROM report_overdue WHERE case_id = ?1")?
        .execute([f.id])?;
    conn.prepare_cached("DELETE FROM report_supervision WHERE case_id = ?1")?
        .execute([f.id])?;
    let new = rows(f, rules);
    stock_days::shift(conn, (&old.0, &old.1), (&new.0, &new.1))?;
    put(conn, rules, f)
}

/// The rows of case `id` that `sql` selects.
fn of_case<T>(conn: &Connection, sql: &str, id: i64) -> Result<Vec<T>>
where
    T: for<'r> TryFrom<&'r rusqlite::Row<'r>, Error = rusqlite::Error>,
{
    let mut stmt = conn.prepare_cached(&format!("{sql} WHERE case_id = ?1"))?;
    let rows = stmt.query_map([id], |r| T::try_from(r))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every row gone (they are about to be made anew).
pub(super) fn clear(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM report_overdue; DELETE FROM report_supervision;
         DELETE FROM report_overdue_days; DELETE FROM report_supervision_days;",
    )?;
    Ok(())
}

/// What `check` expects, gathered case by case.
#[derive(Default)]
pub(super) struct Expected {
    spans: BTreeSet<OverdueRow>,
    orders: BTreeSet<OrderRow>,
}

impl Expected {
    pub(super) fn add(&mut self, f: &CaseFacts, rules: &Rules) {
        let (spans, orders) = rows(f, rules);
        self.spans.extend(spans);
        self.orders.extend(orders);
    }

    /// The tables against what the facts make: a row missing or extra (a value changed
    /// is both) is named by its case.
    pub(super) fn compare(self, conn: &Connection, report: &mut CheckReport) -> Result<()> {
        let found = stored(conn, OVERDUE_ROWS)?;
        differ(report, Table::ReportOverdue, &self.spans, &found, |r| {
            format!("{} {} {}", r.0, r.6, r.2)
        });
        let found = stored(conn, ORDER_ROWS)?;
        differ(
            report,
            Table::ReportSupervision,
            &self.orders,
            &found,
            |r| format!("{} #{}", r.0, r.1),
        );
        stock_days::compare(conn, (&self.spans, &self.orders), report)
    }
}
