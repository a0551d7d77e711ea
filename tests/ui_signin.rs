//! The desk's sign-in at the key-event level, with a fixed clock: the right
//! passphrase opens, a wrong one says the tries left, five lock that operator
//! for five minutes (the screen says until when), a one-time passphrase is
//! replaced before the desk opens, and an idle desk locks over an open form
//! and opens again with the same form. Snapshots at 80x24 and 120x40.

mod common;

use chrono::{DateTime, Duration, FixedOffset};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use xinfang::clock::Clock;
use xinfang::store::{DataKey, Kdf, Keyring};
use xinfang::strings::Lang;
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::{Msg, Screen};
use xinfang::ui::screens::signin::{SignIn, Stage};
use xinfang::ui::signin::SignInFlow;

use common::desk::{Desk, drawn};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// A key ring beside a ledger path: 赵建国 with his own passphrase, 李娜 with
/// a one-time one a leader gave her.
fn ring() -> (tempfile::TempDir, std::path::PathBuf, DataKey) {
    let dir = tempfile::tempdir().expect("dir");
    let ledger = dir.path().join("l.db");
    let key = DataKey::from_bytes([3; 32]);
    let mut ring = Keyring::new(&ledger).expect("new");
    ring.add("赵建国", "领导的口令 long", &key, Kdf::PUBLIC)
        .expect("add");
    ring.save().expect("save");
    ring.set("李娜", "一次性口令 given", &key, true)
        .expect("one-time");
    (dir, ledger, key)
}

type Answer = Option<Option<(DataKey, String)>>;

fn typ(flow: &mut SignInFlow, text: &str, clock: Clock) -> Answer {
    for c in text.chars() {
        assert!(flow.key(press(KeyCode::Char(c)), Lang::Zh, clock).is_none());
    }
    flow.key(press(KeyCode::Enter), Lang::Zh, clock)
}

#[test]
fn the_right_passphrase_opens_and_a_wrong_one_says_the_tries_left() {
    let (_d, ledger, key) = ring();
    let mut ring = Keyring::load(&ledger).expect("load");
    let clock = Clock::fixed(at("2026-12-05T09:00:00+08:00"));
    let screen = SignIn::new(
        ring.operators().iter().map(|s| s.to_string()).collect(),
        Some("赵建国"),
    );
    let mut flow = SignInFlow::new(screen, &mut ring);
    assert_eq!(flow.screen.name(), Some("赵建国"), "--as preselects");
    assert!(typ(&mut flow, "guess", clock).is_none());
    let said = flow.screen.message.clone().unwrap_or_default();
    assert!(
        said.contains("口令不对") && said.contains("再错4次"),
        "{said}"
    );
    assert!(flow.screen.field.is_empty());
    let Some(Some((k, who))) = typ(&mut flow, "领导的口令 long", clock) else {
        panic!("signed in");
    };
    assert_eq!((k.recovery(), who.as_str()), (key.recovery(), "赵建国"));
}

#[test]
fn five_wrong_lock_the_operator_and_the_screen_says_until_when() {
    let (_d, ledger, _key) = ring();
    let mut ring = Keyring::load(&ledger).expect("load");
    let clock = Clock::fixed(at("2026-12-05T09:00:00+08:00"));
    let mut flow = SignInFlow::new(SignIn::new(vec!["赵建国".into()], None), &mut ring);
    for _ in 0..5 {
        assert!(typ(&mut flow, "guess", clock).is_none());
    }
    let said = flow.screen.message.clone().unwrap_or_default();
    assert!(
        said.contains("锁定5分钟") && said.contains("09:05"),
        "{said}"
    );
    // Even the right passphrase waits until then.
    assert!(typ(&mut flow, "领导的口令 long", clock).is_none());
    let later = Clock::fixed(at("2026-12-05T09:05:00+08:00"));
    assert!(matches!(
        typ(&mut flow, "领导的口令 long", later),
        Some(Some(_))
    ));
}

#[test]
fn a_one_time_passphrase_is_replaced_before_the_desk_opens() {
    let (_d, ledger, key) = ring();
    let mut ring = Keyring::load(&ledger).expect("load");
    let clock = Clock::fixed(at("2026-12-05T09:00:00+08:00"));
    let mut flow = SignInFlow::new(SignIn::new(vec!["李娜".into()], None), &mut ring);
    assert!(typ(&mut flow, "一次性口令 given", clock).is_none());
    assert_eq!(flow.screen.stage, Stage::NewFirst);
    assert!(typ(&mut flow, "短", clock).is_none(), "too short");
    // The one-time passphrase again is refused: the leader who gave it knows it.
    assert!(typ(&mut flow, "一次性口令 given", clock).is_none());
    assert!(typ(&mut flow, "一次性口令 given", clock).is_none());
    assert_eq!(flow.screen.stage, Stage::NewFirst, "the same: again");
    assert!(
        flow.screen
            .message
            .as_deref()
            .is_some_and(|m| m.contains("不能与领导给的一次性口令相同")),
        "{:?}",
        flow.screen.message
    );
    assert!(typ(&mut flow, "我自己的口令 mine", clock).is_none());
    assert!(typ(&mut flow, "不一样的口令 other", clock).is_none());
    assert_eq!(flow.screen.stage, Stage::NewFirst, "differ: again");
    assert!(typ(&mut flow, "我自己的口令 mine", clock).is_none());
    let Some(Some((k, who))) = typ(&mut flow, "我自己的口令 mine", clock) else {
        panic!("opened");
    };
    assert_eq!((k.recovery(), who.as_str()), (key.recovery(), "李娜"));
    let mut ring = Keyring::load(&ledger).expect("load");
    assert!(!ring.must_change("李娜"));
    // The change waits in the slots file for the office journal (the ledger was not open).
    let waiting: Vec<_> = ring.pending().iter().map(|p| p.act.code()).collect();
    assert_eq!(waiting, ["passphrase"]);
    assert!(
        ring.unlock("李娜", "一次性口令 given", clock.now())
            .is_err()
    );
    assert!(
        ring.unlock("李娜", "我自己的口令 mine", clock.now())
            .is_ok()
    );
}

/// A desk as 李娜 with her slot beside its ledger (the tests' key).
fn desk_with_slot() -> Desk {
    let d = Desk::new("李娜", 1);
    let mut ring = Keyring::new(d.store.path()).expect("ring");
    ring.add("李娜", "她的口令 correct", &common::key(), Kdf::PUBLIC)
        .expect("add");
    ring.save().expect("save");
    d
}

#[test]
fn an_idle_desk_locks_over_an_open_form_and_opens_with_it_intact() {
    let mut d = desk_with_slot();
    let t0 = d.app.clock.now();
    d.chars("n1");
    d.chars("郭九");
    assert!(matches!(d.app.screen, Screen::Form(_)));
    d.at(t0 + Duration::minutes(14));
    d.send(Msg::Tick);
    assert!(d.app.lock.is_none(), "14 minutes: not yet");
    d.at(t0 + Duration::minutes(15));
    d.send(Msg::Tick);
    assert!(d.app.lock.is_some(), "15 minutes without a key lock");
    // Nothing the desk holds shows through the lock: not the name typed in the form.
    let shown = drawn(&d.app);
    assert!(!shown.contains("郭九") && shown.contains("锁定"), "{shown}");
    // Keys go to the lock, not to the form; Esc does not leave it.
    d.key(KeyCode::Esc);
    d.chars("wrong one");
    d.key(KeyCode::Enter);
    let said = d.app.lock.as_ref().and_then(|l| l.message.clone());
    assert!(said.is_some_and(|m| m.contains("再错4次")));
    d.chars("她的口令 correct");
    d.key(KeyCode::Enter);
    assert!(d.app.lock.is_none(), "the right passphrase opens");
    assert!(
        matches!(d.app.screen, Screen::Form(_)),
        "the form is still open"
    );
    let typed = d
        .form()
        .in_row(0, FieldKey::Name)
        .map(|f| f.input.value().to_owned());
    assert_eq!(typed.as_deref(), Some("郭九"));
    // The count starts again from the unlock.
    d.at(t0 + Duration::minutes(29));
    d.send(Msg::Tick);
    assert!(d.app.lock.is_none());
}

#[test]
fn the_idle_lock_counts_toward_the_lockout() {
    let mut d = desk_with_slot();
    d.app.idle_lock_minutes = 1;
    let t0 = d.app.clock.now();
    d.send(Msg::Tick);
    d.at(t0 + Duration::minutes(1));
    d.send(Msg::Tick);
    assert!(d.app.lock.is_some());
    for _ in 0..5 {
        d.chars("guess");
        d.key(KeyCode::Enter);
    }
    let said = d.app.lock.as_ref().and_then(|l| l.message.clone());
    assert!(said.is_some_and(|m| m.contains("已锁定5分钟")));
    d.chars("她的口令 correct");
    d.key(KeyCode::Enter);
    assert!(d.app.lock.is_some(), "locked out: still locked");
}

fn draw(s: &SignIn, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| xinfang::ui::screens::signin::view::draw(s, Lang::Zh, "信访工作台", f, f.area()))
        .expect("draw");
    term.backend().to_string()
}

#[test]
fn snapshots() {
    let mut s = SignIn::new(
        vec!["赵建国".into(), "李娜".into(), "王强".into()],
        Some("李娜"),
    );
    for c in "口令".chars() {
        s.key(press(KeyCode::Char(c)), Lang::Zh);
    }
    s.refused(String::new());
    for c in "abc".chars() {
        s.key(press(KeyCode::Char(c)), Lang::Zh);
    }
    s.message = Some("口令不对：再错4次将锁定5分钟".into());
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("signin_{w}x{h}"), draw(&s, w, h));
    }
    // Nothing panics at any small size.
    for w in 1..30 {
        for h in 0..12 {
            draw(&s, w, h);
        }
    }
}

/// A list of names longer than the box says which are shown, of how many, and follows ↓.
#[test]
fn a_long_list_of_names_says_there_are_more() {
    let names: Vec<String> = (1..=25).map(|n| format!("操作员{n:02}")).collect();
    let mut s = SignIn::new(names, None);
    let shown = draw(&s, 80, 24).replace(' ', "");
    assert!(shown.contains("（第1–8位，共25位，↑↓翻看）"), "{shown}");
    for _ in 0..9 {
        s.key(press(KeyCode::Down), Lang::Zh);
    }
    let shown = draw(&s, 80, 24).replace(' ', "");
    assert!(
        shown.contains("操作员10") && shown.contains("（第3–10位，共25位"),
        "{shown}"
    );
    // Three names fit: nothing more is said.
    let s = SignIn::new(vec!["赵建国".into(), "李娜".into(), "王强".into()], None);
    assert!(!draw(&s, 80, 24).contains("共3位"));
}

/// Goes to the settings list and puts the cursor on `name`'s row.
fn settings_on(d: &mut Desk, name: &str) {
    d.key(KeyCode::Esc);
    d.chars("p");
    assert!(
        matches!(d.app.screen, Screen::Settings(_)),
        "settings shown"
    );
    let row = d
        .app
        .directory
        .operators
        .iter()
        .position(|o| o.name == name)
        .expect("a row");
    // The list keeps its cursor: from the top.
    for _ in 0..d.app.settings_rows() {
        d.key(KeyCode::Up);
    }
    for _ in 0..row {
        d.key(KeyCode::Down);
    }
}

#[test]
fn a_leader_gives_a_one_time_passphrase_from_the_settings() {
    let mut d = desk_with_slot();
    d.app.operator = Some(common::fixture::Office0::new().who("赵局长"));
    settings_on(&mut d, "李娜");
    d.chars("K");
    assert!(d.app.pass_dialog.as_ref().is_some_and(|p| p.reset));
    d.chars("给她的 一次性口令");
    d.key(KeyCode::Enter);
    d.chars("给她的 一次性口令");
    d.key(KeyCode::Enter);
    assert!(d.app.pass_dialog.is_none(), "{:?}", d.app.message);
    assert!(
        d.app
            .message
            .as_deref()
            .is_some_and(|m| m.contains("一次性口令"))
    );
    let mut ring = Keyring::load(d.store.path()).expect("slots");
    assert!(ring.must_change("李娜"));
    let now = d.app.clock.now();
    assert!(ring.unlock("李娜", "给她的 一次性口令", now).is_ok());
}

#[test]
fn a_clerk_changes_her_own_passphrase_but_resets_nobody_elses() {
    let mut d = desk_with_slot();
    settings_on(&mut d, "赵局长");
    d.chars("K");
    assert!(d.app.pass_dialog.is_none(), "not a leader: refused");
    settings_on(&mut d, "李娜");
    d.chars("K");
    d.chars("wrong one");
    d.key(KeyCode::Enter);
    let said = d.app.pass_dialog.as_ref().and_then(|p| p.message.clone());
    assert!(said.is_some_and(|m| m.contains("再错4次")));
    d.chars("她的口令 correct");
    d.key(KeyCode::Enter);
    assert_eq!(
        d.app.pass_dialog.as_ref().map(|p| p.stage.clone()),
        Some(Stage::NewFirst)
    );
    d.chars("她的新口令 fresh");
    d.key(KeyCode::Enter);
    d.chars("她的新口令 fresh");
    d.key(KeyCode::Enter);
    assert!(d.app.pass_dialog.is_none());
    let mut ring = Keyring::load(d.store.path()).expect("slots");
    assert!(!ring.must_change("李娜"));
    assert!(
        ring.unlock("李娜", "她的新口令 fresh", d.app.clock.now())
            .is_ok()
    );
}

/// With no `--as`, typing finds the name and the passphrase waits for Enter: a trial typed
/// 李娜 into the first name's passphrase and counted a wrong try against a colleague.
#[test]
fn typing_a_name_finds_it_before_the_passphrase_is_asked() {
    let mut s = SignIn::new(vec!["于洋".into(), "李娜".into(), "王强".into()], None);
    for c in "李娜".chars() {
        s.key(press(KeyCode::Char(c)), Lang::Zh);
    }
    let shown = draw(&s, 80, 24).replace(' ', "");
    assert!(
        shown.contains("筛选：李娜") && shown.contains("（先选姓名，按Enter）"),
        "{shown}"
    );
    assert_eq!(s.name(), Some("李娜"));
    assert!(s.field.is_empty());
    s.key(press(KeyCode::Enter), Lang::Zh);
    let shown = draw(&s, 80, 24).replace(' ', "");
    assert!(
        shown.contains("口令：") && !shown.contains("筛选"),
        "{shown}"
    );
}
