//! 撤销: an operator takes back their own last step on a case within ten minutes, as a
//! compensating event. Nothing is deleted: the undone event stays in the journal and the
//! case records that it was undone; the case's facts return to what they were before it.

use chrono::{DateTime, FixedOffset};

use crate::domain::case::Case;
use crate::domain::op::Op;

/// How long a step may still be taken back: a slip noticed at the desk, not a change of
/// mind later (that is a new step, with its own record).
pub const WINDOW_MINUTES: i64 = 10;

/// One journal event of a case, as the undo rule needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub seq: i64,
    pub op: Op,
    pub actor: String,
    pub at: DateTime<FixedOffset>,
}

/// What the store read for an undo: the case's events (oldest first) and the case as it
/// stood before the last of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Basis {
    pub marks: Vec<Mark>,
    pub prior: Case,
}

/// Why a step cannot be taken back, in words the desk and `apply` show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The case's last step is another operator's, and none of the actor's.
    Others { op: Op, actor: String },
    /// A document was numbered after the actor's step: its number is out in the world.
    Numbered { yours: Op },
    /// Someone's later step builds on the actor's.
    BuiltOn { yours: Op, later: Op, by: String },
    /// Older than [`WINDOW_MINUTES`]: `minutes` ago.
    TooOld { op: Op, minutes: i64 },
    /// A step of a kind never taken back (see [`undoable`]).
    Kind(Op),
    /// The store gave no journal (only `apply` lines from outside could).
    NoJournal,
}

/// Whether a step of kind `op` may ever be undone. Intake and a review request are the
/// record that an item came in (it stays on the ledger, like every petition received);
/// registration issued the case's number and a document its document number, both
/// handed out in sequence and not given back; an undo is not undone (take the step again).
pub fn undoable(op: Op) -> bool {
    match op {
        Op::Intake | Op::Review | Op::Register | Op::Issue | Op::Undo => false,
        // A file's bytes are written beside the case: it is removed, with a reason, instead.
        Op::AttachFile | Op::DetachFile => false,
        // A correction rewrote the record the petitioners' index and the search are kept
        // from: a slip in it is put right by another correction, on the journal.
        Op::Correct => false,
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
        | Op::Unmask => true,
    }
}

/// The step `actor` may undo at `at` among `marks` (oldest first), or why not. Only their
/// own last step, only while it is the case's last, only within the window.
pub fn may_undo<'m>(
    marks: &'m [Mark],
    actor: &str,
    at: DateTime<FixedOffset>,
) -> Result<&'m Mark, Refusal> {
    let last = marks.last().ok_or(Refusal::NoJournal)?;
    let Some(i) = marks.iter().rposition(|m| m.actor == actor) else {
        return Err(Refusal::Others {
            op: last.op,
            actor: last.actor.clone(),
        });
    };
    let mine = &marks[i];
    if !undoable(mine.op) {
        return Err(Refusal::Kind(mine.op));
    }
    if let Some(later) = marks.get(i + 1) {
        return Err(match later.op {
            Op::Issue => Refusal::Numbered { yours: mine.op },
            op => Refusal::BuiltOn {
                yours: mine.op,
                later: op,
                by: later.actor.clone(),
            },
        });
    }
    let minutes = (at - mine.at).num_minutes();
    if minutes >= WINDOW_MINUTES {
        return Err(Refusal::TooOld {
            op: mine.op,
            minutes,
        });
    }
    Ok(mine)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(min: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-03-02T09:{min:02}:00+08:00")).unwrap()
    }

    fn mark(seq: i64, op: Op, actor: &str, min: u32) -> Mark {
        Mark {
            seq,
            op,
            actor: actor.to_owned(),
            at: at(min),
        }
    }

    /// The rule, row by row: (events, who asks, minute asked, the answer).
    #[test]
    fn the_undo_rule_table() {
        let base = [
            mark(1, Op::Intake, "clerk", 0),
            mark(2, Op::Register, "clerk", 1),
        ];
        let with = |more: &[Mark]| base.iter().chain(more).cloned().collect::<Vec<_>>();
        type Want = Result<i64, Refusal>;
        let rows: Vec<(Vec<Mark>, &str, u32, Want)> = vec![
            // Your own last step within ten minutes: undone.
            (with(&[mark(3, Op::Assign, "clerk", 2)]), "clerk", 11, Ok(3)),
            // Ten minutes or more: too old.
            (
                with(&[mark(3, Op::Assign, "clerk", 2)]),
                "clerk",
                12,
                Err(Refusal::TooOld {
                    op: Op::Assign,
                    minutes: 10,
                }),
            ),
            // Another operator's step: theirs to undo.
            (
                with(&[mark(3, Op::Opinion, "wang", 5)]),
                "zhao",
                6,
                Err(Refusal::Others {
                    op: Op::Opinion,
                    actor: "wang".into(),
                }),
            ),
            // A later step by someone else builds on yours.
            (
                with(&[
                    mark(3, Op::Assign, "clerk", 2),
                    mark(4, Op::Opinion, "wang", 3),
                ]),
                "clerk",
                4,
                Err(Refusal::BuiltOn {
                    yours: Op::Assign,
                    later: Op::Opinion,
                    by: "wang".into(),
                }),
            ),
            // A notice numbered after the step.
            (
                with(&[
                    mark(3, Op::Reply, "clerk", 2),
                    mark(4, Op::Issue, "clerk", 3),
                ]),
                "clerk",
                4,
                Err(Refusal::Kind(Op::Issue)),
            ),
            (
                with(&[
                    mark(3, Op::Reply, "clerk", 2),
                    mark(4, Op::Issue, "zhao", 3),
                ]),
                "clerk",
                4,
                Err(Refusal::Numbered { yours: Op::Reply }),
            ),
            // Registration and intake are never undone.
            (base.to_vec(), "clerk", 2, Err(Refusal::Kind(Op::Register))),
            (
                base[..1].to_vec(),
                "clerk",
                1,
                Err(Refusal::Kind(Op::Intake)),
            ),
            // An undo is not undone.
            (
                with(&[
                    mark(3, Op::Assign, "clerk", 2),
                    mark(4, Op::Undo, "clerk", 3),
                ]),
                "clerk",
                4,
                Err(Refusal::Kind(Op::Undo)),
            ),
            (Vec::new(), "clerk", 1, Err(Refusal::NoJournal)),
        ];
        for (i, (marks, who, min, want)) in rows.into_iter().enumerate() {
            let got = may_undo(&marks, who, at(min)).map(|m| m.seq);
            assert_eq!(got, want, "row {i}");
        }
    }

    #[test]
    fn every_op_says_whether_it_is_undoable() {
        let never: Vec<Op> = Op::ALL.into_iter().filter(|o| !undoable(*o)).collect();
        assert_eq!(
            never,
            [
                Op::Intake,
                Op::Register,
                Op::Review,
                Op::Issue,
                Op::Correct,
                Op::Undo,
                Op::AttachFile,
                Op::DetachFile
            ]
        );
    }
}
