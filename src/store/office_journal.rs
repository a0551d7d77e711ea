//! The office journal: one append-only row per act of administration, sign-in, export or
//! backup, each carrying the hash of the one before, as the case journal does (`journal.rs`),
//! so that `check` proves nothing was altered or removed. Triggers refuse UPDATE and DELETE.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::Result;
use super::chain::{GENESIS, Walk};
use super::damage::Link;
use super::findings::{BadRecord, CheckReport};
use crate::domain::audit::{AuditResult, Audited};

/// One act to record: who, when, what (on whom or what), with what result.
#[derive(Debug, Clone)]
pub struct OfficeRecord {
    pub at: DateTime<FixedOffset>,
    pub actor: String,
    pub act: Audited,
    /// The operator, department, date or file acted on.
    pub subject: String,
    /// What changed, or where a file went (JSON).
    pub detail: Value,
    pub result: AuditResult,
}

/// One office-journal row as read back (texts as stored: a row written by a newer
/// xinfang still reads).
#[derive(Debug, Clone, Serialize)]
pub struct OfficeEvent {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub act: String,
    pub subject: String,
    pub detail: Value,
    pub result: String,
    #[serde(skip)]
    prev_hash: String,
    #[serde(skip)]
    hash: String,
    #[serde(skip)]
    detail_text: String,
}

fn digest(prev: &str, seq: i64, fields: [&str; 6]) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(seq.to_le_bytes());
    for f in fields {
        // Length-prefixed so that moving text between fields changes the hash.
        h.update((f.len() as u64).to_le_bytes());
        h.update(f.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl OfficeEvent {
    fn digest(&self) -> String {
        digest(
            &self.prev_hash,
            self.seq,
            [
                &self.at,
                &self.actor,
                &self.act,
                &self.subject,
                &self.detail_text,
                &self.result,
            ],
        )
    }
}

/// Appends `rec` after the last row, inside the caller's transaction.
pub(super) fn append(conn: &Connection, rec: &OfficeRecord) -> Result<i64> {
    let last: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, hash FROM office_events ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_owned()),
    };
    let at = rec.at.to_rfc3339();
    let detail = serde_json::to_string(&rec.detail)?;
    let fields = [
        at.as_str(),
        rec.actor.as_str(),
        rec.act.code(),
        rec.subject.as_str(),
        detail.as_str(),
        rec.result.code(),
    ];
    let hash = digest(&prev, seq, fields);
    conn.prepare_cached(
        "INSERT INTO office_events (seq, at, actor, act, subject, detail, result, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        seq, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], prev, hash
    ])?;
    Ok(seq)
}

const SELECT: &str =
    "SELECT seq, at, actor, act, subject, detail, result, prev_hash, hash FROM office_events";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<OfficeEvent> {
    let detail_text: String = r.get(5)?;
    Ok(OfficeEvent {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        act: r.get(3)?,
        subject: r.get(4)?,
        // A text that does not parse is shown as a string; `check` still judges its hash.
        detail: serde_json::from_str(&detail_text)
            .unwrap_or_else(|_| Value::String(detail_text.clone())),
        result: r.get(6)?,
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
        detail_text,
    })
}

/// The events at or after `since` (RFC 3339 text compares in time order within one
/// UTC offset: the office writes every row in its own), oldest first.
pub(super) fn since(conn: &Connection, since: Option<&str>) -> Result<Vec<OfficeEvent>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE ?1 IS NULL OR at >= ?1 ORDER BY seq"
    ))?;
    let rows = stmt.query_map([since], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The `act` events about `subject`, oldest first.
pub(super) fn of_subject(
    conn: &Connection,
    act: Audited,
    subject: &str,
) -> Result<Vec<OfficeEvent>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE act = ?1 AND subject = ?2 ORDER BY seq"
    ))?;
    let rows = stmt.query_map([act.code(), subject], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `check`: the chain in order; the first row whose number, link or hash does not hold.
pub(super) fn check_chain(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    check_chain_from(conn, 1, report)
}

/// As `check_chain`, from row `from` on (`check --quick`); the rows before are counted.
pub(super) fn check_chain_from(
    conn: &Connection,
    from: i64,
    report: &mut CheckReport,
) -> Result<()> {
    let mut walk = Walk::from(conn, "office_events", from)?;
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE seq >= ?1 ORDER BY seq"))?;
    let rows = stmt.query_map([from], from_row)?;
    report.office_events += walk.expected - 1;
    for row in rows {
        let event = row?;
        report.office_events += 1;
        let problem = walk.step(
            "office event",
            event.seq,
            &event.prev_hash,
            &event.hash,
            &event.digest(),
        );
        if let (Some(problem), None) = (problem, &report.first_bad_office_event) {
            report.first_bad_office_event = Some(BadRecord {
                id: event.seq,
                case_no: None,
                problem,
            });
        }
    }
    Ok(())
}

/// The office events numbered `from` and after, oldest first, each with whether its hash
/// holds (the receipt's and the write guard's look at the newest events: `receipt.rs`).
pub(super) fn tail(conn: &Connection, from: i64) -> Result<Vec<Link>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE seq >= ?1 ORDER BY seq"))?;
    let rows = stmt.query_map([from], from_row)?;
    let mut out = Vec::new();
    for row in rows {
        let e = row?;
        out.push(Link {
            whole: e.digest() == e.hash,
            seq: e.seq,
            prev_hash: e.prev_hash,
            hash: e.hash,
        });
    }
    Ok(out)
}
