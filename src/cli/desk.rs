//! The desk on an open ledger: who sits at it (`--as`, else the last one here, else the
//! pick list), and what a leader is told first.

use std::process::ExitCode;

use super::{Env, Failure};
use crate::domain::types::Role;
use crate::store::{Store, StoreError};
use crate::strings::cli as text;

/// Opens the terminal desk on the open ledger.
pub(super) fn desk(
    env: &Env,
    store: &mut Store,
    as_operator: Option<&str>,
    greeting: Option<String>,
) -> Result<ExitCode, Failure> {
    let fail = |e| env.fail(e);
    let operators = store.operators().map_err(fail)?;
    // --as, else the last operator of this ledger.
    let wanted = match as_operator {
        Some(name) => Some(name.to_owned()),
        None => store.meta("last_operator").map_err(fail)?,
    };
    let operator = match wanted {
        Some(name) => match operators.iter().find(|o| o.name == name) {
            Some(o) if o.active => Some(o.clone()),
            // The last one to use this desk, since taken off: the pick list instead.
            Some(_) if as_operator.is_none() => None,
            Some(_) => return Err(Failure(text::not_on_staff(env.lang, &name))),
            None => return Err(fail(StoreError::UnknownActor(name))),
        },
        None => None,
    };
    if let Some(o) = &operator {
        store.set_meta("last_operator", &o.name).map_err(fail)?;
    }
    // A ledger made by `init` has no letterhead yet: its leader is told where it is set,
    // before a document is refused for the want of it.
    let unnamed = store
        .office_profile()
        .is_ok_and(|p| p.name.trim().is_empty());
    let leader = operator.as_ref().is_some_and(|o| o.role == Role::Leader);
    let greeting = greeting
        .or_else(|| (unnamed && leader).then(|| text::letterhead_unset(env.lang).to_owned()));
    crate::ui::run(store, env.lang, operator, env.clock, greeting)
        .map_err(|e| Failure(e.to_string()))?;
    Ok(ExitCode::SUCCESS)
}
