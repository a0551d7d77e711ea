//! `xinfang apply`: JSON lines in, one transaction and one JSON result each.
//! A result line is printed only after its commit, so `"ok":true` is a
//! promise that the change is on disk.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value, json};

use super::Failure;
use crate::clock::Clock;
use crate::config::config_dir;
use crate::documents::Renderer;
use crate::domain::command::{self, Command};
use crate::domain::documents::{DocKind, IssueInput, OfficeProfile};
use crate::domain::intake::field_names;
use crate::domain::limits;
use crate::domain::op::Act;
use crate::domain::op::Op;
use crate::domain::reception::{ReceptionDay, ReceptionRecord};
use crate::domain::rules::Operator;
use crate::domain::types::Role;
use crate::store::{Admin, Applied, CaseRef, Request, Store};
use crate::strings::{Lang, documents, errors, input};

/// Who runs `apply`: the signed-in operator (None: opened with the recovery key, when
/// every line must name its actor).
pub struct Signer(Option<String>);

impl Signer {
    pub fn new(name: Option<&str>) -> Signer {
        Signer(name.map(str::to_owned))
    }
}

pub(crate) fn run(
    store: &mut Store,
    signer: &Signer,
    file: Option<&Path>,
    lang: Lang,
    clock: &Clock,
) -> Result<ExitCode, Failure> {
    let input: Box<dyn BufRead> = match file {
        None => Box::new(BufReader::new(std::io::stdin())),
        Some(p) if p.as_os_str() == "-" => Box::new(BufReader::new(std::io::stdin())),
        Some(p) => Box::new(BufReader::new(
            std::fs::File::open(p).map_err(|e| Failure(format!("{}: {e}", p.display())))?,
        )),
    };
    let mut out = std::io::stdout().lock();
    let failed = apply_all(store, input, &mut out, signer, lang, clock)
        .map_err(|e| Failure(e.to_string()))?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Applies every line of `input`, writing exactly one result line to `out` for each input
/// line, in order, each after its commit: a blank line answers
/// `{"ok":true,"line":N,"skipped":"blank"}`, a `#` comment line `…"skipped":"comment"}`, so
/// a script's N-th line is always answered by the N-th result. A line that is not UTF-8,
/// not JSON or not a command gets its own `"ok":false` with its line number, and the run
/// goes on. Returns whether any line failed; an `Err` only when reading or writing fails
/// (a closed stdout, e.g. `| head`, must not lose a commit's report silently: the run stops).
pub fn apply_all(
    store: &mut Store,
    mut input: impl BufRead,
    out: &mut impl Write,
    signer: &Signer,
    lang: Lang,
    clock: &Clock,
) -> std::io::Result<bool> {
    let mut failed = false;
    // Compiled on the first `issue` line only.
    let mut renderer = None;
    let mut bytes = Vec::new();
    let ctx = Line {
        signer,
        lang,
        clock,
    };
    for n in 1.. {
        bytes.clear();
        // Bytes, not `lines()`: one line that is not UTF-8 must not end the run.
        let read = input.read_until(b'\n', &mut bytes)?;
        if read == 0 {
            break;
        }
        let text = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        let result = match std::str::from_utf8(text) {
            Ok(line) if line.trim().is_empty() => Ok(skipped(n, "blank")),
            Ok(line) if line.trim_start().starts_with('#') => Ok(skipped(n, "comment")),
            Ok(line) => apply_line(store, line, &ctx, &mut renderer),
            Err(e) => Err(input::not_utf8(lang, e.valid_up_to())),
        };
        let result = result.unwrap_or_else(|msg| {
            failed = true;
            json!({"ok": false, "line": n, "error": msg})
        });
        // An error may quote the line (an unknown field's name): never raw to a terminal.
        writeln!(out, "{}", crate::display::json_safe(&result.to_string()))?;
        out.flush()?;
    }
    Ok(failed)
}

/// The answer to a line that holds no command: still one result line, so that results and
/// input lines stay one to one.
fn skipped(n: usize, why: &str) -> Value {
    json!({"ok": true, "line": n, "skipped": why})
}

fn take_string(obj: &mut Map<String, Value>, key: &str) -> Option<String> {
    match obj.remove(key) {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// What every line is read with.
struct Line<'a> {
    signer: &'a Signer,
    lang: Lang,
    clock: &'a Clock,
}

/// The line's actor: the signed-in operator unless it names another, which only a
/// leader may (entering paper records after the fact); the signer is then kept as
/// who entered it (`Store::set_entered_by`). Rights are checked against the actor.
fn actor(store: &mut Store, obj: &mut Map<String, Value>, ctx: &Line) -> Result<String, String> {
    let lang = ctx.lang;
    let named = take_string(obj, "actor").filter(|a| !a.trim().is_empty());
    let signer = ctx.signer.0.as_deref();
    store.set_entered_by(signer.map(str::to_owned));
    match (named, signer) {
        (None, Some(me)) => Ok(me.to_owned()),
        (None, None) => Err(lang
            .pick(
                "缺少 actor（操作员姓名）",
                "actor (an operator's name) is missing",
            )
            .to_owned()),
        (Some(a), Some(me)) if a != me => {
            store
                .leader(me, Act::Enter)
                .map_err(|e| errors::store(lang, &e))?;
            Ok(a)
        }
        (Some(a), _) => Ok(a),
    }
}

/// The line's `at`, else now.
fn at_of(
    obj: &mut Map<String, Value>,
    lang: Lang,
    clock: &Clock,
) -> Result<DateTime<FixedOffset>, String> {
    match obj.remove("at") {
        None | Some(Value::Null) => Ok(clock.now()),
        Some(Value::String(s)) => DateTime::parse_from_rfc3339(&s).map_err(|_| {
            format!(
                "{}{s}",
                lang.pick(
                    "at 应为带时区的时间，如 2026-01-31T10:00:00+08:00，而不是 ",
                    "at must be RFC 3339 with an offset, e.g. 2026-01-31T10:00:00+08:00, not "
                )
            )
        }),
        Some(other) => Err(format!("at: {other}")),
    }
}

fn apply_line(
    store: &mut Store,
    line: &str,
    ctx: &Line,
    renderer: &mut Option<Renderer>,
) -> Result<Value, String> {
    let (lang, clock) = (ctx.lang, ctx.clock);
    let bad = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let value: Value = serde_json::from_str(line)
        .map_err(|e| format!("{}{e}", lang.pick("不是有效的 JSON：", "not valid JSON: ")))?;
    let Value::Object(mut obj) = value else {
        return Err(bad(
            "每行应是一个 JSON 对象",
            "each line must be one JSON object",
        ));
    };
    let op = obj
        .get("op")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if op.is_empty() {
        return Err(bad("缺少 op", "op is missing"));
    }
    // 附件: the file's bytes come from `path` or `base64`, never into the journal.
    let file = if op == "attach_file" {
        let limit = store.office().policy.attachment_max_mb;
        Some(super::attach_line::bytes_of_line(&mut obj, lang, limit)?)
    } else {
        None
    };
    check_fields(&op, &obj, lang)?;
    let actor = actor(store, &mut obj, ctx)?;
    let at = at_of(&mut obj, lang, clock)?;
    limits::check_when(at, clock.now()).map_err(|e| errors::workflow(lang, &e))?;
    let by = By { actor, at, lang };
    match op.as_str() {
        "operator" => return put_operator(store, obj, &by),
        "department" => return put_department(store, &mut obj, &by),
        "schedule" | "reception" => return reception(store, &op, obj, &by),
        "office" => return put_office(store, obj, &by),
        "backlog" => return super::backlog::apply_op(store, obj, &by.actor, by.at, lang),
        "person_flag" => return super::backlog::flag_op(store, obj, &by.actor, by.at, lang),
        "person_flag_remove" => {
            return super::backlog::unflag_op(store, obj, &by.actor, by.at, lang);
        }
        "evaluation" => return super::evaluation::apply_op(store, obj, &by.actor, by.at, lang),
        op if super::screening::OPS.contains(&op) => {
            return super::screening::apply_op(store, op, obj, &by.actor, by.at, lang);
        }
        _ => {}
    }
    let mut req = case_request(obj, by)?;
    if let (Command::AttachFile { bytes, .. }, Some(file)) = (&mut req.command, file) {
        *bytes = Some(crate::domain::attachment::FileBytes::new(file));
    }
    if matches!(req.command, Command::Issue(_)) {
        return issue(store, &req, lang, renderer);
    }
    let applied = store.execute(&req).map_err(|e| errors::store(lang, &e))?;
    let mut result = result_json(store, &applied, lang);
    // 重点信访人: said at intake when a flagged person comes again.
    let today = req
        .at
        .with_timezone(&store.office().policy.utc_offset)
        .date_naive();
    let flagged = super::backlog::intake_flags(store, &req.command, today, lang);
    if !flagged.is_empty() {
        result["key_petitioners"] = json!(flagged);
    }
    if matches!(req.command, Command::Archive) {
        case_file_on_archive(store, &req, &applied, lang, renderer, &mut result);
    }
    Ok(result)
}

/// Refuses a field the line's op does not have, naming it and the ones it has: a typo
/// (`leadr`) is never dropped silently.
fn check_fields(op: &str, obj: &Map<String, Value>, lang: Lang) -> Result<(), String> {
    let own: &[&'static str] = match op {
        "operator" => &[
            "name",
            "role",
            "passphrase",
            "department",
            "active",
            "unit",
            "department_wide",
        ],
        "department" => &["name", "active"],
        "schedule" => field_names::<ReceptionDay>(),
        "reception" => &["date", "leader", "visitor", "said", "decided", "case"],
        "office" => field_names::<OfficeProfile>(),
        // An unknown op is serde's to name, with the ops there are.
        _ => {
            let Some(step) = Op::from_code(op) else {
                return Ok(());
            };
            return match command::unknown_field(step, obj, &command::ENVELOPE) {
                Some(u) => Err(match u.decision {
                    Some(d) => input::decision_field(lang, d, &u.field, u.belongs_to, &u.known),
                    None => input::unknown_field(lang, op, &u.field, &u.known),
                }),
                None => Ok(()),
            };
        }
    };
    let known: Vec<&str> = ["op", "actor", "at"].iter().chain(own).copied().collect();
    match obj.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(input::unknown_field(lang, op, k, &known)),
        None => Ok(()),
    }
}

/// `{"op":"department","name":…,"active":…}`.
fn put_department(
    store: &mut Store,
    obj: &mut Map<String, Value>,
    by: &By,
) -> Result<Value, String> {
    let lang = by.lang;
    let name = take_string(obj, "name")
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| lang.pick("缺少 name", "name is missing").to_owned())?;
    let active = obj.get("active").and_then(Value::as_bool).unwrap_or(true);
    let change = Admin::Department {
        name: name.trim().to_owned(),
        active,
    };
    store
        .administer(&by.actor, by.at, &change)
        .map_err(|e| errors::store(lang, &e))?;
    Ok(json!({"ok": true, "op": "department", "name": name.trim()}))
}

/// A case command: its actor, time (now when not given), case, expected version and the
/// command itself.
fn case_request(mut obj: Map<String, Value>, by: By) -> Result<Request, String> {
    let By { actor, at, lang } = by;
    let bad = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let case = take_string(&mut obj, "case").map(|c| CaseRef::parse(&c));
    let expected_version = obj.remove("version").and_then(|v| v.as_i64());
    let command: Command = serde_json::from_value(Value::Object(obj))
        .map_err(|e| format!("{}{e}", lang.pick("命令格式有误：", "malformed command: ")))?;
    if case.is_none() && !matches!(command, Command::Intake(_)) {
        return Err(bad(
            "缺少 case（案件编号或内部序号）",
            "case (case number or id) is missing",
        ));
    }
    Ok(Request {
        case,
        expected_version,
        command,
        actor,
        at,
    })
}

/// On archive the case file (案卷) is made, as the desk does: `case_file` in the result is
/// its number (the volume number). The archiving stands if it cannot be made (no office
/// letterhead yet, say): `case_file_error` says why, and `xinfang notice CASE casefile`
/// makes it later.
fn case_file_on_archive(
    store: &mut Store,
    archived: &Request,
    applied: &Applied,
    lang: Lang,
    renderer: &mut Option<Renderer>,
    result: &mut Value,
) {
    let req = Request {
        case: Some(CaseRef::Id(applied.id)),
        expected_version: None,
        command: Command::Issue(Box::new(IssueInput::new(DocKind::CaseFile))),
        actor: archived.actor.clone(),
        at: archived.at,
    };
    match issue(store, &req, lang, renderer) {
        Ok(v) => result["case_file"] = v["number"].clone(),
        Err(e) => result["case_file_error"] = json!(e),
    }
}

/// `{"op":"office","name":…,"address":…,"phone":…,"hotline":…,"prefix":…,
/// "seal":…,"review_organ":…,"printer":…}`: the letterhead; fields left
/// out keep their value.
fn put_office(store: &mut Store, mut obj: Map<String, Value>, by: &By) -> Result<Value, String> {
    let lang = by.lang;
    obj.remove("op");
    let update: OfficeProfile = serde_json::from_value(Value::Object(obj))
        .map_err(|e| format!("{}{e}", lang.pick("命令格式有误：", "malformed command: ")))?;
    let profile = store
        .administer(&by.actor, by.at, &Admin::OfficeUpdate(update))
        .map_err(|e| errors::store(lang, &e))?;
    Ok(json!({"ok": true, "op": "office", "office": profile}))
}

/// `{"op":"issue","actor":…,"case":…,"kind":"accept","basis":…}`: issues a
/// document (always a new one, numbered); the text is kept in the ledger.
fn issue(
    store: &mut Store,
    req: &Request,
    lang: Lang,
    renderer: &mut Option<Renderer>,
) -> Result<Value, String> {
    if renderer.is_none() {
        *renderer = Some(
            Renderer::load(config_dir().as_deref())
                .map_err(|e| documents::template_error(lang, &e))?,
        );
    }
    let Some(r) = renderer.as_ref() else {
        return Err(documents::template_error(lang, "-"));
    };
    let issued = store
        .issue(req, &mut |job| r.render(job))
        .map_err(|e| errors::store(lang, &e))?;
    let mut v = result_json(store, &issued.applied, lang);
    v["number"] = json!(issued.document.number);
    Ok(v)
}

fn put_operator(store: &mut Store, mut obj: Map<String, Value>, by: &By) -> Result<Value, String> {
    let lang = by.lang;
    let name = take_string(&mut obj, "name")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| lang.pick("缺少 name", "name is missing").to_owned())?;
    let role_text = take_string(&mut obj, "role").unwrap_or_default();
    let role = Role::from_code(&role_text).ok_or_else(|| {
        format!(
            "{}{role_text}",
            lang.pick(
                "role 应为 clerk（接待登记员）、leader（领导）或 handler（承办人），而不是 ",
                "role must be clerk, leader or handler, not "
            )
        )
    })?;
    // The one-time passphrase goes into the new slot only: taken out of the
    // line first so that nothing after (a journal, an echo) can see it.
    let passphrase = take_string(&mut obj, "passphrase").map(zeroize::Zeroizing::new);
    if passphrase
        .as_deref()
        .is_some_and(|p| crate::domain::audit::too_short(p))
    {
        return Err(crate::strings::signin::too_short(lang));
    }
    let op = Operator {
        name: name.clone(),
        role,
        department: take_string(&mut obj, "department").filter(|s| !s.trim().is_empty()),
        active: obj.get("active").and_then(Value::as_bool).unwrap_or(true),
        // Whom an accusation may not reach (2022 Art 30 第三款), and a 科长's wider view.
        unit: take_string(&mut obj, "unit").filter(|s| !s.trim().is_empty()),
        department_wide: obj
            .get("department_wide")
            .and_then(Value::as_bool)
            .unwrap_or(false),
    };
    let active = op.active;
    store
        .administer(&by.actor, by.at, &Admin::Operator(op))
        .map_err(|e| errors::store(lang, &e))?;
    if let Some(pass) = passphrase.filter(|_| active) {
        store
            .set_passphrase(&by.actor, by.at, &name, &pass, true)
            .map_err(|e| errors::store(lang, &e))?;
    }
    Ok(json!({"ok": true, "op": "operator", "name": name, "role": role.code()}))
}

/// `schedule` {date, leader, place} and `reception` {date, leader, visitor,
/// said, decided, case, actor, at}: the reception-day schedule and records.
fn reception(
    store: &mut Store,
    op: &str,
    mut obj: Map<String, Value>,
    by: &By,
) -> Result<Value, String> {
    let (lang, at) = (by.lang, by.at);
    obj.remove("op");
    let fail = |e: crate::store::StoreError| errors::store(lang, &e);
    let malformed =
        |e: serde_json::Error| format!("{}{e}", lang.pick("命令格式有误：", "malformed command: "));
    if op == "schedule" {
        let day: ReceptionDay = serde_json::from_value(Value::Object(obj)).map_err(malformed)?;
        store
            .administer(&by.actor, at, &Admin::Schedule(day.clone()))
            .map_err(fail)?;
        return Ok(json!({"ok": true, "op": op, "date": day.date, "leader": day.leader}));
    }
    // The office's date of `at`, whatever offset the line wrote it in.
    let day = at
        .with_timezone(&store.office().policy.utc_offset)
        .date_naive();
    // The case by number or id, as elsewhere in `apply`.
    let case_id = match take_string(&mut obj, "case") {
        Some(c) => Some(store.case(&CaseRef::parse(&c), day).map_err(fail)?.case.id),
        None => None,
    };
    obj.entry("date").or_insert_with(|| json!(day.to_string()));
    let mut rec: ReceptionRecord = serde_json::from_value(Value::Object(obj)).map_err(malformed)?;
    rec.case_id = case_id;
    let id = store
        .add_reception_record(&rec, &by.actor, at)
        .map_err(fail)?;
    Ok(json!({"ok": true, "op": op, "id": id, "case_id": case_id}))
}

/// Who acts on a line, and when.
struct By {
    actor: String,
    at: DateTime<FixedOffset>,
    lang: Lang,
}

fn result_json(store: &Store, a: &Applied, lang: Lang) -> Value {
    let warnings: Vec<String> = a
        .warnings
        .iter()
        .map(|w| crate::strings::warnings::warning(lang, w))
        .collect();
    let mut v = json!({
        "ok": true,
        "id": a.id,
        "case_no": a.case_no,
        "state": a.state.code(),
        "version": a.version,
        "due": a.due(store),
    });
    if !warnings.is_empty() {
        v["warnings"] = json!(warnings);
    }
    // Due dates in a year without an official holiday table are provisional (issue 16).
    let provisional = super::render::provisional_years(&a.clocks);
    if !provisional.is_empty() {
        v["provisional"] = json!(provisional);
    }
    v
}
