//! Steps the accused may not take or receive (2022《信访工作条例》第三十条第三款: 不得将检举、
//! 揭发材料以及有关情况透露或者转给被检举、揭发的人员或者单位; 第二十八条第三款: 回避).

use crate::domain::case::{Case, Intake};
use crate::domain::command::Command;
use crate::domain::error::WorkflowError;
use crate::domain::op::Op;
use crate::domain::rules::{Operator, names_accused, squeezed};
use crate::domain::types::{Decision, HandlingType};
use crate::domain::visibility::accused_in;

/// The accused name of the case that `party` is, if any: the unit only where the case may
/// hold 检举、揭发材料 (`accuses`); the person complained of always (Art 28 第三款: 回避 —
/// 属地管理 of Art 22 (二) sends a claim to a body, never to the person it names).
fn accused_as(case: &Case, party: &str) -> Option<String> {
    let i = &case.intake;
    let unit = i.target.as_deref().filter(|_| accuses(case));
    [unit, i.target_person.as_deref()]
        .into_iter()
        .flatten()
        .find(|t| names_accused(party, t))
        .map(str::to_owned)
}

/// Refuses passing the case on to the accused (Art 30 第三款: 转给), and any step of an
/// accused actor but 回避 (Art 28 第三款).
pub(super) fn refuse_the_accused(
    case: &Case,
    command: &Command,
    actor: &Operator,
) -> Result<(), WorkflowError> {
    let op = command.op();
    let to_accused =
        sent_to(command).and_then(|to| accused_as(case, to).map(|target| (to.to_owned(), target)));
    let found = to_accused.or_else(|| decides(op).then(|| accused_in(case, actor)).flatten());
    match found {
        Some((party, target)) => Err(WorkflowError::AccusedParty {
            op: op.into(),
            party,
            target,
        }),
        None => Ok(()),
    }
}

/// The accused that a 重复件 (`item`) names and its case (`case`) does not: who may see the
/// case follows whom it accuses, so such an item is a case of its own, hidden from them
/// (Art 30 第三款). A name the case's holds (住建局 in 区住建局) is the same one; a longer
/// one may name another too (无名氏、冯刚).
pub(super) fn accusing_another(case: &Intake, item: &Intake) -> Option<String> {
    let accused = [case.target.as_deref(), case.target_person.as_deref()];
    let within = |t: &str| {
        let t = squeezed(t);
        (accused.into_iter().flatten()).any(|a| squeezed(a).contains(&t))
    };
    let named = [item.target.as_deref(), item.target_person.as_deref()];
    named
        .into_iter()
        .flatten()
        .find(|t| !within(t))
        .map(str::to_owned)
}

/// Whom a step sends the case or word of it to, by a name typed with it: a 转送, a 催办, a
/// letter to a unit (工作建议函, 预警稳控提醒函). None of them may go to the accused (Art 30
/// 第三款: 不得…透露或者转给被检举、揭发的人员或者单位).
fn sent_to(command: &Command) -> Option<&str> {
    match command {
        Command::Register(Decision::PassOn { to, .. }) | Command::Remind { to, .. } => Some(to),
        Command::Issue(input) => input.to.as_deref().filter(|t| !t.trim().is_empty()),
        _ => None,
    }
}

/// Whether the case may hold 检举、揭发材料 (Art 30 第三款) that its target must not be sent:
/// all but an item marked 申诉求决 or 建议意见, which goes to the body responsible for the
/// matter even when that body is the one complained of (Art 22 (二): 属地管理、谁主管谁负责).
/// Who may see the case does not change with it (`visibility`).
fn accuses(case: &Case) -> bool {
    match case.intake.handling_type {
        Some(HandlingType::Claim | HandlingType::Suggestion) => false,
        Some(HandlingType::Accusation) | None => true,
    }
}

/// The steps the accused may not take on the case (Art 28 第三款: 回避; Art 30 第三款: the
/// accused neither sees nor handles what the case holds): every one but stepping aside. A
/// 督办 or a reply by the accused is as much theirs to take as a 批示 (a trial found the
/// accused leader could sign the case's 督办单).
fn decides(op: Op) -> bool {
    match op {
        // 回避 itself: whoever stands aside may always say so.
        Op::Recuse => false,
        // A new case has no accused yet (`take_in` never comes here).
        Op::Intake => false,
        Op::Instruct
        | Op::Sign
        | Op::Extend
        | Op::RefuseExtension
        | Op::Own
        | Op::Unmask
        | Op::AttachFile
        | Op::DetachFile
        | Op::Correct
        | Op::Register
        | Op::Assign
        | Op::Opinion
        | Op::Supervise
        | Op::Reply
        | Op::ReturnVisit
        | Op::Archive
        | Op::Review
        | Op::Attach
        | Op::AskExtension
        | Op::ReportBack
        | Op::Remind
        | Op::Resolve
        | Op::Issue
        | Op::Hearing
        | Op::NoFurther
        | Op::Terminate
        | Op::ReportReceived
        | Op::Undo => true,
    }
}
