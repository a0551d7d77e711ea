use std::collections::BTreeSet;

use super::*;
use crate::domain::visibility::sight_of;
use crate::store::{CaseRef, ListFilter, Sort};

fn someone(name: &str, role: Role, department: Option<&str>, unit: Option<&str>) -> Operator {
    Operator {
        name: name.to_owned(),
        role,
        department: department.map(str::to_owned),
        active: true,
        unit: unit.map(str::to_owned),
        department_wide: false,
    }
}

/// Every demo operator, and readers the demo's accusations name: a clerk of an accused
/// unit, a leader accused by name, a 科长 who sees their department, a quote in a name.
fn readers(store: &Store, cases: &[Case]) -> Vec<Operator> {
    let mut readers = store.operators().unwrap();
    let unit = cases.iter().find_map(|c| c.intake.target.clone()).unwrap();
    let person = cases.iter().find_map(|c| c.intake.target_person.clone());
    readers.push(someone("陈静", Role::Clerk, None, Some(&unit)));
    readers.push(someone(
        person.as_deref().unwrap_or("刘洋"),
        Role::Leader,
        None,
        None,
    ));
    let handler = readers.iter().find(|o| o.role == Role::Handler).unwrap();
    readers.push(Operator {
        name: "孙'丽".to_owned(),
        department_wide: true,
        ..handler.clone()
    });
    readers
}

/// What the SQL lets through is exactly what the domain's rule shows, for every reader,
/// in the queue and its counts; a hidden case opened by number is "no case", an accused
/// leader's is "recused"; a confidential case's handler sees nobody's name.
#[test]
fn sight_sql_agrees_with_the_domain() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = super::super::test_ledger::demo(&dir.path().join("l.db"), 400, 5, false);
    let today = super::super::test_ledger::now().date_naive();
    let everything = ListFilter {
        sort: Sort::Oldest,
        limit: 100_000,
        ..ListFilter::default()
    };
    let cases: Vec<Case> = (store.list(&everything, today).unwrap())
        .into_iter()
        .map(|(r, _)| r.case)
        .collect();
    assert!(
        cases
            .iter()
            .any(|c| c.intake.confidential && c.assignment.is_some())
    );
    for who in readers(&store, &cases) {
        let shown: BTreeSet<i64> = (cases.iter())
            .filter(|c| sight_of(&who, c).shows())
            .map(|c| c.id)
            .collect();
        store.set_viewer(Some(Viewer {
            operator: who.clone(),
            mask: "（保密）".to_owned(),
        }));
        let listed: BTreeSet<i64> = (store.list(&everything, today).unwrap())
            .iter()
            .map(|(r, _)| r.case.id)
            .collect();
        assert_eq!(listed, shown, "{who:?}");
        let open: i64 = store.counts(today).unwrap().open;
        let open_shown = (cases.iter())
            .filter(|c| shown.contains(&c.id) && c.state != crate::domain::types::State::Archived)
            .count();
        assert_eq!(open, open_shown as i64, "{}", who.name);
        for c in &cases {
            let got = store.case(&CaseRef::Id(c.id), today);
            match sight_of(&who, c) {
                Sight::Full => assert_eq!(got.unwrap().case, *c),
                Sight::Masked => {
                    let seen = got.unwrap().case;
                    let names = seen.intake.petitioners.iter().map(|p| p.name.as_str());
                    assert!(names.into_iter().all(|n| n == "（保密）"));
                }
                Sight::Hidden => assert!(matches!(got, Err(StoreError::CaseNotFound(_)))),
            }
        }
        store.set_viewer(None);
    }
}

/// A 科长's department comes from its own index (migration 20), never from reading every
/// case: the plan of their queue's condition searches `cases_by_department`.
#[test]
fn a_department_wide_handler_reads_their_department_from_its_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = super::super::test_ledger::demo(&dir.path().join("l.db"), 200, 5, false);
    let handler = (store.operators().unwrap().into_iter())
        .find(|o| o.role == Role::Handler && o.department.is_some())
        .unwrap();
    store.set_viewer(Some(Viewer {
        operator: Operator {
            department_wide: true,
            ..handler
        },
        mask: "（保密）".to_owned(),
    }));
    let sql = format!(
        "EXPLAIN QUERY PLAN SELECT id FROM cases WHERE state = 'assigned' AND {} \
         ORDER BY received_at, id LIMIT 30",
        store.seen_where("")
    );
    let mut stmt = store.conn.prepare(&sql).unwrap();
    let plan: Vec<String> = (stmt.query_map([], |r| r.get::<_, String>(3)).unwrap())
        .map(Result::unwrap)
        .collect();
    assert!(
        plan.iter()
            .any(|step| step.contains("INDEX cases_by_department (department=?)")),
        "{plan:#?}"
    );
    assert!(!plan.iter().any(|step| step == "SCAN cases"), "{plan:#?}");
}

/// The queue header's counts from the tallies kept as cases are written (migration 0029)
/// are the counts of the cases themselves, for every reader and no reader, on a ledger
/// written command by command (the triggers) and one written in bulk (counted at its end).
#[test]
fn tallied_counts_are_the_cases_counted() {
    for bulk in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = super::super::test_ledger::demo(&dir.path().join("l.db"), 400, 5, bulk);
        let today = super::super::test_ledger::now().date_naive();
        let everything = ListFilter {
            sort: Sort::Oldest,
            limit: 100_000,
            ..ListFilter::default()
        };
        let cases: Vec<Case> = (store.list(&everything, today).unwrap())
            .into_iter()
            .map(|(r, _)| r.case)
            .collect();
        let days = [-400, -60, -1, 0, 1, 30].map(|d| today + chrono::Duration::days(d));
        let readers = readers(&store, &cases).into_iter().map(Some);
        for who in readers.chain([None]) {
            store.set_viewer(who.clone().map(|operator| Viewer {
                operator,
                mask: "（保密）".to_owned(),
            }));
            assert_eq!(
                store.open_by_state().unwrap(),
                store.counted_by_state().unwrap(),
                "{who:?}"
            );
            for day in days.map(|d| d.to_string()) {
                let counted: i64 = (store.conn)
                    .query_row(
                        &format!(
                            "SELECT count(*) FROM cases WHERE next_due < ?1 AND {}",
                            store.seen_where("")
                        ),
                        [&day],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(store.count_overdue(&day).unwrap(), counted, "{who:?} {day}");
            }
        }
        let overdue: i64 = store.count_overdue(&days[5].to_string()).unwrap();
        assert!(overdue > 0, "the demo has overdue cases");
    }
}

/// The SQL's loose match of an accused name, on the column as stored, is the domain's on
/// the name as typed, spaces and joining marks included (冯　刚 is 冯刚; 城-建-科 is 城建科).
#[test]
fn the_sql_matches_accused_names_as_the_domain_does() {
    use crate::domain::rules::names_accused;
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    let targets = [
        "冯　刚",
        "冯 刚",
        "城 建 科",
        "城-建-科",
        "区城建科",
        "城建科",
        "冯刚",
        "民政科",
        "冯",
        "\u{200b}冯刚",
        "—",
        "绿源环保科技有限公司",
        "冯.刚",
        "城/建/科",
        "冯\u{200d}刚",
        "无名氏、冯刚",
    ];
    let parties = ["冯刚", "城建科", "民政科", "环保科", "冯", " - "];
    for t in targets {
        for p in parties {
            let sql = format!("SELECT {} FROM (SELECT ?1 AS target)", names("target", p));
            // As the column holds it (`accused_keys`).
            let stored = Some(crate::domain::rules::squeezed(t)).filter(|s| !s.is_empty());
            let found: bool = conn.query_row(&sql, [stored], |r| r.get(0)).unwrap();
            assert_eq!(found, names_accused(p, t), "{p} ~ {t}");
        }
    }
    assert!(names_accused("冯刚", "冯　刚") && names_accused("城建科", "城-建-科"));
    assert!(names_accused("冯刚", "冯.刚") && names_accused("城建科", "城/建/科"));
}
