//! `xinfang report`: the statistics report (信访情况分析报告) rendered as text laid out by
//! display width, CSV (UTF-8 with a BOM, one row per figure), print-ready HTML or JSON. The
//! figures come from `domain::stats`; this file only lays them out.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use super::Failure;
use super::args::ReportFormat;
use super::export::{csv_cell, private_file};
use crate::display::{cut, fit, width};
use crate::domain::policy::Policy;
use crate::domain::stats::{Amount, Figure, Measure, Period, Report, Section};
use crate::store::Store;
use crate::strings::{Lang, errors, labels, report as text};

/// Items listed under the overdue and supervision tables of the text and HTML reports (the
/// JSON lists them all).
pub const LISTED_ITEMS: usize = 20;

/// Text reports are laid out for this many columns.
const TEXT_WIDTH: usize = 80;

/// The widest a column of an item list gets (the summary aside).
const ITEM_COLUMN_MAX: usize = 26;

/// Columns of a summary in an item list, even if the line grows past [`TEXT_WIDTH`].
const SUMMARY_MIN: usize = 30;

pub fn run(
    store: &Store,
    period: &str,
    format: ReportFormat,
    out: Option<&Path>,
    top: usize,
    lang: Lang,
    today: NaiveDate,
) -> Result<(), Failure> {
    let period = Period::parse(period, today).map_err(|e| Failure(text::period_error(lang, &e)))?;
    let report = store
        .report(period, today, top)
        .map_err(|e| Failure(errors::store(lang, &e)))?;
    let policy = &store.office().policy;
    let body = match format {
        ReportFormat::Text => render_text(&report, lang, policy),
        ReportFormat::Json => render_json(&report),
        ReportFormat::Csv => render_csv(&report, lang, policy),
        ReportFormat::Html => render_html(&report, lang, policy),
    };
    match out {
        Some(path) => private_file(path)
            .and_then(|mut f| {
                f.write_all(body.as_bytes())?;
                f.sync_all()
            })
            .map_err(|e| Failure(text::cannot_write(lang, path, &e))),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            match stdout
                .write_all(body.as_bytes())
                .and_then(|_| stdout.flush())
            {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Failure(format!("{e}")))
                }
                _ => Ok(()),
            }
        }
    }
}

/// A value as printed: `12`, `87.5%`, `—`.
fn amount(a: Amount) -> String {
    match a {
        Amount::Count(n) => n.to_string(),
        Amount::Rate(Some(r)) => format!("{r:.1}%"),
        Amount::Rate(None) => text::NONE.to_owned(),
    }
}

/// The six cells of a figure's row, as printed.
fn cells(f: &Figure, lang: Lang, policy: &Policy) -> [String; 6] {
    let rate = f.measure == Measure::Rate;
    [
        text::figure(lang, policy, f.section, &f.key),
        amount(f.value),
        amount(f.previous),
        text::change(lang, f.change, rate),
        amount(f.last_year),
        text::change(lang, f.change_yoy, rate),
    ]
}

/// The sections in order, each with its figures; the text and HTML leave out a breakdown
/// line (a channel, a clock, a state) that is zero in all three periods. CSV and JSON keep
/// every figure.
fn sections(r: &Report) -> Vec<(Section, Vec<&Figure>)> {
    let shown = |f: &&Figure| {
        let breakdown = f.section == Section::Channel
            || f.key.starts_with("state.")
            || f.key.starts_with("clock.");
        let zero = [f.value, f.previous, f.last_year]
            .iter()
            .all(|a| a.number().unwrap_or(0.0) == 0.0);
        !(breakdown && zero)
    };
    Section::ALL
        .into_iter()
        .map(|s| (s, r.section(s).filter(shown).collect()))
        .collect()
}

/// `s` broken into lines of at most `w` columns: between words in English, anywhere in
/// Chinese (not before a closing mark).
fn wrap(s: &str, w: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let ascii_words = s.is_ascii();
    let pieces: Vec<String> = if ascii_words {
        s.split(' ').map(|p| format!("{p} ")).collect()
    } else {
        s.chars().map(String::from).collect()
    };
    for piece in pieces {
        let closing = piece.starts_with(['，', '。', '、', '；', '：', '）', '”', '÷']);
        if width(&line) + width(piece.trim_end()) > w && !line.is_empty() && !closing {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        line.push_str(&piece);
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

fn right(s: &str, w: usize) -> String {
    let pad = w.saturating_sub(width(s));
    format!("{}{s}", " ".repeat(pad))
}

fn centre(s: &str, w: usize) -> String {
    let pad = w.saturating_sub(width(s)) / 2;
    format!("{}{s}", " ".repeat(pad))
}

fn meta_lines(r: &Report, lang: Lang) -> Vec<(String, String)> {
    let m = text::meta(lang);
    let mut now = text::period_label(lang, &r.period);
    if r.cutoff < r.period.end {
        now.push_str(&text::so_far(lang, r.cutoff));
    }
    vec![
        (m[0].to_owned(), now),
        (m[1].to_owned(), text::period_label(lang, &r.previous)),
        (m[2].to_owned(), text::period_label(lang, &r.last_year)),
        (m[3].to_owned(), text::date(lang, r.today)),
    ]
}

pub fn render_text(r: &Report, lang: Lang, policy: &Policy) -> String {
    let mut o = String::new();
    let sep = lang.pick("：", ": ");
    let _ = writeln!(o, "{}", centre(&text::title(lang, &r.period), TEXT_WIDTH));
    let kind = text::kind_name(lang, r.period.kind);
    if !kind.is_empty() {
        let kind = match lang {
            Lang::Zh => format!("（{kind}）"),
            Lang::En => format!("({kind})"),
        };
        let _ = writeln!(o, "{}", centre(&kind, TEXT_WIDTH));
    }
    o.push('\n');
    for (k, v) in meta_lines(r, lang) {
        let _ = writeln!(o, "{k}{sep}{v}");
    }
    let rows: Vec<(Section, Vec<[String; 6]>)> = sections(r)
        .into_iter()
        .map(|(s, fs)| (s, fs.iter().map(|f| cells(f, lang, policy)).collect()))
        .collect();
    // One set of column widths for the whole report, so the tables line up.
    let head = text::columns(lang);
    let mut w = [0usize; 6];
    for (i, h) in head.iter().enumerate() {
        w[i] = width(h);
    }
    for (_, section_rows) in &rows {
        for row in section_rows {
            for (i, c) in row.iter().enumerate() {
                w[i] = w[i].max(width(c));
            }
        }
    }
    w[0] = w[0].clamp(16, 40);
    for (n, (section, section_rows)) in rows.iter().enumerate() {
        o.push('\n');
        let _ = writeln!(
            o,
            "{}{}",
            text::ordinal(lang, n),
            text::section(lang, *section, r.top, r.cutoff)
        );
        if section_rows.is_empty() {
            let _ = writeln!(o, "  {}", text::no_items(lang));
            continue;
        }
        let line = |cells: [&str; 6]| {
            let mut l = format!("  {}", fit(cells[0], w[0]));
            for i in 1..6 {
                l.push_str("  ");
                l.push_str(&right(cells[i], w[i]));
            }
            l.trim_end().to_owned()
        };
        let _ = writeln!(o, "{}", line(head));
        for row in section_rows {
            let _ = writeln!(
                o,
                "{}",
                line([&row[0], &row[1], &row[2], &row[3], &row[4], &row[5]])
            );
        }
        match section {
            Section::Overdue => overdue_text(&mut o, r, lang, policy),
            Section::Supervision => supervised_text(&mut o, r, lang),
            _ => {}
        }
    }
    o.push('\n');
    if !r.uncovered_years.is_empty() {
        let _ = writeln!(o, "{}", text::uncovered(lang, &r.uncovered_years));
    }
    for (i, para) in text::definitions(lang, r.group_visit_min_people)
        .iter()
        .enumerate()
    {
        let indent = if i == 0 { "" } else { "   " };
        for (j, line) in wrap(para, TEXT_WIDTH - 3).iter().enumerate() {
            let _ = writeln!(o, "{}{line}", if j == 0 { "" } else { indent });
        }
    }
    o
}

fn case_no(no: &Option<String>, id: i64) -> String {
    no.clone().unwrap_or_else(|| format!("#{id}"))
}

fn clock_label<'a>(policy: &'a Policy, lang: Lang, key: &'a str) -> &'a str {
    policy.clock(key).map_or(key, |c| match lang {
        Lang::Zh => c.label_zh.as_str(),
        Lang::En => c.label_en.as_str(),
    })
}

/// A list under a table: each column as wide as its widest cell (at most
/// [`ITEM_COLUMN_MAX`]), the last one (the summary) cut to what is left of the line.
fn item_table(o: &mut String, head: &[&str], rows: &[Vec<String>]) {
    let fixed = head.len().saturating_sub(1);
    let widths: Vec<usize> = (0..fixed)
        .map(|i| {
            rows.iter()
                .map(|r| r.get(i).map_or(0, |c| width(c)))
                .chain([width(head[i])])
                .max()
                .unwrap_or(0)
                .min(ITEM_COLUMN_MAX)
        })
        .collect();
    let line = |cells: &[String]| {
        let used: usize = 2 + widths.iter().map(|w| w + 2).sum::<usize>();
        let mut l = "  ".to_owned();
        for (c, w) in cells.iter().zip(&widths) {
            l.push_str(&fit(c, *w));
            l.push_str("  ");
        }
        // The summary gets the rest of the line, and at least a useful part of itself.
        if let Some(last) = cells.get(fixed) {
            l.push_str(&cut(last, TEXT_WIDTH.saturating_sub(used).max(SUMMARY_MIN)));
        }
        l.trim_end().to_owned()
    };
    let head: Vec<String> = head.iter().map(|s| (*s).to_owned()).collect();
    let _ = writeln!(o, "{}", line(&head));
    for row in rows {
        let _ = writeln!(o, "{}", line(row));
    }
}

fn overdue_text(o: &mut String, r: &Report, lang: Lang, policy: &Policy) {
    if r.overdue_items.is_empty() {
        return;
    }
    o.push('\n');
    let rows: Vec<Vec<String>> = r
        .overdue_items
        .iter()
        .take(LISTED_ITEMS)
        .map(|i| {
            vec![
                case_no(&i.case_no, i.id),
                i.received.to_string(),
                labels::state(lang, i.state).to_owned(),
                i.department.clone().unwrap_or_default(),
                format!("{} {}", clock_label(policy, lang, &i.clock), i.due),
                text::days(lang, i.days_overdue),
                one_line(&i.summary),
            ]
        })
        .collect();
    item_table(o, &text::overdue_columns(lang), &rows);
    more(o, lang, r.overdue_items.len());
}

fn supervised_text(o: &mut String, r: &Report, lang: Lang) {
    if r.supervised_items.is_empty() {
        return;
    }
    o.push('\n');
    let rows: Vec<Vec<String>> = r
        .supervised_items
        .iter()
        .take(LISTED_ITEMS)
        .map(|i| {
            vec![
                case_no(&i.case_no, i.id),
                i.supervised.to_string(),
                labels::supervise_ground(lang, i.ground).to_owned(),
                i.feedback_by.to_string(),
                labels::state(lang, i.state).to_owned(),
                one_line(&i.summary),
            ]
        })
        .collect();
    item_table(o, &text::supervised_columns(lang), &rows);
    more(o, lang, r.supervised_items.len());
}

fn more(o: &mut String, lang: Lang, n: usize) {
    if n > LISTED_ITEMS {
        let _ = writeln!(o, "  {}", text::more_items(lang, n - LISTED_ITEMS));
    }
}

/// A summary on one line: line breaks and tabs become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The report as pretty JSON (the structure of `domain::stats::Report`).
pub fn render_json(r: &Report) -> String {
    let mut s = serde_json::to_string_pretty(r).unwrap_or_else(|_| "{}".to_owned());
    s.push('\n');
    s
}

/// A number of a CSV cell: counts as they are, rates and changes with one decimal, `—`
/// where there is no base.
fn csv_number(a: Option<f64>, whole: bool) -> String {
    match a {
        Some(x) if whole => format!("{x:.0}"),
        Some(x) => format!("{x:.1}"),
        None => text::NONE.to_owned(),
    }
}

/// One row per figure: section, key, label, value, previous, change, last year, change
/// year-on-year. UTF-8 with a byte-order mark, CRLF line ends: Excel opens it as Chinese.
pub fn render_csv(r: &Report, lang: Lang, policy: &Policy) -> String {
    let mut o = String::from("\u{feff}");
    o.push_str("section,key,label,value,previous,change,last_year,change_yoy\r\n");
    for f in &r.figures {
        let whole = f.measure == Measure::Count;
        let row = [
            f.section.code().to_owned(),
            f.key.clone(),
            text::figure(lang, policy, f.section, &f.key),
            csv_number(f.value.number(), whole),
            csv_number(f.previous.number(), whole),
            csv_number(f.change, false),
            csv_number(f.last_year.number(), whole),
            csv_number(f.change_yoy, false),
        ];
        let line: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        o.push_str(&line.join(","));
        o.push_str("\r\n");
    }
    o
}

/// Text for HTML: `& < > " '` escaped.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const CSS: &str = r#"
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 178mm; color: #000; font-size: 10.5pt; line-height: 1.5;
  font-family: "FangSong", "STFangsong", "FangSong_GB2312", "Songti SC", "SimSun",
    "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif; }
h1, h2, th, .meta b { font-family: "SimHei", "Heiti SC", "PingFang SC", "Microsoft YaHei",
    "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", sans-serif; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 2mm; }
.kind { text-align: center; margin: 0 0 4mm; }
.meta { margin: 0 0 4mm; }
.meta p { margin: 0; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; page-break-after: avoid; }
section { break-inside: avoid; page-break-inside: avoid; }
section.long { break-inside: auto; page-break-inside: auto; }
table { border-collapse: collapse; width: 100%; margin: 0 0 2mm; }
th, td { border: 0.5pt solid #555; padding: 0.6mm 1.5mm; vertical-align: top; }
th { background: #eee; font-weight: normal; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.s { word-break: break-all; }
tr { break-inside: avoid; page-break-inside: avoid; }
svg { display: block; margin: 1mm 0 2mm; }
svg text { font-size: 9px; font-family: inherit; }
.note { font-size: 9pt; }
.defs { font-size: 9pt; margin-top: 6mm; border-top: 0.5pt solid #555; }
.defs p { margin: 1mm 0; }
"#;

/// A horizontal bar chart in inline SVG: a label, a bar, the value.
fn bars(items: &[(String, u64)]) -> String {
    let max = items.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let (label_w, bar_w, row_h) = (150.0, 440.0, 16.0);
    let height = row_h * items.len() as f64 + 4.0;
    let mut o = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 640 {height}" role="img">"#
    );
    for (i, (label, n)) in items.iter().enumerate() {
        let y = 2.0 + row_h * i as f64;
        let w = bar_w * (*n as f64) / (max as f64);
        let _ = write!(
            o,
            r##"<text x="{tx}" y="{ty}" text-anchor="end">{label}</text><rect x="{label_w}" y="{ry}" width="{w:.1}" height="{rh}" fill="#4a6fa5"/><text x="{vx:.1}" y="{ty}">{n}</text>"##,
            tx = label_w - 4.0,
            ty = y + 11.0,
            label = escape(&cut(label, 24)),
            ry = y + 2.0,
            rh = row_h - 4.0,
            vx = label_w + w + 3.0,
        );
    }
    o.push_str("</svg>");
    o
}

/// The bars drawn under a section's table, from the current figures.
fn chart_for(r: &Report, section: Section, lang: Lang, policy: &Policy) -> Option<String> {
    let items: Vec<(String, u64)> = match section {
        Section::Channel => r
            .section(section)
            .filter(|f| f.key.ends_with(".batches"))
            .map(|f| {
                let label = text::figure(lang, policy, f.section, &f.key);
                let label = label.split([' ', ',']).next().unwrap_or("").to_owned();
                (label, f.value.count().unwrap_or(0))
            })
            .collect(),
        Section::Category | Section::Target | Section::Department => r
            .section(section)
            .map(|f| (f.key.clone(), f.value.count().unwrap_or(0)))
            .filter(|(_, n)| *n > 0)
            .take(15)
            .collect(),
        _ => return None,
    };
    (!items.is_empty()).then(|| bars(&items))
}

pub fn render_html(r: &Report, lang: Lang, policy: &Policy) -> String {
    let mut o = String::new();
    let title = text::title(lang, &r.period);
    let html_lang = lang.pick("zh-CN", "en");
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    let kind = text::kind_name(lang, r.period.kind);
    if !kind.is_empty() {
        let kind = match lang {
            Lang::Zh => format!("（{kind}）"),
            Lang::En => format!("({kind})"),
        };
        let _ = writeln!(o, "<p class=\"kind\">{}</p>", escape(&kind));
    }
    o.push_str("<div class=\"meta\">\n");
    let sep = lang.pick("：", ": ");
    for (k, v) in meta_lines(r, lang) {
        let _ = writeln!(o, "<p><b>{}</b>{sep}{}</p>", escape(&k), escape(&v));
    }
    o.push_str("</div>\n");
    let head = text::columns(lang);
    for (n, (section, figures)) in sections(r).into_iter().enumerate() {
        let long = matches!(
            section,
            Section::Overdue | Section::Supervision | Section::Category
        ) || figures.len() > 20;
        let _ = writeln!(
            o,
            "<section{}>\n<h2>{}{}</h2>",
            if long { " class=\"long\"" } else { "" },
            escape(&text::ordinal(lang, n)),
            escape(&text::section(lang, section, r.top, r.cutoff))
        );
        if figures.is_empty() {
            let _ = writeln!(o, "<p>{}</p>", escape(text::no_items(lang)));
        } else {
            o.push_str("<table>\n<thead><tr>");
            for h in head {
                let _ = write!(o, "<th>{}</th>", escape(h));
            }
            o.push_str("</tr></thead>\n<tbody>\n");
            for f in figures {
                let c = cells(f, lang, policy);
                let _ = write!(o, "<tr><td>{}</td>", escape(&c[0]));
                for cell in &c[1..] {
                    let _ = write!(o, "<td class=\"n\">{}</td>", escape(cell));
                }
                o.push_str("</tr>\n");
            }
            o.push_str("</tbody>\n</table>\n");
        }
        if let Some(svg) = chart_for(r, section, lang, policy) {
            o.push_str(&svg);
            o.push('\n');
        }
        match section {
            Section::Overdue => overdue_html(&mut o, r, lang, policy),
            Section::Supervision => supervised_html(&mut o, r, lang),
            _ => {}
        }
        o.push_str("</section>\n");
    }
    if !r.uncovered_years.is_empty() {
        let _ = writeln!(
            o,
            "<p class=\"note\">{}</p>",
            escape(&text::uncovered(lang, &r.uncovered_years))
        );
    }
    o.push_str("<div class=\"defs\">\n");
    for (i, line) in text::definitions(lang, r.group_visit_min_people)
        .iter()
        .enumerate()
    {
        if i == 0 {
            let _ = writeln!(o, "<p><b>{}</b></p>", escape(line));
        } else {
            let _ = writeln!(o, "<p>{}</p>", escape(line));
        }
    }
    o.push_str("</div>\n</body>\n</html>\n");
    o
}

fn html_rows(o: &mut String, head: &[&str], rows: &[Vec<String>]) {
    o.push_str("<table>\n<thead><tr>");
    for h in head {
        let _ = write!(o, "<th>{}</th>", escape(h));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        o.push_str("<tr>");
        let last = row.len().saturating_sub(1);
        for (i, c) in row.iter().enumerate() {
            let class = if i == last { " class=\"s\"" } else { "" };
            let _ = write!(o, "<td{class}>{}</td>", escape(c));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n");
}

fn overdue_html(o: &mut String, r: &Report, lang: Lang, policy: &Policy) {
    if r.overdue_items.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = r
        .overdue_items
        .iter()
        .take(LISTED_ITEMS)
        .map(|i| {
            vec![
                case_no(&i.case_no, i.id),
                i.received.to_string(),
                labels::state(lang, i.state).to_owned(),
                i.department.clone().unwrap_or_default(),
                format!("{} {}", clock_label(policy, lang, &i.clock), i.due),
                text::days(lang, i.days_overdue),
                i.summary.clone(),
            ]
        })
        .collect();
    html_rows(o, &text::overdue_columns(lang), &rows);
    if r.overdue_items.len() > LISTED_ITEMS {
        let _ = writeln!(
            o,
            "<p class=\"note\">{}</p>",
            escape(&text::more_items(
                lang,
                r.overdue_items.len() - LISTED_ITEMS
            ))
        );
    }
}

fn supervised_html(o: &mut String, r: &Report, lang: Lang) {
    if r.supervised_items.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = r
        .supervised_items
        .iter()
        .take(LISTED_ITEMS)
        .map(|i| {
            vec![
                case_no(&i.case_no, i.id),
                i.supervised.to_string(),
                labels::supervise_ground(lang, i.ground).to_owned(),
                i.feedback_by.to_string(),
                labels::state(lang, i.state).to_owned(),
                i.summary.clone(),
            ]
        })
        .collect();
    html_rows(o, &text::supervised_columns(lang), &rows);
    if r.supervised_items.len() > LISTED_ITEMS {
        let _ = writeln!(
            o,
            "<p class=\"note\">{}</p>",
            escape(&text::more_items(
                lang,
                r.supervised_items.len() - LISTED_ITEMS
            ))
        );
    }
}
