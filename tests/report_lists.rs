//! The report's listed cases (overdue at the cut-off, supervised in the period) as a count
//! and pages: `report --list … --page N` read page after page is `--all`, its count is the
//! length, the report's JSON holds the same count and the first page, and the desk's `>`
//! shows the next page of the same list.

mod common;

use chrono::{DateTime, NaiveDate};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;
use xinfang::config::Office;
use xinfang::demo::{DemoOptions, generate};
use xinfang::domain::rules::Operator;
use xinfang::domain::stats::LIST_PAGE;
use xinfang::domain::types::Role;
use xinfang::report::LISTED_ITEMS;
use xinfang::store::Store;
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Msg};
use xinfang::ui::runtime;

const NOW: &str = "2026-03-10T15:20:00+08:00";

/// A demo ledger of the tests' own key, made as of `NOW`.
fn ledger() -> common::Ledger {
    let l = common::Ledger::new();
    let mut store = Store::open(&l.path, Office::builtin(), &common::key()).unwrap();
    let opts = DemoOptions {
        cases: 1500,
        seed: 5,
        now: DateTime::parse_from_rfc3339(NOW).unwrap(),
    };
    generate(&mut store, &opts).unwrap();
    l
}

/// `xinfang report --db L --period P ARGS`, as of `NOW`.
fn report(l: &common::Ledger, period: &str, args: &[&str]) -> String {
    let mut all = vec!["report", "--db", l.db(), "--period", period];
    all.extend(args);
    let out = common::command()
        .env("XINFANG_NOW", NOW)
        .args(common::signed_in(&all))
        .output()
        .unwrap();
    assert!(out.status.success(), "{all:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn pages_read_one_after_another_are_the_whole_list_and_its_count_its_length() {
    let l = ledger();
    let mut paged = 0;
    for period in ["2026-02", "2026-03", "2025"] {
        let whole = json(&report(&l, period, &["--format", "json"]));
        for list in ["overdue", "supervised"] {
            let all = json(&report(
                &l,
                period,
                &["--list", list, "--all", "--format", "json"],
            ));
            let items = all["items"].as_array().unwrap();
            let count = all["count"].as_u64().unwrap();
            assert_eq!(items.len() as u64, count, "{period} {list}");
            assert_eq!(whole[format!("{list}_count")], count, "{period} {list}");
            let first: Vec<&Value> = items.iter().take(LIST_PAGE).collect();
            let held: Vec<&Value> = whole[format!("{list}_items")]
                .as_array()
                .unwrap()
                .iter()
                .collect();
            assert_eq!(
                held, first,
                "{period} {list}: the report holds the first page"
            );
            let pages = (count as usize).div_ceil(LIST_PAGE).max(1);
            let mut read: Vec<Value> = Vec::new();
            for page in 1..=pages {
                let p = page.to_string();
                let got = json(&report(
                    &l,
                    period,
                    &["--list", list, "--page", &p, "--format", "json"],
                ));
                assert_eq!(got["count"].as_u64(), Some(count));
                read.extend(got["items"].as_array().unwrap().iter().cloned());
            }
            assert_eq!(
                &read, items,
                "{period} {list}: the pages are the whole list"
            );
            paged += usize::from(pages > 1);
        }
    }
    assert!(paged > 0, "some list is longer than a page");
    // The text page says how many in all and where the next page is.
    let text = report(&l, "2025", &["--list", "overdue"]);
    let count = json(&report(
        &l,
        "2025",
        &["--list", "overdue", "--all", "--format", "json"],
    ))["count"]
        .as_u64()
        .unwrap();
    assert!(text.contains(&format!("逾期未办结 {count} 件")), "{text}");
    if count as usize > LIST_PAGE {
        assert!(text.contains("--list overdue --page 2"), "{text}");
    }
}

#[test]
fn the_desk_pages_the_overdue_list_with_the_greater_than_key() {
    let l = ledger();
    let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
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
    let press = |store: &mut Store, app: &mut App, c: char| {
        let k = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        runtime::dispatch(store, app, Msg::Key(k));
    };
    press(&mut store, &mut app, 'y');
    // The year, whose overdue list is long.
    for _ in 0..4 {
        let k = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
        runtime::dispatch(&mut store, &mut app, Msg::Key(k));
    }
    let period = app.report().period;
    let (count, all) = store
        .report_overdue_page(period, today, 0, usize::MAX)
        .unwrap();
    assert!(count as usize > LISTED_ITEMS, "{count}");
    let numbers = |app: &App| -> Vec<String> {
        let loaded = app.report().loaded.as_ref().unwrap();
        let block = loaded
            .blocks
            .iter()
            .find(|b| b.total == count && b.items.len() > 1);
        block.unwrap().items.iter().map(|r| r[0].clone()).collect()
    };
    let want = |from: usize| -> Vec<String> {
        (all.iter().skip(from).take(LISTED_ITEMS))
            .map(|i| i.case_no.clone().unwrap_or_else(|| format!("#{}", i.id)))
            .collect()
    };
    assert_eq!(numbers(&app), want(0));
    press(&mut store, &mut app, '>');
    assert_eq!(numbers(&app), want(LISTED_ITEMS));
    let loaded = app.report().loaded.as_ref().unwrap();
    let note = loaded.blocks.iter().find_map(|b| b.more.clone()).unwrap();
    assert!(
        note.contains("第 2/") && note.contains(&format!("共 {count} 件")),
        "{note}"
    );
    press(&mut store, &mut app, '<');
    assert_eq!(numbers(&app), want(0));
    // l: the page keys go to the supervised list, and the desk says so with its length
    // (a list of one page has no page note to mark); l again, back to the overdue list.
    let supervised = store.report_supervised_page(period, today, 0, 1).unwrap().0;
    press(&mut store, &mut app, 'l');
    let said = app.message.clone().unwrap_or_default();
    assert!(
        said.contains("督办件") && said.contains(&format!("共 {supervised} 件")),
        "{said}"
    );
    press(&mut store, &mut app, 'l');
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains(&format!("超期件：共 {count} 件")), "{said}");
}
