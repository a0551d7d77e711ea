//! A case's clocks: which deadlines run, when they fall due, and how much
//! time is left, from the policy and the facts the case has recorded.

use chrono::NaiveDate;

use super::case::Case;
use super::deadline::{ClockFacts, ClockStatus, ClockView, clocks};
use super::rules::Rules;
use super::types::Decision;
use super::workflow::local_date;

/// The dates each clock starts and stops on, read off the case.
pub fn clock_facts(case: &Case, rules: &Rules) -> ClockFacts {
    let decided = case
        .decision
        .as_ref()
        .map(|d| local_date(d.stamp.at, rules));
    let accepted = case
        .decision
        .as_ref()
        .filter(|d| d.decision == Decision::Accept)
        .map(|d| local_date(d.stamp.at, rules));
    ClockFacts {
        channel: case.intake.channel,
        level: case.level(),
        received: local_date(case.intake.received_at, rules),
        decided,
        accepted,
        // The handling clock stops when the petitioner is served the reply.
        replied: case.reply.as_ref().map(|r| r.served_at),
        extension_days: case.extension_days(),
    }
}

pub fn case_clocks(case: &Case, rules: &Rules, today: NaiveDate) -> Vec<ClockView> {
    clocks(
        rules.policy,
        rules.calendar,
        &clock_facts(case, rules),
        today,
    )
}

/// The earliest due date among clocks still running (not windows): what
/// makes a case overdue or due soon in the queue.
pub fn next_due(views: &[ClockView]) -> Option<NaiveDate> {
    views
        .iter()
        .filter(|v| matches!(v.status, ClockStatus::Running { .. }))
        .map(|v| v.due)
        .min()
}
