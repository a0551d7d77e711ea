//! 积案 files against the office journal (`store/backlog.rs` writes each with its event):
//! every file as its case's latest event left it; a file no event made is named too.

use std::collections::BTreeMap;

use rusqlite::Connection;
use rusqlite::types::Value;

use super::rows::{compare, details, show, text};
use crate::domain::audit::Audited;
use crate::domain::backlog::BacklogFile;
use crate::store::Result;
use crate::store::findings::{CheckReport, Table};

const COLUMNS: [&str; 4] = ["case_id", "marked", "leader", "doc"];

fn row(f: &BacklogFile) -> Vec<Value> {
    vec![
        Value::Integer(f.case_id),
        Value::Integer(i64::from(f.marked.is_some())),
        text(f.leader.as_deref()),
        Value::Text(serde_json::to_string(f).unwrap_or_default()),
    ]
}

pub(super) fn check(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut want = BTreeMap::new();
    for d in details(conn, Audited::Backlog)? {
        if let Ok(f) = serde_json::from_value::<BacklogFile>(d["file"].clone()) {
            want.insert(f.case_id.to_string(), row(&f));
        }
    }
    let mut stmt = conn.prepare("SELECT case_id, marked, leader, doc FROM backlog_files")?;
    let mut rows = stmt.query([])?;
    let mut found = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let mut got: Vec<Value> = (0..COLUMNS.len())
            .map(|i| r.get(i))
            .collect::<rusqlite::Result<_>>()?;
        if let Value::Text(doc) = &got[3]
            && let Ok(f) = serde_json::from_str::<BacklogFile>(doc)
        {
            got[3] = Value::Text(serde_json::to_string(&f).unwrap_or_default());
        }
        found.insert(show(&got[0]), got);
    }
    compare(report, Table::BacklogFiles, &COLUMNS, &want, &found);
    person_flags(conn, report)
}

/// 重点信访人 flags against their office-journal events.
pub(super) fn person_flags(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    use crate::domain::flags::PersonFlag;
    let flag_row = |f: &PersonFlag| {
        vec![
            Value::Integer(f.no),
            text(f.id_number.as_deref()),
            text(f.phone.as_deref()),
            Value::Text(f.name.clone()),
            text(f.address.as_deref()),
            Value::Text(serde_json::to_string(f).unwrap_or_default()),
        ]
    };
    let mut want = BTreeMap::new();
    for d in details(conn, Audited::PersonFlag)? {
        if let Ok(f) = serde_json::from_value::<PersonFlag>(d["flag"].clone()) {
            want.insert(f.no.to_string(), flag_row(&f));
        } else if let Some(no) = d["removed"]["no"].as_i64() {
            want.remove(&no.to_string());
        }
    }
    let columns = ["no", "id_number", "phone", "name", "address", "doc"];
    let mut stmt = conn.prepare(&format!("SELECT {} FROM person_flags", columns.join(", ")))?;
    let mut rows = stmt.query([])?;
    let mut found = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let mut got: Vec<Value> = (0..columns.len())
            .map(|i| r.get(i))
            .collect::<rusqlite::Result<_>>()?;
        if let Value::Text(doc) = &got[5]
            && let Ok(f) = serde_json::from_str::<PersonFlag>(doc)
        {
            got[5] = Value::Text(serde_json::to_string(&f).unwrap_or_default());
        }
        found.insert(show(&got[0]), got);
    }
    compare(report, Table::PersonFlags, &columns, &want, &found);
    Ok(())
}
