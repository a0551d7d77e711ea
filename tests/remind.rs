//! 催办 (remind): a reminder to the department handling an assigned case, lighter than
//! 督办; who may give it, on which cases, and the answer's date; then the desk's form.

mod common;

use common::desk::drawn as screen;

use common::desk::Desk;
use common::fixture::*;
use ratatui::crossterm::event::KeyCode;
use xinfang::domain::case::Case;
use xinfang::domain::command::Command;
use xinfang::domain::error::{Field, WorkflowError as E};
use xinfang::domain::op::{Act, Op};
use xinfang::domain::types::{Role, State};
use xinfang::strings::form::FieldKey;
use xinfang::strings::{Lang, labels};
use xinfang::ui::app::Screen;

fn remind(ground: &str, to: &str, reply_by: chrono::NaiveDate) -> Command {
    Command::Remind {
        ground: ground.into(),
        to: to.into(),
        reply_by,
    }
}

fn fixture(o: &Office0, name: &str) -> Case {
    fixtures(o)
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| c)
        .unwrap()
}

#[test]
fn a_reminder_goes_to_an_assigned_case_by_a_clerk_or_a_leader() {
    let o = Office0::new();
    let assigned = fixture(&o, "assigned");
    // t(8) is 2026-03-10 (T0 2026-03-02 09:00 +08:00, plus 8 days): the step's day.
    let ok = remind("逾期未反馈", "城建科", date(2026, 3, 17));
    let by_clerk = o.apply(Some(&assigned), &ok, "李娜", t(8)).unwrap().case;
    assert_eq!(
        by_clerk.state,
        State::Assigned,
        "催办 does not move the case"
    );
    assert_eq!(by_clerk.reminders.len(), 1);
    assert_eq!(by_clerk.reminders[0].to, "城建科");
    assert_eq!(by_clerk.reminders[0].reply_by, date(2026, 3, 17));
    assert!(o.apply(Some(&assigned), &ok, "赵局长", t(8)).is_ok());
    // The handler reminded does not remind themselves.
    let err = o.apply(Some(&assigned), &ok, "王强", t(8)).unwrap_err();
    assert_eq!(
        err,
        E::RoleRequired {
            op: Act::from(Op::Remind),
            needed: vec![Role::Clerk, Role::Leader],
            actor: "王强".into(),
            actual: Role::Handler,
        }
    );
    // Awaiting the instruction, or with it approved, the case is still the department's.
    for name in ["awaiting", "approved"] {
        let case = fixture(&o, name);
        assert!(o.apply(Some(&case), &ok, "李娜", t(8)).is_ok(), "{name}");
    }
    // Before assignment nobody holds it to remind; after the reply there is nothing to press.
    for name in [
        "intake",
        "registered",
        "declined",
        "passed_on",
        "replied",
        "archived",
    ] {
        let case = fixture(&o, name);
        let err = o.apply(Some(&case), &ok, "李娜", t(8)).unwrap_err();
        assert!(
            matches!(err, E::WrongState { op: Op::Remind, .. }),
            "{name}: {err:?}"
        );
    }
}

#[test]
fn the_answer_is_not_due_before_the_day_of_the_reminder() {
    let o = Office0::new();
    let assigned = fixture(&o, "assigned");
    // Given on 2026-03-10 (t(8)): an answer by 2026-03-09 is refused, by the same day allowed.
    let early = remind("逾期未反馈", "城建科", date(2026, 3, 9));
    let err = o.apply(Some(&assigned), &early, "李娜", t(8)).unwrap_err();
    assert_eq!(
        err,
        E::DateBeforeToday {
            field: Field::ReplyBy,
            date: date(2026, 3, 9),
            today: date(2026, 3, 10)
        }
    );
    let same_day = remind("逾期未反馈", "城建科", date(2026, 3, 10));
    assert!(o.apply(Some(&assigned), &same_day, "李娜", t(8)).is_ok());
    let blank = remind(" ", "城建科", date(2026, 3, 17));
    let err = o.apply(Some(&assigned), &blank, "李娜", t(8)).unwrap_err();
    assert!(
        matches!(
            err,
            E::MissingField {
                field: Field::Reason,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn reminders_are_counted_with_the_latest_shown() {
    let o = Office0::new();
    let assigned = fixture(&o, "assigned");
    let first = remind("逾期未反馈", "城建科", date(2026, 3, 17));
    let once = o.step(&assigned, first, "李娜", t(8));
    let second = remind("再次催办", "王强", date(2026, 3, 20));
    let twice = o.step(&once, second, "赵局长", t(9));
    assert_eq!(twice.reminders.len(), 2);
    let latest = twice.reminders.last().unwrap();
    assert_eq!(
        labels::reminders(Lang::Zh, twice.reminders.len(), latest),
        "2次，最近：王强 再次催办（反馈期限 2026-03-20）"
    );
    // A ledger written before the step has no `reminders`: it reads as none.
    let json = serde_json::to_value(&assigned).unwrap();
    assert!(json.get("reminders").is_none());
    let read: Case = serde_json::from_value(json).unwrap();
    assert!(read.reminders.is_empty());
}

#[test]
fn the_desk_form_saves_a_reminder_to_the_assigned_department() {
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映物业乱收费");
    d.key(KeyCode::Char('a'));
    d.chars("城建");
    d.key(KeyCode::Tab);
    d.chars("王强");
    d.ctrl('s');
    assert_eq!(d.state(), State::Assigned, "{:?}", d.app.message);
    // m opens 催办: to whom defaults to the assigned department, the answer to a week on
    // (the desk's day is t(1), 2026-03-03; seven days later is 2026-03-10).
    d.key(KeyCode::Char('m'));
    assert_eq!(d.form().text(FieldKey::RemindTo).as_deref(), Some("城建科"));
    assert_eq!(
        d.form().text(FieldKey::ReplyBy).as_deref(),
        Some("2026-03-10")
    );
    d.fill(FieldKey::RemindGround, "请于一周内反馈办理进展");
    d.ctrl('s');
    let Screen::Case(c) = &d.app.screen else {
        panic!("back on the case: {:?}", d.app.message)
    };
    let reminders = &c.row.case.reminders;
    assert_eq!(reminders.len(), 1, "{:?}", d.app.message);
    assert_eq!(reminders[0].ground, "请于一周内反馈办理进展");
    assert_eq!(reminders[0].to, "城建科");
    assert_eq!(reminders[0].reply_by, date(2026, 3, 10));
    let events = d.store.events(c.row.case.id).unwrap();
    assert_eq!(events.last().unwrap().op, "remind");
    // The case screen counts it and names the latest.
    let text = screen(&d.app);
    assert!(
        text.contains("1次，最近：城建科请于一周内反馈办理进展"),
        "{text}"
    );
}

#[test]
fn show_counts_the_reminders_with_the_latest() {
    let l = common::Ledger::new();
    // The README session up to the assignment (2026-02-02), then two reminders.
    let setup: String = SESSION.lines().take(7).map(|s| format!("{s}\n")).collect();
    let reminders = [
        r#"{"op":"remind","actor":"李娜","case":"2026-0001","ground":"请反馈进展","to":"城建科","reply_by":"2026-02-13","at":"2026-02-10T09:00:00+08:00"}"#,
        r#"{"op":"remind","actor":"赵建国","case":"2026-0001","ground":"再次催办","to":"王强","reply_by":"2026-02-20","at":"2026-02-16T09:00:00+08:00"}"#,
    ];
    l.apply_ok(&format!("{setup}{}\n", reminders.join("\n")));
    let out = common::run(&["show", "--db", l.db(), "2026-0001"], "");
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout
            .contains("催办：2次，最近：王强 再次催办（反馈期限 2026-02-20）"),
        "{}",
        out.stdout
    );
}

const SESSION: &str = include_str!("fixtures/session.jsonl");
