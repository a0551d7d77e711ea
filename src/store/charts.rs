//! Figures for the leader's charts: intake by week, by category, by
//! channel, and what is overdue by department. Each from an index range or
//! one grouped scan of the weeks shown.

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;

use super::{Result, Store};
use crate::domain::types::Channel;

/// One week of intake: 批次 (cases) and 人次 (people).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    /// Its Monday.
    pub start: NaiveDate,
    pub batches: i64,
    pub people: i64,
}

#[derive(Debug, Clone, Default)]
pub struct Charts {
    /// Oldest first, the current week last.
    pub weeks: Vec<Week>,
    /// Over the weeks shown, most first.
    pub by_category: Vec<(String, i64)>,
    pub by_channel: Vec<(Channel, i64)>,
    /// Cases overdue today, by handling department (None: not assigned).
    pub overdue_by_department: Vec<(Option<String>, i64)>,
}

impl Store {
    /// Unix seconds of the office-local midnight starting `day`.
    fn midnight(&self, day: NaiveDate) -> i64 {
        day.and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(self.office.policy.utc_offset).single())
            .map_or(0, |t| t.timestamp())
    }

    /// The last `weeks` weeks up to the one holding `today`.
    pub fn charts(&self, today: NaiveDate, weeks: u32) -> Result<Charts> {
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        let first = monday - Duration::weeks(i64::from(weeks.saturating_sub(1)));
        let mut week_stmt = self.conn.prepare_cached(
            "SELECT count(*), coalesce(sum(people), 0) FROM cases
             WHERE received_at >= ?1 AND received_at < ?2",
        )?;
        let mut out = Charts::default();
        for k in 0..weeks {
            let start = first + Duration::weeks(i64::from(k));
            let (batches, people) = week_stmt.query_row(
                params![
                    self.midnight(start),
                    self.midnight(start + Duration::weeks(1))
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            out.weeks.push(Week {
                start,
                batches,
                people,
            });
        }
        let (from, to) = (
            self.midnight(first),
            self.midnight(monday + Duration::weeks(1)),
        );
        let mut stmt = self.conn.prepare_cached(
            "SELECT category, count(*) FROM cases WHERE received_at >= ?1 AND received_at < ?2
             GROUP BY category ORDER BY 2 DESC, 1",
        )?;
        out.by_category = stmt
            .query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT channel, count(*) FROM cases WHERE received_at >= ?1 AND received_at < ?2
             GROUP BY channel ORDER BY 2 DESC, 1",
        )?;
        let channels = stmt
            .query_map(params![from, to], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.by_channel = channels
            .into_iter()
            .filter_map(|(c, n)| Channel::from_code(&c).map(|c| (c, n)))
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT department, count(*) FROM cases WHERE next_due < ?1
             GROUP BY department ORDER BY 2 DESC, 1",
        )?;
        out.overdue_by_department = stmt
            .query_map(params![today.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }
}
