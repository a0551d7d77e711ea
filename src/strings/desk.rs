//! Texts of the desk's live refresh and its hints (issue 17).

use super::Lang;

/// A form's case was changed at another desk since the form opened.
pub fn changed_meanwhile(lang: Lang, actor: &str, op: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "此事项刚被他人更改（{actor} {op}）：请核对后再按 Ctrl-S 保存，已填写的内容都在"
        ),
        Lang::En => format!(
            "this case was just changed at another desk ({actor}: {op}): check it, then Ctrl-S again to save; what you typed is kept"
        ),
    }
}

/// Ctrl-S on a form whose case changed at another desk, the first time since: the save
/// waits for one more, and says so (the same notice again read as a key that did nothing).
pub fn save_again(lang: Lang) -> &'static str {
    lang.pick(
        "尚未保存：此事项刚被他人更改，请核对；确认无误再按一次 Ctrl-S 即保存",
        "Not saved yet: this case was just changed at another desk; check it, and press Ctrl-S once more to save",
    )
}

/// A step's key on the dashboard where no case is selected (a list of petitioners, an
/// empty list).
pub fn select_a_case(lang: Lang) -> &'static str {
    lang.pick(
        "此键办理选中的信访事项：请先移到一件事项上",
        "This key acts on the selected case: move to a case first",
    )
}

/// An empty queue: how to take the first case in (`key`: the new-intake key).
pub fn no_cases_new(lang: Lang, key: &str) -> String {
    match lang {
        Lang::Zh => format!("没有符合条件的信访事项 · 按 {key} 新登记"),
        Lang::En => format!("no cases match · press {key} to take one in"),
    }
}

/// 待批示: an opinion waits for the leader's instruction.
pub fn waits_opinion(lang: Lang) -> &'static str {
    lang.pick("【意见待批】", "[opinion] ")
}

/// 待批示: an extension of `days` days was asked for `reason`.
pub fn waits_extension(lang: Lang, days: u32, reason: &str) -> String {
    match lang {
        Lang::Zh => format!("【申请延期{days}日：{reason}】"),
        Lang::En => format!("[extension {days} days: {reason}] "),
    }
}

/// A time of day later than now, typed for today.
pub fn time_in_future(lang: Lang, at: &str) -> String {
    match lang {
        Lang::Zh => format!("{at} 还没到：不能晚于现在"),
        Lang::En => format!("{at} has not come yet: no later than now"),
    }
}

/// The case shown is no longer the reader's to see after another desk's commit (assigned
/// elsewhere, a 回避, a 更正 of whom it accuses): closed, without saying which.
pub fn case_gone(lang: Lang) -> &'static str {
    lang.pick(
        "此事项刚在其他桌面办理后已不在您的查看范围内（如改办、回避或更正），已关闭",
        "after a step at another desk this case is no longer yours to see (assigned elsewhere, a recusal, a correction): closed",
    )
}
