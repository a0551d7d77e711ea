//! 积案, journaled: the cases the office's rule or a leader's mark makes 积案, and each
//! one's file (mark, 包案领导, 专班, 会商, progress), written with its office-journal event in
//! one transaction; `check/backlog.rs` recomputes the files from those events.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;
use serde_json::json;

use super::cases::CaseRef;
use super::office_journal::{self, OfficeRecord};
use super::queries::CaseRow;
use super::{Result, Store, StoreError, directory, receipt};
use crate::domain::audit::{AuditResult, Audited};
use crate::domain::backlog::{
    self, Acting, BacklogChange, BacklogFile, BacklogGround, accused_keeper,
};
use crate::domain::case::Case;
use crate::domain::error::WorkflowError;
use crate::domain::rules::Operator;

/// One 积案 as the leader's list shows it.
#[derive(Debug, Clone, Serialize)]
pub struct BacklogRow {
    pub row: CaseRow,
    pub grounds: Vec<BacklogGround>,
    pub file: BacklogFile,
}

fn file_of(conn: &Connection, case_id: i64) -> Result<Option<BacklogFile>> {
    let doc: Option<String> = conn
        .prepare_cached("SELECT doc FROM backlog_files WHERE case_id = ?1")?
        .query_row([case_id], |r| r.get(0))
        .optional()?;
    Ok(doc.map(|d| serde_json::from_str(&d)).transpose()?)
}

/// Refuses `case` as a 更正 left it when it accuses its 积案's 包案领导 or 专班.
pub(super) fn refuse_accused_keeper(
    conn: &Connection,
    case: &Case,
    operators: &[Operator],
) -> Result<()> {
    let found = file_of(conn, case.id)?.and_then(|f| accused_keeper(&f, case, operators));
    match found {
        Some((holder, target)) => Err(WorkflowError::AccusedHolds { holder, target }.into()),
        None => Ok(()),
    }
}

/// The cases the repeat rule may name: `n` or more items attached (case_facts keeps their
/// receipt instants comma-separated).
const REPEATED: &str = "SELECT id FROM case_facts WHERE attached IS NOT NULL
    AND length(attached) - length(replace(attached, ',', '')) + 1 >= ?1";

impl Store {
    /// The ids of every 积案 the viewer may see on `today`, by the rule or marked, oldest
    /// case first: what the 积案 screen counts and pages through. Each ground is read from an
    /// index — the overdue one from the cases' earliest running due date (N calendar days
    /// past it: on or before `today − N`), the repeats from case_facts, the mark from the
    /// files — so no case is loaded and none is left out for a cap.
    pub fn backlog_ids(&self, today: NaiveDate) -> Result<Vec<i64>> {
        let policy = &self.office.policy;
        let days = i64::from(policy.backlog_overdue_days.max(1));
        let cutoff = (today - chrono::Duration::days(days)).to_string();
        let seen = self.seen_where("");
        let open = "state <> 'archived'";
        let mut ids = BTreeSet::new();
        let mut take = |sql: String, arg: Option<rusqlite::types::Value>| -> Result<()> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(arg), |r| r.get(0))?;
            for id in rows {
                ids.insert(id?);
            }
            Ok(())
        };
        take(
            format!("SELECT id FROM cases WHERE next_due <= ?1 AND {open} AND {seen}"),
            Some(cutoff.into()),
        )?;
        if policy.backlog_repeats > 0 {
            take(
                format!("SELECT id FROM cases WHERE id IN ({REPEATED}) AND {open} AND {seen}"),
                Some(i64::from(policy.backlog_repeats).into()),
            )?;
        }
        take(
            format!(
                "SELECT id FROM cases WHERE id IN (SELECT case_id FROM backlog_files
                   WHERE json_extract(doc, '$.marked') IS NOT NULL) AND {seen}"
            ),
            None,
        )?;
        Ok(ids.into_iter().collect())
    }

    /// The rows of `ids` (from [`Store::backlog_ids`]) with their grounds and files; one the
    /// viewer may not see is left out.
    pub fn backlog_rows(&self, ids: &[i64], today: NaiveDate) -> Result<Vec<BacklogRow>> {
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let row = match self.case(&CaseRef::Id(id), today) {
                Ok(row) => row,
                // Hidden from the viewer: not on their list.
                Err(StoreError::CaseNotFound(_)) => continue,
                Err(e) => return Err(e),
            };
            let (grounds, file) = self.grounds_and_file(&row)?;
            out.push(BacklogRow {
                row,
                grounds,
                file: file.unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// Case `row`'s 积案 grounds and file, for its case screen: `None` when it is not 积案
    /// and never had a file (a case no longer 积案 keeps its file, with no ground).
    pub fn backlog_of(&self, row: &CaseRow) -> Result<Option<(Vec<BacklogGround>, BacklogFile)>> {
        let (grounds, file) = self.grounds_and_file(row)?;
        Ok(match file {
            Some(f) => Some((grounds, f)),
            None if grounds.is_empty() => None,
            None => Some((grounds, BacklogFile::default())),
        })
    }

    /// Why case `row` is 积案 (the office's rule and the leader's mark, `domain::backlog`),
    /// and its file if it has one.
    fn grounds_and_file(&self, row: &CaseRow) -> Result<(Vec<BacklogGround>, Option<BacklogFile>)> {
        let file = file_of(&self.conn, row.case.id)?;
        let marked = file.as_ref().is_some_and(|f| f.marked.is_some());
        let policy = &self.office.policy;
        Ok((
            backlog::grounds(&row.case, &row.clocks, marked, policy),
            file,
        ))
    }

    /// Every 积案 the viewer may see on `today`, whole (the command line's list and sheet).
    pub fn backlog(&self, today: NaiveDate) -> Result<Vec<BacklogRow>> {
        let mut rows = self.backlog_rows(&self.backlog_ids(today)?, today)?;
        rows.retain(|r| !r.grounds.is_empty());
        Ok(rows)
    }

    /// Changes case `r`'s 积案 file as `actor` (a leader) at `at`.
    pub fn change_backlog(
        &mut self,
        actor: &str,
        at: DateTime<FixedOffset>,
        r: &CaseRef,
        change: &BacklogChange,
    ) -> Result<BacklogFile> {
        let today = at
            .with_timezone(&self.office.policy.utc_offset)
            .date_naive();
        let row = self.case(r, today)?;
        let operators = directory::operators(&self.conn)?;
        let who = (operators.iter().find(|o| o.name == actor))
            .ok_or_else(|| StoreError::UnknownActor(actor.to_owned()))?;
        let file = file_of(&self.conn, row.case.id)?.unwrap_or_default();
        let by_rule =
            !backlog::grounds(&row.case, &row.clocks, false, &self.office.policy).is_empty();
        let acting = Acting {
            actor: who,
            operators: &operators,
        };
        let next = backlog::apply(&file, &row.case, by_rule, change, today, &acting)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        receipt::guard(&tx, &self.path, &self.key)?;
        tx.prepare_cached(
            "INSERT OR REPLACE INTO backlog_files (case_id, marked, leader, doc)
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            next.case_id,
            next.marked.is_some(),
            next.leader,
            serde_json::to_string(&next)?
        ])?;
        let mut detail = json!({"change": change.act(), "file": next});
        if let Some(by) = self.entered_by.as_deref().filter(|by| *by != actor) {
            detail["entered_by"] = json!(by);
        }
        let rec = OfficeRecord {
            at,
            actor: actor.to_owned(),
            act: Audited::Backlog,
            subject: next.case_id.to_string(),
            detail,
            result: AuditResult::Ok,
        };
        office_journal::append(&tx, &rec)?;
        tx.commit()?;
        self.anchor();
        Ok(next)
    }
}

#[cfg(test)]
#[path = "backlog_tests.rs"]
mod tests;
