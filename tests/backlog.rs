//! 积案 through the binary, on 2026-04-30 (a fixed clock): one case by each rule (a clock
//! 30 days or more overdue; three repeat petitions attached; a leader's mark), one that is
//! none; its 包案领导, 专班, 会商 and progress journaled; the register as HTML and XLSX.

mod common;

use common::{Ledger, Out, finish, signed_in};
use serde_json::{Value, json};
use std::process::Stdio;

const NOW: &str = "2026-04-30T10:00:00+08:00";

fn run_at(args: &[&str], stdin: &str) -> Out {
    let mut child = common::command()
        .args(signed_in(args))
        .env("XINFANG_NOW", NOW)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    std::io::Write::write_all(&mut input, stdin.as_bytes()).unwrap();
    drop(input);
    finish(child)
}

fn apply(l: &Ledger, s: &str) -> Vec<Value> {
    run_at(&["--lang", "en", "apply", "--db", l.db(), "-"], s).json_lines()
}

fn line(v: Value) -> String {
    v.to_string() + "\n"
}

fn backlog(case: i64, actor: &str, change: Value) -> String {
    let mut v = json!({"op": "backlog", "actor": actor, "case": case.to_string()});
    for (k, x) in change.as_object().unwrap() {
        v[k] = x.clone();
    }
    line(v)
}

/// Case 1 received 2026-01-31 and never decided (its 15-day clock far overdue); cases
/// 2–4 received 2026-04-25; three repeat items attached to case 2; case 3 marked.
fn office() -> Ledger {
    let l = Ledger::set_up();
    let mut s = common::intake_lines(1, "旧案");
    s += &common::intake_lines(3, "新案").replace("2026-01-31T10", "2026-04-25T10");
    for day in ["26", "27", "28"] {
        let mut item: Value = serde_json::from_str(common::intake_lines(1, "又来").trim()).unwrap();
        item["op"] = json!("attach");
        item["case"] = json!(2);
        item["at"] = json!(format!("2026-04-{day}T10:00:00+08:00"));
        s += &line(item);
    }
    s += &backlog(
        3,
        "赵局长",
        json!({"change": "mark", "reason": "群众反映强烈，久拖未决"}),
    );
    let out = apply(&l, &s);
    assert!(out.iter().all(|v| v["ok"] == true), "{out:?}");
    l
}

#[test]
fn each_rule_and_a_mark_make_a_case_backlog() {
    let l = office();
    let out = run_at(
        &["--lang", "en", "backlog", "list", "--json", "--db", l.db()],
        "",
    );
    assert!(out.success(), "{out:?}");
    let rows: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    let got: Vec<(i64, Value)> = rows
        .iter()
        .map(|r| (r["id"].as_i64().unwrap(), r["grounds"].clone()))
        .collect();
    assert_eq!(
        got,
        [
            (1, json!(["overdue"])),
            (2, json!(["repeats"])),
            (3, json!(["marked"]))
        ]
    );
}

#[test]
fn a_backlog_case_gets_its_leader_team_meetings_and_progress() {
    let l = office();
    let mut s = backlog(1, "赵局长", json!({"change": "leader", "name": "赵局长"}));
    s += &backlog(
        1,
        "赵局长",
        json!({"change": "team", "members": ["王强", "李娜"]}),
    );
    s += &backlog(
        1,
        "赵局长",
        json!({"change": "meeting", "on": "2026-04-29",
        "participants": ["赵局长", "王强"], "conclusion": "由城建科牵头约谈信访人"}),
    );
    s += &backlog(
        1,
        "赵局长",
        json!({"change": "progress", "note": "已约谈，信访人同意调解"}),
    );
    let out = apply(&l, &s);
    assert!(out.iter().all(|v| v["ok"] == true), "{out:?}");
    // Case 4 is not 积案; a clerk neither marks nor owns; an unknown member is refused.
    for (case, actor, change, says) in [
        (
            4,
            "赵局长",
            json!({"change": "leader", "name": "赵局长"}),
            "not 积案",
        ),
        (
            4,
            "李娜",
            json!({"change": "mark", "reason": "x"}),
            "not an active leader",
        ),
        (
            1,
            "赵局长",
            json!({"change": "team", "members": ["无名氏"]}),
            "no operator",
        ),
        (
            3,
            "赵局长",
            json!({"change": "mark", "reason": "again"}),
            "already marked",
        ),
        // A 会商 is recorded once held: not on a day still to come.
        (
            1,
            "赵局长",
            json!({"change": "meeting", "on": "2099-01-01",
            "participants": ["赵局长"], "conclusion": "x"}),
            "after today",
        ),
    ] {
        let v = &apply(&l, &backlog(case, actor, change))[0];
        assert_eq!(v["ok"], false, "{v}");
        assert!(v["error"].as_str().unwrap().contains(says), "{v}");
    }
    let html = l.file("backlog.html");
    let args = [
        "--lang",
        "en",
        "backlog",
        "sheet",
        "--out",
        html.to_str().unwrap(),
        "--db",
        l.db(),
    ];
    assert!(run_at(&args, "").success());
    let page = std::fs::read_to_string(&html).unwrap();
    for want in [
        "王强、李娜",
        "由城建科牵头约谈信访人",
        "已约谈，信访人同意调解",
        "long overdue",
        "marked by a leader",
    ] {
        assert!(page.contains(want), "{want}: {page}");
    }
    let xlsx = l.file("backlog.xlsx");
    let args = [
        "backlog",
        "sheet",
        "--format",
        "xlsx",
        "--out",
        xlsx.to_str().unwrap(),
        "--db",
        l.db(),
    ];
    assert!(run_at(&args, "").success());
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let audit = run_at(&["--as", "赵局长", "audit", "--json", "--db", l.db()], "");
    assert_eq!(
        audit.stdout.matches("\"backlog\"").count(),
        5,
        "{}",
        audit.stdout
    );
    assert!(l.check().success(), "{:?}", l.check());
}

#[test]
fn a_flagged_petitioner_is_named_at_intake_and_only_to_the_office() {
    let l = Ledger::set_up();
    let flag = line(
        json!({"op": "person_flag", "actor": "赵局长", "name": "张三",
        "id_number": "11010519491231002x", "flag": "threat", "reason": "扬言到市政府门前聚集"}),
    );
    let v = &apply(&l, &flag)[0];
    assert_eq!(v["ok"], true, "{v}");
    // A clerk does not flag; a flag needs something to know the person by.
    let clerk = flag.replace("赵局长", "李娜");
    assert!(
        apply(&l, &clerk)[0]["error"]
            .as_str()
            .unwrap()
            .contains("not an active leader")
    );
    let bare = line(
        json!({"op": "person_flag", "actor": "赵局长", "name": "李四",
        "flag": "unstable", "reason": "x"}),
    );
    assert_eq!(apply(&l, &bare)[0]["ok"], false);
    // 张三 comes again (by ID number): the intake says so.
    let v = &apply(&l, &common::intake_lines(1, "又来了"))[0];
    let warned = v["key_petitioners"].to_string();
    assert!(
        warned.contains("张三") && warned.contains("threatened"),
        "{v}"
    );
    let flags = |who: &str| {
        let out = run_at(
            &[
                "--lang",
                "en",
                "--as",
                who,
                "flags",
                "--json",
                "--db",
                l.db(),
            ],
            "",
        );
        assert!(out.success(), "{out:?}");
        serde_json::from_str::<Vec<Value>>(&out.stdout)
            .unwrap()
            .len()
    };
    assert_eq!((flags("赵局长"), flags("李娜"), flags("王强")), (1, 1, 0));
    assert!(l.check().success());
}

/// The overdue rule at its edge: a clock `backlog_overdue_days` (30) days past due makes a
/// case 积案, 29 days does not; the day is read off the case's own due date.
#[test]
fn the_overdue_rule_starts_on_the_thirtieth_day() {
    let l = Ledger::set_up();
    assert!(
        apply(&l, &common::intake_lines(1, "旧案"))
            .iter()
            .all(|v| v["ok"] == true)
    );
    let show = run_at(&["show", "1", "--json", "--db", l.db()], "");
    let case: Value = serde_json::from_str(&show.stdout).unwrap();
    // The earliest of its clocks' due dates: only the 15-day decision clock runs.
    let due: chrono::NaiveDate = (case["due"].as_object().unwrap().values())
        .filter_map(|d| d.as_str()?.parse().ok())
        .min()
        .unwrap();
    let listed_on = |days: i64| {
        let now = format!("{}T10:00:00+08:00", due + chrono::Duration::days(days));
        let out = common::command()
            .args(signed_in(&["backlog", "list", "--json", "--db", l.db()]))
            .env("XINFANG_NOW", now)
            .output()
            .unwrap();
        let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        rows.len()
    };
    assert_eq!(listed_on(29), 0);
    assert_eq!(listed_on(30), 1);
}
