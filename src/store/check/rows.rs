//! Reading a table in key order beside the journal's replay: a cursor that hands over the
//! rows of one key and keeps the rows no key claimed (orphans), and how values are shown.

use std::collections::BTreeMap;
use std::iter::Peekable;

use rusqlite::types::Value;

use rusqlite::Connection;

use crate::domain::audit::{AuditResult, Audited};
use crate::store::Result;
use crate::store::findings::{CheckReport, Table};

/// The rows of one statement, ordered by an integer key (a case id).
pub(super) struct Cursor<T, I: Iterator<Item = rusqlite::Result<T>>> {
    rows: Peekable<I>,
    key: fn(&T) -> i64,
    /// Keys of rows that came before the key asked for: rows whose case is not in the journal.
    pub orphans: Vec<i64>,
}

impl<T, I: Iterator<Item = rusqlite::Result<T>>> Cursor<T, I> {
    pub fn new(rows: I, key: fn(&T) -> i64) -> Self {
        Cursor {
            rows: rows.peekable(),
            key,
            orphans: Vec::new(),
        }
    }

    /// The rows whose key is `id` (those before it are orphans).
    pub fn take(&mut self, id: i64) -> Result<Vec<T>> {
        let mut out = Vec::new();
        loop {
            let at = match self.rows.peek() {
                None => break,
                Some(Ok(row)) => (self.key)(row),
                Some(Err(_)) => match self.rows.next() {
                    Some(Err(e)) => return Err(e.into()),
                    _ => continue,
                },
            };
            if at > id {
                break;
            }
            if let Some(row) = self.rows.next().transpose()? {
                if at == id {
                    out.push(row);
                } else if self.orphans.last() != Some(&at) {
                    self.orphans.push(at);
                }
            }
        }
        Ok(out)
    }

    /// The keys of every row left (after the last case): orphans too.
    pub fn finish(mut self) -> Result<Vec<i64>> {
        self.take(i64::MAX)?;
        Ok(self.orphans)
    }
}

/// A stored or expected value as the report prints it.
pub(super) fn show(v: &Value) -> String {
    match v {
        Value::Null => "NULL".to_owned(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Text(s) => s.clone(),
        Value::Blob(b) => format!("{} bytes", b.len()),
    }
}

pub(super) fn text(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| Value::Text(s.to_owned()))
}

pub(super) fn int(i: Option<i64>) -> Value {
    i.map_or(Value::Null, Value::Integer)
}

/// How the report names a case: its number, or `#id` before it has one.
pub(super) fn case_key(id: i64, case_no: Option<&str>) -> String {
    case_no.map_or_else(|| format!("#{id}"), str::to_owned)
}

/// Compares the rows `found` (by key) with the rows `want` (by key), column by column.
pub(super) fn compare(
    report: &mut CheckReport,
    table: Table,
    columns: &[&str],
    want: &BTreeMap<String, Vec<Value>>,
    found: &BTreeMap<String, Vec<Value>>,
) {
    for (key, w) in want {
        let Some(f) = found.get(key) else {
            report.differ(table, key, "(row)", "a row", "none");
            continue;
        };
        for (i, c) in columns.iter().enumerate() {
            if w.get(i) != f.get(i) {
                let shown = |v: Option<&Value>| v.map(show).unwrap_or_default();
                report.differ(table, key, c, shown(w.get(i)), shown(f.get(i)));
            }
        }
    }
    for key in found.keys().filter(|k| !want.contains_key(*k)) {
        report.differ(table, key, "(row)", "none", "a row");
    }
}

/// The `act` events' details, oldest first.
pub(super) fn details(conn: &Connection, act: Audited) -> Result<Vec<serde_json::Value>> {
    let mut stmt = conn
        .prepare("SELECT detail FROM office_events WHERE act = ?1 AND result = ?2 ORDER BY seq")?;
    let rows = stmt.query_map([act.code(), AuditResult::Ok.code()], |r| {
        r.get::<_, String>(0)
    })?;
    let mut out = Vec::new();
    for row in rows {
        out.push(serde_json::from_str(&row?).unwrap_or_default());
    }
    Ok(out)
}

/// A table's rows keyed by their first column, the last column a JSON document written again
/// through `T`, so that only a different value counts (an unreadable one stays as stored).
pub(super) fn stored<T: serde::Serialize + serde::de::DeserializeOwned>(
    conn: &Connection,
    table: &str,
    columns: &[&str],
) -> Result<BTreeMap<String, Vec<Value>>> {
    let mut stmt = conn.prepare(&format!("SELECT {} FROM {table}", columns.join(", ")))?;
    let mut rows = stmt.query([])?;
    let mut found = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let mut got: Vec<Value> = (0..columns.len())
            .map(|i| r.get(i))
            .collect::<rusqlite::Result<_>>()?;
        if let Some(Value::Text(doc)) = got.last_mut()
            && let Ok(v) = serde_json::from_str::<T>(doc)
        {
            *doc = serde_json::to_string(&v).unwrap_or_default();
        }
        found.insert(show(&got[0]), got);
    }
    Ok(found)
}
