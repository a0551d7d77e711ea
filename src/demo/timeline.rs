//! A case's history as it is planned: the steps so far and the time of the last one, and
//! how the planner moves that time on and picks who acts. `flow`, `handling` and `closing`
//! all write to it.

use chrono::NaiveDateTime;
use rand::Rng;

use super::plan::{Planner, Step};
use super::staff::{CLERKS, LEADERS};
use crate::domain::command::Command;

/// The steps so far and the time of the last one.
pub(super) struct Timeline {
    pub(super) steps: Vec<Step>,
    pub(super) t: NaiveDateTime,
    pub(super) replied: Option<NaiveDateTime>,
}

impl Timeline {
    pub(super) fn push(&mut self, actor: &'static str, command: Command) {
        self.steps.push(Step {
            command,
            actor,
            at: self.t,
        });
    }
}

impl Planner<'_> {
    /// The time `min..=max` days after the last step, or None past `now`.
    pub(super) fn next(&mut self, tl: &mut Timeline, min: u64, max: u64) -> Option<NaiveDateTime> {
        let t = self.clock.after(&mut self.rng, tl.t, min, max);
        (t <= self.clock.now).then(|| {
            tl.t = t;
            t
        })
    }

    pub(super) fn clerk(&mut self) -> &'static str {
        CLERKS[self.rng.random_range(0..CLERKS.len())]
    }

    pub(super) fn leader(&mut self) -> &'static str {
        LEADERS[self.rng.random_range(0..LEADERS.len())]
    }
}
