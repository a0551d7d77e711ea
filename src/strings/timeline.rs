//! The verbs of a case's timeline: a revised opinion says it is one, each 批示 says what
//! it decided (so a return reads against the opinion it returned), an undo names the step
//! it took back, and an undone step is marked.

use super::{Lang, form, labels, undo};
use crate::domain::case::Case;
use crate::domain::op::Op;
use crate::domain::types::Decision;

/// The verb of each event `(seq, op code)`, in the journal's order.
pub fn verbs(lang: Lang, case: &Case, events: &[(i64, &str)]) -> Vec<String> {
    let (mut opinions, mut instructions, mut undos) = (0, 0, 0);
    let mut out = Vec::with_capacity(events.len());
    for &(seq, op) in events {
        let undone = case.undone.iter().any(|u| u.seq == seq);
        let mut verb = labels::event_op(lang, op, case).to_owned();
        // An undone step is no longer in the case: it does not count among the kept ones.
        if !undone {
            match Op::from_code(op) {
                Some(Op::Opinion) => {
                    opinions += 1;
                    if opinions > 1 {
                        verb = revised(lang, opinions);
                    }
                }
                Some(Op::Instruct) => {
                    if let Some(i) = case.instructions.get(instructions) {
                        verb = format!("{verb} {}", form::approve(lang, i.approve));
                    }
                    instructions += 1;
                }
                // The decision taken, not only that it was registered (受理, 不予受理, 转送…).
                Some(Op::Register) => {
                    if let Some(d) = &case.decision {
                        verb = registered_as(lang, &d.decision);
                    }
                }
                Some(Op::Undo) => {
                    if let Some(u) = case.undone.get(undos) {
                        verb = undo::event(lang, u.op);
                    }
                    undos += 1;
                }
                Some(_) | None => {}
            }
        } else {
            verb.push_str(undo::mark(lang));
        }
        out.push(verb);
    }
    out
}

/// A registration on the timeline, by the decision it took.
fn registered_as(lang: Lang, d: &Decision) -> String {
    let kind = form::decision(lang, d.kind());
    match d {
        Decision::Accept => labels::step(lang, Op::Register).to_owned(),
        Decision::PassOn { to, .. } => {
            // A 转送 that asks for the 办结报告 is a 交办 (Art 22 (三)).
            let verb = form::decided(lang, d);
            match lang {
                Lang::Zh => format!("登记·{verb}{to}"),
                Lang::En => format!("registered: {verb} to {to}"),
            }
        }
        Decision::Decline { .. } | Decision::Answered { .. } => match lang {
            Lang::Zh => format!("登记·{kind}"),
            Lang::En => format!("registered: {kind}"),
        },
    }
}

/// Before a revised opinion's text on the case screen.
pub fn draft(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("第{n}稿："),
        Lang::En => format!("draft {n}: "),
    }
}

/// The opinion given again after a return: its draft's number.
pub fn revised(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("修改后的处理意见（第{n}稿）"),
        Lang::En => format!("revised opinion (draft {n})"),
    }
}
