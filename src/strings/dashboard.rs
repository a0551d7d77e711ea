//! Texts of the leader's dashboard.

use super::Lang;

pub fn title(lang: Lang) -> &'static str {
    lang.pick("领导视图", "Leader's view")
}

/// A list's heading, by its code (`List::code`).
pub fn list(lang: Lang, code: &str) -> &'static str {
    match code {
        "major" => lang.pick("重大紧急", "major / urgent"),
        "overdue" => lang.pick("已超期", "overdue"),
        "due_soon" => lang.pick("即将到期", "due soon"),
        "awaiting" => lang.pick("待批示", "waiting for instruction"),
        "owned" => lang.pick("我包案的", "cases I own"),
        "today" => lang.pick("今日收件", "taken in today"),
        "groups" => lang.pick("集体访", "group visits"),
        "repeaters" => lang.pick("重复信访人", "repeat petitioners"),
        "flagged" => lang.pick("重点信访人", "key petitioners"),
        _ => "",
    }
}

/// A list's heading with its length: `已超期（521）`, `overdue (521)`.
pub fn list_titled(lang: Lang, code: &str, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{}（{count}）", list(lang, code)),
        Lang::En => format!("{} ({count})", list(lang, code)),
    }
}

pub fn visits(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Zh => format!("{n} 件"),
        Lang::En => format!("{n} cases"),
    }
}

pub fn none(lang: Lang) -> &'static str {
    lang.pick("（无）", "(none)")
}

pub fn own_confirm(lang: Lang) -> &'static str {
    lang.pick(
        "包案：由你负责此件直至办结；按 Ctrl-S 确认，Esc 取消",
        "take this case as yours to see through: Ctrl-S confirms, Esc cancels",
    )
}
