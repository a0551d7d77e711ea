//! A case's history after intake, through the real state machine: register
//! (accept / decline / pass on / answer on the spot), assign, opinion and
//! instruction (sometimes returned for rework), extension, supervision,
//! reply, return visit and archive. The history stops at `now`; some old
//! cases are left stuck so the queue has overdue items.

use chrono::{Days, NaiveDateTime};
use rand::Rng;

use super::handling::{Stall, Work};
use super::plan::{Facts, Planner, Step, weighted};
use super::staff::{DEPARTMENTS, conflicts, department_for};
use super::text::{self, pick};
use super::timeline::Timeline;
use crate::domain::command::Command;
use crate::domain::types::{
    Channel, Decision, DeclineGround, Outcome, ServiceMethod, SuperviseGround,
};

/// Grounds for not accepting a first petition, and a repeat of a closed one.
const DECLINE_FIRST: [(DeclineGround, u32); 3] = [
    (DeclineGround::LegalProcedure, 40),
    (DeclineGround::OtherOrgan, 30),
    (DeclineGround::NotCompetent, 30),
];
const DECLINE_AGAIN: [(DeclineGround, u32); 3] = [
    (DeclineGround::WindowMissed, 40),
    (DeclineGround::FinalAfterReReview, 30),
    (DeclineGround::LegalProcedure, 30),
];

enum Fate {
    Accept,
    Decline(DeclineGround),
    PassOn,
    Answered,
}

impl Planner<'_> {
    /// Plans everything after intake (recorded at `at`); returns the steps
    /// and when the petitioner was replied to, if that happened.
    pub(super) fn history(
        &mut self,
        f: &Facts,
        at: NaiveDateTime,
    ) -> (Vec<Step>, Option<NaiveDateTime>) {
        let mut tl = Timeline {
            steps: Vec::with_capacity(10),
            t: at,
            replied: None,
        };
        let _ = self.walk(f, &mut tl);
        (tl.steps, tl.replied)
    }

    fn fate(&mut self, f: &Facts) -> Fate {
        let rng = &mut self.rng;
        if f.repeat_of_open && rng.random_bool(0.4) {
            return Fate::Decline(DeclineGround::InProgress);
        }
        let category = self.topics[f.topic].category;
        let pass_on = if matches!(category, "纪检监察" | "政法") {
            25
        } else {
            5
        };
        let spot = matches!(f.channel, Channel::Visit | Channel::Phone);
        let weights = if f.anonymous {
            [85, 0, pass_on, 0]
        } else {
            [80, 10, pass_on, if spot { 12 } else { 0 }]
        };
        match weighted(rng, &weights) {
            1 => {
                let grounds = if f.repeat {
                    &DECLINE_AGAIN
                } else {
                    &DECLINE_FIRST
                };
                let w = grounds.map(|g| g.1);
                Fate::Decline(grounds[weighted(rng, &w)].0)
            }
            2 => Fate::PassOn,
            3 => Fate::Answered,
            _ => Fate::Accept,
        }
    }

    fn walk(&mut self, f: &Facts, tl: &mut Timeline) -> Option<()> {
        let now = self.clock.now;
        let days_ago = (now - tl.t).num_days();
        // A few petitions wait unregistered past the 15-day limit.
        if (20..120).contains(&days_ago) && self.rng.random_bool(0.03) {
            return None;
        }
        let fate = self.fate(f);
        let category = self.topics[f.topic].category;
        let quick = f.major || matches!(fate, Fate::Answered);
        let came = tl.t;
        self.next(tl, 0, if quick { 0 } else { 10 })?;
        // Answered on the spot: while the petitioner is there, the day they came (Art 23
        // 第二款), though the office's hours have ended or it is a rest day.
        // So is an item passed down found not ours: within the days to object (Art 23 第三款).
        let not_ours = f.channel == Channel::Referral
            && matches!(fate, Fate::Decline(DeclineGround::NotCompetent));
        if (matches!(fate, Fate::Answered) || not_ours) && tl.t.date() != came.date() {
            tl.t = came + chrono::Duration::minutes(1);
        }
        let decision = match fate {
            Fate::Accept => Decision::Accept,
            Fate::Decline(ground) => Decision::Decline {
                ground,
                route: text::decline_route(ground, category, &mut self.rng).to_owned(),
                note: None,
            },
            Fate::PassOn => Decision::pass_on(text::pass_on_to(category, &mut self.rng)),
            Fate::Answered => Decision::Answered {
                text: pick(&mut self.rng, &text::ANSWERED).to_owned(),
            },
        };
        let notice = match &decision {
            Decision::Decline { route, .. } => Some(format!(
                "不予受理告知书：经审查，您反映的问题依法不予受理。{route}。"
            )),
            Decision::PassOn { to, .. } => Some(format!(
                "转送告知书：您反映的问题已转送{to}办理，请与其联系。"
            )),
            Decision::Accept | Decision::Answered { .. } => None,
        };
        let actor = self.clerk();
        tl.push(actor, Command::Register(decision));
        if let Some(text) = notice {
            self.next(tl, 0, 3)?;
            let method = if f.anonymous {
                ServiceMethod::Other
            } else {
                ServiceMethod::Post
            };
            self.reply(tl, None, method, text)?;
            return self.close(tl, f.channel, false, None);
        }
        if matches!(fate, Fate::Answered) {
            tl.replied = Some(tl.t);
            let visit = self.rng.random_bool(0.3);
            return self.close(tl, f.channel, visit, None);
        }
        self.accepted(f, tl, days_ago)
    }

    /// A department and handler with nothing to do with the accused.
    fn assignee(&mut self, f: &Facts, avoid: Option<&str>) -> Option<(&'static str, &'static str)> {
        let home = department_for(self.topics[f.topic].category);
        let accused = [f.target, f.target_person];
        let first = self.rng.random_range(0..2);
        for d in 0..DEPARTMENTS.len() {
            let (department, handlers) = DEPARTMENTS[(home + d) % DEPARTMENTS.len()];
            for h in 0..2 {
                let handler = handlers[(first + h) % 2];
                if Some(handler) != avoid && !conflicts(department, handler, accused) {
                    return Some((department, handler));
                }
            }
        }
        None
    }

    fn accepted(&mut self, f: &Facts, tl: &mut Timeline, days_ago: i64) -> Option<()> {
        let accepted_on = tl.t.date();
        // Accepted and waiting to be assigned (待交办): some recent ones, a
        // rare old one forgotten.
        let waiting = match days_ago {
            0..45 => 0.25,
            101.. => 0.005,
            _ => 0.0,
        };
        if self.rng.random_bool(waiting) {
            return None;
        }
        // Some old cases stall and run past the handling limit.
        let stall = (days_ago > 100 && self.rng.random_bool(0.07)).then(|| {
            [
                Stall::Unhandled,
                Stall::AwaitingInstruction,
                Stall::Returned,
            ][weighted(&mut self.rng, &[60, 25, 15])]
        });
        let owner = (f.major || f.group || f.accusation || self.rng.random_bool(0.15))
            .then(|| self.leader());
        let (department, handler) = self.assign(f, tl, owner)?;
        let mut extension = 0;
        if self.rng.random_bool(0.05) {
            self.next(tl, 1, 7)?;
            extension = [15, 20, 30][self.rng.random_range(0..3)];
            let reason = pick(&mut self.rng, &text::EXTEND_REASONS).to_owned();
            let leader = owner.unwrap_or_else(|| self.leader());
            let days = extension;
            tl.push(leader, Command::Extend { days, reason });
        }
        if stall.is_none() && self.rng.random_bool(0.1) {
            let t = self.next(tl, 3, 20)?;
            let grounds = [
                SuperviseGround::Leader,
                SuperviseGround::Quality,
                SuperviseGround::Delay,
                SuperviseGround::Repeat,
            ];
            let ground = grounds[self.rng.random_range(0..if f.repeat { 4 } else { 3 })];
            let by = t.date() + Days::new(self.rng.random_range(5..15));
            self.supervise(tl, owner, ground, by);
        }
        let outcome = [Outcome::Support, Outcome::Explain, Outcome::Reject]
            [weighted(&mut self.rng, &[35, 45, 20])];
        let w = Work {
            topic: self.topics[f.topic].name,
            department,
            handler,
            leader: owner.unwrap_or_else(|| self.leader()),
            outcome,
        };
        if let Some(stall) = stall {
            self.stalled(tl, &w, stall);
            return self.overdue_supervision(tl, owner, accepted_on, extension);
        }
        self.opinion(tl, &w, false, if extension > 0 { 25..=55 } else { 5..=30 })?;
        if self.rng.random_bool(0.15) {
            self.instruct(tl, &w, false)?;
            self.opinion(tl, &w, true, 3..=10)?;
        }
        self.instruct(tl, &w, true)?;
        self.next(tl, 1, 6)?;
        let method = if f.anonymous {
            ServiceMethod::Other
        } else {
            let methods = [
                ServiceMethod::InPerson,
                ServiceMethod::Post,
                ServiceMethod::Other,
            ];
            methods[weighted(&mut self.rng, &[45, 40, 15])]
        };
        let mut reply = String::with_capacity(300);
        text::reply(&mut reply, w.topic, outcome, &mut self.rng);
        self.reply(tl, Some(outcome), method, reply)?;
        let visit = !f.anonymous && self.rng.random_bool(0.7);
        self.close(tl, f.channel, visit, Some(outcome))
    }

    /// 交办, now and then followed by a recusal and a new assignment.
    fn assign(
        &mut self,
        f: &Facts,
        tl: &mut Timeline,
        owner: Option<&'static str>,
    ) -> Option<(&'static str, &'static str)> {
        let (department, handler) = self.assignee(f, None)?;
        self.next(tl, 0, 5)?;
        let assign = |handler: &str| Command::Assign {
            department: department.to_owned(),
            handler: handler.to_owned(),
            leader: owner.map(str::to_owned),
        };
        let clerk = self.clerk();
        tl.push(clerk, assign(handler));
        if !self.rng.random_bool(0.01) {
            return Some((department, handler));
        }
        self.next(tl, 1, 3)?;
        let reason = pick(&mut self.rng, &text::RECUSE_REASONS).to_owned();
        let recuse = Command::Recuse {
            handler: handler.to_owned(),
            reason,
        };
        tl.push(handler, recuse);
        let (_, other) = self.assignee(f, Some(handler))?;
        self.next(tl, 0, 2)?;
        let clerk = self.clerk();
        tl.push(clerk, assign(other));
        Some((department, other))
    }
}
