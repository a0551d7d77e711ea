//! A desk driven key by key as the clerk types, on a ledger of its own:
//! the small office (`fixture::Office0`) and one earlier case (张三's).
//! For the form tests (`ui_form_*.rs`).
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use xinfang::domain::command::Command;
use xinfang::domain::types::State;
use xinfang::store::{CaseRef, Request, Store};
use xinfang::strings::Lang;
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::{App, Msg, Screen};
use xinfang::ui::form::Form;
use xinfang::ui::runtime;

use super::fixture::{Office0, intake_input, ledger, t};

pub struct Desk {
    _dir: tempfile::TempDir,
    pub store: Store,
    pub app: App,
}

impl Desk {
    /// A ledger with the small office and one earlier case (张三's), and a
    /// desk opened on it as `who`, `days` after T0.
    pub fn new(who: &str, days: i64) -> Desk {
        let o = Office0::new();
        let dir = tempfile::tempdir().unwrap();
        let mut store = ledger(&dir.path().join("l.db"));
        store
            .execute(&Request {
                case: None,
                expected_version: None,
                command: Command::Intake(Box::new(intake_input())),
                actor: "李娜".into(),
                at: t(0),
            })
            .unwrap();
        let now = t(days);
        let mut app = App::new(
            Lang::Zh,
            Some(o.who(who)),
            "某区信访局".into(),
            now.date_naive(),
        );
        app.clock = xinfang::clock::Clock::fixed(now);
        runtime::dispatch(&mut store, &mut app, Msg::Resize { rows: 30 });
        for cmd in app.start() {
            let msg = runtime::execute(&mut store, &app, &cmd);
            runtime::dispatch(&mut store, &mut app, msg);
        }
        Desk {
            _dir: dir,
            store,
            app,
        }
    }

    pub fn at(&mut self, now: DateTime<FixedOffset>) {
        self.app.clock = xinfang::clock::Clock::fixed(now);
        self.app.today = now.date_naive();
    }

    pub fn send(&mut self, msg: Msg) {
        runtime::dispatch(&mut self.store, &mut self.app, msg);
    }

    pub fn key(&mut self, code: KeyCode) {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    /// A key with modifiers (Ctrl-←, Alt-f).
    pub fn press(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.send(Msg::Key(KeyEvent::new(code, modifiers)));
    }

    pub fn ctrl(&mut self, c: char) {
        self.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )));
    }

    pub fn chars(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    pub fn form(&self) -> &Form {
        match &self.app.screen {
            Screen::Form(f) => f,
            _ => panic!("no form open; message: {:?}", self.app.message),
        }
    }

    /// Tab to field `key` (of petitioner row `row`, if given).
    pub fn to(&mut self, key: FieldKey, row: Option<usize>) {
        for _ in 0..80 {
            let f = &self.form().fields[self.form().focus];
            if f.key == key && (row.is_none() || f.row == row) {
                return;
            }
            self.key(KeyCode::Tab);
        }
        panic!("no field {key}");
    }

    /// The category (城乡建设, typed to filter) and the summary.
    pub fn fill_summary(&mut self, text: &str) {
        self.to(FieldKey::Category, None);
        self.chars("城");
        self.fill(FieldKey::Summary, text);
    }

    pub fn fill(&mut self, key: FieldKey, text: &str) {
        self.to(key, None);
        self.send(Msg::Paste(text.into()));
    }

    /// Takes in a visit from 冯七 about `summary` at the window (`n1`) and
    /// registers it as accepted (`d`, then Ctrl-S), as a clerk's keys would.
    pub fn registered_visit(&mut self, summary: &str) {
        self.chars("n1");
        self.chars("冯七");
        self.fill_summary(summary);
        self.ctrl('s');
        self.key(KeyCode::Char('d'));
        self.ctrl('s');
    }

    /// Takes in `input` as 李娜, a day after T0, as another desk would: the new case's id.
    pub fn intake(&mut self, input: xinfang::domain::intake::IntakeInput) -> i64 {
        self.store
            .execute(&Request {
                case: None,
                expected_version: None,
                command: Command::Intake(Box::new(input)),
                actor: "李娜".into(),
                at: t(1),
            })
            .unwrap()
            .id
    }

    /// Gives `command` on case 1 as `actor`, as another desk would.
    pub fn step(&mut self, command: Command, actor: &str) {
        self.store
            .execute(&Request {
                case: Some(CaseRef::Id(1)),
                expected_version: None,
                command,
                actor: actor.into(),
                at: t(1),
            })
            .unwrap();
    }

    /// A new desk on the same ledger as `who`, as after a crash.
    pub fn restart(&self, who: &str) -> App {
        let mut app = App::new(
            Lang::Zh,
            Some(Office0::new().who(who)),
            "某区信访局".into(),
            self.app.today,
        );
        app.clock = self.app.clock;
        let mut store =
            Store::open(self.store.path(), Office0::new().office, &super::key()).unwrap();
        for cmd in app.start() {
            let msg = runtime::execute(&mut store, &app, &cmd);
            runtime::dispatch(&mut store, &mut app, msg);
        }
        app
    }

    pub fn case_id(&self) -> i64 {
        match &self.app.screen {
            Screen::Case(c) => c.row.case.id,
            _ => panic!("no case open; message: {:?}", self.app.message),
        }
    }

    pub fn state(&self) -> State {
        match &self.app.screen {
            Screen::Case(c) => c.row.case.state,
            _ => panic!("no case open; message: {:?}", self.app.message),
        }
    }
}

/// What the desk draws at 120x40, as text without blanks (a wide character's second cell is
/// blank): for asserting what a screen shows.
pub fn drawn(app: &App) -> String {
    use ratatui::{Terminal, backend::TestBackend};
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    term.draw(|f| xinfang::ui::view::draw(app, f))
        .expect("drawn");
    term.backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .filter(|s| *s != " ")
        .collect()
}

/// Gives each `(case, command, actor)` in turn, the n-th at `t(n)`, as other desks would.
pub fn given(store: &mut Store, steps: Vec<(Option<i64>, Command, &str)>) {
    for (n, (case, command, actor)) in (0_i64..).zip(steps) {
        store
            .execute(&Request {
                case: case.map(CaseRef::Id),
                expected_version: None,
                command,
                actor: actor.into(),
                at: t(n),
            })
            .unwrap();
    }
}

/// `who`'s desk in `lang` at `now` (40 rows), with case `id` open on its screen.
pub fn on_case(
    store: &mut Store,
    who: &str,
    lang: Lang,
    now: DateTime<FixedOffset>,
    id: i64,
) -> App {
    let o = Office0::new();
    let mut app = App::new(
        lang,
        Some(o.who(who)),
        "某区信访局".into(),
        now.date_naive(),
    );
    app.clock = xinfang::clock::Clock::fixed(now);
    runtime::dispatch(store, &mut app, Msg::Resize { rows: 40 });
    open_case(store, &mut app, id);
    app
}

/// Opens case `id` on `app`'s case screen, as Enter on its row does.
pub fn open_case(store: &mut Store, app: &mut App, id: i64) {
    let msg = runtime::execute(store, app, &xinfang::ui::app::Cmd::OpenCase(id));
    runtime::dispatch(store, app, msg);
    assert!(matches!(app.screen, Screen::Case(_)), "{:?}", app.message);
}
