//! `xinfang report`: the statistics report (信访情况分析报告) for a period, written to standard
//! output or a file in the format asked for (`crate::report` lays it out).

use std::io::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use super::Failure;
use super::args::ReportFormat;
use crate::domain::stats::Period;
use crate::files::write_private;
use crate::report::{self, Format};
use crate::store::Store;
use crate::strings::{Lang, errors, report as text};

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
    let mut report = store
        .report(period, today, top)
        .map_err(|e| Failure(errors::store(lang, &e)))?;
    report.evaluations = store
        .evaluations_by_unit(period.start, period.end.min(today))
        .map_err(|e| Failure(errors::store(lang, &e)))?;
    let policy = &store.office().policy;
    if format == ReportFormat::Xlsx {
        let path = out.ok_or_else(|| Failure(crate::strings::sheet::needs_out(lang).to_owned()))?;
        let tables = report::tables(&report, lang, policy);
        return crate::sheet::write_xlsx(&tables, path).map_err(|e| Failure(e.message(lang)));
    }
    if format == ReportFormat::Docx {
        let path =
            out.ok_or_else(|| Failure(crate::strings::analysis::needs_out(lang).to_owned()))?;
        let bytes = report::render_docx(&report, lang, policy).map_err(Failure)?;
        return write_private(path, &bytes)
            .map_err(|e| Failure(text::cannot_write(lang, path, &e)));
    }
    let format = match format {
        ReportFormat::Text => Format::Text,
        ReportFormat::Json => Format::Json,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Html => Format::Html,
        // Written above.
        ReportFormat::Xlsx | ReportFormat::Docx => return Ok(()),
    };
    let body = report::render(&report, format, lang, policy);
    // Standard output may be a terminal: no stored escape (a category, a department)
    // reaches it; a file keeps the text exactly.
    let shown = || match format {
        Format::Json => crate::display::json_safe(&body),
        Format::Text | Format::Csv | Format::Html => crate::display::safe(&body),
    };
    match out {
        Some(path) => write_private(path, body.as_bytes())
            .map_err(|e| Failure(text::cannot_write(lang, path, &e))),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            match stdout
                .write_all(shown().as_bytes())
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
