//! 初信初访 of a report window from the index alone (migration 0030): the first-time cases
//! whose reply was served in it, and those closed at once, from each row's served day and
//! the next case's receipt the petitioners' trigger keeps on it (`again_at`). The few rows
//! with repeat items attached are read and judged by the domain's rule; the others are
//! counted by SQLite against the same rule's last instant.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::{Result, Store, StoreError, facts, facts_days};
use crate::domain::rules::Rules;
use crate::domain::stats::{FirstTime, Period, closed_at_once};

/// The window's first-time cases, received by its end (as the case-by-case path reads
/// them): ?1..?2 the served days, ?3 the receipt bound.
const IN_WINDOW: &str =
    "FROM case_facts WHERE served_on >= ?1 AND served_on <= ?2 AND received_at < ?3
    AND NOT linked AND NOT earlier_petitioner AND served_on IS NOT NULL";

impl Store {
    /// 初信初访 in period `p` ([`crate::domain::stats::FirstTime`]).
    pub(super) fn first_time_counts(&self, p: &Period, rules: &Rules) -> Result<FirstTime> {
        let (from, to) = (p.start.to_string(), p.end.to_string());
        let by_end = self.instant_after(p.end);
        // From the counts by served day (migration 0033) unless a case of the window was
        // served before the day it was received: its receipt decides whether it counts.
        if facts_days::valid(&self.conn, rules)? {
            let sums = facts_days::sums(&self.conn, &from, &to)?;
            let n = |k: &str| sums.get(k).copied().unwrap_or(0);
            if n("odd") == 0 {
                let attached = (from.as_str(), to.as_str(), by_end);
                return Ok(FirstTime {
                    closed: n("closed"),
                    once: n("once") + attached_once(&self.conn, attached, rules, true)?,
                });
            }
        }
        // 一次办结: nothing received by the end of the window's last day (served +
        // `first_time_window_days`): unixepoch(served, '+(window + 1) days') is that
        // day's end in UTC; the office's offset brings it to its own midnight.
        let shift = format!(
            "+{} days",
            u64::from(rules.policy.first_time_window_days) + 1
        );
        let offset = i64::from(rules.policy.utc_offset.local_minus_utc());
        let (closed, plain_once): (i64, i64) = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*), count(*) FILTER (WHERE attached IS NULL AND
                        (again_at IS NULL OR again_at >= unixepoch(served_on, ?4) - ?5))
                 {IN_WINDOW}"
            ))?
            .query_row(params![from, to, by_end, shift, offset], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let window = (from.as_str(), to.as_str(), by_end);
        let attached_once = attached_once(&self.conn, window, rules, false)?;
        Ok(FirstTime {
            closed: u64::try_from(closed).unwrap_or(0),
            once: u64::try_from(plain_once).unwrap_or(0) + attached_once,
        })
    }
}

/// Those closed at once among the window's first-time cases with repeat items attached;
/// `indexed`: from their own index (migration 0033, which the planner passes over for the
/// covering one of every first-time case, a walk of the whole window).
fn attached_once(
    conn: &Connection,
    (from, to, by_end): (&str, &str, i64),
    rules: &Rules,
    indexed: bool,
) -> Result<u64> {
    let from_index = if indexed {
        "INDEXED BY case_facts_first_attached"
    } else {
        ""
    };
    let window = IN_WINDOW.replacen("case_facts", &format!("case_facts {from_index}"), 1);
    let sql = format!("SELECT served_on, again_at, attached {window} AND attached IS NOT NULL");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![from, to, by_end], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut once = 0;
    for row in rows {
        let (served, again, attached) = row?;
        let (Ok(served), Some(attached)) = (
            served.parse::<NaiveDate>(),
            facts::decode_attached(Some(&attached)),
        ) else {
            return Err(StoreError::Damaged(format!(
                "case_facts served_on {served:?} or attached {attached:?}"
            )));
        };
        if closed_at_once(served, again.iter().chain(&attached), rules) {
            once += 1;
        }
    }
    Ok(once)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stats::{FigureKey, Key, PeriodKind};
    use crate::store::findings::Table;

    /// Counted from the index, 初信初访 is what tallying the cases gives (some of them not
    /// closed at once), the count reads the index alone, and `check` names a changed row.
    #[test]
    fn the_index_counts_first_time_cases_as_the_cases_do_and_check_names_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 600, 11, false);
        let rules = store.office.rules(&[], &[]);
        let today = crate::store::test_ledger::now().date_naive();
        let (mut closed, mut once) = (0, 0);
        for p in [Period::of(PeriodKind::Month, today), Period::year(2025)] {
            let counted = store.first_time_counts(&p, &rules).unwrap();
            let whole = store.report_whole(p, today, 10).unwrap();
            let figure = |k: FigureKey| {
                let found = whole.figures.iter().find(|f| f.key == Key::Fixed(k));
                found.and_then(|f| f.value.count())
            };
            assert_eq!(
                Some(counted.closed),
                figure(FigureKey::FirstTimeClosed),
                "{p:?}"
            );
            assert_eq!(
                Some(counted.once),
                figure(FigureKey::FirstTimeOnce),
                "{p:?}"
            );
            closed += counted.closed;
            once += counted.once;
        }
        assert!(once > 0 && once < closed, "{once} of {closed}");
        let plan: String = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN SELECT count(*) {IN_WINDOW}"))
            .unwrap()
            .query_map(params!["2025-01-01", "2025-12-31", i64::MAX], |r| {
                r.get::<_, String>(3)
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            plan.contains("COVERING INDEX case_facts_first_time"),
            "{plan}"
        );
        assert!(store.check().unwrap().ok());
        store
            .conn
            .execute(
                "UPDATE case_facts SET again_at = 1 WHERE id = (SELECT min(id) FROM case_facts)",
                [],
            )
            .unwrap();
        let report = store.check().unwrap();
        assert!(
            (report.differences.iter())
                .any(|d| d.table == Table::CaseFacts && d.column == "again_at"),
            "{report:?}"
        );
    }
}
