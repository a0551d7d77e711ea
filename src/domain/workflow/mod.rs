//! The state machine: intake → register → assign → reply → archive.
//! `transition` is the only code that produces a new version of a case; the
//! store persists what it returns together with its journal event.

use chrono::{DateTime, FixedOffset};

use super::case::{Case, Stamp};
use super::command::Command;
use super::documents::Content;
use super::error::{Field, WorkflowError};
use super::limits;
use super::op::{Act, Op};
use super::rules::{Operator, Rules};
use super::types::Role;

mod accused;
mod checks;
pub use checks::{asks_of_review, check_in_order, check_reviewed_once};
mod correct;
mod decide;
mod extension;
mod files;
mod gate;
mod intake;
mod rereview;
mod steps;
pub mod undo;
mod undo_step;
mod warning;

pub use crate::domain::rules::local_date;
pub use checks::LEDGER_YEARS;
pub(crate) use checks::nonempty;
use checks::{check_after_receipt, check_in_ledger};
use gate::gate;
pub use gate::{allowed_ops, may_manage_office, may_take_in, permitted, refusal, refusal_on};
use intake::validate_intake;
use steps::{Change, Step, new_case};
pub use warning::{LawRoute, Warning};

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
    // The office's own offset: a time written with another (`Z`) is the same moment, and
    // every date read off it (a notice's 收件日期, the register's) is the office's day.
    let at = at.with_timezone(&rules.policy.utc_offset);
    // Every surface's text and dates meet the same bounds (`domain::limits`).
    limits::check_command(command)?;
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
            gate(case, op, actor)?;
            permitted(case, op, actor)?;
            accused::refuse_the_accused(case, command, actor)?;
            let today = local_date(at, rules);
            check_in_ledger(today)?;
            check_after_receipt(case, op, today, rules)?;
            // The dates a step sets ahead (a reply-by, a report-by) stay in the ledger's years.
            for date in dates_ahead(command) {
                check_in_ledger(date)?;
            }
            let step = Step {
                case,
                actor,
                at,
                today,
                rules,
                stamp,
            };
            if matches!(
                command,
                Command::AttachFile { .. } | Command::DetachFile { .. }
            ) {
                files::apply(step, command)?
            } else {
                step.apply(command)?
            }
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

/// The dates a command names beyond its own day: those before it are bounded by earlier steps.
fn dates_ahead(command: &Command) -> Vec<chrono::NaiveDate> {
    use super::types::Decision;
    match command {
        Command::Supervise { feedback_by, .. } => vec![*feedback_by],
        Command::Remind { reply_by, .. } => vec![*reply_by],
        Command::Register(Decision::PassOn {
            report_by: Some(by),
            ..
        }) => vec![*by],
        Command::Reply { served_at, .. } => served_at.iter().copied().collect(),
        Command::ReportBack { sent_on, .. } => sent_on.iter().copied().collect(),
        Command::ReportReceived { received_on, .. } => received_on.iter().copied().collect(),
        Command::Resolve { resolved_on, .. } => resolved_on.iter().copied().collect(),
        Command::Hearing { from, to, .. } => vec![*from, *to],
        Command::NoFurther { received_on, .. } | Command::Review { received_on, .. } => {
            received_on.iter().copied().collect()
        }
        Command::Intake(_)
        | Command::Register(_)
        | Command::Assign { .. }
        | Command::Recuse { .. }
        | Command::Opinion { .. }
        | Command::Instruct { .. }
        | Command::Sign { .. }
        | Command::Extend { .. }
        | Command::ReturnVisit { .. }
        | Command::Archive
        | Command::Attach(_)
        | Command::Own
        | Command::AskExtension { .. }
        | Command::RefuseExtension { .. }
        | Command::Terminate { .. }
        | Command::Unmask { .. }
        | Command::Correct(_)
        | Command::Undo { .. }
        | Command::AttachFile { .. }
        | Command::DetachFile { .. }
        | Command::Issue(_) => Vec::new(),
    }
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
