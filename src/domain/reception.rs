//! 领导接待日: which leader receives the public on which day, and what each
//! reception recorded (who came, what was said, what was decided), linked
//! to a case when there is one. Pure checks; the store keeps them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::case::Case;
use super::error::{Field, WorkflowError};
use super::limits::{check_text, in_ledger};
use super::op::Act;
use super::rules::Rules;
use super::types::Role;
use super::visibility::accused_in;
use super::workflow::nonempty;

/// One leader's reception day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceptionDay {
    pub date: NaiveDate,
    pub leader: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// What one visitor's reception by a leader came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceptionRecord {
    pub date: NaiveDate,
    pub leader: String,
    pub visitor: String,
    pub said: String,
    #[serde(default)]
    pub decided: String,
    /// The case it belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<i64>,
}

fn is_leader(name: &str, rules: &Rules) -> Result<(), WorkflowError> {
    match rules.operator(name) {
        Some(o) if o.role == Role::Leader && o.active => Ok(()),
        Some(_) => Err(WorkflowError::NotALeader(name.to_owned())),
        None => Err(WorkflowError::UnknownOperator(name.to_owned())),
    }
}

/// A reception day belongs to an active leader.
pub fn check_day(day: &ReceptionDay, rules: &Rules) -> Result<(), WorkflowError> {
    nonempty(Act::Schedule, Field::Leader, &day.leader)?;
    in_ledger(day.date)?;
    check_text(Field::Leader, &day.leader)?;
    check_text(Field::Place, day.place.as_deref().unwrap_or_default())?;
    is_leader(&day.leader, rules)
}

/// A leader the case accuses records no reception on it (2022 Art 30 第三款, Art 28 回避).
pub fn check_record_case(
    rec: &ReceptionRecord,
    case: &Case,
    rules: &Rules,
) -> Result<(), WorkflowError> {
    let leader = rules.operator(&rec.leader);
    match leader.and_then(|l| accused_in(case, l)) {
        Some((party, target)) => Err(WorkflowError::AccusedParty {
            op: Act::Reception,
            party,
            target,
        }),
        None => Ok(()),
    }
}

/// A record names its visitor and what was said, and the receiving leader.
pub fn check_record(rec: &ReceptionRecord, rules: &Rules) -> Result<(), WorkflowError> {
    nonempty(Act::Reception, Field::Visitor, &rec.visitor)?;
    nonempty(Act::Reception, Field::Said, &rec.said)?;
    in_ledger(rec.date)?;
    check_text(Field::Leader, &rec.leader)?;
    check_text(Field::Visitor, &rec.visitor)?;
    check_text(Field::Said, &rec.said)?;
    check_text(Field::Decided, &rec.decided)?;
    is_leader(&rec.leader, rules)
}
