//! The undo step itself: the case as it was before the actor's last step, with that step
//! recorded as undone (the rule of what may be undone is `undo.rs`).

use super::undo::{Basis, Refusal, may_undo};
use crate::domain::case::{Case, Stamp, Undone};
use crate::domain::error::WorkflowError;

/// The case after `actor` undoes their last step: as it was before the step, with the
/// undone event recorded.
pub(super) fn step(
    basis: Option<&Basis>,
    seq: Option<i64>,
    stamp: Stamp,
) -> Result<Case, WorkflowError> {
    let basis = basis.ok_or(WorkflowError::Undo(Refusal::NoJournal))?;
    let mark = may_undo(&basis.marks, &stamp.by, stamp.at).map_err(WorkflowError::Undo)?;
    // A caller naming the event it means is refused if the last step is another by now.
    if seq.is_some_and(|s| s != mark.seq) {
        let last = basis.marks.last().unwrap_or(mark);
        return Err(WorkflowError::Undo(Refusal::BuiltOn {
            yours: mark.op,
            later: last.op,
            by: last.actor.clone(),
        }));
    }
    let mut case = basis.prior.clone();
    case.undone.push(Undone {
        seq: mark.seq,
        op: mark.op,
        stamp,
    });
    Ok(case)
}
