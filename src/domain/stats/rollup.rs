//! Rollups: what a case adds to the report's counts, as rows keyed by (day, figure), so that
//! a month or a year is a sum over a few thousand rows instead of a tally of every case.
//!
//! # Design
//!
//! - **Flows** are figures counted on a day of their own and summed over a period's days:
//!   intake (批次, 人次, by channel, category, unit, department, 集体访, 重大, 复查, 复核, all
//!   on the receipt day), the attached items (each on its own receipt day), the decision (its
//!   day), the reply with its outcome and its return visit (the day served), the archiving,
//!   and the ends of the decide and handling clocks with whether they were met (the day the
//!   clock stopped). A rate is two flows: 及时受理率 = `decide_on_time` / `decide_ended`,
//!   按期办结率 = `handle_on_time` / `handle_ended`, 参评率 = `rated` / `eligible`, 满意率 =
//!   (satisfied + basic) / `rated`; each part is summed, the rate taken after.
//! - **A clock still running** is kept on its due day as *pending* (`Flow::Pending`): it
//!   ends unmet on its due day once `today` is past it (`ClockStatus::Running { overdue }`),
//!   so the sum takes a pending row only when its day is before `today`. Its status does
//!   not depend on `today` otherwise: the rows never go stale as days pass.
//! - **Stocks at the window's end** (overdue at the cut-off, by clock and by state now; the
//!   cases supervised in the period and their state now; the listed items) are not summed:
//!   the store finds the few cases that can be in them through indexes (not replied to by
//!   the cut-off, owing a 办结报告, or supervised) and tallies only those. A per-(due day,
//!   stop day) count was weighed against this: it cannot give the state *now* of the cases
//!   overdue then, nor the list, and the open backlog is what an office keeps small.
//! - **重复信访** (`repeat`) is counted by an index (`case_facts_repeat`), not rolled up: a
//!   paper record entered late marks *later* cases as repeats (the petitioners' trigger),
//!   which is no write of theirs. The counted steps come from the journal as before.
//! - **One rule.** [`flows`] is the only place that decides what a case adds; the tally of
//!   the recount path calls it for every loaded case, and the store calls it ([`deltas`])
//!   on every write: the old facts row's deltas subtracted, the new one's added, in the
//!   case's transaction. The rows depend on the office's rules (UTC offset, clocks, holiday
//!   calendar): the store keeps the [`fingerprint`] they were made under and makes them
//!   again, or reports by the recount, when it differs.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::facts::DecisionKind;
use super::facts::{CaseFacts, local_day};
use super::key::{FigureKey, Section, Volume};
use super::prepare::Prepared;
use super::{GROUP_VISIT_MIN_PEOPLE, Period};
use crate::domain::rules::Rules;
use crate::domain::types::{Channel, Level, Outcome, Satisfaction, Urgency};

/// What one row of a rollup counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flow<'a> {
    Fixed(FigureKey),
    Channel(Channel, Volume),
    /// A category, complained-about unit (trimmed) or department.
    Name(Section, &'a str),
    /// A year without a holiday table under a clock that ended on the day.
    Uncovered(i32),
    /// A decide or handling clock still running, due on the day: `decide_ended`,
    /// `handle_ended` or `handle_extended` once `today` is past it.
    Pending(FigureKey),
    /// As `Uncovered`, for a pending clock.
    PendingUncovered(i32),
}

impl<'a> Flow<'a> {
    /// The key of its row.
    pub fn code(&self) -> String {
        match self {
            Flow::Fixed(k) => format!("f:{}", k.code()),
            Flow::Channel(c, v) => format!("c:{}.{}", c.code(), v.code()),
            Flow::Name(s, n) => format!("n:{}:{n}", s.code()),
            Flow::Uncovered(y) => format!("u:{y}"),
            Flow::Pending(k) => format!("p:{}", k.code()),
            Flow::PendingUncovered(y) => format!("pu:{y}"),
        }
    }

    /// The flow a row's key names; `None` for a key no version wrote.
    pub fn parse(code: &'a str) -> Option<Flow<'a>> {
        let (kind, rest) = code.split_once(':')?;
        let fixed = |c: &str| FigureKey::ALL.into_iter().find(|k| k.code() == c);
        match kind {
            "f" => fixed(rest).map(Flow::Fixed),
            "p" => fixed(rest).map(Flow::Pending),
            "u" => rest.parse().ok().map(Flow::Uncovered),
            "pu" => rest.parse().ok().map(Flow::PendingUncovered),
            "c" => {
                let (c, v) = rest.split_once('.')?;
                let c = Channel::ALL.into_iter().find(|x| x.code() == c)?;
                let v = Volume::ALL.into_iter().find(|x| x.code() == v)?;
                Some(Flow::Channel(c, v))
            }
            "n" => {
                let (s, n) = rest.split_once(':')?;
                let s = Section::ALL
                    .into_iter()
                    .find(|x| x.code() == s && x.keyed_by_name())?;
                Some(Flow::Name(s, n))
            }
            _ => None,
        }
    }

    /// Whether a row of this flow on `day` counts in `p` as the ledger stands on `today`;
    /// with the figure it then counts as.
    pub fn counted(self, day: NaiveDate, p: &Period, today: NaiveDate) -> Option<Flow<'a>> {
        if !p.contains(day) {
            return None;
        }
        match self {
            // ClockStatus::Running: overdue when today > due; it ended then, unmet.
            Flow::Pending(k) => (today > day).then_some(Flow::Fixed(k)),
            Flow::PendingUncovered(y) => (today > day).then_some(Flow::Uncovered(y)),
            Flow::Fixed(_) | Flow::Channel(..) | Flow::Name(..) | Flow::Uncovered(_) => Some(self),
        }
    }
}

/// Everything a case adds to the flows, each with its day and amount. The only place this
/// is decided: the recount's tally and the store's rollups both call it.
pub(super) fn flows<'a>(
    pc: &Prepared<'a>,
    rules: &Rules,
    emit: &mut impl FnMut(NaiveDate, Flow<'a>, u64),
) {
    use FigureKey as K;
    let case = pc.case;
    let day = pc.received;
    let people = u64::from(case.people);
    emit(day, Flow::Fixed(K::Batches), 1);
    emit(day, Flow::Fixed(K::PersonTimes), people);
    emit(day, Flow::Channel(case.channel, Volume::Batches), 1);
    emit(
        day,
        Flow::Channel(case.channel, Volume::PersonTimes),
        people,
    );
    emit(day, Flow::Name(Section::Category, &case.category), 1);
    if let Some(target) = case.target.as_deref().map(str::trim)
        && !target.is_empty()
    {
        emit(day, Flow::Name(Section::Target, target), 1);
    }
    if let Some(department) = &case.department {
        emit(day, Flow::Name(Section::Department, department), 1);
    }
    if case.channel == Channel::Visit && case.people >= GROUP_VISIT_MIN_PEOPLE {
        emit(day, Flow::Fixed(K::GroupVisits), 1);
        emit(day, Flow::Fixed(K::GroupVisitPersonTimes), people);
    }
    if case.urgency == Urgency::Major {
        emit(day, Flow::Fixed(K::Major), 1);
    }
    // Art 35–36: a review request opens a case one level up, received in the period.
    match case.level {
        Level::First => {}
        Level::Review => emit(day, Flow::Fixed(K::Reviews), 1),
        Level::ReReview => emit(day, Flow::Fixed(K::ReReviews), 1),
    }
    // Repeat items attached, by their own receipt day.
    for a in &case.attached {
        emit(local_day(*a, rules), Flow::Fixed(K::Attached), 1);
    }
    answers(pc, emit);
    ends(pc, emit);
}

/// The decision, the reply (with its rating) and the archiving, on their days.
fn answers<'a>(pc: &Prepared<'a>, emit: &mut impl FnMut(NaiveDate, Flow<'a>, u64)) {
    use FigureKey as K;
    let case = pc.case;
    if let (Some(d), Some(rec)) = (pc.facts.decided, &case.decision) {
        emit(d, Flow::Fixed(K::Decided), 1);
        emit(d, Flow::Fixed(decision_key(rec.kind)), 1);
    }
    if let (Some(d), Some(reply)) = (pc.facts.replied, &case.reply) {
        emit(d, Flow::Fixed(K::Replied), 1);
        if let Some(o) = reply.outcome {
            emit(d, Flow::Fixed(outcome_key(o)), 1);
        }
        if case.accepted() {
            emit(d, Flow::Fixed(K::Eligible), 1);
            if let Some(rv) = &case.return_visit {
                emit(d, Flow::Fixed(K::Rated), 1);
                emit(d, Flow::Fixed(satisfaction_key(true, rv.unit)), 1);
                emit(d, Flow::Fixed(satisfaction_key(false, rv.office)), 1);
            }
        }
    }
    if let Some(d) = pc.archived {
        emit(d, Flow::Fixed(K::Archived), 1);
    }
}

/// The decide and handling clocks: ended on the day they stopped, or pending on their due
/// day while they run.
fn ends<'a>(pc: &Prepared<'a>, emit: &mut impl FnMut(NaiveDate, Flow<'a>, u64)) {
    use FigureKey as K;
    for (slot, end) in pc.ends.iter().enumerate() {
        let Some(end) = end else {
            continue;
        };
        let handle = slot == 1;
        let [ended, on_time] = if handle {
            [K::HandleEnded, K::HandleOnTime]
        } else {
            [K::DecideEnded, K::DecideOnTime]
        };
        let extended = handle && pc.case.extension.is_some();
        if end.pending {
            emit(end.day, Flow::Pending(ended), 1);
            if extended {
                emit(end.day, Flow::Pending(K::HandleExtended), 1);
            }
            for y in &end.uncovered {
                emit(end.day, Flow::PendingUncovered(*y), 1);
            }
            continue;
        }
        emit(end.day, Flow::Fixed(ended), 1);
        if end.met {
            emit(end.day, Flow::Fixed(on_time), 1);
        }
        if extended {
            emit(end.day, Flow::Fixed(K::HandleExtended), 1);
        }
        for y in &end.uncovered {
            emit(end.day, Flow::Uncovered(*y), 1);
        }
    }
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

/// The rollup rows a case's facts add, as (day, key, amount), amounts of the same row
/// summed.
pub fn deltas(case: &CaseFacts, rules: &Rules) -> Vec<(NaiveDate, String, i64)> {
    let pc = Prepared::new(case, rules);
    let mut out: Vec<(NaiveDate, String, i64)> = Vec::new();
    flows(&pc, rules, &mut |day, flow, n| {
        out.push((day, flow.code(), n as i64));
    });
    out.sort();
    out.dedup_by(|b, a| {
        let same = a.0 == b.0 && a.1 == b.1;
        if same {
            a.2 += b.2;
        }
        same
    });
    out
}

/// What the rows depend on besides the facts: the office's UTC offset, its clocks and its
/// holiday calendar, as a SHA-256 in hex.
pub fn fingerprint(rules: &Rules) -> String {
    let calendar = rules.calendar.debug_text();
    sha256_hex(&format!("{}|{calendar}", clocks_text(rules)))
}

/// What a case's stored next due date depends on besides the case: the UTC offset and the
/// clocks (not the calendar: `calendar import` stamps the dates again itself).
pub fn clocks_fingerprint(rules: &Rules) -> String {
    sha256_hex(&clocks_text(rules))
}

fn clocks_text(rules: &Rules) -> String {
    format!("{:?}|{:?}", rules.policy.utc_offset, rules.policy.clocks)
}

fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The sums of one period's rows the store read, with the repeat count it took from its
/// index: what [`super::report_rolled`] adds instead of tallying every case.
#[derive(Debug, Default, Clone)]
pub struct Rolled {
    /// (day, key, amount): the rows of the period's days.
    pub rows: Vec<(NaiveDate, String, i64)>,
    pub repeat: u64,
    /// The stocks at the window's cut-off, where the store counted them from its spans
    /// (`stocks.rs`); `None`: tallied from the cases given.
    pub stocks: Option<super::stocks::Stocks>,
    /// 初信初访 in the period, where the store counted them from its index (`again_at`);
    /// `None`: tallied from the cases given.
    pub first_time: Option<FirstTime>,
}

/// 初信初访 of a period: the first-time cases whose reply was served in it, and those of
/// them closed at once ([`super::closed_at_once`]).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FirstTime {
    pub closed: u64,
    pub once: u64,
}
