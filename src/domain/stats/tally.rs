//! The counts of one period: each case's contribution to the figures it falls in, and the
//! overdue and supervised cases listed under the report's own period.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;

use super::facts::{DecisionKind, StepEvent, local_day};
use super::key::{COUNTED_STEPS, FigureKey, Key, Section, Volume};
use super::model::{OverdueItem, SupervisedItem};
use super::period::Period;
use super::prepare::Prepared;
use super::{GROUP_VISIT_MIN_PEOPLE, OUTBOUND_CLOCK, SUPERIOR_CLOCK};
use crate::domain::deadline::{ClockStatus, ClockView};
use crate::domain::rules::Rules;
use crate::domain::types::{Channel, Level, Outcome, Satisfaction, State, Urgency};

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

    fn add_name(&mut self, section: Section, name: &'a str) {
        *self.names[section as usize].entry(name).or_default() += 1;
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

fn satisfaction_key(unit: bool, s: Satisfaction) -> FigureKey {
    use FigureKey as K;
    match (unit, s) {
        (true, Satisfaction::Satisfied) => K::UnitSatisfied,
        (true, Satisfaction::Basic) => K::UnitBasic,
        (true, Satisfaction::Unsatisfied) => K::UnitUnsatisfied,
        (false, Satisfaction::Satisfied) => K::OfficeSatisfied,
        (false, Satisfaction::Basic) => K::OfficeBasic,
        (false, Satisfaction::Unsatisfied) => K::OfficeUnsatisfied,
    }
}

fn outcome_key(o: Outcome) -> FigureKey {
    match o {
        Outcome::Support => FigureKey::Support,
        Outcome::Explain => FigureKey::Explain,
        Outcome::Reject => FigureKey::Reject,
    }
}

fn decision_key(k: DecisionKind) -> FigureKey {
    match k {
        DecisionKind::Accept => FigureKey::Accept,
        DecisionKind::Decline => FigureKey::Decline,
        DecisionKind::PassOn => FigureKey::PassOn,
        DecisionKind::Answered => FigureKey::Answered,
    }
}

/// The counts of period `p`, with overdue cases counted at the end of `cutoff`; the listed
/// items go to `extra` when given. `steps` are the counted steps' events.
pub(super) fn tally<'a>(
    cases: &[Vec<Prepared<'a>>],
    steps: &[StepEvent],
    p: &Period,
    cutoff: NaiveDate,
    rules: &Rules,
    mut extra: Option<&mut Extra>,
) -> Tally<'a> {
    let mut t = Tally::new();
    for e in steps.iter().filter(|e| p.contains(local_day(e.at, rules))) {
        if let Some(i) = COUNTED_STEPS.iter().position(|o| *o == e.op) {
            t.steps[i] += 1;
        }
    }
    for pc in cases.iter().flatten() {
        if p.contains(pc.received) {
            t.intake(pc);
        }
        t.attached(pc, p, rules);
        t.decision_and_reply(pc, p);
        t.timeliness(pc, p);
        t.overdue(pc, cutoff, rules, extra.as_deref_mut());
        t.supervision(pc, p, rules, extra.as_deref_mut());
    }
    t
}

impl<'a> Tally<'a> {
    /// A case received in the period.
    fn intake(&mut self, pc: &Prepared<'a>) {
        use FigureKey as K;
        let case = pc.case;
        let people = u64::from(case.people);
        self.add(K::Batches, 1);
        self.add(K::PersonTimes, people);
        let [batches, person_times] = &mut self.channels[case.channel as usize];
        *batches += 1;
        *person_times += people;
        self.add_name(Section::Category, &case.category);
        if let Some(target) = case.target.as_deref().map(str::trim)
            && !target.is_empty()
        {
            self.add_name(Section::Target, target);
        }
        if let Some(department) = &case.department {
            self.add_name(Section::Department, department);
        }
        if case.channel == Channel::Visit && case.people >= GROUP_VISIT_MIN_PEOPLE {
            self.add(K::GroupVisits, 1);
            self.add(K::GroupVisitPersonTimes, people);
        }
        if pc.repeat {
            self.add(K::Repeat, 1);
        }
        if case.urgency == Urgency::Major {
            self.add(K::Major, 1);
        }
        // Art 35–36: a review request opens a case one level up, received in the period.
        match case.level {
            Level::First => {}
            Level::Review => self.add(K::Reviews, 1),
            Level::ReReview => self.add(K::ReReviews, 1),
        }
    }

    /// Repeat items attached in the period, by their own receipt day.
    fn attached(&mut self, pc: &Prepared<'a>, p: &Period, rules: &Rules) {
        let attached = pc
            .case
            .attached
            .iter()
            .filter(|a| p.contains(local_day(**a, rules)))
            .count();
        self.add(FigureKey::Attached, attached as u64);
    }

    /// The decision, the reply (with its rating) and the archiving, where they fall in the
    /// period.
    fn decision_and_reply(&mut self, pc: &Prepared<'a>, p: &Period) {
        use FigureKey as K;
        let case = pc.case;
        if let (Some(d), Some(rec)) = (pc.facts.decided, &case.decision)
            && p.contains(d)
        {
            self.add(K::Decided, 1);
            self.add(decision_key(rec.kind), 1);
        }
        if let (Some(d), Some(reply)) = (pc.facts.replied, &case.reply)
            && p.contains(d)
        {
            self.add(K::Replied, 1);
            if let Some(o) = reply.outcome {
                self.add(outcome_key(o), 1);
            }
            if case.accepted() {
                self.add(K::Eligible, 1);
                if let Some(rv) = &case.return_visit {
                    self.add(K::Rated, 1);
                    self.add(satisfaction_key(true, rv.unit), 1);
                    self.add(satisfaction_key(false, rv.office), 1);
                }
            }
        }
        if pc.archived.is_some_and(|d| p.contains(d)) {
            self.add(K::Archived, 1);
        }
    }

    /// The decide and handle clocks that ended in the period.
    fn timeliness(&mut self, pc: &Prepared<'a>, p: &Period) {
        use FigureKey as K;
        for (slot, end) in pc.ends.iter().enumerate() {
            let Some(end) = end.as_ref().filter(|e| p.contains(e.day)) else {
                continue;
            };
            let handle = slot == 1;
            let [ended, on_time] = if handle {
                [K::HandleEnded, K::HandleOnTime]
            } else {
                [K::DecideEnded, K::DecideOnTime]
            };
            self.add(ended, 1);
            if end.met {
                self.add(on_time, 1);
            }
            if handle && pc.case.extension.is_some() {
                self.add(K::HandleExtended, 1);
            }
            self.uncovered.extend(end.uncovered.iter().copied());
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
        let finished_by_cutoff = pc.facts.replied.is_some_and(|d| d <= cutoff)
            || (pc.facts.decided.is_some_and(|d| d <= cutoff) && pc.facts.accepted.is_none());
        // Art 22 (三): the 办结报告 is owed after the reply too, until it is sent.
        let owes_report =
            pc.facts.superior_due.is_some() && pc.facts.reported.is_none_or(|d| d > cutoff);
        // Art 22 (三): the body owes this office its 办结报告 for an item 交办'd, whatever
        // became of the item here (told where it went, archived).
        let owed_report = pc.facts.passed_on.is_some_and(|d| d <= cutoff)
            && pc.facts.report_received.is_none_or(|d| d > cutoff);
        if pc.received > cutoff || (finished_by_cutoff && !owes_report && !owed_report) {
            return;
        }
        let views = pc.clocks_at(rules, cutoff);
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
