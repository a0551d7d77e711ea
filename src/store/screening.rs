//! 矛盾纠纷排查, journaled: every register entry added or changed and every 零报告 is
//! written with its office-journal event (the same hash chain as administration) in one
//! transaction; `check/screening.rs` recomputes the tables from those events.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde_json::json;

use super::office_journal::{self, OfficeRecord};
use super::{Result, Store, StoreError, directory, receipt};
use crate::domain::audit::{AuditResult, Audited};
use crate::domain::rules::Operator;
use crate::domain::screening::{
    self, Change, NewScreening, Round, Screening, UnitRound, ZeroReport,
};
use crate::domain::screening_table::{MonthTable, month_table};
use crate::domain::types::Role;

const SELECT: &str = "SELECT doc FROM screenings";

fn read(conn: &Connection, filter: &str, args: impl rusqlite::Params) -> Result<Vec<Screening>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} {filter}"))?;
    let docs: Vec<String> = stmt
        .query_map(args, |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    docs.iter().map(|d| Ok(serde_json::from_str(d)?)).collect()
}

fn put(conn: &Connection, e: &Screening) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO screenings
             (no, found_on, unit, responsible, state, closed_on, case_id, doc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        e.no,
        e.found.found_on.to_string(),
        e.found.unit,
        e.found.responsible,
        e.state.code(),
        e.closed_on.map(|d| d.to_string()),
        e.case_id,
        serde_json::to_string(e)?,
    ])?;
    Ok(())
}

fn zero_reports(conn: &Connection, round_start: Option<NaiveDate>) -> Result<Vec<ZeroReport>> {
    let mut stmt = conn.prepare_cached(
        "SELECT unit, round_start, reported_by, reported_on FROM screening_zero_reports
          WHERE ?1 IS NULL OR round_start = ?1 ORDER BY round_start, unit",
    )?;
    let rows = stmt.query_map([round_start.map(|d| d.to_string())], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (unit, start, reported_by, on) = row?;
        let day = |s: &str| {
            s.parse::<NaiveDate>()
                .map_err(|_| StoreError::Damaged(format!("a 零报告 date does not parse: {s}")))
        };
        out.push(ZeroReport {
            unit,
            round_start: day(&start)?,
            reported_by,
            reported_on: day(&on)?,
        });
    }
    Ok(out)
}

/// The actor, refused unless an active leader or clerk.
fn recorder(conn: &Connection, actor: &str) -> Result<(Operator, Vec<Operator>)> {
    let operators = directory::operators(conn)?;
    let who = (operators.iter().find(|o| o.name == actor).cloned())
        .ok_or_else(|| StoreError::UnknownActor(actor.to_owned()))?;
    screening::may_record(&who)?;
    let leaders = operators
        .into_iter()
        .filter(|o| o.role == Role::Leader && o.active)
        .collect();
    Ok((who, leaders))
}

impl Store {
    fn journal_screening(
        &mut self,
        actor: &str,
        at: DateTime<FixedOffset>,
        act: Audited,
        subject: String,
        mut detail: serde_json::Value,
        write: impl FnOnce(&Connection) -> Result<()>,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        receipt::guard(&tx, &self.path, &self.key)?;
        write(&tx)?;
        if let Some(by) = self.entered_by.as_deref().filter(|by| *by != actor) {
            detail["entered_by"] = json!(by);
        }
        let rec = OfficeRecord {
            at,
            actor: actor.to_owned(),
            act,
            subject,
            detail,
            result: AuditResult::Ok,
        };
        office_journal::append(&tx, &rec)?;
        tx.commit()?;
        self.anchor();
        Ok(())
    }

    /// Adds an entry to the 排查 register as `actor` (a leader or clerk); its number.
    pub fn add_screening(
        &mut self,
        actor: &str,
        at: DateTime<FixedOffset>,
        new: &NewScreening,
    ) -> Result<Screening> {
        let (_, leaders) = recorder(&self.conn, actor)?;
        screening::check_new(new, &leaders)?;
        let last: Option<i64> = self
            .conn
            .query_row("SELECT max(no) FROM screenings", [], |r| r.get(0))?;
        let entry = Screening {
            no: last.unwrap_or(0) + 1,
            found: new.clone(),
            state: screening::Resolution::Screening,
            closed_on: None,
            case_id: None,
            note: None,
        };
        let detail = json!({ "entry": entry });
        let subject = entry.no.to_string();
        self.journal_screening(actor, at, Audited::Screening, subject, detail, |tx| {
            // Numbered inside the write: another desk's entry meanwhile is refused by the key.
            put(tx, &entry)
        })?;
        Ok(entry)
    }

    /// Changes entry `no` as `actor` on `at`'s date: the domain's transition, journaled.
    pub fn change_screening(
        &mut self,
        actor: &str,
        at: DateTime<FixedOffset>,
        no: i64,
        change: &Change,
    ) -> Result<Screening> {
        let (_, leaders) = recorder(&self.conn, actor)?;
        let entry = read(&self.conn, "WHERE no = ?1", [no])?
            .pop()
            .ok_or(screening::ScreeningError::NotFound(no))?;
        if let Change::Escalate { case_id } = change {
            let exists: Option<i64> = (self.conn)
                .query_row("SELECT id FROM cases WHERE id = ?1", [case_id], |r| {
                    r.get(0)
                })
                .optional()?;
            exists.ok_or_else(|| StoreError::CaseNotFound(case_id.to_string()))?;
        }
        let day = at
            .with_timezone(&self.office.policy.utc_offset)
            .date_naive();
        let next = screening::apply(&entry, change, day, &leaders)?;
        let detail = json!({ "change": change.kind(), "entry": next });
        self.journal_screening(
            actor,
            at,
            Audited::Screening,
            no.to_string(),
            detail,
            |tx| put(tx, &next),
        )?;
        Ok(next)
    }

    /// Records `unit`'s 零报告 for the round holding `day`, as `actor`.
    pub fn zero_report(
        &mut self,
        actor: &str,
        at: DateTime<FixedOffset>,
        unit: &str,
        day: NaiveDate,
    ) -> Result<ZeroReport> {
        recorder(&self.conn, actor)?;
        let units = directory::department_names(&self.conn)?;
        if !units.iter().any(|u| u == unit) {
            return Err(screening::ScreeningError::UnknownUnit(unit.to_owned()).into());
        }
        let (round, standing) = self.round_standing(day, &[unit.to_owned()])?;
        if let Some(u) = standing.first() {
            screening::check_zero(u)?;
        }
        let today = at
            .with_timezone(&self.office.policy.utc_offset)
            .date_naive();
        let zero = ZeroReport {
            unit: unit.to_owned(),
            round_start: round.start,
            reported_by: actor.to_owned(),
            reported_on: today,
        };
        let detail = serde_json::to_value(&zero)?;
        self.journal_screening(
            actor,
            at,
            Audited::ZeroReport,
            unit.to_owned(),
            detail,
            |tx| {
                tx.prepare_cached(
                "INSERT INTO screening_zero_reports (unit, round_start, reported_by, reported_on)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                zero.unit,
                zero.round_start.to_string(),
                zero.reported_by,
                zero.reported_on.to_string()
            ])?;
                Ok(())
            },
        )?;
        Ok(zero)
    }

    /// The register as the viewer may see it, newest first.
    pub fn screenings(&self) -> Result<Vec<Screening>> {
        let all = read(&self.conn, "ORDER BY no DESC", [])?;
        Ok(self.seen_screenings(all))
    }

    /// Entry `no`, if the viewer may see it.
    pub fn screening(&self, no: i64) -> Result<Screening> {
        let found = self.seen_screenings(read(&self.conn, "WHERE no = ?1", [no])?);
        (found.into_iter().next()).ok_or_else(|| screening::ScreeningError::NotFound(no).into())
    }

    /// The entries that became or were linked to case `case_id` (the other way of the link).
    pub fn screenings_of_case(&self, case_id: i64) -> Result<Vec<Screening>> {
        let found = read(&self.conn, "WHERE case_id = ?1 ORDER BY no", [case_id])?;
        Ok(self.seen_screenings(found))
    }

    fn seen_screenings(&self, all: Vec<Screening>) -> Vec<Screening> {
        match self.viewer() {
            Some(v) => all.into_iter().filter(|e| screening::sees(v, e)).collect(),
            None => all,
        }
    }

    /// The round holding `day` (the policy's period) and every unit's standing in it: the
    /// office's active departments are the units that report.
    pub fn screening_round(&self, day: NaiveDate) -> Result<(Round, Vec<UnitRound>)> {
        let units = directory::department_names(&self.conn)?;
        self.round_standing(day, &units)
    }

    fn round_standing(&self, day: NaiveDate, units: &[String]) -> Result<(Round, Vec<UnitRound>)> {
        let round = screening::round_of(day, self.office.policy.screening_round);
        // Every entry counts here, seen or not: whether a unit reported is not what it found.
        let entries = read(
            &self.conn,
            "WHERE found_on BETWEEN ?1 AND ?2",
            [round.start.to_string(), round.end.to_string()],
        )?;
        let zeros = zero_reports(&self.conn, Some(round.start))?;
        Ok((round, screening::standing(units, round, &entries, &zeros)))
    }

    /// The 《矛盾纠纷排查化解情况统计表》 of `first..=last` over what the viewer may see.
    pub fn screening_month(&self, first: NaiveDate, last: NaiveDate) -> Result<MonthTable> {
        let entries = read(
            &self.conn,
            "WHERE found_on <= ?1 AND (closed_on IS NULL OR closed_on >= ?2)",
            [last.to_string(), first.to_string()],
        )?;
        let units = directory::department_names(&self.conn)?;
        Ok(month_table(
            &self.seen_screenings(entries),
            &units,
            first,
            last,
        ))
    }
}
