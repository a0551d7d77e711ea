//! Who may do what to a case in which state: the gates every command passes before
//! `transition` changes anything.

use crate::domain::case::Case;
use crate::domain::error::WorkflowError;
use crate::domain::op::{Act, Op};
use crate::domain::rules::Operator;
use crate::domain::types::{Channel, HandlingType, Level, Role, State};

/// The steps the case's state allows now (roles aside), for the desk's
/// footer and for error messages.
pub fn allowed_ops(case: &Case) -> Vec<Op> {
    Op::ALL
        .into_iter()
        .filter(|op| op.is_step() && state_allows(case, *op).is_ok())
        .collect()
}

/// Taking in a petition is the office's work: a clerk's or a leader's.
pub fn may_take_in(actor: &Operator) -> Result<(), WorkflowError> {
    require_role(Op::Intake.into(), actor, &[Role::Clerk, Role::Leader])
}

/// The office's people and departments are a leader's to change.
pub fn may_manage_office(actor: &Operator) -> Result<(), WorkflowError> {
    require_role(Act::Settings, actor, &[Role::Leader])
}

/// Why `actor` may not give `op` on `case` now (a step not of their role first, then the
/// state, then who holds the case);
/// `None` when they may. The desk greys such actions and shows this.
pub fn refusal(case: &Case, op: Op, actor: &Operator) -> Option<WorkflowError> {
    // A step that is not the actor's at all is said as such first: a clerk's `i` on the
    // dashboard is a leader's step, whatever the case waits for.
    if let Err(e @ WorkflowError::RoleRequired { .. }) = permitted(case, op, actor) {
        return Some(e);
    }
    gate(case, op, actor)
        .and_then(|()| permitted(case, op, actor))
        .err()
}

/// A refusal known from the case's clocks before its form is filled in (the desk greys the
/// key and says why): an extension, given or asked for, after the handling limit has passed
/// (Art 34: approved within it), as `check_extension` refuses it on saving.
pub fn refusal_on(
    case: &Case,
    clocks: &[crate::domain::deadline::ClockView],
    op: Op,
    today: chrono::NaiveDate,
) -> Option<WorkflowError> {
    if !matches!(op, Op::Extend | Op::AskExtension) || case.extension.is_some() {
        return None;
    }
    let key = crate::domain::due::handling_clock(case.level());
    let view = clocks.iter().find(|v| v.key == key)?;
    (today > view.due).then_some(WorkflowError::ExtensionAfterDue { due: view.due })
}

/// Refuses an op the state does not allow, naming what `actor` could do instead (a clerk
/// is not told to 督办, a leader's step).
pub(super) fn gate(case: &Case, op: Op, actor: &Operator) -> Result<(), WorkflowError> {
    let allowed = state_allows(case, op);
    if let Err(WorkflowError::WrongState { .. }) = allowed {
        return Err(wrong_state(case, op, actor));
    }
    allowed
}

/// `op` refused in `case`'s state, naming the steps `actor` could take now; when none of
/// them is theirs, what the case waits for, whoever gives it.
pub(super) fn wrong_state(case: &Case, op: Op, actor: &Operator) -> WorkflowError {
    let open = allowed_ops(case);
    let theirs: Vec<Op> = (open.iter().copied())
        .filter(|o| permitted(case, *o, actor).is_ok())
        .collect();
    WorkflowError::WrongState {
        op,
        state: case.state,
        allowed: if theirs.is_empty() { open } else { theirs },
    }
}

/// State-level preconditions of each op. A bare mismatch is `WrongState`
/// (with `allowed` filled in by `gate`); a specific missing step has its own
/// error so the message can say what is missing.
fn state_allows(case: &Case, op: Op) -> Result<(), WorkflowError> {
    use State::{Archived, Assigned, Intake, Registered, Replied};
    let wrong = Err(bare_wrong_state(case, op));
    let ok = match (op, case.state) {
        (Op::Register, Intake) => true,
        (Op::Assign | Op::Recuse | Op::Supervise, Registered | Assigned) => {
            return accepted_only(case, op, true);
        }
        (Op::Opinion | Op::Instruct, Assigned) => return opinion_allows(case, op),
        (Op::Extend | Op::AskExtension | Op::RefuseExtension, Assigned) => {
            return extension_allows(case, op);
        }
        (Op::Reply, Registered | Assigned) => return reply_allows(case),
        (Op::ReturnVisit, Replied) if case.return_visit.is_some() => {
            return Err(WorkflowError::AlreadyVisited);
        }
        (Op::ReturnVisit | Op::Archive, Replied) => true,
        (Op::Archive, Registered) => filed_untold(case),
        // Only a matter still in progress takes repeat items; after the
        // reply a new item is a new case (or a 复查 request).
        (Op::Attach, Intake | Registered | Assigned) => true,
        // 包案: an assigned case's leader; 阅批: a leader's word on a matter in hand.
        (Op::Own | Op::Sign, Assigned) | (Op::Sign, Registered) => true,
        // Art 35–36: from the written reply on, archived or not; a 复核 case goes no further.
        (Op::Review, Replied | Archived) => return review_allows(case, op),
        // Art 22 (三): a referral's 办结报告 goes back once, after the reply.
        (Op::ReportBack, Replied | Archived) => {
            case.intake.channel == Channel::Referral && case.report_back.is_none()
        }
        // 催办 presses the department a case was assigned to; before that nobody holds it.
        (Op::Remind, Assigned) => return accepted_only(case, op, true),
        // 化解 (Art 37): while an accepted matter is handled (第一款) and after the reply and
        // 复查复核 (第三款); not before the decision, nor on an item another body handles.
        (Op::Resolve, Registered | Assigned | Replied | Archived) => {
            return accepted_only(case, op, true);
        }
        // Art 36: the steps at the end of a matter's chain.
        (Op::Hearing, _) => return hearing_allows(case),
        (Op::NoFurther, _) => return no_further_allows(case),
        (Op::Terminate, _) => return terminate_allows(case),
        // Art 22 (三): a 交办's 办结报告 comes back once, told (replied), archived or not.
        (Op::ReportReceived, Registered | Replied | Archived) => owes_report(case),
        // Documents may be issued at any step: `documents::prepare` refuses
        // one the case does not yet hold the facts for, naming what lacks.
        (Op::Issue, _) => true,
        // Art 30 第三款: only a confidential case has anything masked to lift.
        (Op::Unmask, _) => case.intake.confidential && case.unmasked.is_none(),
        // Any state: `workflow::undo` says which step may be taken back.
        (Op::Undo, _) => true,
        (Op::AttachFile | Op::DetachFile, _) => true,
        // 更正: the record may be put right until the case is filed; the file is then closed.
        (Op::Correct, s) => s != Archived,
        (
            Op::Intake
            | Op::Register
            | Op::Assign
            | Op::Recuse
            | Op::Opinion
            | Op::Instruct
            | Op::Sign
            | Op::Extend
            | Op::Supervise
            | Op::Reply
            | Op::ReturnVisit
            | Op::Archive
            | Op::Review
            | Op::Attach
            | Op::Own
            | Op::AskExtension
            | Op::RefuseExtension
            | Op::ReportBack
            | Op::Remind
            | Op::Resolve
            | Op::ReportReceived,
            _,
        ) => false,
    };
    if ok { Ok(()) } else { wrong }
}

/// Art 23 第二款 但书: an item declined or passed on whose petitioner is unknown is owed no
/// notice, so nothing is served before it is filed.
fn filed_untold(case: &Case) -> bool {
    !case.accepted() && !case.notice_owed()
}

/// An item not accepted is told at once (Art 23); an accepted one is answered with the
/// opinion its leader approved (Art 32), whatever step it is at.
fn reply_allows(case: &Case) -> Result<(), WorkflowError> {
    let told = case.state == State::Registered && !case.accepted();
    if told || case.approved_opinion().is_some() && case.state == State::Assigned {
        Ok(())
    } else {
        Err(WorkflowError::NoApprovedOpinion)
    }
}

/// Art 35–36: a review of an accepted case's written reply, one level up; none after 复核.
fn review_allows(case: &Case, op: Op) -> Result<(), WorkflowError> {
    accepted_only(case, op, case.reply.is_some())?;
    match case.level().next() {
        Some(_) => Ok(()),
        None => Err(WorkflowError::NoFurtherReview),
    }
}

/// A hearing while the case is handled: on a 申诉求决 item's first handling (Art 31 (六): 对重大、
/// 复杂、疑难的信访事项，可以举行听证) and on a 复核 (Art 36 第二款). Only a 复核's days are not
/// counted in its clock (`deadline::due_and_paused`).
fn hearing_allows(case: &Case) -> Result<(), WorkflowError> {
    if case.state != State::Assigned {
        return Err(bare_wrong_state(case, Op::Hearing));
    }
    let claim = matches!(case.intake.handling_type, None | Some(HandlingType::Claim));
    let held = match case.level() {
        Level::First => claim,
        Level::Review => false,
        Level::ReReview => true,
    };
    accepted_only(case, Op::Hearing, held)
}

/// A wrong state; `gate` names what is allowed.
fn bare_wrong_state(case: &Case, op: Op) -> WorkflowError {
    WorkflowError::WrongState {
        op,
        state: case.state,
        allowed: Vec::new(),
    }
}

/// Art 36 第三款: a request after the 复核 opinion is recorded as refused.
fn no_further_allows(case: &Case) -> Result<(), WorkflowError> {
    let replied = matches!(case.state, State::Replied | State::Archived);
    if replied && case.chain_exhausted() {
        Ok(())
    } else {
        Err(bare_wrong_state(case, Op::NoFurther))
    }
}

/// 终结 once the 复核 opinion is served, archived or not; once.
fn terminate_allows(case: &Case) -> Result<(), WorkflowError> {
    if case.terminated.is_some() {
        return Err(WorkflowError::AlreadyTerminated);
    }
    if !matches!(case.state, State::Replied | State::Archived) {
        return Err(bare_wrong_state(case, Op::Terminate));
    }
    let ok = case.level() == Level::ReReview && case.terminated.is_none();
    accepted_only(case, Op::Terminate, ok)
}

/// Steps on accepted cases only: refused as `NotAccepted` on any other,
/// as a wrong state when `ok` is false.
fn accepted_only(case: &Case, op: Op, ok: bool) -> Result<(), WorkflowError> {
    if !case.accepted() {
        Err(WorkflowError::NotAccepted { op })
    } else if ok {
        Ok(())
    } else {
        Err(WorkflowError::WrongState {
            op,
            state: case.state,
            allowed: Vec::new(),
        })
    }
}

/// An item this office 交办'd whose 办结报告 has not come back (Art 22 (三)).
fn owes_report(case: &Case) -> bool {
    let jiaoban = case.decision.as_ref().map(|d| d.decision.reports_back());
    matches!(jiaoban, Some(Some(_))) && case.report_received.is_none()
}

/// An opinion waits for its instruction before the next one is given.
fn opinion_allows(case: &Case, op: Op) -> Result<(), WorkflowError> {
    let waiting = case.awaiting_instruction();
    if op == Op::Opinion && waiting {
        Err(WorkflowError::OpinionAwaitingInstruction)
    } else if op == Op::Instruct && !waiting {
        Err(WorkflowError::NoOpinionToInstruct)
    } else {
        Ok(())
    }
}

/// One extension per case (Art 34), asked once before a leader decides.
fn extension_allows(case: &Case, op: Op) -> Result<(), WorkflowError> {
    let asked = case.extension_asked().is_some();
    if op != Op::RefuseExtension && case.level() != Level::First {
        Err(WorkflowError::NoExtensionOnReview)
    } else if op != Op::RefuseExtension && case.extension.is_some() {
        Err(WorkflowError::AlreadyExtended)
    } else if op == Op::AskExtension && asked {
        Err(WorkflowError::ExtensionAlreadyAsked)
    } else if op == Op::RefuseExtension && !asked {
        Err(WorkflowError::NoExtensionAsked)
    } else {
        Ok(())
    }
}

fn require_role(act: Act, actor: &Operator, needed: &[Role]) -> Result<(), WorkflowError> {
    if needed.contains(&actor.role) {
        Ok(())
    } else {
        Err(WorkflowError::RoleRequired {
            op: act,
            needed: needed.to_vec(),
            actor: actor.name.clone(),
            actual: actor.role,
        })
    }
}

/// Who may do what: instructions, extensions and supervision are the
/// leader's; the opinion comes from the assigned handler or a leader; a
/// handler may record their own recusal; the rest is the office's work.
pub fn permitted(case: &Case, op: Op, actor: &Operator) -> Result<(), WorkflowError> {
    use Role::{Clerk, Handler, Leader};
    match op {
        Op::Instruct | Op::Sign | Op::Extend | Op::Supervise | Op::Own | Op::RefuseExtension => {
            require_role(op.into(), actor, &[Leader])
        }
        // The handler who does the work asks for the time (Art 34).
        Op::Opinion | Op::AskExtension => {
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
        Op::Recuse => require_role(op.into(), actor, &[Clerk, Leader, Handler]),
        // The hearing is part of the handling: the handler holding it records it, as they give
        // the opinion, or the office does.
        Op::Hearing => {
            let assigned = case.assignment.as_ref().map(|a| a.handler.as_str());
            if actor.role == Handler && assigned == Some(actor.name.as_str()) {
                Ok(())
            } else {
                require_role(op.into(), actor, &[Clerk, Leader])
            }
        }
        // Files belong to the handling: its handler keeps them, as the office does.
        Op::AttachFile | Op::DetachFile => {
            let assigned = case.assignment.as_ref().map(|a| a.handler.as_str());
            if actor.role == Handler && assigned == Some(actor.name.as_str()) {
                Ok(())
            } else {
                require_role(op.into(), actor, &[Clerk, Leader])
            }
        }
        // 终结 closes the matter for good: a leader's decision.
        Op::Terminate | Op::Unmask => require_role(op.into(), actor, &[Leader]),
        // Each takes back only their own step (`workflow::undo`), whatever their role.
        Op::Undo => Ok(()),
        Op::Intake
        | Op::Register
        | Op::Assign
        | Op::Reply
        | Op::ReturnVisit
        | Op::Archive
        | Op::Review
        | Op::Attach
        | Op::ReportBack
        | Op::Remind
        | Op::Resolve
        | Op::NoFurther
        | Op::ReportReceived
        | Op::Correct
        | Op::Issue => require_role(op.into(), actor, &[Clerk, Leader]),
    }
}
