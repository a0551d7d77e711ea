//! 矛盾纠纷排查: names of its sets, its refusals, and the monthly table's words.

use super::Lang;
use crate::domain::screening::{
    ChangeKind, DisputeKind, Resolution, RiskLevel, RoundPeriod, ScreeningError,
};

pub fn kind(lang: Lang, k: DisputeKind) -> &'static str {
    match k {
        DisputeKind::Family => lang.pick("婚姻家庭", "marriage and family"),
        DisputeKind::Neighbour => lang.pick("邻里纠纷", "neighbours"),
        DisputeKind::Land => lang.pick("土地山林水利", "land, forest and water"),
        DisputeKind::Demolition => lang.pick("征地拆迁", "land taking and demolition"),
        DisputeKind::Labour => lang.pick("劳动劳资", "labour and wages"),
        DisputeKind::Medical => lang.pick("医疗纠纷", "medical"),
        DisputeKind::Environment => lang.pick("环境污染", "pollution"),
        DisputeKind::Property => lang.pick("物业管理", "property management"),
        DisputeKind::Enterprise => lang.pick("企业改制", "enterprise restructuring"),
        DisputeKind::Litigation => lang.pick("涉法涉诉", "law and litigation"),
        DisputeKind::Other => lang.pick("其他", "other"),
    }
}

pub fn risk(lang: Lang, r: RiskLevel) -> &'static str {
    match r {
        RiskLevel::General => lang.pick("一般", "general"),
        RiskLevel::Serious => lang.pick("较大", "serious"),
        RiskLevel::Major => lang.pick("重大", "major"),
    }
}

/// A case made from a register entry (`screening escalate --new`): its category until the
/// clerk sets one, its summary and its request.
pub fn escalated_category(lang: Lang) -> &'static str {
    lang.pick("其他", "其他")
}

pub fn escalated_summary(lang: Lang, no: i64, summary: &str) -> String {
    match lang {
        Lang::Zh => format!("{summary}（矛盾纠纷排查第{no}号转入）"),
        Lang::En => format!("{summary} (from screening entry {no})"),
    }
}

pub fn escalated_request(lang: Lang) -> &'static str {
    lang.pick("化解矛盾纠纷", "resolve the dispute")
}

pub fn state(lang: Lang, s: Resolution) -> &'static str {
    match s {
        Resolution::Screening => lang.pick("排查中", "screened"),
        Resolution::Resolving => lang.pick("化解中", "being resolved"),
        Resolution::Resolved => lang.pick("已化解", "resolved"),
        Resolution::Escalated => lang.pick("转为信访件", "became a case"),
    }
}

pub fn change(lang: Lang, c: ChangeKind) -> &'static str {
    match c {
        ChangeKind::Assign => lang.pick("包案/责任单位", "assign leader or unit"),
        ChangeKind::Start => lang.pick("开始化解", "start resolving"),
        ChangeKind::Resolve => lang.pick("化解", "resolve"),
        ChangeKind::Escalate => lang.pick("转为信访件", "make it a case"),
    }
}

pub fn period(lang: Lang, p: RoundPeriod) -> &'static str {
    match p {
        RoundPeriod::Week => lang.pick("每周", "weekly"),
        RoundPeriod::HalfMonth => lang.pick("每半月", "half-monthly"),
        RoundPeriod::Month => lang.pick("每月", "monthly"),
    }
}

fn field(lang: Lang, f: &str) -> &'static str {
    match f {
        "found_by" => lang.pick("排查人", "found_by (who found it)"),
        "unit" => lang.pick("排查单位", "unit (the screening unit)"),
        "place" => lang.pick("地点", "place"),
        "summary" => lang.pick("主要内容", "summary"),
        "responsible" => lang.pick("责任单位", "responsible (unit)"),
        "parties" => lang.pick("当事人", "parties"),
        "note" => lang.pick("化解措施或结果", "note (what was done)"),
        _ => lang.pick("必填项", "a required field"),
    }
}

pub fn error(lang: Lang, e: &ScreeningError) -> String {
    let pick = |zh: String, en: String| if lang == Lang::Zh { zh } else { en };
    match e {
        ScreeningError::Empty(f) => pick(
            format!("请填写{}", field(lang, f)),
            format!("{} is empty: fill it in", field(lang, f)),
        ),
        ScreeningError::WrongState {
            change: c,
            state: s,
        } => pick(
            format!("该排查事项{}，不能再{}", state(lang, *s), change(lang, *c)),
            format!(
                "the entry is {}: it cannot {} any more",
                state(lang, *s),
                change(lang, *c)
            ),
        ),
        ScreeningError::PartyInCharge { who, party } => pick(
            format!(
                "「{who}」是当事人（{party}），应当回避，不能作为包案领导或责任单位（《信访工作条例》第二十八条）"
            ),
            format!(
                "'{who}' is a party ({party}) and must step aside: not its leader nor its responsible unit (2022 Regulation Art 28)"
            ),
        ),
        ScreeningError::NotLeader(n) => pick(
            format!("包案领导「{n}」不是在岗的领导"),
            format!("the owning leader '{n}' is not an active leader"),
        ),
        ScreeningError::DeadlineBeforeFound => pick(
            "化解时限早于排查日期".to_owned(),
            "the deadline is before the day it was found".to_owned(),
        ),
        ScreeningError::NotFound(no) => pick(
            format!("没有排查第{no}号"),
            format!("no screening entry {no}"),
        ),
        ScreeningError::UnknownUnit(u) => pick(
            format!("「{u}」不是本单位的部门：零报告按部门报送，请先添加该部门"),
            format!(
                "'{u}' is not one of the office's departments: add it first (units report by department)"
            ),
        ),
        ScreeningError::ZeroWithEntries { unit, entries } => pick(
            format!("{unit}本轮已报排查事项{entries}件，不能再报零报告"),
            format!("{unit} reported {entries} entries this round: no 零报告 for it"),
        ),
        ScreeningError::ZeroTwice(u) => pick(
            format!("{u}本轮已报零报告"),
            format!("{u} already gave its 零报告 this round"),
        ),
        ScreeningError::NotAllowed(n) => pick(
            format!("「{n}」不能登记排查：排查台账由领导和登记员登记"),
            format!("'{n}' may not record screening: leaders and clerks keep the register"),
        ),
    }
}

/// What a write did, in one line.
pub fn done(lang: Lang, op: &str, v: &serde_json::Value) -> String {
    let zh = lang == Lang::Zh;
    let no = v["no"].as_i64().unwrap_or_default();
    match op {
        "screening" if zh => format!("已登记排查第{no}号"),
        "screening" => format!("screening entry {no} recorded"),
        "zero_report" if zh => format!(
            "{}零报告已登记（本轮自{}起）",
            v["unit"].as_str().unwrap_or_default(),
            v["round_start"].as_str().unwrap_or_default()
        ),
        "zero_report" => format!(
            "{}: zero report recorded (round from {})",
            v["unit"].as_str().unwrap_or_default(),
            v["round_start"].as_str().unwrap_or_default()
        ),
        _ => {
            let s = v["state"]
                .as_str()
                .and_then(Resolution::from_code)
                .map(|s| state(lang, s))
                .unwrap_or_default();
            if zh {
                format!("排查第{no}号：{s}")
            } else {
                format!("screening entry {no}: {s}")
            }
        }
    }
}

/// One entry as a line of `screening list`.
pub fn line(lang: Lang, e: &crate::domain::screening::Screening) -> String {
    let f = &e.found;
    let zh = lang == Lang::Zh;
    let leader = f.leader.as_deref().unwrap_or("-");
    let deadline = f.deadline.map_or_else(|| "-".to_owned(), |d| d.to_string());
    let case = e
        .case_id
        .map(|c| {
            if zh {
                format!(" 信访件#{c}")
            } else {
                format!(" case #{c}")
            }
        })
        .unwrap_or_default();
    if zh {
        format!(
            "排查{:>3}号 {} {} [{}/{}风险] {} 责任单位:{} 包案:{} 时限:{} {}{} — {}",
            e.no,
            f.found_on,
            f.unit,
            kind(lang, f.kind),
            risk(lang, f.risk),
            state(lang, e.state),
            f.responsible,
            leader,
            deadline,
            f.parties.join("、"),
            case,
            f.summary
        )
    } else {
        format!(
            "#{:>3} {} {} [{}, {} risk] {} responsible:{} leader:{} due:{} {}{} — {}",
            e.no,
            f.found_on,
            f.unit,
            kind(lang, f.kind),
            risk(lang, f.risk),
            state(lang, e.state),
            f.responsible,
            leader,
            deadline,
            f.parties.join(", "),
            case,
            f.summary
        )
    }
}

pub fn round_head(lang: Lang, r: crate::domain::screening::Round, p: RoundPeriod) -> String {
    if lang == Lang::Zh {
        format!("本轮排查（{}）：{} 至 {}", period(lang, p), r.start, r.end)
    } else {
        format!("This round ({}): {} to {}", period(lang, p), r.start, r.end)
    }
}

pub fn unit_line(lang: Lang, u: &crate::domain::screening::UnitRound) -> String {
    let zh = lang == Lang::Zh;
    let how = match (u.entries, u.zero) {
        (0, false) => lang.pick("未报送", "not reported").to_owned(),
        (0, true) => lang.pick("零报告", "zero report").to_owned(),
        (n, _) if zh => format!("报排查{n}件"),
        (n, _) => format!("{n} entries"),
    };
    format!("{}  {how}", u.unit)
}

/// `screening` and its subcommands' one-line help ("" for another name).
pub fn about(lang: Lang, name: &str) -> &'static str {
    match name {
        "screening" => lang.pick(
            "矛盾纠纷排查：台账、化解、零报告、月统计表",
            "dispute screening: the register, 化解, zero reports, the monthly table",
        ),
        "screening add" => lang.pick(
            "登记一条排查事项（JSON，字段同 apply 的 screening）",
            "record an entry (JSON, the fields of apply's screening)",
        ),
        "screening list" => lang.pick("列出排查台账", "list the register"),
        "screening assign" => lang.pick(
            "指定包案领导、责任单位或化解时限",
            "set its leader, responsible unit or deadline",
        ),
        "screening start" => lang.pick("开始化解（写明措施）", "start resolving (say how)"),
        "screening resolve" => lang.pick("登记已化解（写明结果）", "record it resolved (say how)"),
        "screening escalate" => lang.pick(
            "转为信访件：关联已登记的信访事项",
            "link it to the case it became",
        ),
        "screening zero-report" => lang.pick(
            "登记某单位本轮零报告",
            "record a unit's zero report for the round",
        ),
        "screening rounds" => lang.pick("本轮各单位报送情况", "this round: which units reported"),
        "screening table" => lang.pick(
            "月度《矛盾纠纷排查化解情况统计表》",
            "the monthly screening table",
        ),
        _ => "",
    }
}

pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "screening_json" => lang.pick("排查事项的 JSON", "the entry as JSON"),
        "no" => lang.pick("排查编号", "the entry's number"),
        "note" => lang.pick("化解措施或结果", "what was done"),
        "responsible" => lang.pick("责任单位", "the responsible unit"),
        "deadline" => lang.pick("化解时限（如 2026-03-31）", "deadline (e.g. 2026-03-31)"),
        "screening_leader" => lang.pick("包案领导", "the owning leader"),
        "screening_case" => lang.pick("信访事项编号或内部序号", "the case number or id"),
        "unit" => lang.pick("报送单位（部门名称）", "the reporting unit (a department)"),
        "date" => lang.pick(
            "哪一天所在的一轮（默认今天）",
            "the round holding this day (default today)",
        ),
        "missing" => lang.pick("只列未报送的单位", "only the units that have not reported"),
        "month" => lang.pick(
            "月份，如 2026-03（默认本月）",
            "month, e.g. 2026-03 (default this one)",
        ),
        "screening_format" => lang.pick("格式：text、html 或 xlsx", "format: text, html or xlsx"),
        _ => "",
    }
}

/// The leader's dashboard: the units that have not reported this round.
pub fn unreported(lang: Lang, r: &crate::domain::screening::Round, units: &[String]) -> String {
    let (a, b) = (r.start.format("%m-%d"), r.end.format("%m-%d"));
    if lang == Lang::Zh {
        format!(
            "排查未报送（{a}至{b}，{}个）：{}",
            units.len(),
            units.join("、")
        )
    } else {
        format!(
            "Units yet to file their screening report ({a} to {b}, {}): {}",
            units.len(),
            units.join(", ")
        )
    }
}
