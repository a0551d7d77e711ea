//! The leader's dashboard as last read, given back while nothing in the ledger has changed:
//! a return to the dashboard (Esc from the case, 积案, the report) read it all again, and
//! after a screen that had read much else (积案 at a million cases) its pages were no longer
//! in the cache, so the return took several times the dashboard's own time.
//!
//! "Nothing has changed" is exact and cheap: no other connection has committed
//! (`PRAGMA data_version`) and this one has written no row (`sqlite3_total_changes`, which
//! counts every row this connection inserts, updates or deletes, commits or not). The day,
//! the leader and the list's depth are the rest of what the dashboard is made from; a new
//! reader forgets it (`set_viewer`).

use std::cell::RefCell;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Result;
use super::dashboard::Dashboard;

/// What a dashboard was made from: the leader, the day, the depth and the ledger's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Made {
    leader: String,
    today: NaiveDate,
    depth: usize,
    /// `PRAGMA data_version` and this connection's total changes.
    ledger: (i64, u64),
}

impl Made {
    /// The dashboard of `leader` on `today` to `depth` rows, as the ledger now stands.
    pub(super) fn now(
        conn: &Connection,
        leader: &str,
        today: NaiveDate,
        depth: usize,
    ) -> Result<Made> {
        let version = conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok(Made {
            leader: leader.to_owned(),
            today,
            depth,
            ledger: (version, conn.total_changes()),
        })
    }
}

#[derive(Debug, Default)]
pub(super) struct DashboardMemo(RefCell<Option<(Made, Dashboard)>>);

impl DashboardMemo {
    /// The dashboard made from exactly `made`, if it is the one kept.
    pub(super) fn get(&self, made: &Made) -> Option<Dashboard> {
        let kept = self.0.borrow();
        let (was, dashboard) = kept.as_ref()?;
        (was == made).then(|| dashboard.clone())
    }

    /// Keeps `dashboard`, made from `made`, taken before it was read: the dashboard is read
    /// in several statements, and another desk's commit between them leaves `made` behind
    /// the ledger, so the next call reads it anew rather than keeping what it missed.
    pub(super) fn put(&self, made: Made, dashboard: &Dashboard) {
        *self.0.borrow_mut() = Some((made, dashboard.clone()));
    }

    pub(super) fn forget(&self) {
        self.0.borrow_mut().take();
    }
}

#[cfg(test)]
mod tests {
    use super::Made;
    use crate::config::Office;
    use crate::store::{Store, test_ledger};

    fn same(a: &Store, b: &Store) -> bool {
        let today = test_ledger::now().date_naive();
        let read = |s: &Store| format!("{:?}", s.leader_dashboard("赵建国", today, 20).unwrap());
        read(a) == read(b)
    }

    /// Kept while nothing changes; not after this connection's write, nor after another's
    /// commit; and what it then reads is what a fresh connection reads.
    #[test]
    fn the_dashboard_is_kept_only_while_the_ledger_stands_still() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        let mut a = test_ledger::demo(&path, 40, 3, false);
        let today = test_ledger::now().date_naive();
        let kept = |s: &Store| {
            let made = Made::now(&s.conn, "赵建国", today, 20).unwrap();
            s.dashboards.get(&made).is_some()
        };
        assert!(!kept(&a));
        a.leader_dashboard("赵建国", today, 20).unwrap();
        assert!(kept(&a));
        a.leader_dashboard("赵建国", today, 20).unwrap();
        assert!(kept(&a));
        // Another depth or day is another dashboard.
        assert!(
            a.dashboards
                .get(&Made::now(&a.conn, "赵建国", today, 21).unwrap())
                .is_none()
        );
        a.set_meta("office_name", "某区信访局").unwrap();
        assert!(!kept(&a));
        a.leader_dashboard("赵建国", today, 20).unwrap();
        // Another desk writes cases: read anew, as a fresh connection reads.
        let mut b = Store::open(&path, Office::builtin(), &test_ledger::key()).unwrap();
        let opts = crate::demo::DemoOptions {
            cases: 15,
            seed: 9,
            now: test_ledger::now(),
        };
        crate::demo::generate(&mut b, &opts).unwrap();
        assert!(!kept(&a));
        assert!(same(&a, &b));
        assert!(kept(&a));
        a.set_viewer(None);
        assert!(!kept(&a));
    }
}
