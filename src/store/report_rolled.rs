//! The statistics report from the rollups (`rollup.rs`; the design: `domain::stats::rollup`):
//! the flows of each window summed from its days' rows, and only the cases that can be in a
//! stock at a window's end read and tallied:
//!
//! - not replied to (`replied_on IS NULL`, `case_facts_unreplied`) and received by the
//!   cut-off, or replied to from the day before the cut-off on (`case_facts_by_replied`;
//!   `replied_on` is never before the day served): any other case was replied to by the
//!   cut-off, and nothing after its reply can be overdue but the 办结报告 below;
//! - referrals owing their 办结报告 at the cut-off, and items 交办'd whose body's report was
//!   owed (Art 22 (三)): their clocks run past the reply and the archive;
//! - the cases ever supervised received by the window's end (`case_facts_supervised`):
//!   the supervised cases of a period are counted once each, by their state now;
//! - the first-time cases replied to in the window (初信初访, `again.rs`): whether one was
//!   closed at once depends on later cases, so it is no flow.

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
        let mut rolled: [Rolled; 3] = Default::default();
        for (r, p) in rolled.iter_mut().zip(&periods) {
            let received = (self.instant(p.start), self.instant_after(p.end));
            *r = rollup::rolled(&self.conn, (p.start, p.end), received, today)?;
        }
        let ids = self.stock_ids(&periods, today)?;
        let mut cases: Vec<CaseFacts> = facts::read(&self.conn, &ids)?;
        again::fill(&self.conn, &mut cases)?;
        let mut report =
            stats::report_rolled(&[&cases], &steps, &rolled, period, rules, today, top);
        drop(cases);
        let labels = facts::labels(&self.conn, &report.listed_ids())?;
        tx.finish()?;
        report.fill_listed(|id| labels.get(&id).cloned());
        self.keep_seen_items(&mut report)?;
        Ok(report)
    }

    /// The ids of the cases that can be overdue at a period's cut-off or were supervised
    /// in it (see the module documentation), ascending, each once.
    fn stock_ids(&self, periods: &[Period], today: NaiveDate) -> Result<Vec<i64>> {
        let mut selections = Vec::new();
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        for p in periods {
            let cutoff = p.end.min(today);
            let n = args.len();
            let (by_cutoff, from_day, by_end, from_start) = (n + 1, n + 2, n + 3, n + 4);
            selections.push(format!(
                "SELECT id FROM case_facts WHERE replied_on IS NULL AND received_at < ?{by_cutoff}
                 UNION ALL SELECT id FROM case_facts
                  WHERE replied_on >= ?{from_day} AND received_at < ?{by_cutoff}
                 UNION ALL SELECT id FROM case_facts
                  WHERE superior_due IS NOT NULL AND reported_on IS NULL
                    AND received_at < ?{by_cutoff}
                 UNION ALL SELECT id FROM case_facts
                  WHERE superior_due IS NOT NULL AND reported_on >= ?{from_day}
                    AND received_at < ?{by_cutoff}
                 UNION ALL SELECT id FROM case_facts
                  WHERE outbound IS NOT NULL AND report_received_on IS NULL
                    AND received_at < ?{by_cutoff}
                 UNION ALL SELECT id FROM case_facts
                  WHERE outbound IS NOT NULL AND report_received_on >= ?{from_day}
                    AND received_at < ?{by_cutoff}
                 UNION ALL SELECT id FROM case_facts
                  WHERE supervisions IS NOT NULL AND received_at < ?{by_end}
                 UNION ALL SELECT id FROM case_facts
                  WHERE replied_on >= ?{from_start} AND received_at < ?{by_end}
                    AND NOT linked AND NOT earlier_petitioner"
            ));
            // A date recorded in another offset may be a day off: a day's margin.
            let from = cutoff.checked_sub_days(Days::new(1)).unwrap_or(cutoff);
            args.push(self.instant_after(cutoff).into());
            args.push(from.to_string().into());
            args.push(self.instant_after(p.end).into());
            // 初信初访 (`again.rs`): the first-time cases served in the window.
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
    fn instant(&self, d: NaiveDate) -> i64 {
        let offset = self.office.policy.utc_offset;
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(offset).single())
            .map_or(i64::MIN, |t| t.timestamp())
    }

    /// Unix seconds of the end of office-local day `d` (the next one's start).
    fn instant_after(&self, d: NaiveDate) -> i64 {
        d.checked_add_days(Days::new(1))
            .map_or(i64::MAX, |n| self.instant(n))
    }
}
