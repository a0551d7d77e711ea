//! Texts of the charts screen.

use chrono::NaiveDate;

use super::Lang;

pub fn title(lang: Lang, today: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("统计图  截至 {today}，近12周"),
        Lang::En => format!("Charts  to {today}, last 12 weeks"),
    }
}

pub fn weekly(lang: Lang, batches: i64, people: i64) -> String {
    match lang {
        Lang::Zh => format!("每周登记（批次）  合计 {batches} 批 {people} 人次"),
        Lang::En => {
            format!("intake per week (batches)  total {batches} batches, {people} person-times")
        }
    }
}

pub fn by_category(lang: Lang) -> String {
    lang.pick("按问题分类", "by category").to_owned()
}

pub fn by_channel(lang: Lang) -> String {
    lang.pick("按渠道", "by channel").to_owned()
}

pub fn overdue_by_department(lang: Lang) -> String {
    lang.pick("超期件按承办部门", "overdue by department")
        .to_owned()
}

pub fn unassigned(lang: Lang) -> &'static str {
    lang.pick("未交办", "not assigned")
}

/// The last line of a bar list cut to its box: how many more there are and their sum.
pub fn more_items(lang: Lang, items: usize, sum: i64) -> String {
    match lang {
        Lang::Zh => format!("…另有 {items} 项，合计 {sum} 件"),
        Lang::En => format!("…{items} more, holding {sum} between them"),
    }
}

pub fn nothing(lang: Lang) -> &'static str {
    lang.pick("（无）", "(none)")
}
