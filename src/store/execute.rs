//! One command = one transaction: load, transition, guarded write, journal.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Transaction, TransactionBehavior};

pub use super::cases::CaseRef;
use super::cases::{self, allot_number};
use super::{Result, Store, StoreError, directory, journal};
use crate::config::Office;
use crate::domain::case::Case;
use crate::domain::command::Command;
use crate::domain::deadline::ClockView;
use crate::domain::documents::Content;
use crate::domain::due::case_clocks;
use crate::domain::rules::Operator;
use crate::domain::types::State;
use crate::domain::workflow::{Event, Warning, local_date, transition};

/// Finishes an issued document inside the transaction: numbers it, renders
/// it and writes the number and text into the case and the event.
pub(super) type Finish<'a> =
    &'a mut dyn FnMut(&Transaction, &mut Case, &mut Event, &Content) -> Result<()>;

/// A command as the store receives it.
#[derive(Debug, Clone)]
pub struct Request {
    /// The case acted on; None for intake.
    pub case: Option<CaseRef>,
    /// The version the caller last saw; a different current version is
    /// refused as "changed by someone else". None: act on the latest.
    pub expected_version: Option<i64>,
    pub command: Command,
    pub actor: String,
    pub at: DateTime<FixedOffset>,
}

/// What a committed command left behind.
#[derive(Debug, Clone)]
pub struct Applied {
    pub id: i64,
    pub case_no: Option<String>,
    pub state: State,
    pub version: i64,
    pub event_seq: i64,
    pub clocks: Vec<ClockView>,
    pub warnings: Vec<Warning>,
    pub case: Case,
}

impl Applied {
    /// `{"decide": "2026-02-24", "handle": null}`: every clock of the
    /// policy that applies to the case's channel, null until it starts.
    pub fn due(&self, store: &Store) -> BTreeMap<String, Option<NaiveDate>> {
        store.due_map(&self.case, &self.clocks)
    }
}

impl Store {
    /// Runs one command in one `BEGIN IMMEDIATE` transaction. Returns only
    /// after the commit is on disk (synchronous = FULL).
    pub fn execute(&mut self, req: &Request) -> Result<Applied> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let operators = directory::operators(&tx)?;
        let departments = directory::department_names(&tx)?;
        let (applied, was) = run(&tx, &self.office, &operators, &departments, req, None, None)?;
        tx.commit()?;
        self.counted_move(was, applied.state);
        Ok(applied)
    }

    /// Runs many commands in one transaction (bulk loading: the demo
    /// ledger, imports). The first refusal rolls the whole batch back and is
    /// returned with its index.
    pub fn execute_batch(&mut self, reqs: &[Request]) -> Result<Vec<Applied>, (usize, StoreError)> {
        // Many cases move: the next counts() counts again.
        self.forget_counts();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| (0, e.into()))?;
        let operators = directory::operators(&tx).map_err(|e| (0, e))?;
        let departments = directory::department_names(&tx).map_err(|e| (0, e))?;
        if super::batch::fits(reqs) {
            let out = super::batch::run(&tx, &self.office, &operators, &departments, reqs)?;
            tx.commit().map_err(|e| (reqs.len(), e.into()))?;
            return Ok(out);
        }
        let mut out = Vec::with_capacity(reqs.len());
        // Cases written earlier in this batch, so that their next command
        // neither reloads nor re-parses them.
        let mut cache = HashMap::new();
        for (i, req) in reqs.iter().enumerate() {
            out.push(
                run(
                    &tx,
                    &self.office,
                    &operators,
                    &departments,
                    req,
                    Some(&mut cache),
                    None,
                )
                .map_err(|e| (i, e))?
                .0,
            );
        }
        tx.commit().map_err(|e| (reqs.len(), e.into()))?;
        Ok(out)
    }

    pub(crate) fn due_map(
        &self,
        case: &Case,
        clocks: &[ClockView],
    ) -> BTreeMap<String, Option<NaiveDate>> {
        let channel = case.intake.channel;
        self.office
            .policy
            .clocks
            .iter()
            .filter(|rule| self.office.policy.applies(rule, channel))
            .map(|rule| {
                let due = clocks.iter().find(|v| v.key == rule.key).map(|v| v.due);
                (rule.key.clone(), due)
            })
            .collect()
    }
}

/// Refuses a command written against another version of the case than the stored one
/// (the optimistic guard: someone else changed it since it was read).
pub(super) fn fresh(case: &Case, version: i64, expected: Option<i64>) -> Result<()> {
    match expected {
        Some(expected) if expected != version => Err(StoreError::Stale {
            case: case.case_no.clone().unwrap_or_else(|| case.id.to_string()),
            expected,
            found: version,
        }),
        _ => Ok(()),
    }
}

/// `execute` inside the caller's transaction, with a hook for issuing a
/// document (`Store::issue`).
pub(super) fn execute_in(
    tx: &Transaction,
    office: &Office,
    req: &Request,
    finish: Finish,
) -> Result<Applied> {
    let operators = directory::operators(tx)?;
    let departments = directory::department_names(tx)?;
    // Issuing a document leaves the case's state as it was: the kept counts stand.
    run(
        tx,
        office,
        &operators,
        &departments,
        req,
        None,
        Some(finish),
    )
    .map(|(applied, _)| applied)
}

/// Cases written in the running batch: case, stored document, version.
type Cache = HashMap<i64, (Case, String, i64)>;

/// The body of a command inside an open transaction; with the state the
/// case was in (None for a new case).
fn run(
    tx: &Transaction,
    office: &Office,
    operators: &[Operator],
    departments: &[String],
    req: &Request,
    mut cache: Option<&mut Cache>,
    finish: Option<Finish>,
) -> Result<(Applied, Option<State>)> {
    let actor = operators
        .iter()
        .find(|o| o.name == req.actor)
        .cloned()
        .ok_or_else(|| StoreError::UnknownActor(req.actor.clone()))?;
    let before = match &req.case {
        Some(r) => {
            let cached = match (r, cache.as_deref_mut()) {
                (CaseRef::Id(id), Some(c)) => c.remove(id),
                _ => None,
            };
            let (case, doc, version) = match cached {
                Some(hit) => hit,
                None => cases::load_with_doc(tx, r)?,
            };
            fresh(&case, version, req.expected_version)?;
            Some((case, doc, version))
        }
        None => None,
    };
    let rules = office.rules(operators, departments);
    let t = transition(
        before.as_ref().map(|(c, _, _)| c),
        &req.command,
        &actor,
        req.at,
        &rules,
    )?;
    let was = match (&before, t.created) {
        (Some((c, _, _)), false) => Some(c.state),
        _ => None,
    };
    let mut case = t.case;
    let mut event = t.event;
    if let Some(year) = t.allot_number_for_year {
        case.case_no = Some(allot_number(tx, year)?);
    }
    if let Some(content) = &t.document {
        // A document is only issued with its number and text: never bare.
        let finish = finish.ok_or_else(|| StoreError::Render("no renderer".to_owned()))?;
        finish(tx, &mut case, &mut event, content)?;
    }
    let today = local_date(req.at, &rules);
    let clocks = case_clocks(&case, &rules, today);
    // The new document is serialised once: for the row and the journal.
    let (version, before_doc, after_doc) = match (before, t.created) {
        (Some((_, old_doc, version)), false) => {
            let after = serde_json::to_string(&case)?;
            let v = cases::update(tx, &case, &after, version, &clocks)?;
            (v, Some(old_doc), after)
        }
        _ => {
            case.id = cases::next_id(tx)?;
            let after = serde_json::to_string(&case)?;
            let received = local_date(case.intake.received_at, &rules).to_string();
            cases::insert(tx, &case, &after, &clocks, &received)?;
            (1, None, after)
        }
    };
    let event_seq = journal::append(tx, case.id, &event, before_doc.as_deref(), &after_doc)?;
    if let Some(c) = cache {
        c.insert(case.id, (case.clone(), after_doc, version));
    }
    let applied = Applied {
        id: case.id,
        case_no: case.case_no.clone(),
        state: case.state,
        version,
        event_seq,
        clocks,
        warnings: t.warnings,
        case,
    };
    Ok((applied, was))
}
