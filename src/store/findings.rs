//! What `check` found: each table's own check (`journal`, `facts`, `documents`) fills in
//! this report, and `check.rs` above them runs them in order.

use serde::Serialize;

use super::damage::Damage;

/// What `check` found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    pub events: i64,
    pub cases: i64,
    /// `PRAGMA integrity_check` and `foreign_key_check` findings.
    pub database: Vec<String>,
    /// The first journal row whose hash or link does not hold.
    pub first_bad_event: Option<BadRecord>,
    /// The first case whose stored record differs from its journal replay.
    pub first_bad_case: Option<BadRecord>,
    /// Rows of the office journal (administration, sign-ins, exports, backups).
    pub office_events: i64,
    /// The first office-journal row whose hash or link does not hold.
    pub first_bad_office_event: Option<BadRecord>,
    /// What the receipt beside the ledger says of it (`receipt.rs`): None when it agrees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt: Option<Damage>,
    /// The receipt was missing and, the ledger checking whole, was written anew.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub receipt_renewed: bool,
}

/// The first record found wrong, and how.
#[derive(Debug, Clone, Serialize)]
pub struct BadRecord {
    pub id: i64,
    pub case_no: Option<String>,
    pub problem: String,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.database.is_empty()
            && self.first_bad_event.is_none()
            && self.first_bad_case.is_none()
            && self.first_bad_office_event.is_none()
            && self.receipt.is_none()
    }
}
