//! The state machine: intake → register → assign → reply → archive.
//! `transition` is the only code that produces a new version of a case; the
//! store persists what it returns together with its journal event.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::case::{
    Attached, Case, DecisionRecord, ExtensionRequest, Instruction, Intake, Opinion, Recusal, Reply,
    ReturnVisit, Stamp, Supervision,
};
use super::command::Command;
use super::documents::{Content, IssuedDoc, prepare};
use super::error::WorkflowError;
use super::intake::validate_intake;
use super::rules::{Operator, Rules};
use super::types::{Decision, Role, ServiceMethod, State};

mod checks;
mod gate;

pub(crate) use checks::nonempty;
use checks::{
    check_assignment, check_date_range, check_extension, check_review_window, validate_decision,
};
pub use gate::{allowed_ops, may_manage_office, may_take_in, permitted, refusal};
use gate::{gate, wrong_state};

/// A non-fatal remark the desk shows next to the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// 2022 Art 20: a group visit elects at most 5 representatives.
    TooManyRepresentatives { count: usize },
    /// A 15-digit pre-1999 ID number: accepted, but worth re-checking.
    LegacyIdNumber { index: usize },
    /// 重大紧急 (Art 25): report to the leader today.
    MajorUrgent,
}

/// The journal entry a transition produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub op: &'static str,
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
    let Some(case) = case else {
        let Command::Intake(input) = command else {
            return Err(WorkflowError::MissingField { op, field: "case" });
        };
        may_take_in(actor)?;
        let (intake, warnings) = validate_intake(input, actor, at, rules)?;
        return Ok(Transition {
            case: new_case(intake, None),
            created: true,
            allot_number_for_year: None,
            warnings,
            event,
            document: None,
        });
    };
    gate(case, op)?;
    permitted(case, op, actor)?;
    let today = local_date(at, rules);
    let mut next = case.clone();
    let mut allot = None;
    let mut created = false;
    let mut document = None;
    match command {
        // `gate` refuses intake on an existing case; this arm never runs.
        Command::Intake(_) => return Err(wrong_state(case, op)),
        Command::Register(decision) => {
            validate_decision(decision)?;
            next.state = match decision {
                Decision::Answered { text } => {
                    next.reply = Some(Reply {
                        outcome: None,
                        method: ServiceMethod::InPerson,
                        text: text.clone(),
                        served_at: today,
                        signed: true,
                        stamp: stamp.clone(),
                    });
                    State::Replied
                }
                _ => State::Registered,
            };
            next.decision = Some(DecisionRecord {
                decision: decision.clone(),
                stamp,
            });
            use chrono::Datelike;
            allot = Some(today.year());
        }
        Command::Assign {
            department,
            handler,
            leader,
        } => {
            next.assignment = Some(check_assignment(
                case, department, handler, leader, rules, stamp,
            )?);
            next.state = State::Assigned;
        }
        Command::Recuse { handler, reason } => {
            nonempty(op, "reason", reason)?;
            nonempty(op, "handler", handler)?;
            if actor.role == Role::Handler && actor.name != *handler {
                return Err(WorkflowError::RoleRequired {
                    op,
                    needed: vec![Role::Clerk, Role::Leader],
                    actor: actor.name.clone(),
                    actual: actor.role,
                });
            }
            next.recusals.push(Recusal {
                handler: handler.clone(),
                reason: reason.clone(),
                stamp,
            });
            // The assigned handler stepping aside sends the case back to be
            // assigned again; nobody else may take their opinion on.
            if next
                .assignment
                .as_ref()
                .is_some_and(|a| a.handler == *handler)
            {
                next.assignment = None;
                next.state = State::Registered;
            }
        }
        Command::Opinion { text } => {
            nonempty(op, "text", text)?;
            next.opinions.push(Opinion {
                text: text.clone(),
                role: actor.role,
                stamp,
            });
        }
        Command::Instruct { approve, text } => {
            if !approve {
                nonempty(op, "text", text)?;
            }
            next.instructions.push(Instruction {
                approve: *approve,
                text: text.clone(),
                stamp,
            });
        }
        Command::Extend { days, reason } => {
            nonempty(op, "reason", reason)?;
            next.extension = Some(check_extension(case, *days, reason, today, rules, stamp)?);
        }
        Command::Supervise {
            ground,
            text,
            feedback_by,
        } => {
            if *feedback_by < today {
                return Err(WorkflowError::DateTooEarly {
                    date: *feedback_by,
                    earliest: today,
                });
            }
            next.supervisions.push(Supervision {
                ground: *ground,
                text: text.clone(),
                feedback_by: *feedback_by,
                stamp,
            });
        }
        Command::Reply {
            outcome,
            method,
            text,
            served_at,
            signed,
        } => {
            nonempty(op, "text", text)?;
            if case.accepted() && outcome.is_none() {
                return Err(WorkflowError::MissingField {
                    op,
                    field: "outcome",
                });
            }
            if !case.accepted() && outcome.is_some() {
                return Err(WorkflowError::OutcomeOnNotice);
            }
            let served = served_at.unwrap_or(today);
            let decided = case
                .decision
                .as_ref()
                .map_or(today, |d| local_date(d.stamp.at, rules));
            check_date_range(served, decided, today)?;
            next.reply = Some(Reply {
                outcome: *outcome,
                method: *method,
                text: text.clone(),
                served_at: served,
                signed: *signed,
                stamp,
            });
            next.state = State::Replied;
        }
        Command::ReturnVisit { unit, office, note } => {
            next.return_visit = Some(ReturnVisit {
                unit: *unit,
                office: *office,
                note: note.clone(),
                stamp,
            });
        }
        Command::Archive => {
            next.archived = Some(stamp);
            next.state = State::Archived;
        }
        Command::Review { text } => {
            nonempty(op, "text", text)?;
            check_review_window(case, today, rules)?;
            let mut intake = case.intake.clone();
            intake.received_at = at;
            intake.receiver = actor.name.clone();
            intake.summary = text.clone();
            intake.links = vec![case.id];
            intake.postmark = None;
            intake.letter_no = None;
            next = new_case(intake, Some(case.id));
            created = true;
        }
        Command::AskExtension { days, reason } => {
            nonempty(op, "reason", reason)?;
            // Checked as the leader's extension would be: the cap, the due date.
            let checked = check_extension(case, *days, reason, today, rules, stamp.clone())?;
            next.extension_request = Some(ExtensionRequest {
                days: checked.days,
                reason: checked.reason,
                stamp,
                refusal: None,
            });
        }
        Command::RefuseExtension { reason } => {
            nonempty(op, "reason", reason)?;
            if let Some(r) = next.extension_request.as_mut() {
                r.refusal = Some(reason.clone());
            }
        }
        Command::Issue(input) => {
            let content = prepare(case, input, rules).map_err(|missing| {
                WorkflowError::DocumentIncomplete {
                    kind: input.kind,
                    missing,
                }
            })?;
            // The number is the store's to allot; it fills this entry in.
            next.documents.push(IssuedDoc {
                kind: input.kind,
                number: input.number.clone().unwrap_or_default(),
                stamp,
            });
            document = Some(content);
        }
        Command::Own => {
            if let Some(a) = next.assignment.as_mut() {
                a.owner_leader = Some(actor.name.clone());
            }
        }
        Command::Attach(input) => {
            let (intake, warnings) = validate_intake(input, actor, at, rules)?;
            next.attached.push(Attached {
                channel: intake.channel,
                received_at: intake.received_at,
                postmark: intake.postmark,
                letter_no: intake.letter_no,
                petitioners: intake.petitioners,
                summary: intake.summary,
                stamp,
            });
            return Ok(Transition {
                case: next,
                created,
                allot_number_for_year: allot,
                warnings,
                event,
                document: None,
            });
        }
    }
    Ok(Transition {
        case: next,
        created,
        allot_number_for_year: allot,
        warnings: Vec::new(),
        event,
        document,
    })
}

fn new_case(intake: Intake, review_of: Option<i64>) -> Case {
    Case {
        id: 0,
        case_no: None,
        state: State::Intake,
        intake,
        decision: None,
        assignment: None,
        recusals: Vec::new(),
        opinions: Vec::new(),
        instructions: Vec::new(),
        extension: None,
        supervisions: Vec::new(),
        reply: None,
        return_visit: None,
        archived: None,
        review_of,
        attached: Vec::new(),
        extension_request: None,
        documents: Vec::new(),
    }
}

/// The office's local date of an instant.
pub fn local_date(at: DateTime<FixedOffset>, rules: &Rules) -> NaiveDate {
    at.with_timezone(&rules.policy.utc_offset).date_naive()
}
