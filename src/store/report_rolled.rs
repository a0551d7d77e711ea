//! The statistics report from the rollups (`rollup.rs`; the design: `domain::stats::rollup`):
//! the flows of each window summed from its days' rows; the stocks at its end (overdue at
//! the cut-off, supervised in it) counted from the spans and orders kept per case
//! (`stocks.rs`, `report_lists.rs`), the lists as a count and their first page; and
//! 初信初访 counted from its own index (`first_time_counts.rs`: whether a case was closed at
//! once depends on later cases, so it is no flow; the next case's receipt is kept on it).

use chrono::{Days, NaiveDate};
use rusqlite::params_from_iter;

use super::{Result, Store, again, facts, rollup};
use crate::domain::rules::Rules;
use crate::domain::stats::{self, CaseFacts, Period, Report, Rolled};

impl Store {
    /// [`Store::report`] where the rollups are kept under the office's rules.
    pub(super) fn report_rolled(
        &self,
        period: Period,
        today: NaiveDate,
        top: usize,
        rules: &Rules,
    ) -> Result<Report> {
        let periods = [period, period.previous(), period.year_before()];
        let windows = periods.map(|p| (p.start, p.end));
        // One read transaction: the sums, the cases and the labels of one snapshot.
        let tx = self.conn.unchecked_transaction()?;
        let steps = self.step_events(&windows)?;
        // 初信初访 from its index where the next case's receipt is kept (schema 30 on);
        // before that, the first-time cases read and their next cases sought.
        let counted = again::kept(&self.conn)?;
        let mut rolled: [Rolled; 3] = Default::default();
        for (r, p) in rolled.iter_mut().zip(&periods) {
            let received = (self.instant(p.start), self.instant_after(p.end));
            *r = rollup::rolled(&self.conn, (p.start, p.end), received, today)?;
            r.stocks = Some(self.stocks_at(p, p.end.min(today))?);
            if counted {
                r.first_time = Some(self.first_time_counts(p, rules)?);
            }
        }
        let mut cases: Vec<CaseFacts> = Vec::new();
        if !counted {
            cases = facts::read(&self.conn, &self.first_time_ids(&periods)?)?;
            again::fill(&self.conn, &mut cases)?;
        }
        let mut report =
            stats::report_rolled(&[&cases], &steps, &rolled, period, rules, today, top);
        drop(cases);
        self.first_pages(&mut report)?;
        tx.finish()?;
        Ok(report)
    }

    /// The ids of the first-time cases served in the periods (初信初访, `again.rs`: served
    /// from the day before a period's start on, received by its end), ascending, each once.
    fn first_time_ids(&self, periods: &[Period]) -> Result<Vec<i64>> {
        let mut selections = Vec::new();
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        for p in periods {
            let n = args.len();
            let (by_end, from_start) = (n + 1, n + 2);
            selections.push(format!(
                "SELECT id FROM case_facts
                  WHERE replied_on >= ?{from_start} AND received_at < ?{by_end}
                    AND NOT linked AND NOT earlier_petitioner"
            ));
            args.push(self.instant_after(p.end).into());
            // A date recorded in another offset may be a day off: a day's margin.
            let start = p.start.checked_sub_days(Days::new(1)).unwrap_or(p.start);
            args.push(start.to_string().into());
        }
        let mut stmt = self.conn.prepare_cached(&selections.join(" UNION ALL "))?;
        let mut ids: Vec<i64> = stmt
            .query_map(params_from_iter(args), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// Unix seconds of the start of office-local day `d`.
    pub(super) fn instant(&self, d: NaiveDate) -> i64 {
        let offset = self.office.policy.utc_offset;
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(offset).single())
            .map_or(i64::MIN, |t| t.timestamp())
    }

    /// Unix seconds of the end of office-local day `d` (the next one's start).
    pub(super) fn instant_after(&self, d: NaiveDate) -> i64 {
        d.checked_add_days(Days::new(1))
            .map_or(i64::MAX, |n| self.instant(n))
    }
}
