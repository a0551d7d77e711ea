//! `xinfang firsttime [--json]`: the 初信初访 closed-loop list (seed 002 (八) 1): each open
//! first-time case, its 承办 (department and handler), its 包案领导 and the soonest due date of
//! its running clocks.

use std::process::ExitCode;

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::{Env, Failure};
use crate::domain::deadline::ClockStatus;
use crate::store::CaseRow;
use crate::strings::{Lang, labels};

pub(super) fn run(env: &Env, as_json: bool) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let today = env.clock.today();
    let store = env.open_for_reading()?;
    let rows = store.first_time_open(today).map_err(|e| env.fail(e))?;
    if as_json {
        let v: Vec<Value> = rows.iter().map(|r| entry(r, today)).collect();
        println!(
            "{}",
            crate::display::json_safe(&Value::Array(v).to_string())
        );
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        say!(
            "{}",
            lang.pick("（没有未办结的初信初访）", "(no open first-time items)")
        );
    }
    for r in &rows {
        say!("{}", line(r, today, lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// The soonest due date of a running clock, and whether it has passed.
fn due(r: &CaseRow) -> Option<(NaiveDate, bool)> {
    (r.clocks.iter())
        .filter_map(|c| match c.status {
            ClockStatus::Running { overdue, .. } => Some((c.due, overdue)),
            ClockStatus::Met { .. }
            | ClockStatus::Late { .. }
            | ClockStatus::NoticeLate { .. }
            | ClockStatus::Window { .. } => None,
        })
        .min()
}

fn entry(r: &CaseRow, today: NaiveDate) -> Value {
    let c = &r.case;
    let a = c.assignment.as_ref();
    let due = due(r);
    json!({
        "id": c.id, "case_no": c.case_no, "state": c.state,
        "received": c.intake.received_at.date_naive(), "today": today,
        "department": a.map(|a| &a.department), "handler": a.map(|a| &a.handler),
        "owner_leader": a.and_then(|a| a.owner_leader.as_ref()),
        "due": due.map(|d| d.0), "overdue": due.is_some_and(|d| d.1),
        "summary": c.intake.summary,
    })
}

fn line(r: &CaseRow, today: NaiveDate, lang: Lang) -> String {
    let c = &r.case;
    let a = c.assignment.as_ref();
    let owner = a.map_or_else(
        || c.intake.receiver.clone(),
        |a| format!("{}/{}", a.department, a.handler),
    );
    let leader = a.and_then(|a| a.owner_leader.as_deref()).unwrap_or("-");
    let due = match due(r) {
        Some((d, true)) => format!(
            "{d} {}",
            lang.pick(
                &format!("超期{}天", (today - d).num_days()),
                &format!("{} days overdue", (today - d).num_days())
            )
        ),
        Some((d, false)) => d.to_string(),
        None => "-".to_owned(),
    };
    format!(
        "{} {} {} {} {} {} {}",
        c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id)),
        labels::state(lang, c.state),
        c.intake.received_at.date_naive(),
        owner,
        lang.pick(&format!("包案:{leader}"), &format!("leader:{leader}")),
        lang.pick(&format!("期限:{due}"), &format!("due:{due}")),
        c.intake.summary
    )
}
