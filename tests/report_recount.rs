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
    // 催办 on assigned cases and 化解 on accepted ones (Art 37), a day after receipt or on a
    // day of last month, whichever is later, and before today: the counted steps' events.
    let mut steps = 0;
    for (n, e) in before.iter().enumerate().step_by(5) {
        let c = &e["case"];
        let (Some(no), Some("accept")) =
            (c["case_no"].as_str(), c["decision"]["decision"].as_str())
        else {
            continue;
        };
        let received = date(&c["intake"]["received_at"].as_str().unwrap()[..10]);
        let day = received
            .succ_opt()
            .unwrap()
            .max(last_month.with_day(1 + (n as u32 % 28)).unwrap());
        if day >= today {
            continue;
        }
        let at = format!("{day}T10:00:00+08:00");
        let line = if c["state"] == "assigned" && n % 2 == 0 {
            let by = day + chrono::Days::new(7);
            serde_json::json!({"op": "remind", "actor": clerk, "case": no, "at": at,
                "ground": "请反馈办理进展", "to": "城建科", "reply_by": by.to_string()})
        } else {
            serde_json::json!({"op": "resolve", "actor": clerk, "case": no, "at": at,
                "how": "mediation", "text": "经调解达成协议"})
        };
        lines.push_str(&format!("{line}\n"));
        steps += 1;
    }
    assert!(steps > 40, "{steps}");
    l.apply_ok(&lines);
    // 复查 requested the day after a reply was served (Art 35), and accepted: each review case
    // runs its own 30-day handling clock.
    let mut reviews = String::new();
    for e in before.iter().step_by(9) {
        let c = &e["case"];
        let (Some(served), Some("accept")) = (
            c["reply"]["served_at"].as_str().map(date),
            c["decision"]["decision"].as_str(),
        ) else {
            continue;
        };
        let day = served.succ_opt().unwrap();
        if day >= today {
            continue;
        }
        let line = serde_json::json!({"op": "review", "actor": clerk, "case": e["id"],
            "text": "对答复不服，请求复查", "at": format!("{day}T11:00:00+08:00")});
        reviews.push_str(&format!("{line}\n"));
    }
    let opened = l.apply_ok(&reviews);
    assert!(opened.len() > 20, "{}", opened.len());
    let mut accept = String::new();
    for (line, request) in opened.iter().zip(reviews.lines()) {
        let at = serde_json::from_str::<serde_json::Value>(request).unwrap()["at"]
            .as_str()
            .unwrap()
            .replace("T11:", "T12:");
        let line = serde_json::json!({"op": "register", "actor": clerk, "case": line["id"],
            "decision": "accept", "at": at});
        accept.push_str(&format!("{line}\n"));
    }
    l.apply_ok(&accept);
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
        ("steps", "remind"),
        ("steps", "resolve"),
    ] {
        assert!(three(&r, s, k).0 > 0, "{s}/{k} is 0 in {last_month_code}");
    }
    // Over the year: 复查 opened, overdue on its own 30-day clock, referrals owing their
    // 办结报告 past the superior's date, and letters a leader signed (a month of the demo
    // may have none, by the hour it is written at).
    let year = report_json(&l, "year");
    for (s, k) in [
        ("steps", "review"),
        ("steps", "report_back_overdue"),
        ("overdue", "clock.review_handle"),
        ("focus", "letters_signed"),
    ] {
        assert!(three(&year, s, k).0 > 0, "{s}/{k} is 0 this year");
    }
}
