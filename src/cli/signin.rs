//! Signing in from the command line: whose key slot (`--as NAME`) and the
//! passphrase from `--passphrase-file`, `--passphrase-fd` or a prompt without
//! echo — never from argv or an environment variable's value, which other
//! users of the machine can read (`ps`, /proc/PID/environ).

use std::path::Path;

use zeroize::Zeroizing;

use super::{Env, Failure};
use crate::store::{DataKey, KeyError, Keyring, StoreError, is_plaintext};
use crate::strings::signin as text;

/// The data key of the existing ledger at `path` (see [`sign_in`]).
pub(crate) fn key(env: &Env, path: &Path) -> Result<DataKey, Failure> {
    sign_in(env, path).map(|(key, _)| key)
}

/// The data key of the existing ledger at `path` and who signed in: from the
/// recovery key when one is given (nobody), else from `--as`'s slot and
/// passphrase. Checks first what would make the key useless (no ledger, a
/// plaintext ledger), so that nobody types a passphrase for nothing.
pub(crate) fn sign_in(env: &Env, path: &Path) -> Result<(DataKey, Option<String>), Failure> {
    unlock(env, path, false)
}

/// As [`sign_in`], also with a one-time passphrase: `passwd`, which replaces it.
pub(crate) fn sign_in_to_change(
    env: &Env,
    path: &Path,
) -> Result<(DataKey, Option<String>), Failure> {
    unlock(env, path, true)
}

/// [`sign_in`]; a one-time passphrase opens the ledger only when `one_time_ok`.
fn unlock(env: &Env, path: &Path, one_time_ok: bool) -> Result<(DataKey, Option<String>), Failure> {
    let lang = env.lang;
    let fail = |e: KeyError| Failure::store(lang, &StoreError::Key(e));
    if !path.exists() {
        return Err(Failure(text::no_ledger(lang, path)));
    }
    if is_plaintext(path) {
        return Err(fail(KeyError::NotEncrypted));
    }
    if let Some(key) = recovery_key(env) {
        return Ok((key?, None));
    }
    let mut ring = Keyring::load(path).map_err(fail)?;
    let name = signer(env, &ring)?;
    let passphrase = passphrase(env, &text::prompt(lang, &name))?;
    let key = ring
        .unlock(&name, &passphrase, env.clock.now())
        .map_err(fail)?;
    if ring.must_change(&name) && !one_time_ok {
        return Err(Failure(text::must_change_first(lang, &name)));
    }
    Ok((key, Some(name)))
}

/// The data key from `--recovery-key-file`, when one is given; it needs no ledger nor
/// slot (`restore` into a place where the ledger was lost).
pub(crate) fn recovery_key(env: &Env) -> Option<Result<DataKey, Failure>> {
    let lang = env.lang;
    let file = env.cli.recovery_key_file.as_ref()?;
    warn_if_open(lang, file);
    Some(
        first_line(file)
            .map_err(|e| Failure(text::unreadable(lang, file, &e)))
            .and_then(|line| {
                DataKey::from_recovery(&line).map_err(|e| Failure::store(lang, &StoreError::Key(e)))
            }),
    )
}

/// The desk's sign-in: its own screen (names with a slot, masked passphrase,
/// lockout, a one-time passphrase replaced), or as `sign_in` when the command
/// line brings the secret. Quitting the screen ends the desk quietly.
pub(crate) fn desk_sign_in(env: &Env, path: &Path) -> Result<(DataKey, Option<String>), Failure> {
    let cli = &env.cli;
    if cli.passphrase_file.is_some()
        || cli.passphrase_fd.is_some()
        || cli.recovery_key_file.is_some()
    {
        return sign_in(env, path);
    }
    let lang = env.lang;
    let fail = |e: KeyError| Failure::store(lang, &StoreError::Key(e));
    if !path.exists() {
        return Err(Failure(text::no_ledger(lang, path)));
    }
    if is_plaintext(path) {
        return Err(fail(KeyError::NotEncrypted));
    }
    let mut ring = Keyring::load(path).map_err(fail)?;
    let signed = crate::ui::sign_in(&mut ring, cli.as_operator.as_deref(), lang, env.clock)
        .map_err(|e| Failure(e.to_string()))?;
    match signed {
        Some((key, name)) => Ok((key, Some(name))),
        None => std::process::exit(0),
    }
}

/// `--as`, else the ledger's only slot; with several and no `--as`, ask.
fn signer(env: &Env, ring: &Keyring) -> Result<String, Failure> {
    if let Some(name) = &env.cli.as_operator {
        return Ok(name.clone());
    }
    match ring.operators().as_slice() {
        [only] => Ok((*only).to_owned()),
        _ => Err(Failure(text::who(env.lang).to_owned())),
    }
}

/// The passphrase from the file or descriptor the command line names, else a
/// prompt on the terminal without echo.
pub(crate) fn passphrase(env: &Env, prompt: &str) -> Result<Zeroizing<String>, Failure> {
    let (file, fd) = (env.cli.passphrase_file.as_deref(), env.cli.passphrase_fd);
    secret(env, file, fd, prompt)
}

/// A secret from `file`'s first line, from descriptor `fd`, else a prompt
/// without echo; never empty.
pub(crate) fn secret(
    env: &Env,
    file: Option<&Path>,
    fd: Option<i32>,
    prompt: &str,
) -> Result<Zeroizing<String>, Failure> {
    let lang = env.lang;
    let pass = if let Some(file) = file {
        warn_if_open(lang, file);
        first_line(file).map_err(|e| Failure(text::unreadable(lang, file, &e)))?
    } else if let Some(fd) = fd {
        from_fd(fd).map_err(|e| Failure(text::bad_fd(lang, fd, &e)))?
    } else {
        Zeroizing::new(
            rpassword::prompt_password(prompt).map_err(|e| Failure(text::no_terminal(lang, &e)))?,
        )
    };
    if pass.is_empty() {
        return Err(Failure::store(
            lang,
            &StoreError::Key(KeyError::EmptyPassphrase),
        ));
    }
    Ok(pass)
}

/// Warns when others may read the file a secret is kept in (used all the same: the
/// warning says how to close it).
fn warn_if_open(lang: crate::strings::Lang, file: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if std::fs::metadata(file).is_ok_and(|m| m.permissions().mode() & 0o077 != 0) {
            say_err!("{}", text::secret_file_open(lang, file));
        }
    }
    #[cfg(not(unix))]
    let _ = (lang, file);
}

/// The first line of `file`, without its line end.
fn first_line(file: &Path) -> std::io::Result<Zeroizing<String>> {
    let text = Zeroizing::new(std::fs::read_to_string(file)?);
    Ok(Zeroizing::new(
        text.lines().next().unwrap_or_default().to_owned(),
    ))
}

/// One line from descriptor `fd`, read a byte at a time so that whatever follows
/// the line (the commands of `apply -` on the same pipe) stays unread.
#[cfg(unix)]
fn from_fd(fd: i32) -> std::io::Result<Zeroizing<String>> {
    use std::io::Read;
    use std::os::fd::FromRawFd;
    if fd < 0 {
        return Err(std::io::Error::from_raw_os_error(libc::EBADF));
    }
    // SAFETY: the caller named this descriptor for us to read; ManuallyDrop keeps
    // it open afterwards (it may be stdin, which `apply -` reads next).
    let file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    let mut bytes = Zeroizing::new(Vec::new());
    let mut byte = [0u8; 1];
    loop {
        match (&*file).read(&mut byte)? {
            0 => break,
            _ if byte[0] == b'\n' => break,
            _ => bytes.push(byte[0]),
        }
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    Ok(Zeroizing::new(text.to_owned()))
}

#[cfg(not(unix))]
fn from_fd(_fd: i32) -> std::io::Result<Zeroizing<String>> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "--passphrase-fd needs a Unix system; use --passphrase-file",
    ))
}
