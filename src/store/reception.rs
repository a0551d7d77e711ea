//! The reception-day schedule and records (领导接待日).

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError};
use crate::domain::reception::{
    ReceptionDay, ReceptionRecord, check_day, check_record, check_record_case,
};

/// A stored record, with who entered it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRecord {
    pub id: i64,
    pub record: ReceptionRecord,
    /// The linked case's number (or `#id`).
    pub case_name: Option<String>,
    pub recorded_by: String,
    pub recorded_at: String,
}

fn parse_date(s: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Store {
    fn rules_now(&self) -> Result<(Vec<crate::domain::rules::Operator>, Vec<String>)> {
        Ok((self.operators()?, self.departments()?))
    }

    /// Puts `day` on the schedule (again: its place is replaced).
    pub fn put_reception_day(&mut self, day: &ReceptionDay) -> Result<()> {
        let (ops, depts) = self.rules_now()?;
        check_day(day, &self.office.rules(&ops, &depts)).map_err(StoreError::Workflow)?;
        self.conn.execute(
            "INSERT INTO reception_days (date, leader, place) VALUES (?1, ?2, ?3)
             ON CONFLICT (date, leader) DO UPDATE SET place = ?3",
            params![day.date.to_string(), day.leader, day.place],
        )?;
        Ok(())
    }

    /// The schedule from `from` to `to`, inclusive, by date.
    pub fn reception_days(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<ReceptionDay>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, leader, place FROM reception_days
             WHERE date >= ?1 AND date <= ?2 ORDER BY date, leader",
        )?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(ReceptionDay {
                date: parse_date(&r.get::<_, String>(0)?)?,
                leader: r.get(1)?,
                place: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a reception; the linked case must exist.
    pub fn add_reception_record(
        &mut self,
        rec: &ReceptionRecord,
        by: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<i64> {
        let (ops, depts) = self.rules_now()?;
        check_record(rec, &self.office.rules(&ops, &depts)).map_err(StoreError::Workflow)?;
        if let Some(id) = rec.case_id {
            let doc: Option<String> = self
                .conn
                .query_row("SELECT doc FROM cases WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            let Some(doc) = doc else {
                return Err(StoreError::CaseNotFound(format!("#{id}")));
            };
            let case = serde_json::from_str(&doc)?;
            let rules = self.office.rules(&ops, &depts);
            check_record_case(rec, &case, &rules).map_err(StoreError::Workflow)?;
        }
        self.conn.execute(
            "INSERT INTO reception_records
               (date, leader, visitor, said, decided, case_id, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                rec.date.to_string(),
                rec.leader,
                rec.visitor.trim(),
                rec.said.trim(),
                rec.decided.trim(),
                rec.case_id,
                by,
                at.to_rfc3339()
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The records of `date` the reader may see, in the order entered: one on a case they
    /// may not see is not shown (its words are the accusation's, Art 30 第三款).
    pub fn reception_records(&self, date: NaiveDate) -> Result<Vec<StoredRecord>> {
        let seen = self.seen_where("c.");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT r.id, r.date, r.leader, r.visitor, r.said, r.decided, r.case_id,
                    r.recorded_by, r.recorded_at, c.case_no
             FROM reception_records r LEFT JOIN cases c ON c.id = r.case_id
             WHERE r.date = ?1 AND (r.case_id IS NULL OR {seen}) ORDER BY r.id"
        ))?;
        let rows = stmt.query_map([date.to_string()], |r| {
            let case_id: Option<i64> = r.get(6)?;
            let case_no: Option<String> = r.get(9)?;
            Ok(StoredRecord {
                id: r.get(0)?,
                record: ReceptionRecord {
                    date: parse_date(&r.get::<_, String>(1)?)?,
                    leader: r.get(2)?,
                    visitor: r.get(3)?,
                    said: r.get(4)?,
                    decided: r.get(5)?,
                    case_id,
                },
                case_name: case_id.map(|id| case_no.unwrap_or(format!("#{id}"))),
                recorded_by: r.get(7)?,
                recorded_at: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
