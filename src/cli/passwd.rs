//! `passwd`: an operator changes their own passphrase; a leader gives another
//! operator a one-time passphrase (a new person, a forgotten one), which the
//! desk asks them to replace at their next sign-in. Nobody can read one: a
//! passphrase only ever wraps its owner's copy of the ledger's key.

use std::path::Path;
use std::process::ExitCode;

use zeroize::Zeroizing;

use super::args::PasswdArgs;
use super::{Env, Failure, signin};
use crate::domain::audit::too_short;
use crate::domain::types::Role;
use crate::strings::signin as text;

/// Where the new passphrase comes from (else a prompt, typed twice).
pub(crate) struct NewFrom<'a> {
    pub file: Option<&'a Path>,
    pub fd: Option<i32>,
}

pub(crate) fn run(env: &Env, args: &PasswdArgs) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let for_operator = args.for_operator.as_deref();
    let new = &NewFrom {
        file: args.new_passphrase_file.as_deref(),
        fd: args.new_passphrase_fd,
    };
    let path = env.ledger_path()?;
    let (key, signer) = signin::sign_in_to_change(env, &path)?;
    let Some(signer) = signer else {
        // The recovery key signs nobody in: `recover` is for that.
        return Err(Failure(text::who(lang).to_owned()));
    };
    let mut store = env.open_with(&path, &key)?;
    let target = for_operator.unwrap_or(&signer);
    let one_time = target != signer;
    if one_time {
        let operators = store.operators().map_err(|e| env.fail(e))?;
        let leader = operators
            .iter()
            .any(|o| o.name == signer && o.role == Role::Leader && o.active);
        if !leader {
            return Err(Failure(text::reset_needs_leader(lang).to_owned()));
        }
        // A one-time passphrase opens only the change to one's own, even a leader's.
        let ring = crate::store::Keyring::load(&path).map_err(|e| env.fail(e.into()))?;
        if ring.must_change(&signer) {
            return Err(Failure(text::must_change_first(lang, &signer)));
        }
    }
    let pass = new_passphrase(env, target, new)?;
    store
        .set_passphrase(&signer, env.clock.now(), target, &pass, one_time)
        .map_err(|e| env.fail(e))?;
    println!("{}", text::passwd_done(lang, target, one_time));
    Ok(ExitCode::SUCCESS)
}

/// The new passphrase from its file or descriptor, else typed twice; long enough.
fn new_passphrase(env: &Env, name: &str, new: &NewFrom) -> Result<Zeroizing<String>, Failure> {
    let lang = env.lang;
    let pass = signin::secret(env, new.file, new.fd, &text::prompt_new(lang, name))?;
    if new.file.is_none() && new.fd.is_none() {
        let again = signin::secret(env, None, None, text::prompt_again(lang))?;
        if again != pass {
            return Err(Failure(text::mismatch(lang).to_owned()));
        }
    }
    if too_short(&pass) {
        return Err(Failure(text::too_short(lang)));
    }
    Ok(pass)
}
