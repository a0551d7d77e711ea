//! The report's stocks and its listed cases from the tables `stocks.rs` keeps: the figures
//! by SQL aggregates over their indexes, the lists (overdue at the cut-off, supervised in
//! the period) as a count and one page at a time, each as its reader may see them
//! (`sight.rs`). Where the rollups are not kept under the office's rules, the whole report
//! is counted case by case and the page cut from it.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::params;

use super::stocks::day_number;
use super::{Result, Store, StoreError, facts, rollup};
use crate::domain::stats::{
    CaseFacts, DEFAULT_TOP, LIST_PAGE, OUTBOUND_CLOCK, OverdueItem, Period, Report, SUPERIOR_CLOCK,
    Stocks, SupervisedItem, local_day,
};
use crate::domain::types::{State, SuperviseGround};

/// Orders by (day, place among the case's orders) in one integer.
const SEQS: i64 = 1 << 20;
/// Spans by (due day, place of the clock in the policy) in one integer.
const ORDS: i64 = 1 << 10;

/// The spans overdue at cut-off day `?1`.
const OVERDUE_AT: &str = "SELECT case_id, due, ord, clock, start, state FROM report_overdue
                           WHERE to_day > ?1 AND from_day <= ?1";

impl Store {
    /// The stocks of period `p` (overdue at `cutoff`, supervised in it) from the tables,
    /// every case counted (the figures are the office's).
    pub(super) fn stocks_at(&self, p: &Period, cutoff: NaiveDate) -> Result<Stocks> {
        let mut s = self.overdue_at(day_number(cutoff))?;
        let (from, to) = (self.instant(p.start), self.instant_after(p.end));
        s.orders = count(
            self.conn
                .prepare_cached(
                    "SELECT count(*) FROM report_supervision WHERE at >= ?1 AND at < ?2",
                )?
                .query_row([from, to], |r| r.get(0))?,
        );
        s.supervised_states = self.states(
            "SELECT DISTINCT case_id, state FROM report_supervision WHERE at >= ?1 AND at < ?2",
            params![from, to],
        )?;
        Ok(s)
    }

    /// The overdue part of the stocks at cut-off day `c`, from one pass over the spans
    /// that hold it (a stabbing query reads every span ending after `c`: once, not once
    /// per figure): each clock's cases, every case once by its state, the earliest start.
    fn overdue_at(&self, c: i64) -> Result<Stocks> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT clock, case_id, state, start FROM ({OVERDUE_AT})"
        ))?;
        let mut rows = stmt.query([c])?;
        // Small per case (tens of thousands at a million cases): the state as its enum,
        // and the distinct cases only of the two clocks whose figure counts cases.
        let mut clocks: BTreeMap<String, u64> = BTreeMap::new();
        let (mut report_back, mut outbound) = (HashSet::new(), HashSet::new());
        let mut cases: HashMap<i64, State> = HashMap::new();
        let mut earliest: Option<i64> = None;
        while let Some(r) = rows.next()? {
            let (clock, id): (String, i64) = (r.get(0)?, r.get(1)?);
            match clock.as_str() {
                SUPERIOR_CLOCK => report_back.insert(id),
                OUTBOUND_CLOCK => outbound.insert(id),
                _ => false,
            };
            *clocks.entry(clock).or_default() += 1;
            if let std::collections::hash_map::Entry::Vacant(e) = cases.entry(id) {
                let code: String = r.get(2)?;
                let state = State::from_code(&code)
                    .ok_or_else(|| StoreError::Damaged(format!("report_overdue state {code:?}")))?;
                e.insert(state);
            }
            if let Some(start) = r.get::<_, Option<i64>>(3)? {
                earliest = Some(earliest.map_or(start, |e| e.min(start)));
            }
        }
        let mut states: BTreeMap<&str, (State, u64)> = BTreeMap::new();
        for state in cases.into_values() {
            states.entry(state.code()).or_insert((state, 0)).1 += 1;
        }
        Ok(Stocks {
            overdue_states: states.into_values().collect(),
            clocks: clocks.into_iter().collect(),
            report_back: report_back.len() as u64,
            outbound: outbound.len() as u64,
            earliest_start: earliest.and_then(day),
            ..Stocks::default()
        })
    }

    /// The cases `ids` selects (with the state their stock rows carry: migration 0031),
    /// counted by their state now.
    fn states(&self, ids: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<(State, u64)>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT state, count(*) FROM ({ids}) GROUP BY state"
        ))?;
        let rows = stmt.query_map(args, |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (code, n): (String, i64) = row?;
            let n = count(n);
            let state = State::from_code(&code)
                .ok_or_else(|| StoreError::Damaged(format!("report stock state {code:?}")))?;
            out.push((state, n));
        }
        Ok(out)
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
        let (join, seen) = self.seen_join();
        let cases = format!(
            "SELECT case_id, min(due * {ORDS} + ord) AS k, clock FROM ({OVERDUE_AT}) GROUP BY case_id"
        );
        let total: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM ({cases}) o {join} WHERE {seen}"
            ))?
            .query_row([c], |r| r.get(0))?;
        let total = count(total);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT o.case_id, o.k / {ORDS}, o.clock FROM ({cases}) o {join} WHERE {seen}
              ORDER BY o.k / {ORDS}, o.case_id LIMIT ?2 OFFSET ?3"
        ))?;
        let rows: Vec<(i64, i64, String)> = stmt
            .query_map(params![c, limit as i64, offset as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
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
        let (from, to) = (self.instant(period.start), self.instant_after(period.end));
        let offset_secs = i64::from(rules.policy.utc_offset.local_minus_utc());
        let tx = self.snapshot()?;
        let (join, seen) = self.seen_join();
        let orders = "SELECT case_id, seq, at, ground, feedback_by, (at + ?3) / 86400 AS day
                        FROM report_supervision WHERE at >= ?1 AND at < ?2";
        let latest = format!(
            "SELECT case_id, max(day * {SEQS} + seq) AS k, count(*) AS orders FROM ({orders})
              GROUP BY case_id"
        );
        let total: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM ({latest}) o {join} WHERE {seen}"
            ))?
            .query_row([from, to, offset_secs], |r| r.get(0))?;
        let total = count(total);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT o.case_id, o.orders, s.at, s.ground, s.feedback_by
               FROM ({latest}) o JOIN report_supervision s
                 ON s.case_id = o.case_id AND s.seq = o.k % {SEQS} {join}
              WHERE {seen} ORDER BY o.k / {SEQS} DESC, o.case_id LIMIT ?4 OFFSET ?5"
        ))?;
        type Row = (i64, u32, i64, String, String);
        let rows: Vec<Row> = stmt
            .query_map(
                params![from, to, offset_secs, limit as i64, offset as i64],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )?
            .collect::<rusqlite::Result<_>>()?;
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

    /// The join and condition that keep the cases the reader may see (none when nobody in
    /// particular reads: a count then reads the stock's index alone).
    fn seen_join(&self) -> (&'static str, String) {
        match self.seen_where("c.") {
            all if all == "1" => ("", all),
            seen => ("JOIN cases c ON c.id = o.case_id", seen),
        }
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
        // Schema 31 on: the stock rows carry their cases' states (a ledger read as it is,
        // before its upgrade, is counted case by case).
        Ok(facts::present(&self.conn)?
            && rollup::valid(&self.conn, rules)?
            && super::schema::has_column(&self.conn, "report_overdue", "state")?)
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

    /// The first page of each list and their counts, as the reader may see them: what a
    /// report made from the rollups holds.
    pub(super) fn first_pages(&self, report: &mut Report) -> Result<()> {
        let (period, today) = (report.period, report.today);
        let (n, page) = self.report_overdue_page(period, today, 0, LIST_PAGE)?;
        (report.overdue_count, report.overdue_items) = (n, page);
        let (n, page) = self.report_supervised_page(period, today, 0, LIST_PAGE)?;
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
