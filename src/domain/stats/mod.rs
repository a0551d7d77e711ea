//! The statistics report (信访情况分析报告): pure computation over cases.
//!
//! Input: the cases ([`Input`]), or what the report reads of them ([`CaseFacts`], which the
//! store keeps per case), the [`Period`], the office's [`Rules`] (its time-limit policy,
//! holiday calendar and UTC offset) and `today`. Output: a [`Report`] (serde `Serialize`),
//! which the command line renders as text, CSV, HTML or JSON and the leader's screen can show
//! as it is. No SQL and no clock here; the store loads the facts (`Store::report`).
//!
//! # What each figure counts
//!
//! Every figure is computed for the period, for the period before it (环比) and for the same
//! period a year earlier (同比), each by the same rules. Dates are office-local dates (the
//! policy's `utc_offset`). A report describes the ledger as it stands on `today`: a case
//! replied to after the period still counts as replied in the month it was served, and a case
//! received in the period and declined later counts as declined in the month of the decision.
//!
//! - **Intake** (`intake`, `channel`, `category`, `target`, `department`, `focus` except
//!   `attached`): the cases *received* in the period (by `received_at`), whatever their state
//!   now. 批次 (`batches`) is the number of cases; 人次 (`person_times`) the sum of their
//!   `people` (a group visit of 12 is 1 batch and 12 person-times). Attached repeat items
//!   (重复件) are not cases and are not counted here (a merged duplicate counts once).
//!   - `category`: by the case's category; `target`: by the unit complained about (`target`,
//!     trimmed; cases naming none are left out), the `top` units of the period with most
//!     batches; `department`: by the department the case is assigned to now (cases not
//!     assigned are left out).
//!   - `focus.group_visits`: visits (来访) of at least [`GROUP_VISIT_MIN_PEOPLE`] people
//!     (集体访), with their person-times in `focus.group_visit_person_times`.
//!   - `focus.repeat`: 重复信访, cases with `links` to earlier cases (a 复查 request links to
//!     the case it reviews) or whose petitioner brought an earlier case: the same ID number,
//!     phone, or name and address as a petitioner of any case received before it, in any
//!     period (see [`repeat::earlier_petitioner_ids`]).
//!   - `focus.major`: cases marked 重大紧急.
//!   - `focus.attached`: repeat items attached to a case (重复件), by their own receipt date.
//! - **Decisions** (`decision`): cases whose acceptance decision was taken in the period (the
//!   date of the `register` command): accepted, declined, passed on, answered on the spot.
//! - **Replies** (`reply`): cases whose reply was served in the period (`served_at`, the day
//!   the handling clock stops), with the outcome of the accepted ones; `reply.replied`
//!   includes the notices of a decline or a pass-on and answers given on the spot.
//! - **Archive** (`archive.archived`): cases archived in the period.
//! - **Timeliness** (`timeliness`): a clock *ends* on the day it stopped, or, if it is still
//!   running today past its due date, on its due date. A clock is counted in the period in
//!   which it ended, so each clock is counted once over consecutive periods:
//!   - 及时受理率 `decide_rate` = `decide_on_time` / `decide_ended`, for the policy's
//!     `decide` clock (received → decided; 15 calendar days by default, Art 22–23);
//!   - 按期办结率 `handle_rate` = `handle_on_time` / `handle_ended`, for the handling clock
//!     of the case's level (`handle`: accepted → reply served, 60 days plus an approved
//!     extension, Art 34; `review_handle` and `rereview_handle`: the request's receipt →
//!     reply served, 30 days, Art 35–36), of accepted cases only; `handle_extended` counts
//!     those of them that had an extension.
//!
//!   On time means stopped on or before the due date as `domain::deadline` computes it (the
//!   office's holiday calendar, roll-forward, extension).
//! - **Satisfaction** (`satisfaction`): the cohort is the accepted cases whose reply was
//!   served in the period (`eligible`); `rated` are those with a return visit (回访), whenever
//!   it was recorded. 参评率 `participation_rate` = rated / eligible; 满意率 `unit_rate` and
//!   `office_rate` = (satisfied + basically satisfied) / rated, for the handling unit and for
//!   the reception office.
//! - **Overdue** (`overdue`): cases with a clock (not a window) running and past its due date
//!   at the end of the *cut-off day*: the period's last day, or today if the period has not
//!   ended. Events after the cut-off are ignored as if they had not happened yet. Broken
//!   down by clock (`clock.decide`…; a case may have two) and by the case's state now
//!   (`state.assigned`…: for a past period, how many have since been dealt with).
//!   A referral whose 办结报告 is owed (Art 22 (三)) can be overdue after its reply, on the
//!   `superior` clock.
//! - **Supervision** (`supervision`): `orders` are the 督办 orders given in the period;
//!   `cases` the cases that received them, by their state now.
//! - **Steps** (`steps`): `review` and `rereview`, the 复查 and 复核 cases received in the
//!   period (Art 35–36); `report_back_overdue`, the referrals overdue on the `superior` clock
//!   at the cut-off (Art 22 (三)); then one count per step of [`COUNTED_STEPS`] (`remind`,
//!   `resolve`): the times it was given in the period, by the time of its journal event.
//!
//! Rates are percentages rounded to one decimal, `None` ("—") when the base is zero. The
//! change of a count is a percentage of the earlier value ("—" when that is zero); the change
//! of a rate is the difference in percentage points.

mod facts;
mod figures;
mod key;
mod model;
mod overdue_days;
mod period;
mod prepare;
pub mod repeat;
mod rollup;
mod signed;
mod stocks;
mod tally;

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;

use super::case::Case;
use super::rules::Rules;
use prepare::Prepared;
use tally::{Extra, tally};

pub use facts::{
    CaseFacts, Decided, DecisionKind, Extended, Outbound, Rating, Replied, StepEvent, Supervised,
    facts, local_day,
};
pub use figures::{change, percent};
pub use key::{COUNTED_STEPS, FigureKey, Key, Section, Volume};
pub use model::{Amount, Figure, Measure, OverdueItem, Report, SupervisedItem};
pub use overdue_days::{DaySpan, overdue_day_deltas, stocks_from_sums};
pub use period::{Period, PeriodError, PeriodKind, YEARS};
pub use repeat::{again_at, earlier_petitioner_ids};
pub use rollup::{FirstTime, Flow, Rolled, clocks_fingerprint, deltas, fingerprint};
pub use signed::{Letters, letter_signed, put_letters};
pub use stocks::{Span, Stocks, overdue_spans};
pub use tally::closed_at_once;

/// A visit of this many people or more is a group visit (集体访). DOMAIN.md ("What is
/// recorded": representatives ≤ 5 for a group visit) after 2022《信访工作条例》第二十条: 多人
/// 采用走访形式提出共同的信访事项的，应当推选代表，代表人数不超过5人; the office statistics
/// count a visit of 5 or more people as 集体访.
pub const GROUP_VISIT_MIN_PEOPLE: u32 = 5;

/// How many listed cases (overdue, supervised) a report holds and a page shows: the rest
/// are read a page at a time.
pub const LIST_PAGE: usize = 50;

/// How many complained-about units the report lists by default.
pub const DEFAULT_TOP: usize = 10;

/// The policy clock behind 及时受理率 (received → decided).
pub const DECIDE_CLOCK: &str = "decide";
/// The policy clock behind 按期办结率 (accepted → reply served, with extension) for first
/// handling; a 复查 or 复核 case counts its own (`due::handling_clock`).
pub const HANDLE_CLOCK: &str = "handle";
/// The policy clock of a referral's 办结报告 (Art 22 (三)), behind `steps.report_back_overdue`.
pub const SUPERIOR_CLOCK: &str = "superior";
/// The clock of the 办结报告 owed to this office for an item it 交办'd (Art 22 (三)), behind
/// `steps.outbound_overdue`.
pub use crate::domain::due::OUTBOUND_CLOCK;

/// What the report is computed from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// At least every case received in the three periods, every case with an event in them,
    /// and every case not yet replied to by a period's cut-off (more does no harm).
    pub cases: &'a [Case],
    /// Ids of cases whose petitioner brought a case received earlier (anywhere in the
    /// ledger). The store answers it from its index; [`earlier_petitioner_ids`] computes it
    /// when `cases` is the whole ledger.
    pub earlier_petitioner: &'a HashSet<i64>,
    /// For cases replied to, the receipt instant of the first case the same person brought
    /// after it, as the store answers it; `None`: worked out from `cases` ([`again_at`],
    /// correct when they are the whole ledger).
    pub again: Option<&'a HashMap<i64, i64>>,
    /// The events of the counted steps ([`COUNTED_STEPS`]) in the three periods, each once
    /// (more does no harm).
    pub steps: &'a [StepEvent],
}

/// The report of `period` as the ledger stands on `today`, with the `top` most
/// complained-about units.
pub fn report(
    input: &Input,
    period: Period,
    rules: &Rules,
    today: NaiveDate,
    top: usize,
) -> Report {
    let computed;
    let again = match input.again {
        Some(a) => a,
        None => {
            computed = again_at(input.cases);
            &computed
        }
    };
    let all: Vec<CaseFacts> = input
        .cases
        .iter()
        .map(|c| CaseFacts {
            earlier_petitioner: input.earlier_petitioner.contains(&c.id),
            again: again.get(&c.id).copied(),
            ..facts(c)
        })
        .collect();
    let mut r = report_parts(&[&all], input.steps, period, rules, today, top);
    let by_id: HashMap<i64, &Case> = input.cases.iter().map(|c| (c.id, c)).collect();
    r.fill_listed(|id| {
        by_id
            .get(&id)
            .map(|c| (c.case_no.clone(), c.intake.summary.clone()))
    });
    r
}

/// As [`report`], from the facts of the cases; the listed items' numbers and summaries are
/// left empty for the caller to fill in ([`Report::fill_listed`]): a report lists tens of
/// thousands of cases and reads hundreds of thousands.
pub fn report_facts(
    cases: &[CaseFacts],
    period: Period,
    rules: &Rules,
    today: NaiveDate,
    top: usize,
) -> Report {
    report_parts(&[cases], &[], period, rules, today, top)
}

/// As [`report_facts`], from the facts in parts (as several readers loaded them), with the
/// counted steps' events.
pub fn report_parts(
    parts: &[&[CaseFacts]],
    steps: &[StepEvent],
    period: Period,
    rules: &Rules,
    today: NaiveDate,
    top: usize,
) -> Report {
    counted(parts, steps, None, period, rules, today, top)
}

/// As [`report_parts`], with the flows of the period, the one before and the year before
/// summed from the rollups (`rolled`, in that order): `parts` need hold only the cases that
/// can be overdue at a cut-off or were supervised in a period (see `rollup.rs`).
pub fn report_rolled(
    parts: &[&[CaseFacts]],
    steps: &[StepEvent],
    rolled: &[Rolled; 3],
    period: Period,
    rules: &Rules,
    today: NaiveDate,
    top: usize,
) -> Report {
    counted(parts, steps, Some(rolled), period, rules, today, top)
}

fn counted(
    parts: &[&[CaseFacts]],
    steps: &[StepEvent],
    rolled: Option<&[Rolled; 3]>,
    period: Period,
    rules: &Rules,
    today: NaiveDate,
    top: usize,
) -> Report {
    let [_, previous, last_year] = period.compared(today);
    let cutoff = period.end.min(today);
    // Each case's clocks once, then the three periods side by side: all read-only work,
    // spread over the cores (the leader's screen recomputes this as cases change).
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4));
    let total: usize = parts.iter().map(|p| p.len()).sum();
    let chunk = total.div_ceil(threads).max(1024);
    // Kept in the workers' parts: one vector for all would copy them once more.
    let prepared: Vec<Vec<Prepared>> = std::thread::scope(|s| {
        let workers: Vec<_> = parts
            .iter()
            .flat_map(|p| p.chunks(chunk))
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|c| Prepared::new(c, rules))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().map(join).collect()
    });
    let mut extra = Extra::default();
    let (now, prev, ly) = std::thread::scope(|s| {
        let (pr, ly) = (&previous, &last_year);
        let r = |i: usize| rolled.map(|r| &r[i]);
        let prepared = &prepared;
        let prev = s.spawn(move || {
            let at = (pr, pr.end.min(today), today);
            tally(prepared, steps, at, rules, None, r(1))
        });
        let ly = s.spawn(move || {
            let at = (ly, ly.end.min(today), today);
            tally(prepared, steps, at, rules, None, r(2))
        });
        let at = (&period, cutoff, today);
        let now = tally(prepared, steps, at, rules, Some(&mut extra), r(0));
        (now, join(prev), join(ly))
    });
    let figures = figures::figures(rules, [&now, &prev, &ly], top);
    let mut uncovered: BTreeSet<i32> = BTreeSet::new();
    for t in [&now, &prev, &ly] {
        uncovered.extend(t.uncovered.iter().copied());
    }
    let mut overdue_items = extra.overdue;
    overdue_items.sort_by(|a, b| b.days_overdue.cmp(&a.days_overdue).then(a.id.cmp(&b.id)));
    let mut supervised_items: Vec<SupervisedItem> = extra.supervised.into_values().collect();
    supervised_items.sort_by(|a, b| b.supervised.cmp(&a.supervised).then(a.id.cmp(&b.id)));
    Report {
        period,
        previous,
        last_year,
        today,
        cutoff,
        ledger_from: None,
        group_visit_min_people: GROUP_VISIT_MIN_PEOPLE,
        top,
        figures,
        overdue_count: overdue_items.len() as u64,
        supervised_count: supervised_items.len() as u64,
        overdue_items,
        supervised_items,
        uncovered_years: uncovered.into_iter().collect(),
        evaluations: Vec::new(),
    }
}

/// A worker's result (a panic in it goes on in the caller, as if it had run there).
fn join<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

#[cfg(test)]
mod tests;
