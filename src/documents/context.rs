//! What a template sees: the office, the number, the case in words and the
//! checked body of the document, with dates written the Chinese way.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde_json::{Value, json};

use super::wording::{QUOTE_MAX, first_person, quote, route_sentence, without_review_sentence};
use crate::domain::documents::{Addressee, Body, DocKind, OfficeProfile};
use crate::domain::types::{
    Decision, HandlingType, Level, Outcome, ServiceMethod, SuperviseGround,
};
use crate::store::RenderJob;
use crate::strings::{Lang, labels};

/// `2026年3月2日`.
pub fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

fn local(at: DateTime<FixedOffset>) -> NaiveDate {
    at.date_naive()
}

/// `张三` / `张三、李四` / `张三、李四（12人集体访的代表）`.
fn addressee_line(a: &Addressee) -> String {
    if a.names.is_empty() {
        return if a.anonymous {
            "匿名信访人".to_owned()
        } else {
            "信访人".to_owned()
        };
    }
    let names = a.names.join("、");
    if a.representatives {
        format!("{names}（{}人集体信访的代表）", a.people)
    } else {
        names
    }
}

/// Every `YYYY-MM-DD` string in the body as `2026年3月2日`; codes given
/// their Chinese words beside them (`outcome_label`, `ground_label`…).
fn words(body: &mut Value) {
    let Some(map) = body.as_object_mut() else {
        return;
    };
    let zh = Lang::Zh;
    let mut labels_to_add = Vec::new();
    for (key, v) in map.iter_mut() {
        let Some(s) = v.as_str() else { continue };
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            *v = json!(chinese_date(d));
            continue;
        }
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            *v = json!(chinese_date(local(t)));
            continue;
        }
        let quoted = Value::String(s.to_owned());
        let label = match key.as_str() {
            "outcome" => serde_json::from_value::<Outcome>(quoted)
                .ok()
                .map(|o| labels::outcome(zh, o)),
            "ground" => {
                serde_json::from_value::<crate::domain::types::DeclineGround>(quoted.clone())
                    .ok()
                    .map(|g| labels::decline_ground(zh, g))
                    .or_else(|| {
                        serde_json::from_value::<SuperviseGround>(quoted)
                            .ok()
                            .map(|g| labels::supervise_ground(zh, g))
                    })
            }
            "method" => serde_json::from_value::<ServiceMethod>(quoted)
                .ok()
                .map(|m| labels::service(zh, m)),
            "handling_type" => serde_json::from_value::<HandlingType>(quoted)
                .ok()
                .map(handling_type),
            _ => None,
        };
        if let Some(label) = label {
            labels_to_add.push((format!("{key}_label"), label));
        }
    }
    for (k, v) in labels_to_add {
        map.insert(k, json!(v));
    }
    // Templates test these; absent ones are null rather than undefined.
    for k in ["outcome_label", "method_label", "ground_label", "note"] {
        map.entry(k).or_insert(Value::Null);
    }
}

fn handling_type(t: HandlingType) -> &'static str {
    match t {
        HandlingType::Suggestion => "建议意见",
        HandlingType::Accusation => "检举控告",
        HandlingType::Claim => "申诉求决",
    }
}

/// An internal sheet names who petitioned; an anonymous letter says so, and a confidential
/// item names nobody: the handler's own screen masks the name, and a trial's 交办单, 督办单
/// and 催办单 of a confidential 举报 gave it to the unit on paper.
fn petitioner_line(intake: &crate::domain::case::Intake) -> String {
    if intake.confidential && !intake.anonymous {
        return "信访人（姓名保密）".to_owned();
    }
    let petitioners: Vec<&str> = intake
        .petitioners
        .iter()
        .map(|p| p.name.as_str())
        .filter(|n| !n.trim().is_empty())
        .collect();
    if intake.anonymous || petitioners.is_empty() {
        "匿名信访人".to_owned()
    } else if intake.people as usize > petitioners.len() {
        format!("{}等{}人", petitioners.join("、"), intake.people)
    } else {
        petitioners.join("、")
    }
}

/// How the unit a sheet goes to reaches the petitioners: the main one and the
/// representatives (at most five, Art 20), each with phone and address where recorded. None
/// for an anonymous or a confidential item: the sheet names nobody further.
fn contacts(intake: &crate::domain::case::Intake, to: Option<&str>) -> Option<String> {
    // Nor to the unit or person complained of (a claim passed to its township): the
    // petitioners' phones and addresses are not theirs to hold.
    let complained_of = [intake.target.as_deref(), intake.target_person.as_deref()];
    let to_them = to.is_some_and(|to| {
        (complained_of.into_iter().flatten()).any(|t| crate::domain::rules::names_accused(to, t))
    });
    if intake.anonymous || intake.confidential || to_them {
        return None;
    }
    let named: Vec<_> = (intake.petitioners.iter())
        .filter(|p| !p.name.trim().is_empty())
        .collect();
    // The main one and the representatives; with none marked, the first named.
    let marked = named.iter().any(|p| p.main || p.representative);
    let reached: Vec<String> = (named.iter().enumerate())
        .filter(|(n, p)| p.main || p.representative || (!marked && *n == 0))
        .map(|(_, p)| *p)
        .take(5)
        .filter_map(|p| {
            let parts: Vec<&str> = [p.phone.as_deref(), p.address.as_deref()]
                .into_iter()
                .flatten()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            (!parts.is_empty()).then(|| format!("{}（{}）", p.name.trim(), parts.join("，")))
        })
        .collect();
    (!reached.is_empty()).then(|| reached.join("；"))
}

/// Whom a sheet goes to, where it names a unit (a 转送单/交办单).
fn sent_to(body: &Body) -> Option<&str> {
    match body {
        Body::Transfer { to, .. } => Some(to.as_str()),
        _ => None,
    }
}

/// The whole context of one document.
pub fn build(job: &RenderJob) -> Value {
    let case = job.case;
    let intake = &case.intake;
    let mut body = serde_json::to_value(&job.content.body).unwrap_or(Value::Null);
    words(&mut body);
    let you = if job.content.addressee.names.len() > 1 {
        "你们"
    } else {
        "您"
    };
    reworded(&mut body, &job.content.body, you, job.profile);
    let petitioner_line = petitioner_line(intake);
    let case_no = case
        .case_no
        .clone()
        .unwrap_or_else(|| format!("#{}", case.id));
    json!({
        "office": job.profile,
        "kind": job.content.kind.code(),
        "title": title(&job.content.body, job.content.kind),
        "number": job.number,
        "date": chinese_date(local(job.at)),
        // Right-aligns the signature in the text: it is printed in a
        // monospaced box 36 characters (72 columns) wide.
        "pad": "　".repeat(22),
        "to": addressee_line(&job.content.addressee),
        "you": you,
        "sheet": !job.content.kind.to_petitioner(), // to a unit: set smaller (style.css)
        "repeat_notice": job.profile.repeat_notice(case.level()),
        "petitioner_line": petitioner_line,
        "contacts": contacts(intake, sent_to(&job.content.body)),
        "case": case_facts(case, &case_no),
        "body": body,
        "words": the_petitioners_words(&intake.summary, &intake.request, &case_no),
        // The sentence after a due date in a year without an official holiday table, or null.
        "provisional": (!job.provisional.is_empty())
            .then(|| crate::strings::calendar::provisional_in_notice(Lang::Zh, &job.provisional)),
        "issued": job.issued.iter().map(|d| json!({
            "title": d.kind.title(),
            "number": d.number,
            "date": DateTime::parse_from_rfc3339(&d.issued_at).map(|t| chinese_date(local(t))).unwrap_or_default(),
            "text": d.text,
        })).collect::<Vec<_>>(),
        // 附件 kept with the case, listed in the case file's contents (removed ones with why).
        "attachments": attachment_rows(case),
        "timeline": job.timeline.iter().map(|e| json!({
            "at": e.at.get(..16).unwrap_or(&e.at).replace('T', " "),
            "actor": e.actor,
            "what": timeline_words(&e.op, &e.command),
        })).collect::<Vec<_>>(),
    })
}

/// The case's facts a document states: number, receipt, channel, the matter, its decision
/// and assignment days.
fn case_facts(case: &crate::domain::case::Case, case_no: &str) -> Value {
    let intake = &case.intake;
    let referral = (intake.channel == crate::domain::types::Channel::Referral)
        .then_some(intake.referral.as_ref())
        .flatten();
    let decided = case
        .decision
        .as_ref()
        .map(|d| chinese_date(local(d.stamp.at)));
    let assigned = case
        .assignment
        .as_ref()
        .map(|a| chinese_date(local(a.stamp.at)));
    json!({
        "case_no": case_no,
        "received": chinese_date(local(intake.received_at)),
        "channel": labels::channel(Lang::Zh, intake.channel),
        // Art 23 第三款: an item passed down is told as received from the body that sent
        // it (接收情况), not as brought here by the petitioner.
        "referred_by": referral.map(|r| r.body.trim()).filter(|b| !b.is_empty()),
        // The superior's document number, cited in the 办结报告 and the 异议函 sent back.
        "referral_doc": (referral.and_then(|r| r.doc_no.as_deref()))
            .map(str::trim)
            .filter(|d| !d.is_empty()),
        "category": intake.category,
        "summary": intake.summary.trim(),
        "request": intake.request.trim(),
        "people": intake.people,
        "confidential": intake.confidential,
        "anonymous": intake.anonymous,
        "decided": decided,
        "assigned": assigned,
        "pass_on": matches!(case.decision.as_ref().map(|d| &d.decision), Some(Decision::PassOn { .. })),
    })
}

/// What the petitioner said, without the clerk's framing (issue 18): the request whole, the
/// summary whole and in brief, and the matter as a notice names it — the request quoted,
/// else what was reported.
fn the_petitioners_words(summary: &str, request: &str, case_no: &str) -> Value {
    let request = first_person(request);
    let brief = quote(&first_person(summary), QUOTE_MAX);
    let matter = if request.is_empty() {
        format!("反映的“{brief}”一事（编号{case_no}）")
    } else {
        format!(
            "提出的信访事项（编号{case_no}），诉求为“{}”",
            quote(&request, QUOTE_MAX)
        )
    };
    // The same matter as the petitioner raised it elsewhere (an item passed down).
    let reported = matter.replacen("提出的", "反映的", 1);
    json!({
        "matter": matter,
        "reported": reported,
        "brief": brief,
        "summary": first_person(summary),
        "request": request,
    })
}

/// The route as a sentence to the petitioner; the reply text without its own 复查 sentence.
/// The 四告知's phones; a flag's words and date.
fn reworded(body: &mut Value, checked: &Body, you: &str, profile: &OfficeProfile) {
    match checked {
        Body::Decline { route, ground, .. } => {
            body["route_sentence"] = json!(route_sentence(route, you));
            body["basis"] = json!(ground.article());
        }
        Body::Reply { facts, .. } => body["facts"] = json!(without_review_sentence(facts)),
        Body::Accept {
            leader,
            handler,
            department,
            ..
        } => {
            let phone = |who: &Option<String>| {
                who.as_deref()
                    .and_then(|w| profile.phone_of(w, department.as_deref()))
            };
            body["leader_phone"] = json!(phone(leader));
            body["handler_phone"] = json!(phone(handler));
        }
        Body::Warning { flags, .. } => {
            body["flags"] = flags
                .iter()
                .map(|f| {
                    json!({
                        "name": f.name,
                        "flag_label": crate::strings::backlog::flag(Lang::Zh, f.flag),
                        "reason": f.reason.trim().trim_end_matches('。'),
                        "on": chinese_date(f.on),
                    })
                })
                .collect();
        }
        Body::Transfer { .. }
        | Body::Extension { .. }
        | Body::Supervision { .. }
        | Body::Reminder { .. }
        | Body::Closing { .. }
        | Body::CaseFile { .. }
        | Body::NoFurther { .. }
        | Body::Whereabouts { .. }
        | Body::Advice { .. }
        | Body::Objection { .. } => {}
    }
}

/// The case's attachments as the case file's contents list them.
fn attachment_rows(case: &crate::domain::case::Case) -> Vec<Value> {
    let rows = case.attachments.iter().map(|a| {
        json!({
            "name": a.name,
            "type": a.media_type,
            "size": crate::strings::attachments::size(a.size),
            "sha": a.sha256.get(..12).unwrap_or(&a.sha256),
            "by": a.stamp.by,
            "date": chinese_date(local(a.stamp.at)),
            "removed": a.removed.as_ref().map(|r| r.reason.clone()),
        })
    });
    rows.collect()
}

/// The sheet is a 转送单 or a 交办单 by what was done; others their title.
fn title(body: &Body, kind: DocKind) -> &'static str {
    match body {
        Body::Transfer {
            mode: "pass_on", ..
        } => "转送单",
        Body::Transfer { .. } => "交办单",
        // Art 35: 提出复查意见，并予以书面答复; Art 36: 提出复核意见.
        Body::Reply {
            level: Level::Review,
            ..
        } => "复查意见书",
        Body::Reply {
            level: Level::ReReview,
            ..
        } => "复核意见书",
        Body::Accept { .. }
        | Body::Decline { .. }
        | Body::Extension { .. }
        | Body::Supervision { .. }
        | Body::Reminder { .. }
        | Body::Reply { .. }
        | Body::Closing { .. }
        | Body::CaseFile { .. }
        | Body::NoFurther { .. }
        | Body::Whereabouts { .. }
        | Body::Warning { .. }
        | Body::Advice { .. }
        | Body::Objection { .. } => kind.title(),
    }
}

/// A journal step in words; an issued document with its number.
fn timeline_words(op: &str, command: &Value) -> String {
    let what = labels::op(Lang::Zh, op);
    if op == "issue" {
        let kind = command
            .get("kind")
            .and_then(Value::as_str)
            .and_then(DocKind::parse)
            .map_or("", DocKind::title);
        let number = command.get("number").and_then(Value::as_str).unwrap_or("");
        return format!("{what} {kind} {number}").trim_end().to_owned();
    }
    what.to_owned()
}

/// The body's paragraphs (split on blank lines); a salutation (ending in
/// a colon) is not indented.
pub fn paragraphs(body: &str) -> Value {
    let mut out = Vec::new();
    for p in body.split("\n\n") {
        let text: Vec<&str> = p.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if text.is_empty() {
            continue;
        }
        let text = text.join("");
        let salutation = out.is_empty() && text.ends_with('：');
        out.push(json!({"text": text, "salutation": salutation}));
    }
    Value::Array(out)
}
