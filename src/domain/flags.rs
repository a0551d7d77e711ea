//! 重点信访人: a leader's flag on a petitioner (越级访, 进京访, 扬言, 极端行为倾向, 不稳定),
//! with a reason and a date, seen only by leaders and the office's clerks (not by
//! department handlers), and matched at intake as repeat petitioners are (`repeat.rs`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::repeat::PetitionerKey;
use super::rules::Operator;
use super::types::Role;
use super::vocab::vocabulary;

vocabulary! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum KeyFlag {
        /// 越级访.
        BeyondLevel = "beyond_level",
        /// 进京访.
        Beijing = "beijing",
        /// 扬言 (threatens harm or a scene).
        Threat = "threat",
        /// 极端行为倾向.
        Extreme = "extreme",
        /// 不稳定.
        Unstable = "unstable",
    }
}

/// A flag on a person: who (the keys repeat detection matches on), what, why, when, by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonFlag {
    pub no: i64,
    pub name: String,
    #[serde(default)]
    pub id_number: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    pub flag: KeyFlag,
    pub reason: String,
    pub on: NaiveDate,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlagError {
    #[error("{0} is not an active leader")]
    NotLeader(String),
    #[error("{0} is empty")]
    Empty(&'static str),
    /// Neither an ID number, a phone nor an address beside the name: nobody to match.
    #[error("no key")]
    NoKey,
    /// No flag has this number (or it was removed already).
    #[error("no flag {0}")]
    Unknown(i64),
}

/// A flag taken off: which, why, when, by whom (journaled as the flag was).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagRemoval {
    pub no: i64,
    pub reason: String,
    pub on: NaiveDate,
    pub by: String,
}

/// Checks a removal by `actor`: a leader takes a flag off, as one set it, and says why.
pub fn check_removal(removal: &FlagRemoval, actor: &Operator) -> Result<(), FlagError> {
    if !(actor.active && actor.role == Role::Leader) {
        return Err(FlagError::NotLeader(actor.name.clone()));
    }
    if removal.reason.trim().is_empty() {
        return Err(FlagError::Empty("reason"));
    }
    Ok(())
}

/// Who sees flags: leaders and clerks (the office), not department handlers.
pub fn may_see(viewer: &Operator) -> bool {
    match viewer.role {
        Role::Leader | Role::Clerk => viewer.active,
        Role::Handler => false,
    }
}

/// Checks a new flag set by `actor`.
pub fn check(flag: &PersonFlag, actor: &Operator, today: NaiveDate) -> Result<(), FlagError> {
    if !(actor.active && actor.role == Role::Leader) {
        return Err(FlagError::NotLeader(actor.name.clone()));
    }
    if flag.name.trim().is_empty() {
        return Err(FlagError::Empty("name"));
    }
    if flag.reason.trim().is_empty() {
        return Err(FlagError::Empty("reason"));
    }
    if key(flag, today).is_empty()
        || (flag.id_number.is_none() && flag.phone.is_none() && flag.address.is_none())
    {
        return Err(FlagError::NoKey);
    }
    Ok(())
}

/// The flag's person as repeat detection keys them (normalised as intake stores them).
pub fn key(f: &PersonFlag, today: NaiveDate) -> PetitionerKey {
    PetitionerKey::new(
        f.id_number.as_deref(),
        f.phone.as_deref(),
        Some(&f.name),
        f.address.as_deref(),
        today,
    )
}

/// Whether `flag` names the person `who` (ID number, phone, or name and address).
pub fn matches(flag: &PersonFlag, who: &PetitionerKey, today: NaiveDate) -> bool {
    let f = key(flag, today);
    let same = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
    same(&f.id_number, &who.id_number)
        || same(&f.phone, &who.phone)
        || (f.name_address.is_some() && f.name_address == who.name_address)
}
