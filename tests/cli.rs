//! The command line as a user meets it: the README's session, the read
//! commands, help and errors in both languages.

mod common;

use common::{Ledger, run};
use serde_json::Value;

const SESSION: &str = include_str!("fixtures/session.jsonl");

fn session() -> Ledger {
    let l = Ledger::new();
    let lines = l.apply_ok(SESSION);
    assert_eq!(lines.len(), SESSION.lines().count());
    l
}

#[test]
fn the_readme_session_runs_and_gives_the_documented_dates() {
    let l = Ledger::new();
    let lines = l.apply_ok(SESSION);
    let register = &lines[5];
    assert_eq!(register["case_no"], "2026-0001");
    assert_eq!(register["state"], "registered");
    // Received 01-31, 15 days → 02-15 in 春节 → 02-24; accepted 02-02 +60 → 04-03.
    assert_eq!(register["due"]["decide"], "2026-02-24");
    assert_eq!(register["due"]["handle"], "2026-04-03");
    assert_eq!(register["due"]["review"], Value::Null);
    // +30 extension: 02-02 + 90 = 05-03, in 劳动节 05-01..05 → 05-06.
    assert_eq!(lines[7]["due"]["handle"], "2026-05-06");
    // Served 03-06 + 30 = 04-05, in 清明 04-04..06 → 04-07.
    assert_eq!(lines[13]["due"]["review"], "2026-04-07");
    assert_eq!(lines[15]["state"], "archived");
    let review = lines.last().unwrap();
    assert_eq!(
        (review["id"].as_i64(), review["state"].as_str()),
        (Some(2), Some("intake"))
    );
}

#[test]
fn show_json_carries_due_petitioners_events_and_next_steps() {
    let l = session();
    let out = run(&["show", "--db", l.db(), "2026-0001", "--json"], "");
    assert!(out.success(), "{out:?}");
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["due"]["handle"], "2026-05-06");
    assert_eq!(
        v["case"]["intake"]["petitioners"][0]["id_number"],
        "11010519491231002X"
    );
    assert_eq!(v["events"].as_array().unwrap().len(), 12);
    assert_eq!(v["events"][0]["op"], "intake");
    assert_eq!(v["events"][11]["op"], "archive");
    // Archived, an accepted case may still go to 复查, and its settling recorded (化解,
    // Art 37 第三款).
    assert_eq!(v["allowed"], serde_json::json!(["review", "resolve"]));
    // The review case is the same person's other case.
    assert_eq!(v["earlier_cases"][0]["id"], 2);
    let text = run(&["show", "--db", l.db(), "2026-0001"], "");
    for want in [
        "2026-0001",
        "已归档",
        "张三",
        "110105********002X",
        "受理告知",
        "2026-02-24",
        "批示",
        "复查",
    ] {
        assert!(
            text.stdout.contains(want),
            "missing {want}:\n{}",
            text.stdout
        );
    }
}

#[test]
fn list_search_repeats_and_export() {
    let l = session();
    let list = run(
        &["list", "--db", l.db(), "--state", "archived", "--json"],
        "",
    );
    let v: Value = serde_json::from_str(&list.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    // The review case (received 2026-03-30) is long past its decide date.
    let overdue = run(&["list", "--db", l.db(), "--overdue", "--json"], "");
    let v: Value = serde_json::from_str(&overdue.stdout).unwrap();
    assert_eq!(v[0]["id"], 2);
    let found = run(&["search", "--db", l.db(), "拆迁", "--json"], "");
    let v: Value = serde_json::from_str(&found.stdout).unwrap();
    let ids: Vec<i64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![1]);
    // `#2`: the item by the number the queue shows it by (its id), not digits in a text.
    let by_number = run(&["search", "--db", l.db(), "#2", "--json"], "");
    let v: Value = serde_json::from_str(&by_number.stdout).unwrap();
    let ids: Vec<i64> = (v.as_array().unwrap().iter())
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![2]);
    let by_phone = run(&["search", "--db", l.db(), "1380013", "--json"], "");
    assert_eq!(
        serde_json::from_str::<Value>(&by_phone.stdout)
            .unwrap()
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let repeats = run(
        &[
            "repeats",
            "--db",
            l.db(),
            "--id",
            "11010519491231002x",
            "--json",
        ],
        "",
    );
    let v: Value = serde_json::from_str(&repeats.stdout).unwrap();
    assert_eq!(v[0]["id"], 2, "newest first");
    assert_eq!(v[1]["id"], 1);
    let out = l.file("all.csv");
    let export = run(
        &[
            "export",
            "--db",
            l.db(),
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert!(export.success(), "{export:?}");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(csv.lines().count(), 3);
    assert!(csv.contains("2026-0001") && csv.contains("2026-05-06"));
    let json = run(&["export", "--db", l.db(), "--format", "json"], "");
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v[0]["due"]["decide"], "2026-02-24");
    assert_eq!(v[0]["events"].as_array().map(Vec::len), Some(12));
}

#[test]
fn help_in_chinese_and_english() {
    let zh = run(&["--help"], "");
    assert!(zh.success());
    assert!(
        zh.stdout.contains("台账文件路径") && zh.stdout.contains("命令："),
        "{}",
        zh.stdout
    );
    let en = run(&["--lang", "en", "apply", "--help"], "");
    assert!(en.stdout.contains("JSON lines"), "{}", en.stdout);
}

#[test]
fn errors_go_to_stderr_in_the_users_language() {
    let l = session();
    let zh = run(&["show", "--db", l.db(), "2026-9999"], "");
    assert!(!zh.success());
    assert!(zh.stdout.is_empty());
    assert!(
        zh.stderr.contains("没有编号为「2026-9999」的信访事项"),
        "{}",
        zh.stderr
    );
    let en = run(&["--lang", "en", "show", "--db", l.db(), "2026-9999"], "");
    assert!(en.stderr.contains("no case 2026-9999"), "{}", en.stderr);
    let bad = run(
        &["--lang", "en", "apply", "--db", l.db(), "-"],
        "{\"op\":\"archive\",\"actor\":\"李娜\",\"case\":2}\nnot json\n",
    );
    assert!(!bad.success());
    let lines = bad.json_lines();
    assert_eq!(lines[0]["line"], 1);
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("cannot archive"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("not valid JSON")
    );
    let state = run(&["list", "--db", l.db(), "--state", "done"], "");
    assert!(!state.success() && state.stderr.contains("没有这个状态"));
}

/// `schedule` and `reception` in `apply`: the reception day and its
/// records, checked like the rest (a leader receives; a visitor and what
/// was said are required; the case must exist).
#[test]
fn apply_schedules_and_records_receptions() {
    let l = common::Ledger::set_up();
    l.apply_ok(&common::intake_lines(1, "路灯"));
    let lines = l.apply_ok(concat!(
        r#"{"op":"schedule","date":"2026-03-05","leader":"赵局长","place":"一楼接待室"}"#,
        "\n",
        r#"{"op":"reception","actor":"李娜","date":"2026-03-05","leader":"赵局长","visitor":"张三","said":"路灯仍未修复","decided":"责成城建科三日内答复","case":"1","at":"2026-03-05T10:00:00+08:00"}"#,
        "\n"
    ));
    assert_eq!(lines[1]["case_id"], 1);
    let bad = l.apply(concat!(
        r#"{"op":"schedule","date":"2026-03-06","leader":"李娜"}"#,
        "\n",
        r#"{"op":"reception","leader":"赵局长","visitor":"","said":"x"}"#,
        "\n",
        r#"{"op":"reception","leader":"赵局长","visitor":"王五","said":"x","case":"2026-0099"}"#,
        "\n",
        r#"{"op":"schedule","date":"2026-03-06","leader":"赵局长","room":"x"}"#,
        "\n"
    ));
    let results = bad.json_lines();
    assert!(results.iter().all(|v| v["ok"] == false), "{results:?}");
    let errors: Vec<String> = results.iter().map(|v| v["error"].to_string()).collect();
    assert!(errors[0].contains("李娜"), "{}", errors[0]);
    assert!(errors[1].contains("visitor"), "{}", errors[1]);
    assert!(errors[2].contains("2026-0099"), "{}", errors[2]);
    assert!(errors[3].contains("room"), "{}", errors[3]);
}

/// A ledger of an older schema is upgraded on the first writing open, and the user is told
/// first (a large ledger takes minutes); searching still finds what it found.
#[test]
fn an_upgrade_is_announced_and_keeps_search() {
    let l = session();
    let found = |l: &Ledger| run(&["search", "--db", l.db(), "拆迁", "--json"], "").stdout;
    let before = found(&l);
    // Schema 9: migration 10 (the search index made anew) and 11 (the report's facts) run
    // again on the next open.
    let conn = common::sqlite(&l.path);
    conn.execute_batch(
        "DROP TRIGGER petitioners_repeat; DROP TRIGGER petitioners_again;
         DROP TABLE case_facts; DROP TABLE case_summaries;",
    )
    .unwrap();
    conn.pragma_update(None, "user_version", 9).unwrap();
    drop(conn);
    let out = run(&["apply", "--db", l.db()], "");
    assert!(out.success(), "{out:?}");
    assert!(out.stderr.contains("正在升级台账（第 9 版"), "{out:?}");
    assert_eq!(found(&l), before);
    // Once upgraded, nothing more is said.
    let again = run(&["apply", "--db", l.db()], "");
    assert!(!again.stderr.contains("升级"), "{again:?}");
}

/// The binary asks for regular pages from its first allocation (`main.rs`): mimalloc's
/// 2 MB pages made the desk's memory a third larger. Read from the running process, held
/// reading its keys from a pipe until the test lets it go.
#[cfg(target_os = "linux")]
#[test]
fn the_process_runs_on_regular_pages() {
    use std::process::Stdio;
    let mut child = common::command()
        .args([
            "replay",
            "--db",
            "/nonexistent/ledger.db",
            "--keys",
            "/dev/stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    // The flag is set before `main`; wait until the process is past loading.
    let mut line = None;
    for _ in 0..200 {
        let text = std::fs::read_to_string(&status).unwrap_or_default();
        line = text
            .lines()
            .find(|l| l.starts_with("THP_enabled:"))
            .map(str::to_owned);
        if line.as_deref().is_some_and(|l| l.ends_with('0')) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // Still held on its keys: what was read is the running program's.
    let running = child.try_wait().unwrap().is_none();
    drop(child.stdin.take());
    let _ = child.wait();
    assert!(running, "the binary ended before it was read");
    // A kernel before 5.0 does not say (the flag is still set); one that says so says it
    // for every process, this test's own too.
    let says = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if says.contains("THP_enabled:") {
        let line = line.expect("the binary's THP_enabled line");
        assert!(line.ends_with('0'), "{line}");
    }
}

/// A quick command on a terminal leaves nothing on it: the spinner of a long open (drawn
/// only after 700 ms) drew its first frame at once and left it under the shell's prompt.
/// Run under `script`, which gives the command a terminal and prints what it drew.
#[cfg(unix)]
#[test]
fn a_quick_open_draws_no_spinner_on_the_terminal() {
    let have_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have_script {
        eprintln!("skipped: no `script` (util-linux) on this machine");
        return;
    }
    let l = session();
    let args = common::signed_in(&["report", "--db", l.db(), "--period", "2026-03"]);
    let line = format!(
        "XINFANG_CONFIG=/nonexistent {} {} > /dev/null",
        env!("CARGO_BIN_EXE_xinfang"),
        args.join(" ")
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let drawn = String::from_utf8_lossy(&out.stdout);
    assert!(!drawn.contains("打开台账"), "{drawn:?}");
    assert!(!drawn.contains("opening the ledger"), "{drawn:?}");
}

/// The desk without a terminal (a pipe, a service) says in words that it needs one, and
/// writes nothing: no demo ledger is made for it.
#[test]
fn the_desk_without_a_terminal_says_it_needs_one() {
    let out = common::command()
        .args(["--demo"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("工作台需要在终端窗口中运行"), "{said}");
    assert!(!said.contains("os error"), "{said}");
}

/// A 不予受理's note is printed in its notice, and shown with the case under a label saying
/// so (a clerk took it for an internal remark when it was shown nowhere).
#[test]
fn a_decline_s_remark_is_shown_with_the_case() {
    let l = session();
    l.apply_ok(
        r#"{"op":"office","actor":"赵建国","name":"某区信访局","at":"2026-04-08T08:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-04-08T09:00:00+08:00","channel":"visit","petitioners":[{"name":"周家长","main":true}],"category":"教育","summary":"反映学校收费","request":"退费","urgency":"normal"}
{"op":"register","actor":"李娜","case":3,"decision":"decline","reason":"not_competent","route":"请向县教育局反映","note":"家长情绪激动，称将到市里上访","at":"2026-04-08T10:00:00+08:00"}"#,
    );
    let shown = run(&["show", "--db", l.db(), "3"], "");
    assert!(
        shown.stdout.contains("告知书说明：家长情绪激动"),
        "{shown:?}"
    );
    let notice = run(&["notice", "--db", l.db(), "3", "decline"], "");
    assert!(notice.success(), "{notice:?}");
    assert!(notice.stdout.contains("家长情绪激动"), "{notice:?}");
}

/// A decision in time without the written notice Art 23 第二款 also asks for says so; the
/// notice issued (months later, here), the clock says it was late.
#[test]
fn a_decision_in_time_says_when_no_written_notice_is_recorded() {
    let l = session();
    let decide_line = |out: &common::Out| {
        out.stdout
            .lines()
            .find(|line| line.trim_start().starts_with("受理告知 "))
            .unwrap_or_default()
            .to_owned()
    };
    let before = run(&["show", "--db", l.db(), "2026-0001"], "");
    assert!(
        decide_line(&before).contains("按期决定，未记录书面告知"),
        "{before:?}"
    );
    l.apply_ok(
        r#"{"op":"office","actor":"赵建国","name":"某区信访局","at":"2026-04-08T08:00:00+08:00"}"#,
    );
    let issued = run(&["notice", "--db", l.db(), "2026-0001", "accept"], "");
    assert!(issued.success(), "{issued:?}");
    let after = run(&["show", "--db", l.db(), "2026-0001"], "");
    assert!(decide_line(&after).contains("书面告知逾期"), "{after:?}");
}

/// Art 23 第三款: the notice of an item passed down tells how it came (接收情况): from the
/// body that sent it, not as brought here by the petitioner; the 转送 sheet to a unit says
/// how to reach the petitioners.
#[test]
fn a_referral_s_notice_says_who_sent_it_and_a_sheet_how_to_reach_the_petitioner() {
    let l = session();
    l.apply_ok(
        r#"{"op":"office","actor":"赵建国","name":"某区信访局","at":"2026-04-08T08:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-04-08T09:00:00+08:00","channel":"referral","referral":{"body":"市信访局","doc_no":"市信转〔2026〕12号"},"petitioners":[{"name":"郑红","phone":"13900139000","address":"幸福里5号楼","main":true}],"category":"城乡建设","handling_type":"申诉求决","summary":"反映征地补偿","request":"足额补偿","urgency":"normal"}
{"op":"register","actor":"李娜","case":3,"decision":"accept","at":"2026-04-08T10:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-04-08T11:00:00+08:00","channel":"visit","petitioners":[{"name":"钱七","phone":"13700137000","address":"幸福里7号楼","main":true}],"category":"城乡建设","summary":"反映路灯损坏","request":"修复","urgency":"normal"}
{"op":"register","actor":"李娜","case":4,"decision":"pass_on","to":"某街道办事处","at":"2026-04-08T12:00:00+08:00"}"#,
    );
    let notice = run(&["notice", "--db", l.db(), "3", "accept"], "");
    assert!(notice.success(), "{notice:?}");
    assert!(
        notice.stdout.contains("经市信访局于2026年4月8日转交本机关"),
        "{notice:?}"
    );
    assert!(!notice.stdout.contains("以上级转交办方式"), "{notice:?}");
    let sheet = run(&["notice", "--db", l.db(), "4", "transfer"], "");
    assert!(sheet.success(), "{sheet:?}");
    assert!(
        sheet
            .stdout
            .contains("信访人联系方式：钱七（13700137000，幸福里7号楼）"),
        "{sheet:?}"
    );
}
