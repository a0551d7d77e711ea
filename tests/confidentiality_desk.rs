//! Issue 15 at the desk: what a reader's own commits do to their counts, the repeat panels,
//! and an accused leader typing the accusation's number (2022《信访工作条例》第三十条第三款).

mod common;

use chrono::{DateTime, FixedOffset, NaiveDate};
use common::accused::{ledger, open_as};
use xinfang::domain::command::Command;
use xinfang::domain::types::State;
use xinfang::store::{CaseRef, Request, StateCounts, Store};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn today() -> NaiveDate {
    at("2026-11-25T09:00:00+08:00").date_naive()
}

/// What the queue's header and tabs show: open cases by state, and the open total.
fn header(c: &StateCounts) -> (Vec<(State, i64)>, i64) {
    (c.by_state.clone(), c.open)
}

/// The counts `store` keeps, and the same counted afresh for its reader.
fn kept_and_fresh(l: &common::Ledger, store: &Store, who: &str) -> [(Vec<(State, i64)>, i64); 2] {
    let kept = header(&store.desk_counts(today()).unwrap());
    let fresh = header(&open_as(l, who).desk_counts(today()).unwrap());
    [kept, fresh]
}

fn step(store: &mut Store, case: i64, command: Command, actor: &str) {
    store
        .execute(&Request {
            case: Some(CaseRef::Id(case)),
            expected_version: None,
            command,
            actor: actor.into(),
            at: at("2026-11-25T10:00:00+08:00"),
        })
        .unwrap();
}

/// A handler's own step that takes a case out of their sight (回避) leaves it out of their
/// counts too, where the kept counts used to move it to its new state as if still theirs;
/// another desk's commit of a case they may not see changes nothing they are shown.
#[test]
fn a_readers_own_commit_keeps_their_counts_to_what_they_see() {
    let l = ledger();
    let mut wang = open_as(&l, "王强");
    let [kept, fresh] = kept_and_fresh(&l, &wang, "王强");
    assert_eq!(kept, (vec![(State::Assigned, 1)], 1));
    assert_eq!(kept, fresh);
    let recuse = Command::Recuse {
        handler: "王强".into(),
        reason: "与检举人系亲属".into(),
    };
    step(&mut wang, 1, recuse, "王强");
    let [kept, fresh] = kept_and_fresh(&l, &wang, "王强");
    assert_eq!(kept, (vec![], 0));
    assert_eq!(kept, fresh);

    // 刘洋's own case moves with his step; the clerk's re-assignment of the accusation
    // against him, on another desk, is not his to count.
    let mut liu = open_as(&l, "刘洋");
    let before = header(&liu.desk_counts(today()).unwrap());
    assert_eq!(before, (vec![(State::Assigned, 1)], 1));
    let mut clerk = open_as(&l, "李娜");
    let again = Command::Assign {
        department: "城建科".into(),
        handler: "赵敏".into(),
        leader: Some("赵建国".into()),
    };
    step(&mut clerk, 1, again, "李娜");
    let [kept, fresh] = kept_and_fresh(&l, &liu, "刘洋");
    assert_eq!(kept, before);
    assert_eq!(kept, fresh);
    let opinion = Command::Opinion {
        text: "已修复路灯".into(),
    };
    step(&mut liu, 2, opinion, "刘洋");
    let [kept, fresh] = kept_and_fresh(&l, &liu, "刘洋");
    assert_eq!(kept, fresh);
    assert_eq!(kept.1, 1);
    // The clerk's counts, kept through her own commit, are hers counted afresh.
    let [kept, fresh] = kept_and_fresh(&l, &clerk, "李娜");
    assert_eq!(kept, fresh);
}
