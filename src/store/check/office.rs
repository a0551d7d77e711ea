//! Administration against the office journal (`admin.rs` writes each change with its
//! event): every operator, department, the letterhead and the reception schedule as the
//! latest event about it left it. Operators and departments written at setup have no event
//! (`put_operator`: `init`, the demo): an operator's role is then the one their latest case
//! event was judged under.

use std::collections::{BTreeMap, HashMap};

use rusqlite::Connection;
use rusqlite::types::Value;
use serde_json::Value as Json;

use super::rows::show;
use crate::domain::audit::{AuditResult, Audited};
use crate::store::Result;
use crate::store::findings::{CheckReport, Table};

/// The latest state the office journal gives each thing it administers.
#[derive(Default)]
struct Latest {
    operators: BTreeMap<String, Json>,
    departments: BTreeMap<String, Json>,
    office: Option<Json>,
    /// By (date, leader): the place.
    days: BTreeMap<(String, String), Json>,
}

fn latest(conn: &Connection) -> Result<Latest> {
    let mut out = Latest::default();
    let mut stmt = conn
        .prepare("SELECT act, subject, detail FROM office_events WHERE result = ?1 ORDER BY seq")?;
    let mut rows = stmt.query([AuditResult::Ok.code()])?;
    while let Some(r) = rows.next()? {
        let (act, subject): (String, String) = (r.get(0)?, r.get(1)?);
        let detail: String = r.get(2)?;
        let detail: Json = serde_json::from_str(&detail).unwrap_or_default();
        match Audited::from_code(&act) {
            Some(Audited::Operator) => {
                out.operators.insert(subject, detail);
            }
            Some(Audited::Department) => {
                out.departments.insert(subject, detail);
            }
            // A first run's event names the office (kept in meta), not a letterhead.
            Some(Audited::Office) if detail.get("first_run").is_some() => {}
            Some(Audited::Office) => out.office = Some(detail),
            Some(Audited::Schedule) => {
                let leader = detail["leader"].as_str().unwrap_or_default().to_owned();
                out.days.insert((subject, leader), detail);
            }
            Some(
                Audited::SignIn
                | Audited::Export
                | Audited::Backup
                | Audited::Passphrase
                | Audited::View
                | Audited::Calendar
                | Audited::Restore
                | Audited::Screening
                | Audited::ZeroReport
                | Audited::Backlog
                | Audited::PersonFlag
                | Audited::Evaluation,
            )
            | None => {}
        }
    }
    Ok(out)
}

/// A JSON field as the column keeps it (booleans as 0/1).
fn column(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => n.as_i64().map_or(Value::Null, Value::Integer),
        Json::String(s) => Value::Text(s.clone()),
        Json::Array(_) | Json::Object(_) => Value::Text(v.to_string()),
    }
}

pub(super) fn check(
    conn: &Connection,
    roles: &HashMap<String, (i64, String)>,
    report: &mut CheckReport,
) -> Result<()> {
    let latest = latest(conn)?;
    let mut stmt = conn.prepare(
        "SELECT name, role, department, active, unit, department_wide FROM operators ORDER BY name",
    )?;
    let mut rows = stmt.query([])?;
    let mut listed = Vec::new();
    while let Some(r) = rows.next()? {
        let name: String = r.get(0)?;
        let found: [Value; 5] = [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?];
        match latest.operators.get(&name) {
            Some(d) => {
                // Only what the event says (the first leader's, at `init`, names the role).
                let columns = ["role", "department", "active", "unit", "department_wide"];
                for (i, c) in columns.into_iter().enumerate() {
                    let Some(want) = d.get(c).map(column) else {
                        continue;
                    };
                    if want != found[i] {
                        report.differ(Table::Operators, &name, c, show(&want), show(&found[i]));
                    }
                }
            }
            None => {
                if let Some((_, role)) = roles.get(&name)
                    && found[0] != Value::Text(role.clone())
                {
                    report.differ(
                        Table::Operators,
                        &name,
                        "role",
                        role.clone(),
                        show(&found[0]),
                    );
                }
            }
        }
        listed.push(name);
    }
    for name in latest.operators.keys().filter(|n| !listed.contains(n)) {
        report.differ(Table::Operators, name, "(row)", "a row", "none");
    }
    departments(conn, &latest, report)?;
    office_profile(conn, &latest, report)?;
    reception_days(conn, &latest, report)
}

fn departments(conn: &Connection, latest: &Latest, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare("SELECT name, active FROM departments")?;
    let found: BTreeMap<String, Value> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, d) in &latest.departments {
        let want = column(&d["active"]);
        match found.get(name) {
            Some(f) if *f == want => {}
            Some(f) => report.differ(Table::Departments, name, "active", show(&want), show(f)),
            None => report.differ(Table::Departments, name, "(row)", "a row", "none"),
        }
    }
    Ok(())
}

fn office_profile(conn: &Connection, latest: &Latest, report: &mut CheckReport) -> Result<()> {
    let Some(want) = &latest.office else {
        return Ok(());
    };
    let mut stmt = conn.prepare("SELECT doc FROM office_profile WHERE id = 1")?;
    let found: Option<String> = stmt.query_map([], |r| r.get(0))?.next().transpose()?;
    let doc: Json = found
        .as_deref()
        .and_then(|d| serde_json::from_str(d).ok())
        .unwrap_or_default();
    if &doc != want {
        let found = found.unwrap_or_else(|| "none".to_owned());
        report.differ(Table::OfficeProfile, "1", "doc", want.to_string(), found);
    }
    Ok(())
}

fn reception_days(conn: &Connection, latest: &Latest, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare("SELECT date, leader, place FROM reception_days")?;
    let found: BTreeMap<(String, String), Value> = stmt
        .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for ((date, leader), d) in &latest.days {
        let key = format!("{date} {leader}");
        let want = column(&d["place"]);
        match found.get(&(date.clone(), leader.clone())) {
            Some(f) if *f == want => {}
            Some(f) => report.differ(Table::ReceptionDays, key, "place", show(&want), show(f)),
            None => report.differ(Table::ReceptionDays, key, "(row)", "a row", "none"),
        }
    }
    Ok(())
}
