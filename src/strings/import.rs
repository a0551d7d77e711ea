//! Texts of `xinfang import`: the problems of a row, the plan of a row, the summary.

use super::{Lang, labels};
use crate::domain::command::Command;
use crate::domain::identity::mask_id;
use crate::import::header::Field;
use crate::import::plan::{Problem, RowPlan};

/// A column's name: the register's heading in Chinese, its English heading in English.
pub fn field(lang: Lang, f: Field) -> &'static str {
    let names = f.names();
    lang.pick(names[0], names[names.len() - 1])
}

pub fn problem(lang: Lang, p: &Problem) -> String {
    match (lang, p) {
        (Lang::Zh, Problem::Missing(f)) => format!("缺少{}", field(lang, *f)),
        (Lang::En, Problem::Missing(f)) => format!("{} is missing", field(lang, *f)),
        (Lang::Zh, Problem::BadDate(f, s)) => {
            format!(
                "{}“{s}”不是日期（可写 2025-03-08、2025.3.8、2025/3/8 或 2025年3月8日）",
                field(lang, *f)
            )
        }
        (Lang::En, Problem::BadDate(f, s)) => {
            format!(
                "{} \"{s}\" is not a date (write 2025-03-08, 2025.3.8, 2025/3/8 or 2025年3月8日)",
                field(lang, *f)
            )
        }
        // The row is named: the number masked, as everywhere it is shown outside the case
        // (the message may be kept in a terminal's log).
        (Lang::Zh, Problem::LostDigits(s)) => format!(
            "身份证号“{}”被表格存成了数字，后几位已丢失：请从原始材料补正，并把该列设为文本",
            mask_id(s)
        ),
        (Lang::En, Problem::LostDigits(s)) => format!(
            "ID number \"{}\" was stored as a number and lost its last digits: correct it from the original papers and make the column text",
            mask_id(s)
        ),
        (Lang::Zh, Problem::Unknown(f, s)) => {
            format!("{}“{s}”无法识别{}", field(lang, *f), form_of(lang, *f))
        }
        (Lang::En, Problem::Unknown(f, s)) => {
            format!(
                "{} \"{s}\" is not understood{}",
                field(lang, *f),
                form_of(lang, *f)
            )
        }
        (Lang::Zh, Problem::BadId(id, why)) => format!("身份证号“{}”有误：{why}", mask_id(id)),
        (Lang::En, Problem::BadId(id, why)) => {
            format!("ID number \"{}\" is wrong: {why}", mask_id(id))
        }
        (Lang::Zh, Problem::Twice(n)) => format!("与第 {n} 行的原编号相同"),
        (Lang::En, Problem::Twice(n)) => format!("the same old number as row {n}"),
        (_, Problem::Refused(why)) => why.clone(),
    }
}

/// How a handling cell is written, after "not understood": the register's own form.
fn form_of(lang: Lang, f: Field) -> &'static str {
    match f {
        Field::Channel => lang.pick(
            "（应为 来访、来信、来电、电子邮件、网上信访 或 上级转交办）",
            " (write visit, letter, phone, e-mail, online or referral)",
        ),
        Field::Decision => lang.pick(
            "（应写作 受理、不予受理（理由）、转送（机关）或 当场答复）",
            " (write accept, decline (ground), pass on (body) or answered on the spot)",
        ),
        Field::People => lang.pick(
            "（应为人数，如 12 或 12人）",
            " (write the number of people, e.g. 12)",
        ),
        Field::Extension => lang.pick("（应写作 15天（理由））", " (write it as 15 days (reason))"),
        Field::Supervision => lang.pick(
            "（应写作 逾期未办结（2026-03-20前反馈），多项以、分隔）",
            " (write it as overdue (feedback by 2026-03-20), several separated by ;)",
        ),
        Field::Satisfaction => lang.pick(
            "（应写作 满意，或 承办单位：满意；信访部门：基本满意）",
            " (write it as satisfied, or unit: satisfied; office: basically satisfied)",
        ),
        _ => "",
    }
}

/// A row's line in the dry run: its number, then what it creates or what is wrong.
pub fn row(lang: Lang, r: &RowPlan) -> String {
    let n = r.line;
    if r.already {
        return match lang {
            Lang::Zh => format!("第 {n} 行：已导入过，跳过"),
            Lang::En => format!("row {n}: imported before, left as it is"),
        };
    }
    if !r.ok() {
        let why: Vec<String> = r.problems.iter().map(|p| problem(lang, p)).collect();
        return match lang {
            Lang::Zh => format!("第 {n} 行：✗ {}", why.join("；")),
            Lang::En => format!("row {n}: ✗ {}", why.join("; ")),
        };
    }
    let steps: Vec<String> = r
        .steps
        .iter()
        .map(|s| step(lang, &s.command, s.at.date_naive()))
        .collect();
    match lang {
        Lang::Zh => format!("第 {n} 行：新建案件 {}", steps.join(" → ")),
        Lang::En => format!("row {n}: a new case, {}", steps.join(" → ")),
    }
}

fn step(lang: Lang, c: &Command, on: chrono::NaiveDate) -> String {
    let verb = labels::step(lang, c.op());
    match c {
        Command::Intake(i) => {
            let who: Vec<&str> = i.petitioners.iter().map(|p| p.name.as_str()).collect();
            let who = if who.is_empty() {
                lang.pick("匿名", "anonymous")
            } else {
                &who.join("、")
            };
            format!(
                "{verb} {on}（{}，{who}，{}）",
                labels::channel(lang, i.channel),
                i.category
            )
        }
        Command::Assign { department, .. } => format!("{verb} {department}"),
        _ => format!("{verb} {on}"),
    }
}

/// The dry run's last line.
pub fn summary(lang: Lang, new: usize, bad: usize, already: usize) -> String {
    match lang {
        Lang::Zh => format!("共 {new} 行可导入，{bad} 行有问题，{already} 行已导入过"),
        Lang::En => format!(
            "{new} rows can be imported, {bad} have problems, {already} were imported before"
        ),
    }
}

/// The register has handling columns but no 受理情况: what becomes of its rows.
pub fn no_decision_column(lang: Lang, columns: &[String]) -> String {
    let named = columns.join("、");
    match lang {
        Lang::Zh => format!(
            "注意：表中有「{named}」，但没有「受理情况」列：各行只登记收件，不导入受理和办理情况，导入后均为待登记，期限从收件日起算（旧件会显示超期）。请在表中加一列「受理情况」（受理、不予受理（理由）告知途径…、转送…、当场答复），或用 --map 原列名=受理情况 指明"
        ),
        Lang::En => format!(
            "note: the sheet has {named} but no 受理情况 (decision) column: each row is only received, its handling is not imported, and every case comes in waiting to be registered, its clocks running from receipt (old ones show overdue). Add a 受理情况 column (受理, 不予受理…, 转送…, 当场答复) or name one with --map column=受理情况"
        ),
    }
}

/// Nothing written because some rows have problems.
pub fn refused(lang: Lang, bad: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "{bad} 行有问题，未导入任何案件：请改正后重新导入，或加 --skip-bad 跳过这些行（它们会写入 --skipped 指定的文件）"
        ),
        Lang::En => format!(
            "{bad} rows have problems, nothing was imported: correct them and import again, or give --skip-bad to leave them out (they are written to the --skipped file)"
        ),
    }
}

pub fn imported(lang: Lang, made: usize, skipped: usize) -> String {
    match lang {
        Lang::Zh => format!("已导入 {made} 件，跳过 {skipped} 行"),
        Lang::En => format!("imported {made} cases, left out {skipped} rows"),
    }
}

pub fn skipped_to(lang: Lang, path: &std::path::Path) -> String {
    match lang {
        Lang::Zh => format!(
            "有问题的行已写入 {}（最后一列为问题），改正后可再次导入",
            path.display()
        ),
        Lang::En => format!(
            "the rows with problems are in {} (the last column says what is wrong): correct them and import it",
            path.display()
        ),
    }
}

/// The column the skipped rows' file adds.
pub fn problem_head(lang: Lang) -> &'static str {
    lang.pick("问题", "Problem")
}

pub fn no_header(lang: Lang) -> &'static str {
    lang.pick(
        "找不到表头行（需有收件日期和主要问题两列）：请用 --map 表中列名=收件日期 指明，或用 import --template 生成对照表",
        "no header row found (it needs a received date and a summary column): name them with --map THEIR-HEADING=收件日期, or write a mapping with import --template",
    )
}

/// Why a file could not be planned at all.
pub fn import_error(lang: Lang, file: &std::path::Path, e: &crate::import::ImportError) -> String {
    use crate::import::ImportError;
    use crate::import::read::ReadError;
    match e {
        ImportError::NoHeader => no_header(lang).to_owned(),
        ImportError::Read(ReadError::Io(e)) => {
            cannot_read(lang, file, &super::input::io_reason(lang, e))
        }
        ImportError::Read(ReadError::Workbook(e)) => cannot_read(lang, file, e),
        ImportError::Read(ReadError::NoSheet) => cannot_read(lang, file, "no sheet"),
        ImportError::Read(ReadError::NoSuchSheet(names)) => no_such_sheet(lang, file, names),
    }
}

/// `--sheet` named no sheet of the workbook.
fn no_such_sheet(lang: Lang, file: &std::path::Path, names: &[String]) -> String {
    let names = quoted(names);
    match lang {
        Lang::Zh => format!("{} 中没有这张表；它的表有：{names}", file.display()),
        Lang::En => format!(
            "{} has no such sheet; its sheets are: {names}",
            file.display()
        ),
    }
}

fn quoted(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("「{n}」")).collect();
    quoted.join("")
}

/// What the plan leaves out of the file besides bad rows, said before the rows: handling
/// with no decision column, columns not read, total rows, sheets not read.
pub fn plan_notes(lang: Lang, plan: &crate::import::Plan) -> Vec<String> {
    let mut notes = Vec::new();
    let unread = plan.handling_without_decision();
    if !unread.is_empty() {
        notes.push(no_decision_column(lang, &unread));
    }
    let columns = plan.unread_columns();
    if !columns.is_empty() {
        notes.push(unread_columns(lang, &columns));
    }
    if !plan.totals.is_empty() {
        let lines: Vec<String> = plan.totals.iter().map(usize::to_string).collect();
        notes.push(match lang {
            Lang::Zh => format!("第 {} 行是合计行，不导入", lines.join("、")),
            Lang::En => format!("row {} totals the sheet: not imported", lines.join(", ")),
        });
    }
    if let (Some(sheet), false) = (&plan.sheet, plan.other_sheets.is_empty()) {
        let others = quoted(&plan.other_sheets);
        notes.push(match lang {
            Lang::Zh => format!(
                "只读了表「{sheet}」；工作簿另有表{others}未读：要导入，请用 --sheet 表名 逐表导入（导入过的行会跳过）"
            ),
            Lang::En => format!(
                "only the sheet 「{sheet}」 was read; the workbook's sheets {others} were not: import each with --sheet NAME (rows imported before are left as they are)"
            ),
        });
    }
    notes
}

fn unread_columns(lang: Lang, columns: &[String]) -> String {
    let named = columns.join("、");
    match lang {
        Lang::Zh => format!(
            "注意：以下列不导入：{named}。如其中某列应导入，请指明它是本系统的哪一列（--map 原列名=本系统列名，或登记表的「表头对照」；列名见 import --template）"
        ),
        Lang::En => format!(
            "note: these columns are not imported: {named}. If one should be, name the column it is (--map THEIR-HEADING=OUR-HEADING, or the form's mapping field; the headings are in import --template)"
        ),
    }
}

pub fn cannot_read(lang: Lang, path: &std::path::Path, e: &str) -> String {
    match lang {
        Lang::Zh => format!("无法读取 {}：{e}", path.display()),
        Lang::En => format!("cannot read {}: {e}", path.display()),
    }
}

/// A `--map` the import does not understand.
pub fn bad_map(lang: Lang, part: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "对照“{part}”无法识别：应写作 表中列名=本系统列名，如 来访日期=收件日期（可用的列名见 import --template）"
        ),
        Lang::En => format!(
            "mapping \"{part}\" is not understood: write THEIR-HEADING=OUR-HEADING, e.g. 来访日期=收件日期 (the headings are in import --template)"
        ),
    }
}

pub fn template_comment(lang: Lang) -> &'static str {
    lang.pick(
        "列名对照表：每行 表中列名=本系统列名，改左边为贵单位台账的列名；用 --map-file 本文件 导入",
        "Column mapping: one THEIR-HEADING=OUR-HEADING a line; change the left side to your register's heading; use with --map-file THIS-FILE",
    )
}

/// `import` without a file, or with `--template` and a file.
pub fn needs_file(lang: Lang) -> &'static str {
    lang.pick(
        "请给出要导入的文件（.xlsx、.xls 或 .csv）",
        "give the file to import (.xlsx, .xls or .csv)",
    )
}

pub fn written_template(lang: Lang, path: &std::path::Path) -> String {
    match lang {
        Lang::Zh => format!("对照表已写入 {}", path.display()),
        Lang::En => format!("mapping written to {}", path.display()),
    }
}

/// What the import's write refused, at which row.
pub fn failed_at(lang: Lang, row: usize, why: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("第 {row} 行写入失败：{why}（此前的批次已写入，每件完整；重新导入会跳过它们）")
        }
        Lang::En => format!(
            "row {row} could not be written: {why} (earlier batches are in, each case whole; importing again leaves them)"
        ),
    }
}

pub fn about(lang: Lang) -> &'static str {
    lang.pick(
        "导入本单位原有的信访台账（Excel 或 CSV）：识别常见列名，保留原编号，按每行的日期逐步登记、受理、交办、答复、归档；先全部检查，有问题时不写入（领导）",
        "bring in the office's old register (Excel or CSV): common headings recognised, old numbers kept, each row taken through intake, decision, assignment, reply and archiving on its dates; everything is checked first and nothing is written while a row has a problem (a leader's)",
    )
}

pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "register" => lang.pick(
            "要导入的台账：.xlsx、.xls 或 .csv（UTF-8 或 GBK）",
            "the register: .xlsx, .xls or .csv (UTF-8 or GBK)",
        ),
        "map" => lang.pick(
            "列名对照，如 来访日期=收件日期（可多次给出）",
            "a heading mapping, e.g. 来访日期=收件日期 (repeatable)",
        ),
        "map_file" => lang.pick(
            "列名对照文件（import --template 生成）",
            "a mapping file (import --template writes one)",
        ),
        "dry_run" => lang.pick(
            "只检查：逐行列出将新建的案件和每个问题，不写入",
            "check only: list per row what would be made and every problem, write nothing",
        ),
        "skip_bad" => lang.pick(
            "跳过有问题的行，导入其余各行",
            "leave out the rows with problems and import the rest",
        ),
        "skipped" => lang.pick(
            "被跳过的行写入此 CSV 文件（默认：原文件名加 .skipped.csv）",
            "write the rows left out to this CSV (default: the file's name + .skipped.csv)",
        ),
        "template" => lang.pick("输出列名对照表模板", "print a mapping template"),
        _ => "",
    }
}

/// The desk's import screen: its title, the file planned and the keys at the foot.
pub fn screen_title(lang: Lang, file: &str, written: bool) -> String {
    match (lang, written) {
        (Lang::Zh, false) => format!("导入台账（预检，尚未写入）：{file}"),
        (Lang::Zh, true) => format!("导入台账（已写入）：{file}"),
        (Lang::En, false) => format!("Import a register (dry run, nothing written): {file}"),
        (Lang::En, true) => format!("Import a register (written): {file}"),
    }
}

/// The keys of the import screen: write (when there is something to write) and leave.
pub fn screen_keys(lang: Lang, can_write: bool) -> &'static str {
    match (lang, can_write) {
        (Lang::Zh, true) => "I 确认导入    ↑↓ PgUp/PgDn 翻看    Esc 返回（不导入）",
        (Lang::Zh, false) => "↑↓ PgUp/PgDn 翻看    Esc 返回",
        (Lang::En, true) => "I import now    ↑↓ PgUp/PgDn scroll    Esc back (nothing imported)",
        (Lang::En, false) => "↑↓ PgUp/PgDn scroll    Esc back",
    }
}

/// Shown when nothing can be written: every row bad and not skipped, or nothing new.
pub fn nothing_to_write(lang: Lang, bad: usize) -> String {
    match (lang, bad) {
        (Lang::Zh, 0) => "没有可导入的新行".to_owned(),
        (Lang::En, 0) => "no new rows to import".to_owned(),
        (Lang::Zh, n) => format!(
            "{n} 行有问题，未导入任何案件：请改正台账后重新导入，或勾选“跳过问题行”（这些行会写入原文件旁的 .skipped.csv，改正后再导入）"
        ),
        (Lang::En, n) => format!(
            "{n} rows have problems, nothing was imported: correct the register and plan again, or tick \"skip bad rows\" (they are written to a .skipped.csv beside the file)"
        ),
    }
}

/// The import form's title: Ctrl-S plans only.
pub fn form_title(lang: Lang) -> &'static str {
    lang.pick(
        "导入台账（Ctrl-S 先预检，不写入；对照可写 来访日期=收件日期；… 或对照表文件路径）",
        "Import a register (Ctrl-S checks first, writes nothing; map: 来访日期=收件日期; … or a mapping file)",
    )
}
