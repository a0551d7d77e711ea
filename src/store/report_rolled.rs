//! The statistics report from the rollups (`rollup.rs`; the design: `domain::stats::rollup`):
//! the flows of each window summed from its days' rows; the stocks at its end (overdue at
//! the cut-off, supervised in it) counted from the spans and orders kept per case
//! (`stocks.rs`, `report_lists.rs`), the lists as a count and their first page; and
//! 初信初访 counted from its own index (`first_time_counts.rs`: whether a case was closed at
//! once depends on later cases, so it is no flow; the next case's receipt is kept on it).

use chrono::{Days, NaiveDate};

use super::{Result, Store, rollup};
use crate::domain::rules::Rules;
use crate::domain::stats::{self, Period, Report, Rolled};

impl Store {
    /// [`Store::report`] where the rollups are kept under the office's rules.
    pub(super) fn report_rolled(
        &self,
        period: Period,
        today: NaiveDate,
        top: usize,
        rules: &Rules,
        listed: usize,
    ) -> Result<Report> {
        let periods = period.compared(today);
        let windows = periods.map(|p| (p.start, p.end));
        // One read transaction: the sums, the cases and the labels of one snapshot.
        let tx = self.conn.unchecked_transaction()?;
        let steps = self.step_events(&windows)?;
        // Reached only where the stocks are kept by day (schema 34, `stocks_kept`), so
        // the next case's receipt is kept too (schema 30): 初信初访 from its index.
        let mut rolled: [Rolled; 3] = Default::default();
        for (r, p) in rolled.iter_mut().zip(&periods) {
            let received = (self.instant(p.start), self.instant_after(p.end));
            *r = rollup::rolled(&self.conn, (p.start, p.end), received, today, rules)?;
            r.stocks = Some(self.stocks_at(p, p.end.min(today))?);
            r.first_time = Some(self.first_time_counts(p, rules)?);
        }
        let mut report = stats::report_rolled(&[], &steps, &rolled, period, rules, today, top);
        self.first_pages(&mut report, listed)?;
        tx.finish()?;
        Ok(report)
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
