//! What a 更正 changed, for its line on the timeline: each field as it read and as it reads
//! now (the journal's before and after of the intake), summary and request said changed;
//! and why one is refused.

use serde_json::Value;

use super::Lang;
use crate::domain::error::WorkflowError as E;

/// A petitioner's fields the line names, with their labels.
const PERSON: [(&str, &str, &str); 5] = [
    ("name", "姓名", "name"),
    ("id_number", "证件号码", "ID number"),
    ("phone", "电话", "phone"),
    ("address", "住址", "address"),
    ("work_unit", "工作单位", "work unit"),
];

/// The record's own fields the line names.
const RECORD: [(&str, &str, &str); 6] = [
    ("people", "人数", "people"),
    ("contact", "联系方式", "contact"),
    ("letter_no", "信件编号", "letter number"),
    ("location", "问题发生地", "place"),
    ("target", "被反映单位", "accused unit"),
    ("target_person", "被反映人", "accused person"),
];

/// The texts too long for a line: said changed.
const LONG: [(&str, &str, &str); 2] = [
    ("summary", "主要问题", "summary"),
    ("request", "诉求", "request"),
];

fn shown(v: &Value) -> String {
    match v {
        Value::Null => "—".to_owned(),
        Value::String(s) if s.is_empty() => "—".to_owned(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// "电话 18874688867→18874688876；主要问题已改" from the journal's before and after.
pub fn changes(lang: Lang, before: Option<&Value>, after: &Value) -> String {
    let (old, new) = (
        &before.map_or(&Value::Null, |b| &b["intake"]),
        &after["intake"],
    );
    let label = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut out = Vec::new();
    let rows = |v: &Value| v["petitioners"].as_array().cloned().unwrap_or_default();
    let (was, now) = (rows(old), rows(new));
    for i in 0..was.len().max(now.len()) {
        match (was.get(i), now.get(i)) {
            (Some(a), Some(b)) => {
                for (key, zh, en) in PERSON {
                    if a[key] != b[key] {
                        out.push(format!(
                            "{} {}→{}",
                            label(zh, en),
                            shown(&a[key]),
                            shown(&b[key])
                        ));
                    }
                }
            }
            (None, Some(b)) => out.push(format!(
                "{} {}",
                label("增加信访人", "added"),
                shown(&b["name"])
            )),
            (Some(a), None) => out.push(format!(
                "{} {}",
                label("删去信访人", "removed"),
                shown(&a["name"])
            )),
            (None, None) => {}
        }
    }
    for (key, zh, en) in RECORD {
        if old[key] != new[key] {
            out.push(format!(
                "{} {}→{}",
                label(zh, en),
                shown(&old[key]),
                shown(&new[key])
            ));
        }
    }
    for (key, zh, en) in LONG {
        if old[key] != new[key] {
            out.push(format!("{}{}", label(zh, en), label("已改", " changed")));
        }
    }
    out.join(lang.pick("；", "; "))
}

/// Why a 更正 is refused, and what to do.
pub fn refused(lang: Lang, e: &E) -> String {
    match e {
        E::ConfidentialStays => lang.pick(
            "保密件不能通过更正取消保密（《信访工作条例》第三十条第三款）：如确需让承办人看到信访人信息，请领导准许查看",
            "a confidential case stays confidential: a correction does not lift it (Art 30 第三款); a leader may let the handler see the petitioners instead",
        ).to_owned(),
        E::AccusedByLeader => lang.pick(
            "被反映单位、被反映人须由领导更正：它决定谁不得看到本件（《信访工作条例》第三十条第三款）。请领导更正；其余内容可由您更正",
            "only a leader corrects the accused unit or person: it decides who must never see the case (Art 30 §3). Ask a leader; the rest you may correct yourself",
        ).to_owned(),
        E::AccusedHolds { holder, target } => if lang == Lang::Zh {
            format!("更正后本件反映的对象是「{target}」，而本件正由「{holder}」承办或包案：检举控告材料不得转给被检举、揭发的人员或者单位（《信访工作条例》第三十条第三款）。请先改交其他部门、承办人或包案领导（积案的包案领导、专班亦同），再更正")
        } else {
            format!("corrected, the case accuses '{target}', and '{holder}' now handles or owns it: accusation material must never reach the accused (Art 30 §3). Assign it to another department, handler or owning leader first (or change the 积案's leader or team), then correct")
        },
        _ => lang.pick(
            "更正内容与原登记相同：请改正登记有误的内容后再保存",
            "the correction is the same as the record: change what was recorded wrong, then save",
        ).to_owned(),
    }
}
