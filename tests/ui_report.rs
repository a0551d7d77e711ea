//! The report screen: y from the queue, Tab through 日报 … 年报, ← and → between periods,
//! x writes HTML and CSV beside the ledger. Its figures are the ones `xinfang report` gives
//! for the same period (both come from one engine; tests/report.rs checks them by hand).

mod common;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;
use xinfang::config::Office;
use xinfang::domain::rules::Operator;
use xinfang::domain::stats::{Period, PeriodKind};
use xinfang::domain::types::Role;
use xinfang::store::Store;
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Msg, Screen};
use xinfang::ui::runtime;

const LEDGER: &str = include_str!("fixtures/report.jsonl");

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

/// The hand-built ledger on the leader's desk, on `today`.
fn desk(today: NaiveDate) -> (common::Ledger, Store, App) {
    let l = common::Ledger::new();
    l.apply_ok(LEDGER);
    let mut store = Store::open(&l.path, Office::builtin(), &common::key()).unwrap();
    let leader = Operator {
        name: "赵局长".into(),
        role: Role::Leader,
        department: None,
        active: true,
        unit: None,
        department_wide: false,
    };
    let mut app = App::new(Lang::Zh, Some(leader), "某区信访局".into(), today);
    runtime::dispatch(&mut store, &mut app, Msg::Resize { rows: 40 });
    for cmd in app.start() {
        let msg = runtime::execute(&mut store, &app, &cmd);
        runtime::dispatch(&mut store, &mut app, msg);
    }
    (l, store, app)
}

fn press(s: &mut Store, app: &mut App, c: KeyCode) {
    runtime::dispatch(s, app, key(c));
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// `xinfang report --period 2025-11` in `format`.
fn november(l: &common::Ledger, format: &str) -> String {
    let out = common::run(
        &[
            "report",
            "--db",
            l.db(),
            "--period",
            "2025-11",
            "--format",
            format,
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    out.stdout
}

/// The screen's report for its period, as `xinfang report --format json` would print it.
fn shown_json(app: &App) -> Value {
    let loaded = app.report().loaded.as_ref().expect("a report is shown");
    serde_json::to_value(&loaded.report).unwrap()
}

#[test]
fn the_leader_steps_through_periods_and_sees_the_command_lines_figures() {
    let (l, mut s, mut app) = desk(date("2025-12-10"));
    assert!(matches!(app.screen, Screen::Dashboard(_)));
    press(&mut s, &mut app, KeyCode::Char('y'));
    assert!(matches!(app.screen, Screen::Report(_)));
    // This month first: December 2025, up to today.
    let p = app.report().period;
    assert_eq!(
        (p.kind, p.start, p.end),
        (PeriodKind::Month, date("2025-12-01"), date("2025-12-31"))
    );
    assert_eq!(
        app.report().loaded.as_ref().unwrap().report.cutoff,
        date("2025-12-10")
    );
    // → : January has not begun.
    press(&mut s, &mut app, KeyCode::Right);
    assert_eq!(app.report().period.start, date("2025-12-01"));
    assert!(
        app.message.as_deref().unwrap_or("").contains("尚未开始"),
        "{:?}",
        app.message
    );
    // ← : November 2025, the month tests/report.rs works out by hand.
    press(&mut s, &mut app, KeyCode::Left);
    assert_eq!(app.report().period.start, date("2025-11-01"));
    let on_screen = shown_json(&app);
    let cli: Value = serde_json::from_str(&november(&l, "json")).unwrap();
    assert_eq!(on_screen["figures"], cli["figures"]);
    assert_eq!(on_screen["overdue_items"], cli["overdue_items"]);
    assert_eq!(on_screen["figures"][0]["key"], "batches");
    assert_eq!(on_screen["figures"][0]["value"], 6);
    // Tab: 日报 → 周报 → 月报 → 季报 → 年报 → 日报, each holding the last day read (11-30).
    let mut kinds = Vec::new();
    for _ in 0..5 {
        press(&mut s, &mut app, KeyCode::Tab);
        let p = app.report().period;
        kinds.push((p.kind, p.start.to_string(), p.end.to_string()));
    }
    let want = [
        (PeriodKind::Quarter, "2025-10-01", "2025-12-31"),
        (PeriodKind::Year, "2025-01-01", "2025-12-31"),
        (PeriodKind::Day, "2025-11-30", "2025-11-30"),
        (PeriodKind::Week, "2025-11-24", "2025-11-30"),
        (PeriodKind::Month, "2025-11-01", "2025-11-30"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(k, a, b)| (*k, a.to_string(), b.to_string()))
        .collect();
    assert_eq!(kinds, want);
    // Each load is the period asked for.
    assert_eq!(
        app.report().loaded.as_ref().unwrap().report.period,
        app.report().period
    );
    // Shift-Tab steps back round the same ring: 月报 → 周报 → 日报 → 年报.
    let mut back = Vec::new();
    for _ in 0..3 {
        press(&mut s, &mut app, KeyCode::BackTab);
        back.push(app.report().period.kind);
    }
    assert_eq!(back, [PeriodKind::Week, PeriodKind::Day, PeriodKind::Year]);
    assert_eq!(app.report().period.start, date("2025-01-01"));
    // ← moves the period, and Tab then goes round the day that one was read up to.
    press(&mut s, &mut app, KeyCode::Left);
    press(&mut s, &mut app, KeyCode::Tab);
    assert_eq!(app.report().period, Period::day(date("2024-12-31")));
    press(&mut s, &mut app, KeyCode::Tab);
    assert_eq!(app.report().period.start, date("2024-12-30"));
    press(&mut s, &mut app, KeyCode::Tab);
    assert_eq!(app.report().period, Period::month(2024, 12));
    // End: the report's last page; Home: back to its top.
    press(&mut s, &mut app, KeyCode::End);
    assert!(app.report().scroll > 0);
    press(&mut s, &mut app, KeyCode::Home);
    assert_eq!(app.report().scroll, 0);
    // Esc: back to the dashboard.
    press(&mut s, &mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Dashboard(_)));
}

#[test]
fn x_writes_the_report_as_html_csv_and_docx_beside_the_ledger() {
    let (l, mut s, mut app) = desk(date("2025-12-10"));
    press(&mut s, &mut app, KeyCode::Char('y'));
    press(&mut s, &mut app, KeyCode::Left);
    press(&mut s, &mut app, KeyCode::Char('x'));
    let dir = l.path.parent().unwrap().join("reports").join("赵局长");
    let html = dir.join("信访情况分析报告-2025-11.html");
    let csv = dir.join("信访情况分析报告-2025-11.csv");
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains(&html.display().to_string()), "{msg}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<title>2025年11月信访情况分析报告</title>"));
    assert!(page.contains("@page { size: A4"));
    assert!(!page.contains("<script"));
    // The same HTML as the command line writes for the month.
    // Made on another day (the desk's is fixed): the same but for that line.
    let made_on = |s: &str| -> String {
        s.lines()
            .filter(|l| !l.contains("生成日期"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let out = november(&l, "html");
    assert!(
        made_on(&out) == made_on(&page),
        "the desk and the command line differ"
    );
    let sheet = std::fs::read_to_string(&csv).unwrap();
    assert!(sheet.starts_with("\u{feff}section,key,label,value"));
    assert!(sheet.contains("intake,batches,信访总量（批次）,6,"));
    // And in Word, the analysis first, as the command line's --format docx writes it.
    let word = std::fs::read(dir.join("信访情况分析报告-2025-11.docx")).unwrap();
    assert!(word.starts_with(b"PK"), "a .docx is a zip");
    // The screen shows the analysis too, after the tables.
    let analysis = &app.report().loaded.as_ref().unwrap().analysis;
    assert!(analysis[0].starts_with("一、总体情况"), "{analysis:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&html).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn a_folder_that_cannot_be_made_is_said_and_nothing_is_lost() {
    let (l, mut s, mut app) = desk(date("2025-12-10"));
    // A file where the folder should be: the folder cannot be made.
    std::fs::write(l.path.parent().unwrap().join("reports"), "not a folder").unwrap();
    press(&mut s, &mut app, KeyCode::Char('y'));
    press(&mut s, &mut app, KeyCode::Char('x'));
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains("无法建立报告文件夹"), "{msg}");
    assert!(matches!(app.screen, Screen::Report(_)));
    assert!(app.report().loaded.is_some());
}

/// While a report is made the desk draws a frame that says which one (the run loop draws
/// through `dispatch_drawing`); the old report stays below until the new one comes.
#[test]
fn the_screen_says_which_report_is_being_made() {
    let (_l, mut s, mut app) = desk(date("2025-12-10"));
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('y')));
    let mut frames = Vec::new();
    runtime::dispatch_drawing(&mut s, &mut app, key(KeyCode::Left), &mut |app| {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        term.draw(|f| xinfang::ui::view::draw(app, f)).unwrap();
        frames.push(term.backend().to_string());
    });
    assert_eq!(frames.len(), 1);
    assert!(
        frames[0].contains("正在生成2025年11月信访情况分析报告"),
        "{}",
        frames[0]
    );
    // Below it, December's figures until November's arrive.
    assert!(frames[0].contains("信访总量（批次）"), "{}", frames[0]);
    assert!(!app.report().making);
    assert_eq!(
        app.report().loaded.as_ref().unwrap().title,
        "2025年11月信访情况分析报告（月报）"
    );
}

/// The year's table on the screen has no 上期 and 环比 columns (they repeated 去年同期 and
/// 同比); a month's has all five.
#[test]
fn the_year_on_the_screen_is_compared_once() {
    let (_l, mut s, mut app) = desk(date("2025-12-10"));
    press(&mut s, &mut app, KeyCode::Char('y'));
    let heads = |app: &App| {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        term.draw(|f| xinfang::ui::view::draw(app, f)).unwrap();
        let shown = term.backend().to_string();
        let line = shown
            .lines()
            .find(|l| l.contains("本期"))
            .map(str::to_owned);
        line.unwrap_or_else(|| panic!("no heads:\n{shown}"))
    };
    assert_eq!(app.report().period.kind, PeriodKind::Month);
    let month = heads(&app);
    assert!(month.contains("上期") && month.contains("环比"), "{month}");
    while app.report().period.kind != PeriodKind::Year {
        press(&mut s, &mut app, KeyCode::Tab);
    }
    let year = heads(&app);
    assert!(year.contains("去年同期") && year.contains("同比"), "{year}");
    assert!(!year.contains("上期") && !year.contains("环比"), "{year}");
}
