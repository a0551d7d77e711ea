//! `xinfang report`: the statistics report (信访情况分析报告) for a period, written to standard
//! output or a file in the format asked for (`crate::report` lays it out).

use std::io::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use super::Failure;
use super::args::{ReportFormat, ReportList};
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
        // A spreadsheet lists every case of both lists (the workbook is made in memory).
        let failed = |e| Failure(errors::store(lang, &e));
        report.overdue_items = (store.report_overdue_page(period, today, 0, usize::MAX))
            .map_err(failed)?
            .1;
        report.supervised_items = (store.report_supervised_page(period, today, 0, usize::MAX))
            .map_err(failed)?
            .1;
        let tables = report::tables(&report, lang, policy);
        crate::sheet::write_xlsx(&tables, path).map_err(|e| Failure(e.message(lang)))?;
        say_err!("{}", text::written(lang, path));
        return Ok(());
    }
    if format == ReportFormat::Docx {
        let path =
            out.ok_or_else(|| Failure(crate::strings::analysis_heads::needs_out(lang).to_owned()))?;
        let bytes = report::render_docx(&report, lang, policy).map_err(Failure)?;
        write_private(path, &bytes).map_err(|e| Failure(text::cannot_write(lang, path, &e)))?;
        say_err!("{}", text::written(lang, path));
        return Ok(());
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
        Some(path) => {
            write_private(path, body.as_bytes())
                .map_err(|e| Failure(text::cannot_write(lang, path, &e)))?;
            say_err!("{}", text::written(lang, path));
            Ok(())
        }
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

/// What `report --list` asks: which list, which page (`None`: all of it), in which format.
pub struct Listing {
    pub list: ReportList,
    pub page: Option<usize>,
    pub format: ReportFormat,
}

/// A list's count, and a page of its rows as shown and as JSON items.
type Fetched = (u64, Vec<Vec<String>>, Vec<serde_json::Value>);

/// Cases read at a time for `--all`: the list is written as it is read.
const ALL_BATCH: usize = 1000;

/// `xinfang report --list overdue|supervised [--page N | --all]`: the count and one page
/// of the list (or all of it, a batch at a time), as text, JSON or CSV.
pub fn list(
    store: &Store,
    period_text: &str,
    ask: Listing,
    out: Option<&Path>,
    lang: Lang,
    today: NaiveDate,
) -> Result<(), Failure> {
    let period =
        Period::parse(period_text, today).map_err(|e| Failure(text::period_error(lang, &e)))?;
    if !matches!(
        ask.format,
        ReportFormat::Text | ReportFormat::Json | ReportFormat::Csv
    ) {
        return Err(Failure(text::list_format(lang).to_owned()));
    }
    let overdue = ask.list == ReportList::Overdue;
    let name = if overdue { "overdue" } else { "supervised" };
    let fetch =
        |offset: usize, limit: usize| fetch(store, (period, today), overdue, (offset, limit), lang);
    let head: Vec<&str> = if overdue {
        text::overdue_columns(lang).to_vec()
    } else {
        text::supervised_columns(lang).to_vec()
    };
    let cutoff = if overdue {
        period.end.min(today).to_string()
    } else {
        text::title(lang, &period)
    };
    let mut sink = Sink::open(out, lang, ask.format == ReportFormat::Json)?;
    let page_size = crate::domain::stats::LIST_PAGE;
    let (first, limit) = match ask.page {
        Some(p) => (p.saturating_sub(1) * page_size, page_size),
        None => (0, ALL_BATCH),
    };
    let (count, rows, json) = fetch(first, limit)?;
    let pages = usize::try_from(count)
        .unwrap_or(usize::MAX)
        .div_ceil(page_size)
        .max(1);
    let shown_page = ask.page.unwrap_or(1);
    if shown_page > pages {
        return Err(Failure(text::no_such_page(lang, shown_page, pages)));
    }
    let mut lines = ListWriter {
        ask: &ask,
        head: &head,
        first: true,
    };
    let heading = text::list_heading(lang, overdue, &cutoff, count, (shown_page, pages));
    sink.put(&lines.begin(&heading, name, count, ask.page))?;
    sink.put(&lines.rows(&rows, &json))?;
    if ask.page.is_none() {
        let mut offset = first + rows.len();
        while (offset as u64) < count {
            let (_, rows, json) = fetch(offset, ALL_BATCH)?;
            if rows.is_empty() {
                break;
            }
            offset += rows.len();
            sink.put(&lines.rows(&rows, &json))?;
        }
    }
    let next = ask
        .page
        .filter(|p| *p < pages)
        .map(|p| text::list_next(lang, name, period_text, p + 1));
    sink.put(&lines.end(next.as_deref()))?;
    sink.finish()
}

/// One page of a list: its rows as the list shows them, and as JSON items.
fn fetch(
    store: &Store,
    (period, today): (Period, NaiveDate),
    overdue: bool,
    (offset, limit): (usize, usize),
    lang: Lang,
) -> Result<Fetched, Failure> {
    let policy = &store.office().policy;
    let failed = |e| Failure(errors::store(lang, &e));
    if overdue {
        let (n, items) = store
            .report_overdue_page(period, today, offset, limit)
            .map_err(failed)?;
        let rows = items.iter().map(|i| report::overdue_row(i, lang, policy));
        let json = items
            .iter()
            .map(|i| serde_json::to_value(i).unwrap_or_default());
        Ok((n, rows.collect(), json.collect()))
    } else {
        let (n, items) = store
            .report_supervised_page(period, today, offset, limit)
            .map_err(failed)?;
        let rows = items.iter().map(|i| report::supervised_row(i, lang));
        let json = items
            .iter()
            .map(|i| serde_json::to_value(i).unwrap_or_default());
        Ok((n, rows.collect(), json.collect()))
    }
}

/// Writes a list's pieces in its format.
struct ListWriter<'a> {
    ask: &'a Listing,
    head: &'a [&'a str],
    first: bool,
}

impl ListWriter<'_> {
    fn begin(&self, heading: &str, name: &str, count: u64, page: Option<usize>) -> String {
        match self.ask.format {
            ReportFormat::Json => {
                let page = page.map_or("null".to_owned(), |p| p.to_string());
                format!("{{\"list\":\"{name}\",\"count\":{count},\"page\":{page},\"items\":[")
            }
            ReportFormat::Csv => {
                let head: Vec<String> = self.head.iter().map(|h| csv_cell(h)).collect();
                format!("\u{feff}{}\r\n", head.join(","))
            }
            _ => format!("{heading}\n"),
        }
    }

    fn rows(&mut self, rows: &[Vec<String>], json: &[serde_json::Value]) -> String {
        match self.ask.format {
            ReportFormat::Json => {
                let mut o = String::new();
                for item in json {
                    if !std::mem::take(&mut self.first) {
                        o.push(',');
                    }
                    o.push_str(&item.to_string());
                }
                o
            }
            ReportFormat::Csv => rows
                .iter()
                .map(|r| {
                    let cells: Vec<String> = r.iter().map(|c| csv_cell(c)).collect();
                    cells.join(",") + "\r\n"
                })
                .collect(),
            _ if rows.is_empty() => String::new(),
            _ if std::mem::take(&mut self.first) => report::list_table(self.head, rows),
            // Later batches of `--all`: the rows without the heading again.
            _ => {
                let table = report::list_table(self.head, rows);
                table
                    .split_once('\n')
                    .map_or(table.clone(), |(_, r)| r.to_owned())
            }
        }
    }

    fn end(&self, next: Option<&str>) -> String {
        match (self.ask.format, next) {
            (ReportFormat::Json, _) => "]}\n".to_owned(),
            (ReportFormat::Csv, _) => String::new(),
            (_, Some(next)) => format!("{next}\n"),
            (_, None) => String::new(),
        }
    }
}

/// A CSV cell, quoted when it must be.
fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Where a list goes: a file (private), or standard output made safe for a terminal.
enum Sink {
    File(std::fs::File),
    /// With whether the text is JSON.
    Out(std::io::StdoutLock<'static>, bool),
}

impl Sink {
    fn open(out: Option<&Path>, lang: Lang, json: bool) -> Result<Sink, Failure> {
        Ok(match out {
            Some(path) => Sink::File(
                crate::files::private_file(path)
                    .map_err(|e| Failure(text::cannot_write(lang, path, &e)))?,
            ),
            None => Sink::Out(std::io::stdout().lock(), json),
        })
    }

    fn put(&mut self, s: &str) -> Result<(), Failure> {
        let written = match self {
            Sink::File(f) => f.write_all(s.as_bytes()),
            // No stored escape (a summary, a department) reaches a terminal.
            Sink::Out(o, true) => o.write_all(crate::display::json_safe(s).as_bytes()),
            Sink::Out(o, false) => o.write_all(crate::display::safe(s).as_bytes()),
        };
        match written {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure(format!("{e}"))),
            _ => Ok(()),
        }
    }

    fn finish(self) -> Result<(), Failure> {
        match self {
            Sink::File(f) => f.sync_all().map_err(|e| Failure(format!("{e}"))),
            Sink::Out(mut o, _) => o.flush().or_else(|e| match e.kind() {
                std::io::ErrorKind::BrokenPipe => Ok(()),
                _ => Err(Failure(format!("{e}"))),
            }),
        }
    }
}

/// `report`: one of the county's presets, a list a page at a time, or the report itself.
pub(super) fn command(
    env: &super::Env,
    cmd: super::Cmd,
) -> Result<std::process::ExitCode, Failure> {
    let super::Cmd::Report {
        period,
        format,
        out,
        top,
        preset,
        list: which,
        page,
        all,
    } = cmd
    else {
        return Ok(std::process::ExitCode::SUCCESS);
    };
    let (lang, today) = (env.lang, env.clock.today());
    let store = env.open_for_reading()?;
    if preset.preset.is_some() {
        let asked = super::report_preset::Asked {
            period: &period,
            format,
            out: out.as_deref(),
            top,
        };
        super::report_preset::run(&store, &preset, &asked, lang, today)?;
    } else if let Some(which) = which {
        let page = (!all).then_some(page);
        let ask = Listing {
            list: which,
            page,
            format,
        };
        list(&store, &period, ask, out.as_deref(), lang, today)?;
    } else {
        run(&store, &period, format, out.as_deref(), top, lang, today)?;
    }
    Ok(std::process::ExitCode::SUCCESS)
}
