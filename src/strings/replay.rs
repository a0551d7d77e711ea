//! Messages and headings of `xinfang replay`, the headless desk driven
//! from a key file.

use super::Lang;

pub fn about(lang: Lang) -> &'static str {
    lang.pick(
        "无终端回放：按键文件驱动桌面，逐键计时（按键到画面完成），输出最终画面",
        "the desk without a terminal: keys from a file, each timed from key to finished frame, and the final screen",
    )
}

pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "keys" => lang.pick(
            "按键文件：每行一个按键（j、ctrl-s、pgdn *100），或 text: 文字、paste: 文字、pause",
            "key file: one key a line (j, ctrl-s, pgdn *100), or text: …, paste: …, pause",
        ),
        "size" => lang.pick("窗口大小，宽x高", "window size, WIDTHxHEIGHT"),
        _ => "",
    }
}

/// Where a mistake in the key file is: the file and its line.
pub fn at(lang: Lang, file: &str, line: usize) -> String {
    match lang {
        Lang::Zh => format!("{file} 第 {line} 行："),
        Lang::En => format!("{file} line {line}: "),
    }
}

pub fn read_failed(lang: Lang, file: &str, error: &str) -> String {
    match lang {
        Lang::Zh => format!("无法读取按键文件 {file}：{error}"),
        Lang::En => format!("cannot read the key file {file}: {error}"),
    }
}

/// What a line may hold, for a line that was not understood.
const LINES_ZH: &str = "每行写一个按键（j、enter、ctrl-s、shift-tab、pgdn、f5、space…），\
    或 text: 要输入的文字、paste: 要粘贴的文字、pause（停顿，写草稿）；\
    按键后加 *N 表示按 N 次（pgdn *100）";
const LINES_EN: &str = "write one key a line (j, enter, ctrl-s, shift-tab, pgdn, f5, space…), \
    or text: what to type, paste: what to paste, pause (a pause in typing: the draft is written); \
    *N after a key presses it N times (pgdn *100)";

pub fn bad_key(lang: Lang, key: &str, suggestion: Option<&str>) -> String {
    match (lang, suggestion) {
        (Lang::Zh, Some(s)) => format!("无法识别的按键 \"{key}\"，应写作 {s}"),
        (Lang::Zh, None) => format!("无法识别的按键 \"{key}\"；{LINES_ZH}"),
        (Lang::En, Some(s)) => format!("unrecognised key \"{key}\"; write it as {s}"),
        (Lang::En, None) => format!("unrecognised key \"{key}\"; {LINES_EN}"),
    }
}

pub fn bad_repeat(lang: Lang, count: &str) -> String {
    match lang {
        Lang::Zh => format!("重复次数 \"{count}\" 应为 1 到 {MAX_REPEAT} 的整数，如 pgdn *100"),
        Lang::En => format!(
            "the repeat count \"{count}\" must be a whole number from 1 to {MAX_REPEAT}, as in pgdn *100"
        ),
    }
}

/// The largest `*N` a line may ask for.
pub const MAX_REPEAT: usize = 100_000;

pub fn empty_text(lang: Lang, directive: &str) -> String {
    match lang {
        Lang::Zh => format!("{directive}: 后面没有文字；写作 {directive}: 王伟"),
        Lang::En => format!("nothing after {directive}:; write it as {directive}: 王伟"),
    }
}

pub fn no_keys(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Zh => format!("按键文件 {file} 里没有按键；{LINES_ZH}"),
        Lang::En => format!("the key file {file} holds no keys; {LINES_EN}"),
    }
}

pub fn bad_size(lang: Lang, size: &str) -> String {
    match lang {
        Lang::Zh => format!("窗口大小 \"{size}\" 应写作 宽x高，各为 1 到 1000，如 120x40"),
        Lang::En => format!(
            "the window size \"{size}\" must be written WIDTHxHEIGHT, each 1 to 1000, as in 120x40"
        ),
    }
}

pub fn no_operator(lang: Lang) -> &'static str {
    lang.pick(
        "回放需要操作员：用 --as 姓名 指定（这个台账还没有上次使用的操作员）",
        "replay needs an operator: name one with --as NAME (this ledger has no last operator)",
    )
}

pub fn quit_early(lang: Lang, line: usize, left: usize) -> String {
    match lang {
        Lang::Zh => format!("第 {line} 行后桌面已退出，其余 {left} 个按键未执行"),
        Lang::En => format!("the desk quit after line {line}; {left} more keys were not pressed"),
    }
}

pub fn draw_failed(lang: Lang, error: &str) -> String {
    match lang {
        Lang::Zh => format!("无法绘制画面：{error}"),
        Lang::En => format!("cannot draw the screen: {error}"),
    }
}

/// The headings of the text report.
pub struct Headings {
    pub line: &'static str,
    pub key: &'static str,
    pub ms: &'static str,
    pub start: &'static str,
    pub keys: &'static str,
    pub min: &'static str,
    pub median: &'static str,
    pub max: &'static str,
    pub screen: &'static str,
}

pub fn headings(lang: Lang) -> Headings {
    match lang {
        Lang::Zh => Headings {
            line: "行",
            key: "按键",
            ms: "毫秒",
            start: "启动到首屏",
            keys: "按键数",
            min: "最小",
            median: "中位数",
            max: "最大",
            screen: "最终画面",
        },
        Lang::En => Headings {
            line: "line",
            key: "key",
            ms: "ms",
            start: "start to first screen",
            keys: "keys",
            min: "min",
            median: "median",
            max: "max",
            screen: "final screen",
        },
    }
}
