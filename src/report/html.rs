//! The report as print-ready HTML: A4, the system's Chinese fonts, tables and bar charts in
//! plain HTML, CSS and inline SVG; no scripts, nothing fetched from the network.

use std::fmt::Write as _;

use super::{ItemList, cells, item_list, left_out, meta_lines, sections};
use crate::display::cut;
use crate::domain::policy::Policy;
use crate::domain::stats::{Figure, Key, Report, Section, Volume};
use crate::strings::{Lang, report as words};

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
td.s { word-break: break-all; min-width: 12em; }
/* A list's short columns (numbers, dates, names) keep to one line: no column a character wide. */
td.c, th { white-space: nowrap; }
td.w { min-width: 6em; }
tr { break-inside: avoid; page-break-inside: avoid; }
svg { display: block; margin: 1mm 0 2mm; }
svg text { font-size: 9px; font-family: inherit; }
.note { font-size: 9pt; }
.defs { font-size: 9pt; margin-top: 6mm; border-top: 0.5pt solid #555; }
.defs p { margin: 1mm 0; }
/* Said to the leader on the screen; not on the printed page. */
@media print { .draft { display: none; } }
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
            .filter(|f| matches!(f.key, Key::Channel(_, Volume::Batches)))
            .map(|f| {
                let label = words::figure(lang, policy, &f.key);
                let label = label.split([' ', ',']).next().unwrap_or("").to_owned();
                (label, f.value.count().unwrap_or(0))
            })
            .collect(),
        Section::Category | Section::Target | Section::Department => r
            .section(section)
            .map(|f| (f.key.to_string(), f.value.count().unwrap_or(0)))
            .filter(|(_, n)| *n > 0)
            .take(15)
            .collect(),
        Section::Intake
        | Section::Focus
        | Section::Decision
        | Section::Reply
        | Section::Archive
        | Section::Timeliness
        | Section::Satisfaction
        | Section::Overdue
        | Section::Supervision
        | Section::Steps => return None,
    };
    (!items.is_empty()).then(|| bars(&items))
}

pub fn render_html(r: &Report, lang: Lang, policy: &Policy) -> String {
    let mut o = String::new();
    heading(&mut o, r, lang);
    // The analysis in words first, for the leader to edit; the tables after it.
    let _ = writeln!(
        o,
        "<section class=\"analysis\">\n<h2>{}<span class=\"draft\">{}</span></h2>",
        escape(crate::strings::analysis_heads::title(lang)),
        escape(crate::strings::analysis_heads::draft_note(lang))
    );
    for p in super::prose::draft(r, lang, policy) {
        let _ = writeln!(o, "<p>{}</p>", escape(&p));
    }
    let _ = writeln!(
        o,
        "</section>\n<h2>{}</h2>",
        escape(crate::strings::analysis_heads::tables_heading(lang))
    );
    for (n, (section, figures)) in sections(r).into_iter().enumerate() {
        let long = matches!(
            section,
            Section::Overdue | Section::Supervision | Section::Category
        ) || figures.len() > 20;
        let _ = writeln!(
            o,
            "<section{}>\n<h2>{}{}</h2>",
            if long { " class=\"long\"" } else { "" },
            escape(&words::ordinal(lang, n)),
            escape(&words::section(lang, section, r.top, r.cutoff))
        );
        if figures.is_empty() {
            let _ = writeln!(o, "<p>{}</p>", escape(words::no_items(lang)));
        } else {
            figure_table(&mut o, &figures, super::shown_columns(r), lang, policy);
        }
        if let Some(svg) = chart_for(r, section, lang, policy) {
            o.push_str(&svg);
            o.push('\n');
        }
        if let Some(list) = item_list(r, section, lang, policy) {
            items_html(&mut o, lang, &list);
        }
        o.push_str("</section>\n");
    }
    if !r.evaluations.is_empty() {
        let title = crate::strings::evaluation::title(lang);
        let _ = writeln!(o, "<section>\n<h2>{}</h2>", escape(title));
        let head = crate::strings::evaluation::headings(lang);
        html_rows(&mut o, &head, &super::evaluation_rows(r, lang));
        o.push_str("</section>\n");
    }
    footer(&mut o, r, lang);
    o
}

/// The document's head, the title, the kind of report and the lines of its periods.
fn heading(o: &mut String, r: &Report, lang: Lang) {
    let title = words::title(lang, &r.period);
    let html_lang = lang.pick("zh-CN", "en");
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    let kind = words::kind_name(lang, r.period.kind);
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
}

/// A section's figures under the column headings.
fn figure_table(o: &mut String, figures: &[&Figure], shown: &[usize], lang: Lang, policy: &Policy) {
    o.push_str("<table>\n<thead><tr>");
    let head = words::columns(lang);
    for &i in shown {
        let _ = write!(o, "<th>{}</th>", escape(head[i]));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for f in figures {
        let c = cells(f, lang, policy);
        let _ = write!(o, "<tr><td>{}</td>", escape(&c[0]));
        for &i in shown.iter().filter(|i| **i > 0) {
            let _ = write!(o, "<td class=\"n\">{}</td>", escape(&c[i]));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n");
}

/// The years without a holiday table, what the figures count, and the end of the page.
fn footer(o: &mut String, r: &Report, lang: Lang) {
    if !r.uncovered_years.is_empty() {
        let _ = writeln!(
            o,
            "<p class=\"note\">{}</p>",
            escape(&words::uncovered(lang, &r.uncovered_years))
        );
    }
    o.push_str("<div class=\"defs\">\n");
    for (i, line) in words::definitions(lang, r.group_visit_min_people)
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
            // The last column (the matter) takes what is left; a long cell elsewhere wraps
            // but keeps six characters' width.
            let class = if i == last {
                " class=\"s\""
            } else if c.chars().count() > 12 {
                " class=\"w\""
            } else {
                " class=\"c\""
            };
            let _ = write!(o, "<td{class}>{}</td>", escape(c));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n");
}

fn items_html(o: &mut String, lang: Lang, list: &ItemList) {
    if list.rows.is_empty() {
        return;
    }
    html_rows(o, &list.head, &list.rows);
    if let Some(n) = left_out(list.total) {
        let _ = writeln!(
            o,
            "<p class=\"note\">{}</p>",
            escape(&words::more_items_printed(lang, n))
        );
    }
}
