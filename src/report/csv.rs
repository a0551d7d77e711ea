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
/// year-on-year. UTF-8 with a byte-order mark, CRLF line ends (the shared writer,
/// `crate::sheet`): Excel opens it as Chinese.
pub fn render_csv(r: &Report, lang: Lang, policy: &Policy) -> String {
    let mut o: Vec<u8> = crate::sheet::BOM.as_bytes().to_vec();
    let head = [
        "section",
        "key",
        "label",
        "value",
        "previous",
        "change",
        "last_year",
        "change_yoy",
    ];
    // Writing to memory cannot fail.
    let _ = crate::sheet::csv_line(&mut o, head);
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
        let _ = crate::sheet::csv_line(&mut o, row.iter().map(String::as_str));
    }
    // 评查 by unit: one line per unit and measure, in the same columns (this period only).
    let head = crate::strings::evaluation::headings(lang);
    for (u, row) in r.evaluations.iter().zip(super::evaluation_rows(r, lang)) {
        for (i, measure) in ["cases", "average", "passed"].into_iter().enumerate() {
            let key = format!("{}.{measure}", u.unit);
            let label = format!("{} {}", row[0], head[i + 1]);
            let cells = [
                "evaluation",
                key.as_str(),
                label.as_str(),
                row[i + 1].as_str(),
                "",
                "",
                "",
                "",
            ];
            let _ = crate::sheet::csv_line(&mut o, cells);
        }
    }
    String::from_utf8_lossy(&o).into_owned()
}
