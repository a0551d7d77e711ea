//! Who may do what to a case in which state: the gates every command passes before
//! `transition` changes anything.

use crate::domain::case::Case;
use crate::domain::command::Command;
use crate::domain::error::WorkflowError;
use crate::domain::rules::Operator;
use crate::domain::types::{Role, State};

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
pub(super) fn gate(case: &Case, op: &'static str) -> Result<(), WorkflowError> {
    state_allows(case, op).map_err(|e| match e {
        WorkflowError::WrongState { op, state, .. } => WorkflowError::WrongState {
            op,
            state,
            allowed: allowed_ops(case),
        },
        other => other,
    })
}

pub(super) fn wrong_state(case: &Case, op: &'static str) -> WorkflowError {
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
