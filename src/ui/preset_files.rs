//! The report screen's files: `x` the report shown (HTML, CSV, Word), `p` the county's
//! reports (日报 of today, 周报 of this week, 月报 of the shown period) as HTML beside them,
//! each as the signed-in operator may see it (the store reads as the desk's viewer).

use super::app::App;
use super::messages::Msg;
use crate::domain::presets::Preset;
use crate::domain::stats::{DEFAULT_TOP, Period};
use crate::report::presets::{Doc, Form, render};
use crate::store::Store;
use crate::strings::{presets as words, report as report_words, report_screen as say};

pub fn write(store: &Store, app: &App, period: Period) -> Msg {
    let dir = reports_dir(store, app);
    if let Err(e) = crate::files::private_dirs(&dir) {
        return Msg::Failed(say::cannot_make_folder(app.lang, &dir, &e));
    }
    let (today, lang) = (app.today, app.lang);
    let week = Period::week_of(today);
    let failed = |e: crate::store::StoreError| Msg::Failed(crate::strings::errors::store(lang, &e));
    let daily = match store.unit_report(Preset::Daily, (today, today), today, DEFAULT_TOP) {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    let weekly = match store.weekly_report(week.start, week.end) {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    // 在办 and 已超期 are the cases as they stand: at today (`cli::report_preset` the same).
    let monthly = match store.unit_report(
        Preset::Monthly,
        (period.start, period.end),
        today,
        DEFAULT_TOP,
    ) {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    // The by-unit report of the period shown is named by its kind: a 周报 shown writes a
    // week's, beside the leaders' 周报 of this week.
    let docs = [
        (
            words::title(lang, Preset::Daily),
            today.to_string(),
            Doc::Units(&daily),
        ),
        (
            words::title(lang, Preset::Weekly),
            week.code(),
            Doc::Weekly(&weekly),
        ),
        (
            words::units_title(lang, Preset::Monthly, monthly.kind()),
            period.code(),
            Doc::Units(&monthly),
        ),
    ];
    let mut written = Vec::new();
    for (title, code, doc) in docs {
        let path = dir.join(format!("{title}-{code}.html"));
        let body = render(&doc, Form::Html, lang).unwrap_or_default();
        if let Err(e) = crate::files::write_private(&path, body.as_bytes()) {
            return Msg::Failed(report_words::cannot_write(lang, &path, &e));
        }
        written.push(path);
    }
    Msg::ReportWritten(written)
}

/// `reports/<operator>/` beside the ledger, where the desk writes the report and the
/// presets. Each file is what its reader may see (Art 30 第三款 leaves out of an accused
/// reader's report the accusation): in a folder of the reader's own, one reader's file never
/// replaces another's, and the accused opens his own.
pub fn reports_dir(store: &Store, app: &App) -> std::path::PathBuf {
    let ledger = store.path();
    let dir = ledger
        .parent()
        .unwrap_or_else(|| std::path::Path::new("."))
        .join("reports");
    match &app.operator {
        Some(who) => dir.join(crate::files::safe_name(&who.name)),
        None => dir,
    }
}

/// x on the report screen: the report shown, as HTML, CSV and Word (.docx), in `reports/` beside the
/// ledger (made if missing). An existing file of the same period is replaced: the report is
/// made again from the ledger, so the newest is the right one.
pub fn write_report(store: &Store, app: &App) -> Msg {
    use crate::report::{Format, render};
    use crate::strings::{report as words, report_screen as say};
    let Some(loaded) = &app.report().loaded else {
        return Msg::Idle;
    };
    let dir = reports_dir(store, app);
    if let Err(e) = crate::files::private_dirs(&dir) {
        return Msg::Failed(say::cannot_make_folder(app.lang, &dir, &e));
    }
    let stem = say::file_stem(app.lang, &loaded.report.period);
    let policy = &store.office().policy;
    let mut written = Vec::new();
    for format in [Format::Html, Format::Csv] {
        let path = dir.join(format!("{stem}.{}", format.extension()));
        let body = render(&loaded.report, format, app.lang, policy);
        if let Err(e) = crate::files::write_private(&path, body.as_bytes()) {
            return Msg::Failed(words::cannot_write(app.lang, &path, &e));
        }
        written.push(path);
    }
    // And in Word, which offices finish the report in (the analysis first, as printed).
    let path = dir.join(format!("{stem}.docx"));
    let written_docx = crate::report::render_docx(&loaded.report, app.lang, policy)
        .map_err(|e| words::cannot_write(app.lang, &path, &std::io::Error::other(e)))
        .and_then(|bytes| {
            crate::files::write_private(&path, &bytes)
                .map_err(|e| words::cannot_write(app.lang, &path, &e))
        });
    if let Err(said) = written_docx {
        return Msg::Failed(said);
    }
    written.push(path);
    Msg::ReportWritten(written)
}
