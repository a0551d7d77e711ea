//! A new holiday table moves due dates (`calendar import`): every case's stored `next_due`
//! is computed again with the calendar now in force, by the same `domain::due` functions a
//! command and `check` use, and the ones that moved are written in one transaction with
//! the office-journal event that says so. Without it the queue would sort by the old dates
//! and `check` (which recomputes them) would report every moved case.
//!
//! The office's clocks changing (its `policy.toml`, or a release that reads the law more
//! closely) moves them too: `ensure`, on every writable open, re-stamps a ledger whose dates
//! were stamped under other clocks.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde_json::json;

use super::office_journal::{self, OfficeRecord};
use super::{Result, Store, StoreError, directory, receipt};
use crate::domain::audit::{AuditResult, Audited, may_administer};
use crate::domain::case::Case;
use crate::domain::due::{case_clocks, next_due};
use crate::domain::op::Act;
use crate::domain::rules::{Rules, local_date};
use crate::domain::stats::clocks_fingerprint;

/// What a re-stamp changed: the cases whose next due date moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restamped {
    /// Cases looked at (those not archived, or with a due date stored).
    pub open: usize,
    /// (case id, stored due date, the new one).
    pub moved: Vec<(i64, Option<String>, Option<String>)>,
}

impl Store {
    /// Re-stamps every case's `next_due` with the office's calendar (the store's `Office`,
    /// loaded after the new table went in) and records it as `actor` (a leader, or
    /// `RECOVERY_KEY`) at `at`: the import of `year`'s table, and how many cases moved.
    pub fn restamp_due(
        &mut self,
        actor: &str,
        at: DateTime<FixedOffset>,
        year: i32,
    ) -> Result<Restamped> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        receipt::guard(&tx, &self.path, &self.key)?;
        if actor != super::RECOVERY_KEY {
            let operators = directory::operators(&tx)?;
            let who = operators
                .iter()
                .find(|o| o.name == actor)
                .ok_or_else(|| StoreError::UnknownActor(actor.to_owned()))?;
            may_administer(who, Act::Settings)?;
        }
        let rules = self.office.rules(&[], &[]);
        let found = restamp(&tx, &rules)?;
        let rec = OfficeRecord {
            at,
            actor: actor.to_owned(),
            act: Audited::Calendar,
            subject: year.to_string(),
            detail: json!({"open": found.open, "moved": found.moved.len()}),
            result: AuditResult::Ok,
        };
        office_journal::append(&tx, &rec)?;
        tx.commit()?;
        self.forget_counts();
        self.anchor();
        Ok(found)
    }
}

/// The meta key of the clocks the ledger's next due dates were stamped under.
const STAMPED_UNDER: &str = "due_stamped_under";

fn stamped_under(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [STAMPED_UNDER],
            |r| r.get(0),
        )
        .optional()?)
}

/// Re-stamps every case's next due date when the ledger's were stamped under other clocks
/// (a 5-working-day 异议 period that was a deadline and is now a window, Art 23 第三款), and
/// notes the clocks they now follow. Derived data, as the rollups: no journal event.
pub(super) fn ensure(conn: &Connection, rules: &Rules) -> Result<()> {
    let want = clocks_fingerprint(rules);
    if stamped_under(conn)?.as_deref() == Some(want.as_str()) {
        return Ok(());
    }
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    // Another process may have done it while this one waited for the lock.
    if stamped_under(&tx)?.as_deref() != Some(want.as_str()) {
        restamp(&tx, rules)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = ?2",
            (STAMPED_UNDER, &want),
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Computes each case's next due date as a command on its last event did (`prepare.rs`:
/// the clocks as of that event's day) and writes the ones that differ.
fn restamp(conn: &Connection, rules: &Rules) -> Result<Restamped> {
    let mut found = Restamped::default();
    let mut cases = conn.prepare(
        "SELECT id, doc, next_due FROM cases WHERE state != 'archived' OR next_due IS NOT NULL",
    )?;
    let mut last =
        conn.prepare("SELECT at FROM events WHERE case_id = ?1 ORDER BY seq DESC LIMIT 1")?;
    let mut write = conn.prepare("UPDATE cases SET next_due = ?2 WHERE id = ?1")?;
    let mut rows = cases.query([])?;
    while let Some(r) = rows.next()? {
        let (id, doc, stored): (i64, String, Option<String>) = (r.get(0)?, r.get(1)?, r.get(2)?);
        found.open += 1;
        // A row that does not parse is `check`'s to name; the others are stamped.
        let Ok(case) = serde_json::from_str::<Case>(&doc) else {
            continue;
        };
        let at: Option<String> = last.query_row([id], |r| r.get(0)).optional()?;
        let at = at
            .and_then(|a| DateTime::parse_from_rfc3339(&a).ok())
            .unwrap_or(case.intake.received_at);
        let clocks = case_clocks(&case, rules, local_date(at, rules));
        let due = next_due(&clocks).map(|d| d.to_string());
        if due != stored {
            write.execute(params![id, due])?;
            found.moved.push((id, stored, due));
        }
    }
    Ok(found)
}
