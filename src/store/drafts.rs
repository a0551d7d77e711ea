//! Drafts: what a clerk has typed into a form and not yet saved, kept per
//! operator and slot so that a crash or a killed terminal loses nothing.
//! They are not case changes: no journal event; `check` asks only that each belongs to an
//! operator, and a step's draft to a case of the ledger.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use rusqlite::params;

use super::{Result, Store};

/// One saved draft. `body` is the desk's own JSON, returned as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Which form: "intake", "case:42:assign", ...
    pub slot: String,
    pub body: String,
    /// RFC 3339 with the office's offset, to the millisecond.
    pub saved_at: String,
}

impl Store {
    /// Saves (or replaces) `operator`'s draft in `slot`: one statement, so
    /// it commits on its own and never holds a transaction open.
    pub fn save_draft(
        &mut self,
        operator: &str,
        slot: &str,
        body: &str,
        saved_at: DateTime<FixedOffset>,
    ) -> Result<()> {
        let at = saved_at.to_rfc3339_opts(SecondsFormat::Millis, false);
        self.conn
            .prepare_cached(
                "INSERT INTO drafts (slot, operator, body, saved_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (operator, slot) DO UPDATE SET body = ?3, saved_at = ?4",
            )?
            .execute(params![slot, operator, body, at])?;
        Ok(())
    }

    /// `operator`'s drafts, newest first.
    pub fn drafts(&self, operator: &str) -> Result<Vec<Draft>> {
        // Ordered by instant, not by text: the office's offset could change
        // between two saves.
        let mut stmt = self.conn.prepare_cached(
            "SELECT slot, body, saved_at FROM drafts WHERE operator = ?1
             ORDER BY julianday(saved_at) DESC, slot",
        )?;
        let rows = stmt.query_map([operator], |r| {
            Ok(Draft {
                slot: r.get(0)?,
                body: r.get(1)?,
                saved_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Forgets `operator`'s draft in `slot` (saved or discarded); dropping
    /// a draft that is not there is not an error.
    pub fn drop_draft(&mut self, operator: &str, slot: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM drafts WHERE operator = ?1 AND slot = ?2")?
            .execute([operator, slot])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Office;
    use crate::store::StoreError;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

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

    #[test]
    fn a_draft_comes_back_as_saved() {
        let (_d, mut s) = ledger();
        let body = r#"{"name":"王伟","summary":"反映拆迁补偿款未到位"}"#;
        s.save_draft("李娜", "intake", body, at("2026-04-01T09:30:00.250+08:00"))
            .unwrap();
        assert_eq!(
            s.drafts("李娜").unwrap(),
            vec![Draft {
                slot: "intake".into(),
                body: body.into(),
                saved_at: "2026-04-01T09:30:00.250+08:00".into(),
            }]
        );
    }

    #[test]
    fn saving_again_replaces_and_the_newest_comes_first() {
        let (_d, mut s) = ledger();
        s.save_draft("李娜", "intake", "{}", at("2026-04-01T09:00:00+08:00"))
            .unwrap();
        s.save_draft(
            "李娜",
            "case:42:assign",
            r#"{"handler":"王强"}"#,
            at("2026-04-01T09:05:00+08:00"),
        )
        .unwrap();
        s.save_draft(
            "李娜",
            "intake",
            r#"{"name":"王"}"#,
            at("2026-04-01T09:10:00+08:00"),
        )
        .unwrap();
        let drafts = s.drafts("李娜").unwrap();
        let slots: Vec<_> = drafts.iter().map(|d| d.slot.as_str()).collect();
        assert_eq!(slots, ["intake", "case:42:assign"]);
        assert_eq!(drafts[0].body, r#"{"name":"王"}"#);
        // By instant, not by text: 02:00Z is after 09:05+08:00 (01:05Z).
        s.save_draft(
            "李娜",
            "case:7:reply",
            "{}",
            at("2026-04-01T02:00:00+00:00"),
        )
        .unwrap();
        assert_eq!(s.drafts("李娜").unwrap()[0].slot, "case:7:reply");
    }

    #[test]
    fn each_operator_has_their_own_drafts() {
        let (_d, mut s) = ledger();
        let t = at("2026-04-01T09:00:00+08:00");
        s.save_draft("李娜", "intake", "a", t).unwrap();
        s.save_draft("王强", "intake", "b", t).unwrap();
        assert_eq!(s.drafts("李娜").unwrap()[0].body, "a");
        assert_eq!(s.drafts("王强").unwrap()[0].body, "b");
        assert!(s.drafts("赵局长").unwrap().is_empty());
        s.drop_draft("李娜", "intake").unwrap();
        assert!(s.drafts("李娜").unwrap().is_empty());
        assert_eq!(s.drafts("王强").unwrap().len(), 1);
        // Dropping what is not there is fine.
        s.drop_draft("李娜", "intake").unwrap();
    }

    #[test]
    fn drafts_stay_out_of_the_journal_check_and_backup() {
        let (d, mut s) = ledger();
        // `check` asks only that a draft's owner is an operator.
        s.put_operator(&crate::domain::rules::Operator {
            name: "李娜".into(),
            role: crate::domain::types::Role::Clerk,
            department: None,
            active: true,
            unit: None,
            department_wide: false,
        })
        .unwrap();
        s.save_draft("李娜", "intake", "{}", at("2026-04-01T09:00:00+08:00"))
            .unwrap();
        let report = s.check().unwrap();
        assert!(report.ok(), "{report:?}");
        assert_eq!(report.events, 0);
        let copy = d.path().join("copy.db");
        assert!(s.backup(&copy).unwrap().ok());
        let copy =
            Store::open_read_only(&copy, Office::builtin(), &crate::store::test_ledger::key())
                .unwrap();
        assert_eq!(copy.drafts("李娜").unwrap().len(), 1);
    }

    #[test]
    fn a_read_only_ledger_refuses_a_draft_cleanly() {
        let (d, s) = ledger();
        let path = s.path().to_owned();
        drop(s);
        let mut ro =
            Store::open_read_only(&path, Office::builtin(), &crate::store::test_ledger::key())
                .unwrap();
        let err = ro
            .save_draft("李娜", "intake", "{}", at("2026-04-01T09:00:00+08:00"))
            .unwrap_err();
        assert!(matches!(err, StoreError::ReadOnly), "{err:?}");
        drop(d);
    }
}
