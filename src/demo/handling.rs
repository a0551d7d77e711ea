//! The handling department's work on an accepted case: opinions, the
//! leader's instructions, and the cases that stall past their limit.

use std::ops::RangeInclusive;

use chrono::{Days, NaiveDate, NaiveTime};
use rand::Rng;

use super::plan::Planner;
use super::text;
use super::timeline::Timeline;
use crate::domain::command::Command;
use crate::domain::deadline::due_date;
use crate::domain::types::{Outcome, SuperviseGround};

impl Planner<'_> {
    /// The handler's opinion, `days` after the step before.
    pub(super) fn opinion(
        &mut self,
        tl: &mut Timeline,
        w: &Work,
        rework: bool,
        days: RangeInclusive<u64>,
    ) -> Option<()> {
        self.next(tl, *days.start(), *days.end())?;
        let mut text = String::with_capacity(240);
        text::opinion(
            &mut text,
            w.topic,
            w.department,
            w.outcome,
            rework,
            &mut self.rng,
        );
        tl.push(w.handler, Command::Opinion { text });
        Some(())
    }

    /// The leader's instruction: approval, or the opinion returned.
    pub(super) fn instruct(&mut self, tl: &mut Timeline, w: &Work, approve: bool) -> Option<()> {
        self.next(tl, 0, 4)?;
        let text = text::instruction(approve, &mut self.rng).to_owned();
        tl.push(w.leader, Command::Instruct { approve, text });
        Some(())
    }

    /// How far a stalled case got.
    pub(super) fn stalled(&mut self, tl: &mut Timeline, w: &Work, stall: Stall) {
        if stall == Stall::Unhandled || self.opinion(tl, w, false, 5..=30).is_none() {
            return;
        }
        if stall == Stall::Returned {
            let _ = self.instruct(tl, w, false);
        }
    }

    /// Past the handling limit of a stalled case, the leader orders
    /// supervision (督办) — if that day has come.
    pub(super) fn overdue_supervision(
        &mut self,
        tl: &mut Timeline,
        owner: Option<&'static str>,
        accepted_on: NaiveDate,
        extension: u32,
    ) -> Option<()> {
        let rule = self.handle_rule?;
        if !self.rng.random_bool(0.6) {
            return None;
        }
        let due = due_date(self.clock.cal, rule, accepted_on, extension);
        let late = Days::new(self.rng.random_range(1..20));
        let day = self.clock.cal.next_working_day_on_or_after(due + late);
        let t = day.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN));
        if t > tl.t && t <= self.clock.now {
            tl.t = t;
            let text = text::SUPERVISE_TEXTS[3];
            self.supervise_with(
                tl,
                owner,
                SuperviseGround::Overdue,
                text,
                day + Days::new(7),
            );
        }
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stall {
    /// Assigned, no opinion yet.
    Unhandled,
    /// The opinion waits for the leader (待批示).
    AwaitingInstruction,
    /// The opinion came back for rework and was not redone.
    Returned,
}

/// Who handles an accepted case and where it is heading.
pub(super) struct Work {
    pub(super) topic: &'static str,
    pub(super) department: &'static str,
    pub(super) handler: &'static str,
    pub(super) leader: &'static str,
    pub(super) outcome: Outcome,
}
