//! 撤销 in words: the offer, the refusals, the timeline's marks.

use super::{Lang, labels};
use crate::domain::op::Op;
use crate::domain::workflow::undo::{Refusal, WINDOW_MINUTES};

/// Why the step cannot be taken back, and what to do instead.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    let step = |op: &Op| labels::step(lang, *op);
    match (lang, r) {
        (Lang::Zh, Refusal::Others { op, actor }) => format!(
            "不能撤销：本案最后一步「{}」是{actor}办理的，只有本人可以撤销",
            step(op)
        ),
        (Lang::En, Refusal::Others { op, actor }) => format!(
            "Cannot undo: the case's last step ({}) is {actor}'s; only they can undo it",
            step(op)
        ),
        (Lang::Zh, Refusal::Numbered { yours }) => format!(
            "不能撤销：「{}」之后已出具并编号文书，文号不能收回",
            step(yours)
        ),
        (Lang::En, Refusal::Numbered { yours }) => format!(
            "Cannot undo: a document was numbered after your step ({}); its number cannot be taken back",
            step(yours)
        ),
        (Lang::Zh, Refusal::BuiltOn { yours, later, by }) => format!(
            "不能撤销：您的「{}」之后{by}已办理「{}」",
            step(yours),
            step(later)
        ),
        (Lang::En, Refusal::BuiltOn { yours, later, by }) => format!(
            "Cannot undo: {by} has since taken a step on your {} ({})",
            step(yours),
            step(later)
        ),
        (Lang::Zh, Refusal::TooOld { op, minutes }) => format!(
            "不能撤销：「{}」已过去 {minutes} 分钟，只能撤销 {WINDOW_MINUTES} 分钟内的操作",
            step(op)
        ),
        (Lang::En, Refusal::TooOld { op, minutes }) => format!(
            "Cannot undo: your {} was {minutes} minutes ago; only the last {WINDOW_MINUTES} minutes can be undone",
            step(op)
        ),
        (_, Refusal::Kind(op)) => kind(lang, *op),
        (Lang::Zh, Refusal::NoJournal) => "不能撤销：未读到本案的办理记录".to_owned(),
        (Lang::En, Refusal::NoJournal) => "Cannot undo: the case's journal was not read".to_owned(),
    }
}

/// Why a kind of step is never taken back.
fn kind(lang: Lang, op: Op) -> String {
    let why = match op {
        Op::Intake | Op::Review => lang.pick(
            "收到的信访事项须留在台账上",
            "an item received stays on the ledger",
        ),
        Op::Register => lang.pick(
            "登记时已编发案号，案号按序编发不能收回；如受理决定有误请报领导",
            "registering gave the case its number, issued in sequence and not taken back; tell a leader if the decision was wrong",
        ),
        Op::Issue => lang.pick(
            "文书已编号，可能已打印送出",
            "the document is numbered and may have been printed",
        ),
        Op::Undo => lang.pick(
            "撤销本身不再撤销，请重新办理该步骤",
            "an undo is not undone; take the step again",
        ),
        Op::AttachFile => lang.pick(
            "附件请用「移除附件」并说明理由",
            "remove the attachment instead, saying why",
        ),
        Op::DetachFile => lang.pick(
            "移除的附件内容已删除，请重新添加该文件",
            "a removed attachment's bytes are gone; attach the file again",
        ),
        Op::Correct => lang.pick(
            "更正有误请再次更正并说明理由",
            "put a wrong correction right with another, saying why",
        ),
        // Every other step may be undone: no reason of its kind.
        Op::Assign
        | Op::Recuse
        | Op::Opinion
        | Op::Instruct
        | Op::Sign
        | Op::Extend
        | Op::Supervise
        | Op::Reply
        | Op::ReturnVisit
        | Op::Archive
        | Op::Attach
        | Op::Own
        | Op::AskExtension
        | Op::RefuseExtension
        | Op::ReportBack
        | Op::Remind
        | Op::Resolve
        | Op::Hearing
        | Op::NoFurther
        | Op::Terminate
        | Op::ReportReceived
        | Op::Unmask => "",
    };
    match lang {
        Lang::Zh => format!("不能撤销「{}」：{why}", labels::step(lang, op)),
        Lang::En => format!("Cannot undo {}: {why}", labels::step(lang, op)),
    }
}

/// The desk's question before undoing.
pub fn offer(lang: Lang, op: Op, at: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "撤销您 {at} 的「{}」？案件恢复到该步骤之前，记录保留并标为已撤销。Ctrl-S 撤销 / Esc 取消",
            labels::step(lang, op)
        ),
        Lang::En => format!(
            "Undo your {} of {at}? The case returns to how it was before; the record stays, marked undone. Ctrl-S undo / Esc cancel",
            labels::step(lang, op)
        ),
    }
}

/// Said once the step is undone.
pub fn done(lang: Lang, op: Op) -> String {
    match lang {
        Lang::Zh => format!("已撤销「{}」", labels::step(lang, op)),
        Lang::En => format!("Undone: {}", labels::step(lang, op)),
    }
}

/// The timeline's mark on an event that was taken back.
pub fn mark(lang: Lang) -> &'static str {
    lang.pick("（已撤销）", " (undone)")
}

/// The timeline's verb for the undo event itself: which step it took back.
pub fn event(lang: Lang, op: Op) -> String {
    match lang {
        Lang::Zh => format!("撤销「{}」", labels::step(lang, op)),
        Lang::En => format!("undo {}", labels::step(lang, op)),
    }
}
