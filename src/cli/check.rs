//! `xinfang check`: every page and table of the ledger recomputed and compared, on a
//! read-only connection; the sign-in recorded only once the ledger is found sound.

use std::path::Path;
use std::process::ExitCode;

use super::{Env, Failure, exit_code, progress, render, signin};
use crate::store::{DataKey, Store};
use crate::strings::{damage, errors};

/// `check`: exit 1 when broken; with `--json`, a ledger that cannot be read through is one
/// JSON object on stdout too (`"ok": false` and the error), for the script that runs it.
pub(super) fn check(env: &Env, quick: bool, deep: bool, json: bool) -> Result<ExitCode, Failure> {
    let checked = check_ledger(env, quick, deep, json);
    if let (Err(failed), true) = (&checked, json) {
        render::check_failed_json(&failed.0);
    }
    checked
}

fn check_ledger(env: &Env, quick: bool, deep: bool, json: bool) -> Result<ExitCode, Failure> {
    let path = env.ledger_path()?;
    let (key, who) = signin::sign_in(env, &path)?;
    // Read only until it is known sound: a damage `open` cannot see (a page deep in the
    // file) would otherwise be found after the sign-in had been written into the ledger
    // that `check` then says was left untouched.
    let store = Store::open_read_only(&path, env.office.clone(), &key).map_err(|e| env.fail(e))?;
    // An older ledger is upgraded first, as every command does (a write in any case).
    let behind = store.behind_schema().map_err(|e| env.fail(e))?;
    let store = if behind {
        drop(store);
        let mut store = env.open_with(&path, &key)?;
        env.journal_sign_in(&mut store, who.clone())?;
        store
    } else {
        let _ = env.signed_in.set(who.clone());
        store
    };
    let store = match env.read_as_signed_in(store) {
        Ok(store) => store,
        Err(refused) => {
            // Not on staff: on record as the writable open records it.
            if let (false, Ok(mut store)) = (behind, env.open_store(&path, &key)) {
                let _ = env.journal_sign_in(&mut store, who);
            }
            return Err(refused);
        }
    };
    crate::store::cipher_errors_to_stderr();
    let spinner = progress::Progress::spinner(env.lang, crate::strings::progress::Job::Check);
    let report = if quick {
        store.check_quick()
    } else if deep {
        store.check_deep()
    } else {
        store.check()
    };
    drop(spinner);
    let report = report.map_err(|e| env.fail(e))?;
    drop(store);
    if json {
        render::check_json(&report);
    } else {
        render::check_report(env.lang, &report);
    }
    if report.ok() && !behind {
        env.record_sign_in(&path, &key, who);
    }
    Ok(exit_code(report.ok()))
}

impl Env {
    /// The sign-in of a command that read the ledger read-only (`check`), recorded once the
    /// ledger is known sound; a ledger that cannot be written says so on stderr.
    fn record_sign_in(&self, path: &Path, key: &DataKey, who: Option<String>) {
        let recorded = self
            .open_store(path, key)
            .and_then(|mut store| store.journal_sign_in(who.as_deref(), self.clock.now()));
        if let Err(e) = recorded {
            eprintln!(
                "{}",
                damage::not_recorded(self.lang, &errors::store(self.lang, &e))
            );
        }
    }
}
