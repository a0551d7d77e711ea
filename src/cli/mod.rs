//! The command line: `xinfang [--db PATH] [--lang zh-CN|en] [--as NAME] [COMMAND]`.
//! Errors go to stderr in the user's language with a non-zero exit code.

mod apply;
mod args;
pub mod export;
mod notice;
mod render;
mod replay;
mod report;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use crate::config::{Office, config_dir, default_ledger_path};
use crate::domain::repeat::PetitionerKey;
use crate::domain::types::State;
use crate::store::{CaseRef, ListFilter, Store};
use crate::strings::{Lang, cli as text, errors};
use args::{Cli, Cmd};

/// What went wrong, already in words.
pub(crate) struct Failure(String);

impl Failure {
    fn store(lang: Lang, e: &crate::store::StoreError) -> Failure {
        Failure(errors::store(lang, e))
    }
}

pub fn main() -> ExitCode {
    let lang = args::language_from_env();
    let cli = args::parse(lang);
    let lang = cli.lang.as_deref().and_then(Lang::parse).unwrap_or(lang);
    match run(cli, lang) {
        Ok(code) => code,
        Err(Failure(msg)) => {
            eprintln!("{}{msg}", text::error_prefix(lang));
            ExitCode::FAILURE
        }
    }
}

fn office(lang: Lang) -> Result<Office, Failure> {
    Office::load(config_dir().as_deref())
        .map_err(|e| Failure(format!("{}{e}", text::error_prefix(lang))))
}

fn ledger_path(cli: &Cli, lang: Lang) -> Result<PathBuf, Failure> {
    cli.db
        .clone()
        .or_else(default_ledger_path)
        .ok_or_else(|| Failure(text::no_ledger_path(lang).to_owned()))
}

fn open(cli: &Cli, lang: Lang) -> Result<Store, Failure> {
    open_writable(&ledger_path(cli, lang)?, lang)
}

/// Opens the ledger at `path` for writing, saying first when it is about to be upgraded.
fn open_writable(path: &std::path::Path, lang: Lang) -> Result<Store, Failure> {
    if let Ok(Some((from, to))) = Store::upgrade_pending(path) {
        eprintln!("{}", text::upgrading(lang, from, to));
    }
    Store::open(path, office(lang)?).map_err(|e| Failure::store(lang, &e))
}

/// Read-only commands work on a read-only ledger file too.
fn open_for_reading(cli: &Cli, lang: Lang) -> Result<Store, Failure> {
    Store::open_read_only(&ledger_path(cli, lang)?, office(lang)?)
        .map_err(|e| Failure::store(lang, &e))
}

pub(crate) fn now(store: &Store) -> DateTime<FixedOffset> {
    Utc::now().with_timezone(&store.office().policy.utc_offset)
}

fn today(store: &Store) -> NaiveDate {
    now(store).date_naive()
}

fn run(cli: Cli, lang: Lang) -> Result<ExitCode, Failure> {
    let fail = |e: crate::store::StoreError| Failure::store(lang, &e);
    let Some(cmd) = cli.cmd.clone() else {
        let path = if cli.demo {
            std::env::temp_dir().join(format!("xinfang-demo-{}.db", std::process::id()))
        } else {
            ledger_path(&cli, lang)?
        };
        // The demo opens as its first clerk unless --as says otherwise:
        // no setup, no pick list.
        let mut who = cli.as_operator.clone();
        if cli.demo {
            write_demo(&path, 2000, 1, lang)?;
            if who.is_none() {
                who = demo_clerk(&path, lang)?;
            }
        }
        return desk(&path, who.as_deref(), lang);
    };
    match cmd {
        Cmd::Demo { cases, seed } => {
            write_demo(&ledger_path(&cli, lang)?, cases, seed, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Apply { file } => {
            let mut store = open(&cli, lang)?;
            apply::run(&mut store, file.as_deref(), lang)
        }
        Cmd::Show { case, json } => {
            let store = open_for_reading(&cli, lang)?;
            let today = today(&store);
            let row = store.case(&CaseRef::parse(&case), today).map_err(fail)?;
            let events = store.events(row.case.id).map_err(fail)?;
            let main = row.case.intake.main_petitioner();
            let key = PetitionerKey::new(
                main.and_then(|p| p.id_number.as_deref()),
                main.and_then(|p| p.phone.as_deref()),
                main.map(|p| p.name.as_str()),
                main.and_then(|p| p.address.as_deref()),
                today,
            );
            let earlier: Vec<_> = store
                .earlier_cases(&key, 20, today)
                .map_err(fail)?
                .into_iter()
                .filter(|r| r.case.id != row.case.id)
                .collect();
            if json {
                render::print_json(&render::case_json(&store, &row, &events, &earlier));
            } else {
                render::case_text(lang, &store, &row, &events, &earlier);
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::List {
            state,
            overdue,
            due_within,
            limit,
            json,
        } => {
            let store = open_for_reading(&cli, lang)?;
            let state = match state {
                Some(s) => Some(State::from_code(&s).ok_or_else(|| {
                    Failure(format!(
                        "{}: {s} (intake | registered | assigned | replied | archived)",
                        lang.pick("没有这个状态", "no such state")
                    ))
                })?),
                None => None,
            };
            let filter = ListFilter {
                state,
                overdue,
                due_within,
                ..ListFilter::default()
            };
            render::list_pages(lang, &store, filter, limit, json, today(&store)).map_err(fail)?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Search {
            text: query,
            limit,
            json,
        } => {
            let store = open_for_reading(&cli, lang)?;
            let today = today(&store);
            let rows = store.search(&query, limit.max(1), today).map_err(fail)?;
            render::rows(lang, &store, &rows, json);
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Repeats {
            id_number,
            phone,
            name,
            address,
            json,
        } => {
            let store = open_for_reading(&cli, lang)?;
            let today = today(&store);
            let key = PetitionerKey::new(
                id_number.as_deref(),
                phone.as_deref(),
                name.as_deref(),
                address.as_deref(),
                today,
            );
            let rows = store.earlier_cases(&key, 100, today).map_err(fail)?;
            render::rows(lang, &store, &rows, json);
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Export { format, out } => {
            let store = open_for_reading(&cli, lang)?;
            export::run(&store, format, out.as_deref(), today(&store))
                .map_err(|e| Failure(e.message(lang)))?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Report {
            period,
            format,
            out,
            top,
        } => {
            let store = open_for_reading(&cli, lang)?;
            let today = today(&store);
            report::run(&store, &period, format, out.as_deref(), top, lang, today)?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Notice {
            case,
            kind,
            out,
            basis,
            review_organ,
            again,
            print,
        } => {
            let mut store = open(&cli, lang)?;
            let extra = crate::documents::Extra {
                basis,
                review_organ,
                again,
            };
            let who = cli.as_operator.as_deref();
            notice::run(
                &mut store,
                &case,
                &kind,
                who,
                &extra,
                out.as_deref(),
                print,
                lang,
            )
        }
        Cmd::Replay { keys, size, json } => {
            let opts = replay::Options {
                keys: &keys,
                size: &size,
                json,
            };
            replay::run(
                &ledger_path(&cli, lang)?,
                cli.as_operator.as_deref(),
                &opts,
                lang,
            )
        }
        Cmd::Check => {
            let store = open_for_reading(&cli, lang)?;
            let report = store.check().map_err(fail)?;
            render::check_report(lang, &report);
            Ok(if report.ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Cmd::Backup { dest } => {
            let store = open(&cli, lang)?;
            let report = store.backup(&dest).map_err(fail)?;
            render::check_report(lang, &report);
            Ok(if report.ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

/// The first clerk of a demo ledger.
fn demo_clerk(path: &std::path::Path, lang: Lang) -> Result<Option<String>, Failure> {
    let store = open_writable(path, lang)?;
    let operators = store.operators().map_err(|e| Failure::store(lang, &e))?;
    Ok(operators
        .into_iter()
        .find(|o| o.role == crate::domain::types::Role::Clerk && o.active)
        .map(|o| o.name))
}

/// Writes a demo ledger of `cases` cases; only into a ledger without cases.
fn write_demo(path: &std::path::Path, cases: usize, seed: u64, lang: Lang) -> Result<(), Failure> {
    let fail = |e: crate::store::StoreError| Failure::store(lang, &e);
    let mut store = open_writable(path, lang)?;
    if !store.has_no_cases().map_err(fail)? {
        return Err(Failure(text::demo_exists(lang).to_owned()));
    }
    let started = std::time::Instant::now();
    let opts = crate::demo::DemoOptions {
        cases,
        seed,
        now: now(&store),
    };
    store.set_bulk_loading(true).map_err(fail)?;
    let summary = crate::demo::generate(&mut store, &opts).map_err(|e| Failure(e.to_string()));
    store.set_bulk_loading(false).map_err(fail)?;
    let summary = summary?;
    render::demo_summary(lang, &summary, started.elapsed(), store.path());
    Ok(())
}

/// Opens the terminal desk on the ledger at `path`.
fn desk(
    path: &std::path::Path,
    as_operator: Option<&str>,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let fail = |e: crate::store::StoreError| Failure::store(lang, &e);
    let mut store = open_writable(path, lang)?;
    let operators = store.operators().map_err(fail)?;
    // --as, else the last operator of this ledger.
    let wanted = match as_operator {
        Some(name) => Some(name.to_owned()),
        None => store.meta("last_operator").map_err(fail)?,
    };
    let operator = match wanted {
        Some(name) => match operators.iter().find(|o| o.name == name) {
            Some(o) => Some(o.clone()),
            None => {
                return Err(Failure::store(
                    lang,
                    &crate::store::StoreError::UnknownActor(name),
                ));
            }
        },
        None => None,
    };
    if let Some(o) = &operator {
        store.set_meta("last_operator", &o.name).map_err(fail)?;
    }
    let today = today(&store);
    crate::ui::run(&mut store, lang, operator, today).map_err(|e| Failure(e.to_string()))?;
    Ok(ExitCode::SUCCESS)
}
