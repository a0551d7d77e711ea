//! The counts of one period: each case's contribution to the figures it falls in, and the
//! overdue and supervised cases listed under the report's own period.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;

use super::facts::{StepEvent, local_day};
use super::key::{COUNTED_STEPS, FigureKey, Key, Section, Volume};
use super::model::{OverdueItem, SupervisedItem};
use super::period::Period;
use super::prepare::Prepared;
use super::rollup::{Flow, Rolled, flows};
use super::stocks::Stocks;
use super::{OUTBOUND_CLOCK, SUPERIOR_CLOCK};
use crate::domain::deadline::{ClockStatus, ClockView};
use crate::domain::rules::Rules;
use crate::domain::types::{Channel, State};

type Names<'a> = HashMap<&'a str, u64, BuildHasherDefault<Fx>>;

/// The counts of one period. Names borrow from the cases: counting allocates nothing but
/// the names' map entries (and a clock's key, for the few cases overdue).
pub(super) struct Tally<'a> {
    fixed: [u64; FigureKey::ALL.len()],
    channels: [[u64; Volume::ALL.len()]; Channel::ALL.len()],
    /// By section; only the sections keyed by name use theirs.
    names: [Names<'a>; Section::ALL.len()],
    clocks: BTreeMap<String, u64>,
    overdue_states: [u64; State::ALL.len()],
    supervised_states: [u64; State::ALL.len()],
    /// By the index of the step in `COUNTED_STEPS`.
    steps: Vec<u64>,
    pub(super) uncovered: BTreeSet<i32>,
}

impl<'a> Tally<'a> {
    fn new() -> Self {
        Tally {
            fixed: [0; FigureKey::ALL.len()],
            channels: Default::default(),
            names: Default::default(),
            clocks: BTreeMap::new(),
            overdue_states: Default::default(),
            supervised_states: Default::default(),
            steps: vec![0; COUNTED_STEPS.len()],
            uncovered: BTreeSet::new(),
        }
    }

    fn add(&mut self, key: FigureKey, n: u64) {
        self.fixed[key as usize] += n;
    }

    /// The count of `key` in `section` (a rate's parts are counts too).
    pub(super) fn get(&self, section: Section, key: &Key) -> u64 {
        match key {
            Key::Fixed(k) => self.fixed[*k as usize],
            Key::Channel(c, v) => self.channels[*c as usize][*v as usize],
            Key::Clock(k) => self.clocks.get(k).copied().unwrap_or(0),
            Key::State(s) if section == Section::Supervision => self.supervised_states[*s as usize],
            Key::State(s) => self.overdue_states[*s as usize],
            Key::Name(n) => self.name(section, n),
            Key::Step(op) => COUNTED_STEPS
                .iter()
                .position(|o| o == op)
                .map_or(0, |i| self.steps[i]),
        }
    }

    /// The count of a name in a section keyed by name.
    pub(super) fn name(&self, section: Section, name: &str) -> u64 {
        self.names[section as usize].get(name).copied().unwrap_or(0)
    }

    pub(super) fn fixed(&self, key: FigureKey) -> u64 {
        self.fixed[key as usize]
    }

    /// The names counted in a section keyed by name.
    pub(super) fn names(&self, section: Section) -> impl Iterator<Item = &str> {
        self.names[section as usize].keys().copied()
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
pub(super) struct Extra {
    pub(super) overdue: Vec<OverdueItem>,
    pub(super) supervised: BTreeMap<i64, SupervisedItem>,
}

/// The counts of period `p` as the ledger stands on `today`, with overdue cases counted at
/// the end of `cutoff`; the listed items go to `extra` when given. `steps` are the counted
/// steps' events. With `rolled` (the rollup rows of the period) the flows come from it, and
/// the cases are only the few that can be overdue or supervised (`rollup.rs`).
#[allow(clippy::too_many_arguments)]
pub(super) fn tally<'a>(
    cases: &[Vec<Prepared<'a>>],
    steps: &[StepEvent],
    (p, cutoff, today): (&Period, NaiveDate, NaiveDate),
    rules: &Rules,
    mut extra: Option<&mut Extra>,
    rolled: Option<&'a Rolled>,
) -> Tally<'a> {
    let mut t = Tally::new();
    for e in steps.iter().filter(|e| p.contains(local_day(e.at, rules))) {
        if let Some(i) = COUNTED_STEPS.iter().position(|o| *o == e.op) {
            t.steps[i] += 1;
        }
    }
    if let Some(r) = rolled {
        t.rolled(r, p, today);
    }
    let first_time = rolled.and_then(|r| r.first_time);
    if let Some(f) = first_time {
        t.add(FigureKey::FirstTimeClosed, f.closed);
        t.add(FigureKey::FirstTimeOnce, f.once);
    }
    let stocks = rolled.and_then(|r| r.stocks.as_ref());
    if let Some(s) = stocks {
        t.stocks(s, cutoff, rules);
    }
    for pc in cases.iter().flatten() {
        if rolled.is_none() {
            flows(pc, rules, &mut |day, flow, n| {
                if let Some(f) = flow.counted(day, p, today) {
                    t.add_flow(f, n);
                }
            });
            if pc.repeat && p.contains(pc.received) {
                t.add(FigureKey::Repeat, 1);
            }
        }
        if first_time.is_none() {
            t.first_time(pc, p, rules);
        }
        if stocks.is_none() {
            t.overdue(pc, cutoff, rules, extra.as_deref_mut());
            t.supervision(pc, p, rules, extra.as_deref_mut());
        }
    }
    t
}

impl<'a> Tally<'a> {
    /// A flow that counts in the period.
    fn add_flow(&mut self, flow: Flow<'a>, n: u64) {
        match flow {
            Flow::Fixed(k) => self.add(k, n),
            Flow::Channel(c, v) => self.channels[c as usize][v as usize] += n,
            Flow::Name(section, name) => {
                *self.names[section as usize].entry(name).or_default() += n;
            }
            Flow::Uncovered(y) => {
                if n > 0 {
                    self.uncovered.insert(y);
                }
            }
            // `Flow::counted` turned them into what they count as.
            Flow::Pending(_) | Flow::PendingUncovered(_) => {}
        }
    }

    /// The rollup rows of the period, and its repeat count from the index.
    fn rolled(&mut self, r: &'a Rolled, p: &Period, today: NaiveDate) {
        self.add(FigureKey::Repeat, r.repeat);
        for (day, code, n) in &r.rows {
            let flow = Flow::parse(code).and_then(|f| f.counted(*day, p, today));
            if let Some(f) = flow {
                self.add_flow(f, u64::try_from(*n).unwrap_or(0));
            }
        }
    }

    /// The stocks the store counted from its spans and orders (`stocks.rs`).
    fn stocks(&mut self, s: &Stocks, cutoff: NaiveDate, rules: &Rules) {
        for (state, n) in &s.overdue_states {
            self.add(FigureKey::OverdueTotal, *n);
            self.overdue_states[*state as usize] += n;
        }
        for (key, n) in &s.clocks {
            *self.clocks.entry(key.clone()).or_default() += n;
        }
        self.add(FigureKey::ReportBackOverdue, s.report_back);
        self.add(FigureKey::OutboundOverdue, s.outbound);
        if let Some(start) = s.earliest_start {
            let years = rules.calendar.uncovered_years(start.min(cutoff), cutoff);
            self.uncovered.extend(years);
        }
        self.add(FigureKey::Orders, s.orders);
        for (state, n) in &s.supervised_states {
            self.add(FigureKey::SupervisedCases, *n);
            self.supervised_states[*state as usize] += n;
        }
    }

    /// 初信初访: a first-time case whose reply was served in the period, and whether it was
    /// closed at once: no petition from the same person (a later case or an item attached to
    /// it) received by the policy's window after the reply. Not a flow: a later case makes an
    /// earlier one not closed at once without a write of the earlier one (as `repeat`).
    fn first_time(&mut self, pc: &Prepared<'a>, p: &Period, rules: &Rules) {
        let case = pc.case;
        let Some(served) = case.reply.map(|r| r.served) else {
            return;
        };
        if pc.repeat || !p.contains(served) {
            return;
        }
        self.add(FigureKey::FirstTimeClosed, 1);
        if closed_at_once(served, case.again.iter().chain(&case.attached), rules) {
            self.add(FigureKey::FirstTimeOnce, 1);
        }
    }

    /// Overdue at the cut-off: only a case received by then and not yet finished by then
    /// can be; the clocks are worked out again as of that day.
    fn overdue(
        &mut self,
        pc: &Prepared<'a>,
        cutoff: NaiveDate,
        rules: &Rules,
        extra: Option<&mut Extra>,
    ) {
        let views = pc.running_at(rules, cutoff);
        let overdue: Vec<&ClockView> = views
            .iter()
            .filter(|v| matches!(v.status, ClockStatus::Running { overdue: true, .. }))
            .collect();
        let Some(first) = overdue.iter().min_by_key(|v| v.due) else {
            return;
        };
        let case = pc.case;
        self.add(FigureKey::OverdueTotal, 1);
        self.overdue_states[case.state as usize] += 1;
        if overdue.iter().any(|v| v.key == SUPERIOR_CLOCK) {
            self.add(FigureKey::ReportBackOverdue, 1);
        }
        if overdue.iter().any(|v| v.key == OUTBOUND_CLOCK) {
            self.add(FigureKey::OutboundOverdue, 1);
        }
        for v in &overdue {
            match self.clocks.get_mut(&v.key) {
                Some(n) => *n += 1,
                None => {
                    self.clocks.insert(v.key.clone(), 1);
                }
            }
            self.uncovered.extend(v.uncovered_years.iter().copied());
        }
        if let Some(x) = extra {
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

    /// The supervision orders given in the period, and the case they went to.
    fn supervision(
        &mut self,
        pc: &Prepared<'a>,
        p: &Period,
        rules: &Rules,
        mut extra: Option<&mut Extra>,
    ) {
        let case = pc.case;
        let mut supervised = false;
        for s in &case.supervisions {
            let d = local_day(s.at, rules);
            if !p.contains(d) {
                continue;
            }
            self.add(FigureKey::Orders, 1);
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
            self.add(FigureKey::SupervisedCases, 1);
            self.supervised_states[case.state as usize] += 1;
        }
    }
}

/// 一次办结: no petition from the same person (`petitions`: the receipt instants of the
/// later cases and attached items) received by the policy's window after the reply was
/// served (`first_time_window_days`).
pub fn closed_at_once<'i>(
    served: NaiveDate,
    mut petitions: impl Iterator<Item = &'i i64>,
    rules: &Rules,
) -> bool {
    let window = u64::from(rules.policy.first_time_window_days);
    let last = served.checked_add_days(chrono::Days::new(window));
    !petitions.any(|at| last.is_none_or(|last| local_day(*at, rules) <= last))
}
