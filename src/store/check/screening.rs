//! 矛盾纠纷排查 against the office journal (`store/screening.rs` writes each row with its
//! event): every register entry as its latest event left it, every 零报告 as recorded; a
//! row no event made is named too.

use std::collections::BTreeMap;

use rusqlite::Connection;
use rusqlite::types::Value;

use super::rows::{compare, details, show, stored, text};
use crate::domain::audit::Audited;
use crate::domain::screening::{Screening, ZeroReport};
use crate::store::Result;
use crate::store::findings::{CheckReport, Table};

fn entry_row(e: &Screening) -> Vec<Value> {
    vec![
        Value::Integer(e.no),
        Value::Text(e.found.found_on.to_string()),
        Value::Text(e.found.unit.clone()),
        Value::Text(e.found.responsible.clone()),
        Value::Text(e.state.code().to_owned()),
        text(e.closed_on.map(|d| d.to_string()).as_deref()),
        e.case_id.map_or(Value::Null, Value::Integer),
        // The document compared as the entry it reads as (key order and spacing aside).
        Value::Text(serde_json::to_string(e).unwrap_or_default()),
    ]
}

pub(super) fn check(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    const COLUMNS: [&str; 8] = [
        "no",
        "found_on",
        "unit",
        "responsible",
        "state",
        "closed_on",
        "case_id",
        "doc",
    ];
    let mut want = BTreeMap::new();
    for d in details(conn, Audited::Screening)? {
        if let Ok(e) = serde_json::from_value::<Screening>(d["entry"].clone()) {
            want.insert(e.no.to_string(), entry_row(&e));
        }
    }
    let found = stored::<Screening>(conn, "screenings", &COLUMNS)?;
    compare(report, Table::Screenings, &COLUMNS, &want, &found);
    zero_reports(conn, report)
}

fn zero_reports(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let columns = ["reported_by", "reported_on"];
    let mut want = BTreeMap::new();
    for d in details(conn, Audited::ZeroReport)? {
        if let Ok(z) = serde_json::from_value::<ZeroReport>(d) {
            let key = format!("{} {}", z.unit, z.round_start);
            let row = vec![
                Value::Text(z.reported_by),
                Value::Text(z.reported_on.to_string()),
            ];
            want.insert(key, row);
        }
    }
    let mut stmt = conn.prepare(
        "SELECT unit, round_start, reported_by, reported_on FROM screening_zero_reports",
    )?;
    let mut rows = stmt.query([])?;
    let mut found = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let (unit, start): (Value, Value) = (r.get(0)?, r.get(1)?);
        let key = format!("{} {}", show(&unit), show(&start));
        found.insert(key, vec![r.get(2)?, r.get(3)?]);
    }
    compare(report, Table::ScreeningZeroReports, &columns, &want, &found);
    Ok(())
}
