//! `xinfang export`: every case with its petitioners, state, due dates and
//! events, as one JSON array or CSV, written case by case.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde_json::{Value, json};

// Public with `write`, for the benchmarks.
pub use super::args::Format;
use crate::display::Terminal;
use crate::domain::case::{Case, Petitioner};
use crate::domain::identity::mask_id;
use crate::domain::phone::mask_phone;
use crate::files::private_file;
use crate::report::csv_cell;
use crate::store::{CaseRef, Store, StoreError};
use crate::strings::{Lang, errors};

pub enum ExportError {
    Store(StoreError),
    Io(std::io::Error),
}

impl ExportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::Store(e) => errors::store(lang, e),
            ExportError::Io(e) => format!("{}{e}", lang.pick("写出失败：", "cannot write: ")),
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

/// Every case to `out` (standard output when None); ID numbers and phones masked
/// unless `full` (PIPL Art 51: the export leaves the ledger's encryption).
pub fn run(
    store: &Store,
    format: Format,
    out: Option<&Path>,
    today: NaiveDate,
    full: bool,
) -> Result<(), ExportError> {
    let mut w: Box<dyn Write> = match out {
        // The export holds ID numbers: private like the ledger.
        Some(p) => Box::new(std::io::BufWriter::new(private_file(p)?)),
        // Standard output may be a terminal: no stored escape reaches it (a file keeps
        // the text exactly; JSON keeps it as `\u` escapes).
        None => {
            let stdout = std::io::BufWriter::new(std::io::stdout().lock());
            match format {
                Format::Json => Box::new(Terminal::json(stdout)),
                Format::Csv => Box::new(Terminal::text(stdout)),
            }
        }
    };
    let ids = store.all_ids()?;
    match format {
        Format::Json => write_json(store, &ids, &mut w, today, full)?,
        Format::Csv => write_csv(store, &ids, &mut w, today, full)?,
    }
    w.flush()?;
    Ok(())
}

/// The cases `ids` in `format` to `w` in full, flushed at the end. Public for the
/// benchmarks, which export a given number of cases from a larger ledger.
pub fn write(
    store: &Store,
    format: Format,
    ids: &[i64],
    w: &mut dyn Write,
    today: NaiveDate,
) -> Result<(), ExportError> {
    match format {
        Format::Json => write_json(store, ids, w, today, true)?,
        Format::Csv => write_csv(store, ids, w, today, true)?,
    }
    w.flush()?;
    Ok(())
}

/// Masks every `id_number` and `phone` string in `v`, wherever it sits (the case, and
/// the intake inside its first journal event), with the lists' masks.
fn mask_value(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, field) in map.iter_mut() {
                match (k.as_str(), &field) {
                    ("id_number", Value::String(s)) => *field = Value::String(mask_id(s)),
                    ("phone", Value::String(s)) => *field = Value::String(mask_phone(s)),
                    _ => mask_value(field),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_value),
        _ => {}
    }
}

/// One JSON array, a case with its events per element.
fn write_json(
    store: &Store,
    ids: &[i64],
    w: &mut dyn Write,
    today: NaiveDate,
    full: bool,
) -> Result<(), ExportError> {
    write!(w, "[")?;
    for (n, id) in ids.iter().enumerate() {
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

/// The CSV columns before the due dates (one per policy clock) and the events.
const CSV_COLUMNS: [&str; 19] = [
    "id",
    "case_no",
    "state",
    "channel",
    "received_at",
    "people",
    "category",
    "handling_type",
    "urgency",
    "petitioners",
    "id_numbers",
    "phones",
    "target",
    "summary",
    "request",
    "decision",
    "department",
    "handler",
    "outcome",
];

/// A heading line, then a line per case.
fn write_csv(
    store: &Store,
    ids: &[i64],
    w: &mut dyn Write,
    today: NaiveDate,
    full: bool,
) -> Result<(), ExportError> {
    let clock_keys: Vec<String> = store
        .office()
        .policy
        .clocks
        .iter()
        .map(|c| c.key.clone())
        .collect();
    let mut head: Vec<String> = CSV_COLUMNS.into_iter().map(str::to_owned).collect();
    head.extend(clock_keys.iter().map(|k| format!("due_{k}")));
    head.push("events".to_owned());
    writeln!(w, "{}", head.join(","))?;
    for id in ids {
        let row = store.case(&CaseRef::Id(*id), today)?;
        let events = store.events(*id)?;
        let due = store.due_of(&row);
        let mut cells = case_cells(&row.case, full);
        cells.extend(clock_keys.iter().map(|k| {
            due.get(k)
                .copied()
                .flatten()
                .map(|d| d.to_string())
                .unwrap_or_default()
        }));
        cells.push(
            events
                .iter()
                .map(|e| format!("{} {} {}", e.at, e.op, e.actor))
                .collect::<Vec<_>>()
                .join("; "),
        );
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        writeln!(w, "{}", line.join(","))?;
    }
    Ok(())
}

/// The cells of [`CSV_COLUMNS`] for a case.
fn case_cells(c: &Case, full: bool) -> Vec<String> {
    let i = &c.intake;
    let join = |f: &dyn Fn(&Petitioner) -> Option<String>| {
        i.petitioners
            .iter()
            .filter_map(f)
            .collect::<Vec<_>>()
            .join(";")
    };
    vec![
        c.id.to_string(),
        c.case_no.clone().unwrap_or_default(),
        c.state.code().to_owned(),
        i.channel.code().to_owned(),
        i.received_at.to_rfc3339(),
        i.people.to_string(),
        i.category.clone(),
        code(&i.handling_type),
        code(&i.urgency),
        join(&|p| Some(p.name.clone())),
        join(&|p| {
            p.id_number
                .as_deref()
                .map(|n| if full { n.to_owned() } else { mask_id(n) })
        }),
        join(&|p| {
            p.phone
                .as_deref()
                .map(|n| if full { n.to_owned() } else { mask_phone(n) })
        }),
        i.target.clone().unwrap_or_default(),
        i.summary.clone(),
        i.request.clone(),
        c.decision
            .as_ref()
            .map(|d| d.decision.code().to_owned())
            .unwrap_or_default(),
        c.assignment
            .as_ref()
            .map(|a| a.department.clone())
            .unwrap_or_default(),
        c.assignment
            .as_ref()
            .map(|a| a.handler.clone())
            .unwrap_or_default(),
        c.reply
            .as_ref()
            .and_then(|r| r.outcome)
            .map(|o| code(&o))
            .unwrap_or_default(),
    ]
}

fn code<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
