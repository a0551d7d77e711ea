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

/// The prefix of each leader's kept count of open 包案 cases (`owned:<leader>`).
pub(super) const OWNED: &str = "owned:";

/// The leaders' open 包案 cases, each leader's number (`leader`, `n`): what the `owned:` rows
/// count, made and checked from the same query.
pub(super) const OWNED_RECOUNT: &str = "SELECT owner_leader AS leader, count(*) AS n FROM cases
     WHERE owner_leader IS NOT NULL AND state <> 'archived' GROUP BY owner_leader";

/// The kept count of `leader`'s open 包案 cases.
pub(super) fn owned(leader: &str) -> String {
    format!("{OWNED}{leader}")
}

/// Makes every row anew from the cases (a bulk load's end: the triggers were off).
pub(super) fn make(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM case_counts", [])?;
    let mut put = conn.prepare("INSERT INTO case_counts (what, n) VALUES (?1, ?2)")?;
    for (what, sql) in recounts() {
        put.execute(rusqlite::params![
            what,
            conn.query_row(&sql, [], |r| r.get::<_, i64>(0))?
        ])?;
    }
    conn.execute(
        &format!(
            "INSERT INTO case_counts (what, n) SELECT '{OWNED}' || leader, n FROM ({OWNED_RECOUNT})"
        ),
        [],
    )?;
    Ok(())
}

/// Each fixed count and the query that recounts it.
fn recounts() -> [(&'static str, String); 4] {
    let of = |cond: &str| format!("SELECT count(*) FROM cases WHERE {cond}");
    [
        (MAJOR.0, of(MAJOR.1)),
        (AWAITING.0, of(AWAITING.1)),
        (GROUPS.0, of(GROUPS.1)),
        (
            REPEATERS,
            "SELECT count(*) FROM person_counts WHERE cases > 1".to_owned(),
        ),
    ]
}

/// Whether the ledger keeps them (schema 36 on).
pub(super) fn kept(conn: &Connection) -> Result<bool> {
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
    pub(super) fn kept_count(
        &self,
        (what, cond): (&str, &str),
        args: &[rusqlite::types::Value],
    ) -> Result<Option<i64>> {
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
            rusqlite::params_from_iter(args),
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
    let wanted = recounts();
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
    // Each leader's open 包案 cases: with the other tallies (`check/tables.rs`).
    let mut stmt = conn.prepare(&format!(
        "SELECT what FROM case_counts WHERE what NOT LIKE '{OWNED}%'"
    ))?;
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
                assert_eq!(
                    store.kept_count(kept, &[]).unwrap(),
                    Some(counted),
                    "{bulk}"
                );
            }
            let mut stmt = (store.conn)
                .prepare(
                    "SELECT owner_leader, count(*) FROM cases
                      WHERE owner_leader IS NOT NULL AND state <> 'archived' GROUP BY 1",
                )
                .unwrap();
            let owners: Vec<(String, i64)> = (stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert!(!owners.is_empty(), "{bulk}");
            for (leader, n) in owners {
                let cond = ("owner_leader = ?1 AND state <> 'archived'", &owned(&leader));
                let args = [rusqlite::types::Value::Text(leader.clone())];
                assert_eq!(
                    store.kept_count((cond.1, cond.0), &args).unwrap(),
                    Some(n),
                    "{bulk} {leader}"
                );
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

    /// For every reader, the dashboard's kept counts are the counts of what they may see
    /// (an accused leader's hidden cases taken off, a clerk's and a handler's counted).
    #[test]
    fn each_reader_s_counts_are_what_they_may_see() {
        use crate::domain::types::Role;
        use crate::store::sight::Viewer;
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 400, 5, false);
        let today = crate::store::test_ledger::now().date_naive();
        let mut readers = store.operators().unwrap();
        let leader = readers
            .iter()
            .find(|o| o.role == Role::Leader)
            .unwrap()
            .clone();
        let accused: Vec<String> = (store.conn)
            .prepare("SELECT DISTINCT target_person FROM cases WHERE target_person IS NOT NULL")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(!accused.is_empty());
        readers.push(crate::domain::rules::Operator {
            name: accused[0].clone(),
            ..leader.clone()
        });
        let mut hidden_from_some = false;
        for who in readers {
            store.set_viewer(Some(Viewer {
                operator: who.clone(),
                mask: "（保密）".to_owned(),
            }));
            hidden_from_some |= store.hidden_only().is_some_and(|h| !h.is_empty());
            let seen = store.seen_where("");
            let count = |cond: &str, arg: Option<&str>| -> i64 {
                let sql = format!("SELECT count(*) FROM cases WHERE {cond} AND {seen}");
                let args: Vec<&str> = arg.into_iter().collect();
                (store.conn)
                    .query_row(&sql, rusqlite::params_from_iter(args), |r| r.get(0))
                    .unwrap()
            };
            let t = store.dashboard(&leader.name, today, 7, 5).unwrap().totals;
            assert_eq!(t.major, count(MAJOR.1, None), "{}", who.name);
            assert_eq!(t.awaiting, count(AWAITING.1, None), "{}", who.name);
            assert_eq!(t.groups, count(GROUPS.1, None), "{}", who.name);
            let owned = "owner_leader = ?1 AND state <> 'archived'";
            assert_eq!(t.owned, count(owned, Some(&leader.name)), "{}", who.name);
        }
        assert!(hidden_from_some);
    }
}
