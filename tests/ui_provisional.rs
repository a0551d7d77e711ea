//! The desk marks a due date in a year without an official holiday table as provisional
//! (issue 16, point 5): `*` in the queue's due column with a legend line, a note under the
//! clock on the case screen.

mod common;

use common::fixture::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use xinfang::domain::command::Command;
use xinfang::store::{Request, Store};
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Msg, Screen};
use xinfang::ui::{runtime, view};

/// The screen's text without spaces (a wide character's second cell is blank).
fn screen(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(120, 30)).unwrap();
    term.draw(|f| view::draw(app, f)).unwrap();
    term.backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .filter(|s| *s != " ")
        .collect()
}

#[test]
fn queue_and_case_screen_mark_a_2027_due_date_provisional() {
    let o = Office0::new();
    let dir = tempfile::tempdir().unwrap();
    let mut store =
        Store::open(&dir.path().join("l.db"), o.office.clone(), &common::key()).unwrap();
    for op in &o.operators {
        store.put_operator(op).unwrap();
    }
    // Received Thu 2026-12-17: + 15 = Fri 2027-01-01 元旦, Sat, Sun → Mon 2027-01-04;
    // on 2026-12-18 that is 17 days away, in 2027, which has no official table.
    let req = Request {
        case: None,
        expected_version: None,
        command: Command::Intake(Box::new(intake_input())),
        actor: "李娜".into(),
        at: at("2026-12-17T10:00:00+08:00"),
    };
    store.execute_batch(&[req]).unwrap();
    let mut app = App::new(Lang::Zh, None, "某区信访局".into(), date(2026, 12, 18));
    runtime::dispatch(&mut store, &mut app, Msg::Resize { rows: 30 });
    for cmd in app.start() {
        let msg = runtime::execute(&mut store, &app, &cmd);
        runtime::dispatch(&mut store, &mut app, msg);
    }
    let queue = screen(&app);
    assert!(queue.contains("剩17日*"), "{queue}");
    assert!(
        queue.contains("*暂定日期：该年尚无国务院放假安排"),
        "{queue}"
    );
    let enter = Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    runtime::dispatch(&mut store, &mut app, enter);
    assert!(matches!(app.screen, Screen::Case(_)));
    let case = screen(&app);
    assert!(case.contains("2027-01-04"), "{case}");
    assert!(case.contains("暂定：2027年尚无国务院放假安排"), "{case}");
}

#[test]
fn the_case_screen_marks_a_jiaoban_report_date_in_2027_provisional() {
    let o = Office0::new();
    let dir = tempfile::tempdir().unwrap();
    let mut store =
        Store::open(&dir.path().join("l.db"), o.office.clone(), &common::key()).unwrap();
    for op in &o.operators {
        store.put_operator(op).unwrap();
    }
    // Received and 交办'd Fri 2026-11-20 with no date for the report: the outbound clock's 60
    // days, 10 to 11-30, 31 in December, 19 in January → Tue 2027-01-19, a year with no table.
    let req = |command, at_: &str| Request {
        case: None,
        expected_version: None,
        command,
        actor: "李娜".into(),
        at: at(at_),
    };
    store
        .execute_batch(&[req(
            Command::Intake(Box::new(intake_input())),
            "2026-11-20T10:00:00+08:00",
        )])
        .unwrap();
    let jiaoban = xinfang::domain::types::Decision::PassOn {
        to: "区住建局".into(),
        assign: true,
        report_by: None,
    };
    let register = Request {
        case: Some(xinfang::store::CaseRef::Id(1)),
        expected_version: Some(1),
        ..req(Command::Register(jiaoban), "2026-11-20T11:00:00+08:00")
    };
    store.execute_batch(&[register]).unwrap();
    let mut app = App::new(Lang::Zh, None, "某区信访局".into(), date(2026, 11, 23));
    runtime::dispatch(&mut store, &mut app, Msg::Resize { rows: 30 });
    for cmd in app.start() {
        let msg = runtime::execute(&mut store, &app, &cmd);
        runtime::dispatch(&mut store, &mut app, msg);
    }
    let enter = Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    runtime::dispatch(&mut store, &mut app, enter);
    assert!(matches!(app.screen, Screen::Case(_)));
    let case = screen(&app);
    assert!(
        case.contains("交办区住建局，办结报告期限2027-01-19（暂定）"),
        "{case}"
    );
}
