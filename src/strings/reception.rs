//! Texts of the reception-day screen.

use chrono::NaiveDate;

use super::Lang;

pub fn title(lang: Lang, today: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("领导接待日  {today}"),
        Lang::En => format!("Reception days  {today}"),
    }
}

pub fn schedule(lang: Lang) -> &'static str {
    lang.pick("排班（今后四周）", "schedule (next four weeks)")
}

pub fn records(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("今日接待记录（{n}）"),
        Lang::En => format!("today's receptions ({n})"),
    }
}

pub fn nothing(lang: Lang) -> &'static str {
    lang.pick("（无）", "(none)")
}

pub fn received_by(lang: Lang, leader: &str) -> String {
    match lang {
        Lang::Zh => format!("接待领导 {leader}"),
        Lang::En => format!("received by {leader}"),
    }
}

pub fn said(lang: Lang) -> &'static str {
    lang.pick("反映：", "said: ")
}

pub fn decided(lang: Lang) -> &'static str {
    lang.pick("意见：", "decided: ")
}
