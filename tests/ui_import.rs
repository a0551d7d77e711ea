//! The import's dry run on the desk (issue 18, point 2): a leader picks an old register on
//! the settings screen (`p`, `I`), sees every row planned with the rows with problems first
//! and nothing written, and writes it with `I` — only once no row is bad or the bad ones
//! are to be skipped, which then go to `<file>.skipped.csv`. A clerk is refused.

mod common;

use common::desk::{Desk, drawn};
use ratatui::crossterm::event::KeyCode;
use xinfang::ui::app::Screen;
use xinfang::ui::screens::settings::import::ImportView;

/// Two good rows and one with a date that is none (row 4).
const REGISTER: &str = "收件日期,信访人,问题分类,主要问题,诉求,原编号\n\
2026-01-05,孙一,城乡建设,反映小区路灯不亮,要求修复,J-001\n\
2026.1.8,孙二,教育,反映学校乱收费,要求退费,J-002\n\
2026-13-40,孙三,教育,反映校车超载,要求整改,J-003\n";

fn plan(d: &Desk) -> Option<ImportView> {
    match &d.app.screen {
        Screen::Settings(s) => s.import.as_deref().cloned(),
        _ => None,
    }
}

/// The keys of the rows imported so far (a re-import skips them).
fn cases(d: &Desk) -> usize {
    d.store.imported_keys().expect("keys").len()
}

#[test]
fn a_leader_sees_the_dry_run_and_writes_only_what_may_be_written() {
    let mut d = Desk::new("赵局长", 1);
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("台账.csv");
    std::fs::write(&file, REGISTER).expect("written");
    let before = cases(&d);
    assert_eq!(before, 0);

    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Char('I'));
    assert!(
        matches!(d.app.screen, Screen::Form(_)),
        "{:?}",
        d.app.message
    );
    d.chars(file.to_str().expect("a path"));
    d.ctrl('s');
    let v = plan(&d).unwrap_or_else(|| panic!("no plan: {:?}", d.app.message));
    assert_eq!((v.new, v.bad), (2, 1));
    // The bad row comes first and says what is wrong, by row number.
    assert!(
        v.lines[0].contains("第 4 行") && v.lines[0].contains('✗'),
        "{:?}",
        v.lines
    );
    let shown = drawn(&d.app);
    assert!(
        shown.contains("第4行：✗") && shown.contains("共2行可导入"),
        "{shown}"
    );
    assert_eq!(cases(&d), before, "a dry run writes nothing");

    // A bad row blocks the write, with what to do.
    d.key(KeyCode::Char('I'));
    let said = d.app.message.clone().unwrap_or_default();
    assert!(said.contains("跳过问题行"), "{said}");
    assert_eq!(cases(&d), before);

    // Back to the form, which remembers the file; skip the bad row, plan, write.
    d.key(KeyCode::Esc);
    d.key(KeyCode::Char('I'));
    d.key(KeyCode::Tab);
    d.key(KeyCode::Tab);
    d.key(KeyCode::Char(' '));
    d.ctrl('s');
    assert!(
        plan(&d).is_some_and(|v| v.can_write()),
        "{:?}",
        d.app.message
    );
    d.key(KeyCode::Char('I'));
    let v = plan(&d).expect("still shown");
    assert!(v.written, "{:?}", d.app.message);
    assert!(
        v.summary.contains("已导入 2 件，跳过 1 行"),
        "{}",
        v.summary
    );
    assert!(cases(&d) > before, "the rows are in the ledger");
    let skipped = std::fs::read_to_string(dir.path().join("台账.skipped.csv")).expect("skipped");
    assert!(skipped.contains("J-003"), "{skipped}");
    // Planned again, the rows written are known: nothing twice.
    d.key(KeyCode::Esc);
    d.key(KeyCode::Char('I'));
    d.ctrl('s');
    let v = plan(&d).expect("planned");
    assert_eq!(v.new, 0, "{:?}", v.lines);
    assert!(d.store.check().expect("check").ok());
}

#[test]
fn a_clerk_is_refused_and_a_missing_file_is_named() {
    let mut d = Desk::new("李娜", 1);
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Char('I'));
    assert!(!matches!(d.app.screen, Screen::Form(_)));
    let said = d.app.message.clone().unwrap_or_default();
    assert!(said.contains("领导"), "{said}");

    let mut d = Desk::new("赵局长", 1);
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Char('I'));
    d.chars("/nowhere/台账.xlsx");
    d.ctrl('s');
    // The form stays, as typed, and says what is wrong.
    assert!(matches!(d.app.screen, Screen::Form(_)));
    let said = d.app.message.clone().unwrap_or_default();
    assert!(
        said.contains("无法读取") && said.contains("/nowhere/台账.xlsx"),
        "{said}"
    );
}
