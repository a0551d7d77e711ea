//! The leader's dashboard: the lists of cases a leader must see on
//! reception day, each from an index, each with its true count
//! (DOMAIN: "Who uses the desk").

use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter};

use super::cases::{self, CaseRef};
use super::queries::{CaseRow, ListFilter};
use super::{Owner, Result, Store, dashboard_counts};
use crate::domain::round::Round;
use crate::domain::types::Role;
use crate::domain::visibility::Sight;

/// A visit of this many people or more is a group visit (集体访).
pub const GROUP_VISIT: u32 = 5;

/// A petitioner with several cases, and how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeater {
    pub name: String,
    pub id_number: String,
    pub cases: i64,
    /// The newest of their cases.
    pub latest: i64,
}

/// How many rows each list has in all: the lists hold only the first
/// `limit`, the titles say the whole (and agree with the header's counts).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub major: i64,
    pub overdue: i64,
    pub due_soon: i64,
    pub awaiting: i64,
    pub owned: i64,
    pub today: i64,
    pub groups: i64,
    pub repeaters: i64,
    pub flagged: i64,
}

#[derive(Debug, Clone, Default)]
pub struct Dashboard {
    /// 重大紧急, still open: pinned on top.
    pub major: Vec<CaseRow>,
    /// Longest overdue first.
    pub overdue: Vec<CaseRow>,
    /// Soonest first.
    pub due_soon: Vec<CaseRow>,
    /// 待批示: an opinion waits for the leader's instruction.
    pub awaiting: Vec<CaseRow>,
    /// 包案: the leader's own cases.
    pub owned: Vec<CaseRow>,
    pub today: Vec<CaseRow>,
    /// Open group visits, newest first.
    pub groups: Vec<CaseRow>,
    pub repeaters: Vec<Repeater>,
    pub totals: Totals,
    /// 矛盾纠纷排查: the units that have not reported this round (neither an entry nor a
    /// 零报告), with the round.
    pub unreported: Option<(Round, Vec<String>)>,
    /// 重点信访人, newest flag first (empty for a reader who may not see flags).
    pub flagged: Vec<crate::domain::flags::PersonFlag>,
}

/// One list of the dashboard: a condition on `cases` and its arguments.
struct Cond {
    sql: String,
    args: Vec<SqlValue>,
}

impl Cond {
    fn new(sql: impl Into<String>) -> Cond {
        Cond {
            sql: sql.into(),
            args: Vec::new(),
        }
    }

    fn with(mut self, arg: impl Into<SqlValue>) -> Cond {
        self.args.push(arg.into());
        self
    }

    /// The open cases `leader` owns (包案), from `cases_owned_open` (migration 26).
    fn owned(leader: &str) -> Cond {
        let owner = Owner::Leader.column();
        Cond::new(format!("{owner} = ?1 AND state <> 'archived'")).with(leader.to_owned())
    }
}

impl Store {
    /// The first `limit` of the cases that meet `cond`, newest first or, for what waits on
    /// the leader, oldest first (a trial found 待批示 waiting 190 days at the list's foot).
    fn open_where(
        &self,
        cond: &Cond,
        (limit, newest): (usize, bool),
        today: NaiveDate,
    ) -> Result<Vec<CaseRow>> {
        let order = if newest { "DESC" } else { "ASC" };
        let sql = format!(
            "SELECT id FROM cases WHERE {} AND {} ORDER BY received_at {order}, id {order} LIMIT {}",
            cond.sql,
            self.seen_where(""),
            limit.max(1)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(params_from_iter(&cond.args), |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        self.rows_by_id(&ids, today)
    }

    /// How many cases the reader may see meet `cond` (from the same index).
    fn count_where(&self, cond: &Cond) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(&self.count_sql(cond))?
            .query_row(params_from_iter(&cond.args), |r| r.get(0))?)
    }

    fn count_sql(&self, cond: &Cond) -> String {
        format!(
            "SELECT count(*) FROM cases WHERE {} AND {}",
            cond.sql,
            self.seen_where("")
        )
    }

    /// The first `limit` rows and the count of `cond`.
    fn part(&self, cond: &Cond, limit: usize, today: NaiveDate) -> Result<(Vec<CaseRow>, i64)> {
        Ok((
            self.open_where(cond, (limit, true), today)?,
            self.count_where(cond)?,
        ))
    }

    /// As [`Store::part`] for a list whose count is kept (`dashboard_counts.rs`) as `what`.
    fn kept_part(
        &self,
        what: &str,
        cond: &Cond,
        limit: usize,
        today: NaiveDate,
    ) -> Result<(Vec<CaseRow>, i64)> {
        let count = match self.kept_count((what, &cond.sql), &cond.args)? {
            Some(n) => n,
            None => self.count_where(cond)?,
        };
        // What waits on the leader (重大紧急, 待批示, 集体访, 包案): the longest waiting first.
        Ok((self.open_where(cond, (limit, false), today)?, count))
    }

    /// The cases with a running clock overdue (`None`) or due within
    /// `Some(days)`, soonest first: the first `limit` and how many.
    fn clocked(
        &self,
        within: Option<u32>,
        limit: usize,
        today: NaiveDate,
    ) -> Result<(Vec<CaseRow>, i64)> {
        let f = ListFilter {
            overdue: within.is_none(),
            due_within: within,
            limit,
            ..ListFilter::default()
        };
        let rows = self.list(&f, today)?.into_iter().map(|(r, _)| r).collect();
        // From the tallies of cases by next due day (migration 29), as the queue counts.
        let day = today.to_string();
        let count = match within {
            None => self.count_overdue(&day)?,
            Some(days) => self.count_due(today, today + chrono::Duration::days(days.into()))?,
        };
        Ok((rows, count))
    }

    /// The dashboard of `leader` on `today`; `due_soon_days` is the policy's
    /// horizon in days; at most `limit` cases a list, with every list's count.
    pub fn dashboard(
        &self,
        leader: &str,
        today: NaiveDate,
        due_soon_days: u32,
        limit: usize,
    ) -> Result<Dashboard> {
        let offset = self.office.policy.utc_offset;
        let start = today
            .and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(offset).single())
            .map_or(0, |t| t.timestamp());
        let part = |cond: Cond| self.part(&cond, limit, today);
        let kept = |(what, sql): (&str, &str)| self.kept_part(what, &Cond::new(sql), limit, today);
        let (major, n_major) = kept(dashboard_counts::MAJOR)?;
        let (overdue, n_overdue) = self.clocked(None, limit, today)?;
        let (due_soon, n_due_soon) = self.clocked(Some(due_soon_days), limit, today)?;
        let (awaiting, n_awaiting) = kept(dashboard_counts::AWAITING)?;
        let owned_what = dashboard_counts::owned(leader);
        let (owned, n_owned) = self.kept_part(&owned_what, &Cond::owned(leader), limit, today)?;
        let (received, n_today) = part(
            Cond::new("received_at >= ?1 AND received_at < ?2")
                .with(start)
                .with(start + 86_400),
        )?;
        let (groups, n_groups) = kept(dashboard_counts::GROUPS)?;
        let (repeaters, n_repeaters) = self.counted_repeaters(limit)?;
        let mut flagged = self.flags()?;
        let n_flagged = i64::try_from(flagged.len()).unwrap_or(i64::MAX);
        flagged.truncate(limit);
        let totals = Totals {
            major: n_major,
            overdue: n_overdue,
            due_soon: n_due_soon,
            awaiting: n_awaiting,
            owned: n_owned,
            today: n_today,
            groups: n_groups,
            repeaters: n_repeaters,
            flagged: n_flagged,
        };
        Ok(Dashboard {
            major,
            overdue,
            due_soon,
            awaiting,
            owned,
            today: received,
            groups,
            repeaters,
            totals,
            unreported: self.unreported(today)?,
            flagged,
        })
    }

    /// The units that have not reported in the round holding `today` (None: every one has).
    fn unreported(&self, today: NaiveDate) -> Result<Option<(Round, Vec<String>)>> {
        let (round, units) = self.screening_round(today)?;
        let missing: Vec<String> = units
            .into_iter()
            .filter(|u| !u.reported())
            .map(|u| u.unit)
            .collect();
        Ok((!missing.is_empty()).then_some((round, missing)))
    }

    /// Petitioners with more than one case, most cases first (by ID number:
    /// a name alone is too common). A person is named once per case, so
    /// the rows of an ID number are its cases. Read from `person_counts`,
    /// which a trigger keeps as petitioners are written (migration 0008).
    pub fn repeaters(&self, limit: usize) -> Result<Vec<Repeater>> {
        Ok(self.counted_repeaters(limit)?.0)
    }

    /// The first `limit` repeat petitioners and how many there are as the reader may see
    /// them (the title of the dashboard's list).
    fn counted_repeaters(&self, limit: usize) -> Result<(Vec<Repeater>, i64)> {
        let seen = self.seen_where("c.");
        if seen != "1" {
            return self.seen_repeaters(&seen, limit);
        }
        let total = self.repeaters_total()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, id_number, cases, latest FROM person_counts
             WHERE cases > 1 ORDER BY cases DESC, latest DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map(params![limit as i64], |r| {
            Ok(Repeater {
                name: r.get(0)?,
                id_number: r.get(1)?,
                cases: r.get(2)?,
                latest: r.get(3)?,
            })
        })?;
        Ok((rows.collect::<rusqlite::Result<_>>()?, total))
    }

    /// The repeat petitioners as the reader may see them (Art 30 第三款): each counted over
    /// the cases they may see only, so that a hidden accusation neither lists its accuser
    /// nor adds to their count; named 「（保密）」 to a handler one of whose cases hides who
    /// the petitioners are. A handler's candidates are their own cases' petitioners (few);
    /// another reader's the office's top repeaters, most of whose cases they see.
    /// The count is of those found; a leader's candidates are capped, so beyond the cap
    /// it is the office's count (a leader's own accusations are a handful at most).
    fn seen_repeaters(&self, seen: &str, limit: usize) -> Result<(Vec<Repeater>, i64)> {
        let handler = self.viewer().is_some_and(|o| o.role == Role::Handler);
        let candidates = if handler {
            format!(
                "SELECT DISTINCT p.id_number FROM cases c JOIN petitioners p ON p.case_id = c.id
                 WHERE p.id_number IS NOT NULL AND {seen}"
            )
        } else {
            format!(
                "SELECT id_number FROM person_counts WHERE cases > 1
                 ORDER BY cases DESC, latest DESC LIMIT {}",
                limit * 4 + 32
            )
        };
        let candidates = (self.conn.prepare(&candidates)?)
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let capped = !handler && candidates.len() >= limit * 4 + 32;
        let mut cases_of = self.conn.prepare(&format!(
            "SELECT p.case_id, p.name FROM petitioners p JOIN cases c ON c.id = p.case_id
             WHERE p.id_number = ?1 AND {seen} ORDER BY p.case_id DESC"
        ))?;
        let mut out = Vec::new();
        for id_number in candidates {
            let rows = cases_of
                .query_map([&id_number], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut ids: Vec<i64> = rows.iter().map(|(id, _)| *id).collect();
            ids.dedup();
            let Some(&latest) = ids.first().filter(|_| ids.len() > 1) else {
                continue;
            };
            let mut name = rows
                .iter()
                .map(|(_, n)| n.clone())
                .max()
                .unwrap_or_default();
            let mut id_number = id_number;
            if handler && self.masks_any(&ids)? {
                let mark = self
                    .viewer
                    .as_ref()
                    .map(|v| v.mask.clone())
                    .unwrap_or_default();
                (name, id_number) = (mark.clone(), mark);
            }
            out.push(Repeater {
                name,
                id_number,
                cases: ids.len() as i64,
                latest,
            });
        }
        out.sort_by_key(|r| std::cmp::Reverse((r.cases, r.latest)));
        let total = if capped {
            self.repeaters_total()?
        } else {
            out.len() as i64
        };
        out.truncate(limit);
        Ok((out, total))
    }

    /// How many petitioners of the office have more than one case (kept by triggers from
    /// schema 36 on, `dashboard_counts.rs`).
    fn repeaters_total(&self) -> Result<i64> {
        if let Some(n) = dashboard_counts::office(&self.conn, dashboard_counts::REPEATERS)? {
            return Ok(n);
        }
        Ok(self.conn.query_row(
            "SELECT count(*) FROM person_counts WHERE cases > 1",
            [],
            |r| r.get(0),
        )?)
    }

    /// Whether any of cases `ids` hides its petitioners from the reader.
    fn masks_any(&self, ids: &[i64]) -> Result<bool> {
        for id in ids {
            let (case, _) = cases::load(&self.conn, &CaseRef::Id(*id))?;
            if self.sight(&case) == Sight::Masked {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

    /// A leader's open cases are counted from their own index, never by reading each case
    /// the leader ever owned to see whether it is archived.
    #[test]
    fn a_leaders_open_cases_are_counted_from_their_index() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 200, 5, false);
        let cond = super::Cond::owned("赵建国");
        let sql = format!("EXPLAIN QUERY PLAN {}", store.count_sql(&cond));
        let mut stmt = store.conn.prepare(&sql).unwrap();
        let plan: Vec<String> = (stmt.query_map(rusqlite::params_from_iter(&cond.args), |r| {
            r.get::<_, String>(3)
        }))
        .unwrap()
        .map(Result::unwrap)
        .collect();
        assert!(
            plan.iter().any(|s| s.contains("INDEX cases_owned_open")),
            "{plan:#?}"
        );
    }

    /// `person_counts` as the grouping it replaces would give it.
    fn agrees_with_a_grouping(store: &Store) {
        let differ: i64 = store
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM (
                   SELECT id_number, max(name) n, count(*) c, max(case_id) l
                     FROM petitioners WHERE id_number IS NOT NULL GROUP BY id_number
                   EXCEPT SELECT id_number, name, cases, latest FROM person_counts))
                 + (SELECT count(*) FROM person_counts)
                 - (SELECT count(DISTINCT id_number) FROM petitioners)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(differ, 0);
    }

    /// Kept by the trigger case by case, and counted once after a bulk load (the trigger
    /// is off while loading): either way the list is the grouping's.
    #[test]
    fn repeat_petitioners_are_kept_as_the_grouping_would_count_them() {
        for bulk in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 400, 5, bulk);
            agrees_with_a_grouping(&store);
            let top = store.repeaters(5).unwrap();
            assert!(!top.is_empty() && top[0].cases >= 2, "{bulk}: {top:?}");
            assert!(top.windows(2).all(|w| w[0].cases >= w[1].cases));
            // The trigger is back after the load: a new case of the top person counts.
            let triggers: i64 = store
                .conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'petitioners_counted'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(triggers, 1, "{bulk}");
        }
    }
}
