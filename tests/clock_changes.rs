//! The 5 working days of Art 23 第三款 are a window for objecting to a referral that is not
//! ours (不属于本机关…的…5个工作日内提出异议), not a deadline to decide one: an undecided
//! referral is not overdue on the sixth working day, its 15 days (`decide`) still run. And a
//! ledger whose next due dates were stamped under other clocks is stamped again on opening.

mod common;

use common::fixture::*;
use xinfang::domain::case::Referral;
use xinfang::domain::command::Command;
use xinfang::domain::deadline::ClockStatus;
use xinfang::domain::due::{case_clocks, next_due, overdue};
use xinfang::domain::types::Channel;
use xinfang::store::{CaseRef, Request, Store};

fn referral() -> xinfang::domain::command::IntakeInput {
    let mut input = intake_input();
    input.channel = Channel::Referral;
    input.referral = Some(Referral {
        body: "市信访局".into(),
        doc_no: Some("市信转〔2026〕1号".into()),
        deadline: None,
    });
    input
}

#[test]
fn an_undecided_referral_is_not_overdue_when_the_objection_period_ends() {
    let o = Office0::new();
    // Received Monday 2026-03-02; the fifth working day after it is 03-09.
    let case = o
        .apply(None, &Command::Intake(Box::new(referral())), "李娜", t(0))
        .unwrap()
        .case;
    let rules = o.rules();
    let on = date(2026, 3, 11);
    let clocks = case_clocks(&case, &rules, on);
    let object = clocks.iter().find(|c| c.key == "object").expect("object");
    assert_eq!(object.due, date(2026, 3, 9));
    assert!(
        matches!(object.status, ClockStatus::Window { closed: true, .. }),
        "{object:?}"
    );
    assert!(!overdue(&clocks, on), "{clocks:?}");
    // What runs is the 15 days to decide and tell (Art 23 第三款: 15日内书面告知).
    assert_eq!(next_due(&clocks), Some(date(2026, 3, 17)));
}

/// Not ours is said of an item passed down within the 5 working days to object (Art 23
/// 第三款); after them it is declined so no more (a trial declined one a month late).
#[test]
fn a_referral_is_declined_as_not_ours_only_within_the_objection_window() {
    let o = Office0::new();
    let case = o
        .apply(None, &Command::Intake(Box::new(referral())), "李娜", t(0))
        .unwrap()
        .case;
    let decline = Command::Register(xinfang::domain::types::Decision::Decline {
        ground: xinfang::domain::types::DeclineGround::NotCompetent,
        route: "向市自然资源局提出".into(),
        note: None,
    });
    // Received Mon 03-02: the window closes on 03-09.
    let late = o.apply(Some(&case), &decline, "李娜", t(8));
    assert_eq!(
        late.unwrap_err(),
        xinfang::domain::error::OutOfTurn::ObjectionWindowClosed {
            due: date(2026, 3, 9)
        }
        .into()
    );
    assert!(o.apply(Some(&case), &decline, "李娜", t(7)).is_ok());
}

#[test]
fn next_due_dates_stamped_under_other_clocks_are_stamped_again_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let o = Office0::new();
    let id = {
        let mut store = ledger(&path);
        let req = Request {
            case: None,
            expected_version: None,
            command: Command::Intake(Box::new(referral())),
            actor: "李娜".into(),
            at: t(0),
        };
        store.execute(&req).unwrap().id
    };
    // As a release that counted the 5 working days as a deadline left it: the object
    // clock's due day stored, and its clocks noted as other than these.
    let conn = common::sqlite(&path);
    conn.execute_batch(
        "UPDATE cases SET next_due = '2026-03-09';
         UPDATE meta SET value = 'before' WHERE key = 'due_stamped_under';",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path, o.office.clone(), &common::key()).unwrap();
    let row = store
        .case(&CaseRef::Id(id), date(2026, 3, 11))
        .expect("the case");
    assert_eq!(row.case.id, id);
    let conn = common::sqlite(&path);
    let stored: Option<String> = conn
        .query_row("SELECT next_due FROM cases WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stored.as_deref(), Some("2026-03-17"));
    drop(store);
    let check = xinfang::store::Store::open(&path, o.office.clone(), &common::key())
        .unwrap()
        .check()
        .unwrap();
    assert!(check.ok(), "{check:?}");
}
