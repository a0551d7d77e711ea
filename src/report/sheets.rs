//! The report as spreadsheet tables (`crate::sheet`): the figures with their numbers,
//! and every overdue and supervised case (the text and HTML list the first 20).

use chrono::NaiveDate;

use super::{Report, all_items};
use crate::domain::policy::Policy;
use crate::domain::stats::Section;
use crate::sheet::{Cell, Table};
use crate::strings::{Lang, report as words, sheet};

/// The figures, the overdue cases and the supervised cases, a table each.
pub fn tables(r: &Report, lang: Lang, policy: &Policy) -> Vec<Table> {
    let [figures_name, overdue_name, supervised_name] = sheet::report_sheets(lang);
    let mut figures = Table::new(
        figures_name,
        &sheet::figure_heads(lang),
        &[30, 36, 16, 24, 10, 24, 10],
    );
    // The heads name the periods: a running period's are stretches of the others.
    for (column, period) in [(2, &r.period), (3, &r.previous), (5, &r.last_year)] {
        if let Some(c) = figures.columns.get_mut(column) {
            c.head = sheet::period_head(lang, &c.head, &words::period_label(lang, period));
        }
    }
    for f in &r.figures {
        let number = |x: Option<f64>| x.map_or(Cell::Empty, Cell::Number);
        figures.rows.push(vec![
            Cell::text(words::section(lang, f.section, r.top, r.cutoff)),
            Cell::text(words::figure(lang, policy, &f.key)),
            number(f.value.number()),
            number(f.previous.number()),
            number(f.change),
            number(f.last_year.number()),
            number(f.change_yoy),
        ]);
    }
    let list = |section, name: &str, widths: &[u8]| {
        let items = all_items(r, section, lang, policy, usize::MAX);
        let (head, rows) = items.map_or((Vec::new(), Vec::new()), |l| (l.head, l.rows));
        let mut t = Table::new(name, &head, widths);
        t.rows = (rows.into_iter())
            .map(|row| row.into_iter().map(typed).collect())
            .collect();
        t
    };
    vec![
        figures,
        list(Section::Overdue, overdue_name, &[11, 11, 8, 14, 24, 8, 40]),
        list(
            Section::Supervision,
            supervised_name,
            &[11, 11, 12, 11, 8, 40],
        ),
    ]
}

/// A listed value: a date cell when it is a date, else text.
fn typed(s: String) -> Cell {
    match NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
        Ok(d) => Cell::Date(d),
        Err(_) => Cell::text(s),
    }
}
