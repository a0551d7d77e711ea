//! The journal: one append-only row per command, each carrying the hash of
//! the one before, so that `check` proves nothing was altered or removed.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use std::collections::BTreeMap;

use serde_json::Value;
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use super::Result;
use super::chain::{GENESIS, Walk};
use super::damage::Link;
use super::findings::{BadRecord, CheckReport};
use crate::domain::op::Op;
use crate::domain::workflow::Event;

/// One journal row as read back.
#[derive(Debug, Clone, Serialize)]
pub struct JournalEntry {
    pub seq: i64,
    pub case_id: i64,
    pub op: String,
    pub actor: String,
    pub role: String,
    pub at: String,
    pub command: Value,
    pub before: Option<Value>,
    pub after: Value,
    /// Who typed it in, when not the actor (a leader entering a paper record).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entered_by: Option<String>,
    #[serde(skip)]
    pub prev_hash: String,
    #[serde(skip)]
    pub hash: String,
    /// The stored texts the hash covers, byte for byte.
    #[serde(skip)]
    raw: [String; 3],
}

impl JournalEntry {
    /// The event as the undo rule reads it; None for a row this version cannot read.
    pub fn mark(&self) -> Option<crate::domain::workflow::undo::Mark> {
        Some(crate::domain::workflow::undo::Mark {
            seq: self.seq,
            op: crate::domain::op::Op::from_code(&self.op)?,
            actor: self.actor.clone(),
            at: chrono::DateTime::parse_from_rfc3339(&self.at).ok()?,
        })
    }

    /// The document before this entry, given the document right after it: the fields it
    /// set are taken away and those it changed or removed put back (an undo's case).
    pub fn unapply(&self, after_doc: &str) -> serde_json::Result<Value> {
        let mut doc: Value = serde_json::from_str(after_doc)?;
        if let (Some(map), Some(Value::Object(before)), Value::Object(after)) =
            (doc.as_object_mut(), self.before.as_ref(), &self.after)
        {
            for k in after.keys() {
                map.remove(k);
            }
            map.extend(before.clone());
        }
        Ok(doc)
    }

    /// Whether its stored texts still give its hash.
    pub(super) fn whole(&self) -> bool {
        self.digest() == self.hash
    }

    fn digest(&self) -> String {
        let [command, before, after] = &self.raw;
        let hash = hash_fields(
            &self.prev_hash,
            self.seq,
            self.case_id,
            [
                &self.op,
                &self.actor,
                &self.role,
                &self.at,
                command,
                before,
                after,
            ],
        );
        // Hashed only when set, so rows written before the column keep their hashes.
        match &self.entered_by {
            None => hash,
            Some(who) => {
                let mut h = Sha256::new();
                h.update(hash.as_bytes());
                h.update((who.len() as u64).to_le_bytes());
                h.update(who.as_bytes());
                hex(&h.finalize())
            }
        }
    }
}

fn hash_fields(prev: &str, seq: i64, case_id: i64, fields: [&str; 7]) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(seq.to_le_bytes());
    h.update(case_id.to_le_bytes());
    for f in fields {
        // Length-prefixed so that moving text between fields changes the hash.
        h.update((f.len() as u64).to_le_bytes());
        h.update(f.as_bytes());
    }
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    // By table: a `format!` per byte was a twentieth of writing a demo.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}

/// The top-level fields of document `after` that differ from `before`, as
/// two JSON objects: what they were and what they became (a removed field
/// appears only in the first). Fields are compared as raw JSON text, so no
/// value tree of the (large, unchanging) intake is ever built.
pub fn diff(before: &str, after: &str) -> serde_json::Result<(String, String)> {
    let b: BTreeMap<String, &RawValue> = serde_json::from_str(before)?;
    let a: BTreeMap<String, &RawValue> = serde_json::from_str(after)?;
    let mut old = Vec::new();
    let mut new = Vec::new();
    for (k, v) in &a {
        match b.get(k) {
            Some(prev) if prev.get() == v.get() => {}
            Some(prev) => {
                old.push((k, *prev));
                new.push((k, *v));
            }
            None => new.push((k, *v)),
        }
    }
    for (k, v) in &b {
        if !a.contains_key(k) {
            old.push((k, *v));
        }
    }
    Ok((object(&old)?, object(&new)?))
}

fn object(fields: &[(&String, &RawValue)]) -> serde_json::Result<String> {
    let mut out = String::from("{");
    for (i, (k, v)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(k)?);
        out.push(':');
        out.push_str(v.get());
    }
    out.push('}');
    Ok(out)
}

/// Applies one entry's change to a replayed document.
pub fn replay(doc: &mut Value, entry: &JournalEntry) {
    apply(doc, entry.before.as_ref(), entry.after.clone());
}

/// As [`replay`], moving the entry's new values into the document instead of copying
/// them (`check` replays every event once and keeps no entry but an `issue`'s command).
pub(super) fn replay_owned(doc: &mut Value, entry: &mut JournalEntry) {
    let after = std::mem::take(&mut entry.after);
    apply(doc, entry.before.as_ref(), after);
}

/// The fields `before` named and `after` does not are removed, `after`'s set; a first
/// entry (no `before`) is the whole document.
fn apply(doc: &mut Value, before: Option<&Value>, after: Value) {
    match (doc.as_object_mut(), before, after) {
        (Some(map), Some(Value::Object(before)), after) => {
            for k in before.keys() {
                if after.get(k).is_none() {
                    map.remove(k);
                }
            }
            if let Value::Object(after) = after {
                map.extend(after);
            }
        }
        (_, _, after) => *doc = after,
    }
}

/// When case `id`'s last journalled step of its course (`Op::in_course`) was taken.
pub(super) fn last_at(conn: &Connection, id: i64) -> Result<Option<DateTime<FixedOffset>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT op, at FROM events INDEXED BY events_by_case WHERE case_id = ?1 ORDER BY seq DESC",
    )?;
    let mut rows = stmt.query([id])?;
    let mut at: Option<String> = None;
    while let Some(row) = rows.next()? {
        let op: String = row.get(0)?;
        if Op::from_code(&op).is_some_and(Op::in_course) {
            at = Some(row.get(1)?);
            break;
        }
    }
    // A time that does not read (never written so) orders nothing.
    Ok(at.and_then(|a| DateTime::parse_from_rfc3339(&a).ok()))
}

/// The last event's number and hash (0 and the genesis hash for none).
pub(super) fn last(conn: &Connection) -> Result<(i64, String)> {
    let last: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(last.unwrap_or_else(|| (0, GENESIS.to_owned())))
}

/// A journal row ready to insert: its texts and its place in the chain.
pub(super) struct Row {
    pub seq: i64,
    pub hash: String,
    entry: JournalEntry,
    has_before: bool,
}

impl Row {
    /// Marks the row as typed in by `who` on the actor's behalf, hashed anew.
    pub(super) fn entered_by(&mut self, who: &str) {
        self.entry.entered_by = Some(who.to_owned());
        self.entry.hash = self.entry.digest();
        self.hash = self.entry.hash.clone();
    }
}

/// The row after `last` (seq, hash) for this event, hashed: pure, so a
/// batch can build it off the connection.
pub(super) fn row(
    last: (i64, String),
    case_id: i64,
    event: &Event,
    before: Option<&str>,
    after: &str,
) -> Result<Row> {
    let (seq, prev_hash) = (last.0 + 1, last.1);
    // These exact texts are stored and hashed.
    let (before, after) = match before {
        Some(b) => {
            let (old, new) = diff(b, after)?;
            (Some(old), new)
        }
        None => (None, after.to_owned()),
    };
    let has_before = before.is_some();
    let raw = [
        serde_json::to_string(&event.command)?,
        before.unwrap_or_default(),
        after,
    ];
    let mut entry = JournalEntry {
        seq,
        case_id,
        op: event.op.code().to_owned(),
        actor: event.actor.clone(),
        role: event.role.code().to_owned(),
        at: event.at.to_rfc3339(),
        command: Value::Null,
        before: None,
        after: Value::Null,
        entered_by: None,
        prev_hash,
        hash: String::new(),
        raw,
    };
    entry.hash = entry.digest();
    Ok(Row {
        seq,
        hash: entry.hash.clone(),
        entry,
        has_before,
    })
}

pub(super) fn insert(conn: &Connection, row: &Row) -> Result<()> {
    let entry = &row.entry;
    let [command, before_text, after_text] = &entry.raw;
    conn.prepare_cached(
        "INSERT INTO events (seq, case_id, op, actor, role, at, command, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        entry.seq,
        entry.case_id,
        entry.op,
        entry.actor,
        entry.role,
        entry.at,
        command,
        row.has_before.then_some(before_text),
        after_text,
        entry.prev_hash,
        entry.hash,
    ])?;
    if let Some(who) = &entry.entered_by {
        conn.prepare_cached("INSERT INTO event_entries (seq, entered_by) VALUES (?1, ?2)")?
            .execute(params![entry.seq, who])?;
    }
    Ok(())
}

pub(super) const SELECT: &str =
    "SELECT events.seq, case_id, op, actor, role, at, command, before, after, prev_hash, hash,
     (SELECT entered_by FROM event_entries WHERE event_entries.seq = events.seq) FROM events";

pub(super) fn entry_from_row(r: &rusqlite::Row) -> rusqlite::Result<JournalEntry> {
    read_entry(r, Parse::All)
}

/// A row for the replay of `check`: the command's JSON is read only where the replay
/// needs it (an `issue` event names its document there); the hash covers the raw text.
pub(super) fn entry_for_replay(r: &rusqlite::Row) -> rusqlite::Result<JournalEntry> {
    read_entry(r, Parse::Replay)
}

/// A row for walking the chain: its texts as stored, none parsed (the hash covers the
/// raw text): parsing three JSON texts per event was most of a walk's time.
fn entry_for_chain(r: &rusqlite::Row) -> rusqlite::Result<JournalEntry> {
    read_entry(r, Parse::Nothing)
}

/// Which of a row's JSON texts are parsed into values.
#[derive(Clone, Copy, PartialEq)]
enum Parse {
    All,
    Replay,
    Nothing,
}

fn read_entry(r: &rusqlite::Row, parse: Parse) -> rusqlite::Result<JournalEntry> {
    let text = |i: usize| r.get::<_, String>(i);
    // A text that does not parse is shown as a string: `check` still
    // reports its hash, and `show` still prints something.
    let json = |s: &str, wanted: bool| {
        if wanted {
            serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.to_owned()))
        } else {
            Value::Null
        }
    };
    let op = text(2)?;
    let command = text(6)?;
    let before: Option<String> = r.get(7)?;
    let after = text(8)?;
    let values = parse != Parse::Nothing;
    let command_wanted = parse == Parse::All
        || (parse == Parse::Replay && op == crate::domain::op::Op::Issue.code());
    Ok(JournalEntry {
        seq: r.get(0)?,
        case_id: r.get(1)?,
        op,
        actor: text(3)?,
        role: text(4)?,
        at: text(5)?,
        command: json(&command, command_wanted),
        before: before.as_deref().map(|b| json(b, values)),
        after: json(&after, values),
        entered_by: r.get(11)?,
        prev_hash: text(9)?,
        hash: text(10)?,
        raw: [command, before.unwrap_or_default(), after],
    })
}

/// A case's events, oldest first.
pub fn for_case(conn: &Connection, case_id: i64) -> Result<Vec<JournalEntry>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE case_id = ?1 ORDER BY seq"))?;
    let rows = stmt.query_map([case_id], entry_from_row)?;
    let mut out = Vec::new();
    for row in rows {
        out.push(row?);
    }
    Ok(out)
}

/// `check`: the hash chain in journal order; the first row whose number, link or hash
/// does not hold is reported.
pub(super) fn check_chain(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    check_chain_from(conn, 1, report)
}

/// As `check_chain`, from event `from` on (`check --quick` reads the tail only); the rows
/// before it are counted, not read.
pub(super) fn check_chain_from(
    conn: &Connection,
    from: i64,
    report: &mut CheckReport,
) -> Result<()> {
    let mut walk = Walk::from(conn, "events", from)?;
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE events.seq >= ?1 ORDER BY seq"))?;
    let rows = stmt.query_map([from], entry_for_chain)?;
    report.events += walk.expected - 1;
    for row in rows {
        let entry = row?;
        report.events += 1;
        let problem = walk.step(
            "event",
            entry.seq,
            &entry.prev_hash,
            &entry.hash,
            &entry.digest(),
        );
        if let (Some(problem), None) = (problem, &report.first_bad_event) {
            report.first_bad_event = Some(BadRecord {
                id: entry.seq,
                case_no: None,
                problem,
            });
        }
    }
    Ok(())
}

/// `check`: every case against the replay of its events.
pub(super) fn check_cases(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut cases = conn.prepare("SELECT id, case_no, doc FROM cases ORDER BY id")?;
    let mut events = conn.prepare(&format!("{SELECT} ORDER BY case_id, seq"))?;
    let mut events = events.query_map([], entry_from_row)?.peekable();
    let rows = cases.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (id, case_no, doc) = row?;
        report.cases += 1;
        if report.first_bad_case.is_some() {
            continue;
        }
        let mut replayed = Value::Null;
        while let Some(Ok(entry)) = events.next_if(|e| matches!(e, Ok(e) if e.case_id <= id)) {
            if entry.case_id == id {
                replay(&mut replayed, &entry);
            }
        }
        let stored: Value = serde_json::from_str(&doc).unwrap_or(Value::Null);
        if stored != replayed {
            report.first_bad_case = Some(BadRecord {
                id,
                case_no,
                problem: "the stored case differs from its journal".to_owned(),
            });
        }
    }
    Ok(())
}

/// The events numbered `from` and after, oldest first, each with whether its hash holds
/// (the receipt's and the write guard's look at the newest events: `receipt.rs`).
pub(super) fn tail(conn: &Connection, from: i64) -> Result<Vec<Link>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE events.seq >= ?1 ORDER BY seq"))?;
    // Only the hash is asked of each row: its texts as stored, none parsed.
    let rows = stmt.query_map([from], entry_for_chain)?;
    let mut out = Vec::new();
    for row in rows {
        let e = row?;
        out.push(Link {
            whole: e.whole(),
            seq: e.seq,
            prev_hash: e.prev_hash,
            hash: e.hash,
        });
    }
    Ok(out)
}
