//! The state machine: intake → register → assign → reply → archive.
//! `transition` is the only code that produces a new version of a case; the
//! store persists what it returns together with its journal event.

use chrono::{DateTime, FixedOffset};

use super::case::{Case, Stamp};
use super::command::Command;
use super::documents::Content;
use super::error::{Field, WorkflowError};
use super::op::{Act, Op};
use super::rules::{Operator, Rules};
use super::types::Role;

mod checks;
mod gate;
mod intake;
mod rereview;
mod steps;
mod warning;

pub use crate::domain::rules::local_date;
use checks::check_after_receipt;
pub(crate) use checks::nonempty;
use gate::gate;
pub use gate::{allowed_ops, may_manage_office, may_take_in, permitted, refusal};
use intake::validate_intake;
use steps::{Change, Step, new_case};
pub use warning::Warning;

/// The journal entry a transition produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub op: Op,
    pub actor: String,
    pub role: Role,
    pub at: DateTime<FixedOffset>,
    pub command: Command,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// The new version of the case (a new case for intake and review).
    pub case: Case,
    /// True when `case` is a new case to insert.
    pub created: bool,
    /// Registration: the store must issue the next number of this year.
    pub allot_number_for_year: Option<i32>,
    pub warnings: Vec<Warning>,
    pub event: Event,
    /// Issuing a document: what it states, checked; the store numbers it
    /// (per kind and year), renders and keeps the text.
    pub document: Option<Content>,
}

/// Applies `command` by `actor` at `at` to `case` (None for intake).
pub fn transition(
    case: Option<&Case>,
    command: &Command,
    actor: &Operator,
    at: DateTime<FixedOffset>,
    rules: &Rules,
) -> Result<Transition, WorkflowError> {
    if !actor.active {
        return Err(WorkflowError::InactiveOperator(actor.name.clone()));
    }
    let op = command.op();
    let event = Event {
        op,
        actor: actor.name.clone(),
        role: actor.role,
        at,
        command: command.clone(),
    };
    let stamp = Stamp {
        by: actor.name.clone(),
        at,
    };
    let change = match case {
        None => take_in(command, actor, at, rules)?,
        Some(case) => {
            gate(case, op)?;
            permitted(case, op, actor)?;
            let today = local_date(at, rules);
            check_after_receipt(case, op, today, rules)?;
            let step = Step {
                case,
                actor,
                at,
                today,
                rules,
                stamp,
            };
            step.apply(command)?
        }
    };
    Ok(Transition {
        case: change.case,
        created: change.created,
        allot_number_for_year: change.allot_number_for_year,
        warnings: change.warnings,
        event,
        document: change.document,
    })
}

/// A new case: only intake makes one without a case to act on.
fn take_in(
    command: &Command,
    actor: &Operator,
    at: DateTime<FixedOffset>,
    rules: &Rules,
) -> Result<Change, WorkflowError> {
    let Command::Intake(input) = command else {
        return Err(WorkflowError::MissingField {
            op: Act::Step(command.op()),
            field: Field::Case,
        });
    };
    may_take_in(actor)?;
    let (intake, warnings) = validate_intake(input, actor, at, rules)?;
    Ok(Change {
        case: new_case(intake, None),
        created: true,
        allot_number_for_year: None,
        warnings,
        document: None,
    })
}
