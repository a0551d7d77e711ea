//! Figures for the leader's charts: intake by week, by category, by
//! channel, and what is overdue by department. Each from an index range or
//! one grouped scan of the weeks shown.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;

use super::{Result, Store, rollup};
use crate::domain::stats::{FigureKey, Flow, Section, Volume};
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

// Each is answered from a covering index (migrations 0009 and 0041): no case row is read. The weeks
// shown are read once and counted here: three GROUP BYs over them sorted the same 113,000
// index entries three times at 1,000,000 cases (150 ms; one pass: see BENCHMARKS.md).
const RECEIVED: &str = "SELECT received_at, people, category, channel FROM cases
 WHERE received_at >= ?1 AND received_at < ?2";
// The rows of the intake figures the charts show (`domain::stats::rollup`), read from the
// index of those rows alone (migration 0039, whose condition this repeats word for word).
const ROLLED: &str = "SELECT day, key, n FROM report_rollup
 WHERE day >= ?1 AND day < ?2
   AND (key IN ('f:batches', 'f:person_times') OR key LIKE 'n:category:%' OR key LIKE 'c:%')";
const OVERDUE_BY_DEPARTMENT: &str = "SELECT department, count(*) FROM cases
 WHERE next_due < ?1 GROUP BY department ORDER BY 2 DESC, 1";
// The same from the tallies kept as cases are written (migration 0035; '' for none).
const OVERDUE_BY_DEPARTMENT_TALLIED: &str =
    "SELECT nullif(department, ''), sum(n) FROM department_tallies
 WHERE due < ?1 GROUP BY department ORDER BY 2 DESC, 1";

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
        let mut out = Charts::default();
        // Each week's first second, and the end of the last one.
        let mut bounds = Vec::with_capacity(weeks as usize + 1);
        for k in 0..=weeks {
            let start = first + Duration::weeks(i64::from(k));
            bounds.push(self.midnight(start));
            if k < weeks {
                out.weeks.push(Week {
                    start,
                    batches: 0,
                    people: 0,
                });
            }
        }
        let (categories, channels) = if rollup::valid(&self.conn, &self.office.rules(&[], &[]))? {
            self.intake_rolled(first, &mut out.weeks)?
        } else {
            self.intake_counted(&bounds, &mut out.weeks)?
        };
        out.by_category = most_first(categories);
        out.by_channel = most_first(channels)
            .into_iter()
            .filter_map(|(c, n)| Channel::from_code(&c).map(|c| (c, n)))
            .collect();
        let tallied = (self.conn.prepare_cached(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'department_tallies'",
        )?)
        .exists([])?;
        let mut stmt = self.conn.prepare_cached(if tallied {
            OVERDUE_BY_DEPARTMENT_TALLIED
        } else {
            OVERDUE_BY_DEPARTMENT
        })?;
        out.overdue_by_department = stmt
            .query_map(params![today.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }
}

impl Store {
    /// The weeks' intake from the rollups (`rollup.rs`): the days' batches, person-times,
    /// categories and channels, a few thousand rows whatever the ledger's size.
    fn intake_rolled(&self, first: NaiveDate, weeks: &mut [Week]) -> Result<(Counts, Counts)> {
        let end = first + Duration::weeks(weeks.len() as i64);
        let mut stmt = self.conn.prepare_cached(ROLLED)?;
        let mut rows = stmt.query(params![first.to_string(), end.to_string()])?;
        let (mut categories, mut channels) = (Counts::new(), Counts::new());
        while let Some(r) = rows.next()? {
            let day: NaiveDate = r.get::<_, String>(0)?.parse().unwrap_or(NaiveDate::MIN);
            let n: i64 = r.get(2)?;
            let key = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            let week = usize::try_from((day - first).num_weeks()).ok();
            match Flow::parse(key) {
                Some(Flow::Fixed(FigureKey::Batches)) => {
                    if let Some(w) = week.and_then(|k| weeks.get_mut(k)) {
                        w.batches += n;
                    }
                }
                Some(Flow::Fixed(FigureKey::PersonTimes)) => {
                    if let Some(w) = week.and_then(|k| weeks.get_mut(k)) {
                        w.people += n;
                    }
                }
                Some(Flow::Name(Section::Category, name)) => add(&mut categories, name, n),
                Some(Flow::Channel(c, Volume::Batches)) => add(&mut channels, c.code(), n),
                Some(
                    Flow::Fixed(_)
                    | Flow::Channel(..)
                    | Flow::Name(..)
                    | Flow::Uncovered(_)
                    | Flow::Pending(_)
                    | Flow::PendingUncovered(_),
                )
                | None => {}
            }
        }
        Ok((categories, channels))
    }

    /// The weeks' intake counted from the cases' covering index (the rollups not kept).
    fn intake_counted(&self, bounds: &[i64], weeks: &mut [Week]) -> Result<(Counts, Counts)> {
        let (from, to) = (bounds[0], bounds[bounds.len() - 1]);
        let (mut categories, mut channels) = (Counts::new(), Counts::new());
        let mut stmt = self.conn.prepare_cached(RECEIVED)?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let at: i64 = r.get(0)?;
            // The week whose start is the last bound not after `at`.
            let k = bounds.partition_point(|b| *b <= at).saturating_sub(1);
            if let Some(w) = weeks.get_mut(k) {
                w.batches += 1;
                w.people += r.get::<_, i64>(1)?;
            }
            let text = |i: usize| -> Result<&str> {
                Ok(r.get_ref(i)?.as_str().map_err(rusqlite::Error::from)?)
            };
            add(&mut categories, text(2)?, 1);
            add(&mut channels, text(3)?, 1);
        }
        Ok((categories, channels))
    }
}

type Counts = HashMap<String, i64>;

/// `n` more for `key`.
fn add(counts: &mut Counts, key: &str, n: i64) {
    match counts.get_mut(key) {
        Some(m) => *m += n,
        None => {
            counts.insert(key.to_owned(), n);
        }
    }
}

/// Most first, then by name, as the GROUP BY ordered them.
fn most_first(counts: HashMap<String, i64>) -> Vec<(String, i64)> {
    let mut v: Vec<(String, i64)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Office;

    /// Every chart query reads one index and no case row: its cost follows the weeks shown,
    /// not the size of the case documents (2.4 s at 1,000,000 cases when it read the rows).
    #[test]
    fn charts_read_covering_indexes_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(
            &dir.path().join("l.db"),
            Office::builtin(),
            &crate::store::test_ledger::key(),
        )
        .unwrap();
        // ROLLED too: without migration 0039's index it reads every figure's day rows.
        for sql in [RECEIVED, OVERDUE_BY_DEPARTMENT, ROLLED] {
            let mut stmt = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            let args = &[1, 2][..stmt.parameter_count()];
            let plan: Vec<String> = stmt
                .query_map(rusqlite::params_from_iter(args), |r| r.get(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let reads: Vec<&String> = plan.iter().filter(|d| !d.contains("TEMP B-TREE")).collect();
            assert!(
                reads.len() == 1 && reads[0].contains("USING COVERING INDEX"),
                "{sql}: {plan:?}"
            );
        }
    }

    /// Counted in one pass, the charts are what grouping in SQL gives.
    #[test]
    fn one_pass_counts_agree_with_grouping() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 600, 9, false);
        let now = crate::store::test_ledger::now();
        let today = now.date_naive();
        let charts = store.charts(today, 12).unwrap();
        let sql = |q: &str, a: i64, b: i64| -> Vec<(String, i64)> {
            let mut stmt = store.conn.prepare(q).unwrap();
            stmt.query_map(params![a, b], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let mut total = 0;
        for w in &charts.weeks {
            let (a, b) = (
                store.midnight(w.start),
                store.midnight(w.start + Duration::weeks(1)),
            );
            let (n, people): (i64, i64) = store
                .conn
                .query_row(
                    "SELECT count(*), coalesce(sum(people), 0) FROM cases
                      WHERE received_at >= ?1 AND received_at < ?2",
                    params![a, b],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!((w.batches, w.people), (n, people), "{}", w.start);
            total += n;
        }
        assert!(total > 50, "{total}");
        let (a, b) = (
            store.midnight(charts.weeks[0].start),
            store.midnight(charts.weeks[11].start + Duration::weeks(1)),
        );
        let grouped = |col: &str| {
            sql(
                &format!(
                    "SELECT {col}, count(*) FROM cases WHERE received_at >= ?1 AND received_at < ?2
                      GROUP BY {col} ORDER BY 2 DESC, 1"
                ),
                a,
                b,
            )
        };
        assert_eq!(charts.by_category, grouped("category"));
        let channels: Vec<(String, i64)> = charts
            .by_channel
            .iter()
            .map(|(c, n)| (c.code().to_owned(), *n))
            .collect();
        assert_eq!(channels, grouped("channel"));
        // Above from the rollups; the same counted from the cases when they are not kept.
        assert!(rollup::valid(&store.conn, &store.office.rules(&[], &[])).unwrap());
        rollup::forget(&store.conn).unwrap();
        let counted = store.charts(today, 12).unwrap();
        assert_eq!(counted.weeks, charts.weeks);
        assert_eq!(counted.by_category, charts.by_category);
        assert_eq!(counted.by_channel, charts.by_channel);
        // The overdue by department from the tallies the cases' triggers keep (migration
        // 0035), written case by case here, is the grouping of the cases.
        for day in [
            today,
            today - Duration::days(30),
            today + Duration::days(30),
        ] {
            let by = |q: &str| -> Vec<(Option<String>, i64)> {
                let mut stmt = store.conn.prepare(q).unwrap();
                stmt.query_map(params![day.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap()
            };
            let grouped = by(OVERDUE_BY_DEPARTMENT);
            assert!(grouped.len() > 1, "{day}");
            assert_eq!(by(OVERDUE_BY_DEPARTMENT_TALLIED), grouped, "{day}");
        }
        assert_eq!(
            charts.overdue_by_department,
            store.charts(today, 12).unwrap().overdue_by_department
        );
    }
}
