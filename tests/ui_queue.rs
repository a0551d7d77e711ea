//! The desk's queue: update-level tests with key events and pastes, and the
//! view at every small terminal size (no panic, a notice when too small).

mod common;

use common::fixture::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use xinfang::domain::command::Command;
use xinfang::store::{Request, Store};
use xinfang::strings::Lang;
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::{App, Cmd, Filter, Msg, Screen};
use xinfang::ui::{runtime, view};

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn ledger(n: usize) -> (tempfile::TempDir, Store) {
    let o = Office0::new();
    let dir = tempfile::tempdir().unwrap();
    let mut store =
        Store::open(&dir.path().join("l.db"), o.office.clone(), &common::key()).unwrap();
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

fn started(store: &mut Store, rows: u16) -> App {
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
    let (_d, mut store) = ledger(3);
    let mut app = started(&mut store, 24);
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
    assert_eq!(app.queue().search.as_ref().unwrap().value(), "qj");
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
    runtime::dispatch(&mut store, &mut app, Msg::Paste(String::new()));
    assert_eq!(app.queue().rows.len(), 2, "cases 0 and 2 are 王伟's");
    // Enter opens the selected result; Esc comes back.
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Case(_)));
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Queue(_)));
    // Back in the queue the search is closed (issue 17): a `/` starts a
    // new one instead of typing on after 王伟.
    assert!(app.queue().search.is_none());
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Char('/')));
    assert_eq!(app.queue().search.as_ref().map(|f| f.value()), Some(""));
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Esc));
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Char('q')));
    assert!(app.quit);
}

#[test]
fn pages_forward_and_back_by_key() {
    let (_d, mut store) = ledger(45);
    let mut app = started(&mut store, 25); // 20 rows a page
    assert_eq!(app.page_size, 20);
    let first: Vec<i64> = app.queue().rows.iter().map(|r| r.case.id).collect();
    assert_eq!(first[0], 45, "newest first");
    runtime::dispatch(&mut store, &mut app, key(KeyCode::PageDown));
    assert_eq!(app.queue().rows[0].case.id, 25);
    runtime::dispatch(&mut store, &mut app, key(KeyCode::PageDown));
    assert_eq!(
        app.queue()
            .rows
            .iter()
            .map(|r| r.case.id)
            .collect::<Vec<_>>(),
        (1..=5).rev().collect::<Vec<_>>()
    );
    runtime::dispatch(&mut store, &mut app, key(KeyCode::PageDown));
    assert_eq!(app.queue().rows[0].case.id, 5, "no page after the last");
    runtime::dispatch(&mut store, &mut app, key(KeyCode::PageUp));
    runtime::dispatch(&mut store, &mut app, key(KeyCode::PageUp));
    assert_eq!(
        app.queue()
            .rows
            .iter()
            .map(|r| r.case.id)
            .collect::<Vec<_>>(),
        first
    );
    // f cycles the filter and starts from the first page.
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Char('f')));
    assert_eq!(app.queue().view.filter, Filter::Overdue);
}

#[test]
fn every_small_size_renders_without_panic() {
    let (_d, mut store) = ledger(5);
    let mut app = started(&mut store, 24);
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

#[test]
fn a_visitor_is_taken_in_from_the_form() {
    let (_d, mut store) = ledger(1);
    let mut app = started(&mut store, 30);
    app.operator = Some(Office0::new().who("李娜"));
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Char('n')));
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Char('1')));
    assert!(
        matches!(app.screen, Screen::Form(_)),
        "n 1 opens the visit form"
    );
    // Typing q or j in the name never quits or moves.
    for c in "王q".chars() {
        runtime::dispatch(&mut store, &mut app, key(KeyCode::Char(c)));
    }
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Backspace));
    assert!(!app.quit);
    runtime::dispatch(&mut store, &mut app, Msg::Paste("伟".into()));
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Tab));
    runtime::dispatch(
        &mut store,
        &mut app,
        Msg::Paste("110105194912310021".into()),
    );
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Tab));
    let Screen::Form(form) = &app.screen else {
        panic!("form closed")
    };
    let id_error = form.fields[1].error.clone().unwrap_or_default();
    assert!(
        id_error.contains("校验位"),
        "the ID error is said in words as the field is left: {id_error}"
    );
    // Saving with errors is refused and the cursor goes to the first one.
    let ctrl_s = Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    runtime::dispatch(&mut store, &mut app, ctrl_s.clone());
    let Screen::Form(form) = &app.screen else {
        panic!("form closed")
    };
    assert_eq!(form.focus, 1);
    assert_eq!(
        form.fields[0].input.value(),
        "王伟",
        "nothing typed is lost"
    );
    let summary = form
        .fields
        .iter()
        .position(|f| f.key == FieldKey::Summary)
        .unwrap();
    let category = form
        .fields
        .iter()
        .position(|f| f.key == FieldKey::Category)
        .unwrap();
    // Fix the ID, fill the summary, save.
    for _ in 0..18 {
        runtime::dispatch(&mut store, &mut app, key(KeyCode::Backspace));
    }
    runtime::dispatch(
        &mut store,
        &mut app,
        Msg::Paste("11010519491231002X".into()),
    );
    while matches!(&app.screen, Screen::Form(f) if f.focus != category) {
        runtime::dispatch(&mut store, &mut app, key(KeyCode::Tab));
    }
    // The category has no default: typed to filter, 城 is 城乡建设.
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Char('城')));
    while matches!(&app.screen, Screen::Form(f) if f.focus != summary) {
        runtime::dispatch(&mut store, &mut app, key(KeyCode::Tab));
    }
    runtime::dispatch(&mut store, &mut app, Msg::Paste("反映小区噪音扰民".into()));
    runtime::dispatch(&mut store, &mut app, ctrl_s);
    // Saved: the new case opens, ready for the decision (d).
    let Screen::Case(case) = &app.screen else {
        panic!("not saved: {:?}", app.message)
    };
    assert_eq!(case.row.case.intake.summary, "反映小区噪音扰民");
    assert!(
        app.message
            .as_deref()
            .unwrap_or_default()
            .contains("已录入")
    );
    assert_eq!(app.queue().rows[0].case.intake.petitioners[0].name, "王伟");
    assert_eq!(app.queue().rows[0].case.intake.summary, "反映小区噪音扰民");
    assert!(store.check().unwrap().ok());
}

/// The header's counts are kept between calls (counted again only when
/// another connection wrote): after this desk's own intake and
/// registration, and after another desk's intake, they equal a fresh count.
#[test]
fn queue_counts_follow_own_and_other_writes() {
    use xinfang::domain::types::{Decision, State};
    use xinfang::store::CaseRef;
    let (dir, mut store) = ledger(4);
    let today = date(2026, 3, 10);
    let fresh = || {
        let s = Store::open(
            &dir.path().join("l.db"),
            Office0::new().office.clone(),
            &common::key(),
        )
        .unwrap();
        s.counts(today).unwrap()
    };
    let before = store.counts(today).unwrap();
    assert_eq!(before.by_state, [(State::Intake, 4)]);
    let intake = |store: &mut Store| {
        store
            .execute(&Request {
                case: None,
                expected_version: None,
                command: Command::Intake(Box::new(intake_input())),
                actor: "李娜".into(),
                at: t(1),
            })
            .unwrap()
    };
    let new = intake(&mut store);
    store
        .execute(&Request {
            case: Some(CaseRef::Id(new.id)),
            expected_version: None,
            command: Command::Register(Decision::Accept),
            actor: "李娜".into(),
            at: t(2),
        })
        .unwrap();
    let own = store.counts(today).unwrap();
    assert_eq!(
        own.by_state,
        [(State::Intake, 4), (State::Registered, 1)],
        "own writes"
    );
    assert_eq!(own.by_state, fresh().by_state);
    assert_eq!(own.open, 5);
    // Another desk on the same ledger.
    let mut other = Store::open(
        &dir.path().join("l.db"),
        Office0::new().office.clone(),
        &common::key(),
    )
    .unwrap();
    intake(&mut other);
    let after = store.counts(today).unwrap();
    assert_eq!(after.by_state, [(State::Intake, 5), (State::Registered, 1)]);
    assert_eq!(after.by_state, fresh().by_state);
    assert_eq!(after.open, 6);
}

/// One or two digits typed into the search wait for a third: the queue stays as it was and
/// the hint says so (a short number prefix reads nearly every number in the index); the
/// third digit searches.
#[test]
fn a_number_is_searched_from_its_third_digit() {
    let (_d, mut store) = ledger(3);
    let mut app = started(&mut store, 24);
    let before = app.queue().rows.len();
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Char('/')));
    for c in ['1', '3'] {
        let cmds = app.update(key(KeyCode::Char(c)));
        assert!(
            cmds.iter().all(|c| matches!(c, Cmd::LoadPage { .. })),
            "{cmds:?}"
        );
    }
    runtime::dispatch(&mut store, &mut app, Msg::Paste(String::new()));
    assert_eq!(app.queue().rows.len(), before, "the queue as it was");
    let mut term = Terminal::new(TestBackend::new(100, 24)).unwrap();
    term.draw(|f| view::draw(&app, f)).unwrap();
    assert!(
        term.backend().to_string().contains("号码请至少输入3位"),
        "{}",
        term.backend()
    );
    let cmds = app.update(key(KeyCode::Char('8')));
    assert_eq!(
        cmds,
        vec![Cmd::Search {
            query: "138".into(),
            limit: app.page_size
        }]
    );
}

/// A year past 9,999 cases numbers them `2026-43210`: the queue's and the dashboard's
/// number columns widen to the longest number shown instead of cutting it.
#[test]
fn a_five_digit_case_number_is_shown_whole() {
    use xinfang::domain::types::Decision;
    use xinfang::store::CaseRef;
    let (dir, mut store) = ledger(2);
    // As if 43,209 cases had been numbered this year already.
    let year = t(1).format("%Y").to_string();
    common::sqlite(&dir.path().join("l.db"))
        .execute(
            "INSERT INTO case_counters (year, last) VALUES (?1, 43209)
             ON CONFLICT (year) DO UPDATE SET last = 43209",
            [&year],
        )
        .unwrap();
    // A major item: pinned on the dashboard too.
    let mut input = intake_input();
    input.urgency = xinfang::domain::types::Urgency::Major;
    let major = store
        .execute(&Request {
            case: None,
            expected_version: None,
            command: Command::Intake(Box::new(input)),
            actor: "李娜".into(),
            at: t(1),
        })
        .unwrap();
    store
        .execute(&Request {
            case: Some(CaseRef::Id(major.id)),
            expected_version: None,
            command: Command::Register(Decision::Accept),
            actor: "李娜".into(),
            at: t(1),
        })
        .unwrap();
    let number = format!("{year}-43210");
    let mut app = started(&mut store, 24);
    for (w, screen) in [(80, "queue"), (120, "queue")] {
        let mut term = Terminal::new(TestBackend::new(w, 24)).unwrap();
        term.draw(|f| view::draw(&app, f)).unwrap();
        let shown = term.backend().to_string();
        assert!(shown.contains(&number), "{screen} at {w}: {shown}");
    }
    runtime::dispatch(&mut store, &mut app, key(KeyCode::Char('w')));
    assert!(matches!(app.screen, Screen::Dashboard(_)));
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| view::draw(&app, f)).unwrap();
    let shown = term.backend().to_string();
    assert!(shown.contains(&number), "dashboard: {shown}");
}

/// A long name gives way to the ID number's unmasked tail, which tells two petitioners
/// apart: a four-character name and its ID fit whole at 120 columns, a longer name is cut.
#[test]
fn a_long_name_leaves_the_id_number_s_tail_in_view() {
    let mut d = common::desk::Desk::new("李娜", 1);
    for (name, id) in [
        ("欧阳娜娜", "440305199001015302"),
        ("阿卜杜热合曼", "650102198802023315"),
    ] {
        let mut input = intake_input();
        input.petitioners[0].name = name.into();
        input.petitioners[0].id_number = Some(id.into());
        d.intake(input);
    }
    d.key(KeyCode::Char('r'));
    let mut term = Terminal::new(TestBackend::new(120, 30)).unwrap();
    term.draw(|f| view::draw(&d.app, f)).unwrap();
    let shown = term.backend().to_string();
    assert!(shown.contains("欧阳娜娜 440305********5302"), "{shown}");
    assert!(shown.contains("650102********3315"), "{shown}");
    assert!(shown.contains("阿卜杜.."), "{shown}");
}

/// A phone typed into the summary is masked in the queue as the ID column is (a trial saw
/// 电话13912345678 whole beside a masked ID).
#[test]
fn a_phone_in_the_summary_is_masked_in_the_queue() {
    let mut d = common::desk::Desk::new("李娜", 1);
    let mut input = intake_input();
    input.summary = "反映噪音扰民电话13912345678".into();
    d.intake(input);
    d.key(KeyCode::Char('r'));
    let mut term = Terminal::new(TestBackend::new(160, 30)).unwrap();
    term.draw(|f| view::draw(&d.app, f)).unwrap();
    let shown = term.backend().to_string();
    assert!(shown.contains("电话139****5678"), "{shown}");
    assert!(!shown.contains("13912345678"), "{shown}");
}
