//! The demo: `xinfang demo` writes a demo ledger; `xinfang --demo` opens the desk on a
//! fresh one in the temporary directory, taken away when the desk closes.

use std::path::Path;
use std::process::ExitCode;

use super::{Env, Failure, desk, render, setup, signin, text};
use crate::store::{DataKey, Store};

/// The desk on a new demo ledger at `path`, as its first clerk unless --as
/// says otherwise.
pub(super) fn demo_desk(env: &Env, path: &Path) -> Result<ExitCode, Failure> {
    let key = write_demo(env, path, 2000, 1)?;
    let mut store = env.open_with(path, &key)?;
    let who = match env.cli.as_operator.clone() {
        Some(name) => Some(name),
        None => demo_clerk(env, &store)?,
    };
    // The demo says its passphrase on its first screen (the idle lock asks for it).
    let said = crate::strings::signin::demo_passphrase(env.lang, setup::DEMO_PASSPHRASE);
    desk(env, &mut store, who.as_deref(), Some(said))
}

/// The first clerk of a demo ledger.
fn demo_clerk(env: &Env, store: &Store) -> Result<Option<String>, Failure> {
    let operators = store.operators().map_err(|e| env.fail(e))?;
    Ok(operators
        .into_iter()
        .find(|o| o.role == crate::domain::types::Role::Clerk && o.active)
        .map(|o| o.name))
}

/// `demo`: the ledger written, its key of no further use (only the desk's --demo keeps it).
pub(super) fn demo(env: &Env, cases: usize, seed: u64) -> Result<ExitCode, Failure> {
    write_demo(env, &env.ledger_path()?, cases, seed).map(|_key| ExitCode::SUCCESS)
}

/// Writes a demo ledger of `cases` cases; only into a ledger without cases. A new
/// one gets a fresh key and a slot with the passphrase `demo` for every operator.
fn write_demo(env: &Env, path: &Path, cases: usize, seed: u64) -> Result<DataKey, Failure> {
    let fail = |e| env.fail(e);
    let fresh = !path.exists();
    let key = if fresh {
        setup::new_key(env, path)?
    } else {
        signin::key(env, path)?
    };
    let mut store = env.open_with(path, &key)?;
    if !store.has_no_cases().map_err(fail)? {
        return Err(Failure(text::demo_exists(env.lang).to_owned()));
    }
    let started = std::time::Instant::now();
    let opts = crate::demo::DemoOptions {
        cases,
        seed,
        now: env.clock.now(),
    };
    store.set_bulk_loading(true).map_err(fail)?;
    let summary = crate::demo::generate(&mut store, &opts).map_err(|e| Failure(e.to_string()));
    store.set_bulk_loading(false).map_err(fail)?;
    let summary = summary?;
    render::demo_summary(env.lang, &summary, started.elapsed(), store.path());
    if fresh {
        setup::demo_slots(env, &store, &key)?;
    }
    Ok(key)
}
