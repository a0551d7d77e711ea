use std::collections::BTreeSet;

use chrono::Duration;

use super::*;
use crate::domain::rules::Operator;
use crate::store::{Viewer, test_ledger};

/// The ids the 积案 screen pages through (read from indexes) are exactly the cases the
/// domain's rule names when every case is loaded, for every reader and on days before,
/// at and well past the rule's edge; a marked case is among them.
#[test]
fn the_indexed_ids_are_the_rule_applied_to_every_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = test_ledger::demo(&dir.path().join("l.db"), 300, 7, false);
    let now = test_ledger::now();
    let leader = (store.operators().unwrap().into_iter())
        .find(|o| o.role == crate::domain::types::Role::Leader)
        .unwrap();
    store
        .change_backlog(
            &leader.name,
            now,
            &CaseRef::Id(3),
            &BacklogChange::Mark {
                reason: "久拖未决".into(),
            },
        )
        .unwrap();
    let max: i64 = (store.conn)
        .query_row("SELECT max(id) FROM cases", [], |r| r.get(0))
        .unwrap();
    let mut readers: Vec<Option<Operator>> = vec![None];
    readers.extend(store.operators().unwrap().into_iter().map(Some));
    let mut named = 0;
    for who in readers {
        store.set_viewer(who.map(|operator| Viewer {
            operator,
            mask: "（保密）".to_owned(),
        }));
        for days in [0, 20, 29, 30, 31, 60, 200] {
            let today = now.date_naive() + Duration::days(days);
            let by_rule: BTreeSet<i64> = (1..=max)
                .filter(|&id| {
                    let Ok(row) = store.case(&CaseRef::Id(id), today) else {
                        return false;
                    };
                    let marked = file_of(&store.conn, id).unwrap().unwrap_or_default();
                    let policy = &store.office.policy;
                    !backlog::grounds(&row.case, &row.clocks, marked.marked.is_some(), policy)
                        .is_empty()
                })
                .collect();
            let ids: BTreeSet<i64> = store.backlog_ids(today).unwrap().into_iter().collect();
            assert_eq!(ids, by_rule, "on {today}");
            named += ids.len();
        }
    }
    assert!(named > 0);
    // The overdue and marked grounds are among them (the demo attaches no repeat items: the
    // repeats rule is pinned through the CLI in tests/backlog.rs).
    store.set_viewer(None);
    let grounds: BTreeSet<&str> = (store.backlog(now.date_naive()).unwrap().into_iter())
        .flat_map(|r| r.grounds)
        .map(|g| g.code())
        .collect();
    assert!(
        grounds.contains("overdue") && grounds.contains("marked"),
        "{grounds:?}"
    );
}
