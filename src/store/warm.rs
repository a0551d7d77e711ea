//! The clerk's first save, made as quick as the next ones. A desk's first save prepared its
//! statements (the insert into `cases` compiles every trigger on it) and read its pages from
//! the operating system, each one authenticated and decrypted: 8–10 ms at 1,000,000 cases
//! where the next saves take 3. At the desk's first pause in typing (`ui::runtime::idle`) the
//! store runs an intake and its registration through the same code, in a transaction it then
//! rolls back: nothing is written (no -wal frame, no journal event, no receipt), and the
//! statements and pages are ready.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use rusqlite::TransactionBehavior;

use super::cases::CaseRef;
use super::prepare::Request;
use super::{BUSY_TIMEOUT, Result, Store, directory};
use crate::domain::command::Command;
use crate::domain::rules::Rules;
use crate::domain::types::Decision;

impl Store {
    /// Readies the statements and pages of an intake and its registration by `actor`,
    /// writing nothing. Skipped when another desk is writing (it never waits) or the actor
    /// may not take cases in.
    pub fn warm_writes(&mut self, actor: &str, at: DateTime<FixedOffset>) {
        if self.conn.busy_timeout(Duration::ZERO).is_ok() {
            let _ = self.rolled_back_save(actor, at);
        }
        let _ = self.conn.busy_timeout(BUSY_TIMEOUT);
    }

    fn rolled_back_save(&mut self, actor: &str, at: DateTime<FixedOffset>) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let operators = directory::operators(&tx)?;
        let departments = directory::department_names(&tx)?;
        let rules = self.office.rules(&operators, &departments);
        let mut req = Request {
            case: None,
            expected_version: None,
            command: sample_intake(&rules)?,
            actor: actor.to_owned(),
            at,
        };
        let (applied, _) = super::execute::run(&tx, &rules, &req, None, None, None)?;
        req.case = Some(CaseRef::Id(applied.case.id));
        req.command = Command::Register(Decision::Accept);
        super::execute::run(&tx, &rules, &req, None, None, None)?;
        // Dropped, not committed: rolled back.
        drop(tx);
        Ok(())
    }
}

/// A visitor's intake with what the rules ask for, for a save that is not kept.
pub(super) fn sample_intake(rules: &Rules<'_>) -> Result<Command> {
    Ok(serde_json::from_value(serde_json::json!({
        "op": "intake", "channel": "visit", "people": 1,
        "petitioners": [{"name": "预备", "phone": "13800000000", "main": true}],
        "category": rules.categories.first().cloned().unwrap_or_default(),
        "handling_type": "申诉求决", "summary": "预备", "request": "预备",
        "urgency": "normal"
    }))?)
}

#[cfg(test)]
mod tests {
    use crate::store::test_ledger;

    /// The save runs, and nothing of it stays: the same cases, journal, receipt and -wal,
    /// and the ledger checks whole.
    #[test]
    fn warming_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        let mut store = test_ledger::demo(&path, 30, 2, false);
        let before = store.check().unwrap();
        let receipt = std::fs::read(crate::store::receipt_path(&path)).unwrap();
        let wal = std::fs::metadata(dir.path().join("l.db-wal"))
            .map(|m| m.len())
            .ok();
        // The intake and the registration ran (a refusal would also write nothing).
        store.rolled_back_save("李娜", test_ledger::now()).unwrap();
        store.warm_writes("李娜", test_ledger::now());
        let after = store.check().unwrap();
        assert!(after.ok());
        assert_eq!((after.cases, after.events), (before.cases, before.events));
        assert_eq!(
            std::fs::read(crate::store::receipt_path(&path)).unwrap(),
            receipt
        );
        let wal_after = std::fs::metadata(dir.path().join("l.db-wal")).map(|m| m.len());
        assert_eq!(wal_after.ok(), wal);
    }
}
