//! Demo ledgers: a realistic office history, written through the real
//! domain (every change is a command the state machine accepts, journalled
//! like any other), deterministic from a seed.
//!
//! Cases are received over the two years before `now` and sorted by time,
//! so ids and numbers follow the calendar. They are written in chunks, one
//! batch (one transaction) each: the chunk's intakes, then all their later
//! commands, each case's in order and never after `now`.

mod channel;
mod clock;
mod closing;
mod flow;
mod handling;
mod people;
mod plan;
mod staff;
mod text;
mod timeline;

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime};

use crate::domain::due::overdue;
use crate::domain::types::State;
use crate::store::{Applied, CaseRef, Request, Store, StoreError};
use plan::Planner;

pub use staff::{CLERKS, DEPARTMENTS, LEADERS};

/// Cases per chunk: one batch (one transaction) with their intakes and
/// their later commands (about seven each).
const CHUNK: usize = 1000;

pub struct DemoOptions {
    pub cases: usize,
    pub seed: u64,
    /// The moment the demo history ends; nothing happens after it.
    pub now: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    pub cases: usize,
    /// Commands written (intakes included).
    pub events: usize,
    /// Every state, in workflow order, with its count (zeros included).
    pub by_state: Vec<(State, usize)>,
    /// Open cases with a clock already past due at `now`.
    pub overdue: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("cannot set up the demo office: {0}")]
    Setup(#[source] StoreError),
    #[error("demo command {index} ({what}) was refused: {source}")]
    Command {
        /// 0-based number of the command in the whole run.
        index: usize,
        /// "assign on case 17 by 李娜 at 2025-03-04T09:12:00+08:00".
        what: String,
        source: StoreError,
    },
    #[error("the ledger gave the new case id {found}, the demo expected {expected}")]
    UnexpectedId { expected: i64, found: i64 },
    #[error("the office's category list has none of the demo's categories")]
    NoCategories,
}

/// Writes `opts.cases` demo cases (and the demo operators and departments)
/// into `store`.
pub fn generate(store: &mut Store, opts: &DemoOptions) -> Result<DemoSummary, DemoError> {
    generate_with(store, opts, |_, _| {})
}

/// As [`generate`], calling `progress(done, total)` after each chunk.
pub fn generate_with(
    store: &mut Store,
    opts: &DemoOptions,
    mut progress: impl FnMut(usize, usize),
) -> Result<DemoSummary, DemoError> {
    staff::setup(store).map_err(DemoError::Setup)?;
    let office = store.office().clone();
    let offset = office.policy.utc_offset;
    let now = opts.now.with_timezone(&offset).naive_local();
    let today = now.date();
    let mut planner = Planner::new(&office, now, opts.seed).ok_or(DemoError::NoCategories)?;
    let first_id = store
        .all_ids()
        .map_err(DemoError::Setup)?
        .last()
        .map_or(1, |last| last + 1);
    let receipts = planner.receipts(opts.cases);
    let mut summary = DemoSummary {
        cases: 0,
        events: 0,
        by_state: State::ALL.iter().map(|s| (*s, 0)).collect(),
        overdue: 0,
    };
    for (n, chunk) in receipts.chunks(CHUNK).enumerate() {
        let base = n * CHUNK;
        let mut intakes = Vec::with_capacity(chunk.len());
        let mut histories = Vec::with_capacity(chunk.len());
        for (k, &(received, channel)) in chunk.iter().enumerate() {
            let id = first_id + (base + k) as i64;
            let plan = planner.plan(base + k, id, channel, received);
            intakes.push(Request {
                case: None,
                expected_version: None,
                command: crate::domain::command::Command::Intake(Box::new(plan.intake)),
                actor: plan.actor.to_owned(),
                at: fixed(plan.at, offset),
            });
            histories.push(plan.steps);
        }
        // One batch: the intakes, then every case's later commands in
        // order. Ids are known before the intakes run (checked below), so
        // the later commands find their cases still parsed in the batch.
        let n_intakes = intakes.len();
        let mut batch = intakes;
        let mut last = Vec::with_capacity(chunk.len());
        for (k, steps) in histories.into_iter().enumerate() {
            let id = first_id + (base + k) as i64;
            let before = batch.len();
            for step in steps {
                batch.push(Request {
                    case: Some(CaseRef::Id(id)),
                    expected_version: None,
                    command: step.command,
                    actor: step.actor.to_owned(),
                    at: fixed(step.at, offset),
                });
            }
            last.push((batch.len() > before).then(|| batch.len() - 1));
        }
        let applied = run(store, &batch, summary.events)?;
        summary.events += batch.len();
        let created = &applied[..n_intakes];
        for (k, a) in created.iter().enumerate() {
            let expected = first_id + (base + k) as i64;
            if a.id != expected {
                return Err(DemoError::UnexpectedId {
                    expected,
                    found: a.id,
                });
            }
        }
        // A case's last command left it as it now stands.
        for (a, end) in created.iter().zip(&last) {
            let fin = end.and_then(|i| applied.get(i)).unwrap_or(a);
            tally(&mut summary, fin, today);
        }
        progress(summary.cases, opts.cases);
    }
    Ok(summary)
}

fn tally(summary: &mut DemoSummary, a: &Applied, today: chrono::NaiveDate) {
    summary.cases += 1;
    if let Some(slot) = summary.by_state.iter_mut().find(|(s, _)| *s == a.state) {
        slot.1 += 1;
    }
    if a.state != State::Archived && overdue(&a.clocks, today) {
        summary.overdue += 1;
    }
}

/// Runs one batch; a refusal names the command by its number in the run.
fn run(store: &mut Store, reqs: &[Request], before: usize) -> Result<Vec<Applied>, DemoError> {
    if reqs.is_empty() {
        return Ok(Vec::new());
    }
    store
        .execute_batch(reqs)
        .map_err(|(i, source)| DemoError::Command {
            index: before + i,
            what: reqs.get(i).map_or_else(|| "commit".to_owned(), describe),
            source,
        })
}

fn describe(r: &Request) -> String {
    let case = r
        .case
        .as_ref()
        .map_or_else(|| "a new case".to_owned(), |c| format!("case {c}"));
    format!(
        "{} on {case} by {} at {}",
        r.command.op(),
        r.actor,
        r.at.to_rfc3339()
    )
}

/// An office-local time as a time with the office's offset.
fn fixed(local: NaiveDateTime, offset: FixedOffset) -> DateTime<FixedOffset> {
    let utc = local - Duration::seconds(i64::from(offset.local_minus_utc()));
    DateTime::from_naive_utc_and_offset(utc, offset)
}
