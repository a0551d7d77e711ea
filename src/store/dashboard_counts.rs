//! The dashboard's counts kept by triggers (migration 0036): the open major cases, those
//! awaiting an instruction, the open group visits and the repeat petitioners, each one row
//! of `case_counts`, so a reload reads four rows and not four indexes that grow with the
//! ledger. A reader who may see every case but a few (a leader) gets the kept count less
//! the hidden ones that meet the list's condition; another reader's is counted as before.

use rusqlite::{Connection, OptionalExtension};

use super::findings::{CheckReport, Table};
use super::{Result, Store};

/// Each kept count and the condition on `cases` it counts (the dashboard's lists'; the
/// repeat petitioners are counted from `person_counts`).
pub(super) const MAJOR: (&str, &str) = ("major", "urgency = 'major' AND state <> 'archived'");
pub(super) const AWAITING: (&str, &str) = ("awaiting", "awaiting_instruction = 1");
pub(super) const GROUPS: (&str, &str) = ("groups", "people >= 5 AND state <> 'archived'");
pub(super) const REPEATERS: &str = "repeaters";

/// Whether the ledger keeps them (schema 36 on).
fn kept(conn: &Connection) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case_counts'",
    )?;
    Ok(stmt.exists([])?)
}

/// The kept count `what` of the whole office; `None` where it is not kept.
pub(super) fn office(conn: &Connection, what: &str) -> Result<Option<i64>> {
    if !kept(conn)? {
        return Ok(None);
    }
    Ok(conn
        .prepare_cached("SELECT n FROM case_counts WHERE what = ?1")?
        .query_row([what], |r| r.get(0))
        .optional()?)
}

impl Store {
    /// How many cases meeting `(what, cond)` the reader may see, from the kept count
    /// where the reader sees all but a short list; `None`: count them from the index.
    pub(super) fn kept_count(&self, (what, cond): (&str, &str)) -> Result<Option<i64>> {
        let Some(hidden) = self.hidden_only() else {
            return Ok(None);
        };
        let Some(all) = office(&self.conn, what)? else {
            return Ok(None);
        };
        if hidden.is_empty() {
            return Ok(Some(all));
        }
        // The hidden cases are a short list (`hidden::MOST`): looked up by id.
        let list: Vec<String> = hidden.iter().map(i64::to_string).collect();
        let gone: i64 = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM cases WHERE id IN ({}) AND {cond}",
                list.join(",")
            ),
            [],
            |r| r.get(0),
        )?;
        Ok(Some(all - gone))
    }
}

/// `check`: each kept count against its recount, where they are kept.
pub(super) fn check(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    if !kept(conn)? {
        return Ok(());
    }
    let recount = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let wanted = [
        (
            MAJOR.0,
            format!("SELECT count(*) FROM cases WHERE {}", MAJOR.1),
        ),
        (
            AWAITING.0,
            format!("SELECT count(*) FROM cases WHERE {}", AWAITING.1),
        ),
        (
            GROUPS.0,
            format!("SELECT count(*) FROM cases WHERE {}", GROUPS.1),
        ),
        (
            REPEATERS,
            "SELECT count(*) FROM person_counts WHERE cases > 1".to_owned(),
        ),
    ];
    for (what, sql) in wanted {
        let want = recount(&sql)?;
        match office(conn, what)? {
            Some(found) if found == want => {}
            Some(found) => report.differ(
                Table::DashboardCounts,
                what,
                "n",
                want.to_string(),
                found.to_string(),
            ),
            None => report.differ(
                Table::DashboardCounts,
                what,
                "(row)",
                want.to_string(),
                "none",
            ),
        }
    }
    let mut stmt = conn.prepare("SELECT what FROM case_counts")?;
    let names = [MAJOR.0, AWAITING.0, GROUPS.0, REPEATERS];
    for what in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let what = what?;
        if !names.contains(&what.as_str()) {
            report.differ(Table::DashboardCounts, &what, "(row)", "none", "kept");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::dashboard::GROUP_VISIT;

    /// Kept case by case or counted at the end of a bulk load, each count is the index's,
    /// and `check` finds them right.
    #[test]
    fn kept_counts_are_the_counts_of_their_conditions() {
        assert_eq!(
            GROUPS.1,
            format!("people >= {GROUP_VISIT} AND state <> 'archived'")
        );
        for bulk in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 400, 3, bulk);
            for kept in [MAJOR, AWAITING, GROUPS] {
                let counted: i64 = (store.conn)
                    .query_row(
                        &format!("SELECT count(*) FROM cases WHERE {}", kept.1),
                        [],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert!(counted > 0, "{bulk} {kept:?}");
                assert_eq!(store.kept_count(kept).unwrap(), Some(counted), "{bulk}");
            }
            let repeaters = office(&store.conn, REPEATERS).unwrap().unwrap();
            assert!(repeaters > 0, "{bulk}");
            assert!(store.check().unwrap().ok(), "{bulk}");
            store
                .conn
                .execute("UPDATE case_counts SET n = n + 1 WHERE what = 'major'", [])
                .unwrap();
            let report = store.check().unwrap();
            assert!(
                (report.differences.iter()).any(|d| d.table == Table::DashboardCounts),
                "{report:?}"
            );
        }
    }
}
