//! The report's rollups (migration 0023; what they count: `domain::stats::rollup`): kept in
//! the transaction of every case write, the old facts row's rows subtracted and the new
//! one's added; made anew in one pass when missing (a new migration, a bulk load) or when
//! the office's rules changed (the fingerprint differs); compared by `check`.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::findings::{CheckReport, Table};
use super::{Result, facts, facts_days, rollup_months, stocks};
use crate::domain::case::Case;
use crate::domain::rules::Rules;
use crate::domain::stats::{self, CaseFacts, Rolled, deltas, fingerprint};

/// (day, key) → amount.
type Rows = BTreeMap<(NaiveDate, String), i64>;

/// Whether the ledger has the tables (schema 23 on).
pub(super) fn present(conn: &Connection) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'report_rollup_rules'",
    )?;
    Ok(stmt.exists([])?)
}

/// The fingerprint of the rules the rows were made under; None: not made (or no table).
fn stored(conn: &Connection) -> Result<Option<String>> {
    if !present(conn)? {
        return Ok(None);
    }
    Ok(conn
        .prepare_cached("SELECT fingerprint FROM report_rollup_rules WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// Whether the rows are made and were made under `rules`.
pub(super) fn valid(conn: &Connection, rules: &Rules) -> Result<bool> {
    Ok(stored(conn)?.is_some_and(|s| s == fingerprint(rules)))
}

/// A case's rows about to change: taken before its facts row is written, finished after.
pub(super) struct Change {
    /// None: the rollups are not kept now (not made, or made under other rules).
    old: Option<Vec<(NaiveDate, String, i64)>>,
}

/// Before the facts row of case `id` is written (`existing`: it has one).
pub(super) fn begin(conn: &Connection, rules: &Rules, id: i64, existing: bool) -> Result<Change> {
    // Not made (a bulk load: no fingerprint to work out for each of its cases).
    let Some(stored) = stored(conn)? else {
        return Ok(Change { old: None });
    };
    if stored != fingerprint(rules) {
        // Rows kept under other rules would mix two calendars: they are made anew.
        forget(conn)?;
        return Ok(Change { old: None });
    }
    let old = if existing {
        facts::read(conn, &[id])?
            .first()
            .map(|f| deltas(f, rules))
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    Ok(Change { old: Some(old) })
}

impl Change {
    /// After the facts row of `case` is written: its rows replace the old ones.
    pub(super) fn finish(self, conn: &Connection, rules: &Rules, case: &Case) -> Result<()> {
        let Some(old) = self.old else {
            return Ok(());
        };
        let mut rows = Rows::new();
        for (day, key, n) in old {
            *rows.entry((day, key)).or_default() -= n;
        }
        let facts = stats::facts(case);
        for (day, key, n) in deltas(&facts, rules) {
            *rows.entry((day, key)).or_default() += n;
        }
        rows.retain(|_, n| *n != 0);
        add(conn, &rows)?;
        stocks::replace(conn, rules, &facts)
    }
}

/// Adds `rows` to the table, dropping rows that come to zero.
fn add(conn: &Connection, rows: &Rows) -> Result<()> {
    let mut up = conn.prepare_cached(
        "INSERT INTO report_rollup (day, key, n) VALUES (?1, ?2, ?3)
         ON CONFLICT (day, key) DO UPDATE SET n = n + excluded.n",
    )?;
    let mut zero =
        conn.prepare_cached("DELETE FROM report_rollup WHERE day = ?1 AND key = ?2 AND n = 0")?;
    for ((day, key), n) in rows {
        let day = day.to_string();
        up.execute(params![day, key, n])?;
        zero.execute(params![day, key])?;
    }
    rollup_months::add(conn, rows)
}

/// Marks the rows as not kept (a bulk load writes without them; `make` follows).
pub(super) fn forget(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM report_rollup_rules", [])?;
    facts_days::forget(conn)
}

/// Every row recomputed from the facts rows, a span of ids at a time, each case's facts
/// also handed to `each` (the stocks, `stocks.rs`, made or checked in the same pass).
fn recompute(
    conn: &Connection,
    rules: &Rules,
    each: &mut impl FnMut(&CaseFacts) -> Result<()>,
) -> Result<Rows> {
    let mut rows = Rows::new();
    let mut ids = conn.prepare("SELECT id FROM case_facts WHERE id > ?1 ORDER BY id LIMIT ?2")?;
    let mut after = i64::MIN;
    loop {
        let span: Vec<i64> = ids
            .query_map(params![after, SPAN], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let Some(&last) = span.last() else {
            return Ok(rows);
        };
        for f in facts::read(conn, &span)? {
            for (day, key, n) in deltas(&f, rules) {
                *rows.entry((day, key)).or_default() += n;
            }
            each(&f)?;
        }
        after = last;
    }
}

/// Facts rows read at a time when the rows are made.
const SPAN: i64 = 50_000;

/// Makes every row anew under `rules`, in the caller's transaction.
pub(super) fn make(conn: &Connection, rules: &Rules) -> Result<()> {
    stocks::clear(conn)?;
    let mut rows = recompute(conn, rules, &mut |f| stocks::put(conn, rules, f))?;
    super::stock_days::make(conn)?;
    rows.retain(|_, n| *n != 0);
    conn.execute("DELETE FROM report_rollup", [])?;
    let mut put =
        conn.prepare_cached("INSERT INTO report_rollup (day, key, n) VALUES (?1, ?2, ?3)")?;
    for ((day, key), n) in &rows {
        put.execute(params![day.to_string(), key, n])?;
    }
    rollup_months::make(conn, &rows)?;
    conn.execute(
        "INSERT INTO report_rollup_rules (id, fingerprint) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint",
        [fingerprint(rules)],
    )?;
    facts_days::make(conn, rules)
}

/// On a writable open: makes the rows when they are missing or made under other rules.
pub(super) fn ensure(conn: &Connection, rules: &Rules) -> Result<()> {
    if !present(conn)? {
        return Ok(());
    }
    if valid(conn, rules)? {
        // The counts by day have a rule of their own (the 一次办结 window).
        return facts_days::ensure(conn, rules);
    }
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    // Another process may have made them while this one waited for the lock.
    if !valid(&tx, rules)? {
        make(&tx, rules)?;
    }
    tx.commit()?;
    Ok(())
}

/// The rows of the days `start..=end`, one per key (summed): pending ones only for days
/// before `today` (see `domain::stats::rollup`), each with a day of the window that counts.
/// Its whole months before `today` are summed from their month rows (`rollup_months.rs`).
pub(super) fn sums(
    conn: &Connection,
    (start, end): (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> Result<Vec<(NaiveDate, String, i64)>> {
    let mut out: BTreeMap<String, (NaiveDate, i64)> = BTreeMap::new();
    let mut add = |key: String, day: NaiveDate, n: i64| {
        let e = out.entry(key).or_insert((day, 0));
        e.0 = e.0.max(day);
        e.1 += n;
    };
    let mut spans = vec![(start, end)];
    if let Some((first, last)) = rollup_months::whole(start, end, today) {
        for (key, n) in rollup_months::sums(conn, (first, last))? {
            add(key, last, n);
        }
        let before = first.pred_opt().unwrap_or(first);
        let after = last.succ_opt().unwrap_or(last);
        spans = vec![(start, before), (after, end)];
    }
    let mut stmt = conn.prepare_cached(
        "SELECT max(day), key, sum(n) FROM report_rollup
          WHERE day >= ?1 AND day <= ?2 AND (substr(key, 1, 1) <> 'p' OR day < ?3)
          GROUP BY key",
    )?;
    for (a, b) in spans.into_iter().filter(|(a, b)| a <= b) {
        let rows = stmt.query_map(
            params![a.to_string(), b.to_string(), today.to_string()],
            |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)),
        )?;
        for row in rows {
            let (day, key, n): (String, String, i64) = row?;
            let day = day
                .parse()
                .map_err(|_| super::StoreError::Damaged(format!("report_rollup day {day:?}")))?;
            add(key, day, n);
        }
    }
    Ok(out
        .into_iter()
        .map(|(key, (day, n))| (day, key, n))
        .collect())
}

/// The rows of a window, with its repeat count (`case_facts_repeat`): what
/// `stats::report_rolled` adds.
pub(super) fn rolled(
    conn: &Connection,
    days: (NaiveDate, NaiveDate),
    received: (i64, i64),
    today: NaiveDate,
    rules: &Rules,
) -> Result<Rolled> {
    // By office-local receipt day (migration 0033) where those counts are kept.
    let repeat = if facts_days::valid(conn, rules)? {
        let (from, to) = (days.0.to_string(), days.1.to_string());
        facts_days::sums(conn, &from, &to)?
            .get("repeat")
            .copied()
            .unwrap_or(0)
    } else {
        let n: i64 = conn
            .prepare_cached(
                "SELECT count(*) FROM case_facts
                  WHERE received_at >= ?1 AND received_at < ?2 AND (linked OR earlier_petitioner)",
            )?
            .query_row(params![received.0, received.1], |r| r.get(0))?;
        u64::try_from(n).unwrap_or(0)
    };
    Ok(Rolled {
        rows: sums(conn, days, today)?,
        repeat,
        stocks: None,
        first_time: None,
    })
}

/// `check`: the rows against a recomputation from the facts rows (which `facts::check`
/// holds to the documents), where they are kept under the office's rules.
pub(super) fn check(conn: &Connection, rules: &Rules, report: &mut CheckReport) -> Result<()> {
    if !valid(conn, rules)? {
        return Ok(());
    }
    let mut stocks = stocks::Expected::default();
    let want = match recompute(conn, rules, &mut |f| {
        stocks.add(f, rules);
        Ok(())
    }) {
        Ok(want) => want,
        // A facts row that does not read: the check of the cases names it.
        Err(super::StoreError::Damaged(_)) => return Ok(()),
        Err(e) => return Err(e),
    };
    let mut stmt = conn.prepare("SELECT day, key, n FROM report_rollup")?;
    let mut found: HashMap<(String, String), i64> = stmt
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rollup_months::check(conn, &want, report)?;
    // A row missing or extra is named as a row; one with another amount by its `n`.
    let mut differ = |day: String, key: String, column: &str, expected: i64, found: i64| {
        let (expected, found) = (expected.to_string(), found.to_string());
        report.differ(
            Table::ReportRollup,
            format!("{day} {key}"),
            column,
            expected,
            found,
        );
    };
    for ((day, key), n) in want {
        let day = day.to_string();
        match found.remove(&(day.clone(), key.clone())) {
            Some(got) if got == n => {}
            Some(got) => differ(day, key, "n", n, got),
            None => differ(day, key, "(row)", n, 0),
        }
    }
    let mut left: Vec<((String, String), i64)> = found.into_iter().collect();
    left.sort();
    for ((day, key), n) in left {
        differ(day, key, "(row)", 0, n);
    }
    stocks.compare(conn, report)?;
    facts_days::check(conn, rules, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stats::{Period, report_parts};

    /// Kept case by case or made at the end of a bulk load, the rollups give the figures
    /// that counting the cases gives, and `check` names a row changed behind their back.
    #[test]
    fn rollups_give_the_recount_s_figures_and_check_names_a_changed_row() {
        for bulk in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 400, 7, bulk);
            let rules = store.office.rules(&[], &[]);
            assert!(valid(&store.conn, &rules).unwrap(), "{bulk}");
            let today = crate::store::test_ledger::now().date_naive();
            let month = Period::of(crate::domain::stats::PeriodKind::Month, today);
            for period in [
                month,
                month.previous(),
                month.year_before(),
                Period::year(2026),
            ] {
                let rolled = store.report(period, today, 10).unwrap();
                let windows = period.compared(today).map(|p| (p.start, p.end));
                let facts = store.report_facts(&windows).unwrap();
                let steps = store.step_events(&windows).unwrap();
                let mut counted = report_parts(&[&facts], &steps, period, &rules, today, 10);
                // 领导阅批率 is counted from the letters on both paths (`signed.rs`).
                store.add_letters(&mut counted).unwrap();
                assert_eq!(rolled.figures, counted.figures, "{bulk} {period:?}");
                assert_eq!(
                    rolled.listed_ids(),
                    counted.listed_ids(),
                    "{bulk} {period:?}"
                );
            }
            assert!(store.check().unwrap().ok(), "{bulk}");
            store
                .conn
                .execute(
                    "UPDATE report_rollup SET n = n + 1
                      WHERE (day, key) = (SELECT day, key FROM report_rollup LIMIT 1)",
                    [],
                )
                .unwrap();
            let report = store.check().unwrap();
            assert!(
                report
                    .differences
                    .iter()
                    .any(|d| d.table == Table::ReportRollup && d.column == "n"),
                "{report:?}"
            );
            // A stock row whose case's state is not the case's now (migration 0031).
            store
                .conn
                .execute(
                    "UPDATE report_overdue SET state = 'archived'
                      WHERE case_id = (SELECT min(case_id) FROM report_overdue)",
                    [],
                )
                .unwrap();
            let report = store.check().unwrap();
            assert!(
                (report.differences.iter()).any(|d| d.table == Table::ReportOverdue),
                "{report:?}"
            );
            // A day change of the overdue stocks that its spans do not make (migration 0032).
            store
                .conn
                .execute(
                    "UPDATE report_overdue_days SET n = n + 1
                      WHERE (key, day) = (SELECT key, day FROM report_overdue_days LIMIT 1)",
                    [],
                )
                .unwrap();
            let report = store.check().unwrap();
            assert!(
                (report.differences.iter()).any(|d| d.table == Table::ReportOverdueDays),
                "{report:?}"
            );
        }
    }
}
