//! The key slots' file beside the ledger: `<ledger>.keys`, JSON, mode 0600.
//!
//! Why beside and not inside: the slots are what opens the encrypted file, so
//! they must be readable before it is; and the failed-sign-in counts must be
//! written before it opens too (a locked operator never gets the key). The file
//! holds nothing secret without a passphrase (each slot is argon2id + AEAD), but
//! it is private anyway. Losing it loses no data: the recovery key opens the
//! ledger alone. It is rewritten whole, atomically (temp file, fsync, rename),
//! so a crash leaves the old file or the new one, never half of one.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, TimeDelta};
use serde::{Deserialize, Serialize};

use super::keys::{DataKey, Kdf, KeyError, Slot};
use crate::domain::audit::{AuditResult, Audited};

/// Wrong passphrases in a row that lock an operator, and for how long (等保 2.0:
/// 登录失败处理).
pub const MAX_FAILED: u32 = 5;
pub const LOCKOUT_MINUTES: i64 = 5;

const FORMAT: &str = "xinfang-keys/1";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct KeyFile {
    format: String,
    slots: Vec<Slot>,
    /// Failed sign-ins not yet in the office journal (see [`Pending`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pending: Vec<Pending>,
}

/// A failed sign-in, kept here until it can be journaled. Why here: a failed sign-in
/// never gets the data key, so it cannot write to the encrypted ledger; the slots file
/// is written anyway (the failure count). The next successful sign-in, by anyone,
/// moves these into the office journal (`Store::journal_sign_in`) and empties the list,
/// so a failure is on record as soon as the ledger is next opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    pub operator: String,
    pub at: DateTime<FixedOffset>,
    pub result: AuditResult,
    /// What happened: a sign-in (files written before this field held only those), or
    /// the operator's own passphrase chosen at the sign-in screen, before the ledger opens.
    #[serde(default = "sign_in")]
    pub act: Audited,
}

fn sign_in() -> Audited {
    Audited::SignIn
}

/// At most this many failures wait (a script guessing names must not grow the file).
const MAX_PENDING: usize = 1000;

/// The slots of one ledger, as read from its sidecar.
#[derive(Debug, Clone)]
pub struct Keyring {
    path: PathBuf,
    file: KeyFile,
}

/// Where the slots of the ledger at `ledger` live.
pub fn sidecar_path(ledger: &Path) -> PathBuf {
    let mut name = ledger.as_os_str().to_owned();
    name.push(".keys");
    PathBuf::from(name)
}

impl Keyring {
    /// A new key ring for `ledger` with no slots yet (written by the first `add`).
    /// Refuses when the ledger already has one: slots are never overwritten.
    pub fn new(ledger: &Path) -> Result<Keyring, KeyError> {
        let path = sidecar_path(ledger);
        if path.exists() {
            return Err(KeyError::SlotExists(path.display().to_string()));
        }
        Ok(Keyring {
            path,
            file: KeyFile {
                format: FORMAT.to_owned(),
                slots: Vec::new(),
                pending: Vec::new(),
            },
        })
    }

    /// The slots beside `ledger`.
    pub fn load(ledger: &Path) -> Result<Keyring, KeyError> {
        let path = sidecar_path(ledger);
        let file = read(&path)?;
        Ok(Keyring { path, file })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The operators who have a slot, in the file's order.
    pub fn operators(&self) -> Vec<&str> {
        self.file
            .slots
            .iter()
            .map(|s| s.operator.as_str())
            .collect()
    }

    /// Gives `operator` a slot for `key` under `passphrase` (saved by `save`).
    pub fn add(
        &mut self,
        operator: &str,
        passphrase: &str,
        key: &DataKey,
        cost: Kdf,
    ) -> Result<(), KeyError> {
        if self.slot(operator).is_some() {
            return Err(KeyError::SlotExists(operator.to_owned()));
        }
        self.file
            .slots
            .push(Slot::wrap(operator, passphrase, key, cost)?);
        Ok(())
    }

    /// Forgets `operator`'s slot until the next `save` (a slot written anew).
    pub fn remove_unsaved(&mut self, operator: &str) {
        self.file.slots.retain(|s| s.operator != operator);
    }

    /// Removes `operator`'s slot (a disabled operator can no longer open the ledger).
    pub fn remove(&mut self, operator: &str) -> Result<bool, KeyError> {
        let before = self.file.slots.len();
        self.file.slots.retain(|s| s.operator != operator);
        let removed = self.file.slots.len() != before;
        if removed {
            self.save()?;
        }
        Ok(removed)
    }

    /// Signs `operator` in: their copy of the data key if `passphrase` is right
    /// and they are not locked out at `now`. Every outcome that changes the count
    /// is saved before this returns, so a killed process cannot forget a failure.
    pub fn unlock(
        &mut self,
        operator: &str,
        passphrase: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<DataKey, KeyError> {
        // Read, judged and written under the lock, from the file as it now is: processes
        // guessing side by side each counted from the same file and wrote it back over the
        // others', so the count never reached the lockout.
        // Held until dropped: each try reads, judges and writes the count alone.
        let held = crate::files::lock_beside(&self.path, ".lock");
        if held.is_some() {
            self.file = read(&self.path)?;
        }
        let Some(i) = self.slot(operator) else {
            self.queue(operator, now, AuditResult::Failed)?;
            return Err(KeyError::NoSlot(operator.to_owned()));
        };
        if let Some(until) = self.file.slots[i].locked_until.filter(|u| *u > now) {
            self.queue(operator, now, AuditResult::Locked)?;
            return Err(KeyError::Locked { until });
        }
        let result = self.file.slots[i].unwrap_key(passphrase);
        let slot = &mut self.file.slots[i];
        let outcome = match result {
            Ok(key) => {
                let changed = slot.failed != 0 || slot.locked_until.is_some();
                slot.failed = 0;
                slot.locked_until = None;
                if changed {
                    self.save()?;
                }
                return Ok(key);
            }
            Err(KeyError::WrongPassphrase { .. }) => {
                slot.failed += 1;
                if slot.failed >= MAX_FAILED {
                    let until = now + TimeDelta::minutes(LOCKOUT_MINUTES);
                    slot.failed = 0;
                    slot.locked_until = Some(until);
                    KeyError::Locked { until }
                } else {
                    slot.locked_until = None;
                    KeyError::WrongPassphrase {
                        left: MAX_FAILED - slot.failed,
                    }
                }
            }
            Err(other) => return Err(other),
        };
        let result = match outcome {
            KeyError::Locked { .. } => AuditResult::Locked,
            _ => AuditResult::WrongPassphrase,
        };
        self.queue(operator, now, result)?;
        Err(outcome)
    }

    /// Keeps a failed sign-in for the office journal, saved at once.
    fn queue(
        &mut self,
        operator: &str,
        at: DateTime<FixedOffset>,
        result: AuditResult,
    ) -> Result<(), KeyError> {
        if self.file.pending.len() < MAX_PENDING {
            self.file.pending.push(Pending {
                operator: operator.to_owned(),
                at,
                result,
                act: Audited::SignIn,
            });
        }
        self.save()
    }

    /// Until when `operator` is locked out at `now`, if they are.
    pub fn locked_until(
        &self,
        operator: &str,
        now: DateTime<FixedOffset>,
    ) -> Option<DateTime<FixedOffset>> {
        let i = self.slot(operator)?;
        self.file.slots[i].locked_until.filter(|u| *u > now)
    }

    /// The failed sign-ins waiting to be journaled, oldest first.
    pub fn pending(&self) -> &[Pending] {
        &self.file.pending
    }

    /// Forgets the first `n` waiting failures (journaled meanwhile) and saves.
    pub fn clear_pending(&mut self, n: usize) -> Result<(), KeyError> {
        let n = n.min(self.file.pending.len());
        self.file.pending.drain(..n);
        self.save()
    }

    /// Writes `operator`'s slot anew under `passphrase` (a new operator, a
    /// leader's reset, the operator's own change), replacing any old one, and
    /// saves. `must_change` marks a one-time passphrase someone else gave.
    pub fn set(
        &mut self,
        operator: &str,
        passphrase: &str,
        key: &DataKey,
        must_change: bool,
    ) -> Result<(), KeyError> {
        let mut slot = Slot::wrap(operator, passphrase, key, Kdf::STANDARD)?;
        slot.must_change = must_change;
        match self.slot(operator) {
            Some(i) => self.file.slots[i] = slot,
            None => self.file.slots.push(slot),
        }
        self.save()
    }

    /// `operator` chose their own passphrase at the sign-in screen (replacing a one-time
    /// one): the slot written, and the change kept for the office journal, which the
    /// next sign-in writes (the ledger is not open yet).
    pub fn change_own(
        &mut self,
        operator: &str,
        passphrase: &str,
        key: &DataKey,
        at: DateTime<FixedOffset>,
    ) -> Result<(), KeyError> {
        if self.file.pending.len() < MAX_PENDING {
            self.file.pending.push(Pending {
                operator: operator.to_owned(),
                at,
                result: AuditResult::Ok,
                act: Audited::Passphrase,
            });
        }
        self.set(operator, passphrase, key, false)
    }

    /// The passphrase of `operator` was given by a leader and is to be changed.
    pub fn must_change(&self, operator: &str) -> bool {
        self.slot(operator)
            .is_some_and(|i| self.file.slots[i].must_change)
    }

    fn slot(&self, operator: &str) -> Option<usize> {
        self.file.slots.iter().position(|s| s.operator == operator)
    }

    /// Temp file (0600) in the same directory, fsync, rename over, fsync the directory.
    pub fn save(&self) -> Result<(), KeyError> {
        let text = serde_json::to_string_pretty(&self.file)
            .map_err(|e| KeyError::SidecarDamaged(e.to_string()))?;
        let mut bytes = text.into_bytes();
        bytes.push(b'\n');
        super::durable::write(&self.path, &bytes)?;
        Ok(())
    }
}

/// The slots file at `path`, as stored.
fn read(path: &Path) -> Result<KeyFile, KeyError> {
    let text = match std::fs::read_to_string(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(KeyError::NoSidecar(path.display().to_string()));
        }
        other => other?,
    };
    let file: KeyFile =
        serde_json::from_str(&text).map_err(|e| KeyError::SidecarDamaged(e.to_string()))?;
    if file.format != FORMAT {
        return Err(KeyError::SidecarDamaged(format!("format {}", file.format)));
    }
    Ok(file)
}

/// The key ring beside `ledger`, or a new empty one when it has none yet
/// (a ledger opened with its recovery key, or made before any slot).
pub fn load_or_new(ledger: &Path) -> Result<Keyring, KeyError> {
    match Keyring::load(ledger) {
        Err(KeyError::NoSidecar(_)) => Keyring::new(ledger),
        other => other,
    }
}

/// Deletes `operator`'s slot beside `ledger`, if there is one. A ledger without
/// slots (opened with its recovery key, or a test's) has nothing to delete, and
/// a slots file that does not parse opens nothing.
pub fn forget(ledger: &Path, operator: &str) -> Result<(), KeyError> {
    match Keyring::load(ledger) {
        Ok(mut ring) => ring.remove(operator).map(drop),
        Err(KeyError::NoSidecar(_) | KeyError::SidecarDamaged(_)) => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHEAP: Kdf = Kdf {
        m_cost: 8,
        t_cost: 1,
        p_cost: 1,
    };

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    fn ring() -> (tempfile::TempDir, PathBuf, DataKey) {
        let dir = tempfile::tempdir().expect("dir");
        let ledger = dir.path().join("l.db");
        let key = DataKey::from_bytes([9; 32]);
        let mut ring = Keyring::new(&ledger).expect("new");
        ring.add("赵建国", "leader pw", &key, CHEAP).expect("add");
        ring.add("李娜", "clerk pw", &key, CHEAP).expect("add");
        ring.save().expect("save");
        (dir, ledger, key)
    }

    #[test]
    fn each_operator_opens_with_their_own_passphrase() {
        let (_dir, ledger, key) = ring();
        let mut ring = Keyring::load(&ledger).expect("load");
        assert_eq!(ring.operators(), ["赵建国", "李娜"]);
        let now = at("2026-12-05T09:00:00+08:00");
        let k = ring.unlock("李娜", "clerk pw", now).expect("unlock");
        assert_eq!(k.recovery(), key.recovery());
        assert!(matches!(
            ring.unlock("李娜", "leader pw", now),
            Err(KeyError::WrongPassphrase { left: 4 })
        ));
        assert!(matches!(
            ring.unlock("王强", "x", now),
            Err(KeyError::NoSlot(_))
        ));
        assert!(matches!(
            Keyring::new(&ledger),
            Err(KeyError::SlotExists(_))
        ));
    }

    #[test]
    #[cfg(unix)]
    fn the_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, ledger, _) = ring();
        let mode = std::fs::metadata(sidecar_path(&ledger))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn five_wrong_in_a_row_lock_for_five_minutes() {
        let (_dir, ledger, _) = ring();
        let now = at("2026-12-05T09:00:00+08:00");
        for left in (1..5).rev() {
            let mut ring = Keyring::load(&ledger).expect("load");
            assert!(matches!(
                ring.unlock("赵建国", "guess", now),
                Err(KeyError::WrongPassphrase { left: l }) if l == left
            ));
        }
        // The fifth locks, and the count was kept across loads (separate processes).
        let mut ring = Keyring::load(&ledger).expect("load");
        let until = at("2026-12-05T09:05:00+08:00");
        assert!(
            matches!(ring.unlock("赵建国", "guess", now), Err(KeyError::Locked { until: u }) if u == until)
        );
        // Locked: even the right passphrase is refused until then…
        let mut ring = Keyring::load(&ledger).expect("load");
        let later = at("2026-12-05T09:04:59+08:00");
        assert!(matches!(
            ring.unlock("赵建国", "leader pw", later),
            Err(KeyError::Locked { .. })
        ));
        // …another operator is not affected…
        assert!(ring.unlock("李娜", "clerk pw", later).is_ok());
        // …and afterwards it opens, with a fresh count.
        assert!(ring.unlock("赵建国", "leader pw", until).is_ok());
        let ring = Keyring::load(&ledger).expect("load");
        assert!(
            ring.file
                .slots
                .iter()
                .all(|s| s.failed == 0 && s.locked_until.is_none())
        );
    }

    /// Wrong guesses from many processes at once are each counted: the slot locks.
    #[test]
    #[cfg(unix)]
    fn guesses_side_by_side_all_count() {
        let (_dir, ledger, _) = ring();
        let now = at("2026-12-05T09:00:00+08:00");
        let threads: Vec<_> = (0..12)
            .map(|_| {
                let ledger = ledger.clone();
                std::thread::spawn(move || {
                    let mut ring = Keyring::load(&ledger).expect("load");
                    let _ = ring.unlock("李娜", "guess", now);
                })
            })
            .collect();
        for t in threads {
            t.join().expect("joined");
        }
        let mut ring = Keyring::load(&ledger).expect("load");
        assert!(ring.locked_until("李娜", now).is_some());
        assert!(matches!(
            ring.unlock("李娜", "clerk pw", now),
            Err(KeyError::Locked { .. })
        ));
        assert_eq!(ring.pending().len(), 13);
    }

    #[test]
    fn a_success_resets_the_count() {
        let (_dir, ledger, _) = ring();
        let now = at("2026-12-05T09:00:00+08:00");
        let mut ring = Keyring::load(&ledger).expect("load");
        for _ in 0..4 {
            assert!(ring.unlock("李娜", "guess", now).is_err());
        }
        assert!(ring.unlock("李娜", "clerk pw", now).is_ok());
        assert!(matches!(
            ring.unlock("李娜", "guess", now),
            Err(KeyError::WrongPassphrase { left: 4 })
        ));
    }

    #[test]
    fn a_missing_or_damaged_file_says_so() {
        let dir = tempfile::tempdir().expect("dir");
        let ledger = dir.path().join("l.db");
        assert!(matches!(
            Keyring::load(&ledger),
            Err(KeyError::NoSidecar(_))
        ));
        std::fs::write(sidecar_path(&ledger), "{ not json").expect("write");
        assert!(matches!(
            Keyring::load(&ledger),
            Err(KeyError::SidecarDamaged(_))
        ));
    }

    #[test]
    fn a_slot_set_anew_replaces_the_old_and_says_whether_to_change_it() {
        let (_dir, ledger, key) = ring();
        let now = at("2026-12-05T09:00:00+08:00");
        let mut ring = Keyring::load(&ledger).expect("load");
        ring.set("李娜", "one time", &key, true).expect("reset");
        ring.set("王强", "first", &key, true).expect("new");
        let mut ring = Keyring::load(&ledger).expect("load");
        assert!(ring.must_change("李娜") && ring.must_change("王强"));
        assert!(!ring.must_change("赵建国"));
        assert!(ring.unlock("李娜", "clerk pw", now).is_err(), "old gone");
        assert!(ring.unlock("李娜", "one time", now).is_ok());
        ring.set("李娜", "her own", &key, false).expect("change");
        let mut ring = Keyring::load(&ledger).expect("load");
        assert!(!ring.must_change("李娜"));
        assert!(ring.unlock("李娜", "her own", now).is_ok());
        assert_eq!(ring.operators(), ["赵建国", "李娜", "王强"]);
    }

    #[test]
    fn a_removed_slot_no_longer_opens() {
        let (_dir, ledger, _) = ring();
        let mut ring = Keyring::load(&ledger).expect("load");
        assert!(ring.remove("李娜").expect("remove"));
        let mut ring = Keyring::load(&ledger).expect("load");
        let now = at("2026-12-05T09:00:00+08:00");
        assert!(matches!(
            ring.unlock("李娜", "clerk pw", now),
            Err(KeyError::NoSlot(_))
        ));
    }
}
