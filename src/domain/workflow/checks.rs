//! The field checks commands share: required text, date ranges, decisions, assignments,
//! extensions and the review window.

use chrono::NaiveDate;

use crate::domain::case::{Assignment, Case, Extension, Stamp};
use crate::domain::deadline::due_date;
use crate::domain::due::{handling_clock, review_window};
use crate::domain::error::{Field, OutOfTurn, WorkflowError};
use crate::domain::op::{Act, Op};
use crate::domain::policy::DayUnit;
use crate::domain::rules::{Rules, local_date, names_accused};
use crate::domain::types::{Decision, Level, Role};
use crate::domain::visibility::accused_in;

/// Refuses blank text in a required field of `op`.
pub(crate) fn nonempty(op: impl Into<Act>, field: Field, value: &str) -> Result<(), WorkflowError> {
    if value.trim().is_empty() {
        Err(WorkflowError::MissingField {
            op: op.into(),
            field,
        })
    } else {
        Ok(())
    }
}

pub use crate::domain::limits::LEDGER_YEARS;
pub(super) use crate::domain::limits::in_ledger as check_in_ledger;

/// No step is dated before the item it acts on was received (office-local dates).
pub(super) fn check_after_receipt(
    case: &Case,
    op: Op,
    today: NaiveDate,
    rules: &Rules,
) -> Result<(), WorkflowError> {
    let received = local_date(case.intake.received_at, rules);
    if today < received {
        Err(WorkflowError::BeforeReceipt {
            op,
            date: today,
            received,
        })
    } else {
        Ok(())
    }
}

/// Whether `op` must know of a 复查 or 复核 already opened on the case (`check_reviewed_once`).
pub fn asks_of_review(op: Op) -> bool {
    matches!(op, Op::Review | Op::Undo)
}

/// Art 35, Art 36: a case's opinion is reviewed once, and the review stands on its reply. A
/// second request is refused, naming `review`, the one already opened; so is an undo on the
/// case (a trial undid a reply under a 终结 复核).
pub fn check_reviewed_once(
    op: Op,
    case: &Case,
    review: Option<String>,
) -> Result<(), WorkflowError> {
    match review {
        Some(review) if asks_of_review(op) => Err(OutOfTurn::AlreadyReviewed {
            op,
            case: (case.case_no.clone()).unwrap_or_else(|| format!("#{}", case.id)),
            review,
        }
        .into()),
        _ => Ok(()),
    }
}

/// A step is not dated before the day of the case's last step (`last`, read from its
/// journal): the record runs in order. The same day passes, so a clock set back a little
/// does not stop the desk.
pub fn check_in_order(op: Op, today: NaiveDate, last: NaiveDate) -> Result<(), WorkflowError> {
    if today < last {
        Err(OutOfTurn::BeforeLastStep {
            op,
            date: today,
            last,
        }
        .into())
    } else {
        Ok(())
    }
}

pub(super) fn check_date_range(
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

pub(super) fn validate_decision(decision: &Decision) -> Result<(), WorkflowError> {
    let op = Op::Register;
    match decision {
        Decision::Accept => Ok(()),
        // 不予受理 must tell the petitioner where to go instead (Art 23).
        Decision::Decline { route, .. } => nonempty(op, Field::Route, route),
        Decision::PassOn { to, .. } => nonempty(op, Field::To, to),
        Decision::Answered { text } => nonempty(op, Field::Text, text),
    }
}

pub(super) fn check_assignment(
    case: &Case,
    department: &str,
    handler: &str,
    leader: &Option<String>,
    rules: &Rules,
    stamp: Stamp,
) -> Result<Assignment, WorkflowError> {
    nonempty(Op::Assign, Field::Department, department)?;
    if !rules.departments.iter().any(|d| d == department) {
        return Err(WorkflowError::UnknownDepartment(department.to_owned()));
    }
    // A blank name is missing, not someone unknown (an imported row with no 承办人).
    nonempty(Op::Assign, Field::Handler, handler)?;
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
    if let Some((assignee, target)) = accused_holder(case, department, handler, leader, rules) {
        return Err(WorkflowError::AccusedAssignee { assignee, target });
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

/// The (party, accused name) by which `case` accuses whoever would hold it: the department,
/// the handler, the handler's department or unit, the 包案领导. 2022 Art 30 第三款: never route
/// accusation material to the accused; Art 28 第三款: 回避.
pub(super) fn accused_holder(
    case: &Case,
    department: &str,
    handler: &str,
    leader: &Option<String>,
    rules: &Rules,
) -> Option<(String, String)> {
    let intake = &case.intake;
    let accused = [intake.target.as_deref(), intake.target_person.as_deref()];
    let person = rules.operator(handler);
    let parties = [
        Some(department),
        Some(handler),
        person.and_then(|p| p.department.as_deref()),
    ];
    for target in accused.into_iter().flatten() {
        for party in parties.into_iter().flatten() {
            if names_accused(party, target) {
                return Some((party.to_owned(), target.to_owned()));
            }
        }
    }
    let owner = leader.as_deref().and_then(|n| rules.operator(n));
    person
        .into_iter()
        .chain(owner)
        .find_map(|who| accused_in(case, who))
}

/// 2022 Art 34: once, at most the cap (30 days), with a reason, before the
/// handling period has run out.
/// The superior's deadline (Art 22 (三)) that an extension of `days` would move the handling
/// clock past, while the 办结报告 is still owed: Art 34 lets this office's head extend its own
/// limit, not the superior's, so the extension stands with a warning that the superior must
/// agree. None when the policy runs no such clock on the case.
pub(super) fn past_superior_due(case: &Case, days: u32, rules: &Rules) -> Option<NaiveDate> {
    let policy = rules.policy;
    let runs = policy
        .clocks
        .iter()
        .any(|r| r.unit == DayUnit::Given && policy.applies(r, case.intake.channel));
    let superior = case.intake.referral.as_ref()?.deadline?;
    let rule = policy.clock("handle")?;
    let accepted = local_date(case.decision.as_ref()?.stamp.at, rules);
    let due = due_date(rules.calendar, rule, accepted, days);
    (runs && case.report_back.is_none() && due > superior).then_some(superior)
}

pub(super) fn check_extension(
    case: &Case,
    days: u32,
    reason: &str,
    today: NaiveDate,
    rules: &Rules,
    stamp: Stamp,
) -> Result<Extension, WorkflowError> {
    // Art 34's extension is for first handling: the 复查/复核 clocks have a cap of 0.
    let Some(rule) = rules.policy.clock(handling_clock(case.level())) else {
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
        past_superior_due: past_superior_due(case, days, rules),
        stamp,
    })
}

/// 2022 Art 35 (复查) and Art 36 第一款 (复核): asked from the day the written reply is
/// served to 30 days after it (the policy's `review` and `rereview` windows).
pub(super) fn check_review_window(
    case: &Case,
    today: NaiveDate,
    rules: &Rules,
) -> Result<(), WorkflowError> {
    // `gate` refuses a request on a 复核 case (Art 36 第三款).
    let key = review_window(case.level()).ok_or(WorkflowError::NoFurtherReview)?;
    let (Some(reply), Some(rule)) = (&case.reply, rules.policy.clock(key)) else {
        return Ok(());
    };
    if today < reply.served_at {
        return Err(WorkflowError::DateTooEarly {
            date: today,
            earliest: reply.served_at,
        });
    }
    let due = due_date(rules.calendar, rule, reply.served_at, 0);
    match (today > due, case.level()) {
        (false, _) => Ok(()),
        (true, Level::First) => Err(WorkflowError::ReviewWindowClosed { due }),
        (true, Level::Review | Level::ReReview) => Err(WorkflowError::ReReviewWindowClosed { due }),
    }
}
