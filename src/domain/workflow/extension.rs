//! 延期 (Art 34): the leader's extension, the handler's request for one, and its refusal;
//! each checked as the extension itself would be (once, within the cap, before the due date).

use super::checks::{check_extension, nonempty};
use super::steps::{Change, Step};
use super::warning::Warning;
use crate::domain::case::{Case, ExtensionRequest};
use crate::domain::deadline::due_date;
use crate::domain::error::{Field, WorkflowError};
use crate::domain::op::Op;
use crate::domain::rules::local_date;

impl Step<'_, '_> {
    pub(super) fn extend(
        self,
        mut next: Case,
        days: u32,
        reason: &str,
    ) -> Result<Change, WorkflowError> {
        nonempty(Op::Extend, Field::Reason, reason)?;
        let (case, today, rules) = (self.case, self.today, self.rules);
        let extension = check_extension(case, days, reason, today, rules, self.stamp)?;
        let warning = extension.past_superior_due.and_then(|superior| {
            let rule = rules.policy.clock("handle")?;
            let accepted = local_date(case.decision.as_ref()?.stamp.at, rules);
            let due = due_date(rules.calendar, rule, accepted, days);
            Some(Warning::PastSuperiorDeadline { due, superior })
        });
        next.extension = Some(extension);
        let mut change = Change::to(next);
        change.warnings.extend(warning);
        Ok(change)
    }

    pub(super) fn ask_extension(
        self,
        mut next: Case,
        days: u32,
        reason: &str,
    ) -> Result<Change, WorkflowError> {
        nonempty(Op::AskExtension, Field::Reason, reason)?;
        // Checked as the leader's extension would be: the cap, the due date.
        let (case, today, rules) = (self.case, self.today, self.rules);
        let checked = check_extension(case, days, reason, today, rules, self.stamp.clone())?;
        next.extension_request = Some(ExtensionRequest {
            days: checked.days,
            reason: checked.reason,
            stamp: self.stamp,
            refusal: None,
        });
        Ok(Change::to(next))
    }

    pub(super) fn refuse_extension(
        self,
        mut next: Case,
        reason: &str,
    ) -> Result<Change, WorkflowError> {
        nonempty(Op::RefuseExtension, Field::Reason, reason)?;
        if let Some(r) = next.extension_request.as_mut() {
            r.refusal = Some(reason.to_owned());
        }
        Ok(Change::to(next))
    }
}
