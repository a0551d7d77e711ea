//! Passphrases of a ledger already open: a leader gives a new operator (or one
//! who forgot theirs) a one-time passphrase, an operator chooses their own, the
//! idle desk asks for it again, and a new ledger gets its first leader's slot.
//! The ledger's key is the open store's own, so a slot is written without anyone
//! else's passphrase; no passphrase is ever stored but wrapped in its slot.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::OfficeRecord;
use super::keys::DataKey;
use super::sidecar::{Keyring, load_or_new, sidecar_path};
use super::{Result, Store, StoreError};
use crate::config::Office;
use crate::domain::audit::{AuditResult, Audited, may_administer};
use crate::domain::op::Act;

impl Store {
    /// Writes `operator`'s slot under `passphrase`, as `by` at `at`: `one_time` when a
    /// leader gives it (the desk asks its owner to change it first), not when the owner
    /// chose it. Only an active operator of this ledger gets a slot; only an active
    /// leader sets another's. Given or refused, it is on record in the office journal
    /// (who, for whom, whether one-time; never the passphrase).
    pub fn set_passphrase(
        &mut self,
        by: &str,
        at: DateTime<FixedOffset>,
        operator: &str,
        passphrase: &str,
        one_time: bool,
    ) -> Result<()> {
        let operators = self.operators()?;
        if !operators.iter().any(|o| o.name == operator && o.active) {
            return Err(StoreError::UnknownActor(operator.to_owned()));
        }
        let who = operators
            .iter()
            .find(|o| o.name == by)
            .ok_or_else(|| StoreError::UnknownActor(by.to_owned()))?;
        let mut rec = OfficeRecord {
            at,
            actor: by.to_owned(),
            act: Audited::Passphrase,
            subject: operator.to_owned(),
            detail: serde_json::json!({"one_time": one_time}),
            result: AuditResult::Ok,
        };
        if by != operator
            && let Err(refused) = may_administer(who, Act::Settings)
        {
            rec.result = AuditResult::Refused;
            self.record(&rec)?;
            return Err(refused.into());
        }
        let mut ring = load_or_new(&self.path)?;
        ring.set(operator, passphrase, &self.key, one_time)?;
        self.record(&rec)
    }

    /// Signs `operator` in again on the open ledger (the idle desk's lock): a
    /// wrong passphrase counts toward the lockout as at the sign-in screen.
    pub fn unlock(
        &self,
        operator: &str,
        passphrase: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        let mut ring = Keyring::load(&self.path)?;
        ring.unlock(operator, passphrase, now)?;
        Ok(())
    }

    /// A new encrypted ledger at `path` (claimed first: never over anything) with
    /// a fresh data key and `leader`'s slot; the caller writes the leader into it
    /// (`put_operator`, `first_run`). On failure nothing is left behind.
    pub fn create(
        path: &Path,
        office: Office,
        leader: &str,
        passphrase: &str,
    ) -> Result<(Store, DataKey)> {
        let slots = sidecar_path(path);
        if slots.exists() {
            return Err(StoreError::AlreadyExists(slots.display().to_string()));
        }
        let key = DataKey::generate()?;
        super::claim_new_ledger(path)?;
        let made = Store::open(path, office, &key).and_then(|store| {
            let mut ring = Keyring::new(path)?;
            ring.set(leader, passphrase, &key, false)?;
            Ok(store)
        });
        match made {
            Ok(store) => Ok((store, key)),
            Err(e) => {
                remove_new_ledger(path);
                Err(e)
            }
        }
    }
}

/// Takes away a ledger that was just begun (its file, -wal, -shm and slots).
pub fn remove_new_ledger(path: &Path) {
    for suffix in ["", "-wal", "-shm", ".keys", ".receipt"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
}
