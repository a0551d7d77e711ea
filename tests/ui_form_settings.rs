//! The settings forms (people and departments) and the reception forms
//! (the schedule and a leader's reception record), fed key by key.

mod common;

use common::desk::Desk;
use ratatui::crossterm::event::KeyCode;
use xinfang::domain::command::Command;
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::Screen;

#[test]
fn a_leader_manages_people_and_departments() {
    let mut d = Desk::new("李娜", 1);
    d.key(KeyCode::Char('p'));
    assert!(matches!(d.app.screen, Screen::Settings(_)));
    d.key(KeyCode::Char('n'));
    assert!(
        matches!(d.app.screen, Screen::Settings(_)),
        "a clerk may not add"
    );
    assert!(
        d.app.message.as_deref().unwrap().contains("领导"),
        "{:?}",
        d.app.message
    );
    d.app = d.restart("赵局长");
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Char('N'));
    d.chars("环保科");
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Settings(_)),
        "{:?}",
        d.app.message
    );
    assert!(d.app.directory.departments.contains(&"环保科".to_owned()));
    d.key(KeyCode::Char('n'));
    d.chars("何建华");
    d.key(KeyCode::Tab);
    d.key(KeyCode::Right); // 承办人
    d.key(KeyCode::Tab);
    d.chars("环保");
    d.ctrl('s');
    let ops = d.store.operators().unwrap();
    let he = ops.iter().find(|o| o.name == "何建华").unwrap();
    assert_eq!(he.role, xinfang::domain::types::Role::Handler);
    assert_eq!(he.department.as_deref(), Some("环保科"));
    assert!(he.active);
    // Without a passphrase he could not sign in: the leader is asked for a one-time one.
    let dialog = d.app.pass_dialog.as_ref().expect("the passphrase box");
    assert!(dialog.reset, "a one-time passphrase");
    d.chars("给他的一次性口令");
    d.key(KeyCode::Enter);
    d.chars("给他的一次性口令");
    d.key(KeyCode::Enter);
    assert!(d.app.pass_dialog.is_none(), "{:?}", d.app.message);
    let ring = xinfang::store::Keyring::load(d.store.path()).unwrap();
    assert!(ring.must_change("何建华"));
    // Change 刘洋: no longer active.
    let at = d
        .app
        .directory
        .operators
        .iter()
        .position(|o| o.name == "刘洋")
        .unwrap();
    while d.app.settings_selected() < at {
        d.key(KeyCode::Down);
    }
    d.key(KeyCode::Enter);
    d.to(FieldKey::Active, None);
    d.key(KeyCode::Char(' '));
    d.ctrl('s');
    let ops = d.store.operators().unwrap();
    assert!(!ops.iter().find(|o| o.name == "刘洋").unwrap().active);
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Dashboard(_)));
}

#[test]
fn a_reception_day_is_scheduled_and_recorded() {
    let mut d = Desk::new("李娜", 1);
    d.step(
        Command::Register(xinfang::domain::types::Decision::Accept),
        "李娜",
    );
    d.key(KeyCode::Char('h'));
    assert!(matches!(d.app.screen, Screen::Reception(_)));
    d.key(KeyCode::Char('a'));
    assert!(
        matches!(d.app.screen, Screen::Reception(_)),
        "a clerk may not schedule"
    );
    d.app = d.restart("赵局长");
    d.key(KeyCode::Char('h'));
    d.key(KeyCode::Char('a'));
    d.to(FieldKey::Place, None);
    d.chars("一楼接待室");
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Reception(_)),
        "{:?}",
        d.app.message
    );
    assert_eq!(d.app.reception().days.len(), 1);
    assert_eq!(d.app.reception().days[0].leader, "赵局长");
    d.key(KeyCode::Char('n'));
    d.to(FieldKey::Visitor, None);
    d.chars("张三");
    d.key(KeyCode::Tab);
    d.chars("2026-0001");
    d.key(KeyCode::Tab);
    d.chars("补偿款仍未到位");
    d.key(KeyCode::Tab);
    d.chars("责成城建科一周内答复");
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Reception(_)),
        "{:?}",
        d.app.message
    );
    let records = &d.app.reception().records;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].record.case_id, Some(1));
    assert_eq!(records[0].case_name.as_deref(), Some("2026-0001"));
    assert_eq!(records[0].record.decided, "责成城建科一周内答复");
    // A case number that does not exist is refused, the form kept.
    d.key(KeyCode::Char('n'));
    d.to(FieldKey::Visitor, None);
    d.chars("李四");
    d.key(KeyCode::Tab);
    d.chars("2026-9999");
    d.key(KeyCode::Tab);
    d.chars("反映噪音");
    d.ctrl('s');
    assert!(matches!(d.app.screen, Screen::Form(_)));
    assert!(
        d.app.message.as_deref().unwrap().contains("2026-9999"),
        "{:?}",
        d.app.message
    );
}
