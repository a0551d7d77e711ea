//! The keymap: keys.toml parsing, overrides, conflicts, help and footer.

use super::key::{ch, ctrl, plain};
use super::*;
use crate::domain::op::Op;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn ev(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn key(code: KeyCode) -> KeyEvent {
    ev(code, KeyModifiers::NONE)
}

fn c(ch: char) -> KeyEvent {
    key(KeyCode::Char(ch))
}

fn ctrl_ev(ch: char) -> KeyEvent {
    ev(KeyCode::Char(ch), KeyModifiers::CONTROL)
}

fn load(text: &str) -> Result<Keymap, String> {
    Keymap::from_toml(text, "keys.toml", Lang::Zh)
}

fn load_en(text: &str) -> Result<Keymap, String> {
    Keymap::from_toml(text, "keys.toml", Lang::En)
}

#[test]
fn default_lookups() {
    let k = Keymap::default();
    assert_eq!(k.lookup(Context::Queue, &c('q')), Some(Action::Quit));
    assert_eq!(k.lookup(Context::Queue, &c('j')), Some(Action::Down));
    assert_eq!(
        k.lookup(Context::Queue, &key(KeyCode::Down)),
        Some(Action::Down)
    );
    assert_eq!(k.lookup(Context::Queue, &c(' ')), Some(Action::PageDown));
    assert_eq!(
        k.lookup(Context::Queue, &key(KeyCode::F(5))),
        Some(Action::Refresh)
    );
    assert_eq!(
        k.lookup(Context::Queue, &c('c')),
        Some(Action::FilterChannel)
    );
    assert_eq!(k.lookup(Context::Queue, &c('m')), Some(Action::Mine));
    assert_eq!(k.lookup(Context::Queue, &c('o')), Some(Action::Sort));
    assert_eq!(k.lookup(Context::Case, &c('d')), Some(Action::Register));
    assert_eq!(k.lookup(Context::Case, &c('o')), Some(Action::Opinion));
    assert_eq!(k.lookup(Context::Case, &c('c')), Some(Action::Review));
    assert_eq!(
        k.lookup(Context::Case, &key(KeyCode::Backspace)),
        Some(Action::Back)
    );
    assert_eq!(k.lookup(Context::Case, &c('n')), None);
    assert_eq!(k.lookup(Context::Form, &ctrl_ev('s')), Some(Action::Save));
    assert_eq!(k.lookup(Context::Form, &ctrl_ev('n')), Some(Action::AddRow));
    assert_eq!(
        k.lookup(Context::Form, &key(KeyCode::Enter)),
        Some(Action::NextField)
    );
    assert_eq!(
        k.lookup(Context::Form, &key(KeyCode::PageDown)),
        Some(Action::PageDown)
    );
    // Printable keys are the form's.
    assert_eq!(k.lookup(Context::Form, &c('q')), None);
    assert_eq!(k.lookup(Context::Form, &c(' ')), None);
    assert_eq!(k.lookup(Context::Action, &ctrl_ev('s')), Some(Action::Save));
    assert_eq!(
        k.lookup(Context::Setup, &key(KeyCode::Esc)),
        Some(Action::Back)
    );
    assert_eq!(k.lookup(Context::Action, &ctrl_ev('n')), None);
    // A Ctrl key not in the table does nothing, even if its letter does.
    assert_eq!(k.lookup(Context::Queue, &ctrl_ev('q')), None);
}

#[test]
fn ctrl_c_always_quits() {
    let k = load("[common]\nquit = \"ctrl-q\"").unwrap();
    for ctx in Context::ALL {
        assert_eq!(k.lookup(ctx, &ctrl_ev('c')), Some(Action::Quit), "{ctx:?}");
        assert_eq!(k.lookup(ctx, &ctrl_ev('C')), Some(Action::Quit));
    }
    assert_eq!(k.lookup(Context::Queue, &c('q')), None);
    assert_eq!(k.lookup(Context::Queue, &ctrl_ev('q')), Some(Action::Quit));
}

#[test]
fn events_are_normalised() {
    let k = Keymap::default();
    // Some terminals send ? with Shift, BackTab with Shift.
    assert_eq!(
        k.lookup(Context::Queue, &ev(KeyCode::Char('?'), KeyModifiers::SHIFT)),
        Some(Action::Help)
    );
    assert_eq!(
        k.lookup(Context::Form, &ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(Action::PrevField)
    );
    assert_eq!(
        k.lookup(
            Context::Form,
            &ev(
                KeyCode::Char('S'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            )
        ),
        Some(Action::Save)
    );
}

#[test]
fn ops_are_the_domain_codes() {
    let ops: Vec<Op> = [
        Action::Register,
        Action::Assign,
        Action::Recuse,
        Action::Opinion,
        Action::Instruct,
        Action::Extend,
        Action::Supervise,
        Action::Reply,
        Action::ReturnVisit,
        Action::Archive,
        Action::Review,
    ]
    .iter()
    .map(|a| {
        assert_eq!(a.op().map(Op::code), Some(a.name()));
        a.op().unwrap()
    })
    .collect();
    // Every op but intake (the `n` key) and attach (Ctrl-A in a form).
    assert_eq!(ops, Op::ALL[1..12]);
    for op in ops {
        assert_eq!(Action::from_op(op).and_then(Action::op), Some(op));
    }
    assert_eq!(Action::Save.op(), None);
}

#[test]
fn every_action_has_a_name_in_both_languages() {
    for section in Section::ALL {
        for (action, _) in section.defaults() {
            for lang in [Lang::Zh, Lang::En] {
                assert!(
                    !crate::strings::ui::action(lang, action.name()).is_empty(),
                    "{}",
                    action.name()
                );
            }
        }
    }
}

#[test]
fn labels_come_from_the_keys() {
    let k = Keymap::default();
    let help = k.bindings(Context::Queue);
    let label = |a: Action| help.iter().find(|(_, x)| *x == a).map(|(l, _)| l.as_str());
    assert_eq!(label(Action::Down), Some("j/↓"));
    assert_eq!(label(Action::PageDown), Some("PgDn/Space"));
    assert_eq!(label(Action::Refresh), Some("r/F5"));
    assert_eq!(label(Action::Open), Some("Enter"));
    let footer = k.footer(Context::Queue);
    assert_eq!(footer[0], ("j/↓".to_owned(), Action::Down));
    assert!(footer.contains(&("PgDn".to_owned(), Action::PageDown)));
    assert!(footer.contains(&("r".to_owned(), Action::Refresh)));
    let form = k.footer(Context::Form);
    assert_eq!(form[0], ("Tab/↓".to_owned(), Action::NextField));
    assert_eq!(form[1], ("S-Tab/↑".to_owned(), Action::PrevField));
    assert_eq!(form[2], ("Ctrl-S".to_owned(), Action::Save));
    assert_eq!(
        k.label(Context::Form, Action::Save).as_deref(),
        Some("Ctrl-S")
    );
    assert_eq!(k.label(Context::Queue, Action::Save), None);
    assert_eq!(ch(' ').label(), "Space");
    assert_eq!(
        Key::parse("alt-x").map(|k| k.label()),
        Ok("Alt-x".to_owned())
    );
    assert_eq!(
        Key::parse("shift-left").map(|k| k.label()),
        Ok("Shift-←".to_owned())
    );
}

#[test]
fn keys_parse_and_write_back() {
    for spec in [
        "q",
        "?",
        "/",
        "ctrl-s",
        "alt-x",
        "shift-tab",
        "enter",
        "esc",
        "tab",
        "up",
        "down",
        "left",
        "right",
        "pgup",
        "pgdn",
        "home",
        "end",
        "f1",
        "f12",
        "space",
        "backspace",
        "delete",
        "ctrl--",
        "-",
        "ctrl-up",
        "Q",
    ] {
        let key = Key::parse(spec).map_err(|_| spec.to_owned()).unwrap();
        assert_eq!(key.spec(), spec);
        assert_eq!(Key::parse(&key.spec()), Ok(key));
    }
    assert_eq!(Key::parse("backtab"), Key::parse("shift-tab"));
    assert_eq!(Key::parse("CTRL-S"), Ok(ctrl('s')));
    assert_eq!(Key::parse("ctrl-S"), Ok(ctrl('s')));
    assert_eq!(Key::parse("PgDn"), Ok(plain(KeyCode::PageDown)));
    assert_eq!(Key::parse("F5"), Ok(plain(KeyCode::F(5))));
    assert_eq!(Key::parse("↓"), Ok(plain(KeyCode::Down)));
    assert_eq!(Key::parse("shift-a"), Ok(ch('A')));
    assert_eq!(Key::parse("ctl-s"), Err(Some("ctrl-s".to_owned())));
    assert_eq!(Key::parse("C-s"), Err(Some("ctrl-s".to_owned())));
    assert_eq!(Key::parse("ctrl+s"), Err(Some("ctrl-s".to_owned())));
    assert_eq!(Key::parse("^s"), Err(Some("ctrl-s".to_owned())));
    assert_eq!(Key::parse("PageDn"), Err(Some("pgdn".to_owned())));
    assert_eq!(Key::parse("f13"), Err(None));
    assert_eq!(Key::parse("hyper-x"), Err(None));
    assert_eq!(Key::parse(""), Err(None));
}

#[test]
fn overrides_replace_keys() {
    let k = load(
        "[queue]\nnew = \"a\"\nsearch = [\"/\", \"s\"]\n[form]\nsave = [\"ctrl-s\", \"f2\"]\n[move]\ndown = \"ctrl-n\"\n",
    )
    .unwrap();
    assert_eq!(k.lookup(Context::Queue, &c('a')), Some(Action::New));
    assert_eq!(k.lookup(Context::Queue, &c('n')), None);
    assert_eq!(k.lookup(Context::Queue, &c('s')), Some(Action::Search));
    assert_eq!(k.lookup(Context::Queue, &c('/')), Some(Action::Search));
    assert_eq!(
        k.lookup(Context::Form, &key(KeyCode::F(2))),
        Some(Action::Save)
    );
    // Move is shared: both screens change, and ↓ is gone.
    assert_eq!(k.lookup(Context::Queue, &ctrl_ev('n')), Some(Action::Down));
    assert_eq!(k.lookup(Context::Case, &ctrl_ev('n')), Some(Action::Down));
    assert_eq!(k.lookup(Context::Case, &key(KeyCode::Down)), None);
    // Untouched sections keep their keys.
    assert_eq!(k.lookup(Context::Case, &c('d')), Some(Action::Register));
    assert_eq!(k.lookup(Context::Action, &ctrl_ev('s')), Some(Action::Save));
    // An empty file, or none, is the built-in map.
    assert_eq!(load(""), Ok(Keymap::default()));
}

#[test]
fn the_readme_example_loads() {
    let readme = include_str!("../../../README.md");
    let start = readme
        .find("```toml\n[queue]")
        .map(|i| i + "```toml\n".len());
    let example = start.and_then(|s| readme[s..].find("```").map(|e| &readme[s..s + e]));
    let k = load(example.unwrap_or_default()).unwrap();
    assert_eq!(
        k.lookup(Context::Case, &key(KeyCode::F(2))),
        Some(Action::Register)
    );
    assert_eq!(k.lookup(Context::Queue, &ctrl_ev('n')), Some(Action::Down));
    assert_eq!(k.lookup(Context::Queue, &c('q')), None);
    assert_ne!(k, Keymap::default());
}

#[test]
fn an_empty_list_unbinds() {
    let k = load("[common]\nquit = []\n").unwrap();
    assert_eq!(k.lookup(Context::Queue, &c('q')), None);
    assert!(
        k.bindings(Context::Queue)
            .iter()
            .all(|(_, a)| *a != Action::Quit)
    );
}

#[test]
fn help_lists_overridden_keys() {
    let k = load("[queue]\nnew = [\"a\", \"insert\"]\n[common]\nhelp = \"f1\"\n").unwrap();
    let help = k.bindings(Context::Queue);
    assert!(
        help.contains(&("a/Ins".to_owned(), Action::New)),
        "{help:?}"
    );
    assert!(help.contains(&("F1".to_owned(), Action::Help)));
    let footer = k.footer(Context::Queue);
    assert!(footer.contains(&("a".to_owned(), Action::New)));
    // Same order as the built-in map.
    let order = |m: &Keymap| -> Vec<Action> {
        m.bindings(Context::Queue)
            .into_iter()
            .map(|(_, a)| a)
            .collect()
    };
    assert_eq!(order(&k), order(&Keymap::default()));
}

#[test]
fn the_help_screen_shows_overridden_keys() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    let mut app = crate::ui::app::App::new(Lang::Zh, None, "某区信访局".into(), today);
    app.keys = load("[queue]\nnew = [\"a\", \"insert\"]\n").unwrap();
    app.help = true;
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| crate::ui::view::draw(&app, f)).unwrap();
    let screen = term.backend().to_string();
    assert!(screen.contains("a/Ins"), "{screen}");
    assert!(!screen.contains("│ n "), "{screen}");
}

#[test]
fn bad_key_is_reported_with_its_line() {
    let e = load("[queue]\nnew = \"n\"\n[form]\nsave = \"ctl-s\"\n").unwrap_err();
    assert_eq!(
        e,
        "keys.toml 第 4 行：无法识别的按键 \"ctl-s\"，应写作 ctrl-s"
    );
    let e = load_en("[form]\nsave = \"ctl-s\"\n").unwrap_err();
    assert_eq!(
        e,
        "keys.toml line 2: unrecognised key \"ctl-s\"; write it as ctrl-s"
    );
    let e = load("[queue]\nnew = [\"n\",\n  \"bogus\"]\n").unwrap_err();
    assert!(
        e.starts_with("keys.toml 第 3 行：无法识别的按键 \"bogus\"；可写单个字符"),
        "{e}"
    );
    let e = load_en("[queue]\nnew = \"bogus\"\n").unwrap_err();
    assert!(
        e.starts_with("keys.toml line 2: unrecognised key \"bogus\"; write a single"),
        "{e}"
    );
}

#[test]
fn unknown_section_and_action() {
    let e = load("[qeue]\nnew = \"a\"\n").unwrap_err();
    assert_eq!(
        e,
        "keys.toml 第 1 行：没有分组 [qeue]；可用的分组：queue、case、form、action、setup、dashboard、charts、settings、reception、report、move、common、backlog"
    );
    let e = load_en("[qeue]\nnew = \"a\"\n").unwrap_err();
    assert!(
        e.starts_with("keys.toml line 1: there is no section [qeue]; the sections are queue, case"),
        "{e}"
    );
    let e = load("\n[queue]\nnwe = \"a\"\n").unwrap_err();
    assert!(
        e.starts_with("keys.toml 第 3 行：[queue] 中没有操作 \"nwe\"；可用的操作：page_down、"),
        "{e}"
    );
    let e = load_en("[case]\nquit = \"a\"\n").unwrap_err();
    assert!(
        e.starts_with(
            "keys.toml line 2: [case] has no action \"quit\"; its actions are back, register"
        ),
        "{e}"
    );
    let e = load_en("queue = \"a\"\n").unwrap_err();
    assert!(e.contains("[queue] must be a section"), "{e}");
    let e = load_en("[queue]\nnew = 1\n").unwrap_err();
    assert!(
        e.starts_with("keys.toml line 2: [queue] new must be one key"),
        "{e}"
    );
}

#[test]
fn conflicts_are_refused() {
    let e = load("[queue]\nnew = \"f\"\n").unwrap_err();
    assert_eq!(
        e,
        "keys.toml 第 2 行：按键 f 在工作台中既是“切换筛选”又是“新登记”"
    );
    let e = load_en("[queue]\nnew = \"f\"\n").unwrap_err();
    assert_eq!(
        e,
        "keys.toml line 2: the key f is bound to both \"next filter\" and \"new intake\" on the queue"
    );
    // Shared sections: said once, though both screens have it.
    let e = load_en("[common]\nrefresh = \"j\"\n").unwrap_err();
    assert_eq!(e.lines().count(), 1, "{e}");
    // Moving a key away first makes room for it.
    assert!(load("[queue]\nnew = \"f\"\nfilter = \"F\"\n").is_ok());
    // The same key on two screens is no conflict.
    assert!(load("[queue]\nnew = \"d\"\n").is_ok());
}

#[test]
fn ctrl_c_and_typing_keys_cannot_be_bound() {
    let e = load("[common]\nquit = \"ctrl-c\"\n").unwrap_err();
    assert_eq!(e, "keys.toml 第 2 行：Ctrl-C 总是退出，不能改作他用");
    let e = load_en("[form]\nsave = \"ctrl-C\"\n").unwrap_err();
    assert_eq!(
        e,
        "keys.toml line 2: Ctrl-C always quits and cannot be bound"
    );
    let e = load_en("[form]\nsave = \"s\"\n").unwrap_err();
    assert!(
        e.starts_with("keys.toml line 2: s cannot be used in [form]"),
        "{e}"
    );
    let e = load("[action]\nback = \"space\"\n").unwrap_err();
    assert!(
        e.starts_with("keys.toml 第 2 行：[action] 中不能用 Space"),
        "{e}"
    );
    assert!(load("[setup]\nsave = \"f10\"\n").is_ok());
}

#[test]
fn every_problem_is_listed_in_line_order() {
    let e = load_en("[queue]\nnew = \"ctl-n\"\n[nope]\n[case]\nfoo = \"a\"\n").unwrap_err();
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 3, "{e}");
    assert!(lines[0].starts_with("keys.toml line 2:"));
    assert!(lines[1].starts_with("keys.toml line 3:"));
    assert!(lines[2].starts_with("keys.toml line 5:"));
}

#[test]
fn toml_syntax_errors_carry_their_line() {
    let e = load("[queue]\nnew = \"a\n").unwrap_err();
    assert!(e.starts_with("keys.toml 第 2 行：不是有效的 TOML："), "{e}");
}

#[test]
fn built_in_tables_have_no_conflicts() {
    assert!(Keymap::default().conflicts(Lang::En).is_empty());
}

#[test]
fn loads_from_a_directory_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(load_keymap(dir.path(), Lang::Zh), Ok(Keymap::default()));
    let file = dir.path().join("keys.toml");
    std::fs::write(&file, "[queue]\nnew = \"a\"\n").unwrap();
    let from_dir = load_keymap(dir.path(), Lang::Zh).unwrap();
    assert_eq!(from_dir.lookup(Context::Queue, &c('a')), Some(Action::New));
    assert_eq!(load_keymap(&file, Lang::Zh), Ok(from_dir));
    std::fs::write(&file, "[queue]\nnew = \"f\"\n").unwrap();
    let e = load_keymap(dir.path(), Lang::En).unwrap_err();
    assert!(e.starts_with(&format!("{} line 2:", file.display())), "{e}");
}

#[test]
fn the_chooser_and_the_search_line_have_fixed_keys() {
    let k = Keymap::default();
    assert_eq!(
        k.lookup(Context::Chooser, &key(KeyCode::Tab)),
        Some(Action::Down)
    );
    assert_eq!(
        k.lookup(Context::Chooser, &key(KeyCode::Enter)),
        Some(Action::Open)
    );
    assert_eq!(
        k.lookup(Context::SearchLine, &key(KeyCode::Esc)),
        Some(Action::Back)
    );
    // Letters are typed into the line, never looked up as shortcuts.
    assert_eq!(k.lookup(Context::SearchLine, &c('q')), None);
    // keys.toml cannot change them.
    let e = load("[chooser]\nopen = \"o\"\n").unwrap_err();
    assert!(e.contains("[chooser]"), "{e}");
}
