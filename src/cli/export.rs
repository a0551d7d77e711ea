//! `xinfang export`: every case the reader may see, as JSON (each case with its events),
//! or as the register (信访登记簿, `crate::sheet`) in CSV or an Excel workbook.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;

use super::masked::mask_value;
use super::progress::Progress;
use crate::strings::progress::Job;

// Public with `write`, for the benchmarks.
pub use super::args::Format;
use crate::display::Terminal;
use crate::files::private_file;
use crate::sheet;
use crate::store::{CaseRef, Store, StoreError};
use crate::strings::{Lang, errors};

pub enum ExportError {
    Store(StoreError),
    Io(std::io::Error),
    /// The workbook could not be made, in words.
    Sheet(String),
    /// A workbook is a file: `--out` is needed.
    NeedsOut,
}

impl ExportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::Store(e) => errors::store(lang, e),
            ExportError::Io(e) => format!(
                "{}{}",
                lang.pick("写出失败：", "cannot write: "),
                crate::strings::input::io_reason(lang, e)
            ),
            ExportError::Sheet(s) => s.clone(),
            ExportError::NeedsOut => crate::strings::sheet::needs_out(lang).to_owned(),
        }
    }
}

impl From<StoreError> for ExportError {
    fn from(e: StoreError) -> Self {
        ExportError::Store(e)
    }
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        ExportError::Io(e)
    }
}

/// The reader's language and whether ID numbers and phones are shown whole.
#[derive(Debug, Clone, Copy)]
pub struct View {
    pub lang: Lang,
    pub full: bool,
}

/// Every case to `out` (standard output when None); ID numbers and phones masked
/// unless `full` (PIPL Art 51: the export leaves the ledger's encryption).
pub fn run(
    store: &Store,
    format: Format,
    out: Option<&Path>,
    today: NaiveDate,
    view: View,
) -> Result<(), ExportError> {
    let ids = store.all_ids()?;
    let bar = Progress::bar(view.lang, Job::Export, ids.len());
    let tick = || bar.inc();
    if format == Format::Xlsx {
        let out = out.ok_or(ExportError::NeedsOut)?;
        // Written whole under a temporary name, then renamed: never half a workbook.
        let bytes = workbook(store, &ids, today, view, &tick)?;
        return Ok(crate::store::write_whole(out, &bytes)?);
    }
    let mut w: Box<dyn Write> = match out {
        // The export holds ID numbers: private like the ledger.
        Some(p) => Box::new(std::io::BufWriter::new(private_file(p)?)),
        // Standard output may be a terminal: no stored escape reaches it (a file keeps
        // the text exactly; JSON keeps it as `\u` escapes).
        None => {
            let stdout = std::io::BufWriter::new(std::io::stdout().lock());
            match format {
                Format::Json => Box::new(Terminal::json(stdout)),
                Format::Csv | Format::Xlsx => Box::new(Terminal::text(stdout)),
            }
        }
    };
    write_with(store, format, &ids, &mut w, today, view, &tick)
}

/// The cases `ids` in `format` to `w`, flushed at the end. Public for the benchmarks,
/// which export a given number of cases from a larger ledger.
pub fn write(
    store: &Store,
    format: Format,
    ids: &[i64],
    w: &mut dyn Write,
    today: NaiveDate,
    view: View,
) -> Result<(), ExportError> {
    write_with(store, format, ids, w, today, view, &|| {})
}

/// As [`write`], calling `tick` after each case (the progress bar).
fn write_with(
    store: &Store,
    format: Format,
    ids: &[i64],
    w: &mut dyn Write,
    today: NaiveDate,
    view: View,
    tick: &dyn Fn(),
) -> Result<(), ExportError> {
    match format {
        Format::Json => write_json(store, ids, w, today, view.full, tick)?,
        Format::Csv => write_csv(store, ids, w, today, view, tick)?,
        Format::Xlsx => w.write_all(&workbook(store, ids, today, view, tick)?)?,
    }
    w.flush()?;
    Ok(())
}

/// One JSON array, a case with its events per element.
fn write_json(
    store: &Store,
    ids: &[i64],
    w: &mut dyn Write,
    today: NaiveDate,
    full: bool,
    tick: &dyn Fn(),
) -> Result<(), ExportError> {
    write!(w, "[")?;
    for (n, id) in ids.iter().enumerate() {
        tick();
        let row = store.case(&CaseRef::Id(*id), today)?;
        let events = store.events(*id)?;
        let mut v = json!({
            "id": row.case.id,
            "case_no": row.case.case_no,
            "state": row.case.state.code(),
            "version": row.version,
            "due": store.due_of(&row),
            "clocks": row.clocks,
            "case": row.case,
            "events": events,
        });
        if !full {
            mask_value(&mut v);
        }
        write!(w, "{}{v}", if n == 0 { "\n" } else { ",\n" })?;
    }
    writeln!(w, "\n]")?;
    Ok(())
}

/// The register as CSV: the BOM and the headings, then a line per case, written as read.
fn write_csv(
    store: &Store,
    ids: &[i64],
    w: &mut dyn Write,
    today: NaiveDate,
    view: View,
    tick: &dyn Fn(),
) -> Result<(), ExportError> {
    sheet::csv_head(w, &sheet::register_table(view.lang).columns)?;
    for id in ids {
        tick();
        let row = store.case(&CaseRef::Id(*id), today)?;
        sheet::csv_row(w, &sheet::register_row(&row, view.lang, view.full))?;
    }
    Ok(())
}

/// The register as a workbook's bytes.
fn workbook(
    store: &Store,
    ids: &[i64],
    today: NaiveDate,
    view: View,
    tick: &dyn Fn(),
) -> Result<Vec<u8>, ExportError> {
    let mut table = sheet::register_table(view.lang);
    for id in ids {
        tick();
        let row = store.case(&CaseRef::Id(*id), today)?;
        table
            .rows
            .push(sheet::register_row(&row, view.lang, view.full));
    }
    sheet::workbook(&[table]).map_err(|e| ExportError::Sheet(e.message(view.lang)))
}
