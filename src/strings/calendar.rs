//! Texts of years without an official holiday table (provisional due dates) and of
//! `xinfang calendar import`.

use std::path::Path;

use super::Lang;
use crate::domain::calendar::import::TableProblem;

fn years_list(years: &[i32]) -> String {
    let list: Vec<String> = years.iter().map(i32::to_string).collect();
    list.join(", ")
}

/// The note under a provisional due date (`show`, the desk's case screen).
pub fn provisional_note(lang: Lang, years: &[i32]) -> String {
    let years = years_list(years);
    match lang {
        Lang::Zh => format!(
            "暂定：{years}年尚无国务院放假安排，按《全国年节及纪念日放假办法》法定假日推算；公布后请用 xinfang calendar import 导入"
        ),
        Lang::En => format!(
            "provisional: no official holiday table for {years} yet; counted with the statutory holidays of the 放假办法 until it is imported (xinfang calendar import)"
        ),
    }
}

/// The short marker after a provisional date where space is scarce (the queue's due column).
pub const PROVISIONAL_MARK: &str = "*";

/// The legend of [`PROVISIONAL_MARK`].
pub fn provisional_legend(lang: Lang) -> &'static str {
    lang.pick(
        "* 暂定日期：该年尚无国务院放假安排",
        "* provisional: no official holiday table for that year yet",
    )
}

/// The sentence a notice adds after a due date in a year without a table.
pub fn provisional_in_notice(lang: Lang, years: &[i32]) -> String {
    let years = years_list(years);
    match lang {
        Lang::Zh => format!(
            "（{years}年国务院放假安排尚未公布，上述期限按法定节假日推算，如有调整以正式安排为准）"
        ),
        Lang::En => format!(
            "(The official holiday schedule for {years} has not been published; the date above is computed from the statutory holidays and may change.)"
        ),
    }
}

/// `calendar import` succeeded.
pub fn imported(lang: Lang, year: i32, to: &Path) -> String {
    let to = to.display();
    match lang {
        Lang::Zh => format!("已导入{year}年放假安排：{to}；{year}年的期限不再是暂定日期"),
        Lang::En => format!(
            "imported the {year} holiday table to {to}; {year} dates are no longer provisional"
        ),
    }
}

/// After `calendar import`: the ledger's cases re-stamped with the new table.
pub fn restamped(lang: Lang, ledger: &Path, open: usize, moved: usize) -> String {
    let ledger = ledger.display();
    match lang {
        Lang::Zh => format!(
            "台账 {ledger}：已按新的放假安排重算 {open} 件未归档案件的期限，其中 {moved} 件的到期日有变化（已记入操作日志）"
        ),
        Lang::En => format!(
            "ledger {ledger}: the due dates of {open} cases not archived were computed again with the new table; {moved} moved (recorded in the office journal)"
        ),
    }
}

/// The table went in but the ledger's due dates could not follow it.
pub fn not_restamped(lang: Lang, ledger: &Path, why: &str) -> String {
    let ledger = ledger.display();
    match lang {
        Lang::Zh => format!(
            "放假安排已导入，但台账 {ledger} 中案件的期限未能按新安排重算：{why}。问题解决后请再次运行 xinfang calendar import --db {ledger} 同一文件（在此之前 check 会报告期限不一致）"
        ),
        Lang::En => format!(
            "the holiday table is in, but the due dates in ledger {ledger} could not be computed again with it: {why}. Once that is fixed, run xinfang calendar import --db {ledger} with the same file again (until then check reports the due dates as differing)"
        ),
    }
}

/// `calendar import` without a config directory to write to.
pub fn no_config_dir(lang: Lang) -> &'static str {
    lang.pick(
        "找不到配置目录：请设置环境变量 XINFANG_CONFIG",
        "no configuration directory: set XINFANG_CONFIG",
    )
}

/// A table `calendar import` refuses: where, what, and what to fix.
pub fn table_problem(lang: Lang, file: &Path, p: &TableProblem) -> String {
    let file = file.display();
    let zh = matches!(lang, Lang::Zh);
    match p {
        TableProblem::Shape {
            line,
            column,
            detail,
        } if zh => format!(
            "{file} 第{line}行第{column}列：不是放假安排表的格式（{detail}）。应为 {{\"year\": 2027, \"days\": [{{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}}, …]}}，每一天都要有 name、date、isOffDay 三个字段"
        ),
        TableProblem::Shape {
            line,
            column,
            detail,
        } => format!(
            "{file} line {line}, column {column}: not a holiday table ({detail}). Expected {{\"year\": 2027, \"days\": [{{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}}, …]}} with name, date and isOffDay on every day"
        ),
        TableProblem::BadDate { line, value } if zh => format!(
            "{file} 第{line}行：date 字段 \"{value}\" 不是有效日期，请写成 YYYY-MM-DD（如 2027-01-01）"
        ),
        TableProblem::BadDate { line, value } => format!(
            "{file} line {line}: field date \"{value}\" is not a real date; write YYYY-MM-DD (e.g. 2027-01-01)"
        ),
        TableProblem::OutsideYear { line, year, date } if zh => format!(
            "{file} 第{line}行：date 字段 {date} 不在 year 字段所写的{year}年内；请改正日期或 year"
        ),
        TableProblem::OutsideYear { line, year, date } => format!(
            "{file} line {line}: field date {date} is not in the table's year {year}; fix the date or the year"
        ),
        TableProblem::Conflict { line, date } if zh => format!(
            "{file} 第{line}行：{date} 已列出过且 isOffDay 不同；每个日期只能是放假（true）或调休上班（false）之一"
        ),
        TableProblem::Conflict { line, date } => format!(
            "{file} line {line}: {date} is listed twice with different isOffDay; a date is either off (true) or a make-up working day (false)"
        ),
        TableProblem::NoDaysOff { year } if zh => {
            format!("{file}：{year}年的表中没有 \"isOffDay\": true 的日子，这不是放假安排表")
        }
        TableProblem::NoDaysOff { year } => format!(
            "{file}: the {year} table has no day with \"isOffDay\": true; it is not a holiday table"
        ),
    }
}
