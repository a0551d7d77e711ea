//! The rows of the report's stocks (migrations 0027, 0031, 0032): what a case's facts make
//! of them, and how they are read back, for `stocks.rs` (which writes them) and
//! `stock_days.rs` (which keeps their changes by day).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

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
pub(super) type OverdueRow = (i64, i64, i64, i64, i64, Option<i64>, String, String);
/// A row of `report_supervision`: case, seq, at, ground, feedback date, the case's state,
/// the office-local day of `at` (days since 1970-01-01) and that of the order before it
/// in the case (by day, then seq; `None` for its first).
pub(super) type OrderRow = (i64, i64, i64, String, String, String, i64, Option<i64>);

/// The rows the facts of a case make.
pub(super) fn rows(f: &CaseFacts, rules: &Rules) -> (Vec<OverdueRow>, Vec<OrderRow>) {
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
    let offset = i64::from(rules.policy.utc_offset.local_minus_utc());
    let mut orders: Vec<OrderRow> = (f.supervisions.iter().enumerate())
        .map(|(i, s)| {
            (
                f.id,
                i64::try_from(i).unwrap_or(i64::MAX),
                s.at,
                s.ground.code().to_owned(),
                s.feedback_by.to_string(),
                f.state.code().to_owned(),
                (s.at + offset).div_euclid(86_400),
                None,
            )
        })
        .collect();
    // Each order's predecessor by (day, seq): a case counts once in a window, at the
    // first of its orders there (`stock_days.rs`).
    let mut by_day: Vec<usize> = (0..orders.len()).collect();
    by_day.sort_by_key(|&i| (orders[i].6, orders[i].1));
    for w in by_day.windows(2) {
        orders[w[1]].7 = Some(orders[w[0]].6);
    }
    (spans.collect(), orders)
}

/// Every span row, in order of case.
pub(super) const OVERDUE_ROWS: &str =
    "SELECT case_id, ord, from_day, to_day, due, start, clock, state FROM report_overdue";
/// Every order row, in order of case.
pub(super) const ORDER_ROWS: &str =
    "SELECT case_id, seq, at, ground, feedback_by, state, day, prev_day
   FROM report_supervision";

/// Every row `sql` selects, as tuples of its columns.
pub(super) fn stored<T>(conn: &Connection, sql: &str) -> Result<BTreeSet<T>>
where
    T: Ord + for<'r> TryFrom<&'r rusqlite::Row<'r>, Error = rusqlite::Error>,
{
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| T::try_from(r))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn differ<T: Ord + std::fmt::Debug>(
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
