//! `xinfang check` as the office runs it: the full check names every difference (table,
//! key, column, expected, found) in the user's language and as JSON; `--quick` does the
//! cheap part; both exit 1 on a damaged ledger.

mod common;

use common::{Ledger, intake_lines, register_line, run};

fn ledger() -> Ledger {
    let l = Ledger::set_up();
    let mut lines = intake_lines(3, "拆迁补偿");
    for id in 1..=3 {
        lines.push_str(&register_line(id));
        lines.push('\n');
    }
    l.apply_ok(&lines);
    l
}

#[test]
fn an_edited_case_row_and_petitioner_are_named_in_text_and_json() {
    let l = ledger();
    assert!(l.check().success(), "{:?}", l.check());
    let quick = run(&["--lang", "en", "check", "--quick", "--db", l.db()], "");
    assert!(
        quick.success() && quick.stdout.contains("quick check passed"),
        "{quick:?}"
    );
    let raw = common::sqlite(&l.path);
    raw.execute_batch(
        "UPDATE cases SET state = 'archived', case_no = '2026-9999' WHERE id = 2;
         UPDATE petitioners SET id_number = '110105194912310000' WHERE case_id = 3;",
    )
    .unwrap();
    drop(raw);
    let out = l.check();
    assert_eq!(out.code, Some(1), "{out:?}");
    for line in [
        "case (cases) 2026-0002 state: expected registered, found archived",
        "case (cases) 2026-0002 case_no: expected 2026-0002, found 2026-9999",
        "petitioner (petitioners) 2026-0003 #1 id_number: expected 11010519491231002X, found 110105194912310000",
    ] {
        assert!(out.stdout.contains(line), "{line}\n{}", out.stdout);
    }
    let zh = run(&["check", "--db", l.db()], "");
    assert!(
        zh.stdout.contains(
            "与办理记录不一致：信访事项（cases）2026-0002 的 state：应为 registered，实为 archived"
        ),
        "{}",
        zh.stdout
    );
    let json = run(&["check", "--json", "--db", l.db()], "");
    assert_eq!(json.code, Some(1));
    let v: serde_json::Value = serde_json::from_str(json.stdout.trim()).unwrap();
    assert_eq!(v["ok"], false);
    let found = v["differences"].as_array().unwrap();
    assert!(
        found.iter().any(|d| d["table"] == "cases"
            && d["key"] == "2026-0002"
            && d["column"] == "state"
            && d["expected"] == "registered"
            && d["found"] == "archived"),
        "{found:?}"
    );
}

#[test]
fn the_quick_check_finds_a_rolled_back_counter_and_a_missing_row() {
    let l = ledger();
    let raw = common::sqlite(&l.path);
    raw.execute_batch("UPDATE case_counters SET last = last - 1")
        .unwrap();
    drop(raw);
    let quick = run(&["--lang", "en", "check", "--quick", "--db", l.db()], "");
    assert_eq!(quick.code, Some(1), "{quick:?}");
    assert!(
        quick
            .stdout
            .contains("case-number counter (case_counters) 2026 last"),
        "{}",
        quick.stdout
    );
    let raw = common::sqlite(&l.path);
    raw.execute_batch(
        "UPDATE case_counters SET last = last + 1; DELETE FROM case_summaries WHERE id = 1",
    )
    .unwrap();
    drop(raw);
    let quick = run(&["--lang", "en", "check", "--quick", "--db", l.db()], "");
    assert_eq!(quick.code, Some(1), "{quick:?}");
    assert!(
        quick.stdout.contains("summary (case_summaries) (count)"),
        "{}",
        quick.stdout
    );
}

/// `--deep` adds SQLite's own integrity_check and names the same differences; it and
/// `--quick` together are a usage error.
#[test]
fn the_deep_check_names_what_the_full_check_names() {
    let l = ledger();
    let deep = run(&["--lang", "en", "check", "--deep", "--db", l.db()], "");
    assert!(deep.success(), "{deep:?}");
    let both = run(&["check", "--quick", "--deep", "--db", l.db()], "");
    assert_eq!(both.code, Some(2), "{both:?}");
    let raw = common::sqlite(&l.path);
    raw.execute_batch("UPDATE cases SET handler = '某人' WHERE id = 1;")
        .unwrap();
    drop(raw);
    let deep = run(&["--lang", "en", "check", "--deep", "--db", l.db()], "");
    assert_eq!(deep.code, Some(1), "{deep:?}");
    assert!(deep.stdout.contains("2026-0001 handler"), "{}", deep.stdout);
}

/// `check --json` on a ledger damaged past reading still answers the script with one JSON
/// object, `"ok": false` and the error (a trial's damaged ledger printed nothing on stdout).
#[test]
fn a_ledger_damaged_past_reading_is_still_answered_in_json() {
    let l = ledger();
    let path = std::path::Path::new(l.db());
    let mut bytes = std::fs::read(path).unwrap();
    let (from, to) = (
        bytes.len() / 2,
        (bytes.len() / 2 + 4 * 4096).min(bytes.len()),
    );
    for b in &mut bytes[from..to] {
        *b ^= 0xA5;
    }
    std::fs::write(path, &bytes).unwrap();
    let o = run(&["check", "--json", "--db", l.db()], "");
    assert_eq!(o.code, Some(1), "{o:?}");
    let v: serde_json::Value =
        serde_json::from_str(o.stdout.trim()).unwrap_or_else(|e| panic!("{e}: {o:?}"));
    assert_eq!(v["ok"], false, "{v}");
}
