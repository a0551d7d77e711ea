//! The state machine: intake → register → assign → reply → archive.
//! `transition` is the only code that produces a new version of a case; the
//! store persists what it returns together with its journal event.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::case::{
    Assignment, Attached, Case, DecisionRecord, Extension, ExtensionRequest, Instruction, Intake,
    Opinion, Recusal, Reply, ReturnVisit, Stamp, Supervision,
};
use super::command::Command;
use super::deadline::due_date;
use super::documents::{Content, IssuedDoc, prepare};
use super::error::WorkflowError;
use super::intake::validate_intake;
use super::rules::{Operator, Rules, names_accused};
use super::types::{Decision, Role, ServiceMethod, State};

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

/// The ops the case's state allows now (roles aside), for the desk's footer
/// and for error messages.
pub fn allowed_ops(case: &Case) -> Vec<&'static str> {
    Command::OPS
        .into_iter()
        .filter(|op| state_allows(case, op).is_ok())
        .collect()
}

/// Taking in a petition is the office's work: a clerk's or a leader's.
pub fn may_take_in(actor: &Operator) -> Result<(), WorkflowError> {
    require_role("intake", actor, &[Role::Clerk, Role::Leader])
}

/// The office's people and departments are a leader's to change.
pub fn may_manage_office(actor: &Operator) -> Result<(), WorkflowError> {
    require_role("settings", actor, &[Role::Leader])
}

/// Why `actor` may not give `op` on `case` now (state first, then role);
/// `None` when they may. The desk greys such actions and shows this.
pub fn refusal(case: &Case, op: &'static str, actor: &Operator) -> Option<WorkflowError> {
    gate(case, op)
        .and_then(|()| permitted(case, op, actor))
        .err()
}

/// Refuses an op the state does not allow, naming what would be allowed.
fn gate(case: &Case, op: &'static str) -> Result<(), WorkflowError> {
    state_allows(case, op).map_err(|e| match e {
        WorkflowError::WrongState { op, state, .. } => WorkflowError::WrongState {
            op,
            state,
            allowed: allowed_ops(case),
        },
        other => other,
    })
}

fn wrong_state(case: &Case, op: &'static str) -> WorkflowError {
    WorkflowError::WrongState {
        op,
        state: case.state,
        allowed: allowed_ops(case),
    }
}

/// State-level preconditions of each op. A bare mismatch is `WrongState`
/// (with `allowed` filled in by `gate`); a specific missing step has its own
/// error so the message can say what is missing.
fn state_allows(case: &Case, op: &'static str) -> Result<(), WorkflowError> {
    let wrong = || {
        Err(WorkflowError::WrongState {
            op,
            state: case.state,
            allowed: Vec::new(),
        })
    };
    let accepted_only = |ok: bool| {
        if !case.accepted() {
            Err(WorkflowError::NotAccepted { op })
        } else if ok {
            Ok(())
        } else {
            wrong()
        }
    };
    match (op, case.state) {
        ("register", State::Intake) => Ok(()),
        ("assign" | "recuse" | "supervise", State::Registered | State::Assigned) => {
            accepted_only(true)
        }
        ("opinion", State::Assigned) => {
            if case.awaiting_instruction() {
                Err(WorkflowError::OpinionAwaitingInstruction)
            } else {
                Ok(())
            }
        }
        ("instruct", State::Assigned) => {
            if case.awaiting_instruction() {
                Ok(())
            } else {
                Err(WorkflowError::NoOpinionToInstruct)
            }
        }
        ("extend", State::Assigned) => {
            if case.extension.is_some() {
                Err(WorkflowError::AlreadyExtended)
            } else {
                Ok(())
            }
        }
        ("ask_extension", State::Assigned) => {
            if case.extension.is_some() {
                Err(WorkflowError::AlreadyExtended)
            } else if case.extension_asked().is_some() {
                Err(WorkflowError::ExtensionAlreadyAsked)
            } else {
                Ok(())
            }
        }
        ("refuse_extension", State::Assigned) => {
            if case.extension_asked().is_some() {
                Ok(())
            } else {
                Err(WorkflowError::NoExtensionAsked)
            }
        }
        ("reply", State::Registered) if !case.accepted() => Ok(()),
        ("reply", State::Registered) => Err(WorkflowError::NoApprovedOpinion),
        ("reply", State::Assigned) => {
            if case.approved_opinion().is_some() {
                Ok(())
            } else {
                Err(WorkflowError::NoApprovedOpinion)
            }
        }
        ("return_visit", State::Replied) => {
            if case.return_visit.is_some() {
                Err(WorkflowError::AlreadyVisited)
            } else {
                Ok(())
            }
        }
        ("archive", State::Replied) => Ok(()),
        // Only a matter still in progress takes repeat items; after the
        // reply a new item is a new case (or a 复查 request).
        ("attach", State::Intake | State::Registered | State::Assigned) => Ok(()),
        // 包案 names the leader who sees an assigned case through.
        ("own", State::Assigned) => Ok(()),
        ("review", State::Archived) => accepted_only(case.reply.is_some()),
        // Documents may be issued at any step: `documents::prepare` refuses
        // one the case does not yet hold the facts for, naming what lacks.
        ("issue", _) => Ok(()),
        _ => wrong(),
    }
}

fn require_role(op: &'static str, actor: &Operator, needed: &[Role]) -> Result<(), WorkflowError> {
    if needed.contains(&actor.role) {
        Ok(())
    } else {
        Err(WorkflowError::RoleRequired {
            op,
            needed: needed.to_vec(),
            actor: actor.name.clone(),
            actual: actor.role,
        })
    }
}

/// Who may do what: instructions, extensions and supervision are the
/// leader's; the opinion comes from the assigned handler or a leader; a
/// handler may record their own recusal; the rest is the office's work.
pub fn permitted(case: &Case, op: &'static str, actor: &Operator) -> Result<(), WorkflowError> {
    use Role::{Clerk, Handler, Leader};
    match op {
        "instruct" | "extend" | "supervise" | "own" | "refuse_extension" => {
            require_role(op, actor, &[Leader])
        }
        // The handler who does the work asks for the time (Art 34).
        "opinion" | "ask_extension" => {
            let assigned = case.assignment.as_ref().map(|a| a.handler.as_str());
            if actor.role == Leader || assigned == Some(actor.name.as_str()) {
                Ok(())
            } else {
                Err(WorkflowError::NotAssignedHandler {
                    op,
                    assigned: assigned.unwrap_or_default().to_owned(),
                })
            }
        }
        "recuse" => require_role(op, actor, &[Clerk, Leader, Handler]),
        _ => require_role(op, actor, &[Clerk, Leader]),
    }
}

pub(crate) fn nonempty(
    op: &'static str,
    field: &'static str,
    value: &str,
) -> Result<(), WorkflowError> {
    if value.trim().is_empty() {
        Err(WorkflowError::MissingField { op, field })
    } else {
        Ok(())
    }
}

fn check_date_range(
    date: NaiveDate,
    earliest: NaiveDate,
    latest: NaiveDate,
) -> Result<(), WorkflowError> {
    if date < earliest {
        Err(WorkflowError::DateTooEarly { date, earliest })
    } else if date > latest {
        Err(WorkflowError::DateTooLate { date, latest })
    } else {
        Ok(())
    }
}

fn validate_decision(decision: &Decision) -> Result<(), WorkflowError> {
    let op = "register";
    match decision {
        Decision::Accept => Ok(()),
        // 不予受理 must tell the petitioner where to go instead (Art 23).
        Decision::Decline { route, .. } => nonempty(op, "route", route),
        Decision::PassOn { to } => nonempty(op, "to", to),
        Decision::Answered { text } => nonempty(op, "text", text),
    }
}

fn check_assignment(
    case: &Case,
    department: &str,
    handler: &str,
    leader: &Option<String>,
    rules: &Rules,
    stamp: Stamp,
) -> Result<Assignment, WorkflowError> {
    if !rules.departments.iter().any(|d| d == department) {
        return Err(WorkflowError::UnknownDepartment(department.to_owned()));
    }
    let person = rules
        .operator(handler)
        .ok_or_else(|| WorkflowError::UnknownOperator(handler.to_owned()))?;
    if person.role == Role::Clerk || !person.active {
        return Err(WorkflowError::NotAHandler {
            name: handler.to_owned(),
            role: person.role,
        });
    }
    if let Some(name) = leader {
        match rules.operator(name) {
            None => return Err(WorkflowError::UnknownOperator(name.clone())),
            Some(o) if o.role != Role::Leader => {
                return Err(WorkflowError::NotALeader(name.clone()));
            }
            Some(_) => {}
        }
    }
    // 2022 Art 30: never route accusation material to the accused, whether
    // the accused is the department, the handler or the handler's unit.
    let intake = &case.intake;
    let accused = [intake.target.as_deref(), intake.target_person.as_deref()];
    let parties = [
        Some(department),
        Some(handler),
        person.department.as_deref(),
    ];
    for target in accused.into_iter().flatten() {
        for party in parties.into_iter().flatten() {
            if names_accused(party, target) {
                return Err(WorkflowError::AccusedAssignee {
                    assignee: party.to_owned(),
                    target: target.to_owned(),
                });
            }
        }
    }
    // 2022 Art 28: a handler with a direct interest must step aside.
    if let Some(r) = case.recusals.iter().find(|r| r.handler == handler) {
        return Err(WorkflowError::Recused {
            handler: handler.to_owned(),
            reason: r.reason.clone(),
        });
    }
    Ok(Assignment {
        department: department.to_owned(),
        handler: handler.to_owned(),
        owner_leader: leader.clone(),
        stamp,
    })
}

/// 2022 Art 34: once, at most the cap (30 days), with a reason, before the
/// handling period has run out.
fn check_extension(
    case: &Case,
    days: u32,
    reason: &str,
    today: NaiveDate,
    rules: &Rules,
    stamp: Stamp,
) -> Result<Extension, WorkflowError> {
    let Some(rule) = rules.policy.clock("handle") else {
        return Err(WorkflowError::ExtensionTooLong {
            asked: days,
            cap: 0,
        });
    };
    if days == 0 || days > rule.extension_cap {
        return Err(WorkflowError::ExtensionTooLong {
            asked: days,
            cap: rule.extension_cap,
        });
    }
    if let Some(d) = &case.decision {
        let due = due_date(rules.calendar, rule, local_date(d.stamp.at, rules), 0);
        if today > due {
            return Err(WorkflowError::ExtensionAfterDue { due });
        }
    }
    Ok(Extension {
        days,
        reason: reason.to_owned(),
        stamp,
    })
}

/// 2022 Art 35: 复查 may be asked within 30 days of receiving the reply.
fn check_review_window(case: &Case, today: NaiveDate, rules: &Rules) -> Result<(), WorkflowError> {
    let (Some(reply), Some(rule)) = (&case.reply, rules.policy.clock("review")) else {
        return Ok(());
    };
    let due = due_date(rules.calendar, rule, reply.served_at, 0);
    if today > due {
        return Err(WorkflowError::ReviewWindowClosed { due });
    }
    Ok(())
}
