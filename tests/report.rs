//! `xinfang report`: a hand-built ledger with every figure written down by hand; every
//! figure of a demo ledger recounted by plain counting over `xinfang export`; the four
//! formats; the errors.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate};
use common::{Ledger, run};
use serde_json::Value;

const LEDGER: &str = include_str!("fixtures/report.jsonl");

fn hand_built() -> Ledger {
    let l = Ledger::new();
    l.apply_ok(LEDGER);
    l
}

fn report_json(l: &Ledger, period: &str) -> Value {
    let out = run(
        &[
            "report",
            "--db",
            l.db(),
            "--period",
            period,
            "--format",
            "json",
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

/// The figure `section`/`key` of a JSON report.
fn figure<'a>(r: &'a Value, section: &str, key: &str) -> &'a Value {
    r["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["section"] == section && f["key"] == key)
        .unwrap_or_else(|| panic!("no figure {section}/{key}"))
}

/// (now, previous, last year) of a count.
fn three(r: &Value, section: &str, key: &str) -> (u64, u64, u64) {
    let f = figure(r, section, key);
    let n = |v: &Value| v.as_u64().unwrap_or_else(|| panic!("{section}/{key}: {f}"));
    (n(&f["value"]), n(&f["previous"]), n(&f["last_year"]))
}

/// (now, previous, last year) of a rate.
fn rates(r: &Value, section: &str, key: &str) -> (Option<f64>, Option<f64>, Option<f64>) {
    let f = figure(r, section, key);
    assert_eq!(f["measure"], "rate", "{section}/{key}");
    (
        f["value"].as_f64(),
        f["previous"].as_f64(),
        f["last_year"].as_f64(),
    )
}

#[test]
fn the_hand_built_ledger_gives_the_figures_worked_out_by_hand() {
    let l = hand_built();
    let r = report_json(&l, "2025-11");
    assert_eq!(r["period"]["start"], "2025-11-01");
    assert_eq!(r["previous"]["code"], "2025-10");
    assert_eq!(r["last_year"]["code"], "2024-11");
    assert_eq!(r["cutoff"], "2025-11-30");
    assert_eq!(r["group_visit_min_people"], 5);

    // Received in November: cases 1 (visit, 12 people), 3 (phone), 5 (visit), 6 (letter, 2),
    // 7 (visit), 10 (visit). October: case 2 (letter). November 2024: case 9 (visit).
    let t = |s, k| three(&r, s, k);
    assert_eq!(t("intake", "batches"), (6, 1, 1));
    assert_eq!(t("intake", "person_times"), (18, 1, 1));
    let f = figure(&r, "intake", "batches");
    assert_eq!(
        (f["change"].as_f64(), f["change_yoy"].as_f64()),
        (Some(500.0), Some(500.0))
    );
    assert_eq!(t("channel", "visit.batches"), (4, 0, 1));
    assert_eq!(t("channel", "visit.person_times"), (15, 0, 1));
    assert_eq!(t("channel", "letter.batches"), (1, 1, 0));
    assert_eq!(t("channel", "letter.person_times"), (2, 1, 0));
    assert_eq!(t("channel", "phone.batches"), (1, 0, 0));
    assert_eq!(
        t("channel", "online.batches"),
        (0, 0, 0),
        "case 4 came in August"
    );
    assert_eq!(
        figure(&r, "channel", "visit.batches")["change"],
        Value::Null
    );
    assert_eq!(t("category", "城乡建设"), (3, 0, 1));
    assert_eq!(t("category", "劳动社保"), (1, 1, 0));
    assert_eq!(t("category", "教育"), (1, 0, 0));
    assert_eq!(t("category", "民政"), (1, 0, 0));
    let targets: Vec<&str> = r["figures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["section"] == "target")
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    // One each; then by last period's count (某公司 had October's letter); then by name.
    assert_eq!(targets, ["某公司", "某中学", "某建筑公司", "某街道办事处"]);
    assert_eq!(t("target", "某街道办事处"), (1, 0, 1));
    assert_eq!(t("department", "城建科"), (1, 1, 0));
    assert_eq!(t("department", "教育科"), (1, 0, 0));
    assert_eq!(t("focus", "group_visits"), (1, 0, 0));
    assert_eq!(t("focus", "group_visit_person_times"), (12, 0, 0));
    assert_eq!(
        t("focus", "repeat"),
        (1, 0, 0),
        "case 3: same phone as case 2"
    );
    assert_eq!(t("focus", "major"), (1, 0, 0));
    assert_eq!(
        t("focus", "attached"),
        (1, 0, 0),
        "the letter attached to case 8"
    );

    // Decisions by their date: 1 and 10 accepted, 3 declined, 6 passed on, 7 answered;
    // case 2 was accepted in October.
    assert_eq!(t("decision", "decided"), (5, 1, 0));
    assert_eq!(t("decision", "accept"), (2, 1, 0));
    assert_eq!(t("decision", "decline"), (1, 0, 0));
    assert_eq!(t("decision", "pass_on"), (1, 0, 0));
    assert_eq!(t("decision", "answered"), (1, 0, 0));
    // Served in November: 1, 2 (received in October), 3 and 6 (notices), 4, 7 (on the spot), 10.
    assert_eq!(t("reply", "replied"), (7, 0, 0));
    assert_eq!(t("reply", "support"), (2, 0, 0));
    assert_eq!(t("reply", "explain"), (1, 0, 0));
    assert_eq!(t("reply", "reject"), (1, 0, 0));
    assert_eq!(t("archive", "archived"), (2, 0, 0));

    // Decide clocks ended in November: 1, 3, 6, 7, 10 decided in time; 5 ran out on 11-25.
    assert_eq!(t("timeliness", "decide_ended"), (6, 1, 0));
    assert_eq!(t("timeliness", "decide_on_time"), (5, 1, 0));
    assert_eq!(
        rates(&r, "timeliness", "decide_rate"),
        (Some(83.3), Some(100.0), None)
    );
    assert_eq!(
        figure(&r, "timeliness", "decide_rate")["change"].as_f64(),
        Some(-16.7)
    );
    // Handling clocks: 1, 2, 4 (extended to 11-03, served that day) and 10 in time in
    // November; case 8's ran out on 10-31.
    assert_eq!(t("timeliness", "handle_ended"), (4, 1, 0));
    assert_eq!(t("timeliness", "handle_on_time"), (4, 0, 0));
    assert_eq!(t("timeliness", "handle_extended"), (1, 0, 0));
    assert_eq!(
        rates(&r, "timeliness", "handle_rate"),
        (Some(100.0), Some(0.0), None)
    );
    assert_eq!(
        figure(&r, "timeliness", "handle_rate")["change"].as_f64(),
        Some(100.0)
    );

    // Accepted and served in November: 1, 2, 4, 10; rated: 1 (satisfied, satisfied),
    // 2 (basic, unsatisfied), 10 (unsatisfied, unsatisfied).
    assert_eq!(t("satisfaction", "eligible"), (4, 0, 0));
    assert_eq!(t("satisfaction", "rated"), (3, 0, 0));
    assert_eq!(
        rates(&r, "satisfaction", "participation_rate"),
        (Some(75.0), None, None)
    );
    assert_eq!(t("satisfaction", "unit_satisfied"), (1, 0, 0));
    assert_eq!(t("satisfaction", "unit_basic"), (1, 0, 0));
    assert_eq!(t("satisfaction", "unit_unsatisfied"), (1, 0, 0));
    assert_eq!(rates(&r, "satisfaction", "unit_rate").0, Some(66.7));
    assert_eq!(t("satisfaction", "office_unsatisfied"), (2, 0, 0));
    assert_eq!(rates(&r, "satisfaction", "office_rate").0, Some(33.3));

    // Overdue at the end of 11-30: case 5 (decide, due 11-25), case 8 (handle, due 10-31) and
    // case 9, never decided since November 2024. At the end of 10-31 only case 9 (case 8 was
    // due that day).
    assert_eq!(t("overdue", "total"), (3, 1, 0));
    assert_eq!(t("overdue", "clock.decide"), (2, 1, 0));
    assert_eq!(t("overdue", "clock.handle"), (1, 0, 0));
    assert_eq!(t("overdue", "state.intake"), (2, 1, 0));
    assert_eq!(t("overdue", "state.assigned"), (1, 0, 0));
    let items: Vec<(i64, &str, i64)> = r["overdue_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_i64().unwrap(),
                i["clock"].as_str().unwrap(),
                i["days_overdue"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [(9, "decide", 363), (8, "handle", 30), (5, "decide", 5)]
    );
    assert_eq!(t("supervision", "orders"), (1, 0, 0));
    assert_eq!(t("supervision", "cases"), (1, 0, 0));
    assert_eq!(t("supervision", "state.assigned"), (1, 0, 0));
    assert_eq!(r["supervised_items"][0]["id"], 8);
    assert_eq!(r["supervised_items"][0]["ground"], "overdue");

    // The report agrees with the independent recount too.
    recount_and_compare(&l, &r);
}

#[test]
fn renderers_text_csv_and_html() {
    let l = hand_built();
    let text = run(&["report", "--db", l.db(), "--period", "2025-11"], "");
    assert!(text.success(), "{text:?}");
    for want in [
        "2025年11月信访情况分析报告",
        "（月报）",
        "统计期间：2025年11月",
        "环比期间：2025年10月",
        "同比期间：2024年11月",
        "一、信访总量",
        "按来源渠道",
        "被反映较多的单位（前10位",
        "集体访（5人及以上来访，批次）",
        "及时受理率",
        "83.3%",
        "-16.7个百分点",
        "+500.0%",
        "按期办结率",
        "参评率",
        "75.0%",
        "超期件（截至2025年11月30日）",
        "2025-0007",
        "统计口径",
    ] {
        assert!(
            text.stdout.contains(want),
            "missing {want}:\n{}",
            text.stdout
        );
    }
    // Columns line up by display width: the figures of a table end in the same column.
    let widths: BTreeSet<usize> = text
        .stdout
        .lines()
        .filter(|l| l.starts_with("  信访总量"))
        .map(unicode_width::UnicodeWidthStr::width)
        .collect();
    assert_eq!(widths.len(), 1, "{widths:?}");

    let en = run(
        &[
            "--lang",
            "en",
            "report",
            "--db",
            l.db(),
            "--period",
            "2025-11",
        ],
        "",
    );
    assert!(en.success(), "{en:?}");
    for want in [
        "Letters and visits report: November 2025",
        "(monthly)",
        "decided-in-time rate",
        "83.3%",
        "-16.7 pt",
    ] {
        assert!(en.stdout.contains(want), "missing {want}:\n{}", en.stdout);
    }

    let csv = run(
        &[
            "report",
            "--db",
            l.db(),
            "--period",
            "2025-11",
            "--format",
            "csv",
        ],
        "",
    );
    assert!(csv.success(), "{csv:?}");
    assert!(csv.stdout.starts_with('\u{feff}'), "no BOM");
    let mut lines = csv.stdout.trim_start_matches('\u{feff}').split("\r\n");
    assert_eq!(
        lines.next(),
        Some("section,key,label,value,previous,change,last_year,change_yoy")
    );
    let rows: Vec<Vec<String>> = lines
        .filter(|l| !l.is_empty())
        .map(parse_csv_line)
        .collect();
    let json = report_json(&l, "2025-11");
    assert_eq!(rows.len(), json["figures"].as_array().unwrap().len());
    assert!(rows.iter().all(|r| r.len() == 8), "{rows:?}");
    let row = |s: &str, k: &str| {
        rows.iter()
            .find(|r| r[0] == s && r[1] == k)
            .unwrap()
            .clone()
    };
    assert_eq!(
        row("intake", "batches"),
        [
            "intake",
            "batches",
            "信访总量（批次）",
            "6",
            "1",
            "500.0",
            "1",
            "500.0"
        ]
    );
    assert_eq!(
        row("timeliness", "decide_rate")[3..6],
        ["83.3", "100.0", "-16.7"]
    );
    assert_eq!(row("satisfaction", "participation_rate")[4], "—");
    assert_eq!(row("category", "城乡建设")[2], "城乡建设");

    let out = l.file("report.html");
    let html = run(
        &[
            "report",
            "--db",
            l.db(),
            "--period",
            "2025-11",
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert!(html.success(), "{html:?}");
    assert!(html.stdout.is_empty());
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("@page { size: A4"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(!page.to_lowercase().contains("<script"), "no scripts");
    // Nothing fetched: the only address is the SVG namespace.
    let rest = page.replace("http://www.w3.org/2000/svg", "");
    for net in ["http://", "https://", "<link", " src=", "url(", "@import"] {
        assert!(!rest.contains(net), "{net} in the page");
    }
    assert!(page.contains("<svg"), "bar charts");
    assert!(page.contains("2025年11月信访情况分析报告"));
    assert!(page.contains("<td class=\"n\">83.3%</td>"));
    assert!(
        page.contains("反映&lt;b&gt;夜间施工&lt;/b&gt;扰民 &amp; 噪声超标"),
        "summary escaped"
    );
    assert!(!page.contains("<b>夜间施工"));
}

/// RFC 4180: fields separated by commas, quoted when they hold commas or quotes.
fn parse_csv_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    out.push(field);
    out
}

#[test]
fn errors_say_what_is_wrong_in_the_users_language() {
    let l = hand_built();
    let bad = run(&["report", "--db", l.db(), "--period", "2026-13"], "");
    assert!(!bad.success());
    assert!(bad.stdout.is_empty());
    assert!(bad.stderr.contains("月份 13 不存在"), "{}", bad.stderr);
    assert!(bad.stderr.contains("2026-Q4（季度）"), "{}", bad.stderr);
    let bad = run(
        &[
            "--lang",
            "en",
            "report",
            "--db",
            l.db(),
            "--period",
            "last month",
        ],
        "",
    );
    assert!(!bad.success());
    assert!(
        bad.stderr.contains("\"last month\" is not understood"),
        "{}",
        bad.stderr
    );
    assert!(
        bad.stderr.contains("accepted forms: 2026-11 (a month)"),
        "{}",
        bad.stderr
    );
    let bad = run(
        &[
            "--lang",
            "en",
            "report",
            "--db",
            l.db(),
            "--period",
            "2025-11-15..2025-11-01",
        ],
        "",
    );
    assert!(
        bad.stderr
            .contains("starts (2025-11-15) after it ends (2025-11-01)"),
        "{}",
        bad.stderr
    );
    let bad = run(&["report", "--db", l.db(), "--period", "9999"], "");
    assert!(bad.stderr.contains("尚未到来"), "{}", bad.stderr);
    assert!(!bad.stderr.contains("panicked"));

    let nowhere = l.dir().join("no/such/dir/report.html");
    let out = run(
        &[
            "report",
            "--db",
            l.db(),
            "--period",
            "2025-11",
            "--format",
            "html",
            "--out",
            nowhere.to_str().unwrap(),
        ],
        "",
    );
    assert!(!out.success());
    assert!(out.stderr.contains("无法写入报告文件"), "{}", out.stderr);
    assert!(
        out.stderr.contains("no/such/dir/report.html"),
        "{}",
        out.stderr
    );
    let missing = run(&["report", "--db", l.file("none.db").to_str().unwrap()], "");
    assert!(!missing.success());
    assert!(!missing.stderr.contains("panicked"), "{}", missing.stderr);
}

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

use chrono::Datelike;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{e}: {s}"))
}

fn export(l: &Ledger) -> Vec<Value> {
    let out = run(&["export", "--db", l.db(), "--format", "json"], "");
    assert!(out.success(), "{out:?}");
    serde_json::from_str::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn recount_and_compare(l: &Ledger, r: &Value) {
    let checked = compare(&export(l), r);
    assert!(checked > 100, "{checked}");
}

// ---------------------------------------------------------------------------------------
// The recount: plain counting over the exported cases, written apart from the engine. Only
// the due dates come from the export (the domain's calendar arithmetic, not counting).

/// The office's dates: the builtin policy's +08:00.
fn local(at: &Value) -> Option<NaiveDate> {
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    at.as_str().map(|s| {
        DateTime::parse_from_rfc3339(s)
            .unwrap_or_else(|e| panic!("{e}: {s}"))
            .with_timezone(&offset)
            .date_naive()
    })
}

fn timestamp(at: &Value) -> i64 {
    DateTime::parse_from_rfc3339(at.as_str().unwrap())
        .unwrap()
        .timestamp()
}

#[derive(Clone, Copy)]
struct Span {
    start: NaiveDate,
    end: NaiveDate,
}

impl Span {
    fn of(p: &Value) -> Span {
        Span {
            start: date(p["start"].as_str().unwrap()),
            end: date(p["end"].as_str().unwrap()),
        }
    }

    fn has(&self, d: Option<NaiveDate>) -> bool {
        d.is_some_and(|d| self.start <= d && d <= self.end)
    }
}

/// Cases whose petitioner matches a petitioner of a case received earlier.
fn repeat_by_person(cases: &[Value]) -> HashSet<i64> {
    let mut order: Vec<&Value> = cases.iter().collect();
    order.sort_by_key(|e| {
        (
            timestamp(&e["case"]["intake"]["received_at"]),
            e["id"].as_i64(),
        )
    });
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = HashSet::new();
    for e in order {
        let mut keys = Vec::new();
        for p in e["case"]["intake"]["petitioners"].as_array().unwrap() {
            let s = |k: &str| p[k].as_str().filter(|s| !s.is_empty());
            if let Some(id) = s("id_number") {
                keys.push(format!("id:{id}"));
            }
            if let Some(phone) = s("phone") {
                keys.push(format!("phone:{phone}"));
            }
            if let (Some(n), Some(a)) = (s("name"), s("address")) {
                keys.push(format!("na:{n}\u{0}{a}"));
            }
        }
        if keys.iter().any(|k| seen.contains(k)) {
            out.insert(e["id"].as_i64().unwrap());
        }
        seen.extend(keys);
    }
    out
}

/// Every count of one period, by "section/key".
fn recount(
    cases: &[Value],
    p: Span,
    today: NaiveDate,
    repeats: &HashSet<i64>,
) -> HashMap<String, u64> {
    let cutoff = p.end.min(today);
    let mut n: HashMap<String, u64> = HashMap::new();
    let mut add = |k: String, by: u64| *n.entry(k).or_default() += by;
    for e in cases {
        let c = &e["case"];
        let i = &c["intake"];
        let received = local(&i["received_at"]);
        let people = i["people"].as_u64().unwrap();
        let decision = c["decision"]["decision"].as_str();
        let decided = local(&c["decision"]["at"]);
        let accepted = decided.filter(|_| decision == Some("accept"));
        let served = c["reply"]["served_at"].as_str().map(date);
        if p.has(received) {
            add("intake/batches".into(), 1);
            add("intake/person_times".into(), people);
            let ch = i["channel"].as_str().unwrap();
            add(format!("channel/{ch}.batches"), 1);
            add(format!("channel/{ch}.person_times"), people);
            add(format!("category/{}", i["category"].as_str().unwrap()), 1);
            if let Some(t) = i["target"]
                .as_str()
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                add(format!("target/{t}"), 1);
            }
            if let Some(d) = c["assignment"]["department"].as_str() {
                add(format!("department/{d}"), 1);
            }
            if ch == "visit" && people >= 5 {
                add("focus/group_visits".into(), 1);
                add("focus/group_visit_person_times".into(), people);
            }
            let linked =
                i["links"].as_array().is_some_and(|l| !l.is_empty()) || !c["review_of"].is_null();
            if linked || repeats.contains(&e["id"].as_i64().unwrap()) {
                add("focus/repeat".into(), 1);
            }
            if i["urgency"] == "major" {
                add("focus/major".into(), 1);
            }
        }
        for a in c["attached"].as_array().into_iter().flatten() {
            if p.has(local(&a["received_at"])) {
                add("focus/attached".into(), 1);
            }
        }
        if p.has(decided) {
            add("decision/decided".into(), 1);
            add(format!("decision/{}", decision.unwrap()), 1);
        }
        if p.has(served) {
            add("reply/replied".into(), 1);
            if let Some(o) = c["reply"]["outcome"].as_str() {
                add(format!("reply/{o}"), 1);
            }
            if decision == Some("accept") {
                add("satisfaction/eligible".into(), 1);
                let rv = &c["return_visit"];
                if !rv.is_null() {
                    add("satisfaction/rated".into(), 1);
                    add(
                        format!("satisfaction/unit_{}", rv["unit"].as_str().unwrap()),
                        1,
                    );
                    add(
                        format!("satisfaction/office_{}", rv["office"].as_str().unwrap()),
                        1,
                    );
                }
            }
        }
        if p.has(local(&c["archived"]["at"])) {
            add("archive/archived".into(), 1);
        }
        // Clocks as exported (as of today): the day each ended.
        for clock in e["clocks"].as_array().unwrap() {
            let key = clock["key"].as_str().unwrap();
            if key != "decide" && key != "handle" {
                continue;
            }
            let st = &clock["status"];
            let ended = match st["status"].as_str().unwrap() {
                "met" | "late" => st["done"].as_str().map(date),
                "running" if st["overdue"] == true => clock["due"].as_str().map(date),
                _ => None,
            };
            if p.has(ended) {
                add(format!("timeliness/{key}_ended"), 1);
                if st["status"] == "met" {
                    add(format!("timeliness/{key}_on_time"), 1);
                }
                if key == "handle" && !c["extension"].is_null() {
                    add("timeliness/handle_extended".into(), 1);
                }
            }
        }
        // Overdue at the end of the cut-off day: a clock started by then, not stopped by
        // then, past its due date.
        if received.is_some_and(|r| r <= cutoff) {
            let by = |d: Option<NaiveDate>| d.is_some_and(|d| d <= cutoff);
            let mut overdue_clocks = Vec::new();
            for clock in e["clocks"].as_array().unwrap() {
                let key = clock["key"].as_str().unwrap();
                let due = date(clock["due"].as_str().unwrap());
                let (started, stopped) = match key {
                    "decide" | "object" => (true, by(decided)),
                    "handle" => (by(accepted), by(served)),
                    _ => continue, // the review window is never overdue
                };
                if started && !stopped && cutoff > due {
                    overdue_clocks.push(key);
                }
            }
            if !overdue_clocks.is_empty() {
                add("overdue/total".into(), 1);
                add(format!("overdue/state.{}", e["state"].as_str().unwrap()), 1);
                for k in overdue_clocks {
                    add(format!("overdue/clock.{k}"), 1);
                }
            }
        }
        let orders = c["supervisions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|s| p.has(local(&s["at"])))
            .count() as u64;
        if orders > 0 {
            add("supervision/orders".into(), orders);
            add("supervision/cases".into(), 1);
            add(
                format!("supervision/state.{}", e["state"].as_str().unwrap()),
                1,
            );
        }
    }
    n
}

fn pct(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| (num as f64 * 1000.0 / den as f64).round() / 10.0)
}

/// A rate's numerator and denominator keys.
fn rate_parts(key: &str) -> (Vec<&'static str>, &'static str) {
    match key {
        "decide_rate" => (vec!["decide_on_time"], "decide_ended"),
        "handle_rate" => (vec!["handle_on_time"], "handle_ended"),
        "participation_rate" => (vec!["rated"], "eligible"),
        "unit_rate" => (vec!["unit_satisfied", "unit_basic"], "rated"),
        "office_rate" => (vec!["office_satisfied", "office_basic"], "rated"),
        _ => panic!("unknown rate {key}"),
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

/// Compares every figure of the report with the recount; returns how many values it checked.
fn compare(cases: &[Value], r: &Value) -> usize {
    let today = date(r["today"].as_str().unwrap());
    let repeats = repeat_by_person(cases);
    let spans = [
        Span::of(&r["period"]),
        Span::of(&r["previous"]),
        Span::of(&r["last_year"]),
    ];
    let counts: Vec<HashMap<String, u64>> = spans
        .iter()
        .map(|s| recount(cases, *s, today, &repeats))
        .collect();
    let code = r["period"]["code"].as_str().unwrap();
    let mut checked = 0;
    let mut listed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in r["figures"].as_array().unwrap() {
        let (section, key) = (f["section"].as_str().unwrap(), f["key"].as_str().unwrap());
        listed
            .entry(section.to_owned())
            .or_default()
            .push(key.to_owned());
        let get = |i: usize, k: &str| {
            counts[i]
                .get(&format!("{section}/{k}"))
                .copied()
                .unwrap_or(0)
        };
        let expected: Vec<Option<f64>> = (0..3)
            .map(|i| {
                if f["measure"] == "rate" {
                    let (num, den) = rate_parts(key);
                    pct(num.iter().map(|k| get(i, k)).sum(), get(i, den))
                } else {
                    Some(get(i, key) as f64)
                }
            })
            .collect();
        let got = [&f["value"], &f["previous"], &f["last_year"]].map(Value::as_f64);
        for i in 0..3 {
            assert!(
                close(got[i], expected[i]),
                "{code} {section}/{key} [{}]: report {:?}, recount {:?}",
                ["now", "previous", "last year"][i],
                got[i],
                expected[i]
            );
            checked += 1;
        }
        let change =
            |now: Option<f64>, before: Option<f64>| match (f["measure"].as_str(), now, before) {
                (Some("count"), Some(n), Some(b)) if b > 0.0 => {
                    Some(((n - b) * 1000.0 / b).round() / 10.0)
                }
                (Some("rate"), Some(n), Some(b)) => Some(((n - b) * 10.0).round() / 10.0),
                _ => None,
            };
        assert!(
            close(f["change"].as_f64(), change(expected[0], expected[1])),
            "{code} {section}/{key} change"
        );
        assert!(
            close(f["change_yoy"].as_f64(), change(expected[0], expected[2])),
            "{code} {section}/{key} change_yoy"
        );
    }
    // Nothing left out: every category and department counted in any of the three
    // periods, the top units of the period, every channel, state and clock.
    for section in ["category", "department"] {
        let all: BTreeSet<String> = counts
            .iter()
            .flat_map(|c| c.keys())
            .filter_map(|k| k.strip_prefix(&format!("{section}/")).map(str::to_owned))
            .collect();
        let shown: BTreeSet<String> = listed
            .get(section)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .collect();
        assert_eq!(shown, all, "{code} {section}");
    }
    let top = r["top"].as_u64().unwrap() as usize;
    let mut units: Vec<(String, u64, u64)> = counts[0]
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("target/").map(|t| (t.to_owned(), *v)))
        .map(|(t, v)| {
            let before = counts[1].get(&format!("target/{t}")).copied().unwrap_or(0);
            (t, v, before)
        })
        .collect();
    units.sort_by(|a, b| (b.1, b.2).cmp(&(a.1, a.2)).then(a.0.cmp(&b.0)));
    let want: Vec<String> = units.into_iter().take(top).map(|u| u.0).collect();
    assert_eq!(
        listed.get("target").cloned().unwrap_or_default(),
        want,
        "{code} top units"
    );
    for k in counts.iter().flat_map(|c| c.keys()) {
        let (section, key) = k.split_once('/').unwrap();
        if !matches!(section, "category" | "department" | "target") {
            assert!(
                listed
                    .get(section)
                    .is_some_and(|keys| keys.iter().any(|x| x == key)),
                "{code}: {k} counted but not in the report"
            );
        }
    }
    // The item lists hold the counted cases.
    let n = |s: &str| counts[0].get(s).copied().unwrap_or(0) as usize;
    assert_eq!(
        r["overdue_items"].as_array().unwrap().len(),
        n("overdue/total"),
        "{code}"
    );
    assert_eq!(
        r["supervised_items"].as_array().unwrap().len(),
        n("supervision/cases"),
        "{code}"
    );
    checked
}
