//! The analysis in words that opens `report --format text|html`: its five paragraphs, and
//! every number in them the same as a figure in the tables (parsed out of the prose and
//! looked up in the report's JSON), or a share of two of them.

mod common;

use common::report::{docx_xml, hand_built, report_as};
use common::run;
use serde_json::Value;

/// The numbers of a paragraph, names (quoted) and the period's label left out.
fn numbers(p: &str, period: &str) -> Vec<f64> {
    let mut text = p.replacen(period, "", 1);
    // Quoted names and case numbers are not figures.
    for (open, close) in [('“', '”'), ('"', '"')] {
        while let Some(a) = text.find(open) {
            let Some(b) = text[a + open.len_utf8()..].find(close) else {
                break;
            };
            let end = a + open.len_utf8() + b + close.len_utf8();
            text.replace_range(a..end, " ");
        }
    }
    // The paragraph's own ordinal (`1. `) is not a figure either.
    let text = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty()) || (c == '-' && cur.is_empty()) {
            cur.push(c);
        } else {
            let n = cur.trim_end_matches('.');
            if let Ok(v) = n.parse::<f64>() {
                out.push(v);
            }
            cur.clear();
            if c == '-' {
                cur.push(c);
            }
        }
    }
    out
}

/// Every value, previous value, year-earlier value and change in the report's tables.
fn table_numbers(json: &Value) -> (Vec<f64>, f64) {
    let mut all = Vec::new();
    let mut batches = 0.0;
    for f in json["figures"].as_array().unwrap() {
        for k in ["value", "previous", "last_year", "change", "change_yoy"] {
            if let Some(v) = f[k].as_f64() {
                all.push(v);
            }
        }
        if f["section"] == "intake" && f["key"] == "batches" {
            batches = f["value"].as_f64().unwrap();
        }
    }
    (all, batches)
}

/// Checks the analysis of `code` in `lang` (its label `period`) number by number, and
/// returns its paragraphs.
fn check(lang: &str, code: &str, period: &str) -> Vec<String> {
    let l = hand_built();
    let text = run(
        &["--lang", lang, "report", "--db", l.db(), "--period", code],
        "",
    );
    assert!(text.success(), "{text:?}");
    let json = run(
        &[
            "report",
            "--db",
            l.db(),
            "--period",
            code,
            "--format",
            "json",
        ],
        "",
    );
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    let (figures, batches) = table_numbers(&json);
    // The paragraphs: between the analysis heading and the tables' heading, joined lines.
    let (head, tables) = match lang {
        "zh" => ("情况分析（", "统计数据"),
        _ => ("Analysis", "Figures"),
    };
    let start = text.stdout.find(head).expect("the analysis heading");
    let end = text
        .stdout
        .find(&format!("\n{tables}\n"))
        .expect("the tables' heading");
    let body = &text.stdout[start..end];
    let paragraphs: Vec<String> = body
        .split("\n\n")
        .skip(1)
        .map(|p| {
            p.lines()
                .collect::<Vec<_>>()
                .join(if lang == "en" { " " } else { "" })
        })
        .collect();
    assert_eq!(paragraphs.len(), 5, "{body}");
    let mut checked = 0;
    for p in &paragraphs {
        for n in numbers(p, period) {
            let same = |v: f64| (v - n).abs() < 0.051;
            let in_tables = figures.iter().any(|&v| same(v));
            let share = figures
                .iter()
                .any(|&v| batches > 0.0 && same((v * 1000.0 / batches).round() / 10.0));
            assert!(
                in_tables || share,
                "{n} in {p:?} is no figure of the tables"
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} numbers in:\n{body}");
    println!("{lang}: {checked} numbers checked\n{body}");
    paragraphs
}

#[test]
fn every_number_in_the_chinese_analysis_is_in_the_tables() {
    let p = check("zh", "2025-11", "2025年11月");
    assert!(
        p[0].contains("批次环比") && p[0].contains("、同比"),
        "{}",
        p[0]
    );
}

#[test]
fn every_number_in_the_english_analysis_is_in_the_tables() {
    check("en", "2025-11", "November 2025");
}

/// A year's period before is its year before: the analysis says the change once, as 同比.
#[test]
fn a_year_is_compared_once() {
    for (lang, label, twice) in [("zh", "2025年", "环比"), ("en", "2025", "period before")] {
        for p in check(lang, "2025", label) {
            assert!(!p.contains(twice), "{p}");
            // Its notable changes are against 去年同期, not "上期".
            assert!(!p.contains("上期"), "{p}");
        }
    }
    let zh = check("zh", "2025", "2025年");
    assert!(zh[0].contains("批次同比"), "{}", zh[0]);
    let l = hand_built();
    let text = run(&["report", "--db", l.db(), "--period", "2025"], "");
    assert!(
        text.stdout.contains("同比期间：2024年\n"),
        "{}",
        text.stdout
    );
    assert!(!text.stdout.contains("环比期间"), "{}", text.stdout);
}

#[test]
fn the_html_report_opens_with_the_analysis() {
    let l = hand_built();
    let html = run(
        &[
            "report",
            "--db",
            l.db(),
            "--period",
            "2025-11",
            "--format",
            "html",
        ],
        "",
    );
    let a = html.stdout.find("一、总体情况").expect("the overview");
    let t = html.stdout.find("<table>").expect("a table");
    assert!(a < t, "the prose comes before the tables");
    assert!(
        html.stdout.contains("三、办理质效。及时受理率83.3%"),
        "{}",
        html.stdout
    );
}

/// `--format docx` writes a Word document (a zip holding word/document.xml) whose text
/// opens with the analysis and goes on to the tables; without `--out` it says so.
#[test]
fn the_docx_report_holds_the_analysis_then_the_tables() {
    let l = hand_built();
    let xml = docx_xml(&l, "2025-11");
    let a = xml.find("一、总体情况").expect("the overview");
    let t = xml.find("<w:tbl>").expect("a table");
    assert!(a < t, "the prose comes before the tables");
    assert!(xml.contains("及时受理率83.3%"));
    // Laid out for print: fixed columns, the label widest and each change wider than the
    // figures (a month: 本期 上期 环比 去年同期 同比), figures right-aligned, no row split.
    assert!(xml.contains("<w:tblLayout w:type=\"fixed\" />"), "{xml}");
    let grid: Vec<u32> = xml
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .take(6)
        .map(|g| g.split('"').next().unwrap_or("0").parse().unwrap_or(0))
        .collect();
    assert_eq!(grid.len(), 6, "{grid:?}");
    assert!(
        grid[0] > grid[3] && grid[3] > grid[1] && grid[1] == grid[2],
        "{grid:?}"
    );
    assert!(
        xml.contains("<w:jc w:val=\"right\""),
        "figures right-aligned"
    );
    assert!(xml.contains("<w:cantSplit />"));
    let bare = run(
        &[
            "report",
            "--db",
            l.db(),
            "--period",
            "2025-11",
            "--format",
            "docx",
        ],
        "",
    );
    assert!(!bare.success());
    assert!(bare.stderr.contains("--out"), "{}", bare.stderr);
}

/// A year's tables print its one comparison once too: 本期, 去年同期, 同比 (the 上期 and 环比
/// columns repeated them); a month's keep all five, in text, HTML and on the screen's rows.
#[test]
fn a_year_s_tables_have_no_period_before_column() {
    let l = hand_built();
    let text = |period: &str, format: &str| report_as(&l, period, format);
    let year = text("2025", "text");
    let head = (year.lines())
        .find(|l| l.trim_start().starts_with("项目"))
        .expect("a table's heads");
    assert!(
        head.contains("本期") && head.contains("去年同期") && head.contains("同比"),
        "{head}"
    );
    assert!(!head.contains("上期") && !head.contains("环比"), "{head}");
    let month = text("2025-11", "text");
    let head = (month.lines())
        .find(|l| l.trim_start().starts_with("项目"))
        .expect("a table's heads");
    for h in ["本期", "上期", "环比", "去年同期", "同比"] {
        assert!(head.contains(h), "{head}");
    }
    let html = text("2025", "html");
    assert!(html.contains("<th>去年同期</th>"), "{html}");
    assert!(
        !html.contains("<th>上期</th>") && !html.contains("<th>环比</th>"),
        "{html}"
    );
    assert!(text("2025-11", "html").contains("<th>上期</th>"));
    let (year, month) = (docx_xml(&l, "2025"), docx_xml(&l, "2025-11"));
    assert!(year.contains(">去年同期</w:t>"), "{year}");
    assert!(
        !year.contains(">上期</w:t>") && !year.contains(">环比</w:t>"),
        "{year}"
    );
    assert!(
        month.contains(">上期</w:t>") && month.contains(">环比</w:t>"),
        "{month}"
    );
}
