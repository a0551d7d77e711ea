//! The cases a statistics report needs (`domain::stats`), loaded by index, never the whole
//! ledger: their narrow rows (`case_facts`, `facts.rs`) where the ledger keeps them, else
//! their documents. For each window (a report's period, the one before, the same one a year
//! earlier)
//!
//! - the cases received in it (`cases_by_received`);
//! - the cases received before it and not yet replied to (`cases_by_state_sight`): any event may
//!   still happen to them and a clock may be running or overdue at the window's end;
//! - the cases received before it and replied to since it began (`cases_by_replied`, on
//!   `replied_on`: the later of the day served and the day the reply was recorded);
//! - the cases received before it and archived in it (`cases_by_archived`);
//! - the referrals received before it whose 办结报告 was not sent back before it began
//!   (`case_facts_owing_report`): their superior's clock runs past the reply (Art 22 (三));
//! - the items this office 交办'd before it whose body's 办结报告 had not come back when it
//!   began (`case_facts_owing_outbound`): that clock runs past the reply and the archive.
//!
//! Nothing else can count in a window: after its reply a case only gets a return visit
//! (counted with the reply), the archiving and the 办结报告, and a review opens a new case.
//! The steps counted by their number (催办, 化解…: `stats::COUNTED_STEPS`) are read from the
//! journal by kind and time (`events_by_op`), whatever case they were given on. This assumes
//! the steps of a case were recorded in their order, which the state machine enforces for
//! the steps themselves (an `at` typed for a paper record may still be out of order; such a
//! step counts only when its case is loaded for another reason). For the repeat-petitioner
//! figure the petitioner index answers, for each case received in a window, whether the same
//! person brought an earlier case (`domain::stats::repeat` is the same rule in Rust): kept in
//! the narrow rows as petitioners are written, asked per report from the documents.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, OpenFlags};

use super::{Result, Store, StoreError, again, facts};
use crate::domain::stats::{self, COUNTED_STEPS, CaseFacts, Input, Period, Report, StepEvent};

impl Store {
    /// The statistics report of `period` as the ledger stands on `today`, with the `top` most
    /// complained-about units: from the rollups where they are kept under the office's rules
    /// (`report_rolled.rs`), else the facts of the cases it needs through
    /// [`stats::report_parts`] (on a ledger opened read-only before schema 11, the cases from
    /// [`Store::report_cases`] through [`stats::report`]) under the office's policy and
    /// holiday calendar.
    ///
    /// The lists hold their first page (`stats::LIST_PAGE`) and their counts; the rest come
    /// from [`Store::report_overdue_page`] and [`Store::report_supervised_page`].
    pub fn report(&self, period: Period, today: NaiveDate, top: usize) -> Result<Report> {
        self.report_listing(period, today, top, stats::LIST_PAGE)
    }

    /// As [`Store::report`], its lists holding their first `listed` cases: the desk's report
    /// screen shows a page of 20, and each case listed is read with its label (two pages
    /// of the ledger, at a million cases most of the screen's reads).
    pub fn report_listing(
        &self,
        period: Period,
        today: NaiveDate,
        top: usize,
        listed: usize,
    ) -> Result<Report> {
        let rules = self.office.rules(&[], &[]);
        // A rank to spare for a reader whose own unit's row is then left out (Art 30 第三款):
        // they see as many units as anyone.
        let ranked = top + usize::from(self.viewer().is_some());
        let mut report = if self.stocks_kept(&rules)? {
            self.report_rolled(period, today, ranked, &rules, listed)?
        } else {
            let mut whole = self.report_whole(period, today, ranked)?;
            whole.keep_first(listed);
            whole
        };
        // 领导阅批率 is counted from the letters themselves (`signed.rs`).
        self.add_letters(&mut report)?;
        self.drop_rows_naming_the_viewer(&mut report);
        report.keep_top_targets(top);
        report.ledger_from = self.first_received()?;
        Ok(report)
    }

    /// The office-local day the ledger's first case was received (by the receipts'
    /// index): the report's prose leaves out a comparison with a period before it.
    fn first_received(&self) -> Result<Option<NaiveDate>> {
        let at: Option<i64> =
            (self.conn).query_row("SELECT min(received_at) FROM cases", [], |r| r.get(0))?;
        let offset = self.office.policy.utc_offset;
        Ok(at
            .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
            .map(|t| t.with_timezone(&offset).date_naive()))
    }

    /// As [`Store::report`], counted case by case, with the whole lists (as the reader may
    /// see them): where the rollups are not kept.
    pub(super) fn report_whole(
        &self,
        period: Period,
        today: NaiveDate,
        top: usize,
    ) -> Result<Report> {
        let windows = period.compared(today).map(|p| (p.start, p.end));
        let rules = self.office.rules(&[], &[]);
        if !facts::present(&self.conn)? {
            let loaded = self.report_cases(&windows)?;
            let steps = self.step_events(&windows)?;
            let input = Input {
                cases: &loaded.cases,
                earlier_petitioner: &loaded.earlier_petitioner,
                again: Some(&loaded.again),
                steps: &steps,
            };
            let mut report = stats::report(&input, period, &rules, today, top);
            self.keep_seen_items(&mut report)?;
            return Ok(report);
        }
        // One read transaction: the listed labels from the same snapshot as the facts, and
        // fifty thousand look-ups without taking the lock again for each.
        let tx = self.conn.unchecked_transaction()?;
        let mut second = self.second_reader()?;
        let needed = self.needed_ids(&windows)?;
        let steps = self.step_events(&windows)?;
        let mut parts = split(&self.conn, &mut second, &needed, facts::read)?;
        for part in &mut parts {
            again::fill(&self.conn, part)?;
        }
        let slices: Vec<&[CaseFacts]> = parts.iter().map(Vec::as_slice).collect();
        let mut report = stats::report_parts(&slices, &steps, period, &rules, today, top);
        drop(parts);
        let labels = split(&self.conn, &mut second, &report.listed_ids(), facts::labels)?;
        tx.finish()?;
        let labels: HashMap<i64, facts::Label> = labels.into_iter().flatten().collect();
        report.fill_listed(|id| labels.get(&id).cloned());
        self.keep_seen_items(&mut report)?;
        Ok(report)
    }

    /// The facts of the cases a report over `windows` needs (inclusive office-local dates),
    /// each once, by id: the same cases as [`Store::report_cases`], from the narrow rows.
    pub fn report_facts(&self, windows: &[(NaiveDate, NaiveDate)]) -> Result<Vec<CaseFacts>> {
        let mut read = facts::read(&self.conn, &self.needed_ids(windows)?)?;
        again::fill(&self.conn, &mut read)?;
        Ok(read)
    }

    /// The journal events of the steps the report counts (`stats::COUNTED_STEPS`) in
    /// `windows`, each once: by kind from the index, by time from the instant it records.
    pub fn step_events(&self, windows: &[(NaiveDate, NaiveDate)]) -> Result<Vec<StepEvent>> {
        // `at` is RFC 3339 in the offset it was recorded with (any up to ±23:59): its text
        // sorts by that offset's date, under two days from the office's, so the index
        // range `?4..?5` holds the window and the instants are compared exactly.
        let mut stmt = self.conn.prepare_cached(
            "SELECT unixepoch(at) FROM events
              WHERE op = ?1 AND at >= ?4 AND at < ?5
                AND unixepoch(at) >= ?2 AND unixepoch(at) < ?3",
        )?;
        let mut out = Vec::new();
        for w in self.bounds(windows) {
            for &op in COUNTED_STEPS {
                let args = (op.code(), w.from, w.to, &w.text_from, &w.text_to);
                let rows = stmt.query_map(args, |r| r.get::<_, i64>(0))?;
                for at in rows {
                    out.push(StepEvent { op, at: at? });
                }
            }
        }
        Ok(out)
    }

    /// The ids of the cases a report over `windows` needs, ascending, from the indexes alone.
    fn needed_ids(&self, windows: &[(NaiveDate, NaiveDate)]) -> Result<Vec<i64>> {
        let mut selections = Vec::new();
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        for w in self.bounds(windows) {
            let n = args.len();
            let (from, to, replied) = (n + 1, n + 2, n + 3);
            selections.push(format!(
                "SELECT id FROM case_facts WHERE received_at >= ?{from} AND received_at < ?{to}
                 UNION ALL SELECT id FROM case_facts
                  WHERE state IN ('intake', 'registered', 'assigned') AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE replied_on >= ?{replied} AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE archived_at >= ?{from} AND archived_at < ?{to} AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE attached IS NOT NULL AND received_at >= ?{to}
                 UNION ALL SELECT id FROM case_facts
                  WHERE superior_due IS NOT NULL AND reported_on IS NULL AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE superior_due IS NOT NULL AND reported_on >= ?{replied}
                    AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE outbound IS NOT NULL AND report_received_on IS NULL
                    AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE outbound IS NOT NULL AND report_received_on >= ?{replied}
                    AND received_at < ?{from}"
            ));
            args.push(Box::new(w.from));
            args.push(Box::new(w.to));
            args.push(Box::new(w.replied_from));
        }
        let mut stmt = self.conn.prepare_cached(&selections.join(" UNION ALL "))?;
        let mut ids: Vec<i64> = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// A second read-only connection to the ledger, in a read transaction that sees what
    /// this connection's open transaction sees (the same last journal event: every write
    /// of a case journals it), for reading half the rows on another core; `None` where it
    /// cannot be had.
    fn second_reader(&self) -> Result<Option<Connection>> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let Ok(conn) = super::connect(&self.path, flags, &self.key) else {
            return Ok(None);
        };
        let last = "SELECT coalesce(max(seq), 0) FROM events";
        let mine: i64 = self.conn.query_row(last, [], |r| r.get(0))?;
        let theirs = conn
            .execute_batch("BEGIN")
            .and_then(|()| conn.query_row(last, [], |r| r.get::<_, i64>(0)));
        Ok(theirs.is_ok_and(|t| t == mine).then_some(conn))
    }

    /// The windows merged, as the selections bound them.
    pub(super) fn bounds(&self, windows: &[(NaiveDate, NaiveDate)]) -> Vec<Bounds> {
        let offset = self.office.policy.utc_offset;
        let ts = |d: NaiveDate| {
            d.and_hms_opt(0, 0, 0)
                .and_then(|t| t.and_local_timezone(offset).single())
                .map_or(i64::MIN, |t| t.timestamp())
        };
        merge(windows)
            .into_iter()
            .map(|(start, end)| Bounds {
                from: ts(start),
                to: end.checked_add_days(Days::new(1)).map_or(i64::MAX, ts),
                // `replied_on` is a date in the offset the reply was recorded with: a day's
                // margin covers any offset; the engine counts by exact dates.
                replied_from: start
                    .checked_sub_days(Days::new(1))
                    .unwrap_or(start)
                    .to_string(),
                text_from: start
                    .checked_sub_days(Days::new(2))
                    .map_or_else(|| "0".to_owned(), |d| d.to_string()),
                text_to: end
                    .checked_add_days(Days::new(3))
                    .map_or_else(|| "9".to_owned(), |d| d.to_string()),
            })
            .collect()
    }
}

/// A merged window: unix seconds `[from, to)` of its receipts, and the day from which a
/// reply recorded may count in it.
pub(super) struct Bounds {
    pub(super) from: i64,
    pub(super) to: i64,
    pub(super) replied_from: String,
    /// Two days before the window and three after its end (for texts sorted by the date
    /// of whatever offset they were recorded in: up to a day and a half from the office's).
    pub(super) text_from: String,
    pub(super) text_to: String,
}

/// `read(conn, ids)` for the ascending `ids`, in two halves side by side when there is a
/// `second` connection and enough of them (it moves to the other thread and back).
fn split<T: Send>(
    conn: &Connection,
    second: &mut Option<Connection>,
    ids: &[i64],
    read: fn(&Connection, &[i64]) -> Result<T>,
) -> Result<Vec<T>> {
    let Some(other) = second.take_if(|_| ids.len() >= SPLIT_FROM) else {
        return Ok(vec![read(conn, ids)?]);
    };
    let (mine, theirs) = ids.split_at(ids.len() / 2);
    std::thread::scope(|s| {
        let handle = s.spawn(move || {
            let got = read(&other, theirs);
            (other, got)
        });
        let mine = read(conn, mine);
        let (other, theirs) = handle
            .join()
            .map_err(|_| StoreError::Damaged("a reader thread failed".to_owned()))?;
        *second = Some(other);
        Ok(vec![mine?, theirs?])
    })
}

/// Fewer ids than this are read on one connection: a second costs a few milliseconds.
/// Debug builds (the tests) split from two, so that small ledgers take the same path.
const SPLIT_FROM: usize = if cfg!(debug_assertions) { 2 } else { 20_000 };

/// Windows sorted, with overlapping or adjacent ones joined (a month and the one before are
/// read as one run).
fn merge(windows: &[(NaiveDate, NaiveDate)]) -> Vec<(NaiveDate, NaiveDate)> {
    let mut sorted: Vec<(NaiveDate, NaiveDate)> = windows.to_vec();
    sorted.sort();
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for (s, e) in sorted {
        match out.last_mut() {
            Some((_, last_end)) if last_end.succ_opt().is_some_and(|n| s <= n) => {
                *last_end = (*last_end).max(e);
            }
            _ => out.push((s, e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn windows_merge_when_they_touch() {
        let w = [
            (d("2026-11-01"), d("2026-11-30")),
            (d("2025-11-01"), d("2025-11-30")),
            (d("2026-10-01"), d("2026-10-31")),
        ];
        assert_eq!(
            merge(&w),
            vec![
                (d("2025-11-01"), d("2025-11-30")),
                (d("2026-10-01"), d("2026-11-30"))
            ]
        );
        // A year: the period and the one before touch.
        let y = [
            (d("2026-01-01"), d("2026-12-31")),
            (d("2025-01-01"), d("2025-12-31")),
        ];
        assert_eq!(merge(&y), vec![(d("2025-01-01"), d("2026-12-31"))]);
    }
}
