//! The report's stocks and its listed cases from the tables `stocks.rs` keeps: the figures
//! by SQL aggregates over their indexes, the lists (overdue at the cut-off, supervised in
//! the period) as a count and one page at a time, each as its reader may see them
//! (`sight.rs`). Where the rollups are not kept under the office's rules, the whole report
//! is counted case by case and the page cut from it.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use super::stock_rows::day_number;
use super::{Result, Store, StoreError, facts, rollup};
use crate::domain::stats::{
    self, CaseFacts, DEFAULT_TOP, OverdueItem, Period, Report, Stocks, SupervisedItem, local_day,
};
use crate::domain::types::{State, SuperviseGround};

/// The spans overdue at cut-off day `?1`.
const OVERDUE_AT: &str = "SELECT case_id, due, ord, clock, start, state FROM report_overdue
                           WHERE to_day > ?1 AND from_day <= ?1";

impl Store {
    /// The stocks of period `p` (overdue at `cutoff`, supervised in it) from the tables,
    /// every case counted (the figures are the office's).
    pub(super) fn stocks_at(&self, p: &Period, cutoff: NaiveDate) -> Result<Stocks> {
        let mut s = self.overdue_at(day_number(cutoff))?;
        (s.orders, s.supervised_states) = self.ordered_in(p)?;
        Ok(s)
    }

    /// The 督办 orders given in period `p` and the cases that got them by their state now,
    /// every case counted: the sums of the window's days (migration 0032), less, for a
    /// case ordered more than once in it, each order after its first there (few).
    fn ordered_in(&self, p: &Period) -> Result<(u64, Vec<(State, u64)>)> {
        let (a, b) = (unix_day(p.start), unix_day(p.end));
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, sum(n) FROM report_supervision_days
              WHERE day >= ?1 AND day <= ?2 GROUP BY key",
        )?;
        let sums: Vec<(String, i64)> = stmt
            .query_map([a, b], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let again: Vec<(String, i64)> = self
            .conn
            .prepare_cached(
                "SELECT state, count(*) FROM report_supervision INDEXED BY report_supervision_again
                  WHERE prev_day IS NOT NULL AND prev_day >= ?1 AND day <= ?2 GROUP BY state",
            )?
            .query_map([a, b], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let damaged = |k: &str| StoreError::Damaged(format!("report_supervision_days {k:?}"));
        let mut orders = 0;
        let mut states: Vec<(State, u64)> = Vec::new();
        for (key, n) in sums {
            if key == super::stock_days::ORDERS {
                orders = count(n);
                continue;
            }
            let code =
                (key.strip_prefix(super::stock_days::ORDERED_IN)).ok_or_else(|| damaged(&key))?;
            let state = State::from_code(code).ok_or_else(|| damaged(&key))?;
            let later = again.iter().find(|x| x.0 == code).map_or(0, |x| x.1);
            let n = count(n - later);
            if n > 0 {
                states.push((state, n));
            }
        }
        Ok((orders, states))
    }

    /// The overdue part of the stocks at cut-off day `c`: the sums of the day changes of
    /// days ≤ `c` (migration 0032, `domain::stats::overdue_days`), a few thousand rows
    /// however many cases are overdue.
    fn overdue_at(&self, c: i64) -> Result<Stocks> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, sum(n) FROM report_overdue_days WHERE day <= ?1 GROUP BY key",
        )?;
        let sums: Vec<(String, i64)> = stmt
            .query_map([c], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        stats::stocks_from_sums(&sums)
            .ok_or_else(|| StoreError::Damaged("report_overdue_days".to_owned()))
    }

    /// How many cases are overdue at the cut-off of `period` as the reader may see them,
    /// and `limit` of them from `offset`, longest overdue first (then by id).
    pub fn report_overdue_page(
        &self,
        period: Period,
        today: NaiveDate,
        offset: usize,
        limit: usize,
    ) -> Result<(u64, Vec<OverdueItem>)> {
        let rules = self.office.rules(&[], &[]);
        if let Some(r) = self.unkept_whole(&rules, period, today)? {
            return Ok(page_of(r.overdue_count, r.overdue_items, offset, limit));
        }
        let cutoff = period.end.min(today);
        let c = day_number(cutoff);
        let tx = self.snapshot()?;
        let total = self.overdue_total(c)?;
        let rows = self.overdue_first(c, offset + limit)?;
        let rows: Vec<(i64, i64, String)> = rows.into_iter().skip(offset).collect();
        let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
        let (by_id, labels) = self.listed_facts(&ids)?;
        if let Some(tx) = tx {
            tx.finish()?;
        }
        let mut items = Vec::with_capacity(rows.len());
        for (id, due, clock) in rows {
            let (Some(f), Some(due)) = (by_id.get(&id), day(due)) else {
                return Err(StoreError::Damaged(format!("report_overdue case {id}")));
            };
            let (case_no, summary) = labels.get(&id).cloned().unwrap_or_default();
            items.push(OverdueItem {
                id,
                case_no,
                state: f.state,
                channel: f.channel,
                received: local_day(f.received_at, &rules),
                department: f.department.as_deref().map(str::to_owned),
                summary,
                clock,
                due,
                days_overdue: (cutoff - due).num_days(),
                urgency: f.urgency,
            });
        }
        Ok((total, items))
    }

    /// How many cases are overdue at cut-off day `c` as the reader may see them: for a
    /// reader who sees all but a few, every case's count from the day changes less the
    /// hidden ones overdue; for another, counted from the spans that hold `c`.
    fn overdue_total(&self, c: i64) -> Result<u64> {
        let Some(hidden) = self.hidden_only() else {
            let (join, seen) = self.seen_join();
            let n: i64 = self
                .conn
                .prepare_cached(&format!(
                    "SELECT count(DISTINCT o.case_id) FROM ({OVERDUE_AT}) o {join} WHERE {seen}"
                ))?
                .query_row([c], |r| r.get(0))?;
            return Ok(count(n));
        };
        let all: u64 = self.overdue_at(c)?.overdue_states.iter().map(|s| s.1).sum();
        let seen = super::hidden::not_in("o.case_", &hidden);
        let gone: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(DISTINCT o.case_id) FROM report_overdue o
                  WHERE NOT ({seen}) AND o.from_day <= ?1 AND o.to_day > ?1"
            ))?
            .query_row([c], |r| r.get(0))?;
        Ok(all.saturating_sub(count(gone)))
    }

    /// The first `n` cases overdue at cut-off day `c` that the reader may see, longest
    /// overdue first (then by id), each with its due day and the clock listed: the spans
    /// walked in order of due day (`report_overdue_due`, migration 0032), stopping at the
    /// end of the due day of the `n`th case, so the longest overdue are found without
    /// reading every span that holds `c`.
    fn overdue_first(&self, c: i64, n: usize) -> Result<Vec<(i64, i64, String)>> {
        let (join, seen) = self.seen_join();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT o.case_id, o.due, o.clock FROM report_overdue o INDEXED BY report_overdue_due
               {join}
              WHERE o.from_day <= ?1 AND o.to_day > ?1 AND {seen}
              ORDER BY o.due, o.ord, o.case_id"
        ))?;
        let mut rows = stmt.query([c])?;
        // A case's first span in this order is its earliest due (of two due the same day,
        // the first clock of the policy), as the listing wants.
        let mut out = first_cases(&mut rows, n, |r| r.get(2))?;
        out.sort_by_key(|r| (r.1, r.0));
        out.truncate(n);
        Ok(out)
    }

    /// How many cases were supervised in `period` as the reader may see them, and `limit`
    /// of them from `offset`, the latest order first (then by id), each with its latest
    /// order in the period (the last given of a day) and the number of its orders.
    pub fn report_supervised_page(
        &self,
        period: Period,
        today: NaiveDate,
        offset: usize,
        limit: usize,
    ) -> Result<(u64, Vec<SupervisedItem>)> {
        let rules = self.office.rules(&[], &[]);
        if let Some(r) = self.unkept_whole(&rules, period, today)? {
            return Ok(page_of(
                r.supervised_count,
                r.supervised_items,
                offset,
                limit,
            ));
        }
        let (a, b) = (unix_day(period.start), unix_day(period.end));
        let tx = self.snapshot()?;
        let total = self.supervised_total(&period)?;
        let first = self.supervised_first(a, b, offset + limit)?;
        let mut rows: Vec<(i64, u32, i64, String, String)> = Vec::new();
        let mut order = self.conn.prepare_cached(
            "SELECT at, ground, feedback_by,
                    (SELECT count(*) FROM report_supervision
                      WHERE case_id = ?1 AND day >= ?3 AND day <= ?4)
               FROM report_supervision WHERE case_id = ?1 AND seq = ?2",
        )?;
        for (id, _, seq) in first.into_iter().skip(offset) {
            let (at, ground, feedback_by, orders) = order
                .query_row(params![id, seq, a, b], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?;
            rows.push((id, orders, at, ground, feedback_by));
        }
        let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
        let (by_id, labels) = self.listed_facts(&ids)?;
        if let Some(tx) = tx {
            tx.finish()?;
        }
        let mut items = Vec::with_capacity(rows.len());
        for (id, orders, at, ground, feedback_by) in rows {
            let damaged = || StoreError::Damaged(format!("report_supervision case {id}"));
            let f = by_id.get(&id).ok_or_else(damaged)?;
            let ground = SuperviseGround::from_code(&ground).ok_or_else(damaged)?;
            let feedback_by = feedback_by.parse().map_err(|_| damaged())?;
            let (case_no, summary) = labels.get(&id).cloned().unwrap_or_default();
            items.push(SupervisedItem {
                id,
                case_no,
                state: f.state,
                department: f.department.as_deref().map(str::to_owned),
                summary,
                supervised: local_day(at, &rules),
                ground,
                feedback_by,
                orders,
            });
        }
        Ok((total, items))
    }

    /// How many cases were ordered in `p` as the reader may see them: for a reader who
    /// sees all but a few, the figure less the hidden ones ordered; for another, counted
    /// from the orders.
    fn supervised_total(&self, p: &Period) -> Result<u64> {
        let (a, b) = (unix_day(p.start), unix_day(p.end));
        let in_window = "o.day >= ?1 AND o.day <= ?2";
        let Some(hidden) = self.hidden_only() else {
            let (join, seen) = self.seen_join();
            let n: i64 = self
                .conn
                .prepare_cached(&format!(
                    "SELECT count(DISTINCT o.case_id) FROM report_supervision o {join}
                      WHERE {in_window} AND {seen}"
                ))?
                .query_row([a, b], |r| r.get(0))?;
            return Ok(count(n));
        };
        let all: u64 = self.ordered_in(p)?.1.iter().map(|s| s.1).sum();
        let seen = super::hidden::not_in("o.case_", &hidden);
        let gone: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(DISTINCT o.case_id) FROM report_supervision o
                  WHERE NOT ({seen}) AND {in_window}"
            ))?
            .query_row([a, b], |r| r.get(0))?;
        Ok(all.saturating_sub(count(gone)))
    }

    /// The first `n` cases ordered in days `a..=b` that the reader may see, the latest
    /// order first (then by id), each with the day and seq of its latest order there.
    fn supervised_first(&self, a: i64, b: i64, n: usize) -> Result<Vec<(i64, i64, i64)>> {
        let (join, seen) = self.seen_join();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT o.case_id, o.day, o.seq
               FROM report_supervision o INDEXED BY report_supervision_day {join}
              WHERE o.day >= ?1 AND o.day <= ?2 AND {seen}
              ORDER BY o.day DESC, o.seq DESC"
        ))?;
        let mut rows = stmt.query([a, b])?;
        let mut out = first_cases(&mut rows, n, |r| r.get(2))?;
        out.sort_by_key(|r| (std::cmp::Reverse(r.1), r.0));
        out.truncate(n);
        Ok(out)
    }

    /// The join and condition that keep the cases the reader may see (none when nobody in
    /// particular reads: a count then reads the stock's index alone).
    fn seen_join(&self) -> (&'static str, String) {
        if let Some(hidden) = self.hidden_only() {
            // The few hidden cases by the stock's own column: no case row read.
            return ("", super::hidden::not_in("o.case_", &hidden));
        }
        ("JOIN cases c ON c.id = o.case_id", self.seen_where("c."))
    }

    /// The facts and labels of the listed cases `ids`.
    #[allow(clippy::type_complexity)]
    fn listed_facts(
        &self,
        ids: &[i64],
    ) -> Result<(HashMap<i64, CaseFacts>, HashMap<i64, facts::Label>)> {
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        let read = facts::read(&self.conn, &sorted)?;
        let labels = facts::labels(&self.conn, &sorted)?;
        Ok((read.into_iter().map(|f| (f.id, f)).collect(), labels))
    }

    /// Whether the stocks are kept (with the rollups, under the office's rules).
    pub(super) fn stocks_kept(&self, rules: &crate::domain::rules::Rules) -> Result<bool> {
        // Schema 34 on: the stocks' changes by day (32) and the monthly rollups (34) the
        // rolled report reads (a ledger read as it is, before its upgrade, is counted case
        // by case).
        Ok(facts::present(&self.conn)?
            && rollup::valid(&self.conn, rules)?
            && super::schema::has_column(&self.conn, "report_rollup_months", "n")?)
    }

    /// The whole report counted case by case, where the stocks are not kept under the
    /// office's rules (its lists are cut into pages); `None` where they are.
    fn unkept_whole(
        &self,
        rules: &crate::domain::rules::Rules,
        period: Period,
        today: NaiveDate,
    ) -> Result<Option<Report>> {
        if self.stocks_kept(rules)? {
            return Ok(None);
        }
        Ok(Some(self.report_whole(period, today, DEFAULT_TOP)?))
    }

    /// A read transaction for a count and its page, unless the caller is in one.
    fn snapshot(&self) -> Result<Option<rusqlite::Transaction<'_>>> {
        Ok(if self.conn.is_autocommit() {
            Some(self.conn.unchecked_transaction()?)
        } else {
            None
        })
    }

    /// The first `listed` cases of each list and their counts, as the reader may see them:
    /// what a report made from the rollups holds.
    pub(super) fn first_pages(&self, report: &mut Report, listed: usize) -> Result<()> {
        let (period, today) = (report.period, report.today);
        let (n, page) = self.report_overdue_page(period, today, 0, listed)?;
        (report.overdue_count, report.overdue_items) = (n, page);
        let (n, page) = self.report_supervised_page(period, today, 0, listed)?;
        (report.supervised_count, report.supervised_items) = (n, page);
        Ok(())
    }
}

/// The date of a day number of the tables.
fn day(n: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?)
}

/// `limit` items of a whole list from `offset`, with its count.
fn page_of<T>(count: u64, items: Vec<T>, offset: usize, limit: usize) -> (u64, Vec<T>) {
    (count, items.into_iter().skip(offset).take(limit).collect())
}

/// A count SQLite gave.
fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// Days since 1970-01-01 of `d` (the supervision tables' days, office-local).
fn unix_day(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - 719_163
}

/// The first row of each of the first `n` distinct cases of `rows` (case id, the column
/// they are ordered by, what `rest` reads), read on to the end of the `n`th case's value
/// of that column, so that its ties are all there to be ordered by id.
fn first_cases<T>(
    rows: &mut rusqlite::Rows,
    n: usize,
    rest: impl Fn(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Vec<(i64, i64, T)>> {
    let mut first: HashMap<i64, (i64, T)> = HashMap::new();
    let mut last: Option<i64> = None;
    while let Some(r) = rows.next()? {
        let (id, by): (i64, i64) = (r.get(0)?, r.get(1)?);
        if first.len() >= n && last != Some(by) {
            break;
        }
        if let std::collections::hash_map::Entry::Vacant(e) = first.entry(id) {
            e.insert((by, rest(r)?));
            last = Some(by);
        }
    }
    Ok(first.into_iter().map(|(id, (by, t))| (id, by, t)).collect())
}
