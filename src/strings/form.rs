//! Texts of the forms: field labels, checks, notes and the repeat panel.

mod keys;

use super::{Lang, labels};
use crate::domain::op::Op;
use crate::domain::types::{DecisionKind, HandlingType, Urgency};
pub use keys::FieldKey;

/// The label of a form field (or of a case's fact of the same name).
/// Each field is declared with its label (`keys.rs`), so none lacks one.
pub fn label(lang: Lang, key: FieldKey) -> &'static str {
    let (zh, en) = key.texts();
    lang.pick(zh, en)
}

pub fn flag(lang: Lang, on: bool) -> &'static str {
    match on {
        true => lang.pick("[x] 是", "[x] yes"),
        false => lang.pick("[ ] 否", "[ ] no"),
    }
}

/// The heading of petitioner row `n` (from 1).
pub fn row_heading(lang: Lang, n: usize, main: bool) -> String {
    match (lang, main) {
        (Lang::Zh, true) => format!("信访人 {n}（主）"),
        (Lang::Zh, false) => format!("信访人 {n}"),
        (Lang::En, true) => format!("petitioner {n} (main)"),
        (Lang::En, false) => format!("petitioner {n}"),
    }
}

pub fn intake_title(lang: Lang, channel: &str) -> String {
    format!("{} {channel}", lang.pick("新登记", "New intake"))
}

pub fn action_title(lang: Lang, op: Op, case_no: &str) -> String {
    format!("{} · {case_no}", labels::step(lang, op))
}

pub fn archive_confirm(lang: Lang) -> &'static str {
    lang.pick(
        "归档后不再改动；按 Ctrl-S 归档，Esc 取消",
        "an archived case is not changed again: Ctrl-S archives, Esc cancels",
    )
}

pub fn undo_confirm(lang: Lang) -> &'static str {
    lang.pick(
        "撤销您在本案的上一步：案件恢复到该步骤之前，记录保留并标为已撤销；按 Ctrl-S 撤销，Esc 取消",
        "undo your last step on this case: it returns to how it was before, the record stays, marked undone. Ctrl-S undoes, Esc cancels",
    )
}

pub fn required(lang: Lang) -> &'static str {
    lang.pick("必填", "required")
}

pub fn date_format(lang: Lang) -> &'static str {
    lang.pick("日期格式：2026-03-01", "date format: 2026-03-01")
}

pub fn datetime_format(lang: Lang) -> &'static str {
    lang.pick(
        "时间格式：2026-03-01 09:30，或今天的 09:30",
        "time format: 2026-03-01 09:30, or 09:30 for today",
    )
}

pub fn date_in_future(lang: Lang) -> &'static str {
    lang.pick("日期不能晚于今天", "the date cannot be after today")
}

pub fn date_in_past(lang: Lang) -> &'static str {
    lang.pick("日期不能早于今天", "the date cannot be before today")
}

pub fn whole_number(lang: Lang) -> &'static str {
    lang.pick("请填写1以上的整数", "a whole number, 1 or more")
}

pub fn days_range(lang: Lang, cap: u32) -> String {
    match lang {
        Lang::Zh => format!("延长天数为 1 至 {cap} 天（第三十四条）"),
        Lang::En => format!("1 to {cap} days (Art 34)"),
    }
}

pub fn people_too_few(lang: Lang, rows: usize) -> String {
    match lang {
        Lang::Zh => format!("人数不能少于登记的信访人数（{rows}）"),
        Lang::En => format!("fewer people than the {rows} petitioners named"),
    }
}

pub fn postmark_after_received(lang: Lang) -> &'static str {
    lang.pick(
        "邮戳日期不能晚于收到日期",
        "the postmark cannot be after the day received",
    )
}

/// 听证: the last day of a hearing is not before its first.
pub fn hearing_ends_before_it_starts(lang: Lang) -> &'static str {
    lang.pick(
        "听证结束日期不能早于开始日期",
        "the hearing cannot end before it starts",
    )
}

pub fn name_or_anonymous(lang: Lang) -> &'static str {
    lang.pick(
        // Every channel that allows it (a letter, a call, a mailbox), not only letters.
        "必填；不愿具名的请勾选“匿名”",
        "required; tick \"anonymous\" if no name is given",
    )
}

/// Under the title while an accusation is typed and 保密 is not ticked.
pub fn accusation_confidential(lang: Lang) -> &'static str {
    lang.pick(
        "检举控告：信访人要求保密或有受打击报复之虞的，请勾选「保密」（第三十条第三款）",
        "an accusation: tick 保密 (confidential) when the petitioner asks it or risks reprisal (Art 30)",
    )
}

/// A live note under the form's title (2022 Art 20).
pub fn too_many_representatives(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已选代表 {n} 人：多人来访推选代表不超过5人（第二十条）"),
        Lang::En => format!("{n} representatives: a group chooses at most 5 (Art 20)"),
    }
}

pub fn linked(lang: Lang, ids: &str) -> String {
    match lang {
        Lang::Zh => format!("已关联：{ids}"),
        Lang::En => format!("linked to: {ids}"),
    }
}

pub fn no_rows(lang: Lang) -> &'static str {
    lang.pick("此表没有信访人行", "this form has no petitioner rows")
}

pub fn not_on_row(lang: Lang) -> &'static str {
    lang.pick(
        "请先把光标移到某位信访人的一栏",
        "move to a petitioner's row first",
    )
}

pub fn last_row(lang: Lang) -> &'static str {
    lang.pick("至少保留一位信访人", "keep at least one petitioner")
}

pub fn no_repeat(lang: Lang) -> &'static str {
    lang.pick("右侧没有可选的以往案件", "no earlier case to pick")
}

/// The summary of a 重复件 left blank: what the visitor raised again, said as such (a
/// trial's blank summary became the old case's words, dated today).
pub fn same_matter(lang: Lang, case: &str) -> String {
    match lang {
        Lang::Zh => format!("再次反映{case}所涉同一问题"),
        Lang::En => format!("raised again the matter of {case}"),
    }
}

pub fn not_open(lang: Lang) -> &'static str {
    lang.pick(
        "该件已答复或已归档，不能作为重复件并入；可用 Ctrl-L 关联后另行登记",
        "that case is replied or archived: link it with Ctrl-L and number this one anew",
    )
}

/// `8` or, when there are more than those shown, `8 件以上` (a trial told the leader of 8
/// earlier cases where there were 14).
fn at_least(lang: Lang, (n, more): (usize, bool)) -> String {
    match (lang, more) {
        (_, false) => n.to_string(),
        (Lang::Zh, true) => format!("{n}+（仅列最近{n}件）"),
        (Lang::En, true) => format!("{n}+ (the latest {n} shown)"),
    }
}

pub fn repeats_title(lang: Lang, shown: (usize, bool), name_only: bool) -> String {
    let n = at_least(lang, shown);
    match (lang, name_only) {
        (Lang::Zh, false) => format!("以往来访来信 {n} 件"),
        (Lang::Zh, true) => format!("同名 {n} 件（仅按姓名，请核对）"),
        (Lang::En, false) => format!("earlier cases: {n}"),
        (Lang::En, true) => format!("same name: {n} (name only, check)"),
    }
}

pub fn repeats_keys(lang: Lang) -> &'static str {
    lang.pick(
        "PgDn/PgUp 选择  Ctrl-L 关联  Ctrl-A 作为重复件并入  Ctrl-O 采用其电话住址",
        "PgDn/PgUp pick  Ctrl-L link  Ctrl-A attach as repeat  Ctrl-O take phone, address",
    )
}

/// Ctrl-O with nothing to fill: the fields are typed already or the earlier case has none.
pub fn nothing_to_copy(lang: Lang) -> &'static str {
    lang.pick(
        "没有可采用的：电话和住址已填写，或此前事项未登记",
        "nothing to take: phone and address are filled in, or the earlier case has none",
    )
}

/// Ctrl-O filled the blank phone and/or address from an earlier case.
pub fn contact_copied(lang: Lang, case: &str, phone: bool, address: bool) -> String {
    let what = match (lang, phone, address) {
        (Lang::Zh, true, true) => "电话和住址",
        (Lang::Zh, true, false) => "电话",
        (Lang::Zh, false, _) => "住址",
        (Lang::En, true, true) => "phone and address",
        (Lang::En, true, false) => "phone",
        (Lang::En, false, _) => "address",
    };
    match lang {
        Lang::Zh => format!("已采用 {case} 登记的{what}，请与来访人核对"),
        Lang::En => format!("took the {what} recorded on {case}: check them with the visitor"),
    }
}

/// The same ID number was recorded under another name on an earlier case.
pub fn name_differs(lang: Lang, earlier: &str) -> String {
    match lang {
        Lang::Zh => format!("⚠姓名不同（登记为{earlier}）"),
        Lang::En => format!("⚠name differs (recorded as {earlier})"),
    }
}

pub fn linked_to(lang: Lang, case: &str) -> String {
    match lang {
        Lang::Zh => format!("已关联以往案件 {case}，保存后一并记录"),
        Lang::En => format!("linked to {case}; recorded on save"),
    }
}

pub fn attached(lang: Lang, case_no: &str) -> String {
    match lang {
        Lang::Zh => format!("已作为重复件并入 {case_no}，未另行编号"),
        Lang::En => format!("attached to {case_no} as a repeat item, not numbered anew"),
    }
}

pub fn saved_intake(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("已录入 #{id}：按 d 作受理决定"),
        Lang::En => format!("taken in as #{id}: d to decide"),
    }
}

pub fn applied(lang: Lang, op: Op) -> String {
    let op = labels::step(lang, op);
    match lang {
        Lang::Zh => format!("已办理：{op}"),
        Lang::En => format!("done: {op}"),
    }
}

/// As [`applied`], naming what was done (a decision: 已办理：不予受理).
pub fn done(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Zh => format!("已办理：{what}"),
        Lang::En => format!("done: {what}"),
    }
}

pub fn discard_prompt(lang: Lang) -> &'static str {
    lang.pick(
        "表单已修改：再按 Esc 放弃，或 Ctrl-S 保存",
        "the form has changes: Esc again discards them, Ctrl-S saves",
    )
}

pub fn filter_hint(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh if n == 0 => "无匹配，Backspace 修改".to_owned(),
        Lang::En if n == 0 => "no match: Backspace to change".to_owned(),
        Lang::Zh => format!("匹配 {n} 项，←/→ 切换"),
        Lang::En => format!("{n} match, ←/→ to step"),
    }
}

/// An item whose kind (申诉求决, 建议意见, 检举控告) nobody chose.
pub fn unclassified(lang: Lang) -> &'static str {
    lang.pick("类型未选", "kind not chosen")
}

/// A choice field left with typed words that match none of its options.
pub fn no_match_on_save(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::Zh => format!("「{typed}」不是可选的一项：按 Backspace 删去，再用 ←/→ 选择"),
        Lang::En => format!("“{typed}” is none of the options: Backspace it, then choose with ←/→"),
    }
}

/// Option labels of the choice fields.
pub fn decision(lang: Lang, kind: DecisionKind) -> &'static str {
    match kind {
        DecisionKind::Accept => lang.pick("受理", "accept"),
        DecisionKind::Decline => lang.pick("不予受理", "decline"),
        DecisionKind::PassOn => lang.pick("转送", "pass on"),
        DecisionKind::Answered => lang.pick("当场答复", "answered on the spot"),
    }
}

/// The decision taken, as the office names it: a 转送 that asks for the 办结报告 back is a
/// 交办 (Art 22 (三)).
pub fn decided(lang: Lang, d: &crate::domain::types::Decision) -> &'static str {
    match d.reports_back() {
        Some(_) => labels::step(lang, crate::domain::op::Op::Assign),
        None => decision(lang, d.kind()),
    }
}

/// Under the 批示 form's title: the opinion it answers, and whose.
pub fn opinion_to_instruct(lang: Lang, by: &str, text: &str) -> String {
    match lang {
        Lang::Zh => format!("处理意见（{by}）：{text}"),
        Lang::En => format!("opinion ({by}): {text}"),
    }
}

pub fn approve(lang: Lang, yes: bool) -> &'static str {
    match yes {
        true => lang.pick("同意", "approve"),
        false => lang.pick("退回重办", "return for rework"),
    }
}

pub fn none(lang: Lang) -> &'static str {
    lang.pick("（无）", "(none)")
}

/// A petitioner's 性别 and, beside a number that is not a resident ID's, its 证件类型.
pub fn petitioner_kind(
    lang: Lang,
    p: &crate::domain::intake::Petitioner,
) -> (Option<&'static str>, Option<&'static str>) {
    use crate::domain::identity::IdType;
    let sex = p.sex.map(|s| labels::sex(lang, s));
    let other = p.id_number.is_some() && p.id_type != IdType::ResidentId;
    (
        sex,
        other.then(|| super::validation::id_type_label(lang, p.id_type)),
    )
}

/// A petitioner's work unit among their other facts, named (an address and a unit side by
/// side read as one).
pub fn work_unit_said(lang: Lang, unit: &str) -> String {
    format!(
        "{}{}{unit}",
        label(lang, FieldKey::WorkUnit),
        lang.pick("：", ": ")
    )
}

/// 性别 not chosen (a resident ID number fills it in as the clerk leaves the number).
pub fn sex_unset(lang: Lang) -> &'static str {
    lang.pick("（未填）", "(not given)")
}

pub fn handling_type(lang: Lang, kind: HandlingType) -> &'static str {
    match kind {
        HandlingType::Claim => lang.pick("申诉求决", "claim"),
        HandlingType::Suggestion => lang.pick("建议意见", "suggestion"),
        HandlingType::Accusation => lang.pick("检举控告", "accusation"),
    }
}

pub fn urgency(lang: Lang, urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Major => lang.pick("重大紧急", "major/urgent"),
        Urgency::Normal => lang.pick("一般", "normal"),
    }
}

pub fn no_operator(lang: Lang) -> &'static str {
    lang.pick(
        "尚未选择操作员：请用 --as 姓名 启动",
        "no operator chosen: start with --as NAME",
    )
}

pub fn restore_prompt(lang: Lang, what: &str, saved_at: &str) -> String {
    match lang {
        Lang::Zh => format!("有未保存的表单：{what}（{saved_at}）。Enter 恢复，Esc 丢弃"),
        Lang::En => {
            format!("a form was left unsaved: {what} ({saved_at}). Enter restores it, Esc drops it")
        }
    }
}

pub fn main_mark(lang: Lang) -> &'static str {
    lang.pick("（主）", " (main)")
}

pub fn representative_mark(lang: Lang) -> &'static str {
    lang.pick("（代表）", " (representative)")
}

pub fn errors_to_fix(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("未保存：{n} 项需要更正（已标红），光标已移到其中第一项"),
        Lang::En => {
            format!("not saved: {n} item(s) to correct (in red); the cursor is on the first")
        }
    }
}

pub fn draft_title(lang: Lang) -> &'static str {
    lang.pick("未保存的草稿", "Unsaved draft")
}

pub fn new_intake_prompt(lang: Lang) -> &'static str {
    lang.pick("新登记（Esc 取消）", "new intake (Esc cancels)")
}

pub fn say_why_returned(lang: Lang) -> &'static str {
    lang.pick("退回重办须写明要求", "say what to change when returning it")
}

pub fn choose_one(lang: Lang) -> &'static str {
    lang.pick("请选择", "choose one")
}

pub fn nothing_to_choose(lang: Lang) -> &'static str {
    lang.pick(
        "没有可选项：请先在设置中添加",
        "nothing to choose: add some in the settings first",
    )
}

/// The empty first choice of a pick list.
pub fn choose_prompt(lang: Lang) -> &'static str {
    lang.pick("（请选择）", "(choose)")
}

pub fn others_title(lang: Lang, shown: (usize, bool)) -> String {
    let n = at_least(lang, shown);
    match lang {
        Lang::Zh => format!("同一信访人的其他件（{n}）"),
        Lang::En => format!("the same petitioner's other cases ({n})"),
    }
}

pub fn colon(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}

pub fn semicolon(lang: Lang) -> &'static str {
    lang.pick("；", "; ")
}

pub fn confirm_remove_row(lang: Lang) -> &'static str {
    lang.pick(
        "这一栏已填写：再按 Ctrl-D 删除",
        "this row has been filled in: Ctrl-D again removes it",
    )
}

pub fn confirm_attach(lang: Lang, case: &str) -> String {
    match lang {
        Lang::Zh => format!("并入 {case} 作为重复件，不另行编号：再按 Ctrl-A 确认"),
        Lang::En => {
            format!("attach to {case} as a repeat item, not numbered: Ctrl-A again to confirm")
        }
    }
}

pub fn person_title(lang: Lang, name: Option<&str>) -> String {
    match (lang, name) {
        (Lang::Zh, Some(n)) => format!("修改人员 · {n}"),
        (Lang::Zh, None) => "新增人员".to_owned(),
        (Lang::En, Some(n)) => format!("Change · {n}"),
        (Lang::En, None) => "New operator".to_owned(),
    }
}

pub fn department_title(lang: Lang) -> &'static str {
    lang.pick("新增部门", "New department")
}

pub fn saved_settings(lang: Lang) -> &'static str {
    lang.pick("已保存", "saved")
}

pub fn duplicate_name(lang: Lang) -> &'static str {
    lang.pick(
        "已有同名人员：请在列表中选中后修改",
        "that name exists: pick it in the list to change it",
    )
}

pub fn reception_title(lang: Lang) -> &'static str {
    lang.pick("记录领导接待", "Record a reception")
}

pub fn schedule_title(lang: Lang) -> &'static str {
    lang.pick("排接待日", "Schedule a reception day")
}

/// Beside a multi-line field whose lines do not all show.
pub fn more_lines(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("…（共{n}行）"),
        Lang::En => format!("… ({n} lines)"),
    }
}

/// An item taken in and not yet numbered (a draft of its decision), by `#id` as the queue
/// shows it: not 新登记, which reads as a new intake form.
pub fn unnumbered(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("未编号件 #{id}"),
        Lang::En => format!("item #{id}, not yet numbered"),
    }
}
