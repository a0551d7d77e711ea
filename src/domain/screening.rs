//! 矛盾纠纷排查: disputes and risks (隐患) a unit finds before or outside a petition, their
//! 化解, and the screening rounds in which every unit reports what it found or that it
//! found nothing (零报告). Seed 000: 排查期限由一月一次改为每半月一次，严格实行零报告制度.
//! Pure: dates are passed in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::round::{Round, RoundPeriod, round_of};
use super::rules::{Operator, names_accused};
use super::types::Role;
use super::visibility::names_of;
use super::vocab::vocabulary;

vocabulary! {
    /// 纠纷类型. A closed set, not the office's case categories: the monthly 统计表 is summed
    /// by type from every unit and sent to the level above, so the columns must be the same
    /// everywhere and every month (the types of the county 矛盾纠纷排查 tables).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum DisputeKind {
        Family = "family",
        Neighbour = "neighbour",
        Land = "land",
        Demolition = "demolition",
        Labour = "labour",
        Medical = "medical",
        Environment = "environment",
        Property = "property",
        Enterprise = "enterprise",
        Litigation = "litigation",
        Other = "other",
    }
}

vocabulary! {
    /// 风险等级.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum RiskLevel {
        General = "general",
        Serious = "serious",
        Major = "major",
    }
}

vocabulary! {
    /// 化解状态.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Resolution {
        /// 排查中: found, not yet worked on.
        Screening = "screening",
        /// 化解中.
        Resolving = "resolving",
        /// 已化解.
        Resolved = "resolved",
        /// 转为信访件: the matter is now a case (made through the intake, or one already there).
        Escalated = "escalated",
    }
}

vocabulary! {
    /// What a change of a register entry does (the field-less mirror of `Change`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum ChangeKind {
        Assign = "assign",
        Start = "start",
        Resolve = "resolve",
        Escalate = "escalate",
    }
}

/// What the person who found it says (`apply`'s `screening`, the desk's form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewScreening {
    pub found_on: NaiveDate,
    /// Who found it (a 网格员 or cadre need not be an operator).
    pub found_by: String,
    /// The unit that screened it and reports it for the round.
    pub unit: String,
    pub place: String,
    /// 当事人: people or units on either side.
    pub parties: Vec<String>,
    pub kind: DisputeKind,
    pub risk: RiskLevel,
    pub summary: String,
    /// 责任单位.
    pub responsible: String,
    /// 包案领导.
    #[serde(default)]
    pub leader: Option<String>,
    /// 化解时限.
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
}

/// One entry of the register as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    pub no: i64,
    #[serde(flatten)]
    pub found: NewScreening,
    pub state: Resolution,
    /// The day it was resolved or escalated.
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
    /// The case it became or was linked to.
    #[serde(default)]
    pub case_id: Option<i64>,
    /// What the latest change said (the 化解 measures or result).
    #[serde(default)]
    pub note: Option<String>,
}

/// A change of a register entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// 包案: a leader, a responsible unit, a deadline (each kept when not given).
    Assign {
        #[serde(default)]
        leader: Option<String>,
        #[serde(default)]
        responsible: Option<String>,
        #[serde(default)]
        deadline: Option<NaiveDate>,
    },
    /// 开始化解, with the measures taken.
    Start { note: String },
    /// 已化解, with how.
    Resolve { note: String },
    /// 转为信访件: linked to case `case_id`.
    Escalate { case_id: i64 },
}

impl Change {
    pub fn kind(&self) -> ChangeKind {
        match self {
            Change::Assign { .. } => ChangeKind::Assign,
            Change::Start { .. } => ChangeKind::Start,
            Change::Resolve { .. } => ChangeKind::Resolve,
            Change::Escalate { .. } => ChangeKind::Escalate,
        }
    }
}

/// Why an entry, a change or a 零报告 was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScreeningError {
    #[error("{0} is empty")]
    Empty(&'static str),
    #[error("cannot {change:?} an entry that is {state:?}")]
    WrongState {
        change: ChangeKind,
        state: Resolution,
    },
    /// 2022 Art 28: whoever has a direct interest steps aside; a party is not its 包案领导
    /// nor its 责任单位.
    #[error("{who} is a party ({party})")]
    PartyInCharge { who: String, party: String },
    #[error("{0} is not an active leader")]
    NotLeader(String),
    #[error("deadline before the day it was found")]
    DeadlineBeforeFound,
    #[error("no entry {0}")]
    NotFound(i64),
    #[error("{0} is not one of the office's units")]
    UnknownUnit(String),
    /// A 零报告 says nothing was found: not for a round in which the unit reported entries.
    #[error("{unit} reported {entries} entries this round")]
    ZeroWithEntries { unit: String, entries: usize },
    #[error("{0} already gave its 零报告 this round")]
    ZeroTwice(String),
    /// Screening is a leader's or the office clerks' record.
    #[error("{0} may not record screening")]
    NotAllowed(String),
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The party `who` (a leader's name, a unit) is, if any (matched as accusations are).
fn party_named<'a>(parties: &'a [String], who: &str) -> Option<&'a str> {
    parties
        .iter()
        .map(String::as_str)
        .find(|p| names_accused(who, p))
}

/// Checks a new entry: its fields, and that neither its 包案领导 nor its 责任单位 is a party
/// (2022 Art 28 第三款). `leaders` are the office's active leaders.
pub fn check_new(new: &NewScreening, leaders: &[Operator]) -> Result<(), ScreeningError> {
    let required = [
        ("found_by", &new.found_by),
        ("unit", &new.unit),
        ("place", &new.place),
        ("summary", &new.summary),
        ("responsible", &new.responsible),
    ];
    if let Some((name, _)) = required.iter().find(|(_, v)| blank(v)) {
        return Err(ScreeningError::Empty(name));
    }
    if new.parties.iter().all(|p| blank(p)) {
        return Err(ScreeningError::Empty("parties"));
    }
    if new.deadline.is_some_and(|d| d < new.found_on) {
        return Err(ScreeningError::DeadlineBeforeFound);
    }
    check_in_charge(
        &new.parties,
        &new.responsible,
        new.leader.as_deref(),
        leaders,
    )
}

fn check_in_charge(
    parties: &[String],
    responsible: &str,
    leader: Option<&str>,
    leaders: &[Operator],
) -> Result<(), ScreeningError> {
    let party = |who: &str| {
        party_named(parties, who).map(|p| ScreeningError::PartyInCharge {
            who: who.to_owned(),
            party: p.to_owned(),
        })
    };
    if let Some(e) = party(responsible) {
        return Err(e);
    }
    let Some(leader) = leader else {
        return Ok(());
    };
    let Some(op) = leaders
        .iter()
        .find(|o| o.name == leader && o.active && o.role == Role::Leader)
    else {
        return Err(ScreeningError::NotLeader(leader.to_owned()));
    };
    match names_of(op).find_map(party) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The entry after `change` on `on`: the one transition of the register.
pub fn apply(
    entry: &Screening,
    change: &Change,
    on: NaiveDate,
    leaders: &[Operator],
) -> Result<Screening, ScreeningError> {
    let open = match entry.state {
        Resolution::Screening | Resolution::Resolving => true,
        Resolution::Resolved | Resolution::Escalated => false,
    };
    if !open {
        return Err(ScreeningError::WrongState {
            change: change.kind(),
            state: entry.state,
        });
    }
    let mut next = entry.clone();
    match change {
        Change::Assign {
            leader,
            responsible,
            deadline,
        } => {
            let f = &mut next.found;
            if let Some(r) = responsible.as_ref().filter(|r| !blank(r)) {
                f.responsible = r.trim().to_owned();
            }
            if let Some(l) = leader.as_ref().filter(|l| !blank(l)) {
                f.leader = Some(l.trim().to_owned());
            }
            f.deadline = deadline.or(f.deadline);
            if f.deadline.is_some_and(|d| d < f.found_on) {
                return Err(ScreeningError::DeadlineBeforeFound);
            }
            check_in_charge(&f.parties, &f.responsible, f.leader.as_deref(), leaders)?;
        }
        Change::Start { note } | Change::Resolve { note } if blank(note) => {
            return Err(ScreeningError::Empty("note"));
        }
        Change::Start { note } => {
            next.state = Resolution::Resolving;
            next.note = Some(note.trim().to_owned());
        }
        Change::Resolve { note } => {
            next.state = Resolution::Resolved;
            next.note = Some(note.trim().to_owned());
            next.closed_on = Some(on);
        }
        Change::Escalate { case_id } => {
            next.state = Resolution::Escalated;
            next.case_id = Some(*case_id);
            next.closed_on = Some(on);
        }
    }
    Ok(next)
}

/// Whether `viewer` sees `entry`. A party — the person, or staff of the unit, the dispute
/// is about — never does (2022 Art 30 第三款: 不得透露给被检举、揭发的人员或者单位; Art 28).
/// Else leaders and clerks see the register; a handler sees what their department or unit
/// is responsible for, and what they found.
pub fn sees(viewer: &Operator, entry: &Screening) -> bool {
    let f = &entry.found;
    if names_of(viewer).any(|n| party_named(&f.parties, n).is_some()) {
        return false;
    }
    match viewer.role {
        Role::Leader | Role::Clerk => true,
        Role::Handler => {
            f.found_by == viewer.name
                || [viewer.department.as_deref(), viewer.unit.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(|u| !blank(u) && (u == f.responsible || u == f.unit))
        }
    }
}

/// Who may record screening: the office's leaders and clerks.
pub fn may_record(actor: &Operator) -> Result<(), ScreeningError> {
    match actor.role {
        Role::Leader | Role::Clerk if actor.active => Ok(()),
        Role::Leader | Role::Clerk | Role::Handler => {
            Err(ScreeningError::NotAllowed(actor.name.clone()))
        }
    }
}

/// A unit's explicit "nothing found" for a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZeroReport {
    pub unit: String,
    pub round_start: NaiveDate,
    pub reported_by: String,
    pub reported_on: NaiveDate,
}

/// How a unit stands in a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitRound {
    pub unit: String,
    /// Entries it reported found in the round.
    pub entries: usize,
    pub zero: bool,
}

impl UnitRound {
    pub fn reported(&self) -> bool {
        self.entries > 0 || self.zero
    }
}

/// Every unit's standing in `round`: its entries found in the round and its 零报告.
pub fn standing(
    units: &[String],
    round: Round,
    entries: &[Screening],
    zeros: &[ZeroReport],
) -> Vec<UnitRound> {
    units
        .iter()
        .map(|u| UnitRound {
            unit: u.clone(),
            entries: entries
                .iter()
                .filter(|e| e.found.unit == *u && round.holds(e.found.found_on))
                .count(),
            zero: zeros
                .iter()
                .any(|z| z.unit == *u && z.round_start == round.start),
        })
        .collect()
}

/// Checks a 零报告 against the unit's standing in its round.
pub fn check_zero(unit: &UnitRound) -> Result<(), ScreeningError> {
    if unit.zero {
        Err(ScreeningError::ZeroTwice(unit.unit.clone()))
    } else if unit.entries > 0 {
        Err(ScreeningError::ZeroWithEntries {
            unit: unit.unit.clone(),
            entries: unit.entries,
        })
    } else {
        Ok(())
    }
}

#[cfg(test)]
#[path = "screening_tests.rs"]
mod tests;
