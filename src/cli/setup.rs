//! Setting a ledger up: `init` (a new encrypted ledger, its first leader's
//! slot and the recovery key, shown once), the demo's slots, and `encrypt`
//! (a plaintext ledger converted and verified).

use std::path::Path;
use std::process::ExitCode;

use zeroize::Zeroizing;

use super::{Env, Failure, signin};
use crate::domain::audit::{AuditResult, Audited};
use crate::domain::rules::Operator;
use crate::domain::types::Role;
use crate::store::{
    DataKey, Kdf, KeyError, Keyring, OfficeRecord, RECOVERY_KEY, Store, StoreError,
    claim_new_ledger, encrypt_ledger, is_plaintext, plaintext_operators, sidecar_path,
};
use crate::strings::signin as text;

/// Every operator of a demo ledger signs in with this (the demo says so).
pub const DEMO_PASSPHRASE: &str = "demo";

/// A fresh data key for a new ledger at `path`, whose (empty) file this claims;
/// refused when the file or slots beside it exist (they are never overwritten).
pub(crate) fn new_key(env: &Env, path: &Path) -> Result<DataKey, Failure> {
    let slots = sidecar_path(path);
    if slots.exists() {
        return Err(env.fail(StoreError::AlreadyExists(slots.display().to_string())));
    }
    let key = DataKey::generate().map_err(|e| env.fail(e.into()))?;
    claim_new_ledger(path).map_err(|e| env.fail(e))?;
    Ok(key)
}

/// Slots with the passphrase `demo` for every operator of a new demo ledger.
pub(crate) fn demo_slots(env: &Env, store: &Store, key: &DataKey) -> Result<(), Failure> {
    let fail = |e: StoreError| env.fail(e);
    let mut ring = Keyring::new(store.path()).map_err(|e| fail(e.into()))?;
    for o in store.operators().map_err(fail)? {
        ring.add(&o.name, DEMO_PASSPHRASE, key, Kdf::PUBLIC)
            .map_err(|e| fail(e.into()))?;
    }
    ring.save().map_err(|e| fail(e.into()))?;
    println!("{}", text::demo_passphrase(env.lang, DEMO_PASSPHRASE));
    Ok(())
}

/// A new passphrase: from the file or descriptor, or typed twice at a prompt.
fn new_passphrase(env: &Env, name: &str) -> Result<Zeroizing<String>, Failure> {
    let pass = signin::passphrase(env, &text::prompt_new(env.lang, name))?;
    if env.cli.passphrase_file.is_none() && env.cli.passphrase_fd.is_none() {
        let again = signin::passphrase(env, text::prompt_again(env.lang))?;
        if again != pass {
            return Err(Failure(text::mismatch(env.lang).to_owned()));
        }
    }
    // As `passwd` and the desk's sign-in ask of every other passphrase.
    if crate::domain::audit::too_short(&pass) {
        return Err(Failure(text::too_short(env.lang)));
    }
    Ok(pass)
}

/// `init --db PATH --leader NAME`: the ledger, the leader, their slot, the recovery key.
pub(crate) fn init(env: &Env, path: &Path, leader: &str) -> Result<ExitCode, Failure> {
    if std::fs::metadata(path).is_ok_and(|m| m.len() > 0) {
        return Err(env.fail(StoreError::AlreadyExists(path.display().to_string())));
    }
    let pass = new_passphrase(env, leader)?;
    // The same creation as the desk's first run: the store makes the key and the slot.
    let (mut store, key) =
        Store::create(path, env.office.clone(), leader, &pass).map_err(|e| env.fail(e))?;
    let made = (|| -> Result<(), StoreError> {
        store.put_operator(&Operator {
            name: leader.to_owned(),
            role: Role::Leader,
            department: None,
            active: true,
            unit: None,
            department_wide: false,
        })?;
        // The first leader has nobody above them: on record as their own act.
        store.record(&OfficeRecord {
            at: env.clock.now(),
            actor: leader.to_owned(),
            act: Audited::Operator,
            subject: leader.to_owned(),
            detail: serde_json::json!({"role": Role::Leader.code(), "init": true}),
            result: AuditResult::Ok,
        })?;
        Ok(())
    })();
    drop(store);
    if let Err(e) = made {
        crate::store::remove_new_ledger(path);
        return Err(env.fail(e));
    }
    println!("{}", text::created(env.lang, path, leader));
    println!("{}", text::recovery_banner(env.lang, &key.recovery()));
    Ok(ExitCode::SUCCESS)
}

/// Takes away a ledger this command had just begun to create.
fn remove_new_ledger(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
}

/// `encrypt --db OLD --out NEW --as LEADER`: a plaintext ledger copied into a new
/// encrypted one, every row compared, the old file left as it was.
pub(crate) fn encrypt(env: &Env, old: &Path, new: &Path) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    if !old.exists() {
        return Err(Failure(text::no_ledger(lang, old)));
    }
    if !is_plaintext(old) {
        return Err(Failure(text::already_encrypted(lang, old)));
    }
    let Some(name) = env.cli.as_operator.as_deref() else {
        return Err(Failure(text::encrypt_needs_leader(lang).to_owned()));
    };
    let operators = plaintext_operators(old).map_err(|e| env.fail(e))?;
    if !operators
        .iter()
        .any(|o| o.name == name && o.role == Role::Leader && o.active)
    {
        return Err(Failure(text::encrypt_needs_leader(lang).to_owned()));
    }
    if new.exists() {
        return Err(env.fail(StoreError::AlreadyExists(new.display().to_string())));
    }
    let pass = new_passphrase(env, name)?;
    let key = DataKey::generate().map_err(|e| env.fail(e.into()))?;
    let converted = encrypt_ledger(old, new, &key).map_err(|e| env.fail(e))?;
    let slot = (|| -> Result<(), StoreError> {
        let mut ring = Keyring::new(new)?;
        ring.add(name, &pass, &key, Kdf::STANDARD)?;
        ring.save()?;
        Ok(())
    })();
    if let Err(e) = slot {
        remove_new_ledger(new);
        return Err(env.fail(e));
    }
    println!("{}", text::converted(lang, old, new, &converted));
    println!("{}", text::recovery_banner(lang, &key.recovery()));
    Ok(ExitCode::SUCCESS)
}

/// `recover --db PATH --leader NAME --recovery-key-file F`: NAME's slot written
/// again with the recovery key, when the slots file is lost or damaged (a damaged
/// one is kept aside as `<ledger>.keys.damaged`, never deleted) or NAME forgot
/// their passphrase. Others get theirs again from a leader.
pub(crate) fn recover(env: &Env, path: &Path, leader: &str) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let fail = |e: StoreError| env.fail(e);
    if env.cli.recovery_key_file.is_none() {
        return Err(Failure(text::recover_needs_key(lang).to_owned()));
    }
    let key = signin::key(env, path)?;
    let store = Store::open_read_only(path, env.office.clone(), &key).map_err(fail)?;
    let operators = store.operators().map_err(fail)?;
    if !operators
        .iter()
        .any(|o| o.name == leader && o.role == Role::Leader && o.active)
    {
        return Err(Failure(text::recover_needs_leader(lang, leader)));
    }
    let pass = new_passphrase(env, leader)?;
    let mut ring = match Keyring::load(path) {
        Ok(ring) => ring,
        Err(KeyError::NoSidecar(_)) => Keyring::new(path).map_err(|e| fail(e.into()))?,
        Err(KeyError::SidecarDamaged(_)) => {
            let aside = set_aside(path).map_err(|e| fail(e.into()))?;
            say_err!("{}", text::set_aside(lang, &aside));
            Keyring::new(path).map_err(|e| fail(e.into()))?
        }
        Err(e) => return Err(fail(e.into())),
    };
    ring.remove_unsaved(leader);
    ring.add(leader, &pass, &key, Kdf::STANDARD)
        .and_then(|()| ring.save())
        .map_err(|e| fail(e.into()))?;
    drop(store);
    // On record in the office journal as every passphrase set is: by the recovery key, for
    // whom. A ledger that cannot be written (damaged, read-only) still gets its slot back,
    // and stderr says the record is missing.
    let record = OfficeRecord {
        at: env.clock.now(),
        actor: RECOVERY_KEY.to_owned(),
        act: Audited::Passphrase,
        subject: leader.to_owned(),
        detail: serde_json::json!({"one_time": false}),
        result: AuditResult::Ok,
    };
    let recorded = Store::open(path, env.office.clone(), &key).and_then(|mut s| s.record(&record));
    if let Err(e) = recorded {
        let why = crate::strings::errors::store(lang, &e);
        say_err!("{}", text::recovery_unrecorded(lang, &why));
    }
    println!("{}", text::recovered(lang, leader, ring.path()));
    Ok(ExitCode::SUCCESS)
}

/// Moves a damaged slots file out of the way under a name not yet taken.
fn set_aside(path: &Path) -> std::io::Result<std::path::PathBuf> {
    let slots = sidecar_path(path);
    let mut n = 0;
    loop {
        let mut name = slots.as_os_str().to_owned();
        name.push(if n == 0 {
            ".damaged".to_owned()
        } else {
            format!(".damaged{n}")
        });
        let aside = std::path::PathBuf::from(name);
        if !aside.exists() {
            std::fs::rename(&slots, &aside)?;
            return Ok(aside);
        }
        n += 1;
    }
}
