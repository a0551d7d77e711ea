//! Refusals for the order and the once-only steps of a case's course (2022《信访工作条例》):
//! a 复查 asked twice, a step dated before the last, 当场答复 the next day, 不属于本机关 said of
//! an item passed down after the days to object.

use chrono::NaiveDate;

use super::{Lang, labels};
use crate::domain::error::OutOfTurn as T;
use crate::domain::op::Op;

/// The refusal in words.
pub fn refused(lang: Lang, turn: &T) -> String {
    match turn {
        T::AlreadyReviewed { op, case, review } => already_reviewed(lang, *op, case, review),
        T::BeforeLastStep { op, date, last } => before_last_step(lang, *op, *date, *last),
        T::SpotDayPassed { received } => spot_day_passed(lang, *received),
        T::ObjectionWindowClosed { due } => objection_closed(lang, *due),
    }
}

/// A second 复查 of the same opinion, or an undo on a case already reviewed (Art 35, 36).
fn already_reviewed(lang: Lang, op: Op, case: &str, review: &str) -> String {
    match (lang, op) {
        (Lang::Zh, Op::Undo) => format!(
            "不能撤销：{case} 已被请求复查或复核（{review}），其答复是复查、复核的依据，不再撤销；如有错误请按更正办理或报领导"
        ),
        (Lang::En, Op::Undo) => format!(
            "cannot undo: {case} is under review as {review}, and its reply is what the review stands on; correct it or ask a leader"
        ),
        (Lang::Zh, _) => format!(
            "{case} 已请求过复查或复核（{review}），同一处理意见只复查、复核一次（第三十五条、第三十六条）：再次来信来访请作为重复件登记在 {review}"
        ),
        (Lang::En, _) => format!(
            "{case} has been reviewed already ({review}); an opinion is reviewed once (Art 35, 36): register the new request as a repeat item on {review}"
        ),
    }
}

fn objection_closed(lang: Lang, due: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!(
            "不能以「不属于本机关职权范围」不予受理：转交办的信访事项应自收到之日起5个工作日内向转交机关提出异议，异议期已于{due}届满（第二十三条第三款）；请受理办理，或报领导与转交机关协商"
        ),
        Lang::En => format!(
            "cannot decline an item passed down as not ours: the 5 working days to object to the body that passed it ended on {due} (Art 23); accept it, or ask a leader to settle it with that body"
        ),
    }
}

fn spot_day_passed(lang: Lang, received: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!(
            "当场答复只在来访、来电当天登记（本件{received}收到），信访人已离开：请选择受理、不予受理或转送，再书面告知（第二十三条第二款）"
        ),
        Lang::En => format!(
            "an answer on the spot is recorded the day the item came ({received}); the petitioner has left: accept, decline or pass it on, then tell them in writing (Art 23)"
        ),
    }
}

fn before_last_step(lang: Lang, op: Op, date: NaiveDate, last: NaiveDate) -> String {
    let verb = labels::step(lang, op);
    if lang == Lang::Zh {
        format!(
            "不能{verb}：日期{date}早于本件上一步的日期{last}，办理记录按时间先后记载，请核对日期"
        )
    } else {
        format!(
            "cannot {verb}: dated {date}, before the case's last step on {last}; steps are recorded in order, check the date"
        )
    }
}
