//! The command line's usage errors (clap's, said again in the user's language), and the
//! texts of `completions` and `man`.

use super::Lang;

/// What was wrong with the command line, from clap's error kind and context.
pub enum Mistake<'a> {
    UnknownArgument {
        arg: &'a str,
        suggested: Option<&'a str>,
    },
    UnknownCommand {
        name: &'a str,
        suggested: Option<&'a str>,
    },
    /// A value the argument does not take: the values it takes (`valid`, empty when not a
    /// fixed set), or why not (`why`, from the argument's own check).
    InvalidValue {
        arg: &'a str,
        value: &'a str,
        valid: &'a [String],
        why: Option<&'a str>,
    },
    /// The argument needs a value and none was given.
    MissingValue {
        arg: &'a str,
    },
    MissingArgument {
        args: &'a [String],
    },
    MissingCommand,
    Conflict {
        arg: &'a str,
        prior: &'a str,
    },
    WrongCount {
        arg: &'a str,
    },
}

/// The mistake in words (no "error: " before it).
pub fn mistake(lang: Lang, m: &Mistake) -> String {
    match lang {
        Lang::Zh => zh(m),
        Lang::En => en(m),
    }
}

fn zh(m: &Mistake) -> String {
    let maybe = |s: Option<&str>| s.map_or(String::new(), |s| format!("（是不是要用 {s}？）"));
    match m {
        Mistake::UnknownArgument { arg, suggested } => {
            format!("不认识的参数 {arg}{}", maybe(*suggested))
        }
        Mistake::UnknownCommand { name, suggested } => {
            format!("没有 {name} 这个命令{}", maybe(*suggested))
        }
        // The check's own words quote the value.
        Mistake::InvalidValue {
            arg,
            why: Some(why),
            ..
        } => format!("参数 {arg}：{why}"),
        Mistake::InvalidValue {
            arg,
            value,
            valid: [],
            ..
        } => format!("参数 {arg} 的值“{value}”无效"),
        Mistake::InvalidValue {
            arg, value, valid, ..
        } => {
            format!(
                "参数 {arg} 的值“{value}”无效，可用的值：{}",
                valid.join("、")
            )
        }
        Mistake::MissingValue { arg } => format!("参数 {arg} 后面缺少值"),
        Mistake::MissingArgument { args } => format!("缺少必需的参数：{}", args.join("、")),
        Mistake::MissingCommand => "缺少命令".to_owned(),
        Mistake::Conflict { arg, prior } => format!("参数 {arg} 不能与 {prior} 同时使用"),
        Mistake::WrongCount { arg } => format!("参数 {arg} 的值的个数不对"),
    }
}

fn en(m: &Mistake) -> String {
    let maybe = |s: Option<&str>| s.map_or(String::new(), |s| format!(" (did you mean {s}?)"));
    match m {
        Mistake::UnknownArgument { arg, suggested } => {
            format!("unknown argument {arg}{}", maybe(*suggested))
        }
        Mistake::UnknownCommand { name, suggested } => {
            format!("no such command: {name}{}", maybe(*suggested))
        }
        Mistake::InvalidValue {
            arg,
            why: Some(why),
            ..
        } => format!("{arg}: {why}"),
        Mistake::InvalidValue {
            arg,
            value,
            valid: [],
            ..
        } => {
            format!("invalid value \"{value}\" for {arg}")
        }
        Mistake::InvalidValue {
            arg, value, valid, ..
        } => format!(
            "invalid value \"{value}\" for {arg}; possible values: {}",
            valid.join(", ")
        ),
        Mistake::MissingValue { arg } => format!("{arg} needs a value"),
        Mistake::MissingArgument { args } => {
            format!("missing required argument: {}", args.join(", "))
        }
        Mistake::MissingCommand => "a command is missing".to_owned(),
        Mistake::Conflict { arg, prior } => format!("{arg} cannot be used with {prior}"),
        Mistake::WrongCount { arg } => format!("wrong number of values for {arg}"),
    }
}

/// A number argument given something else.
pub fn not_a_number(lang: Lang) -> &'static str {
    lang.pick("应为不带小数的非负整数", "must be a whole number")
}

/// The line after a usage error: where the help is.
pub fn see_help(lang: Lang, command: Option<&str>) -> String {
    let cmd = command.map_or(String::new(), |c| format!(" {c}"));
    match lang {
        Lang::Zh => format!("用法见 xinfang{cmd} --help"),
        Lang::En => format!("see xinfang{cmd} --help"),
    }
}

/// `man --dir DIR`: where the pages went.
pub fn man_written(lang: Lang, dir: &str) -> String {
    match lang {
        Lang::Zh => format!("手册页已写到 {dir}"),
        Lang::En => format!("man pages written to {dir}"),
    }
}

pub fn about(lang: Lang, name: &str) -> &'static str {
    match name {
        "completions" => lang.pick(
            "输出命令行补全脚本（bash、zsh、fish、powershell、elvish）",
            "print the shell completion script (bash, zsh, fish, powershell, elvish)",
        ),
        "man" => lang.pick(
            "输出手册页（man page）；--dir 则为每个命令各写一页",
            "print the man page; with --dir, write one page per command",
        ),
        _ => "",
    }
}

pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "shell" => lang.pick(
            "哪种命令行：bash、zsh、fish、powershell、elvish",
            "which shell: bash, zsh, fish, powershell, elvish",
        ),
        "dir" => lang.pick(
            "写入手册页的目录（如 /usr/local/share/man/man1）",
            "the directory to write the pages into (e.g. /usr/local/share/man/man1)",
        ),
        _ => "",
    }
}
