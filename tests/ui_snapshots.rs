//! Every screen of the desk at 80x24 and 120x40 with Chinese data, as
//! `insta` snapshots (`cargo insta review`, or INSTA_UPDATE=always, after a
//! deliberate change to the layout).

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use xinfang::config::Office;
use xinfang::domain::rules::Operator;
use xinfang::domain::types::Role;
use xinfang::store::Store;
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Msg};
use xinfang::ui::{runtime, view};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn render(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(app, f)).unwrap();
    term.backend().to_string()
}

/// The README session (an archived case and its review) plus a letter,
/// seen on 2026-04-01 by 李娜.
fn desk(rows: u16) -> (common::Ledger, Store, App) {
    let l = common::Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    l.apply_ok(concat!(
        r#"{"op":"intake","actor":"李娜","at":"2026-03-31T15:00:00+08:00","channel":"letter","anonymous":true,"#,
        r#""category":"劳动社保","handling_type":"检举控告","target":"某建筑公司","summary":"匿名来信反映某建筑公司拖欠农民工工资三个月","request":"要求督促发放"}"#,
        "\n"
    ));
    let mut store = Store::open(&l.path, Office::builtin()).unwrap();
    let operator = Operator {
        name: "李娜".into(),
        role: Role::Clerk,
        department: None,
        active: true,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    let mut app = App::new(Lang::Zh, Some(operator), "某区信访局".into(), today);
    runtime::dispatch(&mut store, &mut app, Msg::Resize { rows });
    for cmd in app.start() {
        let msg = runtime::execute(&mut store, &app, &cmd);
        runtime::dispatch(&mut store, &mut app, msg);
    }
    (l, store, app)
}

#[test]
fn queue() {
    for (w, h) in SIZES {
        let (_l, _s, app) = desk(h);
        insta::assert_snapshot!(format!("queue_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn queue_searching_a_two_character_word() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('/')));
        runtime::dispatch(&mut s, &mut app, Msg::Paste("拆迁".into()));
        insta::assert_snapshot!(format!("search_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn case_screen() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Down));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Down));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Enter));
        insta::assert_snapshot!(format!("case_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn intake_form_with_an_error() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('n')));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('1')));
        runtime::dispatch(&mut s, &mut app, Msg::Paste("王伟".into()));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Tab));
        runtime::dispatch(&mut s, &mut app, Msg::Paste("110105194912310021".into()));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Tab));
        insta::assert_snapshot!(format!("form_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn help() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('?')));
        insta::assert_snapshot!(format!("help_{w}x{h}"), render(&app, w, h));
    }
}
