//! The defaults a form opens on (issue 17 point 2): the handler follows
//! the department, reassigning opens on the current assignment and keeps
//! the 包案领导, a revised opinion starts from the returned one, and the
//! queue's cursor follows its case across a reload.

mod common;

use common::desk::Desk;
use common::fixture::*;
use ratatui::crossterm::event::KeyCode;
use xinfang::domain::command::Command;
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::Screen;

fn handler(d: &Desk) -> Option<String> {
    d.form().code(FieldKey::Handler).map(str::to_owned)
}

#[test]
fn the_handler_follows_the_department() {
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映学校收费");
    d.key(KeyCode::Char('a'));
    // The first department and its own handler, not a leader.
    assert_eq!(d.form().code(FieldKey::Department), Some("城建科"));
    assert_eq!(handler(&d).as_deref(), Some("王强"));
    d.chars("教育");
    assert_eq!(handler(&d).as_deref(), Some("刘洋"));
    // A leader chosen as handler gives way when the department changes:
    // the new department's handler takes the case.
    d.key(KeyCode::Tab);
    d.chars("赵局长");
    assert_eq!(handler(&d).as_deref(), Some("赵局长"));
    d.key(KeyCode::BackTab);
    d.ctrl('u');
    d.chars("城建");
    assert_eq!(d.form().code(FieldKey::Department), Some("城建科"));
    assert_eq!(handler(&d).as_deref(), Some("王强"));
    d.ctrl('s');
    let a = match &d.app.screen {
        Screen::Case(c) => c.row.case.assignment.clone().unwrap(),
        _ => panic!("{:?}", d.app.message),
    };
    assert_eq!(
        (a.department.as_str(), a.handler.as_str()),
        ("城建科", "王强")
    );
}

#[test]
fn reassigning_opens_on_the_assignment_and_keeps_the_leader() {
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映学校收费");
    d.key(KeyCode::Char('a'));
    d.chars("教育");
    d.to(FieldKey::Leader, None);
    d.chars("赵局长");
    d.ctrl('s');
    // `a` again: the form shows what the case has.
    d.key(KeyCode::Char('a'));
    let f = d.form();
    assert_eq!(f.code(FieldKey::Department), Some("教育科"));
    assert_eq!(f.code(FieldKey::Handler), Some("刘洋"));
    assert_eq!(f.code(FieldKey::Leader), Some("赵局长"));
    d.ctrl('s');
    let a = match &d.app.screen {
        Screen::Case(c) => c.row.case.assignment.clone().unwrap(),
        _ => panic!("{:?}", d.app.message),
    };
    assert_eq!(
        a.owner_leader.as_deref(),
        Some("赵局长"),
        "the 包案领导 is kept"
    );
}

#[test]
fn a_revised_opinion_starts_from_the_returned_one() {
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映学校收费");
    d.key(KeyCode::Char('a'));
    d.chars("教育");
    d.ctrl('s');
    d.app.operator = Some(Office0::new().who("刘洋"));
    d.key(KeyCode::Char('o'));
    assert_eq!(
        d.form().text(FieldKey::Opinion),
        None,
        "a first opinion is blank"
    );
    d.chars("经核查，收费符合规定");
    d.ctrl('s');
    d.app.operator = Some(Office0::new().who("赵局长"));
    d.key(KeyCode::Char('i'));
    d.to(FieldKey::Approve, None);
    d.key(KeyCode::Right);
    d.to(FieldKey::Instruction, None);
    d.chars("请写明依据");
    d.ctrl('s');
    d.app.operator = Some(Office0::new().who("刘洋"));
    d.key(KeyCode::Char('o'));
    assert_eq!(
        d.form().text(FieldKey::Opinion).as_deref(),
        Some("经核查，收费符合规定")
    );
    // What is typed is added to it, not put in its place.
    d.key(KeyCode::End);
    d.chars("（依据某文件）");
    assert_eq!(
        d.form().text(FieldKey::Opinion).as_deref(),
        Some("经核查，收费符合规定（依据某文件）")
    );
}

/// `r` on the queue after another desk took in a case: the cursor stays
/// on the case it was on, now a row further down.
#[test]
fn the_queue_cursor_follows_its_case_across_a_reload() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("冯七");
    d.fill_summary("反映物业乱收费");
    d.ctrl('s');
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Queue(_)));
    d.key(KeyCode::Down);
    let chosen = d.app.queue().rows[d.app.queue().selected].case.id;
    d.store
        .execute(&xinfang::store::Request {
            case: None,
            expected_version: None,
            command: Command::Intake(Box::new(intake_input())),
            actor: "李娜".into(),
            at: t(1),
        })
        .unwrap();
    d.key(KeyCode::Char('r'));
    let q = d.app.queue();
    assert_eq!(q.rows[q.selected].case.id, chosen);
    assert_eq!(q.selected, 2);
}

/// Another desk assigns the case while this one's 交办 form is open: the
/// form is told at once, keeps what was typed, says so again on the first
/// Ctrl-S and saves on the second (issue 17 point 3).
#[test]
fn a_form_on_a_case_changed_meanwhile_says_so_before_saving() {
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映学校收费");
    let id = d.case_id();
    d.key(KeyCode::Char('a'));
    d.chars("教育");
    d.store
        .execute(&xinfang::store::Request {
            case: Some(xinfang::store::CaseRef::Id(id)),
            expected_version: None,
            command: assign("城建科", "王强"),
            actor: "李娜".into(),
            at: t(1),
        })
        .unwrap();
    d.send(xinfang::ui::app::Msg::Changed);
    let said = d.app.message.clone().unwrap_or_default();
    assert!(said.contains("他人更改") && said.contains("交办"), "{said}");
    assert_eq!(d.form().code(FieldKey::Department), Some("教育科"));
    d.ctrl('s');
    assert!(matches!(d.app.screen, Screen::Form(_)), "told once more");
    // In words that say the save waits: the notice again read as a key that did nothing.
    let said = d.app.message.clone().unwrap_or_default();
    assert!(
        said.contains("尚未保存") && said.contains("再按一次 Ctrl-S"),
        "{said}"
    );
    d.ctrl('s');
    let a = match &d.app.screen {
        Screen::Case(c) => c.row.case.assignment.clone().unwrap(),
        _ => panic!("{:?}", d.app.message),
    };
    assert_eq!(a.department, "教育科");
}

/// Another desk's step shows on the open case screen, which keeps its scroll.
#[test]
fn the_case_screen_takes_another_desks_step_where_it_was_scrolled() {
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映学校收费");
    let id = d.case_id();
    if let Screen::Case(c) = &mut d.app.screen {
        c.scroll = 3;
    }
    d.store
        .execute(&xinfang::store::Request {
            case: Some(xinfang::store::CaseRef::Id(id)),
            expected_version: None,
            command: assign("城建科", "王强"),
            actor: "李娜".into(),
            at: t(1),
        })
        .unwrap();
    d.send(xinfang::ui::app::Msg::Changed);
    let Screen::Case(c) = &d.app.screen else {
        panic!("the case stays open");
    };
    assert_eq!(c.scroll, 3);
    assert_eq!(c.row.case.state, xinfang::domain::types::State::Assigned);
}
