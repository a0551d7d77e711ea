//! 积案 files against the office journal (`store/backlog.rs` writes each with its event):
//! every file as its case's latest event left it; a file no event made is named too.

use std::collections::BTreeMap;

use rusqlite::Connection;
use rusqlite::types::Value;

use super::rows::{compare, details, stored, text};
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
    let found = stored::<BacklogFile>(conn, "backlog_files", &COLUMNS)?;
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
    let found = stored::<PersonFlag>(conn, "person_flags", &columns)?;
    compare(report, Table::PersonFlags, &columns, &want, &found);
    Ok(())
}
