//! Two small gaps of issue 20: a 重点信访人 flag taken off (a leader, with a reason,
//! journaled), and a 排查 entry added by one option per field and escalated into a new case
//! made through the ordinary intake, linked both ways.

mod common;

use common::{Ledger, run};
use serde_json::{Value, json};

fn cli(l: &Ledger, who: &str, args: &[&str]) -> common::Out {
    let mut all = vec!["--lang", "en"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--db", l.db(), "--as", who]);
    run(&all, "")
}

#[test]
fn a_leader_takes_a_flag_off_with_a_reason_and_the_journal_keeps_it() {
    let l = Ledger::set_up();
    l.apply_ok(
        &(json!({"op": "person_flag", "actor": "赵局长", "name": "张三",
            "phone": "13800138000", "flag": "unstable", "reason": "多次扬言"})
        .to_string()
            + "\n"),
    );
    let clerk = cli(
        &l,
        "李娜",
        &["flags", "--remove", "1", "--reason", "已息访"],
    );
    assert!(!clerk.success());
    assert!(clerk.stderr.contains("not an active leader"), "{clerk:?}");
    let none = cli(&l, "赵局长", &["flags", "--remove", "1", "--reason", " "]);
    assert!(none.stderr.contains("reason is empty"), "{none:?}");
    let done = cli(
        &l,
        "赵局长",
        &["flags", "--remove", "1", "--reason", "已息访"],
    );
    assert!(done.success(), "{done:?}");
    let left = cli(&l, "赵局长", &["flags", "--json"]);
    assert_eq!(
        serde_json::from_str::<Value>(&left.stdout).unwrap(),
        json!([])
    );
    let again = l.apply(
        &(json!({"op": "person_flag_remove", "actor": "赵局长", "no": 1, "reason": "重复"})
            .to_string()
            + "\n"),
    );
    assert!(
        again.stdout.contains("no key petitioner flag 1"),
        "{again:?}"
    );
    // The flag and its removal are both on the office journal, and the table agrees.
    assert!(l.check().success(), "{:?}", l.check());
}

#[test]
fn an_entry_added_by_options_becomes_a_new_case_linked_both_ways() {
    let l = Ledger::set_up();
    let add = cli(
        &l,
        "李娜",
        &[
            "screening",
            "add",
            "--found-on",
            "2026-03-02",
            "--found-by",
            "网格员老王",
            "--unit",
            "城建科",
            "--place",
            "东街村",
            "--party",
            "村民甲",
            "--party",
            "村民乙",
            "--kind",
            "land",
            "--risk",
            "general",
            "--summary",
            "宅基地地界纠纷",
            "--responsible",
            "城建科",
        ],
    );
    assert!(add.success(), "{add:?}");
    let up = cli(
        &l,
        "李娜",
        &[
            "screening",
            "escalate",
            "1",
            "--new",
            "--category",
            "城乡建设",
        ],
    );
    assert!(up.success(), "{up:?}");
    let list = cli(&l, "李娜", &["screening", "list", "--json"]);
    let entries: Value = serde_json::from_str(&list.stdout).unwrap();
    assert_eq!(entries[0]["state"], "escalated");
    assert_eq!(entries[0]["case_id"], 1);
    assert_eq!(entries[0]["parties"], json!(["村民甲", "村民乙"]));
    // The case: the first party its petitioner, both parties its people, and the entry named.
    let cases = common::recount::export(&l);
    let intake = &cases[0]["case"]["intake"];
    assert_eq!(intake["petitioners"][0]["name"], "村民甲");
    assert_eq!(intake["people"], 2);
    assert_eq!(intake["category"], "城乡建设");
    assert!(
        intake["summary"]
            .as_str()
            .unwrap()
            .contains("screening entry 1"),
        "{intake}"
    );
    assert!(l.check().success(), "{:?}", l.check());
}
