//! The desk's queue: update-level tests with key events and pastes, and the
//! view at every small terminal size (no panic, a notice when too small).

mod support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::fixture::*;
use xinfang::domain::command::Command;
use xinfang::store::{Request, Store};
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Cmd, Filter, Msg, Screen};
use xinfang::ui::{runtime, view};

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn ledger(n: usize) -> (tempfile::TempDir, Store) {
    let o = Office0::new();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("l.db"), o.office.clone()).unwrap();
    for op in &o.operators {
        store.put_operator(op).unwrap();
    }
    let reqs: Vec<Request> = (0..n)
        .map(|i| {
            let mut input = intake_input();
            input.petitioners[0].name = if i % 2 == 0 {
                "王伟".into()
            } else {
                "李秀英".into()
            };
            input.summary = format!("第{i}件：反映拆迁补偿款未到位");
            Request {
                case: None,
                expected_version: None,
                command: Command::Intake(Box::new(input)),
                actor: "李娜".into(),
                at: t(0),
            }
        })
        .collect();
    store.execute_batch(&reqs).unwrap();
    (dir, store)
}

fn started(store: &Store, rows: u16) -> App {
    let mut app = App::new(Lang::Zh, None, "某区信访局".into(), date(2026, 3, 10));
    runtime::dispatch(store, &mut app, Msg::Resize { rows });
    for cmd in app.start() {
        let msg = runtime::execute(store, &app, &cmd);
        runtime::dispatch(store, &mut app, msg);
    }
    app
}

#[test]
fn typing_in_search_never_triggers_shortcuts() {
    let (_d, store) = ledger(3);
    let mut app = started(&store, 24);
    assert!(app.update(key(KeyCode::Char('/'))).is_empty());
    let cmds = app.update(key(KeyCode::Char('q')));
    assert!(!app.quit, "q typed into the search field must not quit");
    assert_eq!(
        cmds,
        vec![Cmd::Search {
            query: "q".into(),
            limit: app.page_size
        }]
    );
    app.update(key(KeyCode::Char('j')));
    assert_eq!(app.queue.search.as_ref().unwrap().value(), "qj");
    // A pasted name is one edit; Chinese text searches.
    app.update(key(KeyCode::Esc));
    app.update(key(KeyCode::Char('/')));
    let cmds = app.update(Msg::Paste("王伟".into()));
    assert_eq!(
        cmds,
        vec![Cmd::Search {
            query: "王伟".into(),
            limit: app.page_size
        }]
    );
    runtime::dispatch(&store, &mut app, Msg::Paste(String::new()));
    assert_eq!(app.queue.rows.len(), 2, "cases 0 and 2 are 王伟's");
    // Enter opens the selected result; Esc comes back.
    runtime::dispatch(&store, &mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Case(_)));
    runtime::dispatch(&store, &mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Queue));
    // Back in the queue the search is still open with its results…
    assert_eq!(app.queue.search.as_ref().map(|f| f.value()), Some("王伟"));
    assert_eq!(app.queue.rows.len(), 2, "still the search results");
    // …so q types; Esc closes the search, then q quits.
    runtime::dispatch(&store, &mut app, key(KeyCode::Esc));
    runtime::dispatch(&store, &mut app, key(KeyCode::Char('q')));
    assert!(app.quit);
}

#[test]
fn pages_forward_and_back_by_key() {
    let (_d, store) = ledger(45);
    let mut app = started(&store, 25); // 20 rows a page
    assert_eq!(app.page_size, 20);
    let first: Vec<i64> = app.queue.rows.iter().map(|r| r.case.id).collect();
    assert_eq!(first[0], 45, "newest first");
    runtime::dispatch(&store, &mut app, key(KeyCode::PageDown));
    assert_eq!(app.queue.rows[0].case.id, 25);
    runtime::dispatch(&store, &mut app, key(KeyCode::PageDown));
    assert_eq!(
        app.queue.rows.iter().map(|r| r.case.id).collect::<Vec<_>>(),
        (1..=5).rev().collect::<Vec<_>>()
    );
    runtime::dispatch(&store, &mut app, key(KeyCode::PageDown));
    assert_eq!(app.queue.rows[0].case.id, 5, "no page after the last");
    runtime::dispatch(&store, &mut app, key(KeyCode::PageUp));
    runtime::dispatch(&store, &mut app, key(KeyCode::PageUp));
    assert_eq!(
        app.queue.rows.iter().map(|r| r.case.id).collect::<Vec<_>>(),
        first
    );
    // f cycles the filter and starts from the first page.
    runtime::dispatch(&store, &mut app, key(KeyCode::Char('f')));
    assert_eq!(app.filter, Filter::Overdue);
}

#[test]
fn every_small_size_renders_without_panic() {
    let (_d, store) = ledger(5);
    let mut app = started(&store, 24);
    app.update(key(KeyCode::Char('/')));
    app.update(Msg::Paste("拆迁".into()));
    for w in 1..=81u16 {
        for h in 1..=25u16 {
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| view::draw(&app, f)).unwrap();
        }
    }
    let mut term = Terminal::new(TestBackend::new(40, 10)).unwrap();
    term.draw(|f| view::draw(&app, f)).unwrap();
    // Wide characters fill two cells: the second is blank, so compare
    // without spaces.
    let text: String = term
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .filter(|s| *s != " ")
        .collect();
    assert!(
        text.contains("窗口太小") && text.contains("60x16"),
        "{text}"
    );
}
