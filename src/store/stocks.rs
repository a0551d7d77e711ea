//! The report's stocks kept by case (migration 0027; what they hold:
//! `domain::stats::stocks`): the spans on which each clock is overdue and the 督办 orders,
//! written with the rollups (`rollup.rs` calls [`replace`] in the case's transaction and
//! [`put`] when it makes them all), and compared by `check`. The report counts and lists
//! them from their indexes (`report_lists.rs`).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, params};

use super::Result;
use super::findings::{CheckReport, Table};
use crate::domain::rules::Rules;
use crate::domain::stats::{CaseFacts, overdue_spans};

/// `to_day` of a clock still running.
pub(super) const OPEN: i64 = i32::MAX as i64;

/// A day as the tables count it (0001-01-01 is 1).
pub(super) fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// A row of `report_overdue`: case, ord, from, to, due, start, clock, the case's state.
type OverdueRow = (i64, i64, i64, i64, i64, Option<i64>, String, String);
/// A row of `report_supervision`: case, seq, at, ground, feedback date, the case's state.
type OrderRow = (i64, i64, i64, String, String, String);

/// The rows the facts of a case make.
fn rows(f: &CaseFacts, rules: &Rules) -> (Vec<OverdueRow>, Vec<OrderRow>) {
    let spans = overdue_spans(f, rules).into_iter().map(|s| {
        (
            f.id,
            i64::from(s.ord),
            day_number(s.from),
            s.until.map_or(OPEN, day_number),
            day_number(s.due),
            s.start.map(day_number),
            s.clock,
            f.state.code().to_owned(),
        )
    });
    let orders = f.supervisions.iter().enumerate().map(|(i, s)| {
        (
            f.id,
            i64::try_from(i).unwrap_or(i64::MAX),
            s.at,
            s.ground.code().to_owned(),
            s.feedback_by.to_string(),
            f.state.code().to_owned(),
        )
    });
    (spans.collect(), orders.collect())
}

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
            "INSERT INTO report_supervision (case_id, seq, at, ground, feedback_by, state)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (id, seq, at, ground, feedback_by, state) in orders {
            stmt.execute(params![id, seq, at, ground, feedback_by, state])?;
        }
    }
    Ok(())
}

/// The rows of a case made anew from its facts.
pub(super) fn replace(conn: &Connection, rules: &Rules, f: &CaseFacts) -> Result<()> {
    conn.prepare_cached("DELETE FROM report_overdue WHERE case_id = ?1")?
        .execute([f.id])?;
    conn.prepare_cached("DELETE FROM report_supervision WHERE case_id = ?1")?
        .execute([f.id])?;
    put(conn, rules, f)
}

/// Every row gone (they are about to be made anew).
pub(super) fn clear(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM report_overdue; DELETE FROM report_supervision;")?;
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
        let found: BTreeSet<OverdueRow> = stored(
            conn,
            "SELECT case_id, ord, from_day, to_day, due, start, clock, state FROM report_overdue",
        )?;
        differ(report, Table::ReportOverdue, &self.spans, &found, |r| {
            format!("{} {} {}", r.0, r.6, r.2)
        });
        let found: BTreeSet<OrderRow> = stored(
            conn,
            "SELECT case_id, seq, at, ground, feedback_by, state FROM report_supervision",
        )?;
        differ(
            report,
            Table::ReportSupervision,
            &self.orders,
            &found,
            |r| format!("{} #{}", r.0, r.1),
        );
        Ok(())
    }
}

/// Every row `sql` selects, as tuples of its columns.
fn stored<T>(conn: &Connection, sql: &str) -> Result<BTreeSet<T>>
where
    T: Ord + for<'r> TryFrom<&'r rusqlite::Row<'r>, Error = rusqlite::Error>,
{
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| T::try_from(r))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn differ<T: Ord + std::fmt::Debug>(
    report: &mut CheckReport,
    table: Table,
    want: &BTreeSet<T>,
    found: &BTreeSet<T>,
    name: impl Fn(&T) -> String,
) {
    for r in want.difference(found) {
        report.differ(table, name(r), "(row)", format!("{r:?}"), String::new());
    }
    for r in found.difference(want) {
        report.differ(table, name(r), "(row)", String::new(), format!("{r:?}"));
    }
}
