//! 撤销: an operator takes back their own last step within ten minutes, as a compensating
//! event; the case returns to its state before the step, the journal keeps both events and
//! `check`'s replay agrees. The rule's table is in `domain::workflow::undo`.

mod common;

use chrono::{DateTime, FixedOffset};
use common::fixture::{at, intake_input, ledger};
use serde_json::{Value, json};
use xinfang::domain::command::Command;
use xinfang::domain::error::WorkflowError as E;
use xinfang::domain::op::Op;
use xinfang::domain::types::State;
use xinfang::domain::workflow::undo::Refusal;
use xinfang::store::{CaseRef, Request, Store, StoreError};

fn when(hm: &str) -> DateTime<FixedOffset> {
    at(&format!("2026-03-03T{hm}:00+08:00"))
}

fn run(store: &mut Store, id: i64, actor: &str, hm: &str, cmd: Value) -> Result<i64, StoreError> {
    let command: Command = serde_json::from_value(cmd).expect("an apply line");
    let req = Request {
        case: (id > 0).then_some(CaseRef::Id(id)),
        expected_version: None,
        command,
        actor: actor.into(),
        at: when(hm),
    };
    store.execute(&req).map(|a| a.id)
}

fn refusal(r: Result<i64, StoreError>) -> Refusal {
    match r {
        Err(StoreError::Workflow(E::Undo(why))) => why,
        other => panic!("not an undo refusal: {other:?}"),
    }
}

fn undo() -> Value {
    json!({"op":"undo"})
}

#[test]
fn an_undo_restores_the_case_keeps_the_journal_and_check_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = ledger(&dir.path().join("l.db"));
    let mut input = serde_json::to_value(intake_input()).unwrap();
    input["op"] = json!("intake");
    input["received_at"] = json!("2026-03-03T08:30:00+08:00");
    let id = run(&mut s, 0, "李娜", "08:40", input).unwrap();
    run(
        &mut s,
        id,
        "李娜",
        "08:45",
        json!({"op":"register","decision":"accept"}),
    )
    .unwrap();
    let today = when("09:00").date_naive();
    let registered = s.case(&CaseRef::Id(id), today).unwrap().case;
    // Registration gave the number: never undone.
    let r = refusal(run(&mut s, id, "李娜", "08:46", undo()));
    assert_eq!(r, Refusal::Kind(Op::Register));
    // A wrong department, noticed at once.
    let assign = json!({"op":"assign","department":"城建科","handler":"王强"});
    run(&mut s, id, "李娜", "09:00", assign.clone()).unwrap();
    // Not another operator's to take back.
    let r = refusal(run(&mut s, id, "赵局长", "09:01", undo()));
    assert!(matches!(r, Refusal::Others { op: Op::Assign, .. }), "{r:?}");
    run(&mut s, id, "李娜", "09:05", undo()).unwrap();
    let row = s.case(&CaseRef::Id(id), today).unwrap();
    assert_eq!(row.case.state, State::Registered);
    assert_eq!(row.case.assignment, None);
    assert_eq!(row.case.undone.len(), 1);
    assert_eq!(row.case.undone[0].op, Op::Assign);
    let mut without = row.case.clone();
    without.undone.clear();
    assert_eq!(without, registered, "the case as it was before the step");
    // The journal keeps the step and its undo.
    let ops: Vec<String> = s.events(id).unwrap().into_iter().map(|e| e.op).collect();
    assert_eq!(ops, ["intake", "register", "assign", "undo"]);
    assert_eq!(row.case.undone[0].seq, s.events(id).unwrap()[2].seq);
    // An undo is not undone.
    let r = refusal(run(&mut s, id, "李娜", "09:06", undo()));
    assert_eq!(r, Refusal::Kind(Op::Undo));
    // Assigned again; the handler's opinion builds on it.
    run(&mut s, id, "李娜", "09:10", assign).unwrap();
    run(
        &mut s,
        id,
        "王强",
        "09:20",
        json!({"op":"opinion","text":"维修路灯"}),
    )
    .unwrap();
    let r = refusal(run(&mut s, id, "李娜", "09:21", undo()));
    assert_eq!(
        r,
        Refusal::BuiltOn {
            yours: Op::Assign,
            later: Op::Opinion,
            by: "王强".into()
        }
    );
    // Ten minutes on, too late; within them, undone.
    let r = refusal(run(&mut s, id, "王强", "09:30", undo()));
    assert_eq!(
        r,
        Refusal::TooOld {
            op: Op::Opinion,
            minutes: 10
        }
    );
    run(&mut s, id, "王强", "09:29", undo()).unwrap();
    let row = s.case(&CaseRef::Id(id), today).unwrap();
    assert!(row.case.opinions.is_empty());
    assert_eq!(row.case.state, State::Assigned);
    assert_eq!(row.case.undone.len(), 2);
    // The replay of the journal reproduces the case; the chain and every table hold.
    let report = s.check().unwrap();
    assert!(report.ok(), "{report:?}");
}

/// `apply` takes `undo` with the same rules, and says why in words when it refuses.
#[test]
fn apply_undoes_and_refuses_in_words() {
    let l = common::Ledger::set_up();
    l.apply_ok(&common::intake_lines(1, "路灯"));
    let steps = concat!(
        r#"{"op":"register","case":"1","actor":"李娜","at":"2026-02-02T09:00:00+08:00","decision":"accept"}"#,
        "\n",
        r#"{"op":"assign","case":"1","actor":"李娜","at":"2026-02-02T09:01:00+08:00","department":"城建科","handler":"王强"}"#,
        "\n",
        r#"{"op":"undo","case":"1","actor":"李娜","at":"2026-02-02T09:03:00+08:00"}"#,
        "\n",
    );
    let lines = l.apply_ok(steps);
    assert_eq!(lines[2]["state"], "registered", "{:?}", lines[2]);
    let out = l.apply(concat!(
        r#"{"op":"undo","case":"1","actor":"李娜","at":"2026-02-02T09:04:00+08:00"}"#,
        "\n"
    ));
    let result = &out.json_lines()[0];
    assert_eq!(result["ok"], false);
    let error = result["error"].to_string();
    assert!(error.contains("Cannot undo"), "{error}");
    assert!(l.check().success(), "{:?}", l.check());
}
