//! `xinfang report --preset daily|weekly|monthly|special`: the county's reports (seed 002),
//! as the signed-in operator may see them, in text, HTML, CSV or JSON.

use std::io::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use super::Failure;
use super::args::ReportFormat;
use super::args_preset::{PresetArgs, PresetName};
use crate::domain::presets::Preset;
use crate::domain::stats::Period;
use crate::files::write_private;
use crate::report::presets::{Doc, Form, render};
use crate::store::{CaseRef, Store};
use crate::strings::{Lang, errors, presets as words, report as text};

/// What `report --preset` was asked for, beside the preset's own arguments.
pub struct Asked<'a> {
    pub period: &'a str,
    pub format: ReportFormat,
    pub out: Option<&'a Path>,
    /// How many case numbers a line lists.
    pub top: usize,
}

fn day(lang: Lang, s: Option<&str>, today: NaiveDate) -> Result<NaiveDate, Failure> {
    match s {
        None => Ok(today),
        Some(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| Failure(words::bad_date(lang, s))),
    }
}

fn form(lang: Lang, f: ReportFormat) -> Result<Form, Failure> {
    match f {
        ReportFormat::Text => Ok(Form::Text),
        ReportFormat::Html => Ok(Form::Html),
        ReportFormat::Csv => Ok(Form::Csv),
        ReportFormat::Json => Ok(Form::Json),
        ReportFormat::Xlsx | ReportFormat::Docx => Err(Failure(words::no_sheet(lang).to_owned())),
    }
}

pub fn run(
    store: &Store,
    p: &PresetArgs,
    asked: &Asked,
    lang: Lang,
    today: NaiveDate,
) -> Result<(), Failure> {
    let form = form(lang, asked.format)?;
    let failed = |e: crate::store::StoreError| Failure(errors::store(lang, &e));
    let period =
        |s: &str| Period::parse(s, today).map_err(|e| Failure(text::period_error(lang, &e)));
    let (units, weekly, special);
    let doc = match p.preset {
        None | Some(PresetName::Daily) => {
            let d = day(lang, p.date.as_deref(), today)?;
            units = store
                .unit_report(Preset::Daily, (d, d), d, asked.top)
                .map_err(failed)?;
            Doc::Units(&units)
        }
        Some(PresetName::Monthly) => {
            let m = period(asked.period)?;
            // 在办 and 已超期 are read from the cases as they stand: counted at today, and
            // said so, whatever month the flows are of.
            units = store
                .unit_report(Preset::Monthly, (m.start, m.end), today, asked.top)
                .map_err(failed)?;
            Doc::Units(&units)
        }
        Some(PresetName::Weekly) => {
            // `--week D`, else `--period` when one was given, else this week.
            let w = match (p.week.as_deref(), asked.period) {
                (Some(d), _) => Period::week_of(day(lang, Some(d), today)?),
                (None, "month") => Period::week_of(today),
                (None, other) => period(other)?,
            };
            weekly = store.weekly_report(w.start, w.end).map_err(failed)?;
            Doc::Weekly(&weekly)
        }
        Some(PresetName::Special) => {
            let case = p
                .case
                .as_deref()
                .ok_or_else(|| Failure(words::needs_case(lang).to_owned()))?;
            special = store
                .special_report(&CaseRef::parse(case), today)
                .map_err(failed)?;
            Doc::Special(&special)
        }
    };
    let body = render(&doc, form, lang).ok_or_else(|| Failure(words::no_csv(lang).to_owned()))?;
    write(&body, form, asked.out, lang)
}

fn write(body: &str, form: Form, out: Option<&Path>, lang: Lang) -> Result<(), Failure> {
    if let Some(path) = out {
        return write_private(path, body.as_bytes())
            .map_err(|e| Failure(text::cannot_write(lang, path, &e)));
    }
    // Standard output may be a terminal: no stored escape reaches it.
    let shown = match form {
        Form::Json => crate::display::json_safe(body),
        Form::Text | Form::Csv | Form::Html => crate::display::safe(body),
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(shown.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure(format!("{e}"))),
        _ => Ok(()),
    }
}
