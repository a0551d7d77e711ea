//! The stocks at a cut-off (overdue cases, by clock and by state now), kept per case as the
//! spans of days on which each of its clocks is overdue, so that the store counts them at
//! any cut-off from an index instead of working out every open case's clocks.
//!
//! A clock's due date and whether it runs change only on the days a fact of the case
//! happens (decided, replied, 办结报告 sent or received, notice, 交办, extension): between
//! two of them the clocks stand as on the first, and a running one is overdue from the day
//! after its due date. So [`overdue_spans`] works the clocks out on each of those days with
//! the same code the tally uses at a cut-off (`Prepared::running_at`) and keeps, per running
//! clock, the days from the one after it fell due to the next fact: the clock is overdue at
//! cut-off `c` exactly when a span holds `c`.

use chrono::NaiveDate;

use super::facts::CaseFacts;
use super::prepare::Prepared;
use crate::domain::deadline::ClockView;
use crate::domain::policy::{ClockStart, DayUnit};
use crate::domain::rules::Rules;
use crate::domain::types::State;

/// Days on which one clock of a case is overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The clock's policy key.
    pub clock: String,
    /// Its place among the policy's clocks: of two overdue clocks due the same day, the
    /// first in the policy is the one listed.
    pub ord: u32,
    /// The first day it is overdue.
    pub from: NaiveDate,
    /// The first day it no longer is, as far as the case knows now (`None`: still running).
    pub until: Option<NaiveDate>,
    pub due: NaiveDate,
    /// The day it started, for the years without a holiday table its count crossed; `None`
    /// for a date someone set (not counted on the calendar).
    pub start: Option<NaiveDate>,
}

/// The spans on which the clocks of `case` are overdue, in order of day.
pub fn overdue_spans(case: &CaseFacts, rules: &Rules) -> Vec<Span> {
    let pc = Prepared::new(case, rules);
    let f = &pc.facts;
    let mut days: Vec<NaiveDate> = [
        f.decided,
        f.accepted,
        f.replied,
        f.reported,
        f.notified,
        f.passed_on,
        f.report_received,
        pc.extended,
    ]
    .into_iter()
    .flatten()
    .filter(|d| *d > pc.received)
    .collect();
    days.push(pc.received);
    days.sort_unstable();
    days.dedup();
    let mut out = Vec::new();
    for (i, day) in days.iter().enumerate() {
        let next = days.get(i + 1).copied();
        for v in pc.running_at(rules, *day) {
            let from = v.due.succ_opt().map_or(*day, |d| d.max(*day));
            if next.is_some_and(|n| from >= n) {
                continue;
            }
            out.push(Span {
                ord: ord(rules, &v),
                start: (!given(rules, f, &v)).then_some(v.start),
                clock: v.key,
                from,
                until: next,
                due: v.due,
            });
        }
    }
    out
}

fn ord(rules: &Rules, v: &ClockView) -> u32 {
    let i = rules.policy.clocks.iter().position(|r| r.key == v.key);
    u32::try_from(i.unwrap_or(usize::MAX)).unwrap_or(u32::MAX)
}

/// Whether the clock's due date was set rather than counted (as `deadline::clocks` decides:
/// it then names no years without a table).
fn given(rules: &Rules, f: &crate::domain::deadline::ClockFacts, v: &ClockView) -> bool {
    let policy = rules.policy;
    let rule = (policy.clocks.iter())
        .filter(|r| policy.applies_at(r, f.channel, f.level))
        .find(|r| r.key == v.key);
    rule.is_some_and(|r| match (r.unit, r.start) {
        (DayUnit::Given, _) => true,
        (DayUnit::Calendar | DayUnit::Working, ClockStart::PassedOn) => f.report_by.is_some(),
        (DayUnit::Calendar | DayUnit::Working, _) => false,
    })
}

/// The stocks of one window as the store counted them from the spans and the supervision
/// orders: what the tally adds instead of looking at each case.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stocks {
    /// Cases overdue at the cut-off, by their state now.
    pub overdue_states: Vec<(State, u64)>,
    /// Overdue clocks by key.
    pub clocks: Vec<(String, u64)>,
    /// Cases overdue on the superior's clock (Art 22 (三)), and on the outbound one.
    pub report_back: u64,
    pub outbound: u64,
    /// The earliest start of a counted clock overdue at the cut-off: the years without a
    /// table from it to the cut-off are provisional.
    pub earliest_start: Option<NaiveDate>,
    /// Supervision orders given in the period, and the cases that got them by state now.
    pub orders: u64,
    pub supervised_states: Vec<(State, u64)>,
}
