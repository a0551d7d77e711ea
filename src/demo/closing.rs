//! The steps every kind of case may end with: the reply and its service,
//! the return visit, the archive; and the leader's supervision.

use chrono::NaiveDate;
use rand::Rng;

use super::plan::{Planner, weighted};
use super::text::{self, pick};
use super::timeline::Timeline;
use crate::domain::command::Command;
use crate::domain::types::{Channel, Outcome, Satisfaction, ServiceMethod, SuperviseGround};

impl Planner<'_> {
    /// The petitioner is served the reply on the day it is recorded.
    pub(super) fn reply(
        &mut self,
        tl: &mut Timeline,
        outcome: Option<Outcome>,
        method: ServiceMethod,
        text: String,
    ) -> Option<()> {
        let signed = method == ServiceMethod::Other || self.rng.random_bool(0.97);
        let actor = self.clerk();
        tl.push(
            actor,
            Command::Reply {
                outcome,
                method,
                text,
                served_at: Some(tl.t.date()),
                signed,
            },
        );
        tl.replied = Some(tl.t);
        Some(())
    }

    /// The 办结报告 for a referral (Art 22 (三)), the day the reply is served, by whoever
    /// recorded it; then return visit (perhaps) and archive (nearly always).
    pub(super) fn close(
        &mut self,
        tl: &mut Timeline,
        channel: Channel,
        visit: bool,
        outcome: Option<Outcome>,
    ) -> Option<()> {
        // Half an hour after the reply (each step after the one before), if that is not past now.
        let sent = tl.t + chrono::Duration::minutes(30);
        if channel == Channel::Referral
            && sent <= self.clock.now
            && let Some(last) = tl.steps.last()
        {
            let actor = last.actor;
            tl.t = sent;
            let command = Command::ReportBack {
                text: text::REPORT_BACK.to_owned(),
                sent_on: None,
            };
            tl.push(actor, command);
        }
        if visit {
            self.next(tl, 3, 15)?;
            let (unit, office) = self.satisfaction(outcome);
            let notes = match unit {
                Satisfaction::Satisfied => &text::VISIT_NOTES[0],
                Satisfaction::Basic => &text::VISIT_NOTES[1],
                Satisfaction::Unsatisfied => &text::VISIT_NOTES[2],
            };
            let note = pick(&mut self.rng, notes).to_owned();
            let actor = self.clerk();
            tl.push(actor, Command::ReturnVisit { unit, office, note });
        }
        if self.rng.random_bool(0.04) {
            return None;
        }
        self.next(tl, 1, 20)?;
        let actor = self.clerk();
        tl.push(actor, Command::Archive);
        Some(())
    }

    fn satisfaction(&mut self, outcome: Option<Outcome>) -> (Satisfaction, Satisfaction) {
        use Satisfaction::{Basic, Satisfied, Unsatisfied};
        let weights = match outcome {
            Some(Outcome::Support) | None => [75, 20, 5],
            Some(Outcome::Explain) => [45, 40, 15],
            Some(Outcome::Reject) => [15, 35, 50],
        };
        let all = [Satisfied, Basic, Unsatisfied];
        let unit = all[weighted(&mut self.rng, &weights)];
        let office = if self.rng.random_bool(0.8) {
            unit
        } else {
            all[weighted(&mut self.rng, &[70, 25, 5])]
        };
        (unit, office)
    }

    pub(super) fn supervise(
        &mut self,
        tl: &mut Timeline,
        owner: Option<&'static str>,
        ground: SuperviseGround,
        by: NaiveDate,
    ) {
        let text = pick(&mut self.rng, &text::SUPERVISE_TEXTS[..3]);
        self.supervise_with(tl, owner, ground, text, by);
    }

    pub(super) fn supervise_with(
        &mut self,
        tl: &mut Timeline,
        owner: Option<&'static str>,
        ground: SuperviseGround,
        text: &str,
        by: NaiveDate,
    ) {
        let leader = owner.unwrap_or_else(|| self.leader());
        tl.push(
            leader,
            Command::Supervise {
                ground,
                text: text.to_owned(),
                feedback_by: by,
            },
        );
    }
}
