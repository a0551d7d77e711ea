//! Administration, journaled: operators, departments, the office profile and the
//! reception schedule change only here, in one transaction with the office-journal event
//! that records them, and only when the actor is an active leader. Sign-ins, exports and
//! backups are recorded here too (`record`).

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, TransactionBehavior, params};
use serde_json::json;

use super::office_journal::{self, OfficeEvent, OfficeRecord};
use super::{Result, Store, StoreError, directory, documents, receipt, sidecar};
use crate::domain::audit::{AuditResult, Audited, may_administer};
use crate::domain::documents::OfficeProfile;
use crate::domain::op::Act;
use crate::domain::reception::{ReceptionDay, check_day};
use crate::domain::rules::Operator;

/// The actor recorded for a sign-in with the recovery key (nobody's slot).
pub const RECOVERY_KEY: &str = "(recovery key)";

/// One change of administration.
#[derive(Debug, Clone)]
pub enum Admin {
    /// Adds an operator, or changes their role, department or activity.
    Operator(Operator),
    Department {
        name: String,
        active: bool,
    },
    /// Fields left empty keep their value (`apply`'s `office`).
    OfficeUpdate(OfficeProfile),
    /// The whole letterhead (the desk's form shows every field).
    OfficeReplace(OfficeProfile),
    Schedule(ReceptionDay),
}

impl Admin {
    fn audited(&self) -> Audited {
        match self {
            Admin::Operator(_) => Audited::Operator,
            Admin::Department { .. } => Audited::Department,
            Admin::OfficeUpdate(_) | Admin::OfficeReplace(_) => Audited::Office,
            Admin::Schedule(_) => Audited::Schedule,
        }
    }

    /// The operator, department or date the change is about ("" for the office).
    fn subject(&self) -> String {
        match self {
            Admin::Operator(o) => o.name.clone(),
            Admin::Department { name, .. } => name.clone(),
            Admin::OfficeUpdate(_) | Admin::OfficeReplace(_) => String::new(),
            Admin::Schedule(day) => day.date.to_string(),
        }
    }

    fn act(&self) -> Act {
        match self {
            Admin::Schedule(_) => Act::Schedule,
            _ => Act::Settings,
        }
    }
}

impl Store {
    /// Makes `change` as `actor` at `at`: refused unless the actor is an active leader;
    /// else written with its office-journal event in one transaction. Returns the
    /// office profile after an office change (None otherwise).
    pub fn administer(
        &mut self,
        actor: &str,
        at: DateTime<FixedOffset>,
        change: &Admin,
    ) -> Result<Option<OfficeProfile>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        receipt::guard(&tx, &self.path, &self.key)?;
        let operators = directory::operators(&tx)?;
        let who = operators
            .iter()
            .find(|o| o.name == actor)
            .ok_or_else(|| StoreError::UnknownActor(actor.to_owned()))?;
        if let Err(refused) = may_administer(who, change.act()) {
            // The refusal is on record too (who tried what), in a transaction of its own.
            drop(tx);
            self.record(&OfficeRecord {
                at,
                actor: actor.to_owned(),
                act: change.audited(),
                subject: change.subject(),
                detail: json!({}),
                result: AuditResult::Refused,
            })?;
            return Err(refused.into());
        }
        let (mut detail, profile) = make(&tx, &self.office, &operators, change)?;
        if let Some(by) = self.entered_by.as_deref().filter(|by| *by != actor) {
            detail["entered_by"] = json!(by);
        }
        let rec = OfficeRecord {
            at,
            actor: actor.to_owned(),
            act: change.audited(),
            subject: change.subject(),
            detail,
            result: AuditResult::Ok,
        };
        office_journal::append(&tx, &rec)?;
        tx.commit()?;
        self.anchor();
        // A disabled operator's copy of the data key goes too (after the commit: a
        // refused or failed change keeps it).
        if let Admin::Operator(o) = change
            && !o.active
        {
            sidecar::forget(&self.path, &o.name)?;
        }
        Ok(profile)
    }

    /// Who types the following commands in (the signed-in operator): kept beside a
    /// command's actor in the journal when the two differ.
    pub fn set_entered_by(&mut self, who: Option<String>) {
        self.entered_by = who;
    }

    /// Records a sign-in, an export or a backup (or anything else audited) in the
    /// office journal, in a transaction of its own.
    pub fn record(&mut self, rec: &OfficeRecord) -> Result<()> {
        self.record_all(std::slice::from_ref(rec))
    }

    /// Records several, in order, in one transaction.
    pub fn record_all(&mut self, recs: &[OfficeRecord]) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        receipt::guard(&tx, &self.path, &self.key)?;
        for rec in recs {
            office_journal::append(&tx, rec)?;
        }
        tx.commit()?;
        self.anchor();
        Ok(())
    }

    /// Records a successful sign-in of `who` (None: with the recovery key) at `at`,
    /// after the failed ones waiting in the slots file (`sidecar::Pending`), which are
    /// then removed from it. A crash between the two records them twice rather than not at all.
    pub fn journal_sign_in(&mut self, who: Option<&str>, at: DateTime<FixedOffset>) -> Result<()> {
        let pending = sidecar::Keyring::load(&self.path)
            .map(|ring| ring.pending().to_vec())
            .unwrap_or_default();
        let mut recs: Vec<OfficeRecord> = pending
            .iter()
            .map(|p| OfficeRecord {
                at: p.at,
                actor: p.operator.clone(),
                act: p.act,
                subject: p.operator.clone(),
                detail: match p.act {
                    Audited::Passphrase => json!({"one_time": false}),
                    Audited::Operator
                    | Audited::Department
                    | Audited::Office
                    | Audited::Schedule
                    | Audited::SignIn
                    | Audited::Export
                    | Audited::Backup
                    | Audited::View
                    | Audited::Calendar
                    | Audited::Restore
                    | Audited::Screening
                    | Audited::ZeroReport
                    | Audited::Backlog
                    | Audited::PersonFlag
                    | Audited::Evaluation => json!({}),
                },
                result: p.result,
            })
            .collect();
        let actor = who.unwrap_or(RECOVERY_KEY);
        recs.push(OfficeRecord {
            at,
            actor: actor.to_owned(),
            act: Audited::SignIn,
            subject: actor.to_owned(),
            detail: json!({}),
            result: AuditResult::Ok,
        });
        self.record_all(&recs)?;
        if !pending.is_empty() {
            // Loaded again: failures queued meanwhile by another process stay.
            let mut ring = sidecar::Keyring::load(&self.path)?;
            let n = ring
                .pending()
                .iter()
                .zip(&pending)
                .take_while(|(a, b)| a == b)
                .count();
            ring.clear_pending(n)?;
        }
        Ok(())
    }

    /// The office journal from `since` (an RFC 3339 time or a date, compared as text),
    /// oldest first, for a leader: `actor` is checked first.
    pub fn office_journal(&self, actor: &str, since: Option<&str>) -> Result<Vec<OfficeEvent>> {
        self.leader(actor, Act::Audit)?;
        let events = office_journal::since(&self.conn, since)?;
        self.keep_seen_office_events(events)
    }

    /// `actor`, refused unless an active leader (reading the journal, exporting).
    pub fn leader(&self, actor: &str, act: Act) -> Result<Operator> {
        let operators = directory::operators(&self.conn)?;
        let who = operators
            .into_iter()
            .find(|o| o.name == actor)
            .ok_or_else(|| StoreError::UnknownActor(actor.to_owned()))?;
        may_administer(&who, act)?;
        Ok(who)
    }
}

/// Writes `change` inside `tx`; what changed (for the journal) and, for the office,
/// the profile as it now is.
fn make(
    tx: &Connection,
    office: &crate::config::Office,
    operators: &[Operator],
    change: &Admin,
) -> Result<(serde_json::Value, Option<OfficeProfile>)> {
    Ok(match change {
        Admin::Operator(o) => {
            directory::upsert_operator(tx, o)?;
            let detail = json!({"role": o.role.code(), "department": o.department, "active": o.active,
                       "unit": o.unit, "department_wide": o.department_wide});
            (detail, None)
        }
        Admin::Department { name, active } => {
            directory::upsert_department(tx, name, *active)?;
            (json!({"active": active}), None)
        }
        Admin::OfficeUpdate(p) | Admin::OfficeReplace(p) => {
            let new = match change {
                Admin::OfficeUpdate(_) => documents::profile_of(tx)?.merged(p),
                _ => p.clone(),
            };
            documents::write_profile(tx, &new)?;
            (serde_json::to_value(&new)?, Some(new))
        }
        Admin::Schedule(day) => {
            let departments = directory::department_names(tx)?;
            check_day(day, &office.rules(operators, &departments))?;
            put_day(tx, day)?;
            (json!({"leader": day.leader, "place": day.place}), None)
        }
    })
}

fn put_day(conn: &Connection, day: &ReceptionDay) -> Result<()> {
    conn.execute(
        "INSERT INTO reception_days (date, leader, place) VALUES (?1, ?2, ?3)
         ON CONFLICT (date, leader) DO UPDATE SET place = ?3",
        params![day.date.to_string(), day.leader, day.place],
    )?;
    Ok(())
}
