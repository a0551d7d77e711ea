//! The analysis in words that opens `report --format text|html`: its five paragraphs, and
//! every number in them the same as a figure in the tables (parsed out of the prose and
//! looked up in the report's JSON), or a share of two of them.

mod common;

use common::report::{docx_xml, hand_built, report_as};
use common::{Ledger, intake_lines, run};
use serde_json::Value;

/// `text` with dates taken out: `2026-12-07`, and a number followed by 年, 月, 日 or 周
/// (2026年12月1日至7日, 第50周) are dates, not figures.
fn without_dates(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let iso = chars.len() >= i + 10
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars[i..i + 10].iter().enumerate().all(|(k, c)| {
                if k == 4 || k == 7 {
                    *c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if iso {
            out.push(' ');
            i += 10;
            continue;
        }
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let end = (i..chars.len())
                .find(|&k| !chars[k].is_ascii_digit())
                .unwrap_or(chars.len());
            if chars.get(end).is_some_and(|c| "年月日周".contains(*c)) {
                out.push(' ');
                i = end + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The numbers of a paragraph, names (quoted), dates and the paragraph's ordinal left out.
fn numbers(p: &str) -> Vec<f64> {
    let mut text = p.to_owned();
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
    let text = without_dates(&text);
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

/// Every value, previous value, year-earlier value and change (its size too: the prose
/// says 下降8.4%) in the report's tables, and the bases of the shares the prose gives: all
/// batches, and the items assigned (the departments' sum).
fn table_numbers(json: &Value) -> (Vec<f64>, [f64; 2]) {
    let mut all = Vec::new();
    let (mut batches, mut assigned) = (0.0, 0.0);
    for f in json["figures"].as_array().unwrap() {
        for k in ["value", "previous", "last_year", "change", "change_yoy"] {
            if let Some(v) = f[k].as_f64() {
                all.push(v);
                all.push(v.abs());
            }
        }
        if f["section"] == "intake" && f["key"] == "batches" {
            batches = f["value"].as_f64().unwrap();
        }
        if f["section"] == "department" {
            assigned += f["value"].as_f64().unwrap_or(0.0);
        }
    }
    all.push(assigned);
    (all, [batches, assigned])
}

/// The analysis of the report of `code` in `lang` on ledger `l`, checked number by number
/// against the tables; its paragraphs.
fn check_on(l: &Ledger, lang: &str, code: &str) -> Vec<String> {
    let text = run(
        &["--lang", lang, "report", "--db", l.db(), "--period", code],
        "",
    );
    assert!(text.success(), "{text:?}");
    // Laid out for an 80-column page: closing marks (two at most, 、 after ）) may hang past it (避头尾), nothing else
    // (a trial's tables were 87 columns wide, their case lists 103).
    for line in text.stdout.lines() {
        assert!(
            xinfang::display::width(line) <= 84,
            "{lang} {code}: {} columns: {line}",
            xinfang::display::width(line)
        );
    }
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
    let (figures, bases) = table_numbers(&json);
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
        // The period's label is the overview's, up to its first comma (a week's label
        // holds its week number).
        let label = match lang {
            "zh" => p
                .strip_prefix("一、总体情况。")
                .and_then(|r| r.split('，').next()),
            _ => (p.strip_prefix("1. Overview. In ")).and_then(|r| r.split(" the office").next()),
        };
        let p = label.map_or(p.clone(), |label| p.replacen(label, "", 1));
        for n in numbers(&p) {
            let same = |v: f64| (v - n).abs() < 0.051;
            let in_tables = figures.iter().any(|&v| same(v));
            let share = bases.iter().any(|&base| {
                figures
                    .iter()
                    .any(|&v| base > 0.0 && same((v * 1000.0 / base).round() / 10.0))
            });
            assert!(
                in_tables || share,
                "{n} in {p:?} is no figure of the tables"
            );
            // A change is said as 增长/下降 and its size: no sign.
            assert!(n >= 0.0, "{n} in {p:?}");
            checked += 1;
        }
        for dash in ["—", "+", "“来信 批次”", "（件）”"] {
            assert!(!p.contains(dash), "{dash} in {p:?}");
        }
    }
    println!("{lang} {code}: {checked} numbers checked\n{body}");
    paragraphs
}

/// As [`check_on`], on the hand-built ledger, with at least 20 numbers checked.
fn check(lang: &str, code: &str) -> Vec<String> {
    let p = check_on(&hand_built(), lang, code);
    let numbers: usize = p.iter().map(|p| numbers(p).len()).sum();
    assert!(numbers >= 20, "only {numbers} numbers in:\n{p:?}");
    p
}

#[test]
fn every_number_in_the_chinese_analysis_is_in_the_tables() {
    let p = check("zh", "2025-11");
    // October had one item: too few for a percentage.
    assert!(
        p[0].contains("上期1批次、1人次，基数较小，不作环比"),
        "{}",
        p[0]
    );
    // The ledger's first case came on 2024-11-15: November 2024 is not wholly on it, and
    // its 同比 are no news.
    assert!(p[0].contains("去年同期台账记录不全，不作同比"), "{}", p[0]);
    for p in &p {
        assert!(!p.contains("同比增长") && !p.contains("同比下降"), "{p}");
    }
    // Departments by their share of the items assigned, not of all received.
    assert!(p[1].contains("占交办件的"), "{}", p[1]);
    // What is counted is the items with a time limit overdue, some since replied to.
    assert!(
        p[4].contains("超期件") && !p[4].contains("未办结"),
        "{}",
        p[4]
    );
}

#[test]
fn every_number_in_the_english_analysis_is_in_the_tables() {
    let p = check("en", "2025-11");
    assert!(p[0].contains("not wholly on the ledger"), "{}", p[0]);
}

/// A year's period before is its year before: the analysis says the change once, as 同比,
/// and here not at all, 2024 being barely on the ledger.
#[test]
fn a_year_is_compared_once() {
    for (lang, twice) in [("zh", "环比"), ("en", "period before")] {
        for p in check(lang, "2025") {
            assert!(!p.contains(twice), "{p}");
            // Its notable changes are against 去年同期, not "上期".
            assert!(!p.contains("上期"), "{p}");
        }
    }
    let zh = check("zh", "2025");
    assert!(
        zh[0].contains("去年同期台账记录不全，不作同比"),
        "{}",
        zh[0]
    );
    assert!(zh[3].contains("去年同期台账记录不全"), "{}", zh[3]);
    let l = hand_built();
    let text = run(&["report", "--db", l.db(), "--period", "2025"], "");
    assert!(
        text.stdout.contains("同比期间：2024年\n"),
        "{}",
        text.stdout
    );
    assert!(!text.stdout.contains("环比期间"), "{}", text.stdout);
}

/// On a demo ledger (two years of cases up to today), every preset period's analysis in
/// both languages: each number a figure of the tables, no sign or dash; a period still
/// running named by the stretch counted, as the header's 截至 says.
#[test]
fn the_analysis_of_a_demo_ledger_is_in_the_tables() {
    let l = Ledger::empty();
    let demo = run(
        &["demo", "--db", l.db(), "--cases", "2000", "--seed", "7"],
        "",
    );
    assert!(demo.success(), "{demo:?}");
    for code in ["day", "week", "month", "quarter", "year"] {
        for lang in ["zh", "en"] {
            check_on(&l, lang, code);
        }
    }
    let json = run(
        &[
            "report",
            "--db",
            l.db(),
            "--period",
            "year",
            "--format",
            "json",
        ],
        "",
    );
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    let (cutoff, end) = (
        json["cutoff"].as_str().unwrap(),
        json["period"]["end"].as_str().unwrap(),
    );
    let p = check_on(&l, "zh", "year");
    if cutoff < end {
        let (y, rest) = cutoff.split_at(4);
        let m: u32 = rest[1..3].parse().unwrap();
        let d: u32 = rest[4..6].parse().unwrap();
        let label = format!("一、总体情况。{y}年1月1日至{m}月{d}日，");
        assert!(p[0].starts_with(&label), "{label} {}", p[0]);
    }
}

/// A day after a quiet day (a Monday after a Sunday): the overview gives the day before's
/// count rather than a percentage, and 主要变化 says why it compares nothing; a day with
/// no return visit rated says so once instead of a row of dashes.
#[test]
fn a_day_after_a_quiet_day_is_not_news() {
    let l = Ledger::set_up();
    let on = |day: &str, n: usize| intake_lines(n, day).replace("2026-01-31", day);
    l.apply_ok(&format!("{}{}", on("2026-11-08", 1), on("2026-11-09", 17)));
    let p = check_on(&l, "zh", "2026-11-09");
    assert!(
        p[0].contains("；上期1批次、1人次，基数较小，不作环比；"),
        "{}",
        p[0]
    );
    // The ledger begins on the 8th: 9 November 2025 is before it.
    assert!(p[0].contains("去年同期尚无台账记录，不作同比"), "{}", p[0]);
    assert!(!p[0].contains("1600"), "{}", p[0]);
    assert_eq!(p[3], "四、主要变化。上期信访量较少，不作分项比较。");
    assert!(p[2].contains("本期无回访评价"), "{}", p[2]);
    assert!(!p[2].contains("满意率"), "{}", p[2]);
    let en = check_on(&l, "en", "2026-11-09");
    assert!(en[0].contains("too few to compare"), "{}", en[0]);
    assert!(en[2].contains("No return visit was rated"), "{}", en[2]);
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

/// The Word report lists what the text lists: every case number of the text report (the
/// overdue and supervised lists the prose names) and the 统计口径 (a trial found the prose
/// naming cases the document did not list).
#[test]
fn the_docx_report_lists_every_case_the_text_lists() {
    let l = hand_built();
    let text = report_as(&l, "2025-11", "text");
    let xml = docx_xml(&l, "2025-11");
    let chars: Vec<char> = text.chars().collect();
    let mut numbers = Vec::new();
    for w in chars.windows(9) {
        let s: String = w.iter().collect();
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(char::is_ascii_digit);
        if w[4] == '-' && digits(0..4) && digits(5..9) && s.starts_with("20") {
            numbers.push(s);
        }
    }
    assert!(!numbers.is_empty(), "{text}");
    for no in numbers {
        let (year, n) = no.split_at(4);
        let kept = format!(
            "{year}</w:t><w:noBreakHyphen /><w:t xml:space=\"preserve\">{}",
            &n[1..]
        );
        assert!(xml.contains(&kept), "{no} not in the docx");
    }
    assert!(xml.contains("统计口径"), "no definitions");
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
    // The analysis typed as an office types it: each paragraph's first line indented two
    // characters, every run's fonts named for Latin and digits as well as for Chinese.
    let overview = &xml[..a];
    let opened = overview.rfind("<w:p ").expect("the overview's paragraph");
    assert!(
        overview[opened..].contains("w:firstLineChars=\"200\""),
        "{}",
        &overview[opened..]
    );
    let fonts = xml.matches("<w:rFonts ").count();
    assert!(fonts > 0);
    assert_eq!(
        xml.matches("<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"")
            .count(),
        fonts,
        "{xml}"
    );
    assert_eq!(xml.matches("w:eastAsia=\"仿宋\"").count(), fonts);
    // A case number does not wrap at its hyphen.
    assert!(
        xml.contains("2025</w:t><w:noBreakHyphen /><w:t xml:space=\"preserve\">0007"),
        "{xml}"
    );
    assert!(!xml.contains("2025-0007"), "{xml}");
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

/// A period that begins before the ledger's first case says so after its totals, as the
/// comparisons do (a trial's 2024 report said 108 items for 9–31 December).
#[test]
fn a_period_before_the_ledger_says_so() {
    let l = hand_built();
    let before = report_as(&l, "2020", "text");
    assert!(before.contains("本期在台账启用之前"), "{before}");
    let within = report_as(&l, "2025-11", "text");
    assert!(!within.contains("台账启用"), "{within}");
}
