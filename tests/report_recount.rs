//! `xinfang report`: every figure of a demo ledger recounted by plain counting over
//! `xinfang export`.

mod common;

use chrono::Datelike;
use common::recount::{compare, date, export};
use common::report::{report_json, three};
use common::{Ledger, run};

#[test]
fn every_figure_of_a_demo_ledger_agrees_with_a_plain_recount() {
    let l = Ledger::new();
    let demo = run(
        &["demo", "--db", l.db(), "--cases", "2000", "--seed", "7"],
        "",
    );
    assert!(demo.success(), "{demo:?}");
    let first = report_json(&l, "month");
    let today = date(first["today"].as_str().unwrap());
    let last_month = today.with_day(1).unwrap().pred_opt().unwrap();
    let last_month_code = last_month.format("%Y-%m").to_string();
    let range = format!(
        "{}..{}",
        last_month.with_day(5).unwrap(),
        last_month.with_day(20).unwrap()
    );
    // The demo links its repeat petitioners' cases; add unlinked ones that match an earlier
    // petitioner on one key only (ID number, phone, or name and address).
    let before = export(&l);
    let clerk = before[0]["case"]["intake"]["receiver"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut lines = String::new();
    let mut made = 0;
    for (n, e) in before.iter().step_by(37).enumerate() {
        let p = &e["case"]["intake"]["petitioners"][0];
        let who = match n % 3 {
            0 if p["id_number"].is_string() => {
                serde_json::json!({"name": "新来人", "id_number": p["id_number"], "main": true})
            }
            1 if p["phone"].is_string() => {
                serde_json::json!({"name": "新来人", "phone": p["phone"], "main": true})
            }
            2 if p["address"].is_string() => {
                serde_json::json!({"name": p["name"], "address": p["address"], "main": true})
            }
            _ => continue,
        };
        let day = last_month.with_day(1 + (n as u32 % 28)).unwrap();
        let line = serde_json::json!({
            "op": "intake", "actor": clerk, "at": format!("{day}T12:00:00+08:00"),
            "channel": "phone", "people": 1, "petitioners": [who],
            "category": e["case"]["intake"]["category"], "summary": "又来反映",
        });
        lines.push_str(&format!("{line}\n"));
        made += 1;
    }
    assert!(made > 20, "{made}");
    l.apply_ok(&lines);
    let export = export(&l);
    let mut checked = 0;
    for period in [
        "month",
        &last_month_code,
        "week",
        "day",
        "quarter",
        "year",
        &range,
    ] {
        let r = report_json(&l, period);
        checked += compare(&export, &r);
    }
    // Every figure of seven reports, in three periods each.
    assert!(checked > 7 * 100, "{checked}");
    // The demo is big enough that the figures are not all zero.
    let r = report_json(&l, &last_month_code);
    for (s, k) in [
        ("intake", "batches"),
        ("focus", "group_visits"),
        ("focus", "repeat"),
        ("decision", "decline"),
        ("reply", "replied"),
        ("timeliness", "handle_ended"),
        ("satisfaction", "rated"),
    ] {
        assert!(three(&r, s, k).0 > 0, "{s}/{k} is 0 in {last_month_code}");
    }
}
