//! 重点信访人, journaled: each flag written with its office-journal event in one
//! transaction (`check/backlog.rs` recomputes the table); read only by leaders and clerks.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde_json::json;

use super::office_journal::{self, OfficeRecord};
use super::{Result, Store, StoreError, directory, receipt};
use crate::domain::audit::{AuditResult, Audited};
use crate::domain::flags::{self, FlagError, FlagRemoval, PersonFlag};
use crate::domain::intake::Petitioner;
use crate::domain::repeat::PetitionerKey;

fn all(conn: &Connection) -> Result<Vec<PersonFlag>> {
    let mut stmt = conn.prepare_cached("SELECT doc FROM person_flags ORDER BY no DESC")?;
    let docs: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    docs.iter().map(|d| Ok(serde_json::from_str(d)?)).collect()
}

impl Store {
    /// Sets a flag as `actor` (an active leader) at `at`; its number.
    pub fn set_flag(
        &mut self,
        actor: &str,
        at: DateTime<FixedOffset>,
        flag: &PersonFlag,
    ) -> Result<PersonFlag> {
        let today = at
            .with_timezone(&self.office.policy.utc_offset)
            .date_naive();
        let operators = directory::operators(&self.conn)?;
        let who = (operators.iter().find(|o| o.name == actor))
            .ok_or_else(|| StoreError::UnknownActor(actor.to_owned()))?;
        flags::check(flag, who, today)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        receipt::guard(&tx, &self.path, &self.key)?;
        let last: Option<i64> =
            tx.query_row("SELECT max(no) FROM person_flags", [], |r| r.get(0))?;
        let key = flags::key(flag, today);
        let (name, address) = (flag.name.trim().to_owned(), flag.address.clone());
        let next = PersonFlag {
            no: last.unwrap_or(0) + 1,
            name,
            id_number: key.id_number,
            phone: key.phone,
            address,
            on: today,
            by: actor.to_owned(),
            ..flag.clone()
        };
        tx.prepare_cached(
            "INSERT INTO person_flags (no, id_number, phone, name, address, doc)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            next.no,
            next.id_number,
            next.phone,
            next.name,
            next.address,
            serde_json::to_string(&next)?
        ])?;
        let rec = OfficeRecord {
            at,
            actor: actor.to_owned(),
            act: Audited::PersonFlag,
            subject: next.no.to_string(),
            detail: json!({ "flag": next }),
            result: AuditResult::Ok,
        };
        office_journal::append(&tx, &rec)?;
        tx.commit()?;
        self.anchor();
        Ok(next)
    }

    /// Takes flag `no` off as `actor` (an active leader) at `at`, saying why; the flag as it
    /// was. Its event (act `person_flag`, detail `removed`) keeps the removal on record.
    pub fn remove_flag(
        &mut self,
        actor: &str,
        at: DateTime<FixedOffset>,
        no: i64,
        reason: &str,
    ) -> Result<PersonFlag> {
        let today = at
            .with_timezone(&self.office.policy.utc_offset)
            .date_naive();
        let operators = directory::operators(&self.conn)?;
        let who = (operators.iter().find(|o| o.name == actor))
            .ok_or_else(|| StoreError::UnknownActor(actor.to_owned()))?;
        let removal = FlagRemoval {
            no,
            reason: reason.trim().to_owned(),
            on: today,
            by: actor.to_owned(),
        };
        flags::check_removal(&removal, who)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        receipt::guard(&tx, &self.path, &self.key)?;
        let doc: Option<String> = tx
            .query_row("SELECT doc FROM person_flags WHERE no = ?1", [no], |r| {
                r.get(0)
            })
            .optional()?;
        let flag: PersonFlag = match doc {
            Some(d) => serde_json::from_str(&d)?,
            None => return Err(FlagError::Unknown(no).into()),
        };
        tx.execute("DELETE FROM person_flags WHERE no = ?1", [no])?;
        let rec = OfficeRecord {
            at,
            actor: actor.to_owned(),
            act: Audited::PersonFlag,
            subject: no.to_string(),
            detail: json!({ "removed": removal, "was": flag }),
            result: AuditResult::Ok,
        };
        office_journal::append(&tx, &rec)?;
        tx.commit()?;
        self.anchor();
        Ok(flag)
    }

    fn sees_flags(&self) -> bool {
        self.viewer().is_none_or(flags::may_see)
    }

    /// Every flag, newest first (none for a department handler).
    pub fn flags(&self) -> Result<Vec<PersonFlag>> {
        if !self.sees_flags() {
            return Ok(Vec::new());
        }
        all(&self.conn)
    }

    /// The flags on the person `who` (for the warning at intake).
    pub fn flags_for(&self, who: &PetitionerKey, today: NaiveDate) -> Result<Vec<PersonFlag>> {
        Ok(self
            .flags()?
            .into_iter()
            .filter(|f| flags::matches(f, who, today))
            .collect())
    }

    /// The flags on any of `people` (a case's or an intake's petitioners), each once: for
    /// the warning at intake, the 预警稳控提醒函 and the 专报.
    pub fn flags_of(&self, people: &[Petitioner], today: NaiveDate) -> Result<Vec<PersonFlag>> {
        let all = self.flags()?;
        let mut out: Vec<PersonFlag> = Vec::new();
        for p in people {
            let who = PetitionerKey::of(p, today);
            for f in all.iter().filter(|f| flags::matches(f, &who, today)) {
                if !out.iter().any(|g| g.no == f.no) {
                    out.push(f.clone());
                }
            }
        }
        Ok(out)
    }
}
