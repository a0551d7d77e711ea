//! 矛盾纠纷排查 through the binary: entries, 零报告 and the units not yet reported in a
//! round, an entry escalated to a case, the monthly table as text, HTML and XLSX with
//! figures counted by hand, who sees what, and `check` over the tables it made.

mod common;

use common::{Ledger, run};
use serde_json::{Value, json};

fn line(v: Value) -> String {
    v.to_string() + "\n"
}

fn entry(unit: &str, found_on: &str, kind: &str, responsible: &str) -> Value {
    json!({
        "op": "screening", "actor": "李娜", "at": format!("{found_on}T10:00:00+08:00"),
        "found_on": found_on, "found_by": "网格员老王", "unit": unit, "place": "东街村",
        "parties": ["村民甲", "村民乙"], "kind": kind, "risk": "general",
        "summary": "宅基地地界纠纷", "responsible": responsible, "leader": "赵局长"
    })
}

/// The office of `common::SETUP`, three more units, and in March 2026 (by hand):
/// 1 城关镇 found 03-02 land, resolved 03-20; 2 城关镇 found 03-05 labour, escalated to
/// case 1 on 03-09; 3 城建科 found 03-12 land, in hand; 东城镇 gave its 零报告 for the
/// first half of March; 教育局 gave nothing.
fn office() -> Ledger {
    let l = Ledger::set_up();
    let mut s = String::new();
    for unit in ["城关镇", "东城镇", "教育局"] {
        s += &line(json!({"op": "department", "actor": "赵局长", "name": unit}));
    }
    s += &line(entry("城关镇", "2026-03-02", "land", "城关镇"));
    s += &line(entry("城关镇", "2026-03-05", "labour", "城关镇"));
    s += &line(entry("城建科", "2026-03-12", "land", "城建科"));
    s += &line(
        json!({"op": "zero_report", "actor": "李娜", "at": "2026-03-13T09:00:00+08:00",
                      "unit": "东城镇"}),
    );
    s += &common::intake_lines(1, "拆迁");
    s += &line(
        json!({"op": "screening_change", "actor": "李娜", "at": "2026-03-09T09:00:00+08:00",
                      "no": 2, "change": "escalate", "case": "1"}),
    );
    s += &line(
        json!({"op": "screening_change", "actor": "赵局长", "at": "2026-03-10T09:00:00+08:00",
                      "no": 1, "change": "start", "note": "村调委会调解"}),
    );
    s += &line(
        json!({"op": "screening_change", "actor": "赵局长", "at": "2026-03-20T09:00:00+08:00",
                      "no": 1, "change": "resolve", "note": "签订调解协议"}),
    );
    l.apply_ok(&s);
    l
}

fn cli(l: &Ledger, args: &[&str]) -> common::Out {
    let mut all = vec!["--lang", "en", "screening"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--db", l.db()]);
    run(&all, "")
}

#[test]
fn a_round_lists_the_units_that_have_not_reported() {
    let l = office();
    let out = cli(
        &l,
        &["rounds", "--missing", "--date", "2026-03-10", "--json"],
    );
    assert!(out.success(), "{out:?}");
    let v: Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(v["round"]["start"], "2026-03-01");
    assert_eq!(v["round"]["end"], "2026-03-15");
    let missing: Vec<&str> = (v["units"].as_array().unwrap().iter())
        .map(|u| u["unit"].as_str().unwrap())
        .collect();
    // 城关镇 and 城建科 reported entries, 东城镇 its 零报告.
    assert_eq!(missing, ["教育局"]);
    // The second half of March: nobody has reported yet.
    let out = cli(
        &l,
        &["rounds", "--missing", "--date", "2026-03-16", "--json"],
    );
    let v: Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(v["units"].as_array().unwrap().len(), 4, "{v}");

    // A 零报告 twice, or from a unit that reported entries, or from no unit, is refused.
    let again = |unit: &str| {
        line(
            json!({"op": "zero_report", "actor": "李娜", "at": "2026-03-14T09:00:00+08:00",
                    "unit": unit}),
        )
    };
    for (unit, says) in [
        ("东城镇", "already gave"),
        ("城关镇", "reported 2 entries"),
        ("某某局", "not one of the office's departments"),
    ] {
        let out = l.apply(&again(unit));
        let v = &out.json_lines()[0];
        assert_eq!(v["ok"], false, "{unit}");
        assert!(v["error"].as_str().unwrap().contains(says), "{v}");
    }
    let ok = l.apply(&again("教育局"));
    assert_eq!(ok.json_lines()[0]["ok"], true, "{ok:?}");
    let out = cli(
        &l,
        &["rounds", "--missing", "--date", "2026-03-10", "--json"],
    );
    let v: Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(v["units"], json!([]));
}

#[test]
fn the_monthly_table_is_counted_by_hand() {
    let l = office();
    let out = cli(&l, &["table", "--month", "2026-03"]);
    assert!(out.success(), "{out:?}");
    let row = |name: &str| -> Vec<String> {
        let line = (out.stdout.lines())
            .find(|x| x.starts_with(name))
            .unwrap_or_else(|| panic!("{name}: {}", out.stdout));
        let words: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
        words[words.len() - 4..].to_vec()
    };
    // found, resolved, became cases, in hand at the month's end.
    assert_eq!(row("land, forest and water"), ["2", "1", "0", "1"]);
    assert_eq!(row("labour and wages"), ["1", "0", "1", "0"]);
    assert_eq!(row("total"), ["3", "1", "1", "1"]);
    assert_eq!(row("城关镇"), ["2", "1", "1", "0"]);
    assert_eq!(row("城建科"), ["1", "0", "0", "1"]);
    assert_eq!(row("东城镇"), ["0", "0", "0", "0"]);

    let html = l.file("table.html");
    let out = cli(
        &l,
        &["table", "--month", "2026-03", "--format", "html", "--out"]
            .iter()
            .copied()
            .chain([html.to_str().unwrap()])
            .collect::<Vec<_>>(),
    );
    assert!(out.success(), "{out:?}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("<td>城关镇</td><td class=\"n\">2</td><td class=\"n\">1</td>"),
        "{page}"
    );
    let xlsx = l.file("table.xlsx");
    let args = [
        "table",
        "--month",
        "2026-03",
        "--format",
        "xlsx",
        "--out",
        xlsx.to_str().unwrap(),
    ];
    assert!(cli(&l, &args).success());
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
}

#[test]
fn the_register_is_journaled_linked_and_seen_by_whom_it_concerns() {
    let l = office();
    let out = cli(&l, &["list", "--json"]);
    let all: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(all.len(), 3);
    let two = all.iter().find(|e| e["no"] == 2).unwrap();
    assert_eq!(
        (two["state"].as_str(), two["case_id"].as_i64()),
        (Some("escalated"), Some(1))
    );
    // A handler of 城建科 sees what 城建科 is responsible for, nothing else.
    let mut args = vec![
        "--lang",
        "en",
        "--as",
        "王强",
        "screening",
        "list",
        "--json",
    ];
    args.extend_from_slice(&["--db", l.db()]);
    let out = run(&args, "");
    let seen: Vec<Value> = serde_json::from_str(&out.stdout).unwrap_or_else(|_| panic!("{out:?}"));
    assert_eq!(
        seen.iter()
            .map(|e| e["no"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [3]
    );
    // A handler does not record screening; a party is not its leader.
    let out = l.apply(&line(
        entry("城建科", "2026-03-12", "land", "城建科")
            .as_object()
            .map(|o| {
                let mut o = o.clone();
                o.insert("actor".into(), json!("王强"));
                Value::Object(o)
            })
            .unwrap(),
    ));
    assert_eq!(out.json_lines()[0]["ok"], false);
    let mut party = entry("城关镇", "2026-03-12", "land", "城关镇");
    party["parties"] = json!(["赵局长"]);
    let v = &l.apply(&line(party)).json_lines()[0];
    assert!(v["error"].as_str().unwrap().contains("is a party"), "{v}");
    // A closed entry moves no more.
    let v = &l
        .apply(&line(
            json!({"op": "screening_change", "actor": "李娜", "no": 1,
                                  "change": "start", "note": "x"}),
        ))
        .json_lines()[0];
    assert_eq!(v["ok"], false, "{v}");
    // Every entry and change is on the office journal, and `check` agrees with the tables.
    let out = run(
        &[
            "--lang",
            "en",
            "--as",
            "赵局长",
            "audit",
            "--json",
            "--db",
            l.db(),
        ],
        "",
    );
    let acts = out.stdout.matches("\"screening\"").count();
    assert!(acts >= 6, "{}", out.stdout);
    assert!(l.check().success());
}
