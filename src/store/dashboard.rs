//! The leader's dashboard: the lists of cases a leader must see on
//! reception day, each from an index, each with its true count
//! (DOMAIN: "Who uses the desk").

use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter};

use super::queries::{CaseRow, ListFilter};
use super::{Owner, Result, Store};

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
}

impl Store {
    /// Newest first, the first `limit` of the cases that meet `cond`.
    fn open_where(&self, cond: &Cond, limit: usize, today: NaiveDate) -> Result<Vec<CaseRow>> {
        let sql = format!(
            "SELECT id FROM cases WHERE {} AND {} ORDER BY received_at DESC, id DESC LIMIT {}",
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
        let sql = format!(
            "SELECT count(*) FROM cases WHERE {} AND {}",
            cond.sql,
            self.seen_where("")
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(&cond.args), |r| r.get(0))?)
    }

    /// The first `limit` rows and the count of `cond`.
    fn part(&self, cond: &Cond, limit: usize, today: NaiveDate) -> Result<(Vec<CaseRow>, i64)> {
        Ok((
            self.open_where(cond, limit, today)?,
            self.count_where(cond)?,
        ))
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
        let day = today.to_string();
        let count = match within {
            None => Cond::new("next_due < ?1").with(day),
            Some(days) => Cond::new("next_due >= ?1 AND next_due <= ?2")
                .with(day)
                .with((today + chrono::Duration::days(days.into())).to_string()),
        };
        Ok((rows, self.count_where(&count)?))
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
        let open = "state <> 'archived'";
        let part = |cond: Cond| self.part(&cond, limit, today);
        let (major, n_major) = part(Cond::new(format!("urgency = 'major' AND {open}")))?;
        let (overdue, n_overdue) = self.clocked(None, limit, today)?;
        let (due_soon, n_due_soon) = self.clocked(Some(due_soon_days), limit, today)?;
        let (awaiting, n_awaiting) = part(Cond::new("awaiting_instruction = 1"))?;
        let owner = Owner::Leader.column();
        let (owned, n_owned) =
            part(Cond::new(format!("{owner} = ?1 AND {open}")).with(leader.to_owned()))?;
        let (received, n_today) = part(
            Cond::new("received_at >= ?1 AND received_at < ?2")
                .with(start)
                .with(start + 86_400),
        )?;
        let (groups, n_groups) = part(Cond::new(format!("people >= {GROUP_VISIT} AND {open}")))?;
        let totals = Totals {
            major: n_major,
            overdue: n_overdue,
            due_soon: n_due_soon,
            awaiting: n_awaiting,
            owned: n_owned,
            today: n_today,
            groups: n_groups,
            repeaters: self.conn.query_row(
                "SELECT count(*) FROM person_counts WHERE cases > 1",
                [],
                |r| r.get(0),
            )?,
        };
        Ok(Dashboard {
            major,
            overdue,
            due_soon,
            awaiting,
            owned,
            today: received,
            groups,
            repeaters: self.repeaters(limit)?,
            totals,
        })
    }

    /// Petitioners with more than one case, most cases first (by ID number:
    /// a name alone is too common). A person is named once per case, so
    /// the rows of an ID number are its cases. Read from `person_counts`,
    /// which a trigger keeps as petitioners are written (migration 0008).
    pub fn repeaters(&self, limit: usize) -> Result<Vec<Repeater>> {
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
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

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
