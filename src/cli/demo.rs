//! The demo: `xinfang demo` writes a demo ledger; `xinfang --demo` opens the desk on a
//! fresh one in the temporary directory, taken away when the desk closes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::desk::desk;
use super::{Env, Failure, render, setup, signin, text};
use crate::store::{DataKey, Store, StoreError, receipt_path, sidecar_path};
use crate::strings::progress::Job;

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
/// one gets a fresh key and a slot with the passphrase `demo` for every operator, and is
/// written under a temporary name beside `path`, renamed when whole: a demo interrupted
/// leaves no half-made ledger under the name asked for.
fn write_demo(env: &Env, path: &Path, cases: usize, seed: u64) -> Result<DataKey, Failure> {
    if path.exists() {
        return fill_demo(env, path, path, cases, seed);
    }
    if sidecar_path(path).exists() {
        let slots = sidecar_path(path).display().to_string();
        return Err(env.fail(StoreError::AlreadyExists(slots)));
    }
    let mut part = path.as_os_str().to_owned();
    part.push(format!(".part-{}", std::process::id()));
    let part = PathBuf::from(part);
    let made = fill_demo(env, &part, path, cases, seed).and_then(|key| {
        put_in_place(&part, path).map_err(|e| env.fail(e.into()))?;
        Ok(key)
    });
    if made.is_err() {
        for f in ledger_files(&part) {
            let _ = std::fs::remove_file(f);
        }
    }
    made
}

/// The ledger file and the files beside it that belong to it.
fn ledger_files(ledger: &Path) -> [PathBuf; 5] {
    let beside = |tail: &str| {
        let mut name = ledger.as_os_str().to_owned();
        name.push(tail);
        PathBuf::from(name)
    };
    [
        sidecar_path(ledger),
        receipt_path(ledger),
        beside("-wal"),
        beside("-shm"),
        ledger.to_owned(),
    ]
}

/// The whole demo ledger under its name: slots and receipt first, the ledger last, linked
/// (never over a file made there meanwhile) and its temporary name removed.
fn put_in_place(part: &Path, path: &Path) -> std::io::Result<()> {
    std::fs::rename(sidecar_path(part), sidecar_path(path))?;
    if receipt_path(part).exists() {
        std::fs::rename(receipt_path(part), receipt_path(path))?;
    }
    std::fs::hard_link(part, path)?;
    std::fs::remove_file(part)
}

/// The demo written into the ledger at `path`, shown as `shown`.
fn fill_demo(
    env: &Env,
    path: &Path,
    shown: &Path,
    cases: usize,
    seed: u64,
) -> Result<DataKey, Failure> {
    let fail = |e| env.fail(e);
    let fresh = !path.exists();
    let (key, who) = if fresh {
        (setup::new_key(env, path)?, None)
    } else {
        signin::sign_in(env, path)?
    };
    let mut store = env.open_with(path, &key)?;
    // Into an existing ledger: only its active staff write (a slot alone opens nothing).
    if let Some(name) = &who {
        env.on_staff(&store, name)?;
    }
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
    let bar = super::progress::Progress::bar(env.lang, Job::Demo, cases);
    let summary = crate::demo::generate_with(&mut store, &opts, |done, _| bar.set(done))
        .map_err(|e| Failure(e.to_string()));
    drop(bar);
    store.set_bulk_loading(false).map_err(fail)?;
    let summary = summary?;
    render::demo_summary(env.lang, &summary, started.elapsed(), shown);
    if fresh {
        setup::demo_slots(env, &store, &key)?;
    }
    Ok(key)
}
