//! 登记 and the decision taken (Art 22–23): accept, decline with its ground and route, pass
//! on, or answer on the spot; each with the checks the articles set on it.

use chrono::{Datelike, NaiveDate};

use super::checks::{check_date_range, validate_decision};
use super::steps::{Change, Step};
use super::warning::{LawRoute, Warning};
use crate::domain::case::{Case, DecisionRecord, Reply};
use crate::domain::error::{OutOfTurn, WorkflowError};
use crate::domain::rules::local_date;
use crate::domain::types::{Channel, Decision, DeclineGround, ServiceMethod, State};

impl Step<'_, '_> {
    pub(super) fn register(
        self,
        mut next: Case,
        decision: &Decision,
    ) -> Result<Change, WorkflowError> {
        validate_decision(decision)?;
        // Art 23 第二款: told on the spot only where the petitioner is, at the window or on
        // the line; a letter, e-mail or online petition is told in writing.
        let channel = self.case.intake.channel;
        if matches!(decision, Decision::Answered { .. }) && !channel.answers_on_the_spot() {
            return Err(WorkflowError::NotOnTheSpot { channel });
        }
        // And only while they are there: the day they came or called (a trial answered
        // yesterday's visitor "on the spot", served in person today).
        let received = local_date(self.case.intake.received_at, self.rules);
        if matches!(decision, Decision::Answered { .. })
            && !channel.on_the_spot(received, self.today)
        {
            return Err(OutOfTurn::SpotDayPassed { received }.into());
        }
        // Art 23 第三款: an item passed down that is not ours is objected to within 5 working
        // days, to the body that passed it; after them it is ours to handle, not to decline.
        if let Decision::Decline {
            ground: DeclineGround::NotCompetent,
            ..
        } = decision
            && let Some(due) = crate::domain::due::objection_due(self.case, self.rules)
            && self.today > due
        {
            return Err(OutOfTurn::ObjectionWindowClosed { due }.into());
        }
        // Art 22 (三): the date set for the 办结报告 lies ahead of the 交办.
        if let Some(Some(by)) = decision.reports_back() {
            check_date_range(by, self.today, NaiveDate::MAX)?;
        }
        next.state = match decision {
            Decision::Answered { text } => {
                next.reply = Some(Reply {
                    outcome: None,
                    // Told at the window in person; on the line, by phone (其他).
                    method: match channel {
                        Channel::Visit => ServiceMethod::InPerson,
                        _ => ServiceMethod::Other,
                    },
                    text: text.clone(),
                    served_at: self.today,
                    // 签收 is the visitor's signature at the window; a call has none.
                    signed: channel == Channel::Visit,
                    stamp: self.stamp.clone(),
                });
                State::Replied
            }
            Decision::Accept | Decision::Decline { .. } | Decision::PassOn { .. } => {
                State::Registered
            }
        };
        next.decision = Some(DecisionRecord {
            decision: decision.clone(),
            stamp: self.stamp,
        });
        let i = &self.case.intake;
        // Passed on: nothing to recall. Declined as another body's, or another procedure's,
        // it is recalled as accepted is: Art 22 第二款 says 转送, not 告知 (the route told is
        // what Art 23 第一款 asks of bodies other than the 信访部门).
        let elsewhere = |d: &Decision| match d {
            Decision::Accept | Decision::Answered { .. } => true,
            Decision::Decline { ground, .. } => matches!(
                ground,
                DeclineGround::OtherOrgan | DeclineGround::NotCompetent
            ),
            Decision::PassOn { .. } => false,
        };
        let route =
            LawRoute::of(&i.category, i.handling_type, channel).filter(|_| elsewhere(decision));
        Ok(Change {
            allot_number_for_year: Some(self.today.year()),
            warnings: route.map(Warning::RouteByLaw).into_iter().collect(),
            ..Change::to(next)
        })
    }
}
