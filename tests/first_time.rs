//! 初信初访 on a hand-built ledger: which cases are first-time, the closed-loop list of the
//! open ones, and 初信初访一次办结率 and 重复信访率 in the report of 2025-11, with every number
//! worked out by hand below and the whole report recounted by plain counting.

mod common;

use common::recount::{compare, export};
use common::report::{rates, report_json, three};
use common::{Ledger, run};
use serde_json::{Value, json};

fn intake(phone: &str, name: &str, at: &str, summary: &str) -> String {
    json!({"op": "intake", "actor": "李娜", "at": format!("{at}T09:00:00+08:00"),
        "channel": "visit", "people": 1,
        "petitioners": [{"name": name, "phone": phone, "main": true}],
        "category": "城乡建设", "handling_type": "申诉求决", "summary": summary,
        "request": "请求解决"})
    .to_string()
        + "\n"
}

/// Accepted and assigned on the day received, answered and served on `served`.
fn closed(case: i64, received: &str, served: &str) -> String {
    let at = |d: &str, h: u32| format!("{d}T{h:02}:00:00+08:00");
    [
        json!({"op": "register", "actor": "李娜", "case": case, "decision": "accept",
            "at": at(received, 10)}),
        json!({"op": "assign", "actor": "李娜", "case": case, "department": "城建科",
            "handler": "王强", "leader": "赵局长", "at": at(received, 11)}),
        json!({"op": "opinion", "actor": "王强", "case": case, "text": "已处理",
            "at": at(served, 9)}),
        json!({"op": "instruct", "actor": "赵局长", "case": case, "approve": true,
            "text": "同意", "at": at(served, 10)}),
        json!({"op": "reply", "actor": "李娜", "case": case, "outcome": "support",
            "method": "in_person", "text": "予以支持。", "served_at": served, "signed": true,
            "at": at(served, 15)}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect()
}

/// 1 甲 first-time, served 11-12, never again: closed at once.
/// 2 乙 first-time, served 11-12; 乙 again 12-20 (case 3, a repeat): within 90 days, not once.
/// 4 丙 first-time, served 11-14; 丙 again 2026-03-01 (case 5): after 90 days (02-12), once.
/// 6 丁 first-time, a repeat item attached 11-10, served 11-20: not once.
/// 7 戊 first-time, received 10-10, still open; 8 戊 again 11-06 (a repeat), served 11-21.
/// 9 己 first-time, received 11-07, assigned, still open.
fn office() -> Ledger {
    let l = Ledger::set_up();
    let mut s = String::new();
    s += &intake("13900000001", "甲", "2025-11-03", "甲反映");
    s += &intake("13900000002", "乙", "2025-11-03", "乙反映");
    s += &intake("13900000002", "乙", "2025-12-20", "乙又来");
    s += &intake("13900000004", "丙", "2025-11-04", "丙反映");
    s += &intake("13900000004", "丙", "2026-03-01", "丙又来");
    s += &intake("13900000006", "丁", "2025-11-05", "丁反映");
    s += &intake("13900000007", "戊", "2025-10-10", "戊反映");
    s += &intake("13900000007", "戊", "2025-11-06", "戊又来");
    s += &intake("13900000009", "己", "2025-11-07", "己反映");
    let mut item: Value =
        serde_json::from_str(intake("13900000006", "丁", "2025-11-10", "丁催问").trim()).unwrap();
    item["op"] = json!("attach");
    item["case"] = json!(6);
    s += &(item.to_string() + "\n");
    s += &closed(1, "2025-11-03", "2025-11-12");
    s += &closed(2, "2025-11-03", "2025-11-12");
    s += &closed(4, "2025-11-04", "2025-11-14");
    s += &closed(6, "2025-11-05", "2025-11-20");
    s += &closed(8, "2025-11-06", "2025-11-21");
    s += &closed(9, "2025-11-07", "2025-11-30")
        .split_inclusive('\n')
        .take(2)
        .collect::<String>();
    l.apply_ok(&s);
    l
}

#[test]
fn first_time_rate_and_repeat_rate_of_a_hand_built_month() {
    let l = office();
    let r = report_json(&l, "2025-11");
    // Received in November: 1, 2, 4, 6, 8, 9; October: 7; November 2024: none.
    assert_eq!(three(&r, "intake", "batches"), (6, 1, 0));
    // Repeats received in November: 8 (戊 came on 10-10).
    assert_eq!(three(&r, "focus", "repeat"), (1, 0, 0));
    assert_eq!(
        rates(&r, "focus", "repeat_rate"),
        (Some(16.7), Some(0.0), None)
    );
    // First-time and served in November: 1, 2, 4, 6 (8 is a repeat); at once: 1 and 4.
    assert_eq!(three(&r, "focus", "first_time_closed"), (4, 0, 0));
    assert_eq!(three(&r, "focus", "first_time_once"), (2, 0, 0));
    assert_eq!(
        rates(&r, "focus", "first_time_rate"),
        (Some(50.0), None, None)
    );
    // And the plain recount agrees, in every period of three reports.
    let cases = export(&l);
    for period in ["2025-11", "2025-12", "2026-03"] {
        assert!(compare(&cases, &report_json(&l, period)) > 50);
    }
}

#[test]
fn the_closed_loop_list_holds_the_open_first_time_cases() {
    let l = office();
    let out = run(&["--lang", "en", "firsttime", "--json", "--db", l.db()], "");
    assert!(out.success(), "{out:?}");
    let rows: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    let ids: Vec<i64> = rows.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    // 3 and 5 are repeats, the others answered.
    assert_eq!(ids, [7, 9]);
    assert_eq!(rows[1]["handler"], "王强");
    assert_eq!(rows[1]["owner_leader"], "赵局长");
    // 己 accepted 11-07: the 60-day handling clock (Art 34) runs to 2026-01-06.
    assert_eq!(rows[1]["due"], "2026-01-06");
    assert_eq!(rows[1]["overdue"], true);
    let text = run(&["firsttime", "--db", l.db()], "");
    assert!(text.stdout.contains("包案:赵局长"), "{text:?}");
}

/// 更正: 乙's second visit (case 3) was recorded under 乙's number by a slip; put right, it
/// is a first visit of someone else, and 乙's first case (2) was closed at once after all.
/// The marks the petitioners feed (重复访, 初信初访一次办结) move with the correction, the
/// search finds the number as corrected, `check` finds every row as a fresh ledger's, and
/// the report still recounts.
#[test]
fn a_corrected_phone_moves_the_repeat_marks_and_the_report_recounts() {
    let l = office();
    let before = report_json(&l, "2025-12");
    assert_eq!(three(&before, "focus", "repeat").0, 1);
    let line = json!({"op": "correct", "actor": "李娜", "case": 3,
        "at": "2026-03-02T09:00:00+08:00", "reason": "电话号码录错一位",
        "petitioners": [{"name": "乙", "phone": "13900000003", "main": true}]});
    let out = l.apply_ok(&(line.to_string() + "\n"));
    assert_eq!(out[0]["state"], "intake", "{out:?}");
    let r = report_json(&l, "2025-11");
    // Served in November and first-time: 1, 2, 4, 6; at once now 1, 2 and 4.
    assert_eq!(three(&r, "focus", "first_time_once"), (3, 0, 0));
    let december = report_json(&l, "2025-12");
    assert_eq!(three(&december, "focus", "repeat").0, 0);
    let cases = export(&l);
    for period in ["2025-11", "2025-12", "2026-03"] {
        assert!(compare(&cases, &report_json(&l, period)) > 50);
    }
    let check = l.check();
    assert!(check.success(), "{check:?}");
    let found = |q: &str| {
        let out = run(&["search", "--json", "--db", l.db(), q], "");
        assert!(out.success(), "{out:?}");
        let rows: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
        rows.iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(found("13900000003"), [3]);
    assert_eq!(found("13900000002"), [2]);
}
