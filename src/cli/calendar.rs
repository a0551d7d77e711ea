//! `calendar import FILE`: the State Council's table for a year, checked and put into the
//! office's config directory, where `Office::load` reads it on every start. When there is a
//! ledger (`--db`, `XINFANG_DB`, or the default one when it exists), its open cases' stored
//! due dates are re-stamped with the new table in one journaled transaction, so that the
//! queue sorts by the dates in force and `check` agrees.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::CalendarCmd;
use super::{Env, Failure, signin};
use crate::config::{Office, config_dir, default_ledger_path, install_holiday_table};
use crate::domain::calendar::import::check_table;
use crate::domain::op::Act;
use crate::store::{RECOVERY_KEY, Store};
use crate::strings::{calendar as text, errors};

pub(super) fn run(env: &Env, action: &CalendarCmd) -> Result<ExitCode, Failure> {
    match action {
        CalendarCmd::Import { file } => import(env, file),
    }
}

fn import(env: &Env, file: &Path) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let json =
        std::fs::read_to_string(file).map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    let year = check_table(&json).map_err(|p| Failure(text::table_problem(lang, file, &p)))?;
    let dir = config_dir().ok_or_else(|| Failure(text::no_config_dir(lang).to_owned()))?;
    // Signed in before the table goes in: a wrong passphrase must not leave the office
    // with a new calendar and a ledger still stamped with the old one.
    let ledger = ledger(env);
    let signed = ledger
        .as_ref()
        .map(|path| signin::sign_in(env, path))
        .transpose()?;
    if let (Some(path), Some((key, Some(name)))) = (&ledger, &signed) {
        let store =
            Store::open_read_only(path, env.office.clone(), key).map_err(|e| env.fail(e))?;
        store.leader(name, Act::Settings).map_err(|e| env.fail(e))?;
    }
    let to = install_holiday_table(&dir, year, &json)
        .map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
    say!("{}", text::imported(lang, year, &to));
    let (Some(path), Some((key, who))) = (ledger, signed) else {
        return Ok(ExitCode::SUCCESS);
    };
    // The calendar now in force, exactly as the next open (and `check`) will read it.
    let office = Office::load(Some(&dir)).map_err(|e| Failure(e.to_string()))?;
    let not_restamped = |e| Failure(text::not_restamped(lang, &path, &errors::store(lang, &e)));
    let mut store = Store::open(&path, office, &key).map_err(not_restamped)?;
    store
        .journal_sign_in(who.as_deref(), env.clock.now())
        .map_err(not_restamped)?;
    let actor = who.as_deref().unwrap_or(RECOVERY_KEY);
    let done = store
        .restamp_due(actor, env.clock.now(), year)
        .map_err(not_restamped)?;
    say!(
        "{}",
        text::restamped(lang, &path, done.open, done.moved.len())
    );
    Ok(ExitCode::SUCCESS)
}

/// The ledger whose due dates follow the office's calendar: the one named (`--db`,
/// `XINFANG_DB`), else the default one if there is one yet.
fn ledger(env: &Env) -> Option<PathBuf> {
    match &env.cli.db {
        Some(p) => Some(p.clone()),
        None => default_ledger_path().filter(|p| p.exists()),
    }
}
