//! One case followed through a ledger of the small office, step by step as `apply` lines at
//! 09:00 of a given day: the 复核 tests' harness.

use chrono::{DateTime, FixedOffset};
use serde_json::Value;
use xinfang::domain::command::Command;
use xinfang::store::{CaseRef, Request, Store, StoreError};

use super::fixture::at;

/// 09:00 office time on the day `s` (`2026-03-02`).
pub fn on(s: &str) -> DateTime<FixedOffset> {
    at(&format!("{s}T09:00:00+08:00"))
}

/// A ledger of the small office, and the case followed (`id`, 0 before its intake).
pub struct Chain {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub id: i64,
}

impl Chain {
    /// `cmd` (an `apply` line without actor and time) on the case, as `actor` on `when`.
    pub fn run(&mut self, actor: &str, when: &str, cmd: Value) -> Result<i64, StoreError> {
        let command: Command = serde_json::from_value(cmd).expect("an apply line");
        let req = Request {
            case: (self.id > 0).then_some(CaseRef::Id(self.id)),
            expected_version: None,
            command,
            actor: actor.into(),
            at: on(when),
        };
        self.store.execute(&req).map(|a| a.id)
    }

    /// As `run`, failing the test with the line and the refusal.
    pub fn ok(&mut self, actor: &str, when: &str, cmd: Value) {
        let shown = cmd.to_string();
        if let Err(e) = self.run(actor, when, cmd) {
            panic!("{shown}: {e}");
        }
    }
}
