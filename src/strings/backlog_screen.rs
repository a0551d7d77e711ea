//! The 积案 screen's words: its title and headings, the selected case's file, the entry.

use super::Lang;
use crate::domain::backlog::BacklogAct;

/// What a line of the 积案 entry asks for (named here, as the form's `FieldKey` is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// The case to mark (its number), when it is not on the list yet.
    Case,
    Reason,
    Leader,
    Members,
    Date,
    Participants,
    Conclusion,
    Note,
}

pub fn title(lang: Lang, n: usize, days: u32, repeats: u32) -> String {
    match lang {
        Lang::Zh if repeats > 0 => {
            format!("信访积案（{n}）  超期{days}日以上、重复信访{repeats}次以上或领导认定")
        }
        Lang::Zh => format!("信访积案（{n}）  超期{days}日以上或领导认定"),
        Lang::En if repeats > 0 => format!(
            "Backlog cases ({n}): {days}+ days overdue, {repeats}+ repeat petitions, or marked"
        ),
        Lang::En => format!("Backlog cases ({n}): {days}+ days overdue, or marked"),
    }
}

pub fn heads(lang: Lang) -> [String; 6] {
    [
        lang.pick("案件编号", "case"),
        lang.pick("积案原因", "why"),
        lang.pick("包案领导", "leader"),
        lang.pick("专班", "team"),
        lang.pick("最近会商", "consulted"),
        lang.pick("化解进展", "progress"),
    ]
    .map(str::to_owned)
}

pub fn empty(lang: Lang) -> &'static str {
    lang.pick(
        " 没有积案 · 按 m 认定一件",
        " no backlog cases · m marks one",
    )
}

/// The case screen's 积案 heading: why it is 积案, or that it no longer is.
pub fn on_case(lang: Lang, grounds: &str) -> String {
    match (lang, grounds.is_empty()) {
        (Lang::Zh, false) => format!("信访积案（{grounds}）"),
        (Lang::Zh, true) => "信访积案档案（现已不属积案）".to_owned(),
        (Lang::En, false) => format!("Backlog case ({grounds})"),
        (Lang::En, true) => "Backlog file (no longer a backlog case)".to_owned(),
    }
}

pub fn leader(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("包案领导：{name}"),
        Lang::En => format!("owning leader: {name}"),
    }
}

pub fn summary(lang: Lang, no: &str, summary: &str) -> String {
    match lang {
        Lang::Zh => format!("{no} 主要问题：{summary}"),
        Lang::En => format!("{no}: {summary}"),
    }
}

/// The 化解进展 column of a 积案 with none recorded yet: its problem, said not to be progress.
pub fn no_progress(lang: Lang, summary: &str) -> String {
    match lang {
        Lang::Zh => format!("（未录进展）{summary}"),
        Lang::En => format!("(none yet) {summary}"),
    }
}

pub fn marked(lang: Lang, by: &str, on: &str, why: &str) -> String {
    match lang {
        Lang::Zh => format!("领导认定：{by} {on}：{why}"),
        Lang::En => format!("marked by {by} on {on}: {why}"),
    }
}

pub fn team(lang: Lang, members: &str) -> String {
    match lang {
        Lang::Zh => format!("专班：{members}"),
        Lang::En => format!("team: {members}"),
    }
}

pub fn meeting(lang: Lang, on: &str, who: &str, conclusion: &str, n: usize) -> String {
    match lang {
        Lang::Zh => format!("会商（共{n}次，最近 {on}）：{who}；结论：{conclusion}"),
        Lang::En => format!("consulted {n}x, last {on}: {who}; concluded: {conclusion}"),
    }
}

pub fn progress(lang: Lang, on: &str, by: &str, note: &str, n: usize) -> String {
    match lang {
        Lang::Zh => format!("化解进展（共{n}条，最近 {on} {by}）：{note}"),
        Lang::En => format!("progress ({n}, last {on} by {by}): {note}"),
    }
}

pub fn entry_title(lang: Lang, act: BacklogAct, case: &str) -> String {
    let what = match act {
        BacklogAct::Mark => lang.pick("认定积案", "mark as backlog"),
        BacklogAct::Leader => lang.pick("包案领导", "owning leader"),
        BacklogAct::Team => lang.pick("专班", "team"),
        BacklogAct::Meeting => lang.pick("登记会商", "record a consultation"),
        BacklogAct::Progress => lang.pick("化解进展", "progress"),
    };
    if case.is_empty() {
        format!(" {what} ")
    } else {
        format!(" {what} · {case} ")
    }
}

pub fn ask(lang: Lang, a: Ask) -> &'static str {
    match a {
        Ask::Case => lang.pick("案件编号", "case number"),
        Ask::Reason => lang.pick("认定理由", "why"),
        Ask::Leader => lang.pick("包案领导", "leader"),
        Ask::Members => lang.pick("专班成员（、分隔）", "members (comma-separated)"),
        Ask::Date => lang.pick("会商日期", "date"),
        Ask::Participants => lang.pick("参加人（、分隔）", "participants (comma-separated)"),
        Ask::Conclusion => lang.pick("会商结论", "conclusion"),
        Ask::Note => lang.pick("进展", "progress"),
    }
}

pub fn entry_keys(lang: Lang) -> &'static str {
    lang.pick(
        "Enter 下一项/保存  Tab 切换  Ctrl-S 保存  Esc 取消",
        "Enter next/save  Tab move  Ctrl-S save  Esc cancel",
    )
}

pub fn fill(lang: Lang, a: Ask) -> String {
    match lang {
        Lang::Zh => format!("请填写{}", ask(lang, a)),
        Lang::En => format!("{} is empty", ask(lang, a)),
    }
}

pub fn bad_date(lang: Lang) -> &'static str {
    lang.pick(
        "会商日期请写成 2026-04-01 的格式",
        "write the date as 2026-04-01",
    )
}

pub fn none_selected(lang: Lang) -> &'static str {
    lang.pick("请先选中一件积案", "select a backlog case first")
}

pub fn saved(lang: Lang) -> &'static str {
    lang.pick("已保存（已记入操作日志）", "saved (in the office journal)")
}
