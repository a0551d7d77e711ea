//! 评查 through the binary: a leader scores closed cases against the default checklist, the
//! refusals (not a leader, not closed, an item missing or unknown, a score too high), the
//! office journal behind the table (`check`), and the report's results by unit, recounted
//! here from the scores with arithmetic of its own.

mod common;

use common::report::report_json;
use common::{Ledger, run};
use serde_json::{Value, json};

fn intake(at: &str, summary: &str) -> String {
    json!({"op": "intake", "actor": "李娜", "at": format!("{at}T09:00:00+08:00"),
        "channel": "visit", "people": 1,
        "petitioners": [{"name": "甲", "phone": "13900000001", "main": true}],
        "category": "城乡建设", "handling_type": "申诉求决", "summary": summary,
        "request": "请求解决"})
    .to_string()
        + "\n"
}

fn closed(case: i64, department: &str, handler: &str) -> String {
    let at = |h: u32| format!("2025-11-1{h}T10:00:00+08:00");
    [
        json!({"op": "register", "actor": "李娜", "case": case, "decision": "accept", "at": at(0)}),
        json!({"op": "assign", "actor": "李娜", "case": case, "department": department,
            "handler": handler, "at": at(1)}),
        json!({"op": "opinion", "actor": handler, "case": case, "text": "已处理", "at": at(2)}),
        json!({"op": "instruct", "actor": "赵局长", "case": case, "approve": true,
            "text": "同意", "at": at(3)}),
        json!({"op": "reply", "actor": "李娜", "case": case, "outcome": "support",
            "method": "in_person", "text": "予以支持。", "served_at": "2025-11-14",
            "signed": true, "at": at(4)}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect()
}

fn score(case: i64, actor: &str, scores: [u32; 5]) -> String {
    let items = ["受理及时", "告知规范", "办理到位", "答复规范", "群众满意"];
    let map: serde_json::Map<String, Value> = items
        .iter()
        .zip(scores)
        .map(|(i, s)| ((*i).to_owned(), json!(s)))
        .collect();
    json!({"op": "evaluation", "actor": actor, "case": case, "scores": map,
        "note": "按清单评查", "at": "2025-11-28T10:00:00+08:00"})
    .to_string()
        + "\n"
}

/// Cases 1 and 2 closed by 城建科, 3 by 教育科, 4 still open.
fn office() -> Ledger {
    let l = Ledger::new();
    let mut s = String::from(concat!(
        r#"{"op":"operator","name":"李娜","role":"clerk"}"#,
        "\n",
        r#"{"op":"operator","name":"赵局长","role":"leader"}"#,
        "\n",
        r#"{"op":"operator","name":"王强","role":"handler","department":"城建科"}"#,
        "\n",
        r#"{"op":"operator","name":"刘芳","role":"handler","department":"教育科"}"#,
        "\n",
        r#"{"op":"department","name":"城建科"}"#,
        "\n",
        r#"{"op":"department","name":"教育科"}"#,
        "\n"
    ));
    for n in 1..=4 {
        s += &intake("2025-11-03", &format!("事项{n}"));
    }
    s += &closed(1, "城建科", "王强");
    s += &closed(2, "城建科", "王强");
    s += &closed(3, "教育科", "刘芳");
    l.apply_ok(&s);
    l
}

#[test]
fn a_leader_scores_closed_cases_and_the_report_shows_them_by_unit() {
    let l = office();
    let done = l.apply_ok(
        &(score(1, "赵局长", [9, 8, 10, 7, 6])
            + &score(2, "赵局长", [5, 5, 5, 5, 5])
            + &score(3, "赵局长", [10, 10, 10, 10, 9])),
    );
    // 40 of 50, 25 of 50, 49 of 50.
    let totals: Vec<u64> = done.iter().map(|d| d["total"].as_u64().unwrap()).collect();
    assert_eq!(totals, [80, 50, 98]);
    // Refused, each with its reason: a clerk, an open case, an item left out, an item not on
    // the checklist, a score above 10.
    let mut no_item: Value = serde_json::from_str(score(1, "赵局长", [9; 5]).trim()).unwrap();
    no_item["scores"]
        .as_object_mut()
        .unwrap()
        .remove("群众满意");
    let mut unknown = no_item.clone();
    unknown["scores"]["态度"] = json!(5);
    for (line, says) in [
        (score(1, "李娜", [9; 5]), "not an active leader"),
        (score(4, "赵局长", [9; 5]), "not closed"),
        (no_item.to_string() + "\n", "'群众满意' is not scored"),
        (unknown.to_string() + "\n", "'态度' is not on the checklist"),
        (score(1, "赵局长", [11, 9, 9, 9, 9]), "above the most, 10"),
    ] {
        let out = l.apply(&line);
        assert!(
            out.stdout.contains(says) || out.stderr.contains(says),
            "{says}: {out:?}"
        );
    }
    // The table is what the office journal says.
    assert!(l.check().success(), "{:?}", l.check());
    // The report of November: by unit, recounted from the listed scores by hand's rule
    // (sum of the items over 50, as a percentage; pass at 80).
    let r = report_json(&l, "2025-11");
    let listed = run(
        &[
            "evaluation",
            "list",
            "--period",
            "2025-11",
            "--json",
            "--db",
            l.db(),
        ],
        "",
    );
    assert!(listed.success(), "{listed:?}");
    let listed: Value = serde_json::from_str(&listed.stdout).unwrap();
    let mut units: std::collections::BTreeMap<String, (u64, u64, u64)> = Default::default();
    for e in listed["evaluations"].as_array().unwrap() {
        let sum: u64 = (e["scores"].as_array().unwrap().iter())
            .map(|s| s["score"].as_u64().unwrap())
            .sum();
        let total = sum * 2;
        let u = units
            .entry(e["unit"].as_str().unwrap().to_owned())
            .or_default();
        *u = (u.0 + 1, u.1 + total, u.2 + u64::from(total >= 80));
    }
    let want: Vec<Value> = units
        .into_iter()
        .map(|(unit, (cases, sum, passed))| {
            json!({"unit": unit, "cases": cases, "average": sum as f64 / cases as f64,
                "passed": passed})
        })
        .collect();
    assert_eq!(r["evaluations"], Value::Array(want));
    // Worked out by hand: 城建科 (80 + 50) / 2 = 65.0, one passed; 教育科 98, passed.
    assert_eq!(r["evaluations"][0]["average"], 65.0);
    assert_eq!(r["evaluations"][1]["passed"], 1);
    let text = run(&["report", "--period", "2025-11", "--db", l.db()], "");
    assert!(
        text.stdout.contains("评查结果（按承办单位）"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("城建科"));
}
