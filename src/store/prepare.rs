//! One command prepared, the same way for the single command (`execute.rs`) and the
//! batch writer (`batch.rs`): load the case, run the domain's `transition`, number the
//! case, compute its clocks, its document, its search tokens and its journal row. What
//! the ledger is asked in the middle (the case as stored, the next id, number and journal
//! link) comes through [`Ledger`]: SQLite inside the command's transaction, or what a
//! batch read at its start and has prepared since. Writing the rows is the caller's.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::cases::CaseRef;
use super::{Result, Store, StoreError, journal, search};
use crate::domain::case::Case;
use crate::domain::command::Command;
use crate::domain::deadline::ClockView;
use crate::domain::documents::Content;
use crate::domain::due::case_clocks;
use crate::domain::filing::case_number;
use crate::domain::rules::Rules;
use crate::domain::types::State;
use crate::domain::workflow::undo::Basis;
use crate::domain::workflow::{
    Event, Warning, asks_of_review, check_in_order, check_reviewed_once, local_date, transition,
};

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

/// A case as stored: the case, its JSON document (the journal's "before") and its version.
pub(super) type Stored = (Case, String, i64);

/// Cases by id, as they stand in a running batch.
pub(super) type Cases = HashMap<i64, Stored>;

/// What preparing a command asks of the ledger.
pub(super) trait Ledger {
    /// The case `r` names, as stored.
    fn case(&mut self, r: &CaseRef) -> Result<Stored>;
    /// Takes back a case the command did not change (a review opens a new case).
    fn put_back(&mut self, stored: Stored);
    /// The next number of `year`'s case counter.
    fn next_number(&mut self, year: i32) -> Result<i64>;
    /// The id of the next new case.
    fn next_id(&mut self) -> Result<i64>;
    /// The last journal row's number and hash.
    fn last_event(&mut self) -> Result<(i64, String)>;
    /// Numbers and renders the document the command issues, writing its number and text
    /// into the case and the event (only `Store::issue` can).
    fn finish(&mut self, case: &mut Case, event: &mut Event, content: &Content) -> Result<()>;
    /// The case's journal, oldest first (an undo reads its last step there).
    fn journal(&mut self, case_id: i64) -> Result<Vec<journal::JournalEntry>>;
    /// The number (or `#id`) of the 复查 or 复核 already opened on case `id`, if any.
    fn review_on(&mut self, id: i64) -> Result<Option<String>>;
    /// When case `id`'s last journalled step of its course (`Op::in_course`) was taken.
    fn last_step_at(&mut self, id: i64) -> Result<Option<DateTime<FixedOffset>>>;
}

/// One prepared command: the rows to write and the answer.
pub(super) struct Prepared {
    pub write: Write,
    pub event: journal::Row,
    pub applied: Applied,
    /// The state the case was in; None for a new case.
    pub was: Option<State>,
}

/// The case row to write.
pub(super) enum Write {
    Insert {
        doc: String,
        received: String,
        tokens: String,
    },
    /// The new document, and the version it replaces.
    Update { doc: String, version: i64 },
}

impl Write {
    /// The case's new JSON document.
    pub fn doc(&self) -> &str {
        match self {
            Write::Insert { doc, .. } | Write::Update { doc, .. } => doc,
        }
    }

    pub fn into_doc(self) -> String {
        match self {
            Write::Insert { doc, .. } | Write::Update { doc, .. } => doc,
        }
    }
}

/// Prepares `req` under `rules` (whose operators name the actors), asking `ledger`.
pub(super) fn prepare(rules: &Rules, req: &Request, ledger: &mut dyn Ledger) -> Result<Prepared> {
    let actor = rules
        .operator(&req.actor)
        .ok_or_else(|| StoreError::UnknownActor(req.actor.clone()))?;
    let before = match &req.case {
        Some(r) => {
            let stored = ledger.case(r)?;
            fresh(&stored.0, stored.2, req.expected_version)?;
            Some(stored)
        }
        None => None,
    };
    let before_case = before.as_ref().map(|(c, _, _)| c);
    if let Some(case) = before_case {
        in_turn(ledger, case, req, rules)?;
    }
    let resolved;
    let command = match (&req.command, &before) {
        (Command::Undo { seq, .. }, Some((case, doc, _))) => {
            resolved = Command::Undo {
                seq: *seq,
                basis: undo_basis(ledger, case.id, doc)?,
            };
            &resolved
        }
        _ => &req.command,
    };
    let t = transition(before_case, command, actor, req.at, rules)?;
    let (mut case, mut event) = (t.case, t.event);
    if let Some(year) = t.allot_number_for_year {
        case.case_no = Some(case_number(year, ledger.next_number(year)?));
    }
    if let Some(content) = &t.document {
        // A document is only issued with its number and text: never bare.
        ledger.finish(&mut case, &mut event, content)?;
    }
    let clocks = case_clocks(&case, rules, local_date(req.at, rules));
    let (was, before_doc, write) = match (before, t.created) {
        (Some((old, before_doc, version)), false) => {
            // Serialised once: for the row and the journal.
            let doc = serde_json::to_string(&case)?;
            (
                Some(old.state),
                Some(before_doc),
                Write::Update { doc, version },
            )
        }
        (old, _) => {
            // A review opens a new case; the one reviewed stays as it was.
            if let Some(old) = old {
                ledger.put_back(old);
            }
            case.id = ledger.next_id()?;
            (None, None, new_row(&case, rules)?)
        }
    };
    let last = ledger.last_event()?;
    let event = journal::row(last, case.id, &event, before_doc.as_deref(), write.doc())?;
    let version = match &write {
        Write::Insert { .. } => 1,
        Write::Update { version, .. } => version + 1,
    };
    let applied = Applied {
        id: case.id,
        case_no: case.case_no.clone(),
        state: case.state,
        version,
        event_seq: event.seq,
        clocks,
        warnings: t.warnings,
        case,
    };
    Ok(Prepared {
        write,
        event,
        applied,
        was,
    })
}

/// What the ledger's record of the case allows of `req`: a review once, and a step of the
/// case's course not dated before the last.
fn in_turn(ledger: &mut dyn Ledger, case: &Case, req: &Request, rules: &Rules) -> Result<()> {
    let op = req.command.op();
    if asks_of_review(op) {
        check_reviewed_once(op, case, ledger.review_on(case.id)?)?;
    }
    if let (true, Some(last)) = (op.in_course(), ledger.last_step_at(case.id)?) {
        check_in_order(op, local_date(req.at, rules), local_date(last, rules))?;
    }
    Ok(())
}

/// What an undo needs from the journal: the case's events and the case before the last.
fn undo_basis(ledger: &mut dyn Ledger, id: i64, doc: &str) -> Result<Option<Box<Basis>>> {
    let entries = ledger.journal(id)?;
    let Some(last) = entries.last() else {
        return Ok(None);
    };
    let prior: Case = serde_json::from_value(last.unapply(doc)?)?;
    let marks = entries
        .iter()
        .filter_map(journal::JournalEntry::mark)
        .collect();
    Ok(Some(Box::new(Basis { marks, prior })))
}

/// The row of a new case (its id set): document, day received and search tokens.
fn new_row(case: &Case, rules: &Rules) -> Result<Write> {
    Ok(Write::Insert {
        doc: serde_json::to_string(case)?,
        received: local_date(case.intake.received_at, rules).to_string(),
        tokens: search::index_tokens(&search::case_text(case)),
    })
}

/// Refuses a command written against another version of the case than the stored one
/// (the optimistic guard: someone else changed it since it was read).
fn fresh(case: &Case, version: i64, expected: Option<i64>) -> Result<()> {
    match expected {
        Some(expected) if expected != version => Err(StoreError::Stale {
            case: case.case_no.clone().unwrap_or_else(|| case.id.to_string()),
            expected,
            found: version,
        }),
        _ => Ok(()),
    }
}
