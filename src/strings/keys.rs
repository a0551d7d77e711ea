//! Messages about `keys.toml`, the office's key bindings.

use super::Lang;
use super::ui::action;

/// Where a message is about: the file, and the line when it is known.
pub fn at(lang: Lang, file: &str, line: Option<usize>) -> String {
    match (lang, line) {
        (Lang::Zh, Some(n)) => format!("{file} 第 {n} 行："),
        (Lang::Zh, None) => format!("{file}："),
        (Lang::En, Some(n)) => format!("{file} line {n}: "),
        (Lang::En, None) => format!("{file}: "),
    }
}

pub fn read_failed(lang: Lang, file: &str, error: &str) -> String {
    match lang {
        Lang::Zh => format!("无法读取 {file}：{error}"),
        Lang::En => format!("cannot read {file}: {error}"),
    }
}

/// The TOML parser's own message is in English whatever the language.
pub fn syntax(lang: Lang, message: &str) -> String {
    match lang {
        Lang::Zh => format!("不是有效的 TOML：{}", message.trim()),
        Lang::En => format!("not valid TOML: {}", message.trim()),
    }
}

pub fn unknown_section(lang: Lang, name: &str, known: &[&str]) -> String {
    match lang {
        Lang::Zh => format!("没有分组 [{name}]；可用的分组：{}", known.join("、")),
        Lang::En => format!(
            "there is no section [{name}]; the sections are {}",
            known.join(", ")
        ),
    }
}

/// `queue = "n"` at the top: a section must be a table.
pub fn not_a_section(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("[{name}] 应是一个分组，其下每行写 操作 = \"按键\""),
        Lang::En => format!("[{name}] must be a section, with one action = \"key\" per line"),
    }
}

pub fn unknown_action(lang: Lang, section: &str, name: &str, known: &[&str]) -> String {
    match lang {
        Lang::Zh => format!(
            "[{section}] 中没有操作 \"{name}\"；可用的操作：{}",
            known.join("、")
        ),
        Lang::En => format!(
            "[{section}] has no action \"{name}\"; its actions are {}",
            known.join(", ")
        ),
    }
}

pub fn bad_value(lang: Lang, section: &str, name: &str) -> String {
    match lang {
        Lang::Zh => format!("[{section}] {name} 应写成一个按键 \"n\" 或几个按键 [\"n\", \"F2\"]"),
        Lang::En => {
            format!("[{section}] {name} must be one key, \"n\", or a list of keys, [\"n\", \"F2\"]")
        }
    }
}

/// The keys one may write, for a key that was not understood.
const SYNTAX_ZH: &str = "可写单个字符，或 ctrl-x、alt-x、shift-tab、enter、esc、tab、up、down、left、right、pgup、pgdn、home、end、f1…f12、space、backspace、delete";
const SYNTAX_EN: &str = "write a single character, or ctrl-x, alt-x, shift-tab, enter, esc, tab, up, down, left, right, pgup, pgdn, home, end, f1…f12, space, backspace, delete";

pub fn bad_key(lang: Lang, key: &str, suggestion: Option<&str>) -> String {
    match (lang, suggestion) {
        (Lang::Zh, Some(s)) => format!("无法识别的按键 \"{key}\"，应写作 {s}"),
        (Lang::Zh, None) => format!("无法识别的按键 \"{key}\"；{SYNTAX_ZH}"),
        (Lang::En, Some(s)) => format!("unrecognised key \"{key}\"; write it as {s}"),
        (Lang::En, None) => format!("unrecognised key \"{key}\"; {SYNTAX_EN}"),
    }
}

pub fn ctrl_c(lang: Lang) -> String {
    lang.pick(
        "Ctrl-C 总是退出，不能改作他用",
        "Ctrl-C always quits and cannot be bound",
    )
    .to_owned()
}

/// A plain character in a form would stop it being typed.
pub fn typing_key(lang: Lang, section: &str, key: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "[{section}] 中不能用 {key}：表单里它要用来输入文字；请用 ctrl-x、alt-x 或功能键"
        ),
        Lang::En => format!(
            "{key} cannot be used in [{section}]: a form needs it for typing; use ctrl-x, alt-x or a function key"
        ),
    }
}

/// One key, two actions on one screen.
pub fn conflict(lang: Lang, key: &str, context: &str, first: &str, second: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "按键 {key} 在{}中既是“{}”又是“{}”",
            context_name(lang, context),
            action(lang, first),
            action(lang, second)
        ),
        Lang::En => format!(
            "the key {key} is bound to both \"{}\" and \"{}\" on the {}",
            action(lang, first),
            action(lang, second),
            context_name(lang, context)
        ),
    }
}

/// The screens, by `keymap::Context::name`.
pub fn context_name(lang: Lang, context: &str) -> &'static str {
    match context {
        "queue" => lang.pick("工作台", "queue"),
        "case" => lang.pick("案件页", "case screen"),
        "form" => lang.pick("登记表", "intake form"),
        "action" => lang.pick("办理表单", "action form"),
        "setup" => lang.pick("初始设置", "setup"),
        _ => lang.pick("界面", "screen"),
    }
}
