//! What each case contributes to a report, worked out once for its three periods: its
//! receipt day, its clock facts and how its decide and handle clocks ended, or when they
//! will have ended unmet if they are still running (whatever `today` is: see `rollup.rs`).

use chrono::NaiveDate;

use super::DECIDE_CLOCK;
use super::facts::{CaseFacts, local_day};
use crate::domain::deadline::{ClockFacts, ClockStatus, ClockView, clocks};
use crate::domain::due::handling_clock;
use crate::domain::rules::Rules;

/// What a case contributes, worked out once for the three periods.
pub(super) struct Prepared<'a> {
    pub(super) case: &'a CaseFacts,
    pub(super) received: NaiveDate,
    pub(super) facts: ClockFacts,
    /// Its decide and handle clocks, ended or still running (not windows).
    pub(super) ends: [Option<End>; 2],
    pub(super) archived: Option<NaiveDate>,
    pub(super) extended: Option<NaiveDate>,
    pub(super) repeat: bool,
}

impl<'a> Prepared<'a> {
    pub(super) fn new(case: &'a CaseFacts, rules: &Rules) -> Self {
        let facts = case.clock_facts(rules);
        let mut ends = ends(
            // Any day: a clock's status (running, met, late) does not depend on it, only
            // whether it is overdue, which the pending end leaves to the sum. The receipt
            // day keeps the working days counted to the due date few.
            clocks(rules.policy, rules.calendar, &facts, facts.received),
            handling_clock(facts.level),
        );
        // 按期办结率 is of accepted cases: a 复查 or 复核 request's clock runs from its receipt
        // (Art 35–36), and one not accepted was never handled.
        if facts.accepted.is_none() {
            ends[1] = None;
        }
        Prepared {
            case,
            received: facts.received,
            ends,
            facts,
            archived: case.archived_at.map(|s| local_day(s, rules)),
            extended: case.extension.map(|e| local_day(e.at, rules)),
            repeat: case.linked || case.earlier_petitioner,
        }
    }

    /// The clocks (not windows) still running at the end of `cutoff`, those that can be
    /// overdue then: none for a case received later, or finished by then (replied, or
    /// decided and not accepted) and owing no 办结报告 (Art 22 (三)). The tally at a
    /// cut-off and the spans kept for the store (`stocks.rs`) both ask this.
    pub(super) fn running_at(&self, rules: &Rules, cutoff: NaiveDate) -> Vec<ClockView> {
        let f = &self.facts;
        let finished_by_cutoff = f.replied.is_some_and(|d| d <= cutoff)
            || (f.decided.is_some_and(|d| d <= cutoff) && f.accepted.is_none());
        // Art 22 (三): the 办结报告 is owed after the reply too, until it is sent.
        let owes_report = f.superior_due.is_some() && f.reported.is_none_or(|d| d > cutoff);
        // Art 22 (三): the body owes this office its 办结报告 for an item 交办'd, whatever
        // became of the item here (told where it went, archived).
        let owed_report = f.passed_on.is_some_and(|d| d <= cutoff)
            && f.report_received.is_none_or(|d| d > cutoff);
        if self.received > cutoff || (finished_by_cutoff && !owes_report && !owed_report) {
            return Vec::new();
        }
        let mut views = self.clocks_at(rules, cutoff);
        views.retain(|v| matches!(v.status, ClockStatus::Running { .. }));
        views
    }

    /// The clocks as they stood at the end of `cutoff`: later events had not happened.
    pub(super) fn clocks_at(&self, rules: &Rules, cutoff: NaiveDate) -> Vec<ClockView> {
        let by = |d: Option<NaiveDate>| d.filter(|d| *d <= cutoff);
        let facts = ClockFacts {
            decided: by(self.facts.decided),
            accepted: by(self.facts.accepted),
            replied: by(self.facts.replied),
            reported: by(self.facts.reported),
            notified: by(self.facts.notified),
            // A 交办 not made by then runs no clock; a report received later was still owed.
            passed_on: by(self.facts.passed_on),
            report_received: by(self.facts.report_received),
            extension_days: if by(self.extended).is_some() {
                self.facts.extension_days
            } else {
                0
            },
            ..self.facts.clone()
        };
        clocks(rules.policy, rules.calendar, &facts, cutoff)
    }
}

/// A decide or handle clock that has ended (see [`ended`]): the day, whether it was met,
/// and the years without a holiday table its due date was counted over; or one still
/// running (`pending`), which ends unmet on its due day (`day`) once today is past it.
pub(super) struct End {
    pub(super) day: NaiveDate,
    pub(super) met: bool,
    pub(super) pending: bool,
    pub(super) uncovered: Vec<i32>,
}

/// The decide clock's end (first) and the handling clock's of `views` (`handle`, the clock of
/// the case's level: 60 days first, 30 for 复查 and 复核), kept instead of the views
/// themselves: a year's report holds this for a million cases.
fn ends(views: Vec<ClockView>, handle: &str) -> [Option<End>; 2] {
    let mut out = [None, None];
    for v in views {
        let slot = match v.key.as_str() {
            DECIDE_CLOCK => 0,
            key if key == handle => 1,
            _ => continue,
        };
        if let Some((day, met, pending)) = ended(&v) {
            out[slot] = Some(End {
                day,
                met,
                pending,
                uncovered: v.uncovered_years,
            });
        }
    }
    out
}

/// The day a clock ended (see the module documentation), whether it was met, and whether
/// it is still running (then it ends, unmet, on its due day once today is past it).
fn ended(view: &ClockView) -> Option<(NaiveDate, bool, bool)> {
    match view.status {
        ClockStatus::Met { done } => Some((done, true, false)),
        ClockStatus::Late { done, .. } | ClockStatus::NoticeLate { done, .. } => {
            Some((done, false, false))
        }
        ClockStatus::Running { .. } => Some((view.due, false, true)),
        ClockStatus::Window { .. } => None,
    }
}
