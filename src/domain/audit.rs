//! The office journal's vocabulary: what is recorded besides the cases, and how it
//! ended (等保 2.0, GB/T 22239-2019 安全审计: who, when, what, result).

use serde::{Deserialize, Serialize};

use super::error::WorkflowError;
use super::op::Act;
use super::rules::Operator;
use super::types::Role;
use super::vocab::vocabulary;

vocabulary! {
    /// What an office-journal event records.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Audited {
        /// An operator added, or their role, department or activity changed.
        Operator = "operator",
        Department = "department",
        /// The office profile (letterhead).
        Office = "office",
        /// A leader's reception day put on the calendar.
        Schedule = "schedule",
        SignIn = "sign_in",
        Export = "export",
        Backup = "backup",
        /// A passphrase given (a new operator's, a leader's reset) or changed by its owner;
        /// never the passphrase itself.
        Passphrase = "passphrase",
        /// A confidential case seen (its screen, `show`, `export`, a document), by whom and
        /// where (2022 Art 30 第三款; PIPL Art 51).
        View = "view",
        /// A year's holiday table imported, and the open cases' stored due dates re-stamped
        /// to follow it (the subject is the year).
        Calendar = "calendar",
        /// The ledger replaced by a verified backup (the subject is the backup), the one it
        /// replaced moved aside, never deleted.
        Restore = "restore",
        /// A 矛盾纠纷排查 register entry added or changed (the subject is its number).
        Screening = "screening",
        /// A unit's 零报告 for a screening round (the subject is the unit).
        ZeroReport = "zero_report",
        /// A 积案's file changed: marked, its 包案领导, 专班, a 会商, progress (the subject
        /// is the case's id).
        Backlog = "backlog",
        /// A 重点信访人 flag set on a petitioner (the subject is the flag's number).
        PersonFlag = "person_flag",
        /// A closed case scored against the 评查 checklist (the subject is the case's id).
        Evaluation = "evaluation",
    }
}

impl Audited {
    /// Whether the event's subject is a case's id: such an event is shown only to whom
    /// may see the case (Art 30 第三款: not even that it exists, to the accused).
    pub fn names_case(self) -> bool {
        match self {
            Audited::View | Audited::Backlog | Audited::Evaluation => true,
            Audited::Operator
            | Audited::Department
            | Audited::Office
            | Audited::Schedule
            | Audited::SignIn
            | Audited::Export
            | Audited::Backup
            | Audited::Passphrase
            | Audited::Calendar
            | Audited::Restore
            | Audited::Screening
            | Audited::ZeroReport
            | Audited::PersonFlag => false,
        }
    }
}

vocabulary! {
    /// How an audited act ended.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum AuditResult {
        Ok = "ok",
        WrongPassphrase = "wrong_passphrase",
        /// The attempt that locked the operator out, or one refused while locked.
        Locked = "locked",
        Refused = "refused",
        Failed = "failed",
    }
}

/// Administration is a leader's: the actor must be an active leader. `act` names
/// what was refused (people and departments, or the reception schedule).
pub fn may_administer(actor: &Operator, act: Act) -> Result<(), WorkflowError> {
    if !actor.active {
        return Err(WorkflowError::InactiveOperator(actor.name.clone()));
    }
    if actor.role == Role::Leader {
        Ok(())
    } else {
        Err(WorkflowError::RoleRequired {
            op: act,
            needed: vec![Role::Leader],
            actor: actor.name.clone(),
            actual: actor.role,
        })
    }
}

/// Whether `signed_in` may enter a command acting as `actor`: their own always;
/// someone else's only as a leader (entering paper records after the fact).
pub fn may_enter_for(signed_in: &Operator, actor: &str) -> Result<(), WorkflowError> {
    if signed_in.name == actor {
        return Ok(());
    }
    may_administer(signed_in, Act::Enter)
}

/// The shortest passphrase anyone may choose or be given (等保 2.0: 口令复杂度).
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// A passphrase shorter than the policy allows, in characters.
pub fn too_short(passphrase: &str) -> bool {
    passphrase.chars().count() < MIN_PASSPHRASE_CHARS
}
