//! `restore --from BACKUP`: a leader (or the recovery key) puts a verified backup in the
//! ledger's place. The backup is checked first (the full check and its receipt, as
//! `check` would); the ledger it replaces is moved aside, never deleted; the restore is
//! recorded in the restored ledger's office journal (who, when, from which backup, how
//! many events the replaced ledger had beyond it).

use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;
use serde_json::json;

use super::{Env, Failure, exit_code, render, signin};
use crate::domain::audit::{AuditResult, Audited};
use crate::domain::op::Act;
use crate::store::{
    OfficeRecord, RECOVERY_KEY, RestoreRefusal, Restored, Store, StoreError, receipt_path,
};
use crate::strings::restore as text;

pub(super) fn run(env: &Env, from: &Path) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let path = env.ledger_path()?;
    if !from.is_file() {
        return Err(Failure(text::no_backup(lang, from)));
    }
    // No ledger there (its disk lost): the recovery key alone opens the backup.
    let (key, who) = match (path.exists(), signin::recovery_key(env)) {
        (false, Some(key)) => (key?, None),
        (false, None) => return Err(Failure(text::nothing_to_replace(lang, &path, from))),
        (true, _) => signin::sign_in(env, &path)?,
    };
    verify(env, from, &key, who.as_deref())?;
    let stamp = env.clock.now().with_timezone(&Utc).format("%Y%m%dT%H%M%SZ");
    let done =
        crate::store::restore(&path, from, &key, &stamp.to_string()).map_err(|e| env.fail(e))?;
    let mut store = env.open_with(&path, &key)?;
    env.journal_sign_in(&mut store, who.clone())?;
    let rec = OfficeRecord {
        at: env.clock.now(),
        actor: who.unwrap_or_else(|| RECOVERY_KEY.to_owned()),
        act: Audited::Restore,
        subject: std::path::absolute(from)
            .unwrap_or_else(|_| from.to_owned())
            .display()
            .to_string(),
        detail: detail(&done),
        result: AuditResult::Ok,
    };
    store.record(&rec).map_err(|e| env.fail(e))?;
    let report = store.check().map_err(|e| env.fail(e))?;
    if !report.ok() {
        render::check_report(lang, &report);
    }
    say!(
        "{}",
        text::restored(
            lang,
            &path,
            from,
            done.aside.as_deref(),
            done.backup.events.count,
            minutes(done.backup.events.at.as_deref()).as_deref(),
            done.events_beyond(),
        )
    );
    let office = done.office_events_beyond();
    if office > 0 {
        say!("{}", text::office_events_beyond(lang, office));
    }
    if !crate::store::sidecar_path(&path).exists() {
        say!("{}", text::no_slots_yet(lang, &path));
    }
    Ok(exit_code(report.ok()))
}

/// The backup opens with the ledger's key, the signer is a leader in it, its receipt is
/// beside it, and it checks whole (the report is printed when it does not).
fn verify(
    env: &Env,
    from: &Path,
    key: &crate::store::DataKey,
    who: Option<&str>,
) -> Result<(), Failure> {
    let lang = env.lang;
    let backup = Store::open_read_only(from, env.office.clone(), key).map_err(|e| match e {
        StoreError::Key(_) | StoreError::Damaged(_) => Failure(text::wrong_key(lang, from)),
        e => env.fail(e),
    })?;
    if let Some(name) = who {
        backup
            .leader(name, Act::Settings)
            .map_err(|e| env.fail(e))?;
    }
    // Checked before `check`, which would write a missing receipt anew from the copy.
    let receipt = receipt_path(from);
    if !receipt.exists() {
        let receipt = receipt.display().to_string();
        return Err(env.fail(StoreError::Restore(RestoreRefusal::NoReceipt { receipt })));
    }
    let report = backup.check().map_err(|e| env.fail(e))?;
    if !report.ok() {
        render::check_report(lang, &report);
        return Err(Failure(text::not_whole(lang, from)));
    }
    Ok(())
}

/// A journal time as the office reads it (2026-12-07 18:08), not to the nanosecond.
fn minutes(at: Option<&str>) -> Option<String> {
    let at = at?;
    Some(chrono::DateTime::parse_from_rfc3339(at).map_or_else(
        |_| at.to_owned(),
        |t| t.format("%Y-%m-%d %H:%M").to_string(),
    ))
}

/// What the office journal keeps of a restore.
fn detail(done: &Restored) -> serde_json::Value {
    let count = |h: &Option<crate::store::Heads>| h.as_ref().map(|h| h.events.count);
    json!({
        "moved_aside": done.aside.as_ref().map(|a| a.display().to_string()),
        "backup_events": done.backup.events.count,
        "backup_last_at": done.backup.events.at,
        "replaced_events": count(&done.replaced),
        "acknowledged_events": count(&done.acknowledged),
        "events_beyond": done.events_beyond(),
        "office_events_beyond": done.office_events_beyond(),
    })
}
