//! A batch (`execute_batch`, prepared on one thread and written on
//! another) leaves exactly the ledger that the same commands one by one
//! (`execute`) leave: ids, case numbers, documents, versions and the
//! journal's hash chain; and a refusal rolls the whole batch back.

mod common;

use std::path::Path;

use common::fixture::*;
use xinfang::domain::command::Command;
use xinfang::domain::types::Decision;
use xinfang::store::{CaseRef, Request};

fn req(case: Option<i64>, command: Command, actor: &str, day: i64) -> Request {
    Request {
        case: case.map(CaseRef::Id),
        expected_version: None,
        command,
        actor: actor.into(),
        at: t(day),
    }
}

/// Two rounds of intakes, registrations and assignments, the second
/// acting also on cases of the first (read from the ledger).
fn rounds() -> [Vec<Request>; 2] {
    let round = |first: i64, day: i64| {
        let mut reqs = Vec::new();
        for i in 0..6 {
            let mut input = intake_input();
            input.summary = format!("第{}件：反映拆迁补偿款未到位", first + i);
            reqs.push(req(None, Command::Intake(Box::new(input)), "李娜", day));
        }
        for id in first..first + 6 {
            reqs.push(req(
                Some(id),
                Command::Register(Decision::Accept),
                "李娜",
                day + 1,
            ));
        }
        reqs
    };
    let mut second = round(7, 3);
    for id in 1..4 {
        second.push(req(
            Some(id),
            Command::Assign {
                department: "城建科".into(),
                handler: "王强".into(),
                leader: None,
            },
            "李娜",
            5,
        ));
    }
    [round(1, 1), second]
}

/// Every stored row that a command writes, as text.
fn dump(path: &Path) -> Vec<String> {
    let c = common::sqlite(path);
    let mut out = Vec::new();
    for sql in [
        "SELECT id || '|' || ifnull(case_no, '') || '|' || version || '|' || state || '|' || doc FROM cases ORDER BY id",
        "SELECT seq || '|' || case_id || '|' || op || '|' || hash FROM events ORDER BY seq",
        "SELECT year || '|' || last FROM case_counters ORDER BY year",
        "SELECT case_id || '|' || seq || '|' || name FROM petitioners ORDER BY case_id, seq",
        "SELECT rowid FROM case_search WHERE case_search MATCH '\"拆迁\"' ORDER BY rowid",
    ] {
        let mut stmt = c.prepare(sql).unwrap();
        let rows = stmt
            .query_map([], |r| {
                r.get::<_, String>(0)
                    .or_else(|_| r.get::<_, i64>(0).map(|n| n.to_string()))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

#[test]
fn a_batch_writes_what_the_commands_one_by_one_write() {
    let dir = tempfile::tempdir().unwrap();
    let (one, batch) = (dir.path().join("one.db"), dir.path().join("batch.db"));
    let mut a = ledger(&one);
    let mut b = ledger(&batch);
    for round in rounds() {
        let singly: Vec<_> = round.iter().map(|r| a.execute(r).unwrap()).collect();
        let together = b.execute_batch(&round).unwrap();
        assert_eq!(singly.len(), together.len());
        for (x, y) in singly.iter().zip(&together) {
            assert_eq!(
                (x.id, &x.case_no, x.state, x.version, x.event_seq),
                (y.id, &y.case_no, y.state, y.version, y.event_seq)
            );
        }
    }
    let (da, db) = (dump(&one), dump(&batch));
    assert!(da.len() > 60, "{da:?}");
    assert_eq!(da, db);
    assert!(b.check().unwrap().ok());
}

#[test]
fn a_refused_command_rolls_the_batch_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let mut store = ledger(&path);
    let [first, _] = rounds();
    store.execute_batch(&first).unwrap();
    let before = dump(&path);
    let mut bad = rounds()[1].clone();
    // Registering case 2 again: it is registered already.
    bad.insert(
        8,
        req(Some(2), Command::Register(Decision::Accept), "李娜", 4),
    );
    let (i, _) = store.execute_batch(&bad).unwrap_err();
    assert_eq!(i, 8);
    let mut unknown = rounds()[1].clone();
    unknown[3].actor = "无此人".into();
    assert_eq!(store.execute_batch(&unknown).unwrap_err().0, 3);
    assert_eq!(dump(&path), before);
    assert!(store.check().unwrap().ok());
}
