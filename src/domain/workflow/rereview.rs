//! The steps up and at the end of a matter's chain (Art 35–36): a 复查 or 复核 request, the
//! hearing (听证), a later request refused as 不再受理, and 终结.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::checks::{check_date_range, check_review_window, nonempty};
use super::steps::{Change, Step, new_case};
use crate::domain::case::{Case, Hearing, NoFurther, Termination};
use crate::domain::error::{Field, WorkflowError};
use crate::domain::op::Op;
use crate::domain::rules::local_date;

impl Step<'_, '_> {
    /// Art 35–36: counted from 收到复查（复核）请求之日, which may be before the day entered.
    pub(super) fn review(
        self,
        text: &str,
        received_on: Option<NaiveDate>,
    ) -> Result<Change, WorkflowError> {
        let case = self.case;
        nonempty(Op::Review, Field::Text, text)?;
        let received = received_on.unwrap_or(self.today);
        if received > self.today {
            return Err(WorkflowError::DateTooLate {
                date: received,
                latest: self.today,
            });
        }
        check_review_window(case, received, self.rules)?;
        let level = case.level().next().ok_or(WorkflowError::NoFurtherReview)?;
        let mut intake = case.intake.clone();
        intake.received_at = match received_on.filter(|d| *d < self.today) {
            Some(d) => start_of(d, self.rules.policy.utc_offset, self.at),
            None => self.at,
        };
        intake.receiver = self.actor.name.clone();
        intake.summary = text.to_owned();
        intake.links = vec![case.id];
        intake.postmark = None;
        intake.letter_no = None;
        let mut review = new_case(intake, Some(case.id));
        review.review_level = Some(level);
        Ok(Change {
            created: true,
            ..Change::to(review)
        })
    }

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

/// The office-local start of `day` (a request received on an earlier day than it is entered;
/// `at`, when the offset cannot say).
fn start_of(
    day: NaiveDate,
    offset: FixedOffset,
    at: DateTime<FixedOffset>,
) -> DateTime<FixedOffset> {
    use chrono::TimeZone;
    offset
        .from_local_datetime(&day.and_time(chrono::NaiveTime::MIN))
        .single()
        .unwrap_or(at)
}
