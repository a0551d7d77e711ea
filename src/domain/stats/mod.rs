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
//!   - 按期办结率 `handle_rate` = `handle_on_time` / `handle_ended`, for the `handle` clock
//!     (accepted → reply served; 60 days, plus an approved extension, Art 34), so accepted
//!     cases only; `handle_extended` counts those of them that had an extension.
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
//! - **Supervision** (`supervision`): `orders` are the 督办 orders given in the period;
//!   `cases` the cases that received them, by their state now.
//!
//! Rates are percentages rounded to one decimal, `None` ("—") when the base is zero. The
//! change of a count is a percentage of the earlier value ("—" when that is zero); the change
//! of a rate is the difference in percentage points.

mod facts;
mod figures;
mod model;
mod period;
pub mod repeat;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;

use super::case::Case;
use super::deadline::{ClockFacts, ClockStatus, ClockView, clocks};
use super::rules::Rules;
use super::types::{Channel, Outcome, Satisfaction, State, Urgency};

pub use facts::{
    CaseFacts, Decided, DecisionKind, Extended, Rating, Replied, Supervised, facts, local_day,
};
pub use figures::{change, percent};
pub use model::{Amount, Figure, Measure, OverdueItem, Report, Section, SupervisedItem};
pub use period::{Period, PeriodError, PeriodKind, YEARS};
pub use repeat::earlier_petitioner_ids;

/// A visit of this many people or more is a group visit (集体访). DOMAIN.md ("What is
/// recorded": representatives ≤ 5 for a group visit) after 2022《信访工作条例》第二十条: 多人
/// 采用走访形式提出共同的信访事项的，应当推选代表，代表人数不超过5人; the office statistics
/// count a visit of 5 or more people as 集体访.
pub const GROUP_VISIT_MIN_PEOPLE: u32 = 5;

/// How many complained-about units the report lists by default.
pub const DEFAULT_TOP: usize = 10;

/// The policy clock behind 及时受理率 (received → decided).
pub const DECIDE_CLOCK: &str = "decide";
/// The policy clock behind 按期办结率 (accepted → reply served, with extension).
pub const HANDLE_CLOCK: &str = "handle";

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
    let all: Vec<CaseFacts> = input
        .cases
        .iter()
        .map(|c| CaseFacts {
            earlier_petitioner: input.earlier_petitioner.contains(&c.id),
            ..facts(c)
        })
        .collect();
    let mut r = report_facts(&all, period, rules, today, top);
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
    report_parts(&[cases], period, rules, today, top)
}

/// As [`report_facts`], from the facts in parts (as several readers loaded them).
pub fn report_parts(
    parts: &[&[CaseFacts]],
    period: Period,
    rules: &Rules,
    today: NaiveDate,
    top: usize,
) -> Report {
    let previous = period.previous();
    let last_year = period.year_before();
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
                        .map(|c| Prepared::new(c, rules, today))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().map(join).collect()
    });
    let mut extra = Extra::default();
    let (now, prev, ly) = std::thread::scope(|s| {
        let prev = s.spawn(|| tally(&prepared, &previous, previous.end.min(today), rules, None));
        let ly = s.spawn(|| tally(&prepared, &last_year, last_year.end.min(today), rules, None));
        let now = tally(&prepared, &period, cutoff, rules, Some(&mut extra));
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
        group_visit_min_people: GROUP_VISIT_MIN_PEOPLE,
        top,
        figures,
        overdue_items,
        supervised_items,
        uncovered_years: uncovered.into_iter().collect(),
    }
}

/// A worker's result (a panic in it goes on in the caller, as if it had run there).
fn join<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// What a case contributes, worked out once for the three periods.
struct Prepared<'a> {
    case: &'a CaseFacts,
    received: NaiveDate,
    facts: ClockFacts,
    /// Its decide and handle clocks, where they have ended as of today.
    ends: [Option<End>; 2],
    archived: Option<NaiveDate>,
    extended: Option<NaiveDate>,
    repeat: bool,
}

impl<'a> Prepared<'a> {
    fn new(case: &'a CaseFacts, rules: &Rules, today: NaiveDate) -> Self {
        let facts = case.clock_facts(rules);
        Prepared {
            case,
            received: facts.received,
            ends: ends(clocks(rules.policy, rules.calendar, &facts, today)),
            facts,
            archived: case.archived_at.map(|s| local_day(s, rules)),
            extended: case.extension.map(|e| local_day(e.at, rules)),
            repeat: case.linked || case.earlier_petitioner,
        }
    }

    /// The clocks as they stood at the end of `cutoff`: later events had not happened.
    fn clocks_at(&self, rules: &Rules, cutoff: NaiveDate) -> Vec<ClockView> {
        let by = |d: Option<NaiveDate>| d.filter(|d| *d <= cutoff);
        let facts = ClockFacts {
            decided: by(self.facts.decided),
            accepted: by(self.facts.accepted),
            replied: by(self.facts.replied),
            extension_days: if by(self.extended).is_some() {
                self.facts.extension_days
            } else {
                0
            },
            ..self.facts
        };
        clocks(rules.policy, rules.calendar, &facts, cutoff)
    }
}

/// A decide or handle clock that has ended (see [`ended`]): the day, whether it was met,
/// and the years without a holiday table its due date was counted over.
struct End {
    day: NaiveDate,
    met: bool,
    uncovered: Vec<i32>,
}

/// The decide clock's end (first) and the handle clock's of `views`, kept instead of the
/// views themselves: a year's report holds this for a million cases.
fn ends(views: Vec<ClockView>) -> [Option<End>; 2] {
    let mut out = [None, None];
    for v in views {
        let slot = match v.key.as_str() {
            DECIDE_CLOCK => 0,
            HANDLE_CLOCK => 1,
            _ => continue,
        };
        if let Some((day, met)) = ended(&v) {
            out[slot] = Some(End {
                day,
                met,
                uncovered: v.uncovered_years,
            });
        }
    }
    out
}

/// The day a clock ended (see the module documentation), and whether it was met.
fn ended(view: &ClockView) -> Option<(NaiveDate, bool)> {
    match view.status {
        ClockStatus::Met { done } => Some((done, true)),
        ClockStatus::Late { done, .. } => Some((done, false)),
        ClockStatus::Running { overdue: true, .. } => Some((view.due, false)),
        _ => None,
    }
}

/// The counts of one period, by section and key. Keys borrow from the cases or are static:
/// counting allocates nothing but the map entries.
#[derive(Default)]
struct Tally<'a> {
    counts: [HashMap<Cow<'a, str>, u64, BuildHasherDefault<Fx>>; Section::ALL.len()],
    uncovered: BTreeSet<i32>,
}

impl<'a> Tally<'a> {
    fn add(&mut self, section: Section, key: impl Into<Cow<'a, str>>, n: u64) {
        *self.counts[section as usize].entry(key.into()).or_default() += n;
    }

    fn get(&self, section: Section, key: &str) -> u64 {
        self.counts[section as usize].get(key).copied().unwrap_or(0)
    }

    fn names(&self, section: Section) -> impl Iterator<Item = &str> {
        self.counts[section as usize].keys().map(|k| k.as_ref())
    }
}

/// FxHash (as rustc hashes): the tally's keys are short names from the ledger, not chosen by
/// an attacker, and SipHash took a tenth of a year's report.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The item lists, gathered for the report's own period only.
#[derive(Default)]
struct Extra {
    overdue: Vec<OverdueItem>,
    supervised: BTreeMap<i64, SupervisedItem>,
}

fn satisfaction_key(unit: bool, s: Satisfaction) -> &'static str {
    match (unit, s) {
        (true, Satisfaction::Satisfied) => "unit_satisfied",
        (true, Satisfaction::Basic) => "unit_basic",
        (true, Satisfaction::Unsatisfied) => "unit_unsatisfied",
        (false, Satisfaction::Satisfied) => "office_satisfied",
        (false, Satisfaction::Basic) => "office_basic",
        (false, Satisfaction::Unsatisfied) => "office_unsatisfied",
    }
}

fn outcome_key(o: Outcome) -> &'static str {
    match o {
        Outcome::Support => "support",
        Outcome::Explain => "explain",
        Outcome::Reject => "reject",
    }
}

fn channel_keys(c: Channel) -> [&'static str; 2] {
    match c {
        Channel::Visit => ["visit.batches", "visit.person_times"],
        Channel::Letter => ["letter.batches", "letter.person_times"],
        Channel::Phone => ["phone.batches", "phone.person_times"],
        Channel::Email => ["email.batches", "email.person_times"],
        Channel::Online => ["online.batches", "online.person_times"],
        Channel::Referral => ["referral.batches", "referral.person_times"],
    }
}

fn state_key(s: State) -> &'static str {
    match s {
        State::Intake => "state.intake",
        State::Registered => "state.registered",
        State::Assigned => "state.assigned",
        State::Replied => "state.replied",
        State::Archived => "state.archived",
    }
}

fn tally<'a>(
    cases: &[Vec<Prepared<'a>>],
    p: &Period,
    cutoff: NaiveDate,
    rules: &Rules,
    mut extra: Option<&mut Extra>,
) -> Tally<'a> {
    use Section as S;
    let mut t = Tally::default();
    for pc in cases.iter().flatten() {
        let case = pc.case;
        if p.contains(pc.received) {
            let people = u64::from(case.people);
            t.add(S::Intake, "batches", 1);
            t.add(S::Intake, "person_times", people);
            let [batches, person_times] = channel_keys(case.channel);
            t.add(S::Channel, batches, 1);
            t.add(S::Channel, person_times, people);
            t.add(S::Category, &*case.category, 1);
            if let Some(target) = case.target.as_deref().map(str::trim)
                && !target.is_empty()
            {
                t.add(S::Target, target, 1);
            }
            if let Some(department) = &case.department {
                t.add(S::Department, &**department, 1);
            }
            if case.channel == Channel::Visit && case.people >= GROUP_VISIT_MIN_PEOPLE {
                t.add(S::Focus, "group_visits", 1);
                t.add(S::Focus, "group_visit_person_times", people);
            }
            if pc.repeat {
                t.add(S::Focus, "repeat", 1);
            }
            if case.urgency == Urgency::Major {
                t.add(S::Focus, "major", 1);
            }
        }
        let attached = case
            .attached
            .iter()
            .filter(|a| p.contains(local_day(**a, rules)))
            .count();
        // A fixed key reads 0 when absent: most cases have nothing attached.
        if attached > 0 {
            t.add(S::Focus, "attached", attached as u64);
        }

        if let (Some(d), Some(rec)) = (pc.facts.decided, &case.decision)
            && p.contains(d)
        {
            t.add(S::Decision, "decided", 1);
            t.add(S::Decision, rec.kind.code(), 1);
        }
        if let (Some(d), Some(reply)) = (pc.facts.replied, &case.reply)
            && p.contains(d)
        {
            t.add(S::Reply, "replied", 1);
            if let Some(o) = reply.outcome {
                t.add(S::Reply, outcome_key(o), 1);
            }
            if case.accepted() {
                t.add(S::Satisfaction, "eligible", 1);
                if let Some(rv) = &case.return_visit {
                    t.add(S::Satisfaction, "rated", 1);
                    t.add(S::Satisfaction, satisfaction_key(true, rv.unit), 1);
                    t.add(S::Satisfaction, satisfaction_key(false, rv.office), 1);
                }
            }
        }
        if pc.archived.is_some_and(|d| p.contains(d)) {
            t.add(S::Archive, "archived", 1);
        }
        for (slot, end) in pc.ends.iter().enumerate() {
            let Some(end) = end.as_ref().filter(|e| p.contains(e.day)) else {
                continue;
            };
            let handle = slot == 1;
            let [ended_key, on_time_key] = if handle {
                ["handle_ended", "handle_on_time"]
            } else {
                ["decide_ended", "decide_on_time"]
            };
            t.add(S::Timeliness, ended_key, 1);
            if end.met {
                t.add(S::Timeliness, on_time_key, 1);
            }
            if handle && case.extension.is_some() {
                t.add(S::Timeliness, "handle_extended", 1);
            }
            t.uncovered.extend(end.uncovered.iter().copied());
        }

        // Overdue at the cut-off: only a case received by then and not yet finished by
        // then can be; the clocks are worked out again as of that day.
        let finished_by_cutoff = pc.facts.replied.is_some_and(|d| d <= cutoff)
            || (pc.facts.decided.is_some_and(|d| d <= cutoff) && pc.facts.accepted.is_none());
        if pc.received <= cutoff && !finished_by_cutoff {
            let views = pc.clocks_at(rules, cutoff);
            let overdue: Vec<&ClockView> = views
                .iter()
                .filter(|v| matches!(v.status, ClockStatus::Running { overdue: true, .. }))
                .collect();
            if let Some(first) = overdue.iter().min_by_key(|v| v.due) {
                t.add(S::Overdue, "total", 1);
                t.add(S::Overdue, state_key(case.state), 1);
                for v in &overdue {
                    t.add(S::Overdue, format!("clock.{}", v.key), 1);
                    t.uncovered.extend(v.uncovered_years.iter().copied());
                }
                if let Some(x) = extra.as_deref_mut() {
                    x.overdue.push(OverdueItem {
                        id: case.id,
                        // Filled in for the few cases listed (`Report::fill_listed`).
                        case_no: None,
                        state: case.state,
                        channel: case.channel,
                        received: pc.received,
                        department: case.department.as_deref().map(str::to_owned),
                        summary: String::new(),
                        clock: first.key.clone(),
                        due: first.due,
                        days_overdue: (cutoff - first.due).num_days(),
                        urgency: case.urgency,
                    });
                }
            }
        }

        let mut supervised = false;
        for s in &case.supervisions {
            let d = local_day(s.at, rules);
            if !p.contains(d) {
                continue;
            }
            t.add(S::Supervision, "orders", 1);
            supervised = true;
            if let Some(x) = extra.as_deref_mut() {
                let item = x
                    .supervised
                    .entry(case.id)
                    .or_insert_with(|| SupervisedItem {
                        id: case.id,
                        case_no: None,
                        state: case.state,
                        department: case.department.as_deref().map(str::to_owned),
                        summary: String::new(),
                        supervised: d,
                        ground: s.ground,
                        feedback_by: s.feedback_by,
                        orders: 0,
                    });
                item.orders += 1;
                if d >= item.supervised {
                    item.supervised = d;
                    item.ground = s.ground;
                    item.feedback_by = s.feedback_by;
                }
            }
        }
        if supervised {
            t.add(S::Supervision, "cases", 1);
            t.add(S::Supervision, state_key(case.state), 1);
        }
    }
    t
}

#[cfg(test)]
mod tests;
