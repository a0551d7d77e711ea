//! 重点信访人 at the desk (issue 20 point 4): the intake form warns when a flagged person
//! comes again (the flag, its reason and date, in the repeat panel), the leader's dashboard
//! lists them with their true count, and a department handler sees neither.

mod common;

use chrono::NaiveDate;
use common::desk::Desk;
use common::fixture::t;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use xinfang::domain::flags::{KeyFlag, PersonFlag};
use xinfang::domain::repeat::PetitionerKey;
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::{App, Cmd, Msg};
use xinfang::ui::form::intake::RepeatQuery;
use xinfang::ui::screens::dashboard::List;
use xinfang::ui::{runtime, view};

const ID: &str = "11010519491231002X";

fn render(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    term.draw(|f| view::draw(app, f)).expect("drawn");
    term.backend().to_string()
}

fn flag(name: &str, id: &str) -> PersonFlag {
    PersonFlag {
        no: 0,
        name: name.into(),
        id_number: Some(id.into()),
        phone: None,
        address: None,
        flag: KeyFlag::Beijing,
        reason: "多次进京上访，扬言继续".into(),
        on: NaiveDate::from_ymd_opt(2026, 3, 3).expect("a day"),
        by: "赵局长".into(),
    }
}

/// The clerk types 张三's ID number: the panel warns, above his earlier case.
#[test]
fn a_flagged_petitioner_is_warned_at_intake() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut d = Desk::new("李娜", 1);
        d.store
            .set_flag("赵局长", t(1), &flag("张三", ID))
            .expect("flagged");
        d.send(Msg::Resize { rows: h });
        d.chars("n1");
        d.chars("张三");
        d.fill(FieldKey::IdNumber, ID);
        assert_eq!(d.form().repeats.flags.len(), 1, "the flag is found");
        let shown = render(&d.app, w, h);
        for part in ["重点信访人", "进京访", "2026-03-03", "多次进京上访"] {
            assert!(shown.contains(part), "{part}:\n{shown}");
        }
        insta::assert_snapshot!(format!("flag_at_intake_{w}x{h}"), shown);
    }
}

/// 45 flags: the list's title says 45 and the cursor goes to the last.
#[test]
fn the_dashboard_lists_every_flagged_person() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut d = Desk::new("赵局长", 1);
        for i in 0..45 {
            let id = format!("1101051949123{i:04}X");
            let f = flag(&format!("重点人{i:02}"), &id);
            d.store.set_flag("赵局长", t(1), &f).expect("flagged");
        }
        d.send(Msg::Resize { rows: h });
        d.key(KeyCode::Char('r'));
        assert_eq!(List::Flagged.total(&d.app.dash().data), 45);
        let shown = render(&d.app, w, h);
        assert!(shown.contains("重点信访人（45）"), "{shown}");
        insta::assert_snapshot!(format!("flags_on_dashboard_{w}x{h}"), shown);
        // Tab to the list, then down to its end: the oldest flag shows.
        for _ in 0..List::ALL.len() {
            if d.app.dash().current() == List::Flagged {
                break;
            }
            d.key(KeyCode::Tab);
        }
        assert_eq!(d.app.dash().current(), List::Flagged);
        for _ in 0..44 {
            d.key(KeyCode::Down);
        }
        assert_eq!(d.app.dash().current(), List::Flagged);
        assert_eq!(d.app.dash().selected, 44);
        let shown = render(&d.app, w, h);
        assert!(shown.contains("重点人00"), "{shown}");
    }
}

/// A department handler is never shown a flag: not at intake, not on a dashboard.
#[test]
fn a_handler_sees_no_flags() {
    let mut d = Desk::new("王强", 1);
    d.store
        .set_flag("赵局长", t(1), &flag("张三", ID))
        .expect("flagged");
    let key = PetitionerKey::new(Some(ID), None, Some("张三"), None, d.app.today);
    match runtime::execute(
        &mut d.store,
        &d.app,
        &Cmd::Repeats(RepeatQuery::Person(key)),
    ) {
        Msg::Repeats { flags, .. } => assert!(flags.is_empty(), "{flags:?}"),
        other => panic!("{other:?}"),
    }
    match runtime::execute(&mut d.store, &d.app, &Cmd::LoadDashboard) {
        Msg::Dashboard(dash) => {
            assert!(dash.flagged.is_empty());
            assert_eq!(dash.totals.flagged, 0);
        }
        other => panic!("{other:?}"),
    }
    // The clerk on the same ledger is warned.
    let clerk = Desk::new("李娜", 1);
    let key = PetitionerKey::new(Some(ID), None, Some("张三"), None, clerk.app.today);
    let mut store = d.store;
    match runtime::execute(
        &mut store,
        &clerk.app,
        &Cmd::Repeats(RepeatQuery::Person(key)),
    ) {
        Msg::Repeats { flags, .. } => assert_eq!(flags.len(), 1),
        other => panic!("{other:?}"),
    }
}
