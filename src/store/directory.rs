//! Operators and departments: the small tables a transition is judged by.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use chrono::{DateTime, FixedOffset};
use serde_json::json;

use super::office_journal::{OfficeRecord, append};
use super::{Result, Store, StoreError};
use crate::domain::audit::{AuditResult, Audited};
use crate::domain::error::Field;
use crate::domain::limits::check_text;
use crate::domain::rules::Operator;
use crate::domain::types::Role;

pub fn operators(conn: &Connection) -> Result<Vec<Operator>> {
    let mut stmt = conn.prepare_cached(
        "SELECT name, role, department, active, unit, department_wide FROM operators ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| {
        let role: String = r.get(1)?;
        Ok(Operator {
            name: r.get(0)?,
            // The CHECK constraint keeps roles to the three codes.
            role: Role::from_code(&role).unwrap_or(Role::Clerk),
            department: r.get(2)?,
            active: r.get(3)?,
            unit: r.get(4)?,
            department_wide: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn department_names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT name FROM departments WHERE active = 1 ORDER BY name")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn upsert_operator(conn: &Connection, op: &Operator) -> Result<()> {
    crate::domain::limits::check_operator(op)?;
    conn.execute(
        "INSERT INTO operators (name, role, department, active, unit, department_wide)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (name) DO UPDATE SET role = ?2, department = ?3, active = ?4, unit = ?5,
             department_wide = ?6",
        params![
            op.name,
            op.role.code(),
            op.department,
            op.active,
            op.unit,
            op.department_wide
        ],
    )?;
    Ok(())
}

pub(super) fn upsert_department(conn: &Connection, name: &str, active: bool) -> Result<()> {
    check_text(Field::Department, name)?;
    conn.execute(
        "INSERT INTO departments (name, active) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET active = ?2",
        params![name, active],
    )?;
    Ok(())
}

impl Store {
    /// Adds an operator, or changes the role, department or activity of one, without
    /// a check or a journal event: for setting a ledger up (`init`, the demo, tests).
    /// The desk and `apply` go through `administer`.
    pub fn put_operator(&mut self, op: &Operator) -> Result<()> {
        upsert_operator(&self.conn, op)?;
        // A disabled operator's copy of the data key goes too: the desk refuses
        // their acts, but with a slot they could still open and read the file.
        if !op.active {
            super::sidecar::forget(&self.path, &op.name)?;
        }
        Ok(())
    }

    /// As `put_operator`, for a department: setup, the demo and tests only.
    pub fn put_department(&mut self, name: &str, active: bool) -> Result<()> {
        upsert_department(&self.conn, name, active)
    }

    pub fn operators(&self) -> Result<Vec<Operator>> {
        operators(&self.conn)
    }

    pub fn departments(&self) -> Result<Vec<String>> {
        department_names(&self.conn)
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            params![key, value],
        )?;
        Ok(())
    }

    /// An empty ledger: no operator and no case yet (the desk then offers
    /// its short setup instead of the queue).
    pub fn is_first_run(&self) -> Result<bool> {
        let any_operator: bool =
            self.conn
                .query_row("SELECT EXISTS (SELECT 1 FROM operators)", [], |r| r.get(0))?;
        Ok(!any_operator && self.has_no_cases()?)
    }

    /// Writes the first-run setup in one transaction: the office's name,
    /// the first operator (remembered as the last one), the departments.
    /// Refused with `AlreadySetUp` when operators appeared meanwhile (another
    /// desk finished its setup first), so neither overwrites the other.
    pub fn first_run(
        &mut self,
        office_name: &str,
        operator: &Operator,
        departments: &[String],
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let any_operator: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM operators)", [], |r| r.get(0))?;
        if any_operator {
            return Err(StoreError::AlreadySetUp);
        }
        // The same limits as every other surface (`domain::limits`).
        crate::domain::limits::check_operator(operator)?;
        check_text(Field::Office, office_name)?;
        for name in departments {
            check_text(Field::Department, name)?;
        }
        let meta = "INSERT INTO meta (key, value) VALUES (?1, ?2)
                    ON CONFLICT (key) DO UPDATE SET value = ?2";
        tx.execute(meta, params!["office_name", office_name])?;
        tx.execute(
            "INSERT INTO operators (name, role, department, active, unit, department_wide)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                operator.name,
                operator.role.code(),
                operator.department,
                operator.active,
                operator.unit,
                operator.department_wide
            ],
        )?;
        for name in departments {
            tx.execute(
                "INSERT INTO departments (name, active) VALUES (?1, 1)
                 ON CONFLICT (name) DO UPDATE SET active = 1",
                [name],
            )?;
        }
        tx.execute(meta, params!["last_operator", operator.name])?;
        // The office's first acts are on record like every later one (等保
        // security audit), as its first operator's own: nobody is above them.
        for rec in first_records(office_name, operator, departments, at) {
            append(&tx, &rec)?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// The office journal's rows for a first run: the letterhead, the first
/// operator, each department.
fn first_records(
    office_name: &str,
    operator: &Operator,
    departments: &[String],
    at: DateTime<FixedOffset>,
) -> Vec<OfficeRecord> {
    let record = |act, subject: &str, detail| OfficeRecord {
        at,
        actor: operator.name.clone(),
        act,
        subject: subject.to_owned(),
        detail,
        result: AuditResult::Ok,
    };
    let mut recs = vec![
        record(
            Audited::Office,
            "",
            json!({"office_name": office_name, "first_run": true}),
        ),
        record(
            Audited::Operator,
            &operator.name,
            json!({"role": operator.role.code(), "department": operator.department, "first_run": true}),
        ),
    ];
    recs.extend(departments.iter().map(|d| {
        record(
            Audited::Department,
            d,
            json!({"active": true, "first_run": true}),
        )
    }));
    recs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Office;

    fn ledger() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(
            &dir.path().join("l.db"),
            Office::builtin(),
            &crate::store::test_ledger::key(),
        )
        .unwrap();
        (dir, store)
    }

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-05T09:00:00+08:00").unwrap()
    }

    fn clerk(name: &str) -> Operator {
        Operator {
            name: name.into(),
            role: Role::Clerk,
            department: None,
            active: true,
            unit: None,
            department_wide: false,
        }
    }

    #[test]
    fn first_run_writes_the_office_the_operator_and_the_departments() {
        let (_d, mut s) = ledger();
        assert!(s.is_first_run().unwrap());
        let depts = vec!["城建科".to_owned(), "民政科".to_owned()];
        s.first_run("某区信访局", &clerk("李娜"), &depts, at())
            .unwrap();
        assert!(!s.is_first_run().unwrap());
        assert_eq!(
            s.meta("office_name").unwrap().as_deref(),
            Some("某区信访局")
        );
        assert_eq!(s.meta("last_operator").unwrap().as_deref(), Some("李娜"));
        assert_eq!(s.operators().unwrap(), vec![clerk("李娜")]);
        assert_eq!(s.departments().unwrap(), depts);
    }

    #[test]
    fn first_run_is_on_the_office_journal_as_the_first_leaders_acts() {
        let (_d, mut s) = ledger();
        let leader = Operator {
            role: Role::Leader,
            ..clerk("赵建国")
        };
        let depts = vec!["城建科".to_owned(), "民政科".to_owned()];
        s.first_run("某区信访局", &leader, &depts, at()).unwrap();
        let rows: Vec<(String, String, String)> = s
            .office_journal("赵建国", None)
            .unwrap()
            .into_iter()
            .map(|e| (e.actor, e.act, e.subject))
            .collect();
        let row =
            |act: &str, subject: &str| ("赵建国".to_owned(), act.to_owned(), subject.to_owned());
        assert_eq!(
            rows,
            [
                row("office", ""),
                row("operator", "赵建国"),
                row("department", "城建科"),
                row("department", "民政科"),
            ]
        );
        assert!(s.check().unwrap().ok(), "the chain verifies");
    }

    #[test]
    fn a_second_setup_is_refused_and_changes_nothing() {
        let (_d, mut s) = ledger();
        s.first_run("某区信访局", &clerk("李娜"), &["城建科".to_owned()], at())
            .unwrap();
        let err = s
            .first_run("别的局", &clerk("王强"), &["教育科".to_owned()], at())
            .unwrap_err();
        assert!(matches!(err, StoreError::AlreadySetUp), "{err:?}");
        assert_eq!(
            s.meta("office_name").unwrap().as_deref(),
            Some("某区信访局")
        );
        assert_eq!(s.operators().unwrap().len(), 1);
        assert_eq!(s.departments().unwrap(), ["城建科"]);
    }

    #[test]
    fn a_failed_setup_leaves_the_ledger_empty() {
        let (_d, mut s) = ledger();
        // Make the departments step fail: the meta and operator rows
        // written before it must go too.
        s.conn
            .execute_batch("CREATE TRIGGER no_depts BEFORE INSERT ON departments BEGIN SELECT RAISE(ABORT, 'no'); END;")
            .unwrap();
        assert!(
            s.first_run("某区信访局", &clerk("李娜"), &["城建科".to_owned()], at())
                .is_err()
        );
        assert!(s.is_first_run().unwrap());
        assert_eq!(s.meta("office_name").unwrap(), None);
    }

    #[test]
    fn disabling_an_operator_deletes_their_key_slot() {
        use crate::store::{Kdf, Keyring};
        let (_d, mut s) = ledger();
        let key = crate::store::test_ledger::key();
        let mut ring = Keyring::new(s.path()).unwrap();
        for name in ["李娜", "王强"] {
            ring.add(name, "pw", &key, Kdf::PUBLIC).unwrap();
        }
        ring.save().unwrap();
        s.put_operator(&clerk("李娜")).unwrap();
        assert_eq!(Keyring::load(s.path()).unwrap().operators().len(), 2);
        s.put_operator(&Operator {
            active: false,
            ..clerk("李娜")
        })
        .unwrap();
        assert_eq!(Keyring::load(s.path()).unwrap().operators(), ["王强"]);
    }

    #[test]
    fn a_ledger_with_an_operator_is_not_a_first_run() {
        let (_d, mut s) = ledger();
        s.put_operator(&clerk("李娜")).unwrap();
        assert!(!s.is_first_run().unwrap());
    }
}
