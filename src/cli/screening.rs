//! `xinfang screening …` (矛盾纠纷排查: the register, its changes, the rounds' 零报告 and the
//! monthly table) and `apply`'s `screening`, `screening_change` and `zero_report` lines.

use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde_json::{Map, Value, json};

use super::args::{ScreeningCmd, TableFormat};
use super::{Env, Failure};
use crate::domain::screening::{Change, NewScreening, Screening};
use crate::files::write_private;
use crate::report::screening as layout;
use crate::store::{CaseRef, Store};
use crate::strings::{Lang, errors, screening as words};

/// The ops of `apply` this file answers.
pub const OPS: [&str; 3] = ["screening", "screening_change", "zero_report"];

fn malformed(lang: Lang, e: impl std::fmt::Display) -> String {
    format!("{}{e}", lang.pick("命令格式有误：", "malformed command: "))
}

fn day(lang: Lang, s: &str) -> Result<NaiveDate, String> {
    s.trim().parse().map_err(|_| {
        format!(
            "{}{s}",
            lang.pick(
                "日期应写作 2026-03-15，而不是 ",
                "a date is written 2026-03-15, not "
            )
        )
    })
}

/// One `apply` line of `OPS` (its `op`, `actor` and `at` already taken out).
pub fn apply_op(
    store: &mut Store,
    op: &str,
    mut obj: Map<String, Value>,
    actor: &str,
    at: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<Value, String> {
    obj.remove("op");
    let fail = |e: crate::store::StoreError| errors::store(lang, &e);
    match op {
        "screening" => {
            let new: NewScreening =
                serde_json::from_value(Value::Object(obj)).map_err(|e| malformed(lang, e))?;
            let e = store.add_screening(actor, at, &new).map_err(fail)?;
            Ok(json!({"ok": true, "op": op, "no": e.no}))
        }
        "zero_report" => {
            let unit = obj
                .remove("unit")
                .and_then(|v| v.as_str().map(str::to_owned));
            let unit = unit.ok_or_else(|| lang.pick("缺少 unit", "unit is missing").to_owned())?;
            let on = match obj.remove("date") {
                Some(Value::String(s)) => day(lang, &s)?,
                _ => at.date_naive(),
            };
            if let Some(k) = obj.keys().next() {
                return Err(malformed(lang, format!("unknown field `{k}`")));
            }
            let z = store.zero_report(actor, at, &unit, on).map_err(fail)?;
            Ok(json!({"ok": true, "op": op, "unit": z.unit, "round_start": z.round_start}))
        }
        _ => {
            let no = obj.remove("no").and_then(|v| v.as_i64());
            let no =
                no.ok_or_else(|| lang.pick("缺少 no（排查编号）", "no is missing").to_owned())?;
            if let Some(new) = obj.remove("new_case") {
                let id = new_case(store, no, new, actor, at, lang)?;
                obj.insert("case".into(), json!(id.to_string()));
            }
            let change = change_of(store, obj, at, lang)?;
            let e = store
                .change_screening(actor, at, no, &change)
                .map_err(fail)?;
            Ok(json!({"ok": true, "op": op, "no": e.no, "state": e.state}))
        }
    }
}

/// `escalate` with `new_case`: the entry becomes a case through the ordinary intake (the
/// first party as the main petitioner, its parties counted as the people, its place and
/// summary; any intake field given in `new_case` overrides), then the entry links to it —
/// and the case back to the entry through the register's index (`screenings_of_case`).
/// Two commits, each with its journal event: an intake that stands without its escalation
/// (a crash between) is escalated again with `case`.
fn new_case(
    store: &mut Store,
    no: i64,
    given: Value,
    actor: &str,
    at: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<i64, String> {
    let fail = |e: crate::store::StoreError| errors::store(lang, &e);
    let entry = store.screening(no).map_err(fail)?;
    let found = &entry.found;
    let main = found.parties.first().cloned().unwrap_or_default();
    let mut intake = json!({
        "channel": "visit",
        "people": found.parties.len().max(1),
        "petitioners": [{"name": main, "main": true}],
        "category": words::escalated_category(lang),
        "location": found.place,
        "summary": words::escalated_summary(lang, no, &found.summary),
        "request": words::escalated_request(lang),
        "urgency": "normal",
    });
    match given {
        Value::Object(fields) => {
            for (k, v) in fields {
                intake[k] = v;
            }
        }
        Value::Bool(true) | Value::Null => {}
        other => return Err(malformed(lang, format!("new_case: {other}"))),
    }
    intake["op"] = json!("intake");
    let command: crate::domain::command::Command =
        serde_json::from_value(intake).map_err(|e| malformed(lang, e))?;
    let req = crate::store::Request {
        case: None,
        expected_version: None,
        command,
        actor: actor.to_owned(),
        at,
    };
    Ok(store.execute(&req).map_err(fail)?.id)
}

/// The change a line names; `case` (a number or an id) for `escalate`.
fn change_of(
    store: &Store,
    mut obj: Map<String, Value>,
    at: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<Change, String> {
    if let Some(case) = obj.remove("case") {
        let r = match case {
            Value::String(s) => CaseRef::parse(&s),
            other => CaseRef::parse(&other.to_string()),
        };
        let row = store
            .case(&r, at.date_naive())
            .map_err(|e| errors::store(lang, &e))?;
        obj.insert("case_id".into(), json!(row.case.id));
    }
    serde_json::from_value(Value::Object(obj)).map_err(|e| malformed(lang, e))
}

pub(super) fn run(env: &Env, action: &ScreeningCmd) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let parse_day = |s: &Option<String>| {
        s.as_deref()
            .map(|s| day(lang, s).map_err(Failure))
            .transpose()
    };
    match action {
        ScreeningCmd::List { json } => {
            let store = env.open_for_reading()?;
            let all = store.screenings().map_err(|e| env.fail(e))?;
            list(&all, *json, lang);
            Ok(ExitCode::SUCCESS)
        }
        ScreeningCmd::Rounds {
            missing,
            date,
            json,
        } => {
            let store = env.open_for_reading()?;
            let on = parse_day(date)?.unwrap_or_else(|| env.clock.today());
            rounds(&store, on, *missing, *json, lang).map_err(|e| env.fail(e))
        }
        ScreeningCmd::Table { month, format, out } => {
            let store = env.open_for_reading()?;
            table(&store, month.as_deref(), *format, out.as_deref(), env)
        }
        ScreeningCmd::Add { .. }
        | ScreeningCmd::Assign { .. }
        | ScreeningCmd::Start { .. }
        | ScreeningCmd::Resolve { .. }
        | ScreeningCmd::Escalate { .. }
        | ScreeningCmd::ZeroReport { .. } => write(env, action),
    }
}

/// A write, as the signed-in operator, through the same lines `apply` reads.
fn write(env: &Env, action: &ScreeningCmd) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let (op, line) = match action {
        ScreeningCmd::Add {
            json: Some(json), ..
        } => (
            "screening",
            serde_json::from_str::<Value>(json).map_err(|e| Failure(malformed(lang, e)))?,
        ),
        ScreeningCmd::Add { json: None, fields } => {
            let f = fields;
            let found_on = (f.found_on.clone()).unwrap_or_else(|| env.clock.today().to_string());
            (
                "screening",
                json!({"found_on": found_on, "found_by": f.found_by, "unit": f.unit,
                "place": f.place, "parties": f.party, "kind": f.kind, "risk": f.risk,
                "summary": f.summary, "responsible": f.responsible, "leader": f.leader,
                "deadline": f.deadline}),
            )
        }
        ScreeningCmd::Assign {
            no,
            leader,
            responsible,
            deadline,
        } => (
            "screening_change",
            json!({"no": no, "change": "assign", "leader": leader, "responsible": responsible,
                   "deadline": deadline}),
        ),
        ScreeningCmd::Start { no, note } => (
            "screening_change",
            json!({"no": no, "change": "start", "note": note}),
        ),
        ScreeningCmd::Resolve { no, note } => (
            "screening_change",
            json!({"no": no, "change": "resolve", "note": note}),
        ),
        ScreeningCmd::Escalate {
            no,
            case,
            new,
            category,
        } => {
            let new_case = match category {
                Some(c) => json!({ "category": c }),
                None => json!(*new),
            };
            let new_case = if *new { new_case } else { Value::Null };
            (
                "screening_change",
                json!({"no": no, "change": "escalate", "case": case, "new_case": new_case}),
            )
        }
        ScreeningCmd::ZeroReport { unit, date } => {
            ("zero_report", json!({"unit": unit, "date": date}))
        }
        ScreeningCmd::List { .. } | ScreeningCmd::Rounds { .. } | ScreeningCmd::Table { .. } => {
            return Ok(ExitCode::SUCCESS);
        }
    };
    let Value::Object(mut obj) = line else {
        return Err(Failure(malformed(lang, "{…}")));
    };
    obj.retain(|_, v| !v.is_null());
    let mut store = env.open()?;
    let actor = env
        .signed_in()
        .ok_or_else(|| Failure(crate::strings::signin::who(lang).to_owned()))?
        .to_owned();
    let done = apply_op(&mut store, op, obj, &actor, env.clock.now(), lang).map_err(Failure)?;
    say!("{}", words::done(lang, op, &done));
    Ok(ExitCode::SUCCESS)
}

fn list(all: &[Screening], as_json: bool, lang: Lang) {
    if as_json {
        let text = serde_json::to_string_pretty(all).unwrap_or_default();
        println!("{}", crate::display::json_safe(&text));
        return;
    }
    if all.is_empty() {
        say!(
            "{}",
            lang.pick("（排查台账为空）", "(the register is empty)")
        );
    }
    for e in all {
        say!("{}", words::line(lang, e));
    }
}

fn rounds(
    store: &Store,
    on: NaiveDate,
    missing: bool,
    as_json: bool,
    lang: Lang,
) -> crate::store::Result<ExitCode> {
    let (round, units) = store.screening_round(on)?;
    let shown: Vec<_> = units.iter().filter(|u| !missing || !u.reported()).collect();
    if as_json {
        let v = json!({"round": round, "units": shown});
        println!("{}", crate::display::json_safe(&v.to_string()));
        return Ok(ExitCode::SUCCESS);
    }
    say!(
        "{}",
        words::round_head(lang, round, store.office().policy.screening_round)
    );
    for u in shown {
        say!("{}", words::unit_line(lang, u));
    }
    Ok(ExitCode::SUCCESS)
}

/// `--month 2026-03` (default: this month) as its first and last day.
fn month_of(
    s: Option<&str>,
    today: NaiveDate,
    lang: Lang,
) -> Result<(NaiveDate, NaiveDate), String> {
    let first = match s {
        Some(m) => day(lang, &format!("{}-01", m.trim()))?,
        None => today.with_day(1).unwrap_or(today),
    };
    let next = first + chrono::Months::new(1);
    Ok((first, next.pred_opt().unwrap_or(first)))
}

fn table(
    store: &Store,
    month: Option<&str>,
    format: TableFormat,
    out: Option<&Path>,
    env: &Env,
) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let (first, last) = month_of(month, env.clock.today(), lang).map_err(Failure)?;
    let t = store
        .screening_month(first, last)
        .map_err(|e| env.fail(e))?;
    let office = store.office_profile().map(|p| p.name).unwrap_or_default();
    let body = match format {
        TableFormat::Xlsx => {
            let path =
                out.ok_or_else(|| Failure(crate::strings::sheet::needs_out(lang).to_owned()))?;
            let tables = layout::month_tables(&t, lang);
            crate::sheet::write_xlsx(&tables, path).map_err(|e| Failure(e.message(lang)))?;
            return Ok(ExitCode::SUCCESS);
        }
        TableFormat::Text => layout::month_text(&t, &office, lang),
        TableFormat::Html => layout::month_html(&t, &office, lang),
    };
    match out {
        Some(path) => write_private(path, body.as_bytes())
            .map_err(|e| Failure(crate::strings::report::cannot_write(lang, path, &e)))?,
        None => print!("{}", crate::display::safe(&body)),
    }
    Ok(ExitCode::SUCCESS)
}
