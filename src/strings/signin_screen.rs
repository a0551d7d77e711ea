//! Texts of the desk's sign-in screen, its change-passphrase step and the
//! idle lock.

use chrono::{DateTime, FixedOffset};

use super::Lang;

pub struct SignInText {
    pub title: &'static str,
    pub locked_title: &'static str,
    pub change_title: &'static str,
    /// A leader giving someone a one-time passphrase.
    pub reset_title: &'static str,
    pub who: &'static str,
    pub passphrase: &'static str,
    pub new_passphrase: &'static str,
    pub again: &'static str,
    pub keys: &'static str,
    /// While the name is being chosen: typing filters the names, not the passphrase.
    pub naming_keys: &'static str,
    /// In the passphrase's place while the name is being chosen.
    pub name_first: &'static str,
    /// Before the typed filter, under the names.
    pub filter: &'static str,
    /// The filter matches no name.
    pub no_match: &'static str,
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
    reset_title: "设定一次性口令（当面交给本人，首次登录须改掉）",
    who: "姓名",
    passphrase: "口令",
    new_passphrase: "新口令",
    again: "再输一次",
    keys: "↑↓ 换姓名   Enter 登录   Esc 退出",
    naming_keys: "输入姓名中的字筛选   ↑↓ 选择   Enter 确定姓名   Esc 退出",
    name_first: "（先选姓名，按 Enter）",
    filter: "筛选",
    no_match: "没有这个名字：Backspace 修改，或用 ↑↓ 选择",
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
    reset_title: "Give a one-time passphrase (hand it over in person; changed at first sign-in)",
    who: "Name",
    passphrase: "Passphrase",
    new_passphrase: "New passphrase",
    again: "Again",
    keys: "↑↓ another name   Enter sign in   Esc quit",
    naming_keys: "type to find your name   ↑↓ choose   Enter this is me   Esc quit",
    name_first: "(choose your name first, then Enter)",
    filter: "Find",
    no_match: "no such name: Backspace to change it, or ↑↓ to choose",
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
    let n = crate::domain::audit::MIN_PASSPHRASE_CHARS;
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
/// A new passphrase that is the one-time one a leader gave (and so knows).
/// Under a list of names longer than the box shows: which are shown, of how many.
pub fn more_names(lang: Lang, from: usize, to: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!("（第{from}–{to}位，共{total}位，↑↓ 翻看）"),
        Lang::En => format!("({from}–{to} of {total}, ↑↓ for more)"),
    }
}

pub fn same_as_given(lang: Lang) -> &'static str {
    lang.pick(
        "新口令不能与领导给的一次性口令相同：请另设一个只有自己知道的口令",
        "the new passphrase must differ from the one-time passphrase a leader gave: choose one only you know",
    )
}

/// A refusal names whose passphrase it was: a trial typed its own name into a colleague's
/// passphrase and was told only 口令不对.
pub fn refusal(lang: Lang, name: &str, e: &crate::store::KeyError) -> String {
    match e {
        crate::store::KeyError::Locked { until } => locked_until(lang, name, *until),
        other @ crate::store::KeyError::WrongPassphrase { .. } => {
            let sep = lang.pick("：", ": ");
            format!("{name}{sep}{}", super::signin::key_error(lang, other))
        }
        other => super::signin::key_error(lang, other),
    }
}

pub struct RecoveryText {
    pub title: &'static str,
    pub intro: &'static str,
    pub body: [&'static str; 3],
    pub confirm: &'static str,
    pub wrong: &'static str,
}

pub fn recovery(lang: Lang) -> &'static RecoveryText {
    match lang {
        Lang::Zh => &RECOVERY_ZH,
        Lang::En => &RECOVERY_EN,
    }
}

static RECOVERY_ZH: RecoveryText = RecoveryText {
    title: "恢复密钥（只显示这一次）",
    intro: "台账已建立并加密。下面是它的恢复密钥：",
    body: [
        "请现在抄在纸上，封存于单位保险柜。口令全部遗失或密钥槽文件损坏时，凭它可单独打开台账。",
        "任何拿到它的人都能读台账：不要存进电脑、不要拍照、不要发消息。",
        "抄好后，输入最后一组（4个字符）并按 Enter 进入工作台。",
    ],
    confirm: "最后一组：",
    wrong: "不对：请对照纸上抄的最后一组再输入",
};

static RECOVERY_EN: RecoveryText = RecoveryText {
    title: "Recovery key (shown this once only)",
    intro: "The ledger is created and encrypted. This is its recovery key:",
    body: [
        "Write it on paper now and keep it in the office safe. If every passphrase is lost or the key slots file is damaged, it opens the ledger alone.",
        "Whoever holds it can read the ledger: never store it on a computer, photograph or send it.",
        "Once written down, type its last group (4 characters) and press Enter to open the desk.",
    ],
    confirm: "Last group: ",
    wrong: "not that: type the last group again, as written on the paper",
};

/// Above the first leader's new passphrase, in the desk's first-run setup.
pub fn setup_intro(lang: Lang) -> &'static str {
    lang.pick(
        "为第一位领导设定口令（输入两次）。以后凭它登录；领导再为其他人开通。",
        "Choose the first leader's passphrase (twice). It signs you in from now on; you then add the others.",
    )
}

/// Above a one-time passphrase a leader gives someone (settings, K).
pub fn reset_intro(lang: Lang) -> &'static str {
    lang.pick(
        "为此人设一次性口令（输入两次），当面交给本人；首次登录时本人须改为自己的口令。",
        "Give this person a one-time passphrase (twice) and hand it over in person; they must choose their own at their first sign-in.",
    )
}
