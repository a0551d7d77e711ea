//! The report's rollups summed by month (migration 0034): a year's report summed some
//! 70,000 day rows at each of its three windows at a million cases; the whole months of a
//! window now come from a dozen rows a key. Kept with the day rows (`rollup.rs`) in the
//! same transaction, made with them, and compared by `check` with the sums of the day rows
//! recomputed.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Days, Months, NaiveDate};
use rusqlite::{Connection, params};

use super::Result;
use super::findings::{CheckReport, Table};

/// The month (`YYYY-MM`) of a day.
fn month(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// Adds the day rows' amounts to their months, dropping rows that come to zero.
pub(super) fn add<'a>(
    conn: &Connection,
    rows: impl IntoIterator<Item = (&'a (NaiveDate, String), &'a i64)>,
) -> Result<()> {
    let by_month = by_month(rows);
    let mut up = conn.prepare_cached(
        "INSERT INTO report_rollup_months (month, key, n) VALUES (?1, ?2, ?3)
         ON CONFLICT (month, key) DO UPDATE SET n = n + excluded.n",
    )?;
    let mut zero = conn.prepare_cached(
        "DELETE FROM report_rollup_months WHERE month = ?1 AND key = ?2 AND n = 0",
    )?;
    for ((m, key), n) in &by_month {
        up.execute(params![m, key, n])?;
        zero.execute(params![m, key])?;
    }
    Ok(())
}

fn by_month<'a>(
    rows: impl IntoIterator<Item = (&'a (NaiveDate, String), &'a i64)>,
) -> BTreeMap<(String, String), i64> {
    let mut out: BTreeMap<(String, String), i64> = BTreeMap::new();
    for ((day, key), n) in rows {
        *out.entry((month(*day), key.clone())).or_default() += n;
    }
    out.retain(|_, n| *n != 0);
    out
}

/// Makes every row anew from the day rows about to be written.
pub(super) fn make<'a>(
    conn: &Connection,
    rows: impl IntoIterator<Item = (&'a (NaiveDate, String), &'a i64)>,
) -> Result<()> {
    conn.execute("DELETE FROM report_rollup_months", [])?;
    let mut put = conn
        .prepare_cached("INSERT INTO report_rollup_months (month, key, n) VALUES (?1, ?2, ?3)")?;
    for ((m, key), n) in &by_month(rows) {
        put.execute(params![m, key, n])?;
    }
    Ok(())
}

/// `check`: the rows against the months of the recomputed day rows.
pub(super) fn check<'a>(
    conn: &Connection,
    want: impl IntoIterator<Item = (&'a (NaiveDate, String), &'a i64)>,
    report: &mut CheckReport,
) -> Result<()> {
    let mut stmt = conn.prepare("SELECT month, key, n FROM report_rollup_months")?;
    let mut found: BTreeMap<(String, String), i64> = stmt
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut differ = |(m, key): (String, String), column: &str, expected: i64, found: i64| {
        let key = format!("{m} {key}");
        let (e, f) = (expected.to_string(), found.to_string());
        report.differ(Table::ReportRollupMonths, key, column, e, f);
    };
    for (k, n) in by_month(want) {
        match found.remove(&k) {
            Some(got) if got == n => {}
            Some(got) => differ(k, "n", n, got),
            None => differ(k, "(row)", n, 0),
        }
    }
    for (k, n) in found {
        differ(k, "(row)", 0, n);
    }
    Ok(())
}

/// The whole months of `start..=end` whose last day is before `today` (a pending row
/// counts only on days before it), as their first and last day; `None`: not one.
pub(super) fn whole(
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let first = if start.day() == 1 {
        start
    } else {
        start.with_day(1)?.checked_add_months(Months::new(1))?
    };
    // The last whole month ends on the day before the first of the month after `end`'s
    // (end a month's last day) or of `end`'s month.
    let after_end = end.checked_add_days(Days::new(1))?;
    let limit = after_end.min(today);
    let stop = limit.with_day(1)?;
    let last = stop.checked_sub_days(Days::new(1))?;
    (first <= last).then_some((first, last))
}

/// The sums by key of the months `from..=to` (first and last day of whole months).
pub(super) fn sums(
    conn: &Connection,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT key, sum(n) FROM report_rollup_months
          WHERE month >= ?1 AND month <= ?2 GROUP BY key",
    )?;
    let rows = stmt.query_map(params![month(from), month(to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn whole_months_are_those_inside_the_window_and_before_today() {
        let today = d("2026-12-06");
        assert_eq!(
            whole(d("2026-01-01"), d("2026-12-31"), today),
            Some((d("2026-01-01"), d("2026-11-30")))
        );
        assert_eq!(
            whole(d("2025-01-01"), d("2025-12-31"), today),
            Some((d("2025-01-01"), d("2025-12-31")))
        );
        assert_eq!(
            whole(d("2026-11-01"), d("2026-11-30"), today),
            Some((d("2026-11-01"), d("2026-11-30")))
        );
        assert_eq!(whole(d("2026-12-01"), d("2026-12-31"), today), None);
        assert_eq!(whole(d("2026-10-15"), d("2026-11-29"), today), None);
        assert_eq!(
            whole(d("2026-09-15"), d("2026-11-30"), today),
            Some((d("2026-10-01"), d("2026-11-30")))
        );
        // A window ending today: its month is not whole before today.
        assert_eq!(
            whole(d("2026-11-01"), d("2026-11-30"), d("2026-11-30")),
            None
        );
        assert_eq!(
            whole(d("2026-11-01"), d("2026-12-01"), d("2026-12-01")),
            Some((d("2026-11-01"), d("2026-11-30")))
        );
    }
}
