//! Help and report texts of the command line.

use super::Lang;

/// About-lines of the program and its subcommands, by name.
pub fn about(lang: Lang, name: &str) -> &'static str {
    match name {
        "xinfang" => lang.pick(
            "信访接待桌面：登记、交办、答复、归档，期限自动计算",
            "A desk for a letters-and-visits office: register, assign, reply, archive, with deadlines",
        ),
        "demo" => lang.pick(
            "生成演示台账（中文姓名、来信来访、各种状态、部分超期）后退出",
            "write a realistic demo ledger (Chinese names, letters, visits, all states, some overdue) and exit",
        ),
        "apply" => lang.pick(
            "逐行执行 JSON 命令（每行一个事务），每行输出一个 JSON 结果",
            "run commands given as JSON lines, one transaction each; print one JSON result per line",
        ),
        "show" => lang.pick("显示一件信访事项、办理过程和期限", "one case with its timeline and due dates"),
        "help" => lang.pick(
            "显示本说明，或某个命令的说明",
            "print this message or the help of the given command",
        ),
        "list" => lang.pick("列出信访事项（可按状态、超期、临期筛选）", "list cases (by state, overdue, due within N days)"),
        "search" => lang.pick(
            "全文检索：姓名、电话、主要问题、诉求、被反映对象、编号",
            "search names, phones, summary, request, target and case numbers",
        ),
        "repeats" => lang.pick(
            "查同一信访人的以往件（身份证号、电话或姓名+住址）",
            "earlier cases of one person (ID number, phone, or name + address)",
        ),
        "export" => lang.pick(
            "导出信访登记簿（csv、xlsx）或全部信访事项及办理记录（json）",
            "export the register (csv, xlsx) or every case with its events (json)",
        ),
        "check" => lang.pick(
            "检查台账完整性、哈希链，并由办理记录重算每张表逐行比对；发现问题时退出码为1并列出每处不一致",
            "integrity, hash chains, and every table recomputed from the journals row by row; exit 1 and name each difference if broken",
        ),
        "backup" => lang.pick("在线备份到新文件并校验", "consistent online copy to a new file, verified"),
        "report" => super::report::about(lang),
        "notice" => super::documents::about(lang),
        "replay" => super::replay::about(lang),
        "calendar" => lang.pick("本单位的节假日表", "the office's holiday tables"),
        "import" => super::import::about(lang),
        "calendar import" => lang.pick(
            "导入国务院公布的某年放假安排（与 assets/holidays/2026.json 同格式）；导入后该年期限不再是暂定日期，台账（--db）中未归档案件的到期日随之重算（领导）",
            "load a year's official holiday table (the shape of assets/holidays/2026.json); that year's dates are then no longer provisional, and the due dates of the cases not archived in the ledger (--db) follow it (a leader's)",
        ),
        "audit" | "operators" => super::audit::about(lang, name),
        "restore" => super::restore::about(lang),
        "completions" | "man" => super::usage::about(lang, name),
        "attach" | "attachments" => super::attachments::about(lang, name),
        _ => super::signin::about(lang, name),
    }
}

/// Help of each argument, by id.
pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "db" => lang.pick(
            "台账文件路径（也可用环境变量 XINFANG_DB；默认在用户数据目录）",
            "ledger file (or XINFANG_DB; default: the user's data directory)",
        ),
        "lang" => lang.pick("界面语言：zh-CN（默认）或 en", "interface language: zh-CN (default) or en"),
        "as" | "as_operator" => lang.pick("以哪位操作员身份使用", "the operator to act as"),
        "demo" => lang.pick("在临时演示台账上打开桌面", "open the desk on a fresh demo ledger in a temp file"),
        "cases" => lang.pick("生成多少件", "how many cases"),
        "seed" => lang.pick("随机种子（相同种子生成相同台账）", "random seed (same seed, same ledger)"),
        "file" => lang.pick("命令文件；省略或 - 表示标准输入", "command file; - or none for standard input"),
        "case" => lang.pick("案件编号（如 2026-0137）或内部序号", "case number (e.g. 2026-0137) or internal id"),
        "json" => lang.pick("以 JSON 输出", "print JSON"),
        "quick" => lang.pick(
            "只做日常快速检查：最近的哈希链、各表行数和编号计数器（不逐行与办理记录比对）",
            "the daily quick check only: the chains' newest events, row counts and number counters (no row-by-row replay)",
        ),
        "deep" => lang.pick(
            "另做 SQLite 的完整性检查：逐条核对索引与数据行（较慢）",
            "SQLite's integrity_check too: every index entry against its row (slow)",
        ),
        "table" => lang.pick(
            "某年放假安排的 JSON 文件（如 2027.json）",
            "a year's holiday table as JSON (e.g. 2027.json)",
        ),
        "state" => lang.pick(
            "状态：intake 待登记 / registered 已登记 / assigned 已交办 / replied 已答复 / archived 已归档",
            "state: intake / registered / assigned / replied / archived",
        ),
        "overdue" => lang.pick("只列超期件（超期最久的在前）", "overdue only, longest overdue first"),
        "due_within" => lang.pick("只列 N 日内到期的件", "only cases due within N days"),
        "limit" => lang.pick("最多列出多少件（0 表示全部）", "at most this many (0: all)"),
        "text" => lang.pick("检索词（两个汉字即可，如 拆迁、王伟）", "what to look for (2 Chinese characters are enough)"),
        "id_number" => lang.pick("身份证号码", "ID number"),
        "phone" => lang.pick("电话", "phone"),
        "name" => lang.pick("姓名（需同时给出住址）", "name (with --address)"),
        "address" => lang.pick("住址", "address"),
        "format" => lang.pick(
            "格式：json、csv（登记簿，Excel 可直接打开）或 xlsx（Excel 登记簿，须 --out）",
            "format: json, csv (the register, opens in Excel) or xlsx (an Excel workbook, needs --out)",
        ),
        "out" => lang.pick("输出文件（默认标准输出）", "output file (default: standard output)"),
        "period" => lang.pick(
            "统计期间：2026-11、2026-Q4、2026、2026-11-01..2026-11-15、2026-11-05，或 day（今天）、week（本周）、month（本月，默认）、quarter、year",
            "the period: 2026-11, 2026-Q4, 2026, 2026-11-01..2026-11-15, 2026-11-05, or day (today), week (this week), month (this month, the default), quarter, year",
        ),
        "report_format" => lang.pick(
            "格式：text（中文报告，默认）、json、csv（Excel 可直接打开）、html（可打印，A4）、xlsx（Excel 工作簿，须 --out）、docx（Word/WPS 文档：文字分析在前、表格在后，须 --out）",
            "format: text (the default), json, csv (opens in Excel), html (print-ready, A4), xlsx (an Excel workbook, needs --out), docx (Word/WPS: the analysis in words, then the tables; needs --out)",
        ),
        "top" => lang.pick("列出被反映最多的前几个单位", "how many of the most complained-about units to list"),
        "list" => lang.pick(
            "不出报告，改为分页列出超期件（overdue）或督办件（supervised）",
            "the overdue or supervised cases, a page at a time, instead of the report",
        ),
        "page" => lang.pick("列表的第几页（从 1 起）", "which page of the list (from 1)"),
        "all" => lang.pick("整个列表，逐页写出", "the whole list, written a page at a time"),
        "keys" | "size" => super::replay::arg_help(lang, id),
        "dest" => lang.pick("备份文件（不能已存在）", "backup file (must not exist)"),
        "basis" | "review_organ" | "again" | "print" | "to" | "advice" => {
            super::documents::arg_help(lang, id)
        }
        "preset" | "date" | "week" | "preset_case" => super::presets::arg_help(lang, id),
        "help" => lang.pick("显示帮助", "print help"),
        "version" => lang.pick("显示版本", "print version"),
        "since" | "full" => super::audit::arg_help(lang, id),
        "from" => super::restore::arg_help(lang),
        "shell" | "dir" => super::usage::arg_help(lang, id),
        "register" | "map" | "map_file" | "dry_run" | "skip_bad" | "skipped" | "template" => {
            super::import::arg_help(lang, id)
        }
        "files" | "save" | "remove" | "reason" | "attachments" => {
            super::attachments::arg_help(lang, id)
        }
        _ => super::signin::arg_help(lang, id),
    }
}

/// An option whose values are a closed set: its help lists every code with its name, from
/// the set itself, so a new document or dispute kind is in the help as soon as it exists.
pub fn arg_help_listing(lang: Lang, id: &str) -> Option<String> {
    use crate::domain::documents::DocKind;
    use crate::domain::screening::{DisputeKind, RiskLevel};
    let (what, items) = match id {
        "kind" => (
            lang.pick("文书种类", "kind"),
            codes(&DocKind::ALL, DocKind::code, |k| {
                super::documents::kind(lang, k)
            }),
        ),
        "screening_kind" => (
            lang.pick("纠纷类型", "dispute kind"),
            codes(&DisputeKind::ALL, DisputeKind::code, |k| {
                super::screening::kind(lang, k)
            }),
        ),
        "screening_risk" => (
            lang.pick("风险等级", "risk level"),
            codes(&RiskLevel::ALL, RiskLevel::code, |r| {
                super::screening::risk(lang, r)
            }),
        ),
        _ => return None,
    };
    let listed: Vec<String> = items
        .iter()
        .map(|(code, name)| match lang {
            Lang::Zh => format!("{code} {name}"),
            Lang::En => format!("{code} ({name})"),
        })
        .collect();
    Some(match lang {
        Lang::Zh => format!("{what}：{}", listed.join("、")),
        Lang::En => format!("{what}: {}", listed.join(", ")),
    })
}

/// Each of a closed set's values as its code and its name.
fn codes<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    name: impl Fn(T) -> &'static str,
) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|&v| (code(v), name(v))).collect()
}

/// An option's default, said after its help in Chinese (clap says `[default: …]` in English).
pub fn default_said(lang: Lang, help: &str, default: &str) -> String {
    match lang {
        // Said already (`month（本月，默认）`).
        Lang::Zh if help.contains("默认") => help.to_owned(),
        Lang::Zh => format!("{help}（默认：{default}）"),
        Lang::En => format!("{help} [default: {default}]"),
    }
}

/// clap's help layout in `lang`; the arguments' block only where the command has any (an
/// empty one left blank lines under the usage).
pub fn help_template(lang: Lang, has_subcommands: bool, has_positionals: bool) -> String {
    let (usage, commands, options) = match lang {
        Lang::Zh => ("用法：", "命令：", "选项："),
        Lang::En => ("Usage: ", "Commands:", "Options:"),
    };
    let middle = match (has_subcommands, has_positionals) {
        (true, _) => format!("{commands}\n{{subcommands}}\n\n"),
        (false, true) => "{positionals}\n\n".to_owned(),
        (false, false) => String::new(),
    };
    format!("{{about}}\n\n{usage}{{usage}}\n\n{middle}{options}\n{{options}}\n")
}

/// Column headings of `list` and `search`.
pub fn list_headings(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => [
            "编号",
            "收件日期",
            "渠道",
            "信访人",
            "问题分类",
            "状态",
            "期限",
        ],
        Lang::En => [
            "case",
            "received",
            "channel",
            "petitioner",
            "category",
            "state",
            "due",
        ],
    }
}

/// `list --state` with a word that is no state's code.
pub fn no_such_state(lang: Lang, s: &str) -> String {
    format!(
        "{}: {s} (intake | registered | assigned | replied | archived)",
        lang.pick("没有这个状态", "no such state")
    )
}

pub fn error_prefix(lang: Lang) -> &'static str {
    lang.pick("错误：", "error: ")
}

/// Said when a leader opens a desk whose office has no letterhead yet (a ledger from `init`).
pub fn letterhead_unset(lang: Lang) -> &'static str {
    lang.pick(
        "本单位信息（名称、文号前缀、复查机关等）尚未设置，文书出具前须先设置：按 p 进入「人员和部门」，再按 o",
        "the office letterhead (name, number prefix, review body…) is not set yet, and documents need it: press p for people and departments, then o",
    )
}

/// Where a backup went, and what opens it: the key slots stay with the ledger.
pub fn backup_written(lang: Lang, dest: &std::path::Path) -> String {
    let d = dest.display();
    match lang {
        Lang::Zh => format!(
            "备份已写出：{d}（及其 .receipt 回执）。备份仍是加密的；密钥槽文件（.keys）不随备份复制：从备份恢复到本台账用 xinfang restore；在别处打开它须用恢复密钥（--recovery-key-file），再用 xinfang recover 为领导写入新的密钥槽"
        ),
        Lang::En => format!(
            "backup written: {d} (with its .receipt). It stays encrypted; the key slots file (.keys) is not copied with it: restore it over this ledger with xinfang restore; elsewhere, open it with the recovery key (--recovery-key-file), then xinfang recover writes a leader's slot"
        ),
    }
}

/// A passphrase opened the ledger for `name`, whom the ledger does not list as an active
/// operator: a slot left from after the backup it was restored from, or someone taken off.
pub fn not_on_staff(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "「{name}」不是本台账的在岗人员，不能打开（台账可能是从较早的备份恢复的，或此人已离岗）：请领导在「人员和部门」中核对，需要时重新添加"
        ),
        Lang::En => format!(
            "'{name}' is not an active operator of this ledger and may not open it (the ledger may have been restored from an earlier backup, or they were taken off): a leader checks people and departments and adds them again if need be"
        ),
    }
}

pub fn no_ledger_path(lang: Lang) -> &'static str {
    lang.pick(
        "找不到用户数据目录：请用 --db 指定台账文件",
        "no user data directory: give the ledger with --db",
    )
}

/// Said before a ledger is upgraded: a large one takes minutes (the search index is
/// made anew), and a desk that shows nothing meanwhile looks hung.
pub fn upgrading(lang: Lang, from: i64, to: i64) -> String {
    match lang {
        Lang::Zh => {
            format!("正在升级台账（第 {from} 版 → 第 {to} 版）：大台账可能需要几分钟，请勿关闭……")
        }
        Lang::En => format!(
            "Upgrading the ledger (schema {from} → {to}): a large ledger can take minutes; do not close…"
        ),
    }
}

/// The desk started without a terminal (a pipe, a service, `< /dev/null`).
pub fn needs_terminal(lang: Lang) -> &'static str {
    lang.pick(
        "工作台需要在终端窗口中运行（标准输入和输出都须是终端）；脚本请用 xinfang apply、list、report 等命令",
        "the desk needs a terminal (its input and output both a terminal); scripts use xinfang apply, list, report and the other commands",
    )
}

pub fn demo_exists(lang: Lang) -> &'static str {
    lang.pick(
        "该台账已有信访事项：演示数据只写入新台账，请换一个 --db 路径",
        "that ledger already has cases: demo data goes only into a new ledger; pick another --db path",
    )
}

pub fn none_found(lang: Lang) -> &'static str {
    lang.pick("没有找到", "nothing found")
}

/// `XINFANG_NOW` that is not an RFC 3339 time.
pub fn bad_now(lang: Lang, given: &str) -> String {
    if lang == Lang::Zh {
        format!("XINFANG_NOW 应为带时区的时间，如 2026-12-05T10:00:00+08:00，而不是「{given}」")
    } else {
        format!(
            "XINFANG_NOW must be a time with its offset, e.g. 2026-12-05T10:00:00+08:00, not '{given}'"
        )
    }
}
