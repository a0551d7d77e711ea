//! The statistics report (信访情况分析报告) laid out for people: text by display width, CSV
//! (UTF-8 with a BOM, one row per figure), print-ready HTML, and JSON. The figures come from
//! `domain::stats`; this module only lays them out. `xinfang report` and the leader's report
//! screen both write files through it.

pub mod backlog;
mod csv;
mod docx;
mod html;
pub mod presets;
pub mod prose;
pub mod screening;
mod sheets;
mod text;

use crate::domain::policy::Policy;
use crate::domain::stats::{Amount, Figure, OverdueItem, Report, Section, SupervisedItem};
use crate::strings::{Lang, labels, report as words};

pub use csv::render_csv;
pub use docx::render_docx;
pub use html::{escape, render_html};
pub use sheets::tables;
pub use text::{list_table, render_text};

/// Items listed under the overdue and supervision tables of the text and HTML reports (the
/// JSON lists them all).
pub const LISTED_ITEMS: usize = 20;

/// The report in the format asked for.
pub fn render(r: &Report, format: Format, lang: Lang, policy: &Policy) -> String {
    match format {
        Format::Text => render_text(r, lang, policy),
        Format::Json => render_json(r),
        Format::Csv => render_csv(r, lang, policy),
        Format::Html => render_html(r, lang, policy),
    }
}

/// The formats a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
    Html,
}

impl Format {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }
}

/// The report as pretty JSON (the structure of `domain::stats::Report`).
pub fn render_json(r: &Report) -> String {
    let mut s = serde_json::to_string_pretty(r).unwrap_or_else(|_| "{}".to_owned());
    s.push('\n');
    s
}

/// A value as printed: `12`, `87.5%`, `—`.
pub fn amount(a: Amount) -> String {
    match a {
        Amount::Count(n) => n.to_string(),
        Amount::Rate(Some(r)) => format!("{r:.1}%"),
        Amount::Rate(None) => words::NONE.to_owned(),
    }
}

/// Which of the six columns (`cells`, `strings::report::columns`) a report's tables print:
/// all, or for a year, whose 上期 is its 去年同期 (`Report::compared_once`), not 上期 and 环比.
pub fn shown_columns(r: &Report) -> &'static [usize] {
    if r.compared_once() {
        &[0, 1, 4, 5]
    } else {
        &[0, 1, 2, 3, 4, 5]
    }
}

/// The columns of `cells` that are changes (环比, 同比), not amounts.
pub const CHANGE_COLUMNS: [usize; 2] = [3, 5];

/// The six cells of a figure's row, as printed.
pub fn cells(f: &Figure, lang: Lang, policy: &Policy) -> [String; 6] {
    let rate = f.measure == crate::domain::stats::Measure::Rate;
    [
        words::figure(lang, policy, &f.key),
        amount(f.value),
        amount(f.previous),
        words::change(lang, f.change, rate),
        amount(f.last_year),
        words::change(lang, f.change_yoy, rate),
    ]
}

/// The sections in order, each with its figures; the text and HTML leave out a breakdown
/// line (a channel, a clock, a state) that is zero in all three periods. CSV and JSON keep
/// every figure.
pub fn sections(r: &Report) -> Vec<(Section, Vec<&Figure>)> {
    let shown = |f: &&Figure| {
        let breakdown = f.key.is_breakdown();
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

pub fn meta_lines(r: &Report, lang: Lang) -> Vec<(String, String)> {
    let m = words::meta(lang);
    let mut now = words::period_label(lang, &r.period);
    if r.cutoff < r.period.end {
        now.push_str(&words::so_far(lang, r.cutoff));
    }
    let mut lines = vec![(m[0].to_owned(), now)];
    if !r.compared_once() {
        lines.push((m[1].to_owned(), words::period_label(lang, &r.previous)));
    }
    lines.push((m[2].to_owned(), words::period_label(lang, &r.last_year)));
    lines.push((m[3].to_owned(), words::date(lang, r.today)));
    lines
}

/// The 评查 table's rows: unit, cases, average, passed.
fn evaluation_rows(r: &Report, lang: Lang) -> Vec<Vec<String>> {
    (r.evaluations.iter())
        .map(|u| {
            let unit = if u.unit.is_empty() {
                crate::strings::evaluation::no_unit(lang).to_owned()
            } else {
                u.unit.clone()
            };
            vec![
                unit,
                u.cases.to_string(),
                format!("{:.1}", u.average),
                u.passed.to_string(),
            ]
        })
        .collect()
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

/// The overdue cases listed under their table ([`LISTED_ITEMS`] of them), a row each with
/// the columns of `strings::report::overdue_columns`; the summary last.
fn overdue_rows(r: &Report, lang: Lang, policy: &Policy, limit: usize) -> Vec<Vec<String>> {
    (r.overdue_items.iter().take(limit))
        .map(|i| overdue_row(i, lang, policy))
        .collect()
}

/// One overdue case as its list shows it (`strings::report::overdue_columns`).
pub fn overdue_row(i: &OverdueItem, lang: Lang, policy: &Policy) -> Vec<String> {
    vec![
        case_no(&i.case_no, i.id),
        i.received.to_string(),
        labels::state(lang, i.state).to_owned(),
        i.department.clone().unwrap_or_default(),
        format!("{} {}", clock_label(policy, lang, &i.clock), i.due),
        words::days(lang, i.days_overdue),
        i.summary.clone(),
    ]
}

/// The supervised cases listed under their table, as [`overdue_rows`].
fn supervised_rows(r: &Report, lang: Lang, limit: usize) -> Vec<Vec<String>> {
    (r.supervised_items.iter().take(limit))
        .map(|i| supervised_row(i, lang))
        .collect()
}

/// One supervised case as its list shows it (`strings::report::supervised_columns`).
pub fn supervised_row(i: &SupervisedItem, lang: Lang) -> Vec<String> {
    vec![
        case_no(&i.case_no, i.id),
        i.supervised.to_string(),
        labels::supervise_ground(lang, i.ground).to_owned(),
        i.feedback_by.to_string(),
        labels::state(lang, i.state).to_owned(),
        i.summary.clone(),
    ]
}

/// The cases listed under a section's table: its headings, the rows shown and how many
/// there are in all.
pub struct ItemList {
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    pub total: usize,
    /// The list's name for `report --list`.
    pub list: &'static str,
}

/// The list under the overdue or the supervision table; none under the others.
pub fn item_list(r: &Report, section: Section, lang: Lang, policy: &Policy) -> Option<ItemList> {
    all_items(r, section, lang, policy, LISTED_ITEMS)
}

/// The list under the overdue or the supervision table, its first `limit` rows (a
/// spreadsheet lists all of them).
pub fn all_items(
    r: &Report,
    section: Section,
    lang: Lang,
    policy: &Policy,
    limit: usize,
) -> Option<ItemList> {
    match section {
        Section::Overdue => Some(ItemList {
            head: words::overdue_columns(lang).to_vec(),
            rows: overdue_rows(r, lang, policy, limit),
            list: "overdue",
            total: usize::try_from(r.overdue_count).unwrap_or(usize::MAX),
        }),
        Section::Supervision => Some(ItemList {
            head: words::supervised_columns(lang).to_vec(),
            rows: supervised_rows(r, lang, limit),
            list: "supervised",
            total: usize::try_from(r.supervised_count).unwrap_or(usize::MAX),
        }),
        Section::Intake
        | Section::Channel
        | Section::Category
        | Section::Target
        | Section::Department
        | Section::Focus
        | Section::Decision
        | Section::Reply
        | Section::Archive
        | Section::Timeliness
        | Section::Satisfaction
        | Section::Steps => None,
    }
}

/// How many items a list leaves out, if any.
pub fn left_out(total: usize) -> Option<usize> {
    total.checked_sub(LISTED_ITEMS).filter(|n| *n > 0)
}
