//! What a 更正 changed, for its line on the timeline: each field as it read and as it reads
//! now (the journal's before and after of the intake), summary and request said changed.

use serde_json::Value;

use super::Lang;

/// A petitioner's fields the line names, with their labels.
const PERSON: [(&str, &str, &str); 5] = [
    ("name", "姓名", "name"),
    ("id_number", "证件号码", "ID number"),
    ("phone", "电话", "phone"),
    ("address", "住址", "address"),
    ("work_unit", "工作单位", "work unit"),
];

/// The record's own fields the line names.
const RECORD: [(&str, &str, &str); 4] = [
    ("people", "人数", "people"),
    ("contact", "联系方式", "contact"),
    ("letter_no", "信件编号", "letter number"),
    ("location", "问题发生地", "place"),
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
