//! A case's clocks: which deadlines run, when they fall due, and how much
//! time is left, from the policy and the facts the case has recorded.

use chrono::NaiveDate;

use super::case::Case;
use super::deadline::{ClockFacts, ClockStatus, ClockView, clocks};
use super::policy::{ClockStart, ClockStop};
use super::rules::Rules;
use super::rules::local_date;
use super::types::{Decision, Level};

/// The policy key of the clock of a 办结报告 owed to this office for an item it 交办'd
/// (Art 22 (三)).
pub const OUTBOUND_CLOCK: &str = "outbound";

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
    let outbound = case.passed_on_for_report(rules);
    ClockFacts {
        channel: case.intake.channel,
        level: case.level(),
        received: local_date(case.intake.received_at, rules),
        decided,
        accepted,
        // The handling clock stops when the petitioner is served the reply.
        replied: case.reply.as_ref().map(|r| r.served_at),
        extension_days: case.extension_days(),
        superior_due: case.intake.referral.as_ref().and_then(|r| r.deadline),
        // Archiving ends what the office owes on a referral: a ledger from before the
        // 办结报告 step has none recorded, and its archived referrals are not overdue.
        reported: case
            .report_back
            .as_ref()
            .map(|r| r.sent_on)
            .or_else(|| case.archived.as_ref().map(|a| local_date(a.at, rules))),
        paused: case.hearing_days(),
        passed_on: outbound.map(|(on, _)| on),
        notified: case.notified_on(rules),
        report_by: outbound.and_then(|(_, by)| by),
        report_received: case.report_received.as_ref().map(|r| r.received_on),
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

/// The policy key of the window in which an item passed down that is not ours is objected
/// to (Art 23 第三款: 5个工作日内提出异议).
pub const OBJECTION_CLOCK: &str = "object";

/// The last day to object to an item passed down as not ours (Art 23 第三款), if the policy
/// runs the window for the case's channel.
pub fn objection_due(case: &Case, rules: &Rules) -> Option<NaiveDate> {
    let rule = rules.policy.clock(OBJECTION_CLOCK)?;
    if !rules.policy.applies(rule, case.intake.channel) {
        return None;
    }
    let received = local_date(case.intake.received_at, rules);
    Some(super::deadline::due_date(rules.calendar, rule, received, 0))
}

/// When the petitioner must be told the decision in writing (Art 23 第二款): the due date of
/// the clock a notice stops (`stop = "notified"`, the policy's `decide`), if the policy runs one.
pub fn notice_due(case: &Case, rules: &Rules) -> Option<NaiveDate> {
    let rule = (rules.policy.clocks.iter())
        .find(|r| r.stop == ClockStop::Notified && r.start == ClockStart::Received)?;
    let received = local_date(case.intake.received_at, rules);
    Some(super::deadline::due_date(rules.calendar, rule, received, 0))
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

/// Whether a clock still running is past its due date on `today`: the case is 超期.
pub fn overdue(views: &[ClockView], today: NaiveDate) -> bool {
    next_due(views).is_some_and(|due| due < today)
}

/// The policy key of the clock a case of `level` is handled within: 60 days for first
/// handling (Art 34), 30 for 复查 (Art 35) and 复核 (Art 36).
pub fn handling_clock(level: Level) -> &'static str {
    match level {
        Level::First => "handle",
        Level::Review => "review_handle",
        Level::ReReview => "rereview_handle",
    }
}

/// The policy key of the window in which a case of `level` may be taken one level up:
/// 复查 (Art 35) or 复核 (Art 36 第一款); none after 复核 (第三款).
pub fn review_window(level: Level) -> Option<&'static str> {
    match level {
        Level::First => Some("review"),
        Level::Review => Some("rereview"),
        Level::ReReview => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::HolidayCalendar;
    use crate::domain::policy::Policy;
    use crate::domain::types::Channel;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn next_due_is_whichever_clock_ends_first() {
        // A referral accepted Tue 2026-10-20: handling due Mon 12-21 (10-20 + 60 = Sat 12-19,
        // rolled); the superior set Mon 11-16 (Art 22 (三)), so the queue counts 11-16.
        let facts = ClockFacts {
            channel: Channel::Referral,
            received: d("2026-10-20"),
            decided: Some(d("2026-10-20")),
            accepted: Some(d("2026-10-20")),
            replied: None,
            extension_days: 0,
            superior_due: Some(d("2026-11-16")),
            reported: None,
            level: Level::First,
            paused: Vec::new(),
            passed_on: None,
            notified: None,
            report_by: None,
            report_received: None,
        };
        let (p, cal) = (Policy::builtin(), HolidayCalendar::builtin());
        assert_eq!(
            next_due(&clocks(&p, &cal, &facts, d("2026-12-01"))),
            Some(d("2026-11-16"))
        );
        // Once the 办结报告 is sent, the handling clock is the one left.
        let reported = ClockFacts {
            reported: Some(d("2026-11-13")),
            ..facts.clone()
        };
        let views = clocks(&p, &cal, &reported, d("2026-12-01"));
        assert_eq!(next_due(&views), Some(d("2026-12-21")));
    }
}
