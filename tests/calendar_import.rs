//! `xinfang calendar import FILE` (issue 16, point 5): a year's official table goes into the
//! office's config directory, and that year's due dates stop being provisional; a malformed
//! table is refused with the line and the field to fix.

mod common;

use std::path::Path;

use common::{Ledger, Out, SETUP, finish};
use serde_json::Value;

/// The binary with the office's config directory at `config`.
fn run_in(config: &Path, args: &[&str], stdin: &str) -> Out {
    let mut cmd = common::command();
    // The intakes are dated 2026-12-17 to reach the year's end: the binary's clock is
    // fixed there, as times more than a day past the clock are refused.
    cmd.env("XINFANG_CONFIG", config)
        .env("XINFANG_NOW", "2026-12-17T18:00:00+08:00")
        .args(common::signed_in(args))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("start xinfang");
    let mut input = child.stdin.take().expect("stdin");
    std::io::Write::write_all(&mut input, stdin.as_bytes()).expect("write stdin");
    drop(input);
    finish(child)
}

/// A visit received Thu 2026-12-17, so that its decide clock ends in 2027.
const INTAKE: &str = r#"{"op":"intake","actor":"李娜","at":"2026-12-17T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"张三","main":true}],"category":"城乡建设","handling_type":"申诉求决","summary":"反映拆迁补偿款至今未到位","request":"要求尽快支付补偿款","urgency":"normal"}"#;

/// A 2027 table made up for the test (not the State Council's): 元旦 01-01..04 off, so that
/// the due date visibly follows the imported table rather than the computed days.
const TABLE_2027: &str = r#"{"year": 2027, "days": [
  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
  {"name": "元旦", "date": "2027-01-02", "isOffDay": true},
  {"name": "元旦", "date": "2027-01-03", "isOffDay": true},
  {"name": "元旦", "date": "2027-01-04", "isOffDay": true}
]}"#;

fn show_json(config: &Path, l: &Ledger) -> Value {
    let out = run_in(config, &["show", "--db", l.db(), "1", "--json"], "");
    assert!(out.success(), "{out:?}");
    serde_json::from_str(&out.stdout).unwrap()
}

#[test]
fn import_makes_a_year_official_and_its_dates_no_longer_provisional() {
    let l = Ledger::new();
    let config = tempfile::tempdir().unwrap();
    let input = format!("{SETUP}{INTAKE}\n");
    let out = run_in(config.path(), &["apply", "--db", l.db(), "-"], &input);
    assert!(out.success(), "{out:?}");
    let lines = out.json_lines();
    let intake = lines.last().unwrap();
    // 2026-12-17 + 15 = Fri 2027-01-01 元旦 (statutory, computed), Sat, Sun → Mon 2027-01-04.
    assert_eq!(intake["due"]["decide"], "2027-01-04");
    assert_eq!(intake["provisional"], serde_json::json!([2027]));
    assert_eq!(
        show_json(config.path(), &l)["provisional"],
        serde_json::json!([2027])
    );
    let text = run_in(
        config.path(),
        &["--lang", "zh-CN", "show", "--db", l.db(), "1"],
        "",
    );
    assert!(
        text.stdout.contains("暂定：2027年尚无国务院放假安排"),
        "{}",
        text.stdout
    );

    let list = run_in(config.path(), &["--lang", "en", "list", "--db", l.db()], "");
    assert!(
        list.stdout.contains("2027-01-04") && list.stdout.contains("* provisional"),
        "{}",
        list.stdout
    );

    let file = l.file("2027.json");
    std::fs::write(&file, TABLE_2027).unwrap();
    let out = run_in(
        config.path(),
        &["--lang", "en", "calendar", "import", file.to_str().unwrap()],
        "",
    );
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout.contains("imported the 2027 holiday table"),
        "{}",
        out.stdout
    );
    let installed = config.path().join("holidays").join("2027.json");
    assert_eq!(std::fs::read_to_string(installed).unwrap(), TABLE_2027);

    // The imported table decides now: 01-01..04 off → Tue 2027-01-05, and nothing is provisional.
    let v = show_json(config.path(), &l);
    assert_eq!(v["due"]["decide"], "2027-01-05");
    assert_eq!(v["provisional"], serde_json::json!([]));
    let text = run_in(
        config.path(),
        &["--lang", "zh-CN", "show", "--db", l.db(), "1"],
        "",
    );
    assert!(!text.stdout.contains("暂定"), "{}", text.stdout);
    let list = run_in(config.path(), &["--lang", "en", "list", "--db", l.db()], "");
    assert!(!list.stdout.contains("provisional"), "{}", list.stdout);
}

#[test]
fn a_malformed_table_is_refused_with_the_line_and_field_to_fix() {
    let l = Ledger::new();
    let config = tempfile::tempdir().unwrap();
    // The second day lacks isOffDay (line 3 of the file).
    let broken = TABLE_2027.replace(
        r#""date": "2027-01-02", "isOffDay": true"#,
        r#""date": "2027-01-02""#,
    );
    let file = l.file("2027.json");
    std::fs::write(&file, broken).unwrap();
    let path = file.to_str().unwrap();
    let out = run_in(
        config.path(),
        &["--lang", "en", "calendar", "import", path],
        "",
    );
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("line 3"), "{}", out.stderr);
    assert!(out.stderr.contains("isOffDay"), "{}", out.stderr);
    let out = run_in(
        config.path(),
        &["--lang", "zh-CN", "calendar", "import", path],
        "",
    );
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("第3行"), "{}", out.stderr);
    // A date that does not exist names its line and the format to write.
    std::fs::write(&file, TABLE_2027.replace("2027-01-04", "2027-01-40")).unwrap();
    let out = run_in(
        config.path(),
        &["--lang", "en", "calendar", "import", path],
        "",
    );
    assert!(!out.success(), "{out:?}");
    assert!(
        out.stderr.contains("line 5: field date \"2027-01-40\"")
            && out.stderr.contains("YYYY-MM-DD"),
        "{}",
        out.stderr
    );
    // Nothing was written: the office still has no 2027 table.
    assert!(!config.path().join("holidays").join("2027.json").exists());
}

const OFFICE: &str = r#"{"op":"office","name":"某区信访局","prefix":"X信","hotline":"12345","seal":"某区信访局信访专用章","review_organ":"某市信访局"}"#;

#[test]
fn a_notice_stating_a_provisional_due_date_says_so() {
    let l = Ledger::new();
    let config = tempfile::tempdir().unwrap();
    // Received and accepted Tue 2026-12-08: + 60 days = Sat 2027-02-06 (初一), 初一..初三 and
    // the 补假 Tue 09, Wed 10 are off → Thu 2027-02-11, in 2027, which has no table.
    let input = format!(
        "{SETUP}{OFFICE}\n{}\n{}\n{}\n",
        INTAKE.replace("2026-12-17T10", "2026-12-08T10"),
        r#"{"op":"register","actor":"李娜","case":1,"decision":"accept","at":"2026-12-08T11:00:00+08:00"}"#,
        r#"{"op":"issue","actor":"李娜","case":1,"kind":"accept","at":"2026-12-08T12:00:00+08:00"}"#,
    );
    let out = run_in(config.path(), &["apply", "--db", l.db(), "-"], &input);
    assert!(out.success(), "{out:?}");
    let lines = out.json_lines();
    let issued = lines.last().unwrap();
    assert_eq!(issued["ok"], true, "{issued}");
    assert_eq!(issued["due"]["handle"], "2027-02-11");
    assert_eq!(issued["provisional"], serde_json::json!([2027]));
    let reprint = run_in(
        config.path(),
        &["notice", "--db", l.db(), "--as", "李娜", "1", "accept"],
        "",
    );
    assert!(reprint.success(), "{reprint:?}");
    assert!(
        reprint.stdout.contains("于2027年2月11日前办结")
            && reprint.stdout.contains("2027年国务院放假安排尚未公布"),
        "{}",
        reprint.stdout
    );
}

/// `calendar import` on an office with a ledger (issue 14): the open cases' stored due
/// dates follow the new table in the same transaction as the office-journal event, so the
/// queue's "due soon" (which reads the stored date) and `check` (which recomputes it with
/// the calendar in force) agree with what `show` says. Imported without the ledger, the
/// stored dates stay behind and `check` names them; imported again with it, all is clean.
#[test]
fn import_restamps_the_stored_due_dates_of_open_cases_and_check_agrees() {
    let l = Ledger::new();
    let config = tempfile::tempdir().unwrap();
    let register = r#"{"op":"register","actor":"李娜","case":2,"decision":"accept","at":"2026-12-17T11:00:00+08:00"}"#;
    let input = format!("{SETUP}{INTAKE}\n{INTAKE}\n{register}\n");
    let out = run_in(config.path(), &["apply", "--db", l.db(), "-"], &input);
    assert!(out.success(), "{out:?}");
    // Due within 18 days of 2026-12-17 (to 2027-01-04): case 1, at intake, due 01-04.
    let due_soon = |config: &Path| {
        let args = ["list", "--db", l.db(), "--due-within", "18", "--json"];
        let out = run_in(config, &args, "");
        assert!(out.success(), "{out:?}");
        let v: Value = serde_json::from_str(&out.stdout).unwrap();
        v.as_array().map_or(0, Vec::len)
    };
    assert_eq!(due_soon(config.path()), 1);
    let check = |config: &Path| run_in(config, &["--lang", "en", "check", "--db", l.db()], "");
    assert!(check(config.path()).success());

    let file = l.file("2027.json");
    std::fs::write(&file, TABLE_2027).unwrap();
    let table = file.to_str().unwrap();
    // Into a config directory alone: the ledger's stored dates are now behind the calendar.
    let alone = tempfile::tempdir().unwrap();
    let out = run_in(alone.path(), &["calendar", "import", table], "");
    assert!(out.success(), "{out:?}");
    let stale = check(alone.path());
    assert!(!stale.success(), "{stale:?}");
    assert!(stale.stdout.contains("next_due"), "{}", stale.stdout);

    // With the ledger, as its leader: re-stamped and journaled.
    let args = [
        "--lang",
        "en",
        "calendar",
        "import",
        table,
        "--db",
        l.db(),
        "--as",
        "赵局长",
    ];
    let out = run_in(config.path(), &args, "");
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout.contains("the due dates of 2 cases not archived")
            && out.stdout.contains("moved"),
        "{}",
        out.stdout
    );
    let c = check(config.path());
    assert!(c.success(), "{c:?}");
    assert_eq!(show_json(config.path(), &l)["due"]["decide"], "2027-01-05");
    // The stored date moved with it: 01-05 is no longer within 18 days.
    assert_eq!(due_soon(config.path()), 0);
    let audit = run_in(
        config.path(),
        &["audit", "--db", l.db(), "--as", "赵局长", "--json"],
        "",
    );
    let events: Value = serde_json::from_str(&audit.stdout).unwrap();
    let imported = events
        .as_array()
        .and_then(|e| e.iter().find(|e| e["act"] == "calendar"))
        .unwrap_or_else(|| panic!("no calendar event: {events}"));
    assert_eq!(imported["subject"], "2027");
    assert_eq!(imported["actor"], "赵局长");
    assert_eq!(imported["detail"]["open"], 2, "{imported}");
    assert!(
        imported["detail"]["moved"].as_i64() >= Some(1),
        "{imported}"
    );

    // A clerk may not re-stamp the ledger, and is told so before anything is installed.
    let again = tempfile::tempdir().unwrap();
    let args = [
        "--lang",
        "en",
        "calendar",
        "import",
        table,
        "--db",
        l.db(),
        "--as",
        "李娜",
    ];
    let out = run_in(again.path(), &args, "");
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("leader"), "{}", out.stderr);
    assert!(!again.path().join("holidays").join("2027.json").exists());
}
