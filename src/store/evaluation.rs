//! 评查, journaled: each evaluation written with its office-journal event in one transaction
//! (`check/evaluation.rs` recomputes the table); read as the viewer may see the cases.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{TransactionBehavior, params};
use serde_json::json;

use super::cases::CaseRef;
use super::office_journal::{self, OfficeRecord};
use super::{Result, Store, StoreError, directory, receipt};
use crate::domain::audit::{AuditResult, Audited};
use crate::domain::evaluation::{self, Evaluation, ItemScore, UnitResult};

impl Store {
    /// Scores case `r` as `actor` (an active leader) at `at` against the office's checklist.
    pub fn evaluate(
        &mut self,
        actor: &str,
        at: DateTime<FixedOffset>,
        r: &CaseRef,
        scores: &[ItemScore],
        note: Option<&str>,
    ) -> Result<Evaluation> {
        let today = at
            .with_timezone(&self.office.policy.utc_offset)
            .date_naive();
        let row = self.case(r, today)?;
        let operators = directory::operators(&self.conn)?;
        let who = (operators.iter().find(|o| o.name == actor))
            .ok_or_else(|| StoreError::UnknownActor(actor.to_owned()))?;
        let checklist = &self.office.policy.evaluation_items;
        let scores = evaluation::check(&row.case, scores, checklist, who)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        receipt::guard(&tx, &self.path, &self.key)?;
        let last: Option<i64> =
            tx.query_row("SELECT max(no) FROM case_evaluations", [], |r| r.get(0))?;
        let next = Evaluation {
            no: last.unwrap_or(0) + 1,
            case_id: row.case.id,
            unit: row.case.assignment.as_ref().map(|a| a.department.clone()),
            on: today,
            by: actor.to_owned(),
            scores,
            note: note
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned),
        };
        tx.prepare_cached(
            "INSERT INTO case_evaluations (no, case_id, unit, on_day, doc)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            next.no,
            next.case_id,
            next.unit,
            next.on.to_string(),
            serde_json::to_string(&next)?
        ])?;
        let mut detail = json!({ "evaluation": next });
        if let Some(by) = self.entered_by.as_deref().filter(|by| *by != actor) {
            detail["entered_by"] = json!(by);
        }
        let rec = OfficeRecord {
            at,
            actor: actor.to_owned(),
            act: Audited::Evaluation,
            subject: next.case_id.to_string(),
            detail,
            result: AuditResult::Ok,
        };
        office_journal::append(&tx, &rec)?;
        tx.commit()?;
        self.anchor();
        Ok(next)
    }

    /// The evaluations made from `from` to `to` (inclusive) of the cases the viewer may see,
    /// in the order made.
    pub fn evaluations(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Evaluation>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT doc FROM case_evaluations WHERE on_day >= ?1 AND on_day <= ?2 ORDER BY no",
        )?;
        let docs: Vec<String> = stmt
            .query_map([from.to_string(), to.to_string()], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for d in docs {
            let e: Evaluation = serde_json::from_str(&d)?;
            match self.case(&CaseRef::Id(e.case_id), to) {
                Ok(_) => out.push(e),
                // Hidden from the viewer (Art 30 第三款).
                Err(StoreError::CaseNotFound(_)) => {}
                Err(err) => return Err(err),
            }
        }
        Ok(out)
    }

    /// 评查 results by unit from `from` to `to`: the latest evaluation of each case.
    pub fn evaluations_by_unit(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<UnitResult>> {
        let all = self.evaluations(from, to)?;
        Ok(evaluation::by_unit(
            &all,
            self.office.policy.evaluation_pass_mark,
        ))
    }
}
