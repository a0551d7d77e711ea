//! Texts of the desk's sign-in screen, its change-passphrase step and the
//! idle lock.

use chrono::{DateTime, FixedOffset};

use super::Lang;

pub struct SignInText {
    pub title: &'static str,
    pub locked_title: &'static str,
    pub change_title: &'static str,
    pub who: &'static str,
    pub passphrase: &'static str,
    pub new_passphrase: &'static str,
    pub again: &'static str,
    pub keys: &'static str,
    pub locked_keys: &'static str,
    pub change_keys: &'static str,
    pub locked_intro: &'static str,
    pub change_intro: &'static str,
    pub mismatch: &'static str,
    pub empty: &'static str,
    pub no_one: &'static str,
    pub checking: &'static str,
}

pub fn text(lang: Lang) -> &'static SignInText {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: SignInText = SignInText {
    title: "登录",
    locked_title: "桌面已锁定",
    change_title: "请设定自己的口令",
    who: "姓名",
    passphrase: "口令",
    new_passphrase: "新口令",
    again: "再输一次",
    keys: "↑↓ 选姓名   Enter 登录   Esc 退出",
    locked_keys: "Enter 解锁   Ctrl-C 退出（未保存的表单留作草稿）",
    change_keys: "Enter 下一步   Esc 退出",
    locked_intro: "长时间无操作，桌面已锁定；屏幕和未填完的表单都原样保留。请输入口令继续。",
    change_intro: "领导给的是一次性口令：请设定只有自己知道的口令，输入两次。",
    mismatch: "两次输入的口令不一样：请重新输入",
    empty: "请输入口令",
    no_one: "这个台账还没有人能登录：请领导用 xinfang passwd 或 recover 开通",
    checking: "正在核对口令…",
};

static EN: SignInText = SignInText {
    title: "Sign in",
    locked_title: "The desk is locked",
    change_title: "Choose your own passphrase",
    who: "Name",
    passphrase: "Passphrase",
    new_passphrase: "New passphrase",
    again: "Again",
    keys: "↑↓ name   Enter sign in   Esc quit",
    locked_keys: "Enter unlock   Ctrl-C quit (an unsaved form is kept as a draft)",
    change_keys: "Enter next   Esc quit",
    locked_intro: "The desk was idle and locked; the screen and any unfinished form are kept as they were. Type your passphrase to go on.",
    change_intro: "A leader gave you a one-time passphrase: choose one only you know, and type it twice.",
    mismatch: "the two passphrases differ: type them again",
    empty: "type your passphrase",
    no_one: "nobody can sign in to this ledger yet: a leader opens a slot with xinfang passwd or recover",
    checking: "checking the passphrase…",
};

/// The length policy, stated on the change screen.
pub fn policy(lang: Lang) -> String {
    let n = crate::store::MIN_PASSPHRASE_CHARS;
    if lang == Lang::Zh {
        format!("至少{n}个字符；可用汉字、字母、数字和空格，一句话最好记")
    } else {
        format!(
            "at least {n} characters; any letters, digits and spaces — a sentence is easiest to remember"
        )
    }
}

/// Locked out: until when, in the office's local time.
pub fn locked_until(lang: Lang, name: &str, until: DateTime<FixedOffset>) -> String {
    let at = until.format("%H:%M");
    let minutes = crate::store::LOCKOUT_MINUTES;
    if lang == Lang::Zh {
        format!(
            "{name} 连续{}次输错口令，已锁定{minutes}分钟，到 {at} 才能再试；急用请找领导",
            crate::store::MAX_FAILED
        )
    } else {
        format!(
            "{name} typed a wrong passphrase {} times in a row and is locked for {minutes} minutes, until {at}; ask a leader if it is urgent",
            crate::store::MAX_FAILED
        )
    }
}

/// A key error at the sign-in screen or the lock; a lockout says until when,
/// in the office's local time.
pub fn refusal(lang: Lang, name: &str, e: &crate::store::KeyError) -> String {
    match e {
        crate::store::KeyError::Locked { until } => locked_until(lang, name, *until),
        other => super::signin::key_error(lang, other),
    }
}
