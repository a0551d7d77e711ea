//! 评查 rows against the office journal (`store/evaluation.rs` writes each with its event).

use std::collections::BTreeMap;

use rusqlite::Connection;
use rusqlite::types::Value;

use super::rows::{compare, details, stored, text};
use crate::domain::audit::Audited;
use crate::domain::evaluation::Evaluation;
use crate::store::Result;
use crate::store::findings::{CheckReport, Table};

const COLUMNS: [&str; 5] = ["no", "case_id", "unit", "on_day", "doc"];

fn row(e: &Evaluation) -> Vec<Value> {
    vec![
        Value::Integer(e.no),
        Value::Integer(e.case_id),
        text(e.unit.as_deref()),
        Value::Text(e.on.to_string()),
        Value::Text(serde_json::to_string(e).unwrap_or_default()),
    ]
}

pub(super) fn check(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut want = BTreeMap::new();
    for d in details(conn, Audited::Evaluation)? {
        if let Ok(e) = serde_json::from_value::<Evaluation>(d["evaluation"].clone()) {
            want.insert(e.no.to_string(), row(&e));
        }
    }
    let found = stored::<Evaluation>(conn, "case_evaluations", &COLUMNS)?;
    compare(report, Table::CaseEvaluations, &COLUMNS, &want, &found);
    Ok(())
}
