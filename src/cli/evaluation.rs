//! `xinfang evaluation score|list` (评查) and `apply`'s `evaluation` lines.

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value, json};

use super::args::EvaluationCmd;
use super::{Env, Failure};
use crate::domain::evaluation::ItemScore;
use crate::domain::stats::Period;
use crate::store::{CaseRef, Store};
use crate::strings::{Lang, errors, evaluation as words};

/// `{"op":"evaluation","case":…,"scores":{"受理及时":9,…},"note":…}`.
pub fn apply_op(
    store: &mut Store,
    mut obj: Map<String, Value>,
    actor: &str,
    at: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<Value, String> {
    let malformed = |what: &str| {
        format!(
            "{}{what}",
            lang.pick("命令格式有误：", "malformed command: ")
        )
    };
    let case = match obj.remove("case") {
        Some(Value::String(s)) => CaseRef::parse(&s),
        Some(Value::Number(n)) => CaseRef::parse(&n.to_string()),
        _ => return Err(malformed("case")),
    };
    let Some(Value::Object(given)) = obj.remove("scores") else {
        return Err(malformed("scores {\"受理及时\": 9, …}"));
    };
    let mut scores = Vec::new();
    for (item, v) in given {
        let score = (v.as_u64())
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| malformed(&format!("{item}: {v}")))?;
        scores.push(ItemScore { item, score });
    }
    let note = obj.get("note").and_then(Value::as_str);
    let e = store
        .evaluate(actor, at, &case, &scores, note)
        .map_err(|e| errors::store(lang, &e))?;
    Ok(
        json!({"ok": true, "op": "evaluation", "no": e.no, "case_id": e.case_id,
              "total": e.total()}),
    )
}

pub(super) fn run(env: &Env, action: &EvaluationCmd) -> Result<ExitCode, Failure> {
    let lang = env.lang;
    match action {
        EvaluationCmd::Score { case, item, note } => {
            let mut scores = Map::new();
            for pair in item {
                let parsed = (pair.split_once('='))
                    .and_then(|(k, v)| Some((k.trim(), v.trim().parse::<u32>().ok()?)));
                let Some((k, v)) = parsed else {
                    return Err(Failure(format!(
                        "{}{pair}",
                        lang.pick("应写作 项目=分数：", "write NAME=SCORE: ")
                    )));
                };
                scores.insert(k.to_owned(), json!(v));
            }
            let mut obj = Map::new();
            obj.insert("case".into(), json!(case));
            obj.insert("scores".into(), Value::Object(scores));
            if let Some(n) = note {
                obj.insert("note".into(), json!(n));
            }
            let mut store = env.open()?;
            let actor = env
                .signed_in()
                .ok_or_else(|| Failure(crate::strings::signin::who(lang).to_owned()))?
                .to_owned();
            let done = apply_op(&mut store, obj, &actor, env.clock.now(), lang).map_err(Failure)?;
            say!("{done}");
            Ok(ExitCode::SUCCESS)
        }
        EvaluationCmd::List { period, json } => {
            let today = env.clock.today();
            let p = Period::parse(period, today)
                .map_err(|e| Failure(crate::strings::report::period_error(lang, &e)))?;
            let store = env.open_for_reading()?;
            let to = p.end.min(today);
            let all = store.evaluations(p.start, to).map_err(|e| env.fail(e))?;
            let units = (store.evaluations_by_unit(p.start, to)).map_err(|e| env.fail(e))?;
            if *json {
                let v = json!({"evaluations": all, "units": units});
                println!("{}", crate::display::json_safe(&v.to_string()));
                return Ok(ExitCode::SUCCESS);
            }
            for e in &all {
                let items: Vec<String> = (e.scores.iter())
                    .map(|s| format!("{}={}", s.item, s.score))
                    .collect();
                say!(
                    "#{} {} {} {} {}",
                    e.case_id,
                    e.on,
                    e.by,
                    e.total(),
                    items.join(" ")
                );
            }
            say!("{}", words::title(lang));
            for u in &units {
                let unit = if u.unit.is_empty() {
                    words::no_unit(lang)
                } else {
                    &u.unit
                };
                say!("{unit} {} {:.1} {}", u.cases, u.average, u.passed);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
