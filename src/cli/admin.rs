//! The leader's commands beside the cases: `audit` (the office journal), `operators`,
//! and `export` and `backup`, which are recorded in the office journal.

use std::path::Path;
use std::process::ExitCode;

use serde_json::json;

use super::export::{self, Format};
use super::{Env, Failure, exit_code, render};
use crate::domain::audit::{AuditResult, Audited};
use crate::domain::op::Act;
use crate::store::{Keyring, OfficeRecord, Store};
use crate::strings::progress::Job;
use crate::strings::{Lang, audit as text, labels, signin};

/// The signed-in operator, refused unless an active leader (with the recovery key
/// nobody is signed in: `--as` a leader is needed).
fn leader(env: &Env, store: &Store, act: Act) -> Result<String, Failure> {
    let Some(name) = env.signed_in() else {
        return Err(Failure(signin::who(env.lang).to_owned()));
    };
    store.leader(name, act).map_err(|e| env.fail(e))?;
    Ok(name.to_owned())
}

/// `apply`: each line as the signed-in operator, or as the operator it names when a
/// leader signed in (see `apply::Signer`).
pub(super) fn apply(env: &Env, file: Option<&Path>) -> Result<ExitCode, Failure> {
    let mut store = env.open()?;
    let who = super::apply::Signer::new(env.signed_in());
    super::apply::run(&mut store, &who, file, env.lang, &env.clock)
}

/// `export`: a leader's; says where the file went and that it is not encrypted.
pub(super) fn export(
    env: &Env,
    format: Format,
    out: Option<&Path>,
    full: bool,
) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let (mut store, writable) = env.open_recording()?;
    let who = leader(env, &store, Act::Export)?;
    let view = export::View { lang, full };
    let written = export::run(&store, format, out, env.clock.today(), view);
    let target = out.map_or_else(|| "-".to_owned(), |p| p.display().to_string());
    let rec = OfficeRecord {
        at: env.clock.now(),
        actor: who,
        act: Audited::Export,
        subject: target,
        detail: json!({"format": format!("{format:?}").to_lowercase(), "full": full}),
        result: if written.is_ok() {
            AuditResult::Ok
        } else {
            AuditResult::Failed
        },
    };
    if writable {
        store.record(&rec).map_err(|e| env.fail(e))?;
    }
    written.map_err(|e| Failure(e.message(lang)))?;
    match out {
        Some(p) => say_err!("{}", text::exported(lang, p, full)),
        None => say_err!("{}", text::exported_to_stdout(lang)),
    }
    // Excel reads a CSV's whole ID numbers as numbers (4.40305199303261E+17, digits lost).
    if full && format == Format::Csv {
        say_err!("{}", text::csv_ids_in_excel(lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// `backup`: the copy, checked, and recorded (who, where, whether it checked whole).
pub(super) fn backup(env: &Env, dest: &Path) -> Result<ExitCode, Failure> {
    let (mut store, writable) = env.open_recording()?;
    let spinner = super::progress::Progress::spinner(env.lang, Job::Backup);
    let report = store.backup(dest);
    drop(spinner);
    let ok = matches!(&report, Ok(r) if r.ok());
    let rec = OfficeRecord {
        at: env.clock.now(),
        actor: env
            .signed_in()
            .unwrap_or(crate::store::RECOVERY_KEY)
            .to_owned(),
        act: Audited::Backup,
        subject: dest.display().to_string(),
        detail: json!({}),
        result: if ok {
            AuditResult::Ok
        } else {
            AuditResult::Failed
        },
    };
    if writable {
        store.record(&rec).map_err(|e| env.fail(e))?;
    }
    let report = report.map_err(|e| env.fail(e))?;
    render::check_report(env.lang, &report);
    if report.ok() {
        say!("{}", crate::strings::cli::backup_written(env.lang, dest));
    }
    Ok(exit_code(report.ok()))
}

/// `audit [--since DATE] [--json]`: the office journal, oldest first.
pub(super) fn audit(env: &Env, since: Option<&str>, json: bool) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let store = env.open_for_reading()?;
    let who = leader(env, &store, Act::Audit)?;
    let since = since.map(|s| since_date(lang, s)).transpose()?;
    let events = store
        .office_journal(&who, since.as_deref())
        .map_err(|e| env.fail(e))?;
    if json {
        render::print_json(&json!(events));
        return Ok(ExitCode::SUCCESS);
    }
    if events.is_empty() {
        say!("{}", text::empty(lang));
        return Ok(ExitCode::SUCCESS);
    }
    say!("{}", text::headings(lang).join("\t"));
    for e in &events {
        let subject = match e.detail.as_object() {
            Some(m) if !m.is_empty() => format!("{} {}", e.subject, e.detail),
            _ => e.subject.clone(),
        };
        say!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            e.seq,
            // To the second, as a person reads it (the JSON keeps the whole time).
            e.at.get(..19).unwrap_or(&e.at).replace('T', " "),
            e.actor,
            text::act_code(lang, &e.act),
            subject.trim(),
            text::result_code(lang, &e.result)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `--since`: a date (YYYY-MM-DD), compared with the stored times as text.
fn since_date(lang: Lang, s: &str) -> Result<String, Failure> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.to_string())
        .map_err(|_| {
            Failure(format!(
                "{}{s}",
                lang.pick(
                    "--since 应为日期，如 2026-12-01，而不是 ",
                    "--since must be a date such as 2026-12-01, not "
                )
            ))
        })
}

/// `operators [--json]`: name, role, department, unit, active, locked (from the slots).
pub(super) fn operators(env: &Env, json: bool) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let store = env.open_for_reading()?;
    leader(env, &store, Act::Audit)?;
    let operators = store.operators().map_err(|e| env.fail(e))?;
    // Each one's own unit (an accusation naming it is kept from them), else the office's.
    let office = store
        .meta("office_name")
        .map_err(|e| env.fail(e))?
        .unwrap_or_default();
    let unit_of = |o: &crate::domain::rules::Operator| {
        (o.unit.iter().chain([&office]))
            .find(|u| !u.trim().is_empty())
            .cloned()
    };
    // The lockouts live in the slots file; none is readable with the recovery key alone.
    let ring = Keyring::load(store.path()).ok();
    let now = env.clock.now();
    let locked = |name: &str| ring.as_ref().and_then(|r| r.locked_until(name, now));
    if json {
        let rows: Vec<_> = operators
            .iter()
            .map(|o| {
                json!({
                    "name": o.name,
                    "role": o.role.code(),
                    "department": o.department,
                    "unit": unit_of(o),
                    "active": o.active,
                    "locked_until": locked(&o.name).map(|u| u.to_rfc3339()),
                })
            })
            .collect();
        render::print_json(&json!(rows));
        return Ok(ExitCode::SUCCESS);
    }
    say!("{}", text::operator_headings(lang).join("\t"));
    for o in &operators {
        let mut status = text::active(lang, o.active).to_owned();
        if let Some(until) = locked(&o.name) {
            status.push_str(&text::locked_until(
                lang,
                &until.format("%F %R").to_string(),
            ));
        }
        say!(
            "{}\t{}\t{}\t{}\t{}",
            o.name,
            labels::role(lang, o.role),
            o.department.as_deref().unwrap_or("-"),
            unit_of(o).as_deref().unwrap_or("-"),
            status
        );
    }
    Ok(ExitCode::SUCCESS)
}
