//! The steps at the end of a matter's chain (Art 36): the hearing (听证) of a 复核 case, a
//! later request refused as 不再受理, and 终结.

use chrono::NaiveDate;

use super::checks::{check_date_range, nonempty};
use super::steps::{Change, Step};
use crate::domain::case::{Case, Hearing, NoFurther, Termination};
use crate::domain::error::{Field, WorkflowError};
use crate::domain::op::Op;
use crate::domain::rules::local_date;

impl Step<'_, '_> {
    /// 听证 (Art 36 第二款): held from the day the request was received to today, `to` not
    /// before `from`. Its days stop the 复核 clock (`deadline::due_date_paused`).
    pub(super) fn hearing(
        self,
        mut next: Case,
        (from, to): (NaiveDate, NaiveDate),
        participants: &str,
        conclusion: &str,
    ) -> Result<Change, WorkflowError> {
        nonempty(Op::Hearing, Field::Participants, participants)?;
        nonempty(Op::Hearing, Field::Conclusion, conclusion)?;
        let received = local_date(self.case.intake.received_at, self.rules);
        check_date_range(from, received, self.today)?;
        check_date_range(to, from, self.today)?;
        next.hearings.push(Hearing {
            from,
            to,
            participants: participants.to_owned(),
            conclusion: conclusion.to_owned(),
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    /// 不再受理 (Art 36 第三款): the new request's day, from the 复核 opinion's service to
    /// today, and what it asks; the case's state does not change.
    pub(super) fn no_further(
        self,
        mut next: Case,
        text: &str,
        received_on: Option<NaiveDate>,
    ) -> Result<Change, WorkflowError> {
        nonempty(Op::NoFurther, Field::Text, text)?;
        let received = received_on.unwrap_or(self.today);
        let served = self.case.reply.as_ref().map_or(self.today, |r| r.served_at);
        check_date_range(received, served, self.today)?;
        next.no_further.push(NoFurther {
            received_on: received,
            text: text.to_owned(),
            stamp: self.stamp,
        });
        Ok(Change::to(next))
    }

    /// 终结: the matter is closed for good; later requests on it are 不再受理.
    pub(super) fn terminate(self, mut next: Case, note: &str) -> Change {
        next.terminated = Some(Termination {
            note: note.trim().to_owned(),
            stamp: self.stamp,
        });
        Change::to(next)
    }
}
