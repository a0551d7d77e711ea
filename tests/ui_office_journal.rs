//! The desk's administration on record (issue 13): a leader's change from the settings
//! screen is in the office journal, which the leader reads there (`l`); a clerk is
//! refused both, with the reason, and the store refuses a clerk's change by itself too.

mod common;

use common::desk::Desk;
use common::fixture::t;
use ratatui::crossterm::event::KeyCode;
use xinfang::store::{Admin, StoreError};
use xinfang::ui::app::Screen;

fn journal(d: &Desk) -> Option<Vec<xinfang::store::OfficeEvent>> {
    match &d.app.screen {
        Screen::Settings(s) => s.journal.clone(),
        _ => None,
    }
}

#[test]
fn a_leaders_change_is_journaled_and_read_on_the_settings_screen() {
    let mut d = Desk::new("赵局长", 1);
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Char('N'));
    d.chars("环保科");
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Settings(_)),
        "{:?}",
        d.app.message
    );
    let events = d.store.office_journal("赵局长", None).expect("journal");
    let last = events.last().expect("an event");
    assert_eq!(
        (
            last.act.as_str(),
            last.actor.as_str(),
            last.subject.as_str()
        ),
        ("department", "赵局长", "环保科")
    );
    // Read on the settings screen, newest first; Esc goes back to the directory.
    d.key(KeyCode::Char('l'));
    let shown = journal(&d).expect("the journal is shown");
    assert_eq!(shown.first().map(|e| e.subject.as_str()), Some("环保科"));
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Settings(_)));
    assert!(journal(&d).is_none());
    assert!(d.store.check().expect("check").ok());
}

#[test]
fn a_clerk_may_neither_change_nor_read_it() {
    let mut d = Desk::new("李娜", 1);
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Char('l'));
    assert!(journal(&d).is_none());
    let said = d.app.message.clone().unwrap_or_default();
    assert!(said.contains("领导"), "{said}");
    // Behind the desk's back, the store refuses too, and records only the refusal.
    let before = d
        .store
        .office_journal("赵局长", None)
        .expect("journal")
        .len();
    let change = Admin::Department {
        name: "环保科".into(),
        active: true,
    };
    let refused = d.store.administer("李娜", t(1), &change);
    assert!(
        matches!(refused, Err(StoreError::Workflow(_))),
        "{refused:?}"
    );
    assert!(
        !d.store
            .departments()
            .expect("departments")
            .contains(&"环保科".to_owned())
    );
    assert!(matches!(
        d.store.office_journal("李娜", None),
        Err(StoreError::Workflow(_))
    ));
    let after = d.store.office_journal("赵局长", None).expect("journal");
    assert_eq!(after.len(), before + 1);
    let last = after.last().expect("the refusal");
    assert_eq!(
        (
            last.actor.as_str(),
            last.result.as_str(),
            last.subject.as_str()
        ),
        ("李娜", "refused", "环保科")
    );
}

/// A step a leader entered for a clerk (a paper record) shows both in the desk's timeline,
/// as `show` does.
#[test]
fn the_case_screen_says_who_entered_a_step_for_another() {
    use xinfang::domain::command::Command;
    use xinfang::domain::types::Decision;
    use xinfang::ui::{app::Cmd, runtime};
    let mut d = Desk::new("赵局长", 1);
    // Case 1 came in on day 0; the leader enters the clerk's paper decision.
    d.store.set_entered_by(Some("赵局长".into()));
    d.step(Command::Register(Decision::Accept), "李娜");
    let msg = runtime::execute(&mut d.store, &d.app, &Cmd::OpenCase(1));
    runtime::dispatch(&mut d.store, &mut d.app, msg);
    let shown = common::desk::drawn(&d.app);
    assert!(shown.contains("（赵局长代录）"), "{shown}");
}
