//! `xinfang backlog …` (积案: the leader's list, the mark, 包案, 专班, 会商, progress, and the
//! 《信访积案排查登记表》) and `apply`'s `backlog` lines.

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{Map, Value, json};

use super::args::{BacklogCmd, SheetFormat};
use super::{Env, Failure};
use crate::domain::backlog::BacklogChange;
use crate::domain::command::Command;
use crate::domain::flags::PersonFlag;
use crate::files::write_private;
use crate::store::{BacklogRow, CaseRef, Store};
use crate::strings::{Lang, backlog as words, errors, labels};

/// `{"op":"backlog","case":…,"change":"mark"|"leader"|"team"|"meeting"|"progress",…}`.
pub fn apply_op(
    store: &mut Store,
    mut obj: Map<String, Value>,
    actor: &str,
    at: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<Value, String> {
    obj.remove("op");
    let case = match obj.remove("case") {
        Some(Value::String(s)) => CaseRef::parse(&s),
        Some(Value::Number(n)) => CaseRef::parse(&n.to_string()),
        _ => {
            return Err(lang
                .pick("缺少 case（案件编号或内部序号）", "case is missing")
                .to_owned());
        }
    };
    let change: BacklogChange = serde_json::from_value(Value::Object(obj))
        .map_err(|e| format!("{}{e}", lang.pick("命令格式有误：", "malformed command: ")))?;
    let file = store
        .change_backlog(actor, at, &case, &change)
        .map_err(|e| errors::store(lang, &e))?;
    Ok(json!({"ok": true, "op": "backlog", "case_id": file.case_id, "change": change.act()}))
}

pub(super) fn run(env: &Env, action: &BacklogCmd) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let line = match action {
        BacklogCmd::List { json } => {
            let store = env.open_for_reading()?;
            list(&store, env.clock.today(), *json, lang).map_err(|e| env.fail(e))?;
            return Ok(ExitCode::SUCCESS);
        }
        BacklogCmd::Sheet { format, out } => {
            let store = env.open_for_reading()?;
            let rows = store.backlog(env.clock.today()).map_err(|e| env.fail(e))?;
            let office = store.office_profile().map(|p| p.name).unwrap_or_default();
            let need_out = || Failure(crate::strings::sheet::needs_out(lang).to_owned());
            return match format {
                SheetFormat::Xlsx => {
                    let path = out.as_deref().ok_or_else(need_out)?;
                    let t = crate::report::backlog::table(&rows, lang);
                    crate::sheet::write_xlsx(&[t], path).map_err(|e| Failure(e.message(lang)))?;
                    Ok(ExitCode::SUCCESS)
                }
                SheetFormat::Html => {
                    let body = crate::report::backlog::html(&rows, &office, lang);
                    match out {
                        Some(path) => write_private(path, body.as_bytes()).map_err(|e| {
                            Failure(crate::strings::report::cannot_write(lang, path, &e))
                        })?,
                        None => print!("{}", crate::display::safe(&body)),
                    }
                    Ok(ExitCode::SUCCESS)
                }
            };
        }
        BacklogCmd::Mark { case, reason } => {
            json!({"case": case, "change": "mark", "reason": reason})
        }
        BacklogCmd::Leader { case, name } => {
            json!({"case": case, "change": "leader", "name": name})
        }
        BacklogCmd::Team { case, member } => {
            json!({"case": case, "change": "team", "members": member})
        }
        BacklogCmd::Meeting {
            case,
            date,
            participant,
            conclusion,
        } => json!({"case": case, "change": "meeting", "on": date, "participants": participant,
                    "conclusion": conclusion}),
        BacklogCmd::Progress { case, note } => {
            json!({"case": case, "change": "progress", "note": note})
        }
    };
    let Value::Object(obj) = line else {
        return Ok(ExitCode::FAILURE);
    };
    let mut store = env.open()?;
    let actor = env
        .signed_in()
        .ok_or_else(|| Failure(crate::strings::signin::who(lang).to_owned()))?
        .to_owned();
    let done = apply_op(&mut store, obj, &actor, env.clock.now(), lang).map_err(Failure)?;
    say!("{done}");
    Ok(ExitCode::SUCCESS)
}

/// Every 积案, a page of rows at a time: a million-case ledger's tens of thousands are never
/// held at once.
fn list(
    store: &Store,
    today: NaiveDate,
    as_json: bool,
    lang: Lang,
) -> Result<(), crate::store::StoreError> {
    let ids = store.backlog_ids(today)?;
    if ids.is_empty() && !as_json {
        say!("{}", lang.pick("（没有积案）", "(no backlog cases)"));
    }
    let mut first = true;
    if as_json {
        print!("[");
    }
    for page in ids.chunks(500) {
        for b in store.backlog_rows(page, today)? {
            if b.grounds.is_empty() {
                continue;
            }
            if as_json {
                let v = json!({"id": b.row.case.id, "case_no": b.row.case.case_no,
                               "grounds": b.grounds, "file": b.file});
                let sep = if first { "" } else { "," };
                print!("{sep}{}", crate::display::json_safe(&v.to_string()));
            } else {
                say!("{}", line(&b, lang));
            }
            first = false;
        }
    }
    if as_json {
        println!("]");
    }
    Ok(())
}

fn line(b: &BacklogRow, lang: Lang) -> String {
    let c = &b.row.case;
    format!(
        "{} [{}] {} {} {}",
        c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id)),
        words::grounds(lang, &b.grounds),
        labels::state(lang, c.state),
        b.file.leader.as_deref().unwrap_or("-"),
        c.intake.summary
    )
}

/// `{"op":"person_flag","name":…,"id_number"|"phone"|"address":…,"flag":…,"reason":…}`.
pub fn flag_op(
    store: &mut Store,
    mut obj: Map<String, Value>,
    actor: &str,
    at: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<Value, String> {
    obj.remove("op");
    let known = ["name", "id_number", "phone", "address", "flag", "reason"];
    if let Some(k) = obj.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(crate::strings::input::unknown_field(
            lang,
            "person_flag",
            k,
            &known,
        ));
    }
    obj.insert("no".into(), json!(0));
    obj.insert("on".into(), json!(at.date_naive()));
    obj.insert("by".into(), json!(actor));
    let flag: PersonFlag = serde_json::from_value(Value::Object(obj))
        .map_err(|e| format!("{}{e}", lang.pick("命令格式有误：", "malformed command: ")))?;
    let f = store
        .set_flag(actor, at, &flag)
        .map_err(|e| errors::store(lang, &e))?;
    Ok(json!({"ok": true, "op": "person_flag", "no": f.no}))
}

/// The warnings at intake (or a repeat item attached) for each petitioner a flag names.
pub fn intake_flags(store: &Store, command: &Command, today: NaiveDate, lang: Lang) -> Vec<String> {
    let (Command::Intake(i) | Command::Attach(i)) = command else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for f in store.flags_of(&i.petitioners, today).unwrap_or_default() {
        let w = words::flag_warning(lang, &f);
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// `xinfang flags [--json]`: the 重点信访人 (leaders and clerks only).
fn list_flags(env: &Env, as_json: bool) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let store = env.open_for_reading()?;
    let all = store.flags().map_err(|e| env.fail(e))?;
    if as_json {
        let text = serde_json::to_string_pretty(&all).unwrap_or_default();
        println!("{}", crate::display::json_safe(&text));
        return Ok(ExitCode::SUCCESS);
    }
    if all.is_empty() {
        say!(
            "{}",
            lang.pick("（没有重点信访人）", "(no key petitioners)")
        );
    }
    for f in &all {
        say!("{}", words::flag_warning(lang, f));
    }
    Ok(ExitCode::SUCCESS)
}

/// `{"op":"person_flag_remove","no":…,"reason":…}`: a leader takes a flag off.
pub fn unflag_op(
    store: &mut Store,
    obj: Map<String, Value>,
    actor: &str,
    at: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<Value, String> {
    let no = obj.get("no").and_then(Value::as_i64);
    let no = no.ok_or_else(|| lang.pick("缺少 no（标记编号）", "no is missing").to_owned())?;
    let reason = obj
        .get("reason")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let f = store
        .remove_flag(actor, at, no, reason)
        .map_err(|e| errors::store(lang, &e))?;
    Ok(json!({"ok": true, "op": "person_flag_remove", "no": f.no, "name": f.name}))
}

/// `xinfang flags [--json]`, or `--remove N --reason R`.
pub(super) fn flags(
    env: &Env,
    json: bool,
    remove: Option<i64>,
    reason: Option<String>,
) -> Result<ExitCode, Failure> {
    match remove {
        Some(no) => remove_flag(env, no, reason.as_deref().unwrap_or_default()),
        None => list_flags(env, json),
    }
}

/// `xinfang flags --remove N --reason R`, as the signed-in operator.
fn remove_flag(env: &Env, no: i64, reason: &str) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    let mut store = env.open()?;
    let actor = env
        .signed_in()
        .ok_or_else(|| Failure(crate::strings::signin::who(lang).to_owned()))?
        .to_owned();
    let mut obj = Map::new();
    obj.insert("no".into(), json!(no));
    obj.insert("reason".into(), json!(reason));
    let done = unflag_op(&mut store, obj, &actor, env.clock.now(), lang).map_err(Failure)?;
    say!("{done}");
    Ok(ExitCode::SUCCESS)
}
