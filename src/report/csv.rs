//! The report as CSV: one row per figure, for a spreadsheet.

use super::Report;
use crate::domain::policy::Policy;
use crate::domain::stats::Measure;
use crate::strings::{Lang, report as words};

/// A number of a CSV cell: counts as they are, rates and changes with one decimal, `—`
/// where there is no base.
fn csv_number(a: Option<f64>, whole: bool) -> String {
    match a {
        Some(x) if whole => format!("{x:.0}"),
        Some(x) => format!("{x:.1}"),
        None => words::NONE.to_owned(),
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
            f.key.to_string(),
            words::figure(lang, policy, &f.key),
            csv_number(f.value.number(), whole),
            csv_number(f.previous.number(), whole),
            csv_number(f.change, false),
            csv_number(f.last_year.number(), whole),
            csv_number(f.change_yoy, false),
        ];
        let line: Vec<String> = row.iter().map(|c| cell(c)).collect();
        o.push_str(&line.join(","));
        o.push_str("\r\n");
    }
    o
}

/// RFC 4180 quoting; a leading = + - @ is prefixed with ' so that a
/// spreadsheet never runs a cell as a formula.
pub fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
