//! 积案: a case the office's rule or a leader's mark puts under 领导包案, with its 专班, its
//! 会商 and its 化解 progress (seed 000: 领导包案，包调查、包处理、包稳定、一包到底; seed 002:
//! 积案 cleared by 领导包案、专班、会商研判). Pure: the day is passed in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::case::Case;
use super::deadline::{ClockStatus, ClockView};
use super::policy::Policy;
use super::rules::Operator;
use super::types::{Role, State};
use super::visibility::{accused_in, accuses};
use super::vocab::vocabulary;

vocabulary! {
    /// Why a case is 积案.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum BacklogGround {
        /// Open, and a clock past its due date by the policy's `backlog_overdue_days` or more.
        Overdue = "overdue",
        /// The petitioner came again on it (重复件 attached) `backlog_repeats` times or more.
        Repeats = "repeats",
        /// A leader marked it.
        Marked = "marked",
    }
}

/// The grounds on which `case` (with its clocks as of today) is 积案; empty when it is not.
pub fn grounds(
    case: &Case,
    clocks: &[ClockView],
    marked: bool,
    policy: &Policy,
) -> Vec<BacklogGround> {
    let open = case.state != State::Archived;
    let late = clocks.iter().any(|c| match c.status {
        ClockStatus::Running {
            days_left, overdue, ..
        } => overdue && -days_left >= i64::from(policy.backlog_overdue_days),
        ClockStatus::Met { .. }
        | ClockStatus::Late { .. }
        | ClockStatus::NoticeLate { .. }
        | ClockStatus::Window { .. } => false,
    });
    let repeats = u32::try_from(case.attached.len()).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    if open && late {
        out.push(BacklogGround::Overdue);
    }
    if open && policy.backlog_repeats > 0 && repeats >= policy.backlog_repeats {
        out.push(BacklogGround::Repeats);
    }
    if marked {
        out.push(BacklogGround::Marked);
    }
    out
}

/// A 会商 (consultation on the case): when, who took part, what was concluded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub on: NaiveDate,
    pub participants: Vec<String>,
    pub conclusion: String,
}

/// One line of 化解 progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub on: NaiveDate,
    pub by: String,
    pub note: String,
}

/// What the office keeps about a 积案 beside the case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BacklogFile {
    pub case_id: i64,
    /// The leader's mark: who, when, why.
    #[serde(default)]
    pub marked: Option<Progress>,
    /// 包案领导 of the 积案.
    #[serde(default)]
    pub leader: Option<String>,
    /// 专班.
    #[serde(default)]
    pub team: Vec<String>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    #[serde(default)]
    pub progress: Vec<Progress>,
}

/// A change of a 积案's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)]
pub enum BacklogChange {
    Mark { reason: String },
    Leader { name: String },
    Team { members: Vec<String> },
    Meeting(Meeting),
    Progress { note: String },
}

vocabulary! {
    /// The field-less mirror of `BacklogChange`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum BacklogAct {
        Mark = "mark",
        Leader = "leader",
        Team = "team",
        Meeting = "meeting",
        Progress = "progress",
    }
}

impl BacklogChange {
    pub fn act(&self) -> BacklogAct {
        match self {
            BacklogChange::Mark { .. } => BacklogAct::Mark,
            BacklogChange::Leader { .. } => BacklogAct::Leader,
            BacklogChange::Team { .. } => BacklogAct::Team,
            BacklogChange::Meeting(_) => BacklogAct::Meeting,
            BacklogChange::Progress { .. } => BacklogAct::Progress,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BacklogError {
    /// Marking and 包案 are a leader's (seed 000: 领导包案).
    #[error("{0} is not an active leader")]
    NotLeader(String),
    #[error("case is not 积案")]
    NotBacklog,
    #[error("already marked")]
    AlreadyMarked,
    #[error("{0} is empty")]
    Empty(&'static str),
    /// 2022 Art 30 第三款 and Art 28: the accused neither owns nor sits on it.
    #[error("{0} is accused by the case")]
    Accused(String),
    #[error("{0} is not an operator")]
    Unknown(String),
    /// A 会商 is recorded once it has been held: never on a day still to come.
    #[error("meeting on {0} is in the future")]
    FutureMeeting(NaiveDate),
}

/// Who does it, and the office's operators (to check names against).
pub struct Acting<'a> {
    pub actor: &'a Operator,
    pub operators: &'a [Operator],
}

fn active_leader(op: &Operator) -> bool {
    op.active && op.role == Role::Leader
}

/// Whether `actor` may change a 积案 file at all (every change is an active leader's):
/// what `apply` checks first, for the desk to say at the key.
pub fn may_change(actor: &Operator) -> Result<(), BacklogError> {
    if active_leader(actor) {
        Ok(())
    } else {
        Err(BacklogError::NotLeader(actor.name.clone()))
    }
}

/// The 包案领导 or 专班 member of `file` whom `case` accuses, with the name it accuses
/// them by: a 更正 of the accused may not name them while they keep the 积案 (Art 30
/// 第三款, as `apply` refuses putting them on it).
pub fn accused_keeper(
    file: &BacklogFile,
    case: &Case,
    operators: &[Operator],
) -> Option<(String, String)> {
    let keepers = file.leader.iter().chain(&file.team);
    let mut people = keepers.filter_map(|name| operators.iter().find(|o| o.name == *name));
    people.find_map(|o| accused_in(case, o))
}

/// The file after `change` on `on`. `is_backlog`: whether the rule already makes the case
/// 积案 (else only a mark may start a file).
pub fn apply(
    file: &BacklogFile,
    case: &Case,
    is_backlog: bool,
    change: &BacklogChange,
    on: NaiveDate,
    who: &Acting,
) -> Result<BacklogFile, BacklogError> {
    let actor = who.actor;
    may_change(actor)?;
    let backlog = is_backlog || file.marked.is_some();
    let blank = |s: &str| s.trim().is_empty();
    let (target, person) = (
        case.intake.target.as_deref(),
        case.intake.target_person.as_deref(),
    );
    let accused = |op: &Operator| accuses(op, target, person);
    let named = |name: &str| {
        let op = (who.operators.iter().find(|o| o.name == name))
            .ok_or_else(|| BacklogError::Unknown(name.to_owned()))?;
        if accused(op) {
            return Err(BacklogError::Accused(name.to_owned()));
        }
        Ok(op)
    };
    if !backlog && change.act() != BacklogAct::Mark {
        return Err(BacklogError::NotBacklog);
    }
    let mut next = file.clone();
    next.case_id = case.id;
    let by = actor.name.clone();
    match change {
        BacklogChange::Mark { reason } if blank(reason) => {
            return Err(BacklogError::Empty("reason"));
        }
        BacklogChange::Mark { .. } if file.marked.is_some() => {
            return Err(BacklogError::AlreadyMarked);
        }
        BacklogChange::Mark { reason } => {
            next.marked = Some(Progress {
                on,
                by,
                note: reason.trim().to_owned(),
            });
        }
        BacklogChange::Leader { name } => {
            if !active_leader(named(name)?) {
                return Err(BacklogError::NotLeader(name.clone()));
            }
            next.leader = Some(name.clone());
        }
        BacklogChange::Team { members } => {
            let members: Vec<String> = members.iter().filter(|m| !blank(m)).cloned().collect();
            if members.is_empty() {
                return Err(BacklogError::Empty("members"));
            }
            for m in &members {
                named(m)?;
            }
            next.team = members;
        }
        BacklogChange::Meeting(m) if blank(&m.conclusion) => {
            return Err(BacklogError::Empty("conclusion"));
        }
        BacklogChange::Meeting(m) if m.participants.iter().all(|p| blank(p)) => {
            return Err(BacklogError::Empty("participants"));
        }
        BacklogChange::Meeting(m) if m.on > on => return Err(BacklogError::FutureMeeting(m.on)),
        BacklogChange::Meeting(m) => next.meetings.push(m.clone()),
        BacklogChange::Progress { note } if blank(note) => return Err(BacklogError::Empty("note")),
        BacklogChange::Progress { note } => next.progress.push(Progress {
            on,
            by,
            note: note.trim().to_owned(),
        }),
    }
    Ok(next)
}
