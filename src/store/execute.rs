//! One command = one transaction: prepared (`prepare.rs`), then its guarded case row and
//! its journal event written. A batch that `batch.rs` can take goes there instead.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Transaction, TransactionBehavior};

use super::cases::{self, CaseRef};
use super::prepare::{Applied, Cases, Ledger, Prepared, Request, Stored, Write, prepare};
use super::{
    Result, Store, StoreError, attachments, backlog, batch, corrected, directory, guard, journal,
    receipt, rollup,
};
use crate::config::Office;
use crate::domain::case::Case;
use crate::domain::command::Command;
use crate::domain::deadline::ClockView;
use crate::domain::documents::Content;
use crate::domain::policy::ClockStart;
use crate::domain::rules::Rules;
use crate::domain::types::State;
use crate::domain::workflow::Event;

/// Finishes an issued document inside the transaction: numbers it, renders
/// it and writes the number and text into the case and the event.
pub(super) type Finish<'a> =
    &'a mut dyn FnMut(&Transaction, &mut Case, &mut Event, &Content) -> Result<()>;

impl Store {
    /// Runs one command in one `BEGIN IMMEDIATE` transaction. Returns only
    /// after the commit is on disk (synchronous = FULL).
    pub fn execute(&mut self, req: &Request) -> Result<Applied> {
        let seen_before = self.seen_before(req.case.as_ref());
        self.refuse_unseen(req, seen_before)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        receipt::guard(&tx, &self.path, &self.key)?;
        let operators = directory::operators(&tx)?;
        let departments = directory::department_names(&tx)?;
        let rules = self.office.rules(&operators, &departments);
        let entered = self.entered_by.as_deref();
        let (applied, was) = run(&tx, &rules, req, None, None, entered)?;
        tx.commit()?;
        self.anchor();
        self.counted_commit(seen_before, was, &applied.case);
        Ok(applied)
    }

    /// Runs many commands in one transaction (bulk loading: the demo
    /// ledger, imports). The first refusal rolls the whole batch back and is
    /// returned with its index.
    pub fn execute_batch(&mut self, reqs: &[Request]) -> Result<Vec<Applied>, (usize, StoreError)> {
        for (i, req) in reqs.iter().enumerate() {
            self.refuse_unseen(req, self.seen_before(req.case.as_ref()))
                .map_err(|e| (i, e))?;
        }
        self.batch_with(|_| Ok(Cow::Borrowed(reqs)))
    }

    /// Runs groups of commands in one transaction, each group a new case (its first
    /// command an intake) and the steps taken on it, which are set here to name the case
    /// their intake creates: an import's rows, each case made whole or not at all.
    pub fn execute_new_cases(
        &mut self,
        groups: &[Vec<Request>],
    ) -> Result<Vec<Applied>, (usize, StoreError)> {
        self.batch_with(|tx| {
            // Ids are max + 1 in turn, and the write lock is held: group g's case is first + g.
            let first = cases::next_id(tx)?;
            let mut reqs = Vec::new();
            for (g, group) in (0_i64..).zip(groups) {
                for (i, r) in group.iter().enumerate() {
                    let mut r = r.clone();
                    if i > 0 {
                        r.case = Some(CaseRef::Id(first + g));
                    }
                    reqs.push(r);
                }
            }
            Ok(Cow::Owned(reqs))
        })
    }

    fn batch_with<'r>(
        &mut self,
        make: impl FnOnce(&Transaction) -> Result<Cow<'r, [Request]>>,
    ) -> Result<Vec<Applied>, (usize, StoreError)> {
        // Many cases move: the next counts() counts again.
        self.forget_counts();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| (0, e.into()))?;
        let reqs = make(&tx).map_err(|e| (0, e))?;
        let reqs = reqs.as_ref();
        // Bulk loading (a demo, an import into an empty ledger) is redone, not guarded:
        // its receipt is written once at the end.
        if !self.bulk {
            receipt::guard(&tx, &self.path, &self.key).map_err(|e| (0, e))?;
        }
        let operators = directory::operators(&tx).map_err(|e| (0, e))?;
        let departments = directory::department_names(&tx).map_err(|e| (0, e))?;
        let rules = self.office.rules(&operators, &departments);
        let out = if batch::fits(reqs) {
            batch::run(&tx, &rules, reqs)?
        } else {
            let mut out = Vec::with_capacity(reqs.len());
            // Cases written earlier in this batch, so that their next command
            // neither reloads nor re-parses them.
            let mut cache = Cases::new();
            for (i, req) in reqs.iter().enumerate() {
                let (applied, _) =
                    run(&tx, &rules, req, Some(&mut cache), None, None).map_err(|e| (i, e))?;
                out.push(applied);
            }
            out
        };
        tx.commit().map_err(|e| (reqs.len(), e.into()))?;
        self.anchor();
        Ok(out)
    }

    /// A command on a case the signed-in reader may not see is refused as one on a case
    /// that does not exist, whoever it names as its actor: the accused learn nothing of an
    /// accusation by acting on it (Art 30 第三款), not even which refusal it draws.
    fn refuse_unseen(&self, req: &Request, seen_before: Option<bool>) -> Result<()> {
        match (&req.case, seen_before) {
            (Some(r), Some(false)) => Err(StoreError::CaseNotFound(r.to_string())),
            _ => Ok(()),
        }
    }

    pub(crate) fn due_map(
        &self,
        case: &Case,
        clocks: &[ClockView],
    ) -> BTreeMap<String, Option<NaiveDate>> {
        let (channel, level) = (case.intake.channel, case.level());
        // A case decided and not accepted has no review window (Art 35): not even a null.
        let declined = case.decision.is_some() && !case.accepted();
        let policy = &self.office.policy;
        policy
            .clocks
            .iter()
            .filter(|rule| policy.applies_at(rule, channel, level))
            .filter(|rule| !(declined && rule.start == ClockStart::Answered))
            .map(|rule| {
                let due = clocks.iter().find(|v| v.key == rule.key).map(|v| v.due);
                (rule.key.clone(), due)
            })
            .collect()
    }
}

/// `execute` inside the caller's transaction, with a hook for issuing a
/// document (`Store::issue`).
pub(super) fn execute_in(
    tx: &Transaction,
    office: &Office,
    req: &Request,
    finish: Finish,
    entered_by: Option<&str>,
) -> Result<Applied> {
    let operators = directory::operators(tx)?;
    let departments = directory::department_names(tx)?;
    let rules = office.rules(&operators, &departments);
    // Issuing a document leaves the case's state as it was: the kept counts stand.
    run(tx, &rules, req, None, Some(finish), entered_by).map(|(applied, _)| applied)
}

/// The single command's [`Ledger`]: SQLite inside its transaction, and the cases a
/// running batch wrote, so that their next command neither reloads nor re-parses them.
struct Sql<'a, 'f> {
    tx: &'a Transaction<'a>,
    cache: Option<&'a mut Cases>,
    finish: Option<Finish<'f>>,
}

impl Ledger for Sql<'_, '_> {
    fn case(&mut self, r: &CaseRef) -> Result<Stored> {
        let cached = match r {
            CaseRef::Id(id) => self.cache.as_deref_mut().and_then(|c| c.remove(id)),
            // Cached by id only: a number is looked up.
            CaseRef::No(_) => None,
        };
        match cached {
            Some(hit) => Ok(hit),
            None => {
                let stored = cases::load_with_doc(self.tx, r)?;
                guard::case_agrees(self.tx, &stored.0, &stored.1, stored.2)?;
                Ok(stored)
            }
        }
    }

    fn put_back(&mut self, stored: Stored) {
        if let Some(c) = self.cache.as_deref_mut() {
            c.insert(stored.0.id, stored);
        }
    }

    fn next_number(&mut self, year: i32) -> Result<i64> {
        cases::allot_number(self.tx, year)
    }

    fn next_id(&mut self) -> Result<i64> {
        cases::next_id(self.tx)
    }

    fn last_event(&mut self) -> Result<(i64, String)> {
        journal::last(self.tx)
    }

    fn finish(&mut self, case: &mut Case, event: &mut Event, content: &Content) -> Result<()> {
        let finish = self
            .finish
            .as_mut()
            .ok_or_else(|| StoreError::Render("no renderer".to_owned()))?;
        finish(self.tx, case, event, content)
    }

    fn journal(&mut self, case_id: i64) -> Result<Vec<journal::JournalEntry>> {
        journal::for_case(self.tx, case_id)
    }

    fn review_on(&mut self, id: i64) -> Result<Option<String>> {
        cases::review_on(self.tx, id)
    }

    fn last_step_at(&mut self, id: i64) -> Result<Option<DateTime<FixedOffset>>> {
        journal::last_at(self.tx, id)
    }
}

/// One command inside an open transaction: prepared, then its case row and journal event
/// written; with the state the case was in (None for a new case).
pub(super) fn run(
    tx: &Transaction,
    rules: &Rules,
    req: &Request,
    cache: Option<&mut Cases>,
    finish: Option<Finish>,
    entered_by: Option<&str>,
) -> Result<(Applied, Option<State>)> {
    let mut ledger = Sql { tx, cache, finish };
    let Prepared {
        write,
        mut event,
        applied,
        was,
    } = prepare(rules, req, &mut ledger)?;
    if let Some(who) = entered_by.filter(|who| *who != req.actor) {
        event.entered_by(who);
    }
    let case = &applied.case;
    let existing = matches!(write, Write::Update { .. });
    let rolled = rollup::begin(tx, rules, case.id, existing)?;
    match &write {
        Write::Insert {
            doc,
            received,
            tokens,
        } => cases::insert(
            tx,
            case,
            (doc, applied.version),
            &applied.clocks,
            received,
            tokens,
        )?,
        Write::Update { doc, version } => {
            cases::update(tx, case, doc, *version, &applied.clocks)?;
            if matches!(req.command, Command::Correct(_)) {
                backlog::refuse_accused_keeper(tx, case, rules.operators)?;
                corrected::write(tx, case)?;
            }
        }
    }
    rolled.finish(tx, rules, case)?;
    journal::insert(tx, &event)?;
    attachments::write(tx, case, &req.command)?;
    if let Some(c) = ledger.cache {
        c.insert(
            applied.id,
            (case.clone(), write.into_doc(), applied.version),
        );
    }
    Ok((applied, was))
}
