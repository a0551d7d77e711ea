//! `xinfang report` in its four formats: text, JSON, CSV and HTML, on the hand-built ledger.

mod common;

use std::collections::BTreeSet;

use common::report::{hand_built, report_json};
use common::run;

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
    // Where it went, and that it left the ledger's encryption, as `export` says.
    assert!(
        html.stderr.contains("已写出") && html.stderr.contains("未加密"),
        "{}",
        html.stderr
    );
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
