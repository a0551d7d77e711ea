//! The report's stocks as changes by day (migration 0032), kept beside the rows they come
//! from (`stocks.rs`) in the same transaction, made in one pass with them and compared by
//! `check`:
//! - `report_overdue_days`: each case's overdue spans as +1 on the day a count starts and
//!   −1 on the day it stops (`domain::stats::overdue_days`): the overdue stocks at cut-off
//!   `c` are the sums of days ≤ `c`;
//! - `report_supervision_days`: each 督办 order on its office-local day, counted (`o:orders`)
//!   and by its case's state now (`v:<state>`): a window's orders and the cases ordered in
//!   it are sums over its days, less the cases ordered more than once in it
//!   (`report_lists.rs`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, params};

use super::findings::{CheckReport, Table};
use super::stock_rows::{OPEN, ORDER_ROWS, OVERDUE_ROWS, OrderRow, OverdueRow, differ, stored};
use super::{Result, StoreError};
use crate::domain::stats::{DaySpan, overdue_day_deltas};
use crate::domain::types::State;

/// (key, day) → amount.
type DayRows = BTreeMap<(String, i64), i64>;

/// The key of the orders of a day.
pub(super) const ORDERS: &str = "o:orders";
/// The keys' prefix of the orders of a day whose case is in a state now (`v:<state>`).
pub(super) const ORDERED_IN: &str = "v:";
fn ordered_in(state: &str) -> String {
    format!("{ORDERED_IN}{state}")
}

/// The two tables, each with what its rows count.
#[derive(Clone, Copy)]
enum Days {
    Overdue,
    Supervision,
}

impl Days {
    fn table(self) -> &'static str {
        match self {
            Days::Overdue => "report_overdue_days",
            Days::Supervision => "report_supervision_days",
        }
    }

    fn findings(self) -> Table {
        match self {
            Days::Overdue => Table::ReportOverdueDays,
            Days::Supervision => Table::ReportSupervisionDays,
        }
    }
}

/// A case's rows changed from `old` to `new` (spans, orders): their day changes moved.
pub(super) fn shift(
    conn: &Connection,
    old: (&[OverdueRow], &[OrderRow]),
    new: (&[OverdueRow], &[OrderRow]),
) -> Result<()> {
    let (mut overdue, mut orders) = (DayRows::new(), DayRows::new());
    overdue_of_case(&mut overdue, old.0, -1)?;
    overdue_of_case(&mut overdue, new.0, 1)?;
    orders_of(&mut orders, old.1, -1);
    orders_of(&mut orders, new.1, 1);
    add(conn, Days::Overdue, overdue)?;
    add(conn, Days::Supervision, orders)
}

/// Adds `rows` to `days`, dropping rows that come to zero.
fn add(conn: &Connection, days: Days, mut rows: DayRows) -> Result<()> {
    rows.retain(|_, n| *n != 0);
    let table = days.table();
    let mut up = conn.prepare_cached(&format!(
        "INSERT INTO {table} (key, day, n) VALUES (?1, ?2, ?3)
         ON CONFLICT (key, day) DO UPDATE SET n = n + excluded.n"
    ))?;
    let mut zero = conn.prepare_cached(&format!(
        "DELETE FROM {table} WHERE key = ?1 AND day = ?2 AND n = 0"
    ))?;
    for ((key, day), n) in &rows {
        up.execute(params![key, day, n])?;
        zero.execute(params![key, day])?;
    }
    Ok(())
}

/// After `stocks::put` of every case: the day changes of all the rows, in one pass.
pub(super) fn make(conn: &Connection) -> Result<()> {
    let want = expected(
        &stored::<OverdueRow>(conn, OVERDUE_ROWS)?,
        &stored::<OrderRow>(conn, ORDER_ROWS)?,
    )?;
    for (days, rows) in want {
        let table = days.table();
        let mut put = conn.prepare_cached(&format!(
            "INSERT INTO {table} (key, day, n) VALUES (?1, ?2, ?3)"
        ))?;
        for ((key, day), n) in &rows {
            put.execute(params![key, day, n])?;
        }
    }
    Ok(())
}

/// `check`: the tables against the day changes of the rows the facts make.
pub(super) fn compare(
    conn: &Connection,
    (spans, orders): (&BTreeSet<OverdueRow>, &BTreeSet<OrderRow>),
    report: &mut CheckReport,
) -> Result<()> {
    for (days, rows) in expected(spans, orders)? {
        let want: BTreeSet<((String, i64), i64)> = rows.into_iter().collect();
        let sql = format!("SELECT key, day, n FROM {}", days.table());
        let found: BTreeSet<((String, i64), i64)> = stored(conn, &sql)?
            .into_iter()
            .map(|(k, d, n): (String, i64, i64)| ((k, d), n))
            .collect();
        differ(report, days.findings(), &want, &found, |r| {
            format!("{} {}", r.0.0, r.0.1)
        });
    }
    Ok(())
}

/// The day changes of every case's rows, each set in order of case.
fn expected<'a>(
    spans: impl IntoIterator<Item = &'a OverdueRow>,
    orders: impl IntoIterator<Item = &'a OrderRow>,
) -> Result<[(Days, DayRows); 2]> {
    let mut overdue = DayRows::new();
    let mut case: Vec<OverdueRow> = Vec::new();
    for r in spans {
        if case.first().is_some_and(|c| c.0 != r.0) {
            overdue_of_case(&mut overdue, &case, 1)?;
            case.clear();
        }
        case.push(r.clone());
    }
    overdue_of_case(&mut overdue, &case, 1)?;
    let mut supervision = DayRows::new();
    let orders: Vec<OrderRow> = orders.into_iter().cloned().collect();
    orders_of(&mut supervision, &orders, 1);
    overdue.retain(|_, n| *n != 0);
    supervision.retain(|_, n| *n != 0);
    Ok([(Days::Overdue, overdue), (Days::Supervision, supervision)])
}

/// Adds `sign` × the day changes of one case's span rows to `out`.
fn overdue_of_case(out: &mut DayRows, case: &[OverdueRow], sign: i64) -> Result<()> {
    let Some(first) = case.first() else {
        return Ok(());
    };
    let state = State::from_code(&first.7)
        .ok_or_else(|| StoreError::Damaged(format!("report_overdue state {:?}", first.7)))?;
    let spans: Vec<DaySpan> = case
        .iter()
        .map(|r| DaySpan {
            clock: &r.6,
            from: r.2,
            until: (r.3 != OPEN).then_some(r.3),
            start_year: r
                .5
                .and_then(|d| i32::try_from(d).ok())
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .map(|d| d.year()),
        })
        .collect();
    for (key, day, n) in overdue_day_deltas(&spans, state) {
        *out.entry((key, day)).or_default() += sign * n;
    }
    Ok(())
}

/// Adds `sign` × each order to its day: counted, and by its case's state.
fn orders_of(out: &mut DayRows, orders: &[OrderRow], sign: i64) {
    for o in orders {
        *out.entry((ORDERS.to_owned(), o.6)).or_default() += sign;
        *out.entry((ordered_in(&o.5), o.6)).or_default() += sign;
    }
}
