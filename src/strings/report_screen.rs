//! The leader's report screen (the report's own words are in `report`).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Lang;
use super::report::{date, period_label};
use crate::domain::stats::Period;

/// The title while a report is made.
pub fn making(lang: Lang, p: &Period) -> String {
    match lang {
        Lang::Zh => format!("正在生成{}信访情况分析报告……", period_label(lang, p)),
        Lang::En => format!("Making the report for {}…", period_label(lang, p)),
    }
}

/// The line under the title: to when, and what it is compared with (`previous` none where
/// it is the year before).
pub fn compared(
    lang: Lang,
    cutoff: NaiveDate,
    previous: Option<&Period>,
    last_year: &Period,
) -> String {
    let to = date(lang, cutoff);
    let year = period_label(lang, last_year);
    match (lang, previous) {
        (Lang::Zh, Some(p)) => format!("截至{to}　环比：{}　同比：{year}", period_label(lang, p)),
        (Lang::Zh, None) => format!("截至{to}　同比：{year}"),
        (Lang::En, Some(p)) => format!("to {to}   against {} and {year}", period_label(lang, p)),
        (Lang::En, None) => format!("to {to}   against {year}"),
    }
}

/// → on the current period: the next has not begun.
pub fn no_next(lang: Lang, next: &Period) -> String {
    match lang {
        Lang::Zh => format!("{}尚未开始，没有下一期", period_label(lang, next)),
        Lang::En => format!(
            "{} has not begun: no later period",
            period_label(lang, next)
        ),
    }
}

/// ← past the earliest year a period may name.
pub fn no_earlier(lang: Lang) -> &'static str {
    lang.pick("已是最早一期", "This is the earliest period")
}

/// Under a list paged on the screen: which page of how many, and how many cases; `chosen`
/// when the page keys move this list.
pub fn list_page(lang: Lang, page: usize, pages: usize, total: u64, chosen: bool) -> String {
    let mark = if chosen { "▸ " } else { "" };
    match lang {
        Lang::Zh => format!("{mark}第 {page}/{pages} 页，共 {total} 件"),
        Lang::En => format!("{mark}page {page} of {pages}, {total} in all"),
    }
}

/// After l: which list `<` and `>` now page, and how long it is (a list of one page has
/// no page note to mark).
pub fn list_chosen(lang: Lang, supervised: bool, total: u64, pages: usize) -> String {
    match lang {
        Lang::Zh => {
            let list = if supervised { "督办件" } else { "超期件" };
            format!("< > 现在翻{list}：共 {total} 件，{pages} 页")
        }
        Lang::En => {
            let list = if supervised { "supervised" } else { "overdue" };
            let s = if pages == 1 { "" } else { "s" };
            format!("< and > now page the {list} list: {total} in all, {pages} page{s}")
        }
    }
}

/// After x: where the files went.
pub fn written(lang: Lang, paths: &[PathBuf]) -> String {
    let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    match lang {
        Lang::Zh => format!("报告已写出：{}", list.join("、")),
        Lang::En => format!("Report written: {}", list.join(", ")),
    }
}

/// The base of the files' names, before `.html` and `.csv`.
pub fn file_stem(lang: Lang, p: &Period) -> String {
    format!("{}-{}", lang.pick("信访情况分析报告", "report"), p.code())
}

/// Why the folder for the files could not be made.
pub fn cannot_make_folder(lang: Lang, path: &std::path::Path, e: &std::io::Error) -> String {
    match lang {
        Lang::Zh => format!(
            "无法建立报告文件夹 {}：{e}。请检查台账所在目录是否可写。",
            path.display()
        ),
        Lang::En => format!(
            "Cannot make the report folder {}: {e}. Check that the ledger's folder is writable.",
            path.display()
        ),
    }
}
