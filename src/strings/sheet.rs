//! Texts of the spreadsheets: the register's (信访登记簿) column headings and the words
//! its cells are made of, and the sheets of the report's workbook.

use super::{Lang, labels};
use crate::domain::types::{Satisfaction, ServiceMethod};

/// The register's columns in the order of a 信访登记簿: (Chinese, English, width in
/// characters as a spreadsheet counts them).
pub const REGISTER: [(&str, &str, u8); 27] = [
    ("编号", "No.", 11),
    ("收件日期", "Received", 11),
    ("信访形式", "Channel", 10),
    ("信访人", "Petitioners", 10),
    ("性别", "Sex", 5),
    ("身份证号", "ID numbers", 20),
    ("电话", "Phones", 14),
    ("住址/单位", "Address / work unit", 22),
    ("人数", "People", 5),
    ("问题分类", "Category", 10),
    ("被反映单位/人", "Accused unit / person", 16),
    ("问题发生地", "Location", 14),
    ("主要问题", "Summary", 36),
    ("诉求", "Request", 24),
    ("受理情况", "Decision", 12),
    ("承办部门", "Department", 12),
    ("承办人", "Handler", 8),
    ("包案领导", "Owner leader", 8),
    ("期限", "Due", 11),
    ("延期", "Extension", 12),
    ("督办", "Supervision", 14),
    ("答复日期", "Replied", 11),
    ("处理结果", "Result", 32),
    ("送达", "Service", 16),
    ("回访满意度", "Satisfaction", 14),
    ("归档日期", "Archived", 11),
    ("状态", "State", 7),
];

/// The register's headings in `lang`.
pub fn register_heads(lang: Lang) -> Vec<&'static str> {
    REGISTER
        .iter()
        .map(|(zh, en, _)| lang.pick(zh, en))
        .collect()
}

/// The name of the register's sheet.
pub fn register_sheet(lang: Lang) -> &'static str {
    lang.pick("信访登记簿", "Register")
}

/// What joins several values in one cell (the petitioners of a group visit).
pub fn list_sep(lang: Lang) -> &'static str {
    lang.pick("、", "; ")
}

pub use super::labels::sex;

/// The route told with a 不予受理 (Art 23, Art 31: the proper body or procedure), after
/// its ground in 受理情况; what `import::handling::ROUTE_MARKS` reads back.
pub fn route(lang: Lang, route: &str) -> String {
    match (lang, route.trim()) {
        (_, "") => String::new(),
        (Lang::Zh, r) => format!("告知途径：{r}"),
        (Lang::En, r) => format!("; route: {r}"),
    }
}

/// The 延期 cell: days granted and why.
pub fn extension(lang: Lang, days: u32, reason: &str) -> String {
    match lang {
        Lang::Zh => format!("{days}天（{reason}）"),
        Lang::En => format!("{days} days ({reason})"),
    }
}

/// One 督办 of the 督办 cell: its ground and the day feedback is due.
pub fn supervision(lang: Lang, ground: &str, feedback_by: chrono::NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{ground}（{feedback_by}前反馈）"),
        Lang::En => format!("{ground} (feedback by {feedback_by})"),
    }
}

/// The 送达 cell: how, on which day, and whether signed for (签收) or refused (拒收).
pub fn service(lang: Lang, m: ServiceMethod, on: chrono::NaiveDate, signed: bool) -> String {
    let signed = match (lang, signed) {
        (Lang::Zh, true) => "签收",
        (Lang::Zh, false) => "拒收",
        (Lang::En, true) => "signed for",
        (Lang::En, false) => "refused",
    };
    format!("{} {on} {signed}", labels::service(lang, m))
}

/// The 回访满意度 cell: with the handling unit and with the 信访 office.
pub fn satisfaction(lang: Lang, unit: Satisfaction, office: Satisfaction) -> String {
    let (u, o) = (
        labels::satisfaction(lang, unit),
        labels::satisfaction(lang, office),
    );
    match lang {
        Lang::Zh => format!("承办单位：{u}；信访部门：{o}"),
        Lang::En => format!("unit: {u}; office: {o}"),
    }
}

/// The report workbook's sheets: the figures, the overdue and the supervised cases.
pub fn report_sheets(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Zh => ["统计数据", "超期件", "督办件"],
        Lang::En => ["Figures", "Overdue", "Supervised"],
    }
}

/// A figures sheet's heading with the period it counts: 上期（2026年11月1日至7日）.
pub fn period_head(lang: Lang, head: &str, period: &str) -> String {
    match lang {
        Lang::Zh => format!("{head}（{period}）"),
        Lang::En => format!("{head} ({period})"),
    }
}

/// The figures sheet's headings.
pub fn figure_heads(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => ["部分", "指标", "本期", "上期", "环比%", "去年同期", "同比%"],
        Lang::En => [
            "Section",
            "Figure",
            "This period",
            "Previous",
            "Change %",
            "Last year",
            "Year on year %",
        ],
    }
}

/// Said when a sheet would have more rows than a workbook holds.
pub fn too_many_rows(lang: Lang, rows: usize) -> String {
    match lang {
        Lang::Zh => {
            format!("共 {rows} 行，超过 Excel 工作表的上限（1048576 行）：请改用 --format csv")
        }
        Lang::En => {
            format!("{rows} rows is more than an Excel sheet holds (1,048,576): use --format csv")
        }
    }
}

/// The workbook could not be made.
pub fn cannot_make(lang: Lang, e: &str) -> String {
    format!(
        "{}{e}",
        lang.pick("无法生成 Excel 文件：", "cannot make the workbook: ")
    )
}

/// `--format xlsx` without `--out`.
pub fn needs_out(lang: Lang) -> &'static str {
    lang.pick(
        "Excel 文件须写入文件：请用 --out 文件名.xlsx 指定",
        "a workbook is written to a file: give --out FILE.xlsx",
    )
}
