//! The county's reports as presets (日报、周报、月报、专报): titles, lines and headings.

use chrono::NaiveDate;

use super::Lang;
use crate::domain::presets::{Line, Preset};
use crate::domain::stats::PeriodKind;

pub fn title(lang: Lang, p: Preset) -> &'static str {
    match p {
        Preset::Daily => lang.pick("信访工作日报", "daily report to unit heads"),
        Preset::Weekly => lang.pick("信访工作周报", "weekly report to the leaders"),
        Preset::Monthly => lang.pick("信访工作月报", "monthly report by unit"),
        Preset::Special => lang.pick("信访工作专报", "special report on one case"),
    }
}

/// A by-unit report's title: the 日报's, else by the kind of its period (`UnitReport::kind`),
/// the county's 月报 for a month; a day's or a week's apart from the 日报 and the leaders'
/// 周报 written beside it.
pub fn units_title(lang: Lang, p: Preset, kind: PeriodKind) -> &'static str {
    match (p, kind) {
        (Preset::Monthly, PeriodKind::Day) => {
            lang.pick("信访工作日报（分单位）", "daily report by unit")
        }
        (Preset::Monthly, PeriodKind::Week) => {
            lang.pick("信访工作周报（分单位）", "weekly report by unit")
        }
        (Preset::Monthly, PeriodKind::Month) => title(lang, p),
        (Preset::Monthly, PeriodKind::Quarter) => {
            lang.pick("信访工作季报", "quarterly report by unit")
        }
        (Preset::Monthly, PeriodKind::Year) => lang.pick("信访工作年报", "yearly report by unit"),
        (Preset::Monthly, PeriodKind::Range) => {
            lang.pick("信访工作报表（分单位）", "report by unit")
        }
        (Preset::Daily | Preset::Weekly | Preset::Special, _) => title(lang, p),
    }
}

/// A line's label; the cases received are said by the period's kind (本月新收, 本周新收…).
pub fn line(lang: Lang, l: Line, kind: PeriodKind) -> &'static str {
    if l == Line::Received {
        return match kind {
            PeriodKind::Day => lang.pick("当日新收", "received that day"),
            PeriodKind::Week => lang.pick("本周新收", "received this week"),
            PeriodKind::Month => lang.pick("本月新收", "received this month"),
            PeriodKind::Quarter => lang.pick("本季度新收", "received this quarter"),
            PeriodKind::Year => lang.pick("本年新收", "received this year"),
            PeriodKind::Range => lang.pick("期内新收", "received in the period"),
        };
    }
    match l {
        Line::Assigned => lang.pick("今日交办", "assigned today"),
        Line::DueToday => lang.pick("今日到期", "due today"),
        Line::Overdue => lang.pick("已超期", "overdue"),
        Line::FeedbackDue => lang.pick("督办、催办今日应反馈", "feedback due today"),
        Line::Supervised => lang.pick("督办", "supervised"),
        Line::Reminded => lang.pick("催办", "reminded"),
        Line::Received => lang.pick("本月新收", "received this month"),
        Line::Open => lang.pick("在办（未答复）", "open (not replied)"),
    }
}

/// The period line under the title.
pub fn period(lang: Lang, from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        match lang {
            Lang::Zh => format!("日期：{from}"),
            Lang::En => format!("Date: {from}"),
        }
    } else {
        match lang {
            Lang::Zh => format!("期间：{from} 至 {to}"),
            Lang::En => format!("Period: {from} to {to}"),
        }
    }
}

/// The day open and overdue items are counted at (`d`); after the period's end (`to`) it
/// is the day the report was made, and is called so.
pub fn cutoff(lang: Lang, d: NaiveDate, to: NaiveDate) -> String {
    match (lang, d > to) {
        (Lang::Zh, false) => format!("在办、超期截至：{d}"),
        (Lang::Zh, true) => format!("在办、超期截至制表日：{d}"),
        (Lang::En, false) => format!("Open and overdue as of {d}"),
        (Lang::En, true) => format!("Open and overdue as of {d}, the day this was made"),
    }
}

/// A unit's heading; the cases not yet 交办'd have none.
pub fn unit(lang: Lang, name: &str) -> String {
    if name.is_empty() {
        lang.pick("（尚未交办）", "(not yet assigned)").to_owned()
    } else {
        name.to_owned()
    }
}

pub fn count(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Zh => format!("{n}件"),
        Lang::En => format!("{n}"),
    }
}

/// After the case numbers listed of `total`, `left` of them not listed: 「2026-0001、
/// 2026-0002等60件」 (等 and the whole count, no 、 before it), "…, and 58 more".
pub fn more(lang: Lang, left: u64, total: u64) -> String {
    match lang {
        Lang::Zh => format!("等{total}件"),
        Lang::En => format!(", and {left} more"),
    }
}

pub fn nothing(lang: Lang) -> &'static str {
    lang.pick("无事项。", "Nothing to report.")
}

/// The 周报's columns.
pub fn leader_heads(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => [
            "领导",
            "接访天数",
            "接访批次",
            "接访人次",
            "阅批来信",
            "批示件次",
            "会商",
        ],
        Lang::En => [
            "leader",
            "reception days",
            "visitors",
            "person-times",
            "letters signed",
            "instructions",
            "consultations",
        ],
    }
}

pub fn key_petitioners(lang: Lang) -> &'static str {
    lang.pick("重点信访人", "key petitioners")
}

pub fn flag_heads(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["姓名", "类别", "事由", "标注日期", "标注人"],
        Lang::En => ["name", "flag", "reason", "since", "by"],
    }
}

/// What the 周报's figures count.
pub fn weekly_notes(lang: Lang) -> &'static str {
    lang.pick(
        "说明：接访天数为本周领导接待日安排及有接访记录的日期数；批次为接访记录数，人次为所涉事项人数之和（无关联事项的记录按1人计）；阅批来信为领导本周批示过的来信件数，批示件次为本周批示次数；会商为本周参加的积案会商次数。",
        "Reception days: days on the leader's reception schedule or with a reception recorded; visitors: reception records; person-times: the people of each record's case (1 for a record without a case); letters signed: letter cases the leader gave an instruction on in the week; instructions: instructions given in the week; consultations: backlog-case consultations the leader took part in.",
    )
}

/// The 专报's headings, in order.
pub fn special_heads(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["基本情况", "办理经过", "信访人标注", "积案情况", "领导批示"],
        Lang::En => [
            "the case",
            "timeline",
            "flags on the petitioner",
            "backlog",
            "leader's instruction",
        ],
    }
}

/// The facts' labels of the 专报.
pub fn fact_labels(lang: Lang) -> [&'static str; 14] {
    match lang {
        Lang::Zh => [
            "编号",
            "收件日期",
            "渠道",
            "人数",
            "信访人",
            "问题分类",
            "被反映单位",
            "主要问题",
            "诉求",
            "承办单位",
            "状态",
            "包案领导",
            "期限",
            "督办",
        ],
        Lang::En => [
            "number",
            "received",
            "channel",
            "people",
            "petitioners",
            "category",
            "unit complained of",
            "summary",
            "request",
            "handled by",
            "state",
            "owning leader",
            "due",
            "supervision",
        ],
    }
}

/// A 专报's supervision: how many times, and the latest's requirement and feedback date.
pub fn supervised(lang: Lang, times: usize, latest: Option<(&str, &str, NaiveDate)>) -> String {
    match (latest, lang) {
        (None, _) => "—".to_owned(),
        (Some((ground, text, by)), Lang::Zh) => {
            let text = if text.is_empty() {
                String::new()
            } else {
                format!("，{text}")
            };
            format!("{times}次；最近：{ground}{text}（反馈期限{by}）")
        }
        (Some((ground, text, by)), Lang::En) => {
            let text = if text.is_empty() {
                String::new()
            } else {
                format!(", {text}")
            };
            let times = if times == 1 {
                "once".to_owned()
            } else {
                format!("{times} times")
            };
            format!("{times}; latest: {ground}{text} (feedback by {by})")
        }
    }
}

pub fn not_backlog(lang: Lang) -> &'static str {
    lang.pick("非积案。", "Not a backlog case.")
}

pub fn no_flags(lang: Lang) -> &'static str {
    lang.pick("无。", "None.")
}

pub fn backlog_line(lang: Lang, grounds: &str, leader: &str, meetings: usize) -> String {
    match lang {
        Lang::Zh => format!("积案（{grounds}）；包案领导：{leader}；会商{meetings}次。"),
        Lang::En => {
            let consultations = match meetings {
                1 => "1 consultation".to_owned(),
                n => format!("{n} consultations"),
            };
            format!("Backlog ({grounds}); owning leader: {leader}; {consultations}.")
        }
    }
}

/// The space left for the leaders' 批示.
pub fn sign_here(lang: Lang) -> [&'static str; 2] {
    match lang {
        Lang::Zh => ["批示：", "签名：　　　　　　　　日期：　　年　　月　　日"],
        Lang::En => ["Instruction:", "Signed:                    Date:"],
    }
}

/// `--preset` given a period it does not take, or missing one it needs.
pub fn needs_case(lang: Lang) -> &'static str {
    lang.pick(
        "专报需要 --case 指明事项编号",
        "the special report needs --case with the case number",
    )
}

pub fn bad_date(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Zh => format!("日期格式应为 YYYY-MM-DD：{s}"),
        Lang::En => format!("a date is YYYY-MM-DD: {s}"),
    }
}

pub fn no_csv(lang: Lang) -> &'static str {
    lang.pick(
        "专报没有 CSV 格式，请用 text、html 或 json",
        "the special report has no CSV form: use text, html or json",
    )
}

pub fn no_sheet(lang: Lang) -> &'static str {
    lang.pick(
        "预设报表可用格式：text、html、json、csv",
        "a preset report is text, html, json or csv",
    )
}

/// Help of `report --preset`'s arguments.
pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "preset" => lang.pick(
            "县里的固定报表：daily 日报（各承办单位当日事项）、weekly 周报（各领导一周接访、阅批、批示、会商与重点信访人）、monthly 月报（各单位新收、在办、超期、督办）、special 专报（一件事项供主要领导批示）",
            "the county's reports: daily (each unit's items of the day), weekly (each leader's receptions, letters signed, instructions, consultations; key petitioners), monthly (each unit's received, open, overdue and supervised items), special (one case for the top leaders to instruct on)",
        ),
        "date" => lang.pick("日报的日期（YYYY-MM-DD，默认今天）", "the daily report's day (YYYY-MM-DD, default today)"),
        "week" => lang.pick("周报所在周的任一天（默认本周）", "any day of the weekly report's week (default this week)"),
        "preset_case" => lang.pick("专报的事项编号", "the special report's case number"),
        _ => "",
    }
}
