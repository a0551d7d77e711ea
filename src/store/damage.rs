//! What makes a ledger unsafe to write: it lacks events its receipt acknowledged, its
//! newest events do not verify, or a case it would change differs from its journal. A
//! leaf: `receipt.rs` and `guard.rs` find these, `check` reports them, `StoreError` carries
//! them, `strings::damage` words them with what to do.

use serde::Serialize;

/// Which of the two hash-chained journals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Journal {
    /// The case journal (`events`).
    Cases,
    /// The office journal (`office_events`).
    Office,
}

/// Why the ledger is not written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Damage {
    /// The journal ends before the last event the receipt acknowledged: events reported
    /// as committed are gone (a bad block in the -wal, an older copy put in its place).
    Behind {
        journal: Journal,
        /// Events the receipt acknowledged, and the time of its last.
        acknowledged: i64,
        acknowledged_at: Option<String>,
        /// Events the ledger holds, and the time of its last.
        found: i64,
        found_at: Option<String>,
        /// The newest backup known (path), to restore from.
        backup: Option<String>,
    },
    /// The event the receipt acknowledged last is there but is another one: the
    /// journal was rewritten from that event on.
    Diverged {
        journal: Journal,
        seq: i64,
        backup: Option<String>,
    },
    /// One of the newest events is missing, altered or unlinked.
    Tail { journal: Journal, seq: i64 },
    /// The ledger had a receipt, and none is beside it now.
    ReceiptMissing { path: String },
    /// The receipt beside the ledger is another ledger's, or was altered, or does not
    /// read at all.
    ReceiptForeign { path: String },
    /// A case the command would change differs from the replay of its journal.
    Case { case: String, what: String },
}

/// One of a journal's newest events as read for verifying: its number, link and hash,
/// and whether its content still gives that hash.
#[derive(Debug, Clone)]
pub struct Link {
    pub seq: i64,
    pub prev_hash: String,
    pub hash: String,
    pub whole: bool,
}
